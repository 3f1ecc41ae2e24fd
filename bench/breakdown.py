"""Where one validation spends its time: per stage and per rule, as multiples of the floor.

    python bench/run.py --profile       # N = 1,000 and 10,000, and each rule's 10k → 20k growth

The stages are timed by wrapping, from here, the functions ``ddexkit.engine`` calls for each
one (read_document, start_validation, build_message, the rules' checks, summarize, _issues)
and the moment the FileReport is made: whatever ``_validate_bytes`` spends after it is freeing
the tree and the model. The XSD pass is run in line here, not in its thread beside the model
build, so that each stage's own cost is seen apart. Nothing in ddexkit is edited or slowed
when this is not running.

A rule whose time grows faster than its message is found by its growth from 10,000 to
20,000 tracks: linear work doubles, quadratic work quadruples. The growth is scaled by the
model build's own growth in the same two validations: the build is linear Python work over
the same objects (one loop per record), so a busier moment, or a heap that no longer fits the
caches, slows it as it slows the rules, and does not pass for superlinear work. The floor is
no such yardstick: in one run libxml2's parse and XSD pass grew 1.6× where the model build
grew 2.1×, and scaled by the floor every rule was flagged. Above ``SUPERLINEAR`` (1.2 × 2)
a rule is flagged. Times, not assertions: tests/test_rules_linear.py proves the same by
counting work.
"""

from __future__ import annotations

import dataclasses
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ddexkit
import ddexkit.engine as engine

# A rule below this many milliseconds at 10,000 tracks is too small to judge its growth.
NOISE_MS = 5.0
SUPERLINEAR = 1.2 * 2
STAGES = ("parse", "XSD", "model build", "rules", "summary", "locations", "report to_dict",
          "free", "other")


@dataclasses.dataclass
class Profile:
    """Seconds per stage and per rule code of one validation."""

    stages: dict[str, float] = dataclasses.field(default_factory=dict)
    rules: dict[str, float] = dataclasses.field(default_factory=dict)

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds


def _timed(profile: Profile, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            profile.add(stage, time.perf_counter() - start)

    return wrapper


def _timed_check(profile: Profile, code: str, check: Callable[..., Iterable[Any]]
                 ) -> Callable[..., list[Any]]:
    """The check, run to its end at once (the engine takes every finding anyway)."""

    def wrapper(subject: Any, context: Any) -> list[Any]:
        start = time.perf_counter()
        try:
            return list(check(subject, context))
        finally:
            elapsed = time.perf_counter() - start
            profile.rules[code] = profile.rules.get(code, 0.0) + elapsed
            profile.add("rules", elapsed)

    return wrapper


@contextmanager
def profiled(profile: Profile) -> Iterator[None]:
    """Within the block, every validation adds its stage and rule times to ``profile``."""
    saved = {name: getattr(engine, name) for name in (
        "read_document", "start_validation", "build_message", "summarize", "_issues",
        "_validate_bytes", "FileReport", "ALL_RULES")}
    made: list[float] = []

    def file_report(*args: Any, **kwargs: Any) -> Any:
        report = saved["FileReport"](*args, **kwargs)
        made.append(time.perf_counter())
        return report

    def validate_bytes(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        made.clear()
        report = saved["_validate_bytes"](*args, **kwargs)
        end = time.perf_counter()
        if made:
            profile.add("free", end - made[-1])
        profile.add("validate", end - start)
        return report

    engine.read_document = _timed(profile, "parse", saved["read_document"])
    validate_in_line = _timed(profile, "XSD", saved["start_validation"])
    engine.start_validation = lambda tree, folder, in_thread: validate_in_line(
        tree, folder, in_thread=False)
    engine.build_message = _timed(profile, "model build", saved["build_message"])
    engine.summarize = _timed(profile, "summary", saved["summarize"])
    engine._issues = _timed(profile, "locations", saved["_issues"])
    engine._validate_bytes = validate_bytes
    engine.FileReport = file_report
    engine.ALL_RULES = tuple(
        dataclasses.replace(rule, check=_timed_check(profile, rule.code, rule.check))
        for rule in saved["ALL_RULES"])
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(engine, name, value)


def profile_validation(path: Path, schema_dir: Path, rounds: int) -> Profile:
    """The median of each stage and rule over ``rounds`` validations (after one warm-up)."""
    runs: list[Profile] = []
    for round_number in range(rounds + 1):
        profile = Profile()
        with profiled(profile):
            start = time.perf_counter()
            report = ddexkit.validate(path, schema_dir=schema_dir)
            validated = time.perf_counter()
            report.to_dict()
            done = time.perf_counter()
        profile.add("report to_dict", done - validated)
        profile.add("total", done - start)
        inner = sum(profile.stages.get(s, 0.0) for s in STAGES if s != "other")
        profile.add("other", profile.stages["total"] - inner)
        if round_number:
            runs.append(profile)
    median = Profile()
    for stage in {s for p in runs for s in p.stages}:
        median.stages[stage] = statistics.median(p.stages.get(stage, 0.0) for p in runs)
    for code in {c for p in runs for c in p.rules}:
        median.rules[code] = statistics.median(p.rules.get(code, 0.0) for p in runs)
    return median


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def stage_table(profiles: dict[int, Profile], floors: dict[int, float]) -> list[str]:
    sizes = list(profiles)
    head = " | ".join(f"{n:,}: ms | × floor" for n in sizes)
    lines = [f"| stage | {head} |", "|---|" + "---:|---:|" * len(sizes)]
    for stage in (*STAGES, "total"):
        cells = " | ".join(
            f"{_ms(profiles[n].stages.get(stage, 0.0))} | "
            f"{profiles[n].stages.get(stage, 0.0) / floors[n]:.2f}×" for n in sizes)
        lines.append(f"| {stage} | {cells} |")
    lines.append("| floor (parse + XSD) | " + " | ".join(
        f"{_ms(floors[n])} | 1.00×" for n in sizes) + " |")
    return lines


def rule_table(profiles: dict[int, Profile], floors: dict[int, float],
               growth: dict[str, float] | None, top: int = 25) -> list[str]:
    """The ``top`` slowest rules at the largest size, the rest summed; with ``growth``, each
    rule's time ratio from 10,000 to 20,000 tracks (flagged above SUPERLINEAR)."""
    sizes = list(profiles)
    largest = profiles[sizes[-1]]
    order = sorted(largest.rules, key=lambda code: -largest.rules[code])
    head = " | ".join(f"{n:,}: ms | × floor" for n in sizes)
    extra = " | 10k → 20k, build scaled to 2× |" if growth is not None else " |"
    lines = [f"| rule | {head}{extra}",
             "|---|" + "---:|---:|" * len(sizes) + ("---:|" if growth is not None else "")]

    def cells(codes: list[str]) -> str:
        return " | ".join(
            f"{_ms(sum(profiles[n].rules.get(c, 0.0) for c in codes))} | "
            f"{sum(profiles[n].rules.get(c, 0.0) for c in codes) / floors[n]:.3f}×"
            for n in sizes)

    for code in order[:top]:
        row = f"| {code} | {cells([code])} |"
        if growth is not None:
            ratio = growth.get(code)
            mark = "" if ratio is None or ratio <= SUPERLINEAR else " **superlinear**"
            row += f" {'—' if ratio is None else f'{ratio:.2f}×'}{mark} |"
        lines.append(row)
    rest = order[top:]
    if rest:
        lines.append(f"| {len(rest)} other rules | {cells(rest)} |" +
                     (" |" if growth is not None else ""))
    return lines


def build_growth(small: Profile, large: Profile) -> float:
    """How much longer the model build took on the larger file."""
    return large.stages["model build"] / small.stages["model build"]


def growth_of_rules(small: Profile, large: Profile, yardstick: float) -> dict[str, float]:
    """Each rule's time ratio large / small as if the yardstick's (the model build's) had
    been 2 (the files are twice as large), for the rules slow enough to measure."""
    return {code: large.rules[code] / small.rules[code] * 2 / yardstick
            for code in large.rules
            if small.rules.get(code, 0.0) * 1000 >= NOISE_MS / 2 and code in small.rules}


def superlinear(growth: dict[str, float]) -> list[str]:
    return sorted(code for code, ratio in growth.items() if ratio > SUPERLINEAR)
