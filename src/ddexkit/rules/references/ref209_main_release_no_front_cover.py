"""The main release delivers no FrontCoverImage (artwork must be uploaded separately).

Why it matters:
    Stores show the release's front cover; without an Image of ImageType FrontCoverImage
    among the resources the main release names, the artwork has to be uploaded by hand
    before the release can go live. The hint says whether the release names an Image of
    another type, or whether the ResourceList holds a front cover the release forgot to
    name. A message without a ResourceList is ERN012's.

Bad:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A3</ReleaseResourceReference>
      </ReleaseResourceReferenceList>

Good:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A3</ReleaseResourceReference>
        <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A4</ReleaseResourceReference>
      </ReleaseResourceReferenceList>

Source:
    DDEX ERN 3.8.2 Image/ImageType (FrontCoverImage); DDEX Release Profiles; distributor API
    (artwork).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release, Resource
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release

_FRONT_COVER = "FrontCoverImage"


def _is_front_cover(resource: Resource) -> bool:
    return (
        resource.kind == "Image"
        and resource.resource_type is not None
        and resource.resource_type.stripped == _FRONT_COVER
    )


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    if message.resource_list_loc is None:
        return  # REF204 / ERN012 report that first
    resources = release.delivered(context.resources_by_reference)
    if any(_is_front_cover(r) for r in resources):
        return
    images = [r for r in resources if r.kind == "Image"]
    unnamed = next((r for r in message.images if _is_front_cover(r) and r.ref), None)
    if images:
        image = images[0]
        kind = image.resource_type.stripped if image.resource_type else "no ImageType"
        hint = (
            f"Image {image.ref} has {kind}: if it is the cover, give it "
            f"<ImageType>{_FRONT_COVER}</ImageType>"
        )
    elif unnamed is not None:
        hint = (
            f"Reference the front cover Image {unnamed.ref} of the ResourceList: add "
            f'<ReleaseResourceReference ReleaseResourceType="SecondaryResource">'
            f"{unnamed.ref}</ReleaseResourceReference>"
        )
    else:
        hint = (
            f"Add the cover as an <Image> with <ImageType>{_FRONT_COVER}</ImageType> to the "
            "ResourceList and reference it here"
        )
    yield Finding(
        at=release.resource_reference_list_loc or release.loc,
        message=f"{context.main_release_name(release)} delivers no {_FRONT_COVER}",
        hint=hint,
    )


RULE = Rule(
    code="REF209",
    severity=Severity.WARNING,
    summary="The main release delivers no FrontCoverImage",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
