"""A secondary resource's ResourceGroupContentItem carries a SequenceNumber.

Why it matters:
    SequenceNumbers are track numbers. The profiles keep the cover and other secondary
    resources out of the count: a numbered cover makes some stores show it as a track, or
    shift the numbers of the tracks after it.

Bad:
    <SequenceNumber>2</SequenceNumber> <!-- expect: PRF008 -->
            <ResourceType>Image</ResourceType>

Good:
    <ResourceGroupContentItem>
            <ResourceType>Image</ResourceType>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.3.1(4):
    AudioSingle rule 1010-1, AudioAlbumMusicOnly rule 1083-1 (an Error, not a Fatal Error,
    in the profiles: a warning here).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._shape import SECONDARY, resource_type


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        for item in release.iter_group_items():
            reference = item.resource_reference
            if reference is None or resource_type(reference) != SECONDARY:
                continue
            if item.sequence is None or not item.sequence.stripped:
                continue
            yield Finding(
                at=item.sequence.loc,
                message=f"Release {release.ref or '(no reference)'}: secondary resource "
                f"{reference.stripped} has SequenceNumber {item.sequence.stripped}",
                hint="Remove the SequenceNumber: only the tracks (primary resources) are "
                "numbered",
            )


RULE = Rule(
    code="PRF008",
    severity=Severity.WARNING,
    summary="A secondary resource's ResourceGroupContentItem carries a SequenceNumber",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
