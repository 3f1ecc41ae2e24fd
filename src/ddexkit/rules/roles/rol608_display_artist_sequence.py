"""DisplayArtist SequenceNumbers repeat in one list.

Why it matters:
    SequenceNumber orders the artists on the store page ("A, B & C"); two artists with the
    same number leave the order to chance.

Bad:
    <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <DisplayArtist SequenceNumber="1">

Good:
    <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <DisplayArtist SequenceNumber="2">

Source:
    DDEX ERN 3.8.2 (DisplayArtist/@SequenceNumber).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Contributor, Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for artists in message.display_artist_lists():
        seen: dict[str, Contributor] = {}
        for artist in artists:
            if artist.sequence is None or not artist.sequence.stripped:
                continue
            number = artist.sequence.stripped
            first = seen.setdefault(number, artist)
            if first is artist:
                continue
            yield Finding(
                at=artist.sequence.loc,
                message=f"DisplayArtist SequenceNumber {number} is used twice in one list "
                f"({first.name or '(no name)'} and {artist.name or '(no name)'})",
                hint=f"Number the DisplayArtists 1 to {len(artists)} in display order",
            )


RULE = Rule(
    code="ROL608",
    severity=Severity.WARNING,
    summary="DisplayArtist SequenceNumbers repeat in one list",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
