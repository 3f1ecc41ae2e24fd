"""Time the model build alone (``ddexkit.parser.build_message``) and its two parts, the index
and the walk, on generated albums, with every rule's index keys, as the engine builds it.

    python bench/build.py                  # 1,000 and 10,000 tracks
    python bench/build.py 1000 --rounds 15 --deal-heavy

The minimum of the rounds is printed, in CPU time of this process (``time.process_time``):
on a shared machine the wall clock mostly measures the neighbours. The cyclic GC is off, as
the engine keeps it for a whole message (``cyclic_gc_paused``). For the whole validation,
per stage, see ``run.py --profile``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from ddexkit import engine, parser

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import write_album  # noqa: E402
from generate_deal_heavy import write_message  # noqa: E402


def _least_seconds(work: Callable[[], object], rounds: int) -> float:
    least = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        made = work()
        least = min(least, time.process_time() - start)
        del made  # freed outside the timing, as the engine frees the model after the rules
    return least


def time_build(path: Path, rounds: int) -> dict[str, float]:
    """Least seconds of the index, of the walk and of the whole build of ``path``."""
    root = etree.parse(str(path)).getroot()
    keys = frozenset().union(*(rule.indexes for rule in engine.ALL_RULES))
    plan = parser._index_plan(keys)
    index, made = parser._index(root, plan)
    with parser.cyclic_gc_paused():
        return {
            "index": _least_seconds(lambda: parser._index(root, plan), rounds),
            "walk": _least_seconds(lambda: parser._ModelBuilder(made).message(root, index),
                                   rounds),
            "build_message": _least_seconds(lambda: parser.build_message(root, keys), rounds),
        }


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("tracks", type=int, nargs="*", default=[1_000, 10_000])
    arguments.add_argument("--rounds", type=int, default=7)
    arguments.add_argument("--deal-heavy", action="store_true",
                           help="generate_deal_heavy.py's shape instead of generate.py's")
    args = arguments.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        for tracks in args.tracks:
            path = Path(work) / f"{tracks}.xml"
            if args.deal_heavy:
                write_message(tracks, path)
            else:
                write_album(tracks, path)
            times = time_build(path, args.rounds)
            print(f"{tracks:>7,} tracks ({path.stat().st_size / 1e6:.1f} MB): "
                  + ", ".join(f"{part} {seconds * 1000:.1f} ms"
                              for part, seconds in times.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
