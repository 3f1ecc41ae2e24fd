"""A delivery cannot steer the terminal that shows its report: control characters and
bidirectional overrides in file names and message values are printed as escapes by every
human-readable output (text, diff, summary, plan, GitHub annotations, stderr notes, the
progress line), while the JSON keeps the true value."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddexkit import cli
from ddexkit.batch import StageProgress
from ddexkit.printable import printable
from tests.conftest import GOOD_ALBUM

# What would steer a terminal: C0 controls but the tab, DEL, C1 controls, bidi overrides.
STEERING = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_NAME = "a\x1b[2Kb.xml"  # ESC [ 2 K erases the line the terminal is on
HOSTILE_TITLE = "Harbour Walls (feat. Sam\u009b2K\u202eX)"  # an 8-bit CSI and an RTL override


def test_printable_writes_each_steering_character_as_its_escape() -> None:
    assert printable("a\x1b[2Kb") == "a\\x1b[2Kb"
    assert printable("one\ntwo\rthree\x7f\x9b") == "one\\x0atwo\\x0dthree\\x7f\\x9b"
    assert printable("abc\u202edef\u2066") == "abc\\u202edef\\u2066"


@pytest.mark.parametrize("text", ["Harbour Lights", "Mötley Crüe\tlive", "שלום", "👩‍👩‍👧",
                                  "Sigur Rós", "back\\slash"])
def test_ordinary_text_is_left_as_it_is(text: str) -> None:
    assert printable(text) == text


@given(st.text())
def test_nothing_steering_is_left(text: str) -> None:
    shown = printable(text)
    assert not STEERING.search(shown)
    assert (shown == text) == (not STEERING.search(text))


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """A delivery folder whose ERN has a name and a title that would steer a terminal."""
    text = GOOD_ALBUM.read_text(encoding="utf-8")
    text = text.replace("<TitleText>Harbour Walls</TitleText>",
                        f"<TitleText>{HOSTILE_TITLE}</TitleText>", 1)
    assert HOSTILE_TITLE in text
    (tmp_path / HOSTILE_NAME).write_text(text, encoding="utf-8")
    return tmp_path


def _printed(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    cli.main(list(argv))
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.parametrize("output", ["text", "github"])
def test_validate_prints_the_name_and_the_values_escaped(
        hostile_folder: Path, capsys: pytest.CaptureFixture[str], output: str) -> None:
    shown = ["--color", "never", "--show-source"] if output == "text" else []
    printed = _printed(capsys, "validate", "--no-config", "--ignore", "ERN007", *shown,
                       "--format", output, str(hostile_folder))
    lines = printed.splitlines()
    assert lines and not any(STEERING.search(line) for line in lines)
    assert "a\\x1b[2Kb.xml" in printed
    assert "Sam\\x9b2K\\u202eX" in printed  # TXT304 quotes the title


def test_json_keeps_the_true_values(hostile_folder: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["validate", "--no-config", "--ignore", "ERN007", "--format", "json",
              str(hostile_folder)])
    file = json.loads(capsys.readouterr().out)["files"][0]
    assert file["path"].endswith(HOSTILE_NAME)
    assert HOSTILE_TITLE in [track["title"] for track in file["summary"]["tracks"]]


def test_summary_and_diff_print_the_title_escaped(
        hostile_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = str(hostile_folder / HOSTILE_NAME)
    for argv in (["summary", "--no-config", hostile],
                 ["diff", "--no-config", str(GOOD_ALBUM), hostile]):
        printed = _printed(capsys, *argv)
        assert not any(STEERING.search(line) for line in printed.splitlines()), argv
        assert "\\u202e" in printed, argv


def test_a_note_on_standard_error_names_the_file_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x\x1b]0;owned\x07.xml").write_text("<project/>", encoding="utf-8")
    printed = _printed(capsys, "validate", "--no-config", "--skip-non-ddex", str(tmp_path))
    assert "skipped" in printed and "x\\x1b]0;owned\\x07.xml" in printed
    assert not any(STEERING.search(line) for line in printed.splitlines())


def test_the_progress_line_of_a_slow_file_names_it_escaped() -> None:
    stream = io.StringIO()
    progress = StageProgress(HOSTILE_NAME, stream, delay=0.0, clock=lambda: 10.0)
    progress("rules")
    progress.close()
    drawn = stream.getvalue()
    assert "validating a\\x1b[2Kb.xml: rules" in drawn
    # the line's own controls (\r and erase-to-end ESC [ K) are ddexkit's, and only those
    assert not STEERING.search(drawn.replace("\r", "").replace("\x1b[K", ""))


def test_the_html_report_shows_the_name_and_the_values_escaped(
        hostile_folder: Path, tmp_path: Path) -> None:
    page_path = tmp_path / "report.html"
    cli.main(["validate", "--no-config", "--ignore", "ERN007", "--format", "html", "--output",
              str(page_path), str(hostile_folder)])
    page = page_path.read_text(encoding="utf-8")
    assert not STEERING.search(page.replace("\n", ""))  # the page's own line breaks aside
    assert "a\\x1b[2Kb.xml" in page and "Sam\\x9b2K\\u202eX" in page
