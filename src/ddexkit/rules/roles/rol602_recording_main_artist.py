"""A sound recording has no DisplayArtist with ArtistRole MainArtist.

Why it matters:
    Each track's primary artist comes from its DisplayArtists with role MainArtist; the
    distributor's API rejects a track without one. A track of a classical main release
    (ReleaseType ClassicalAlbum, or a classical release profile) is led by its Composer,
    Conductor, Orchestra, Ensemble or Soloist instead, as for ROL601.

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

from ddexkit.domain.roles import CLASSICAL_LEAD_ROLES, is_classical, lead_roles
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage


def _classical_main_release(message: Message, context: RuleContext) -> Release | None:
    """The main release when it is classical (by its type or the message's profile)."""
    main = context.main_release
    if main is None:
        return None
    profile = message.release_profile_version_id
    return main if is_classical(main.type_names, profile.stripped if profile else None) else None


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    classical_main = _classical_main_release(message, context)  # the same for every track
    for recording in message.sound_recordings:
        classical = classical_main is not None and any(
            r is classical_main
            for r in context.releases_by_resource_reference.get(recording.ref, ()))
        leads = lead_roles(classical)
        artists = [a for d in recording.details for a in d.display_artists]
        if any(r.stripped in leads for a in artists for r in a.roles):
            continue
        also = f" (nor {', '.join(sorted(CLASSICAL_LEAD_ROLES))})" if classical else ""
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
            f"DisplayArtist with ArtistRole MainArtist{also}",
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
