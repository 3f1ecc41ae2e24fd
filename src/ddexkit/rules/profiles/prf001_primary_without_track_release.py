"""A primary resource of the main release has no TrackRelease of its own.

Why it matters:
    DDEX's audio Release Profiles deliver a product as a main release plus one TrackRelease
    per primary resource (each track), whether or not a deal is offered for the track
    release yet: stores sell and stream tracks through those releases. A track the main
    release names as PrimaryResource but no TrackRelease delivers cannot be sold or
    reported on its own. The distributor's own API does not ask for track releases, so
    this rule runs only in the DDEX profiles.

Bad:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A2</ReleaseResourceReference> <!-- expect: PRF001 -->

Good:
    <ReleaseReference>R2</ReleaseReference>
      <ReferenceTitle>
        <TitleText>Slow Tide</TitleText>
      </ReferenceTitle>
      <ReleaseResourceReferenceList>
        <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A2</ReleaseResourceReference>
      </ReleaseResourceReferenceList>
      <ReleaseType>TrackRelease</ReleaseType>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.1:
    AudioSingle rules 1004-1 and 1057-1, AudioAlbumMusicOnly rules 1077-1 and 1130-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._shape import primary_references


def _track_release_references(message: Message) -> set[str]:
    return {reference.stripped for release in message.releases if release.is_track_release
            for reference in release.resource_references}


def _check_release(release: Release, delivered: set[str],
                   context: RuleContext) -> Iterator[Finding]:
    resources = context.resources_by_reference
    for reference in primary_references(release, resources):
        resource = resources.get(reference.stripped)
        if resource is None or reference.stripped in delivered:
            continue  # an unknown reference is REF201's
        yield Finding(
            at=reference.loc,
            message=f"{context.main_release_name(release)}: primary resource "
            f"{reference.stripped} has no TrackRelease",
            hint=f"Add a <Release> with <ReleaseType>TrackRelease</ReleaseType> whose "
            f"ReleaseResourceReferenceList names {reference.stripped} (its ISRC as ReleaseId)",
        )


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    delivered = _track_release_references(message)
    for release in context.main_release_candidates:
        yield from _check_release(release, delivered, context)


RULE = Rule(
    code="PRF001",
    severity=Severity.ERROR,
    summary="A primary resource of the main release has no TrackRelease",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
