"""The parser reads a ResourceGroupContentItem's SequenceSubNumber, and REF210 takes two items
with one SequenceNumber but different SequenceSubNumbers as the parts of one numbered item."""

from __future__ import annotations

from pathlib import Path

import ddexkit
from ddexkit.config import Config
from ddexkit.parser import parse

GOOD = (Path(__file__).parent / "rules" / "cases" / "REF210" / "good.xml").read_text("utf-8")
ITEM = "            <SequenceNumber>{}</SequenceNumber>\n            <ResourceType>"


def _numbered(*numbers: tuple[int, int | None]) -> str:
    """GOOD with its four content items (lines 265, 270, 275, 280) numbered as given:
    (SequenceNumber, SequenceSubNumber or None), the sub number on the number's line."""
    text = GOOD
    for position, (number, sub) in enumerate(numbers, start=1):
        old = ITEM.format(position)
        assert text.count(old) == 1
        extra = f"<SequenceSubNumber>{sub}</SequenceSubNumber>" if sub is not None else ""
        new = ITEM.format(number).replace("</SequenceNumber>", f"</SequenceNumber>{extra}")
        text = text.replace(old, new)
    return text


def _ref210(text: str) -> list[tuple[str, int | None]]:
    report = ddexkit.validate(text.encode("utf-8"), config=Config(select=("REF210",)))
    return [(i.code, i.location.line) for i in report.files[0].issues if i.code == "REF210"]


def test_the_parser_reads_sequence_sub_number() -> None:
    message = parse(_numbered((1, 1), (1, 2), (2, None), (3, None)).encode("utf-8"))
    items = list(message.releases[0].iter_group_items())
    subs = [i.sequence_sub_number.stripped if i.sequence_sub_number else None for i in items]
    assert subs == ["1", "2", None, None]


def test_parts_of_one_numbered_item_are_not_a_repeat() -> None:
    assert _ref210(_numbered((1, 1), (1, 2), (2, None), (3, None))) == []


def test_the_same_number_and_sub_number_is_a_repeat() -> None:
    assert _ref210(_numbered((1, 1), (1, 1), (2, None), (3, None))) == [("REF210", 270)]


def test_the_same_number_without_sub_numbers_is_a_repeat() -> None:
    assert _ref210(_numbered((1, None), (1, None), (2, None), (3, None))) == [("REF210", 270)]
