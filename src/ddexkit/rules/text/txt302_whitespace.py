"""A title or name has leading or trailing spaces, doubled spaces, tabs or control characters.

Why it matters:
    Stores show titles and names exactly as delivered, and the distributor's naming
    guidelines ask for clean text: a stray space makes "Harbour Walls" and "Harbour Walls "
    two different titles in search and in the artist's catalogue. Checked in every
    TitleText, FullName, DisplayArtistName and LabelName of the message; a line break
    inside the text counts as a control character (a title is one line). The hint gives the
    tidied value.

Bad:
    <TitleText>Harbour  Walls </TitleText>

Good:
    <TitleText>Harbour Walls</TitleText>

Source:
    Distributor API (naming guidelines); DDEX ERN 3.8.2 TitleText, FullName,
    DisplayArtistName, LabelName.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddexkit.domain.joined import VALUE_END, values_with_match
from ddexkit.domain.text import tidy_whitespace, whitespace_faults
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_CHECKED = ("TitleText", "FullName", "DisplayArtistName", "LabelName")
# What any spacing fault needs: a space or control character (not NUL, which XML text never
# holds) that is a control, starts or ends the value, or is doubled. It leads the pattern, so
# that one search over all the values skips the other characters in C; the values without
# such a character, nearly all, are passed over.
_MAYBE_FAULTY = re.compile(
    r"[\s\x01-\x1f\x7f-\x9f]"
    r"(?:(?<=[\x01-\x1f\x7f-\x9f])|(?<=\x00[\s\S])|" + VALUE_END + r"|(?<= )(?= ))")


def _joined(faults: tuple[str, ...]) -> str:
    return faults[0] if len(faults) == 1 else ", ".join(faults[:-1]) + " and " + faults[-1]


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for name in _CHECKED:
        texts = message.indexed(name)
        for at in values_with_match(_MAYBE_FAULTY, [text.value for text in texts]):
            text = texts[at]
            faults = whitespace_faults(text.value)
            if not faults:
                continue
            yield Finding(
                at=text.loc,
                message=f"{name} {text.value!r} has {_joined(faults)}",
                hint=f"Write {tidy_whitespace(text.value)!r}",
            )


RULE = Rule(
    code="TXT302",
    severity=Severity.WARNING,
    summary="A title or name has stray spaces, tabs or control characters",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset(_CHECKED),
)
