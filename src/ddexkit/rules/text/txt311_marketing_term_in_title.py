"""A title carries a marketing or format term ("Exclusive", "Official", "HD", "Ringtone").

Why it matters:
    A title is a permanent part of the recording, while "Exclusive", "Limited Edition" or
    "Free Download" are true for a while and "HD", "CD", "Digital Single" or "Official Video"
    describe a medium or a product, not the music. The stores' style guides ask for titles
    without them and hold back releases that carry them. Terms that say nothing of any
    music ("Exclusive", "Limited Edition", "Free Download", "Ringtone", "Official Video",
    "Digital Single/Version/Edition/Download/Release/Album") count anywhere in a TitleText;
    words that can be a title's own ("Official", "HD", "HQ", "4K", "CD", "Vinyl", "MP3",
    "Single", "EP") and the labels of a standard version ("Album Version", "Original Mix")
    count only in a closing qualifier: brackets at the end, or what follows the last " - ".
    "Single Ladies" is a title; "Harbour Walls - Single" is not (the store adds "- Single"
    itself from the ReleaseType). A profile adds terms of its own (``[words]
    marketing-terms``), counted anywhere in a title.

Bad:
    <TitleText>Harbour Walls (Exclusive)</TitleText>

Good:
    <TitleText>Harbour Walls</TitleText>

Source:
    Apple Music Style Guide, 3. Titles (additional information, version information) and
    1.2 Advertising; Spotify Metadata Style Guide, 7. Album Titles and Versions and 8. Track
    Titles and Versions; DDEX ERN 3.8.2 TitleText.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.storestyle import OwnTerms, marketing_terms, without_marketing
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def _hint(rest: str) -> str:
    where = "a version goes in <SubTitle>, the kind of product in ReleaseType"
    if not rest:
        return f"Write the recording's real title ({where})"
    return f"Write the title without it: {rest!r} ({where})"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    extra = context.options.marketing_terms
    own = OwnTerms(extra) if extra else None  # indexed once, not for each title
    for text in message.indexed("TitleText"):
        title = text.stripped
        terms = marketing_terms(title, own)
        if not terms:
            continue
        shown = ", ".join(repr(t) for t in terms)
        yield Finding(
            at=text.loc,
            message=f"TitleText {title!r} carries the marketing or format term {shown}",
            hint=_hint(without_marketing(title, own)),
        )


RULE = Rule(
    code="TXT311",
    severity=Severity.WARNING,
    summary="A title carries a marketing or format term",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({"TitleText"}),
    opt_in=True,
    reads=frozenset({"marketing_terms"}),
)
