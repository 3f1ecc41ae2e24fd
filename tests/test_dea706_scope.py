"""DEA706 reports only an original delivery that takes its own main release down in every
territory it offers it; an update's TakeDown, or one for some territories, is a withdrawal."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config

BAD = (Path(__file__).parent / "rules" / "cases" / "DEA706" / "bad.xml").read_text(
    encoding="utf-8")
TAKEDOWN = "<TakeDown>true</TakeDown><!-- expect: DEA706 -->\n          <TerritoryCode>Worldwide"
HEADER_END = "</MessageHeader>\n"


def _dea706(text: str) -> list[tuple[int | None, str]]:
    report = ddexkit.validate(text.encode(), config=Config(select=("DEA706",)))
    return [(i.location.line, i.severity.value) for i in report.files[0].issues]


def _indicator(text: str, value: str) -> str:
    assert HEADER_END in text
    return text.replace(HEADER_END, f"{HEADER_END}  <UpdateIndicator>{value}</UpdateIndicator>\n")


def _line_of_takedown(text: str) -> int:
    return text[:text.index("<TakeDown>")].count("\n") + 1


def test_an_original_delivery_taking_its_release_down_worldwide_is_reported() -> None:
    assert TAKEDOWN in BAD
    assert _dea706(BAD) == [(_line_of_takedown(BAD), "error")]
    original = _indicator(BAD, "OriginalMessage")
    assert _dea706(original) == [(_line_of_takedown(original), "error")]


def test_a_takedown_in_an_update_is_a_withdrawal() -> None:
    assert _dea706(_indicator(BAD, "UpdateMessage")) == []


def test_a_takedown_for_some_territories_is_not_reported() -> None:
    text = BAD.replace(TAKEDOWN, TAKEDOWN.replace("Worldwide", "DE"))
    assert _dea706(text) == []


@pytest.mark.parametrize(("taken", "reported"), [
    (("DE", "FR"), True),
    (("DE",), False),
    (("Worldwide",), True),
])
def test_every_offered_territory_must_be_taken_down(taken: tuple[str, ...],
                                                    reported: bool) -> None:
    offered = "<TerritoryCode>DE</TerritoryCode>\n          <TerritoryCode>FR</TerritoryCode>"
    text = BAD.replace(TAKEDOWN, "<TakeDown>true</TakeDown>\n          <TerritoryCode>@@")
    text = text.replace("<TerritoryCode>Worldwide</TerritoryCode>", offered)
    codes = "</TerritoryCode>\n          <TerritoryCode>".join(taken)
    text = text.replace("<TerritoryCode>@@", f"<TerritoryCode>{codes}")
    assert len(_dea706(text)) == (1 if reported else 0)
