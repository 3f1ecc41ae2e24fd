"""DUR407: a ValidityPeriod with only an EndDate (a takedown by end date) needs no StartDate;
a deal that carries only a DealReference is still checked for one."""

from __future__ import annotations

from pathlib import Path

import ddexkit
from ddexkit.config import Config

CASES = Path(__file__).parent / "rules" / "cases" / "DUR407"
GOOD = (CASES / "good.xml").read_text(encoding="utf-8")
PERIOD = """<ValidityPeriod>
            <StartDate>2024-05-17</StartDate>
            <EndDate>2030-12-31</EndDate>
          </ValidityPeriod>"""


def _dur407(text: str) -> list[tuple[int | None, str, str]]:
    report = ddexkit.validate(text.encode(), config=Config(select=("DUR407",)))
    return [(i.location.line, i.severity.value, i.message) for i in report.files[0].issues]


def test_an_end_date_only_period_needs_no_start_date() -> None:
    assert PERIOD in GOOD
    text = GOOD.replace(PERIOD, "<ValidityPeriod><EndDate>2030-12-31</EndDate></ValidityPeriod>")
    assert _dur407(text) == []


def test_an_empty_period_has_no_start_date() -> None:
    text = GOOD.replace(PERIOD, "<ValidityPeriod/>")
    line = text[:text.index("<ValidityPeriod/>")].count("\n") + 1
    assert _dur407(text) == [(line, "error", "Deal's ValidityPeriod has no StartDate")]


def test_a_deal_with_only_a_deal_reference_is_checked() -> None:
    text = (CASES / "bad.xml").read_text(encoding="utf-8")
    line = text[:text.index("<DealReference>")].count("\n") + 1
    ((at, severity, message),) = _dur407(text)
    assert (at, severity) == (line, "error")
    assert "only a DealReference" in message
