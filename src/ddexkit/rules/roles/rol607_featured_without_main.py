"""A FeaturedArtist is listed where no MainArtist is.

Why it matters:
    A featured artist features on someone's track: stores show "Main feat. Featured". With
    no MainArtist beside it, the featured artist is shown as the main one or the credit is
    dropped.

Bad:
    <ArtistRole>FeaturedArtist</ArtistRole>
        </DisplayArtist>
        <ResourceContributor SequenceNumber="1">

Good:
    <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <ResourceContributor SequenceNumber="1">

Source:
    DDEX AVS ArtistRole (MainArtist, FeaturedArtist).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for artists in message.display_artist_lists():
        if any(a.has_role("MainArtist") for a in artists):
            continue
        for artist in artists:
            if artist.has_role("FeaturedArtist"):
                yield Finding(
                    at=artist.loc,
                    message=f"FeaturedArtist {artist.name or '(no name)'} is listed without "
                    "a MainArtist",
                    hint="Add the main artist as a <DisplayArtist> with "
                    "<ArtistRole>MainArtist</ArtistRole>, or make this artist the MainArtist",
                )


RULE = Rule(
    code="ROL607",
    severity=Severity.WARNING,
    summary="A FeaturedArtist is listed where no MainArtist is",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
