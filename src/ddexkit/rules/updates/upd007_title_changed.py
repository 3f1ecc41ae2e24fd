"""The update changes the title of the main release or of a track.

Why it matters:
    Stores show the delivered title in listeners' libraries and in search; many hold a
    title change for review, and some refuse it once the release is out. Make sure it is
    meant (a typo fixed, not a version label added). (Bad: the original's title is
    "Harbour Lights".)

Bad:
    <ReferenceTitle>
        <TitleText>Harbour Lights (Deluxe)</TitleText>
      </ReferenceTitle>

Good:
    <ReferenceTitle>
        <TitleText>Harbour Lights</TitleText>
      </ReferenceTitle>

Source:
    Distributor API (PUT /api/v1/release/{id}: metadata changes are reviewed).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import Part, UpdateFacts, in_original, shown
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    for change in facts.changes.of(Part.RELEASE, "title"):
        if change.key == facts.changes.main_release:
            yield Finding(
                at=change.update or facts.update.loc,
                message=f"Main release {change.key}: title changed from {shown(change.old)} "
                f"({in_original(change)}) to {shown(change.new)}",
                hint="Keep the delivered title unless the change is meant; stores may hold "
                "it for review",
            )
    reassigned = facts.changes.reassigned  # UPD003 reports those
    for change in facts.changes.of(Part.TRACK, "title"):
        if change.key not in reassigned:
            yield Finding(
                at=change.update or facts.update.loc,
                message=f"Track {change.key}: title changed from {shown(change.old)} "
                f"({in_original(change)}) to {shown(change.new)}",
                hint="Keep the delivered title unless the change is meant; stores may hold "
                "it for review",
            )


RULE = Rule(
    code="UPD007",
    severity=Severity.WARNING,
    summary="The update changes a release or track title",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
