"""The update adds a track to a release already out.

Why it matters:
    A release that is out is a fixed product: stores list its tracks as delivered, and a
    track added later is often refused, or reaches only some stores. A deluxe or expanded
    edition is a new release with its own UPC. A release not yet out may still gain tracks.
    (Bad: the original had three tracks and came out on 2024-05-17.)

Bad:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A5</ReleaseResourceReference>

Good:
    <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A3</ReleaseResourceReference>
        <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A4</ReleaseResourceReference>

Source:
    Distributor API (PUT of a released album; a new edition is a new release).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import ChangeKind, Part, UpdateFacts, released_by, shown
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    if not released_by(facts.original, context.today):
        return
    for change in facts.changes.of(Part.TRACK, kind=ChangeKind.ADDED):
        yield Finding(
            at=change.update or facts.update.loc,
            message=f"Track {change.key} {shown(change.new)} is new, and the release came "
            "out already",
            hint="Deliver an expanded edition as a new release with its own UPC",
        )


RULE = Rule(
    code="UPD012",
    severity=Severity.WARNING,
    summary="The update adds a track to a release already out",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
