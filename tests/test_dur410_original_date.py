"""DUR410 counts an OriginalReleaseDate or GlobalOriginalReleaseDate as a date of the main
release: where it is the only one, the issue says that it is used as the release date, and the
summary shows it (rules.md); with no date of any kind the issue says that."""

from __future__ import annotations

from pathlib import Path

import ddexkit
from ddexkit.config import Config
from ddexkit.issues import Severity

# The main release (line 233) has only <GlobalOriginalReleaseDate>2024-05-17 (line 299).
BAD = (Path(__file__).parent / "rules" / "cases" / "DUR410" / "bad.xml").read_text("utf-8")
GLOBAL_ORIGINAL = "<GlobalOriginalReleaseDate>2024-05-17</GlobalOriginalReleaseDate>"
END_OF_DETAILS = "        </Genre>\n      </ReleaseDetailsByTerritory>"


def _report(text: str) -> ddexkit.FileReport:
    return ddexkit.validate(text.encode("utf-8"), config=Config(select=("DUR410",))).files[0]


def _dur410(report: ddexkit.FileReport) -> list[tuple[str, int | None, Severity, str]]:
    return [(i.code, i.location.line, i.severity, i.message) for i in report.issues
            if i.code == "DUR410"]


def _in_details(element: str) -> str:
    """BAD without its GlobalOriginalReleaseDate, with ``element`` ending its details (the
    line count stays the same)."""
    assert BAD.count(GLOBAL_ORIGINAL) == 1 and BAD.count(END_OF_DETAILS) == 1
    text = BAD.replace(GLOBAL_ORIGINAL, "")
    return text.replace(END_OF_DETAILS, END_OF_DETAILS.replace("</Genre>", f"</Genre>{element}"))


def test_only_a_global_original_date_is_used_and_the_issue_says_so() -> None:
    report = _report(BAD)
    assert _dur410(report) == [(
        "DUR410", 233, Severity.WARNING,
        "Main release R0 has no ReleaseDate or GlobalReleaseDate: its "
        "GlobalOriginalReleaseDate 2024-05-17 is used as the release date")]
    assert report.summary is not None and report.summary.release_date == "2024-05-17"


def test_only_an_original_date_by_territory_is_used_and_the_issue_says_so() -> None:
    report = _report(_in_details("<OriginalReleaseDate>2019-03-01</OriginalReleaseDate>"))
    assert _dur410(report) == [(
        "DUR410", 233, Severity.WARNING,
        "Main release R0 has no ReleaseDate or GlobalReleaseDate: its OriginalReleaseDate "
        "2019-03-01 is used as the release date")]
    assert report.summary is not None and report.summary.release_date == "2019-03-01"


def test_no_date_of_any_kind_is_reported_as_such() -> None:
    report = _report(BAD.replace(GLOBAL_ORIGINAL, ""))
    assert _dur410(report) == [(
        "DUR410", 233, Severity.WARNING,
        "Main release R0 has no release date of any kind (ReleaseDate, GlobalReleaseDate, "
        "OriginalReleaseDate or GlobalOriginalReleaseDate)")]
    assert report.summary is not None and report.summary.release_date is None


def test_a_release_date_beside_an_original_one_is_silent_and_wins_in_the_summary() -> None:
    text = _in_details("<ReleaseDate>2024-06-01</ReleaseDate>"
                       "<OriginalReleaseDate>2019-03-01</OriginalReleaseDate>")
    report = _report(text)
    assert _dur410(report) == []
    assert report.summary is not None and report.summary.release_date == "2024-06-01"
