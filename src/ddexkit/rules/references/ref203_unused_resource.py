"""A resource is used by no release.

Why it matters:
    A resource that no release names (in a ReleaseResourceReferenceList or a
    ResourceGroupContentItem) is delivered for nothing: usually a track or the cover was
    left out of the release by mistake, or the resource is a leftover. Resources without a
    ResourceReference are ERN012's; a message without any release is left to ERN012 and
    REF204 rather than flagging every resource.

Bad:
    <ResourceReference>A4</ResourceReference>

Good:
    <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A4</ReleaseResourceReference>

Source:
    DDEX ERN 3.8.2 ResourceList, Release/ReleaseResourceReferenceList.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    if not message.releases:
        return
    used = context.releases_by_resource_reference
    main = context.main_release
    target = f"main release {main.ref}" if main is not None and main.ref else "its release"
    for resource in message.resources:
        if resource.reference is None or not resource.ref or resource.ref in used:
            continue
        yield Finding(
            at=resource.reference.loc,
            message=f"{resource.kind} {resource.ref} is used by no release",
            hint=f"Add <ReleaseResourceReference>{resource.ref}</ReleaseResourceReference> to "
            f"the {target} (and a ResourceGroupContentItem for it), or remove the "
            f"{resource.kind}",
        )


RULE = Rule(
    code="REF203",
    severity=Severity.WARNING,
    summary="A resource is used by no release",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
