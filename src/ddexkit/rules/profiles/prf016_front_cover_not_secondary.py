"""The main release's front cover is not a SecondaryResource, or there are several.

Why it matters:
    The profiles have the main release deliver exactly one Image of type FrontCoverImage
    and reference it as a SecondaryResource: it goes with the tracks, it is not one. A
    cover named as PrimaryResource is counted as content (some stores list it as a track),
    and two front covers leave the store to pick one. A main release without any front
    cover is REF209's.

Bad:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A3</ReleaseResourceReference> <!-- expect: PRF016 -->

Good:
    <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A3</ReleaseResourceReference>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.1:
    AudioSingle rule 1062-1, AudioAlbumMusicOnly rule 1135-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release, Resource
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release
from ddexkit.rules.profiles._shape import SECONDARY, resource_type

_FRONT_COVER = "FrontCoverImage"


def _is_front_cover(resource: Resource | None) -> bool:
    return (resource is not None and resource.kind == "Image"
            and resource.resource_type is not None
            and resource.resource_type.stripped == _FRONT_COVER)


def _check_release(release: Release, message: Message,
                   context: RuleContext) -> Iterator[Finding]:
    resources = context.resources_by_reference
    name = context.main_release_name(release)
    for reference in release.iter_reference_texts():
        if not _is_front_cover(resources.get(reference.stripped)):
            continue
        kind = resource_type(reference)
        if kind == SECONDARY or kind is None:
            continue  # a missing type is PRF005's
        yield Finding(
            at=reference.loc,
            message=f"{name} references its front cover {reference.stripped} as {kind}",
            hint=f'Write ReleaseResourceType="{SECONDARY}" for the cover',
        )
    covers = [r for r in release.delivered(resources) if _is_front_cover(r)]
    for extra in covers[1:]:
        yield Finding(
            at=release.resource_reference_list_loc or release.loc,
            message=f"{name} delivers a second FrontCoverImage, {extra.ref}, besides "
            f"{covers[0].ref}",
            hint="Keep one front cover in the release",
        )


RULE = Rule(
    code="PRF016",
    severity=Severity.ERROR,
    summary="The main release's front cover is not a SecondaryResource, or there are several",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
    opt_in=True,
)
