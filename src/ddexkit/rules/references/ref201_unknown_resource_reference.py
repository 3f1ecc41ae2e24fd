"""A ReleaseResourceReference names no resource of the ResourceList.

Why it matters:
    A release is assembled from the resources its ReleaseResourceReferences name, in its
    ReleaseResourceReferenceList and in each ResourceGroupContentItem. A reference to no
    resource is a track or artwork the ingest cannot find: the release is rejected. The
    official XSD declares these references as IDREFs, but the validator does not resolve
    them, so only this rule reports the fault. Every release is checked, not only the main
    one; the hint names the closest existing reference. A message without a ResourceList is
    ERN012's to report, once.

Bad:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A9</ReleaseResourceReference>

Good:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A3</ReleaseResourceReference>

Source:
    DDEX ERN 3.8.2 Release/ReleaseResourceReferenceList,
    ResourceGroupContentItem/ReleaseResourceReference (ddex_LocalResourceAnchorReference).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.references._hints import References


def _references(message: Message) -> Iterator[tuple[str, Text]]:
    for release in message.releases:
        for reference in release.iter_reference_texts():
            yield release.ref, reference


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    if message.resource_list_loc is None:
        return  # ERN012 reports the missing ResourceList once, not once per reference
    known = context.resources_by_reference
    existing: References | None = None
    for release_ref, reference in _references(message):
        if reference.stripped and reference.stripped in known:
            continue
        if existing is None:
            existing = References(known)
        yield Finding(
            at=reference.loc,
            message=f"ReleaseResourceReference {reference.stripped!r} of release "
            f"{release_ref or '(no reference)'} names no resource of the ResourceList",
            hint=existing.hint(reference.stripped, "resource", "ResourceList"),
        )


RULE = Rule(
    code="REF201",
    severity=Severity.ERROR,
    summary="A ReleaseResourceReference names no resource of the ResourceList",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
