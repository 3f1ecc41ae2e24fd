"""The catalogue checks (BAT) over small folders of our own messages: each case's bad/ folder
raises exactly its issues (one, unless EXPECTED says), each naming both files; its good/
folder raises none. A
case's assets/ folder, when there is one, holds the files both messages reference."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.rules import ALL_RULES, Stage

CASES = Path(__file__).parent / "cases"
BATCH_CODES = [rule.code for rule in ALL_RULES if rule.stage is Stage.BATCH]


def _batch_issues(code: str, side: str) -> list[ddexkit.report.BatchIssue]:
    case = CASES / code
    assets = case / "assets"
    report = ddexkit.validate(case / side, config=Config(ignore=("ERN007",)),
                              assets=assets if assets.is_dir() else None)
    return [issue for issue in report.batch_issues if issue.code == code]


# BAT003's case shares all three audio files of the album between the two messages.
EXPECTED = {"BAT003": 3}


@pytest.mark.parametrize("code", BATCH_CODES)
def test_the_bad_folder_raises_its_issues_naming_both_files(code: str) -> None:
    issues = _batch_issues(code, "bad")
    assert len(issues) == EXPECTED.get(code, 1)
    for issue in issues:
        assert sorted(Path(path).name for path, _line in issue.places) == ["a.xml", "b.xml"]
        assert all(line is not None for _path, line in issue.places)
        assert issue.message and issue.hint


@pytest.mark.parametrize("code", BATCH_CODES)
def test_the_good_folder_raises_none(code: str) -> None:
    assert _batch_issues(code, "good") == []


def test_batch_checks_can_be_switched_off(capsys: pytest.CaptureFixture[str]) -> None:
    from ddexkit import cli

    bad = str(CASES / "BAT004" / "bad")
    assert cli.main(["validate", "-q", "--ignore", "ERN007", bad]) == 1
    assert "BAT004 [error]" in capsys.readouterr().out
    assert cli.main(["validate", "-q", "--ignore", "ERN007", "--no-batch-checks", bad]) == 0
    assert "batch: BAT004" not in capsys.readouterr().out


def test_a_single_file_has_no_batch_issue() -> None:
    report = ddexkit.validate(CASES / "BAT004" / "bad" / "a.xml")
    assert report.batch_issues == ()


@pytest.mark.parametrize("code", ["BAT001", "BAT005"])
def test_a_upc_and_its_ean_13_are_one_product(code: str, tmp_path: Path) -> None:
    """b.xml writes the UPC-A 123456789012 as the EAN-13 0123456789012: the same GTIN, so
    the same product, which these rules compare by."""
    import shutil

    folder = tmp_path / code
    shutil.copytree(CASES / code / "bad", folder)
    b = folder / "b.xml"
    text = b.read_text(encoding="utf-8")
    upc = '<ICPN IsEan="false">123456789012</ICPN>'
    assert upc in text
    b.write_text(text.replace(upc, '<ICPN IsEan="true">0123456789012</ICPN>'), encoding="utf-8")
    report = ddexkit.validate(folder, config=Config(ignore=("ERN007",)))
    issues = [issue for issue in report.batch_issues if issue.code == code]
    assert len(issues) == 1 and "123456789012" in issues[0].message
