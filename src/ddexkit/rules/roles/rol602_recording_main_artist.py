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
from ddexkit.model import Message, Resource
from ddexkit.rules.base import Rule, RuleContext, Stage


def _in_classical_main_release(recording: Resource, message: Message,
                               context: RuleContext) -> bool:
    main = context.main_release
    if main is None:
        return False
    profile = message.release_profile_version_id
    if not is_classical(main.type_names, profile.stripped if profile else None):
        return False
    return any(r is main for r in context.releases_by_resource_reference.get(recording.ref, ()))


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for recording in message.sound_recordings:
        classical = _in_classical_main_release(recording, message, context)
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
