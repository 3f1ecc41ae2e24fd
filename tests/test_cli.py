"""The command line as users meet it: exit codes, clean stdout, one-line usage errors, help with
examples, atomic --output, batches (--jobs, progress bar, Ctrl-C), --skip-non-ddex, summary."""

from __future__ import annotations

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
from pathlib import Path

import pytest

import ddexkit
from ddexkit import batch, cli
from ddexkit.config import Config
from ddexkit.engine import resolve_settings, validate_source
from ddexkit.inputs import MessageSource, expand_paths
from ddexkit.rules import ALL_RULES
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
        (["validate", "--format", "yaml", "x.xml"], "'github', 'json', 'junit', 'sarif', 'text'"),
        (["validate"], "PATH"),
        (["validate", "--jobs", "0", "x.xml"], "1 or more"),
        (["nonsense"], "'validate', 'diff', 'rules', 'summary', 'package', 'plan', 'upload', "
                       "'schema'"),
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
    [[], ["validate"], ["diff"], ["summary"], ["rules"], ["package"], ["plan"], ["upload"],
     ["schema"], ["schema", "install"], ["schema", "path"]],
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
    assert commands == {"validate", "diff", "summary", "rules", "package", "plan", "upload",
                        "schema"}


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
    assert cli.main(["validate", "--no-config", "--jobs", "1", "--format", "json",
                     str(folder)]) == 0
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


def test_progress_bar_on_a_real_terminal_and_ctrl_c_reports_what_was_done(
    tmp_path: Path,
) -> None:
    """stderr is a pty: the bar is drawn; SIGINT mid-batch stops cleanly (exit 130) with a
    valid report of the files done, in input order, and says how far it got."""
    folder = _batch(tmp_path / "in", 600)
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", "--jobs", "2",
         "--format", "json", str(folder)],
        stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, cwd=REPO,
    )
    os.close(slave)
    try:
        seen = _read_until(master, b"/600 files", timeout=60)
        assert b"/600 files" in seen, seen
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=60)
        seen += _read_until(master, b"interrupted", timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    if child.returncode == 0:  # the batch finished before the signal landed
        pytest.skip("the machine validated 600 files before SIGINT arrived")
    assert child.returncode == 130
    report = json.loads(out)
    paths = [f["path"] for f in report["files"]]
    assert 0 < len(paths) < 600
    assert paths == sorted(paths)
    assert f"interrupted: {len(paths)} of 600 files done".encode() in seen
    assert b"Traceback" not in seen


def test_ctrl_c_in_process_keeps_the_files_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _batch(tmp_path / "in", 6)
    real = validate_source
    calls = []

    def interrupt_on_the_fourth(source: object, settings: object) -> object:
        calls.append(source)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(source, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "validate_source", interrupt_on_the_fourth)
    code = cli.main(["validate", "--no-config", "--jobs", "1", "--format", "json", str(folder)])
    captured = capsys.readouterr()
    assert code == 130
    assert len(json.loads(captured.out)["files"]) == 3
    assert "interrupted: 3 of 6 files done" in captured.err



def test_ctrl_c_with_workers_stops_at_once_and_reaps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministic: the first file is quick, every other one would take a minute and
    then leave a mark. Ctrl-C (raised in the parent when the first file is reported) must
    terminate the workers rather than wait for their files: no mark is ever written, no
    worker process is left, and the partial report says how many files were not done."""
    import multiprocessing

    folder = _batch(tmp_path / "in", 6)
    marks = tmp_path / "marks"
    marks.mkdir()
    real = validate_source

    def first_quick_rest_slow(source: MessageSource, settings: object) -> object:
        assert source.path is not None
        if source.path.name != "release000.xml":
            time.sleep(60)
            (marks / source.path.name).touch()
        return real(source, settings)  # type: ignore[arg-type]

    def ctrl_c_on_first_report(done: int, total: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "validate_source", first_quick_rest_slow)  # forked workers see it
    result = batch.validate_batch(expand_paths([folder]), resolve_settings(Config()), jobs=2,
                                  progress=ctrl_c_on_first_report)
    assert multiprocessing.active_children() == []
    assert list(marks.iterdir()) == []
    assert result.interrupted and result.report.interrupted
    assert [Path(f.path or "").name for f in result.report.files] == ["release000.xml"]
    assert result.report.files_not_done == 5 == result.total - result.done

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
