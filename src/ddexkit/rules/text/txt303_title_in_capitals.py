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

import re
from collections.abc import Iterator

from ddexkit.domain.joined import VALUE_END, VALUE_START, values_with_match
from ddexkit.domain.text import has_cased_letters, is_shouted, title_case, without_names
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

# A whole value without a lower-case ASCII letter: the titles is_shouted has to look at (a
# title with one is not in capitals), found by one search over them all.
_WITHOUT_ASCII_LOWER = re.compile(VALUE_START + r"[^a-z\x00]*" + VALUE_END)


def _names_in_capitals(message: Message) -> set[str]:
    """The artist and party names of the message that are themselves written in capitals."""
    names = {text.stripped for element in ("FullName", "DisplayArtistName")
             for text in message.indexed(element)}
    return {name for name in names if has_cased_letters(name) and name == name.upper()}


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    titles = message.indexed("TitleText")
    stylised: set[str] | None = None  # worked out at the first title in capitals
    for at in values_with_match(_WITHOUT_ASCII_LOWER, [text.value for text in titles]):
        text = titles[at]
        title = text.stripped
        if not is_shouted(title):
            continue
        if stylised is None:
            stylised = _names_in_capitals(message)
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
