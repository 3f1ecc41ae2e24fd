"""The SequenceNumber attributes of one list skip past its length, start below 1 or repeat.

Why it matters:
    A SequenceNumber attribute orders the credits of one list (the DisplayArtists, the
    ResourceContributors, the IndirectResourceContributors of one territory): the profiles
    number them 1, 2, 3… up to the number of entries, each number once. A 0, a number past
    the list's end or a repeated one leaves each store to guess the order it bills them in.
    ROL608 reports the repeats among DisplayArtists; this rule reports the other lists'
    repeats and every list's numbers out of range.

Bad:
        <ResourceContributor SequenceNumber="2"> <!-- expect: PRF034 -->

Good:
        <ResourceContributor SequenceNumber="1">

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(35):
    AudioAlbumMusicOnly rules 1125-1 and 1125-2, AudioSingle rules 1052-1 and 1052-2
    (Fatal Error).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._elements import local_name

_SEQUENCE = "@SequenceNumber"
_REPEATS_ELSEWHERE = frozenset({"DisplayArtist"})  # ROL608's


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    # Each list: the numbered elements of one name under one parent, in document order.
    lists: dict[tuple[Any, str], list[Text]] = {}
    for number in message.indexed(_SEQUENCE):
        parent = number.element.getparent()
        if parent is not None:
            lists.setdefault((parent, number.element.tag), []).append(number)
    for (parent, tag), numbers in lists.items():
        name = local_name(numbers[0].element)
        length = sum(1 for child in parent if child.tag == tag)
        seen: set[int] = set()
        for number in numbers:
            value = number.as_int()
            if value is None:
                continue  # no whole number: ERN006's
            if not 1 <= value <= length:
                yield Finding(
                    at=number.loc,
                    message=f"{name} SequenceNumber {value} is outside 1–{length}: the list "
                    f"has {length} {name}{'s' if length > 1 else ''}",
                    hint=f"Number the {name}s of this list 1 to {length}, in billing order",
                )
            elif value in seen and name not in _REPEATS_ELSEWHERE:
                yield Finding(
                    at=number.loc,
                    message=f"{name} SequenceNumber {value} is given twice in one list",
                    hint=f"Give each {name} of this list its own number, 1 to {length}",
                )
            seen.add(value)


RULE = Rule(
    code="PRF034",
    severity=Severity.ERROR,
    summary="The SequenceNumber attributes of one list skip past its length, start below 1 "
    "or repeat",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({_SEQUENCE}),
    opt_in=True,
)
