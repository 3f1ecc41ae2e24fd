"""A title is written in capitals only.

Why it matters:
    The distributor's naming guidelines (like the stores' style guides) ask for titles in
    ordinary title or sentence case; a title in capitals reads as shouting and is often
    re-cased or held back by store editors. A title counts when it has at least two words
    and more than five letters that have a case, none of them lower case (scripts without
    case never count). Artist names are exempt, because bands stylise them (ABBA, AC/DC):
    names are not checked, and inside a title the name of an artist of the message that is
    written in capitals is left out of the judgement, so a self-titled "THE BEATLES" by THE
    BEATLES passes while "AC/DC LIVE AT THE PARK" does not. The hint suggests a title-cased
    spelling that keeps such names and roman numerals as written.

Bad:
    <TitleText>THE LONG FIELD</TitleText>

Good:
    <TitleText>The Long Field</TitleText>

Source:
    Distributor API (naming guidelines); DDEX ERN 3.8.2 TitleText.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.text import has_cased_letters, is_shouted, title_case, without_names
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def _names_in_capitals(message: Message) -> set[str]:
    """The artist and party names of the message that are themselves written in capitals."""
    names = set()
    for element in ("FullName", "DisplayArtistName"):
        for text in message.indexed(element):
            name = text.stripped
            if has_cased_letters(name) and name == name.upper():
                names.add(name)
    return names


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    stylised = _names_in_capitals(message)
    for text in message.indexed("TitleText"):
        title = text.stripped
        if not is_shouted(title):
            continue
        kept = {name for name in stylised if name in title}
        if not has_cased_letters(without_names(title, kept)):
            continue  # the title is the artist's own stylised name
        yield Finding(
            at=text.loc,
            message=f"TitleText {title!r} is written in capitals only",
            hint=f"Write {title_case(title, keep=kept)!r} (or the artist's own casing)",
        )


RULE = Rule(
    code="TXT303",
    severity=Severity.WARNING,
    summary="A title is written in capitals only",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({"FullName", "DisplayArtistName", "TitleText"}),
)
