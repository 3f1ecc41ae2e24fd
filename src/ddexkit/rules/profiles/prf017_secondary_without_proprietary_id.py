"""A secondary resource has no ProprietaryId.

Why it matters:
    Covers and other secondary resources have no public identifier like a track's ISRC, so
    the profiles identify each by the sender's ProprietaryId (with the sender's DPID as
    Namespace). Without it an update of the artwork cannot be matched to the image it
    replaces.

Bad:
    <Image> <!-- expect: PRF017 -->
      <ImageType>FrontCoverImage</ImageType>
      <ImageId>
        <ProprietaryId Namespace="DPID:PADPIDA2014120301L"> </ProprietaryId>

Good:
    <Image>
      <ImageType>FrontCoverImage</ImageType>
      <ImageId>
        <ProprietaryId Namespace="DPID:PADPIDA2014120301L">LF-IMG-0007</ProprietaryId>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clauses 4.4(6)
    and 4.10(6): AudioSingle rule 1071-1, AudioAlbumMusicOnly rule 1144-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._shape import SECONDARY, resource_type


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    resources = context.resources_by_reference
    judged: set[str] = set()
    for release in message.releases:
        for reference in release.iter_reference_texts():
            value = reference.stripped
            resource = resources.get(value)
            if resource is None or value in judged or resource_type(reference) != SECONDARY:
                continue
            judged.add(value)
            if any(p.stripped for p in resource.proprietary_ids):
                continue
            yield Finding(
                at=resource.loc,
                message=f"Secondary resource {value} ({resource.kind}) has no ProprietaryId",
                hint=f'Identify it in its {resource.kind}Id with <ProprietaryId '
                f'Namespace="DPID:your DPID">your own id</ProprietaryId>',
            )


RULE = Rule(
    code="PRF017",
    severity=Severity.ERROR,
    summary="A secondary resource has no ProprietaryId",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
