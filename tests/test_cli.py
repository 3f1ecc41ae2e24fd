"""The command line as users meet it: exit codes, clean stdout, one-line usage errors, help with
examples, atomic --output, batches (--jobs, progress bar, Ctrl-C), --skip-non-ddex, summary."""

from __future__ import annotations

import contextlib
import io
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import ddexkit
from ddexkit import batch, cli
from ddexkit.config import Config
from ddexkit.engine import Settings, resolve_settings, validate_source
from ddexkit.inputs import MessageSource, expand_paths
from ddexkit.report import FileReport
from ddexkit.rules import ALL_RULES
from tests import stuck_batch
from tests.conftest import GOOD_ALBUM, OUR_CORPUS, REPO

BROKEN = OUR_CORPUS / "broken" / "bad_deal.xml"
NOT_DDEX = b'<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"/>\n'


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """`python -m ddexkit ARGS` in a child process, as a user types it."""
    done: subprocess.CompletedProcess[str] = subprocess.run(
        [sys.executable, "-m", "ddexkit", *args],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=False, **kwargs,  # type: ignore[call-overload]
    )
    return done


def _batch(folder: Path, count: int, *, broken: int | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        source = BROKEN if number == broken else GOOD_ALBUM
        shutil.copyfile(source, folder / f"release{number:03}.xml")
    return folder


def _json_report(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = cli.main(["validate", "--no-config", "--format", "json", *argv])
    out = capsys.readouterr().out
    return code, json.loads(out)


# Exit codes ----------

def test_exit_0_for_a_clean_file_even_with_warnings(no_schema_installed: None) -> None:
    # no schema named or installed gives the ERN007 warning and nothing else
    assert cli.main(["validate", "--no-config", str(GOOD_ALBUM)]) == 0


def test_strict_makes_warnings_fail(no_schema_installed: None,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["validate", "--no-config", str(GOOD_ALBUM)]
    assert cli.main([*argv, "--strict"]) == 1
    assert "ERN007" in capsys.readouterr().out
    assert cli.main([*argv, "--strict", "--ignore", "ERN007"]) == 0


def test_exit_1_when_a_file_has_an_error() -> None:
    assert cli.main(["validate", "--no-config", str(GOOD_ALBUM), str(BROKEN)]) == 1


def test_exit_2_for_usage_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", str(tmp_path / "missing.xml")]) == 2
    assert "missing.xml: no such file or directory" in capsys.readouterr().err
    assert cli.main(["validate", "--select", "XYZ999", str(GOOD_ALBUM)]) == 2
    assert cli.main(["frobnicate"]) == 2


def test_end_to_end_exit_codes_through_python_m() -> None:
    assert _run("validate", "--no-config", str(GOOD_ALBUM)).returncode == 0
    assert _run("validate", "--no-config", str(BROKEN)).returncode == 1
    assert _run("validate", "--format", "yaml", str(GOOD_ALBUM)).returncode == 2


# Standard output holds the report and nothing else ----------

@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_print_only_the_document(fmt: str, tmp_path: Path) -> None:
    folder = _batch(tmp_path / "in", 3, broken=1)
    (folder / "other.xml").write_bytes(NOT_DDEX)
    result = _run("validate", "--no-config", "--skip-non-ddex", "--format", fmt, str(folder))
    assert result.returncode == 1
    document = json.loads(result.stdout)  # the whole of stdout parses, nothing else is there
    assert isinstance(document, dict)
    assert "skipped" in result.stderr and "other.xml" in result.stderr
    assert "other.xml" not in result.stdout


# Usage errors and help ----------

@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (["validate", "--format", "yaml", "x.xml"],
         "'github', 'html', 'json', 'jsonl', 'junit', 'sarif', 'text'"),
        (["validate"], "PATH"),
        (["validate", "--jobs", "0", "x.xml"], "1 or more"),
        (["nonsense"], "'validate', 'diff', 'fix', 'profiles', 'rules', 'summary', "
                       "'package', 'plan', 'upload', 'schema'"),
        (["upload", "plan.json"], "--api-url"),
        (["upload", "plan.json", "--api-url", "https://api.example.com", "--username", "me"],
         "--username is for `ddexkit upload login`"),
        (["upload", "plan.json", "--api-url", "https://api.example.com", "--attempts", "0"],
         "1 or more"),
        (["summary", "--format", "sarif", "x.xml"], "'text', 'json'"),
        (["rules", "NOPE1"], "ddexkit rules"),
    ],
)
def test_usage_errors_are_one_line_saying_what_is_allowed(
    argv: list[str], allowed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("ddexkit")
    assert allowed in lines[0]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"ddexkit {ddexkit.__version__}\n"


@pytest.mark.parametrize(
    "argv",
    [[], ["validate"], ["fix"], ["diff"], ["summary"], ["rules"], ["profiles"], ["package"],
     ["plan"], ["upload"], ["schema"], ["schema", "install"], ["schema", "path"]],
    ids=lambda argv: " ".join(argv) or "ddexkit",
)
def test_help_of_every_command_shows_an_example(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*argv, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Example: ddexkit " in out
    assert out.startswith("usage: ddexkit")


def test_every_subcommand_is_covered_by_the_help_test() -> None:
    commands = set(cli.COMMANDS)
    assert commands == {"validate", "fix", "diff", "summary", "rules", "profiles", "package",
                        "plan", "upload", "schema"}


# --output ----------

def test_output_writes_the_same_report_as_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.json"
    assert cli.main(["validate", "--no-config", "--format", "json", "--output", str(target),
                     str(BROKEN)]) == 1
    assert capsys.readouterr().out == ""
    cli.main(["validate", "--no-config", "--format", "json", str(BROKEN)])
    assert target.read_text(encoding="utf-8") == capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary left


def test_output_keeps_the_old_file_whole_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.json"
    target.write_text("the previous report\n", encoding="utf-8")

    def refuse(source: str, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    assert cli.main(["validate", "--no-config", "--format", "json", "--output", str(target),
                     str(GOOD_ALBUM)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the disk is full" in err and str(target) in err
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_output_into_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["validate", "--output", str(tmp_path / "no" / "r.json"),
                     str(GOOD_ALBUM)]) == 2
    assert "its folder does not exist" in capsys.readouterr().err


# Batches ----------

def test_jobs_2_gives_the_same_report_as_jobs_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _batch(tmp_path / "in", 12, broken=5)
    (folder / "unreadable.xml").write_bytes(b"\xff\xfe<not xml")
    one = _json_report(capsys, "--jobs", "1", str(folder))
    two = _json_report(capsys, "--jobs", "2", str(folder))
    assert one == two
    assert one[0] == 1
    files = one[1]["files"]
    assert isinstance(files, list)
    paths = [f["path"] for f in files]
    assert paths == sorted(paths) and len(paths) == 13  # input order


def test_batch_results_are_in_input_order_whatever_finishes_first(tmp_path: Path) -> None:
    folder = _batch(tmp_path / "in", 6, broken=0)
    sources = list(reversed(expand_paths([folder])))
    settings = resolve_settings(Config())
    result = batch.validate_batch(sources, settings, jobs=2)
    assert [f.path for f in result.report.files] == [str(s.path) for s in sources]
    in_process = batch.validate_batch(sources, settings, jobs=1)
    assert result.report.to_dict() == in_process.report.to_dict()
    assert not result.interrupted and result.done == result.total == 6


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("terminal", "count", "shown"),
                         [(True, 25, True), (False, 25, False), (True, 5, False)])
def test_progress_bar_only_on_a_terminal_for_a_large_batch(
    terminal: bool, count: int, shown: bool, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    folder = _batch(tmp_path / "in", count)
    stderr = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert cli.main(["validate", "--no-config", "--no-batch-checks", "--jobs", "1",
                     "--format", "json", str(folder)]) == 0  # copies of one album
    json.loads(capsys.readouterr().out)
    if shown:
        assert f"{count}/{count} files" in stderr.getvalue()
        assert stderr.getvalue().endswith("\r\033[K")  # the bar is erased when done
    else:
        assert stderr.getvalue() == ""


def _read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    return seen


@dataclass
class _StuckRun:
    """A CLI run of ``STUCK_FILES`` files with two workers, its first file reported on the
    terminal (its stderr) and both workers stuck on a file (see tests/stuck_batch.py)."""

    child: subprocess.Popen[bytes]
    terminal: int
    pids: int
    workers: list[int]
    seen: bytes

    def every_worker(self) -> list[int]:
        """The two stuck workers and any the pool started after them (a worker killed by a
        SIGTERM to the group is replaced) that got stuck too."""
        written = b""
        with contextlib.suppress(BlockingIOError):
            while chunk := os.read(self.pids, 4096):
                written += chunk
        return self.workers + [int(line) for line in written.decode().splitlines()]

    def finish(self) -> tuple[dict[str, Any], bytes]:
        """Wait for the CLI to end: its JSON report and everything its stderr showed."""
        out, _ = self.child.communicate(timeout=120)
        self.seen += _read_until(self.terminal, b"files done", timeout=10)
        return json.loads(out), self.seen


STUCK_FILES = 24  # more than PROGRESS_THRESHOLD, for the bar


def _read_lines(fd: int, count: int, timeout: float) -> list[str]:
    seen = b""
    while seen.count(b"\n") < count:
        ready, _, _ = select.select([fd], [], [], timeout)
        assert ready, f"waited {timeout} s for {count} lines, got {seen!r}"
        seen += os.read(fd, 4096)
    return seen.decode().splitlines()


@contextlib.contextmanager
def _stuck_run(tmp_path: Path) -> Iterator[_StuckRun]:
    """Start the run and wait until it is stuck; afterwards kill whatever is left of it (it
    has a session, so its workers are in its process group), whatever the test found."""
    folder = _batch(tmp_path / "in", STUCK_FILES)
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(stuck_batch.SITECUSTOMIZE, encoding="utf-8")
    fifo = tmp_path / "stuck"
    os.mkfifo(fifo)
    pids = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    held_open = os.open(fifo, os.O_WRONLY)  # so that a worker closing it is no end of file
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(REPO)]),
           stuck_batch.FIFO_VARIABLE: str(fifo)}
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", "--jobs", "2",
         "--format", "json", str(folder)],
        stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, cwd=REPO, env=env,
        start_new_session=True,
    )
    os.close(slave)
    try:
        seen = _read_until(master, f" 1/{STUCK_FILES} files".encode(), timeout=120)
        assert f" 1/{STUCK_FILES} files".encode() in seen, seen
        workers = [int(line) for line in _read_lines(pids, 2, timeout=120)]
        assert len(set(workers)) == 2, workers
        yield _StuckRun(child=child, terminal=master, pids=pids, workers=workers, seen=seen)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        child.communicate(timeout=120)
        for fd in (master, pids, held_open):
            os.close(fd)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize(("signal_number", "to_group", "code", "said"), [
    (signal.SIGINT, False, 130, b"interrupted"), (signal.SIGINT, True, 130, b"interrupted"),
    (signal.SIGTERM, False, 143, b"terminated"), (signal.SIGTERM, True, 143, b"terminated")])
def test_ctrl_c_or_sigterm_mid_batch_reports_what_was_done_and_reaps_the_workers(
    tmp_path: Path, signal_number: int, to_group: bool, code: int, said: bytes
) -> None:
    """stderr is a pty, so the bar is drawn; the signal, sent once the first file is
    reported, stops the run cleanly with a valid report of that file, says how far it got,
    and every worker has been reaped by the time the CLI exits. Sent to the CLI alone (kill,
    a CI timeout) or to its whole process group (Ctrl-C on a terminal, systemd, a cancelled
    CI job), where SIGTERM kills the workers first and the pool starts others meanwhile."""
    with _stuck_run(tmp_path) as run:
        if to_group:
            os.killpg(run.child.pid, signal_number)
        else:
            run.child.send_signal(signal_number)
        report, seen = run.finish()
        assert run.child.returncode == code
        assert [Path(f["path"]).name for f in report["files"]] == [stuck_batch.FIRST]
        assert report["interrupted"] is True
        assert report["files_not_done"] == STUCK_FILES - 1
        assert said + f": 1 of {STUCK_FILES} files done".encode() in seen
        assert b"Traceback" not in seen
        assert [pid for pid in run.every_worker() if not _gone(pid)] == []


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="waits for the workers by pidfd")
def test_workers_exit_when_the_cli_is_killed(tmp_path: Path) -> None:
    """SIGKILL leaves the CLI no way to stop its workers: they notice it is gone and exit
    (a worker left behind would wait for work for ever, and fail this test's wait)."""
    with _stuck_run(tmp_path) as run:
        os.kill(run.child.pid, signal.SIGKILL)
        for pid in run.workers:
            try:
                exited = os.pidfd_open(pid)
            except ProcessLookupError:  # exited and reaped already
                continue
            try:
                ready, _, _ = select.select([exited], [], [], 120)
                assert ready, f"worker {pid} still runs 120 s after the CLI was killed"
            finally:
                os.close(exited)


def _ctrl_c() -> None:
    raise KeyboardInterrupt


def _sigterm() -> None:
    signal.raise_signal(signal.SIGTERM)  # the CLI's handler raises in this frame


@pytest.mark.parametrize(("stop", "code", "said"), [
    (_ctrl_c, 130, "interrupted"), (_sigterm, 143, "terminated")])
def test_ctrl_c_or_sigterm_in_process_keeps_the_files_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    stop: Callable[[], None], code: int, said: str,
) -> None:
    """And the SIGTERM handler is the CLI's only while it runs a command."""
    folder = _batch(tmp_path / "in", 6)
    real = validate_source
    calls = []

    def stop_on_the_fourth(source: MessageSource, settings: Settings) -> FileReport:
        calls.append(source)
        if len(calls) == 4:
            stop()
        return real(source, settings)

    before = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(batch, "validate_source", stop_on_the_fourth)
    assert cli.main(["validate", "--no-config", "--jobs", "1", "--format", "json",
                     str(folder)]) == code
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["files"]) == 3
    assert f"{said}: 3 of 6 files done" in captured.err
    assert signal.getsignal(signal.SIGTERM) == before


def test_sigterm_outside_a_batch_exits_143_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def terminated_while_running(args: object) -> int:
        _sigterm()
        return 0

    monkeypatch.setitem(cli.COMMANDS, "rules", terminated_while_running)
    assert cli.main(["rules"]) == 143
    assert capsys.readouterr().err == "ddexkit: terminated\n"


def _six_files_one_quick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Six files, of which the first is quick and every other one would take a minute and
    then leave a mark in tmp_path/marks (forked workers see the patch)."""
    folder = _batch(tmp_path / "in", 6)
    marks = tmp_path / "marks"
    marks.mkdir()
    real = validate_source

    def first_quick_rest_slow(source: MessageSource, settings: Settings) -> FileReport:
        assert source.path is not None
        if source.path.name != "release000.xml":
            time.sleep(60)
            (marks / source.path.name).touch()
        return real(source, settings)

    monkeypatch.setattr(batch, "validate_source", first_quick_rest_slow)
    return folder


def test_ctrl_c_with_workers_stops_at_once_and_reaps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministic: Ctrl-C (raised in the parent when the first file is reported) must
    terminate the workers rather than wait for their files: no mark is ever written, no
    worker process is left, and the partial report says how many files were not done."""
    import multiprocessing

    folder = _six_files_one_quick(tmp_path, monkeypatch)

    def ctrl_c_on_first_report(done: int, total: int) -> None:
        raise KeyboardInterrupt

    result = batch.validate_batch(expand_paths([folder]), resolve_settings(Config()), jobs=2,
                                  progress=ctrl_c_on_first_report)
    assert multiprocessing.active_children() == []
    assert list((tmp_path / "marks").iterdir()) == []
    assert result.interrupted and result.report.interrupted and not result.terminated
    assert [Path(f.path or "").name for f in result.report.files] == ["release000.xml"]
    assert result.report.files_not_done == 5 == result.total - result.done


def test_a_failure_in_the_parent_reaps_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    folder = _six_files_one_quick(tmp_path, monkeypatch)

    def bug_on_first_report(done: int, total: int) -> None:
        raise RuntimeError("a bug in the parent")

    with pytest.raises(RuntimeError, match="a bug in the parent"):
        batch.validate_batch(expand_paths([folder]), resolve_settings(Config()), jobs=2,
                             progress=bug_on_first_report)
    assert multiprocessing.active_children() == []
    assert list((tmp_path / "marks").iterdir()) == []


def test_a_second_ctrl_c_while_the_workers_stop_still_reaps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Users press Ctrl-C again when the first one seems slow: the second one, arriving as
    the pool is being terminated, is held until the workers are gone, then delivered."""
    import multiprocessing
    import multiprocessing.pool

    folder = _six_files_one_quick(tmp_path, monkeypatch)
    terminate = multiprocessing.pool.Pool.terminate

    def ctrl_c_again(pool: multiprocessing.pool.Pool) -> None:
        signal.raise_signal(signal.SIGINT)
        terminate(pool)

    def ctrl_c_on_first_report(done: int, total: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(multiprocessing.pool.Pool, "terminate", ctrl_c_again)
    result = batch.validate_batch(expand_paths([folder]), resolve_settings(Config()), jobs=2,
                                  progress=ctrl_c_on_first_report)
    assert multiprocessing.active_children() == []
    assert result.interrupted
    assert [Path(f.path or "").name for f in result.report.files] == ["release000.xml"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


# --skip-non-ddex ----------

def test_non_ddex_xml_is_an_error_unless_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pom = tmp_path / "pom.xml"
    pom.write_bytes(NOT_DDEX)
    broken_other = tmp_path / "notes.xml"
    broken_other.write_bytes(b"<notes><b></notes>")
    argv = ["validate", "--no-config", "--format", "json", str(pom), str(broken_other),
            str(GOOD_ALBUM)]
    assert cli.main(argv) == 1
    codes = [i["code"] for f in json.loads(capsys.readouterr().out)["files"]
             for i in f["issues"]]
    assert "ERN004" in codes and "ERN001" in codes
    assert cli.main([*argv, "--skip-non-ddex"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [f["path"] for f in report["files"]] == [str(GOOD_ALBUM)]
    assert f"skipped {pom}: its root <project> is in namespace " \
           "http://maven.apache.org/POM/4.0.0" in captured.err
    assert f"skipped {broken_other}: not well-formed XML and names no DDEX namespace" \
        in captured.err


def test_skip_non_ddex_still_fails_a_broken_ern(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(GOOD_ALBUM.read_bytes().replace(b"</ReleaseList>", b"</ReleaseLst>"))
    other_ddex = tmp_path / "ern43.xml"
    other_ddex.write_bytes(b'<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/43"/>')
    assert cli.main(["validate", "--no-config", "--skip-non-ddex", "--format", "json",
                     str(broken), str(other_ddex)]) == 1
    captured = capsys.readouterr()
    files = json.loads(captured.out)["files"]
    assert [f["issues"][0]["code"] for f in files] == ["ERN001", "ERN004"]
    assert captured.err == ""


# summary ----------

def test_summary_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["summary", "--no-config", str(GOOD_ALBUM)]) == 0
    out = capsys.readouterr().out
    summary = ddexkit.validate(GOOD_ALBUM, config=Config()).files[0].summary
    assert summary is not None and summary.title and summary.upc
    assert f"Title         {summary.title}" in out
    assert f"UPC           {summary.upc}" in out
    assert "Explicit      no" in out
    for track in summary.tracks:
        seconds = track.duration_seconds or 0
        row = f"  {track.sequence}  {track.title}"
        line = next(line for line in out.splitlines() if line.startswith(row))
        assert track.isrc is not None and track.isrc in line
        assert f"{seconds // 60}:{seconds % 60:02}" in line
    assert summary.artwork is not None
    assert f"Artwork  {summary.artwork.file} ({summary.artwork.width}×" in out
    assert "Worldwide" in out and "SubscriptionModel" in out


def test_summary_json_is_the_summary_dict(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["summary", "--no-config", "--format", "json", str(GOOD_ALBUM)]) == 0
    summary = ddexkit.validate(GOOD_ALBUM, config=Config()).files[0].summary
    assert summary is not None
    assert json.loads(capsys.readouterr().out) == summary.to_dict()


def test_summary_of_an_unreadable_file_fails_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<NewReleaseMessage><oops></NewReleaseMessage>")
    assert cli.main(["summary", "--no-config", str(broken)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "no summary: The file is not well-formed" in captured.err
    assert cli.main(["summary", str(tmp_path)]) == 2


# rules --markdown ----------

def test_rules_markdown_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["rules", "--markdown"]) == 0
    out = capsys.readouterr().out
    for rule in ALL_RULES:
        assert f"\n### {rule.code}\n" in out
    assert cli.main(["rules", "--markdown", "TER501"]) == 2
