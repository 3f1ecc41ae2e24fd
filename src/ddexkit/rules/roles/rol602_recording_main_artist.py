"""A sound recording has no DisplayArtist with ArtistRole MainArtist.

Why it matters:
    Each track's primary artist comes from its DisplayArtists with role MainArtist; the
    distributor's API rejects a track without one.

Bad:
    <DisplayArtist SequenceNumber="1">
          <PartyName>
            <FullName>Aurora Vale</FullName>
          </PartyName>
          <ArtistRole>Artist</ArtistRole>
        </DisplayArtist>
        <ResourceContributor SequenceNumber="1">

Good:
    <DisplayArtist SequenceNumber="1">
          <PartyName>
            <FullName>Aurora Vale</FullName>
          </PartyName>
          <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <ResourceContributor SequenceNumber="1">

Source:
    Distributor API; DDEX ERN 3.8.2 SoundRecordingDetailsByTerritory/DisplayArtist.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for recording in message.sound_recordings:
        artists = [a for d in recording.details for a in d.display_artists]
        if any(a.has_role("MainArtist") for a in artists):
            continue
        at = recording.details[0].loc if recording.details else recording.loc
        listed = ", ".join(sorted({a.name for a in artists if a.name}))
        hint = (
            f"Give the track's main artist ({listed}) <ArtistRole>MainArtist</ArtistRole>"
            if listed
            else "Add a <DisplayArtist> with <ArtistRole>MainArtist</ArtistRole> to "
            "SoundRecordingDetailsByTerritory"
        )
        yield Finding(
            at=at,
            message=f"Sound recording {recording.ref or '(no reference)'} has no "
            "DisplayArtist with ArtistRole MainArtist",
            hint=hint,
        )


RULE = Rule(
    code="ROL602",
    severity=Severity.ERROR,
    summary="A sound recording has no DisplayArtist with ArtistRole MainArtist",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
