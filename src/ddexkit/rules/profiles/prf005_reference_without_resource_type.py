"""A ReleaseResourceReference has no ReleaseResourceType.

Why it matters:
    The profiles tell a release's content (PrimaryResource: the tracks) from what goes with
    it (SecondaryResource: the cover) by the ReleaseResourceType of each reference; the XSD
    gives the attribute no default. Without it a store cannot tell whether the resource is
    a track to sell or an extra, and the other profile rules can only guess from its kind.

Bad:
    <ReleaseResourceReference>A1</ReleaseResourceReference> <!-- expect: PRF005 -->

Good:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A1</ReleaseResourceReference>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clauses 4.3(1)
    and 4.3(2): AudioSingle rule 1012-1, AudioAlbumMusicOnly rule 1085-1 (stated there for
    the ResourceGroupContentItems; ddexkit also judges the ReleaseResourceReferenceList).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._shape import PRIMARY, SECONDARY, resource_type


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    resources = context.resources_by_reference
    for release in message.releases:
        for reference in release.iter_reference_texts():
            if resource_type(reference) is not None or not reference.stripped:
                continue
            resource = resources.get(reference.stripped)
            kind = SECONDARY if resource is not None and resource.kind == "Image" else PRIMARY
            yield Finding(
                at=reference.loc,
                message=f"Release {release.ref or '(no reference)'}: the reference to "
                f"{reference.stripped} has no ReleaseResourceType",
                hint=f'Write <ReleaseResourceReference ReleaseResourceType="{kind}">'
                f"{reference.stripped}</ReleaseResourceReference>",
            )


RULE = Rule(
    code="PRF005",
    severity=Severity.ERROR,
    summary="A ReleaseResourceReference has no ReleaseResourceType",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
