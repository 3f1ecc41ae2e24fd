"""A primary resource in the main release's ResourceGroup has no SequenceNumber.

Why it matters:
    The profiles number every track of the main release: each ResourceGroupContentItem
    that names a PrimaryResource carries a SequenceNumber, counted within its disc's
    group. A track without one has no place in the track list, and each store numbers it
    its own way. REF210 judges the numbers that are there (repeats, gaps, a first number
    other than 1).

Bad:
    <ResourceGroupContentItem> <!-- expect: PRF006 -->
              <ResourceType>SoundRecording</ResourceType>

Good:
    <ResourceGroupContentItem>
              <SequenceNumber>2</SequenceNumber>
              <ResourceType>SoundRecording</ResourceType>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clauses
    3.3.1(2), 3.3.1(3) and 3.3.1(5): AudioSingle rules 1006-1 and 1009-1,
    AudioAlbumMusicOnly rules 1079-1 and 1082-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release
from ddexkit.rules.profiles._shape import is_primary


def _check_release(release: Release, message: Message,
                   context: RuleContext) -> Iterator[Finding]:
    resources = context.resources_by_reference
    for item in release.iter_group_items():
        reference = item.resource_reference
        if reference is None or not reference.stripped or not is_primary(reference, resources):
            continue
        if item.sequence is not None and item.sequence.stripped:
            continue
        yield Finding(
            at=item.loc,
            message=f"{context.main_release_name(release)}: primary resource "
            f"{reference.stripped} has no SequenceNumber in its ResourceGroup",
            hint="Give the ResourceGroupContentItem a <SequenceNumber> (its track number "
            "within the disc's group, from 1)",
        )


RULE = Rule(
    code="PRF006",
    severity=Severity.ERROR,
    summary="A primary resource in the main release's ResourceGroup has no SequenceNumber",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
    opt_in=True,
)
