"""A resource of the main release is missing from its ResourceGroup (its order is unknown).

Why it matters:
    Stores take the track list from the main release's ResourceGroups: a resource that its
    ReleaseResourceReferenceList names but no ResourceGroupContentItem (or
    ResourceGroupResourceReferenceList) places has no position in the track list. The groups
    of all the release's ReleaseDetailsByTerritory count together. Images are not reported:
    a cover or a screen capture has no track position, and the DDEX profiles often leave
    them out of the groups (the catalog says "a resource"; this is the reading that keeps
    the warning about track order). When the release has no ResourceGroup at all, one issue says so (at the
    ReleaseResourceReferenceList) instead of one per resource, and only if there is an
    order to lose: more than one SoundRecording or Video. References that name no resource
    are REF201's.

Bad:
    <ResourceGroupContentItem>
            <SequenceNumber>3</SequenceNumber>
            <ResourceType>Image</ResourceType>
            <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A4</ReleaseResourceReference>
          </ResourceGroupContentItem>
        </ResourceGroup>

Good:
    <ResourceGroupContentItem>
            <SequenceNumber>3</SequenceNumber>
            <ResourceType>SoundRecording</ResourceType>
            <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A3</ReleaseResourceReference>
          </ResourceGroupContentItem>

Source:
    DDEX ERN 3.8.2 ReleaseDetailsByTerritory/ResourceGroup; DDEX Release Profiles.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release, ResourceGroup
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release

_ORDERED_KINDS = frozenset({"SoundRecording", "Video"})


def _grouped(groups: tuple[ResourceGroup, ...], into: set[str]) -> None:
    for group in groups:
        into.update(i.resource_reference.stripped for i in group.items if i.resource_reference)
        into.update(t.stripped for t in group.listed_references)
        _grouped(group.groups, into)


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    if not release.resource_references:
        return
    resources = context.resources_by_reference
    has_groups = any(d.resource_groups for d in release.details)
    if not has_groups:
        ordered = {
            t.stripped
            for t in release.resource_references
            if t.stripped in resources and resources[t.stripped].kind in _ORDERED_KINDS
        }
        if len(ordered) > 1:
            yield Finding(
                at=release.resource_reference_list_loc or release.loc,
                message=f"{context.main_release_name(release)} has no ResourceGroup: "
                f"the order of its {len(ordered)} tracks is unknown",
                hint="Add a <ResourceGroup> to ReleaseDetailsByTerritory with a "
                "<ResourceGroupContentItem> (SequenceNumber 1, 2, 3…) per track",
            )
        return
    grouped: set[str] = set()
    for details in release.details:
        _grouped(details.resource_groups, grouped)
    reported: set[str] = set()
    for reference in release.resource_references:
        name = reference.stripped
        if name in grouped or name in reported or name not in resources:
            continue
        if resources[name].kind == "Image":
            continue
        reported.add(name)
        kind = resources[name].kind
        yield Finding(
            at=reference.loc,
            message=f"{kind} {name} of main release {release.ref or '(no reference)'} is in no "
            "ResourceGroup, so its position is unknown",
            hint=f"Add a <ResourceGroupContentItem> with its <SequenceNumber>, <ResourceType>"
            f"{kind}</ResourceType> and <ReleaseResourceReference>{name}"
            "</ReleaseResourceReference> to the ResourceGroup",
        )


RULE = Rule(
    code="REF211",
    severity=Severity.WARNING,
    summary="A resource of the main release is missing from its ResourceGroup",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
