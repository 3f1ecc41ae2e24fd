"""The main release delivers no SoundRecording (nothing to stream or sell).

Why it matters:
    A product is sold and streamed through its sound recordings. A main release whose
    ReleaseResourceReferenceList and ResourceGroups name no SoundRecording has no audio:
    the ingest rejects it. Video products are exempt: a main release with a video
    ReleaseType (VideoSingle, VideoAlbum, LongFormMusicalWorkVideoRelease…) or one that
    delivers Videos has its pictures and sound in those. The issue points at the
    ReleaseResourceReferenceList (or the release, when it has none); the hint names the
    sound recordings of the ResourceList it could deliver. A message without a ResourceList
    is ERN012's.

Bad:
    <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A4</ReleaseResourceReference>
      </ReleaseResourceReferenceList>
      <ReleaseType>Album</ReleaseType>

Good:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A3</ReleaseResourceReference>
        <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A4</ReleaseResourceReference>
      </ReleaseResourceReferenceList>

Source:
    DDEX ERN 3.8.2 Release/ReleaseResourceReferenceList; DDEX Release Profiles (audio
    products); distributor API.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release
from ddexkit.rules.references._hints import References, unknown_references
from ddexkit.xsd import MISSING


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    if message.resource_list_loc is None:
        return  # REF204 / ERN012 report that first
    if release.is_video:
        return  # a video product delivers Videos, not SoundRecordings
    resources = context.resources_by_reference
    if any(r.kind in ("SoundRecording", "Video") for r in release.delivered(resources)):
        return  # audio, or a video product by its resources
    unknown = unknown_references(release, resources)
    recordings = References(r.ref for r in message.sound_recordings)
    if unknown:
        hint = (
            f"Its references {', '.join(unknown)} name no resource (REF201); the ResourceList "
            f"has SoundRecordings {recordings.listing()}"
            if recordings.values
            else f"Its references {', '.join(unknown)} name no resource (REF201), and the "
            "ResourceList has no SoundRecording: add the tracks"
        )
    elif recordings.values:
        hint = (
            f"Add <ReleaseResourceReference>s for its tracks ({recordings.listing()}) to the "
            "ReleaseResourceReferenceList and the ResourceGroup"
        )
    else:
        hint = "Add the tracks as <SoundRecording>s to the ResourceList and reference them here"
    # Without the list, the XSD's ERN006 about the missing ReleaseResourceReferenceList is
    # the same fault: naming it as missing lets the engine show this issue instead.
    has_list = release.resource_reference_list_loc is not None
    yield Finding(
        at=release.resource_reference_list_loc or release.loc,
        message=f"{context.main_release_name(release)} delivers no SoundRecording"
        f"{'' if has_list else ': it has no ReleaseResourceReferenceList'}",
        hint=hint,
        missing=() if has_list else ("ReleaseResourceReferenceList",),
    )


RULE = Rule(
    code="REF208",
    severity=Severity.ERROR,
    summary="The main release delivers no SoundRecording",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
    explains_xsd=frozenset({MISSING}),
)
