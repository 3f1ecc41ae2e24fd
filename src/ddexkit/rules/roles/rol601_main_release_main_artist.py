"""The main release has no DisplayArtist with ArtistRole MainArtist.

Why it matters:
    The distributor's API takes the release's primary artists from the DisplayArtists with
    role MainArtist; without one the release has no artist to show or credit and is
    rejected. A classical release (ReleaseType ClassicalAlbum, or a classical release
    profile) is led by its Composer, Conductor, Orchestra, Ensemble or Soloist instead, so
    a display artist with one of those roles counts too.

Bad:
    <DisplayArtist SequenceNumber="1">
          <PartyName>
            <FullName>Aurora Vale</FullName>
          </PartyName>
          <ArtistRole>Artist</ArtistRole>
        </DisplayArtist>
        <ParentalWarningType>NotExplicit</ParentalWarningType>
        <ResourceGroup>

Good:
    <DisplayArtist SequenceNumber="1">
          <PartyName>
            <FullName>Aurora Vale</FullName>
          </PartyName>
          <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <ParentalWarningType>NotExplicit</ParentalWarningType>
        <ResourceGroup>

Source:
    Distributor API (primary artists); DDEX ERN 3.8.2 ReleaseDetailsByTerritory/DisplayArtist;
    DDEX Release Profiles (classical audio album).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.roles import CLASSICAL_LEAD_ROLES, is_classical, lead_roles
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    profile = message.release_profile_version_id
    classical = is_classical(release.type_names, profile.stripped if profile else None)
    leads = lead_roles(classical)
    artists = [a for d in release.details for a in d.display_artists]
    if any(r.stripped in leads for a in artists for r in a.roles):
        return
    also = f" (nor {', '.join(sorted(CLASSICAL_LEAD_ROLES))})" if classical else ""
    at = release.details[0].loc if release.details else release.loc
    listed = ", ".join(sorted({a.name for a in artists if a.name}))
    hint = (
        f"Give the main artist ({listed}) <ArtistRole>MainArtist</ArtistRole>"
        if listed
        else "Add a <DisplayArtist> with the artist's <PartyName> and "
        "<ArtistRole>MainArtist</ArtistRole> to ReleaseDetailsByTerritory"
    )
    yield Finding(
        at=at,
        message=f"{context.main_release_name(release)} has no DisplayArtist "
        f"with ArtistRole MainArtist{also}",
        hint=hint,
    )


RULE = Rule(
    code="ROL601",
    severity=Severity.ERROR,
    summary="The main release has no DisplayArtist with ArtistRole MainArtist",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
