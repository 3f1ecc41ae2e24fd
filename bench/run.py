"""Benchmark ddexkit against the floor it cannot beat, and print the ratios of issue 16.

    python bench/run.py                 # N = 1, 100, 1,000, 10,000 (a few minutes)
    python bench/run.py --quick         # skips N = 10,000
    python bench/run.py --markdown bench/results.md
    python bench/run.py --profile       # where the time goes, per stage and per rule (breakdown.py)

Parts (each a ratio ddexkit / baseline; lower is better):

1. full validation: ``ddexkit.validate`` (read, parse, XSD, every rule, summary, ``to_dict()``)
   against the floor ``lxml.etree.parse`` + ``XMLSchema.validate`` (schema loaded once), timed
   interleaved in this process, medians of several rounds, on albums from ``generate.py``
   and, at the largest size, on ``generate_deal_heavy.py``'s second shape (a TrackRelease
   per track, many deals of 40 territories, long titles);
2. peak memory of each, measured in a fresh child process (``ru_maxrss``: tracemalloc does not
   see lxml's C allocations);
3. CLI cold start: ``python -m ddexkit validate`` on a small album against a bare script that
   imports lxml, loads the schema and validates the same file;
4. ``validate --jobs 2`` against ``--jobs 1`` on a folder of 200 messages;
5. result cache (issue 17): a second ``validate --cache DIR --jobs 1`` on an unchanged folder of
   1,000 distinct albums against the first run, which fills an empty cache; each round runs
   both, so load on the machine falls on both alike; the two reports must be byte-identical;
6. packaging: ``ddexkit.package`` (validate the ERN with its WAV and JPEG files, then write
   the ZIP with each file's MD5 and SHA-256 and the ZIP's own) on a release that passes,
   against ``hashlib`` + ``zipfile`` computing the same sums and writing the same ZIP; the
   ZIP ddexkit writes is checked (entries, order, contents, sums) before it is timed.

The schema folder is --schema-dir, else $DDEXKIT_SCHEMA_DIR, else ../shared/schemas/ern382.
Nothing here asserts a time: the numbers are for people (README, issues 5 and 16), not for CI.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import write_album, write_catalogue  # noqa: E402
from generate_deal_heavy import write_message  # noqa: E402

PROFILE_SIZES = (1_000, 10_000)
GROWTH_SIZE = 20_000  # each rule's time from 10,000 to this, to find a superlinear one

SIZES = (1, 100, 1_000, 10_000)
ROUNDS = {1: 21, 100: 11, 1_000: 7, 10_000: 3}
# Issue 16's targets (issue 5 asked 1.5× for validation); "linear": time(10,000) / time(1,000)
# within 1.2 × (10,000 / 1,000), the row's ratio is that quotient over 10.
# Issue 17's "cache": a warm run at most a tenth of the cold one.
TARGETS = {"validation": 3.0, "linear": 1.2, "memory": 1.5, "cold start": 1.5, "jobs": 0.6,
           "cache": 0.1, "packaging": 1.3}

# The floor: what any validator must do at least. The avs import of the official XSD points
# at ddex.net; like ddexkit.xsd.load_schema, it is pointed at the local copy.
FLOOR_SOURCE = '''
import sys
from pathlib import Path
from lxml import etree

def load_schema(folder):
    document = etree.parse(str(Path(folder) / "release-notification.xsd"))
    for imported in document.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        if imported.get("schemaLocation", "").endswith("avs_20161006.xsd"):
            imported.set("schemaLocation", (Path(folder) / "avs_20161006.xsd").resolve().as_uri())
    return etree.XMLSchema(document)

def floor(schema, path):
    return schema.validate(etree.parse(str(path)))
'''
_floor_namespace: dict[str, object] = {}
exec(FLOOR_SOURCE, _floor_namespace)
load_floor_schema: Callable[[Path], etree.XMLSchema] = _floor_namespace["load_schema"]  # type: ignore[assignment]
floor: Callable[[etree.XMLSchema, Path], bool] = _floor_namespace["floor"]  # type: ignore[assignment]

BARE_SCRIPT = FLOOR_SOURCE + '''
schema = load_schema(sys.argv[1])
print("valid" if floor(schema, sys.argv[2]) else "invalid")
'''

# A child that runs one method once and prints its peak RSS in KiB. VmHWM, not ru_maxrss:
# Linux carries ru_maxrss over exec from the forked copy of this (large) parent process.
MEMORY_CHILD = FLOOR_SOURCE + '''
import resource

def peak_kib():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

method, schema_dir, path = sys.argv[1:4]
if method == "floor":
    assert floor(load_schema(schema_dir), path)
else:
    import ddexkit
    report = ddexkit.validate(path, schema_dir=schema_dir)
    report.to_dict()
    assert report.files[0].is_ready, report.to_dict()["files"][0]["issues"][:3]
print(peak_kib())
'''


@dataclass
class Row:
    measure: str
    ddexkit: str
    baseline: str
    ratio: float | None
    target: float
    note: str = ""

    @property
    def met(self) -> str:
        if self.ratio is None:
            return "n/a"
        return "yes" if self.ratio <= self.target else "**no**"


def find_schema_dir(given: str | None) -> Path:
    for candidate in (given, os.environ.get("DDEXKIT_SCHEMA_DIR"),
                      str(REPO.parent / "shared" / "schemas" / "ern382")):
        if candidate and (Path(candidate) / "release-notification.xsd").is_file():
            return Path(candidate)
    sys.exit("bench: no ERN 3.8.2 schema folder (give --schema-dir or set DDEXKIT_SCHEMA_DIR)")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.2f} ms"


def _mb(kib: float) -> str:
    return f"{kib / 1024:,.0f} MB"


def _median_interleaved(methods: list[Callable[[], object]], rounds: int) -> list[float]:
    """Median wall time of each method, run in turn round after round (one warm-up round)."""
    times: list[list[float]] = [[] for _ in methods]
    for round_number in range(rounds + 1):
        for index, method in enumerate(methods):
            start = time.perf_counter()
            method()
            elapsed = time.perf_counter() - start
            if round_number:
                times[index].append(elapsed)
    return [statistics.median(t) for t in times]


# Children keep their bytecode here: an installed ddexkit has its .pyc files (pip compiles
# them), so a cold start must not include compiling some 150 modules from source, which it
# would where PYTHONDONTWRITEBYTECODE is set. The first run of each part fills the cache.
PYCACHE = Path(tempfile.gettempdir()) / "ddexkit-bench-pycache"


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def _peak_kib(method: str, schema_dir: Path, path: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, method, str(schema_dir), str(path)],
        capture_output=True, text=True, check=True, env=_child_env(),
    )
    return int(done.stdout.split()[-1])


@dataclass
class Measured:
    """One message measured against the floor: median times and peak RSS of each."""

    floor_time: float
    ddexkit_time: float
    floor_kib: int
    ddexkit_kib: int

    @property
    def ratio(self) -> float:
        return self.ddexkit_time / self.floor_time

    @property
    def memory_ratio(self) -> float:
        return self.ddexkit_kib / self.floor_kib

    def line(self, label: str, path: Path) -> str:
        return (f"| {label} | {path.stat().st_size / 1e6:.1f} MB | {_ms(self.floor_time)} "
                f"| {_ms(self.ddexkit_time)} | {self.ratio:.2f}× | {_mb(self.floor_kib)} "
                f"| {_mb(self.ddexkit_kib)} | {self.memory_ratio:.2f}× |")


def _measure(path: Path, schema: etree.XMLSchema, schema_dir: Path, rounds: int) -> Measured:
    """Time ddexkit against the floor on ``path`` (interleaved) and take each one's peak
    memory in a child, after checking that the generated message is clean: the benchmark
    measures the path a label ships, not error reporting."""
    import ddexkit

    report = ddexkit.validate(path, schema_dir=schema_dir)
    if not report.files[0].is_ready or report.files[0].xsd != "valid":
        sys.exit(f"bench: the generated {path.name} is not clean: {report.to_dict()['files'][0]}")

    def full() -> object:
        return ddexkit.validate(path, schema_dir=schema_dir).to_dict()

    floor_time, ddexkit_time = _median_interleaved([lambda: floor(schema, path), full], rounds)
    return Measured(floor_time, ddexkit_time, _peak_kib("floor", schema_dir, path),
                    _peak_kib("ddexkit", schema_dir, path))


def bench_validation(sizes: tuple[int, ...], schema_dir: Path, work: Path,
                     rounds_factor: float) -> tuple[list[str], list[Row]]:
    """Each size on generate.py's albums, then the largest on generate_deal_heavy.py's
    second shape (issue 16 asks the memory target of both)."""
    schema = load_floor_schema(schema_dir)
    lines = ["| tracks | file | floor | ddexkit | ratio | floor peak RSS | ddexkit peak RSS "
             "| memory ratio |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    rows: list[Row] = []
    times: dict[int, float] = {}
    for tracks in sizes:
        path = write_album(tracks, work / f"album-{tracks}.xml")
        rounds = max(3, round(ROUNDS.get(tracks, 5) * rounds_factor))
        measured = _measure(path, schema, schema_dir, rounds)
        lines.append(measured.line(f"{tracks:,}", path))
        print(lines[-1], flush=True)
        if tracks >= 1_000:
            rows.append(Row(f"full validation, {tracks:,} tracks", _ms(measured.ddexkit_time),
                            _ms(measured.floor_time), measured.ratio, TARGETS["validation"]))
        times[tracks] = measured.ddexkit_time
        if tracks == max(sizes):
            if 1_000 in times and tracks > 1_000:
                rows.append(Row(f"linear: time({tracks:,}) / time(1,000) / {tracks // 1_000}",
                                _ms(measured.ddexkit_time), _ms(times[1_000]),
                                measured.ddexkit_time / times[1_000] / (tracks / 1_000),
                                TARGETS["linear"]))
            rows.append(Row(f"peak memory, {tracks:,} tracks", _mb(measured.ddexkit_kib),
                            _mb(measured.floor_kib), measured.memory_ratio, TARGETS["memory"]))
    tracks = max(sizes)
    path = write_message(tracks, work / f"deal-heavy-{tracks}.xml")
    measured = _measure(path, schema, schema_dir,
                        max(3, round(ROUNDS.get(tracks, 5) * rounds_factor)))
    lines.append(measured.line(f"{tracks:,} (second generator)", path))
    print(lines[-1], flush=True)
    rows.append(Row(f"peak memory, {tracks:,} tracks (second generator)",
                    _mb(measured.ddexkit_kib), _mb(measured.floor_kib), measured.memory_ratio,
                    TARGETS["memory"]))
    return lines, rows


def _run_median(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=_child_env())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_cold_start(schema_dir: Path, work: Path, runs: int) -> Row:
    path = write_album(3, work / "small.xml")
    bare = work / "bare_validate.py"
    bare.write_text(BARE_SCRIPT, encoding="utf-8")
    ddexkit_command = [sys.executable, "-m", "ddexkit", "validate", "--schema-dir",
                       str(schema_dir), str(path)]
    bare_command = [sys.executable, str(bare), str(schema_dir), str(path)]
    check = subprocess.run(ddexkit_command, capture_output=True, text=True, env=_child_env())
    if check.returncode != 0:
        sys.exit(
            f"bench: ddexkit validate failed on the small album:\n{check.stdout}{check.stderr}"
        )
    ddexkit_times, bare_times = [], []
    for _ in range(runs):  # interleaved, so that a busy moment hits both alike
        ddexkit_times.append(_run_median(ddexkit_command, 1))
        bare_times.append(_run_median(bare_command, 1))
    ddexkit_time, bare_time = statistics.median(ddexkit_times), statistics.median(bare_times)
    return Row("CLI cold start (3 tracks)", _ms(ddexkit_time), _ms(bare_time),
               ddexkit_time / bare_time, TARGETS["cold start"])


def _cli_has(option: str) -> bool:
    done = subprocess.run([sys.executable, "-m", "ddexkit", "validate", "--help"],
                          capture_output=True, text=True, env=_child_env())
    return option in done.stdout


def bench_jobs(schema_dir: Path, work: Path, runs: int, files: int = 200,
               tracks: int = 20) -> Row:
    folder = work / "batch"
    folder.mkdir(exist_ok=True)
    for number in range(files):
        write_album(tracks, folder / f"album-{number:03d}.xml")
    name = f"validate --jobs 2 vs --jobs 1 ({files} files, {os.cpu_count()} cores)"
    if not _cli_has("--jobs"):
        return Row(name, "—", "—", None, TARGETS["jobs"], "the CLI has no --jobs yet")
    base = [sys.executable, "-m", "ddexkit", "validate", "--schema-dir", str(schema_dir),
            "--format", "json", str(folder)]
    one, two = [], []
    for _ in range(runs):
        one.append(_run_median([*base, "--jobs", "1"], 1))
        two.append(_run_median([*base, "--jobs", "2"], 1))
    single, parallel = statistics.median(one), statistics.median(two)
    return Row(name, _ms(parallel), _ms(single), parallel / single, TARGETS["jobs"])


def bench_cache(schema_dir: Path, work: Path, runs: int, files: int = 1_000) -> Row:
    folder = work / "catalogue"
    folder.mkdir(exist_ok=True)
    write_catalogue(files, folder)
    name = f"validate --cache, warm vs cold run ({files} albums, --jobs 1)"
    cold_times, warm_times = [], []
    for round_number in range(runs):
        cache = work / f"results-{round_number}"
        command = [sys.executable, "-m", "ddexkit", "validate", "--schema-dir", str(schema_dir),
                   "--jobs", "1", "--cache", str(cache), str(folder)]
        outputs = []
        for times in (cold_times, warm_times):
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=False, env=_child_env())
            times.append(time.perf_counter() - start)
            outputs.append(done.stdout)
        if outputs[0] != outputs[1] or not outputs[0]:
            return Row(name, "—", "—", None, TARGETS["cache"], "the warm report differs")
    cold, warm = statistics.median(cold_times), statistics.median(warm_times)
    return Row(name, _ms(warm), _ms(cold), warm / cold, TARGETS["cache"])


def _assets(folder: Path, tracks: int, seconds: int) -> list[Path]:
    """Real media the package rules accept: a 16-bit stereo 44.1 kHz WAV of ``seconds`` per
    track (random samples, so that compression cannot flatter either side) and a 3000×3000
    RGB JPEG front cover."""
    import wave

    from PIL import Image

    resources = folder / "resources"
    resources.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, tracks + 1):
        path = resources / f"A{number}.wav"
        if not path.exists():
            with wave.open(str(path), "wb") as audio:
                audio.setnchannels(2)
                audio.setsampwidth(2)
                audio.setframerate(44_100)
                audio.writeframes(os.urandom(seconds * 44_100 * 4))
        paths.append(path)
    cover = resources / "cover.jpg"
    if not cover.exists():
        noise = Image.effect_noise((750, 750), 48).convert("RGB")
        noise.resize((3000, 3000), Image.Resampling.BILINEAR).save(cover, "JPEG", quality=90)
    return [*paths, cover]


def _digests(path: Path) -> tuple[str, str]:
    md5, sha256 = hashlib.md5(), hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            md5.update(chunk)
            sha256.update(chunk)
    return md5.hexdigest(), sha256.hexdigest()


def _hash_and_zip(message: Path, assets: list[Path], root: Path, target: Path) -> None:
    """The baseline: what any packager has to do for the result ``ddexkit.package`` gives,
    with hashlib and zipfile and nothing else: the MD5 and SHA-256 of every file, the files
    in a ZIP (the ERN deflated, the media stored), and the ZIP's own MD5 and SHA-256."""
    with zipfile.ZipFile(target, "w") as archive:
        _digests(message)
        archive.write(message, message.name, zipfile.ZIP_DEFLATED)
        for path in assets:
            _digests(path)
            archive.write(path, path.relative_to(root).as_posix(), zipfile.ZIP_STORED)
    _digests(target)


def _check_package(result: Any, target: Path, message: Path, assets: list[Path],
                   root: Path) -> None:
    """Stop the benchmark unless ddexkit wrote the whole package, intact: a refusal (errors
    in the release) or a short ZIP would otherwise be timed as if it were the work."""
    if not result.written:
        issues = result.report.to_dict()["files"][0]["issues"]
        sys.exit(f"bench: ddexkit refused to package the benchmark release: {issues[:5]}")
    expected = [message.name, *(p.relative_to(root).as_posix() for p in assets)]
    with zipfile.ZipFile(target) as archive:
        if archive.testzip() is not None:
            sys.exit(f"bench: {target} has a damaged entry")
        names = archive.namelist()
        if names[0] != message.name or sorted(names) != sorted(expected):
            sys.exit(f"bench: {target} holds {names}, not {expected}")
        for name, path in zip(expected, [message, *assets], strict=True):
            if hashlib.sha256(archive.read(name)).hexdigest() != _digests(path)[1]:
                sys.exit(f"bench: {name} in {target} differs from {path}")
    entries = {entry.name: entry.sha256 for entry in result.entries}
    if entries != {n: _digests(p)[1] for n, p in zip(expected, [message, *assets], strict=True)}:
        sys.exit("bench: the package's listed SHA-256 sums are not those of the files")
    if result.output.sha256 != _digests(target)[1]:
        sys.exit("bench: the package's own SHA-256 is not that of the ZIP written")


def bench_packaging(schema_dir: Path, work: Path, runs: int, tracks: int = 12,
                    seconds: int = 20) -> Row:
    """``ddexkit.package`` (validate the ERN with its files, then hash and ZIP them) on a
    release that passes, against hashlib + zipfile doing the same hashing and zipping."""
    import ddexkit

    folder = work / "package"
    assets_root = folder / "release"
    out = folder / "out"
    out.mkdir(parents=True, exist_ok=True)
    message = write_album(tracks, folder / "album.xml", seconds=seconds, codec="PCM")
    assets = _assets(assets_root, tracks, seconds)
    total_mb = sum(p.stat().st_size for p in [message, *assets]) / 1e6
    name = f"packaging (validate, hash + ZIP, {len(assets) + 1} files, {total_mb:,.0f} MB)"
    target = out / "ddexkit.zip"

    def ours() -> Any:
        target.unlink(missing_ok=True)
        return ddexkit.package(message, assets=assets_root, output=target,
                               schema_dir=schema_dir)

    def baseline() -> None:
        zipped = out / "baseline.zip"
        zipped.unlink(missing_ok=True)
        _hash_and_zip(message, assets, assets_root, zipped)

    _check_package(ours(), target, message, assets, assets_root)
    ours_time, baseline_time = _median_interleaved([ours, baseline], runs)
    return Row(name, _ms(ours_time), _ms(baseline_time), ours_time / baseline_time,
               TARGETS["packaging"])


def _dedented_album(tracks: int, work: Path) -> Path:
    """An album without its indentation: 20,000 tracks as generate.py indents them are past
    the 50,000 KB limit of one message (ERN008), and the rules would not run."""
    path = write_album(tracks, work / f"album-{tracks}-dedented.xml")
    path.write_bytes(re.sub(rb"\n[ \t]+", b"\n", path.read_bytes()))
    return path


def bench_profile(schema_dir: Path, work: Path, quick: bool) -> list[str]:
    """The per-stage and per-rule breakdown at 1,000 and 10,000 tracks (multiples of the
    floor measured beside it), and each rule's growth from 10,000 to 20,000 tracks."""
    import breakdown

    schema = load_floor_schema(schema_dir)
    sizes = PROFILE_SIZES[:1] if quick else PROFILE_SIZES
    profiles, floors = {}, {}
    for tracks in sizes:
        path = write_album(tracks, work / f"album-{tracks}.xml")
        rounds = max(3, round(ROUNDS[tracks] * (0.5 if quick else 1.0)))
        (floors[tracks],) = _median_interleaved([lambda path=path: floor(schema, path)], rounds)
        profiles[tracks] = breakdown.profile_validation(path, schema_dir, rounds)
        print(f"profiled {tracks:,} tracks", flush=True)
    growth, floor_growth, build_growth = None, 2.0, 2.0
    if not quick:
        half, whole = (_dedented_album(n, work) for n in (GROWTH_SIZE // 2, GROWTH_SIZE))
        floor_half, floor_whole = _median_interleaved(
            [lambda: floor(schema, half), lambda: floor(schema, whole)], 2)
        floor_growth = floor_whole / floor_half
        smaller, larger = (breakdown.profile_validation(album, schema_dir, rounds=2)
                           for album in (half, whole))
        build_growth = breakdown.build_growth(smaller, larger)
        growth = breakdown.growth_of_rules(smaller, larger, build_growth)
    lines = ["Per stage (medians; the floor is lxml parse + XSD validate):", "",
             *breakdown.stage_table(profiles, floors), "",
             "Per rule (the slowest first):", "",
             *breakdown.rule_table(profiles, floors, growth), ""]
    if growth is not None:
        flagged = breakdown.superlinear(growth)
        lines.append(f"From 10,000 to {GROWTH_SIZE:,} tracks (dedented albums) the model build "
                     f"grew {build_growth:.2f}× and the floor {floor_growth:.2f}×; each rule's "
                     "growth is scaled as if the build's had been 2×.")
        lines.append(f"Rules growing more than {breakdown.SUPERLINEAR:.1f}× from 10,000 to "
                     f"{GROWTH_SIZE:,} tracks: {', '.join(flagged) or 'none'} (times on a "
                     "shared machine: tests/test_rules_linear.py counts the work to be sure)")
    return lines


def summary_table(rows: list[Row]) -> list[str]:
    lines = ["| measure | ddexkit | baseline | ratio | target | met |",
             "|---|---:|---:|---:|---:|:---:|"]
    for row in rows:
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else (row.note or "n/a")
        lines.append(f"| {row.measure} | {row.ddexkit} | {row.baseline} | {ratio} "
                     f"| ≤ {row.target}× | {row.met} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip N = 10,000, fewer rounds")
    parser.add_argument("--schema-dir", help="folder of the official ERN 3.8.2 XSD")
    parser.add_argument("--markdown", metavar="FILE", help="also write the tables to FILE")
    parser.add_argument("--profile", action="store_true",
                        help="print where the time goes (per stage, per rule) and stop")
    parser.add_argument("--only", choices=("validation", "cold", "jobs", "cache", "packaging"),
                        action="append", help="run only these parts (repeatable)")
    args = parser.parse_args(argv)
    schema_dir = find_schema_dir(args.schema_dir)
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="ddexkit-bench-") as work_name:
            text = "\n".join(bench_profile(schema_dir, Path(work_name), args.quick))
        print("\n" + text)
        if args.markdown:
            Path(args.markdown).write_text("# Profile\n\n" + text + "\n", encoding="utf-8")
        return 0
    parts = set(args.only or ("validation", "cold", "jobs", "cache", "packaging"))
    sizes = SIZES[:-1] if args.quick else SIZES
    factor = 0.5 if args.quick else 1.0
    rows: list[Row] = []
    detail: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ddexkit-bench-") as work_name:
        work = Path(work_name)
        if "validation" in parts:
            print("full validation vs lxml parse + XSD (medians, interleaved):", flush=True)
            detail, found = bench_validation(sizes, schema_dir, work, factor)
            rows += found
        if "cold" in parts:
            rows.append(bench_cold_start(schema_dir, work, runs=5 if args.quick else 11))
        if "jobs" in parts:
            rows.append(bench_jobs(schema_dir, work, runs=1 if args.quick else 3))
        if "cache" in parts:
            rows.append(bench_cache(schema_dir, work, runs=1 if args.quick else 3))
        if "packaging" in parts:
            rows.append(bench_packaging(schema_dir, work, runs=3 if args.quick else 5))
    import lxml

    machine = (f"Python {sys.version.split()[0]}, lxml {lxml.__version__}, "
               f"{os.cpu_count()} cores")
    out = [f"Machine: {machine}", ""]
    if detail:
        out += ["Full validation (`ddexkit.validate` + `to_dict()`) vs the floor "
                "(`lxml.etree.parse` + `XMLSchema.validate`):", "", *detail, ""]
    out += ["Targets of issues 16 and 17:", "", *summary_table(rows), ""]
    text = "\n".join(out)
    print("\n" + text)
    if args.markdown:
        Path(args.markdown).write_text("# Benchmark results\n\n" + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
