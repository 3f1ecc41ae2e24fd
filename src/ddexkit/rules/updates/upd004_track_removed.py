"""The update leaves out a track of the original.

Why it matters:
    An update replaces the whole release: a track it leaves out is taken off the album in
    every store, with its playlists and links. Take a track down with a TakeDown deal, on
    purpose, never by omission. (Bad: the original's third track, GBAYE2400003, is not in
    the update.)

Bad:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A1</ReleaseResourceReference>
        <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A2</ReleaseResourceReference>
        <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A4</ReleaseResourceReference>

Good:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A2</ReleaseResourceReference>
        <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A3</ReleaseResourceReference>
        <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A4</ReleaseResourceReference>

Source:
    Distributor API (PUT /api/v1/release/{id} replaces the release and its tracks).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import ChangeKind, Part, UpdateFacts, in_original, shown
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    release = facts.update.main_release
    for change in facts.changes.of(Part.TRACK, kind=ChangeKind.REMOVED):
        yield Finding(
            at=release.loc if release is not None else facts.update.loc,
            message=f"Track {change.key} {shown(change.old)} ({in_original(change)}) is not "
            "in the update's main release",
            hint="Deliver every track again; to withdraw one on purpose, agree a takedown "
            "with the distributor",
        )


RULE = Rule(
    code="UPD004",
    severity=Severity.ERROR,
    summary="The update leaves out a track of the original",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
