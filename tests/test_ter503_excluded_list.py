"""TER503 checks ExcludedTerritoryCode lists as it does TerritoryCode lists: a territory
excluded twice in one list is reported at its second place."""

from __future__ import annotations

from pathlib import Path

import ddexkit
from ddexkit.config import Config
from ddexkit.issues import Severity

GOOD = (Path(__file__).parent / "rules" / "cases" / "TER503" / "good.xml").read_text("utf-8")
DEAL_TERRITORY = "          <TerritoryCode>Worldwide</TerritoryCode>\n          <ValidityPeriod>"


def _excluding(*codes: str) -> tuple[str, int]:
    """GOOD with the first deal's Worldwide replaced by an ExcludedTerritoryCode per code (one
    a line), and the line of the first of them."""
    at = GOOD.index(DEAL_TERRITORY)
    first_line = GOOD.count("\n", 0, at) + 1
    listed = "\n".join(f"          <ExcludedTerritoryCode>{c}</ExcludedTerritoryCode>"
                       for c in codes)
    replaced = DEAL_TERRITORY.replace("          <TerritoryCode>Worldwide</TerritoryCode>", listed)
    return GOOD[:at] + replaced + GOOD[at + len(DEAL_TERRITORY):], first_line


def _ter503(text: str) -> list[ddexkit.Issue]:
    report = ddexkit.validate(text.encode("utf-8"), config=Config(select=("TER503",)))
    return [i for i in report.files[0].issues if i.code == "TER503"]


def test_a_territory_excluded_twice_in_one_list_is_reported() -> None:
    text, first = _excluding("DE", "FR", "DE")
    issues = _ter503(text)
    assert [(i.code, i.location.line, i.severity) for i in issues] == [
        ("TER503", first + 2, Severity.WARNING)]
    assert issues[0].message == "ExcludedTerritoryCode DE is listed twice in one DealTerms"


def test_distinct_excluded_territories_are_fine() -> None:
    text, _ = _excluding("DE", "FR", "AT")
    assert _ter503(text) == []
