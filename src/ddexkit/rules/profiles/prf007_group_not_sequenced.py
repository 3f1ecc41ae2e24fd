"""A ResourceGroup nested in the main release has no SequenceNumber.

Why it matters:
    In the profiles the main release's top-level ResourceGroup holds one numbered group per
    disc (or other track bundle), each with its own SequenceNumber; the track numbers start
    again in each. An unnumbered disc group leaves the order of the discs, and so the
    whole track list, to the store's guess.

Bad:
    <ResourceGroup> <!-- expect: PRF007 -->
            <ResourceGroupContentItem>
              <SequenceNumber>1</SequenceNumber>

Good:
    <ResourceGroup>
            <SequenceNumber>1</SequenceNumber>
            <ResourceGroupContentItem>
              <SequenceNumber>1</SequenceNumber>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.3.1(2):
    AudioSingle rule 1007-1, AudioAlbumMusicOnly rule 1080-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release, ResourceGroup
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release


def _nested(groups: tuple[ResourceGroup, ...]) -> Iterator[ResourceGroup]:
    """The groups below ``groups``, at any depth, in document order."""
    for group in groups:
        for sub in group.groups:
            yield sub
            yield from _nested((sub,))


def _check_release(release: Release, message: Message,
                   context: RuleContext) -> Iterator[Finding]:
    for details in release.details:
        for group in _nested(details.resource_groups):
            if group.sequence is not None and group.sequence.stripped:
                continue
            yield Finding(
                at=group.loc,
                message=f"{context.main_release_name(release)}: a nested ResourceGroup has "
                "no SequenceNumber",
                hint="Give each group inside the top-level ResourceGroup a <SequenceNumber> "
                "(1 for the first disc, 2 for the next…) before its content items",
            )


RULE = Rule(
    code="PRF007",
    severity=Severity.ERROR,
    summary="A ResourceGroup nested in the main release has no SequenceNumber",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
    opt_in=True,
)
