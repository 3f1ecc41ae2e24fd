"""Under --strict a file with warnings is needs_fixes in every format, matching exit code 1
(report-format: the status always agrees with the exit code)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddexkit.cli import main
from tests.conftest import GOOD_ALBUM

# A label name with a trailing space: TXT302, a warning only.
WARNED = GOOD_ALBUM.read_bytes().replace(b"</LabelName>", b" </LabelName>", 1)


@pytest.fixture
def warned_file(tmp_path: Path) -> Path:
    assert GOOD_ALBUM.read_bytes() != WARNED
    path = tmp_path / "album.xml"
    path.write_bytes(WARNED)
    return path


def _run(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["validate", str(path), "--no-config", "--ignore", "ERN007", *extra])
    return code, capsys.readouterr().out


def test_without_strict_warnings_leave_the_file_ready(
        warned_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(warned_file, capsys, "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert report["files"][0]["counts"]["warning"] >= 1
    assert report["files"][0]["status"] == "ready"


def test_strict_json_status_is_needs_fixes(warned_file: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(warned_file, capsys, "--format", "json", "--strict")
    report = json.loads(out)
    assert code == 1
    assert report["files"][0]["status"] == "needs_fixes"
    assert report["totals"]["needs_fixes"] == 1 and report["totals"]["ready"] == 0


def test_strict_text_says_needs_fixes(warned_file: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(warned_file, capsys, "--strict")
    assert code == 1
    assert "needs fixes" in out and ": ready" not in out


def test_strict_junit_fails_the_case(warned_file: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(warned_file, capsys, "--format", "junit", "--strict")
    assert code == 1
    assert "<failure" in out and 'failures="1"' in out
    code, out = _run(warned_file, capsys, "--format", "junit")
    assert code == 0
    assert "<failure" not in out


def test_strict_github_summary_counts_it(warned_file: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(warned_file, capsys, "--format", "github", "--strict")
    assert code == 1
    assert "0 ready, 1 needing fixes" in out
