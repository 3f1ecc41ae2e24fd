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

from ddexkit.changes import Part, UpdateFacts, from_to
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    changes = facts.changes
    tracks = (c for c in changes.of(Part.TRACK, "title") if c.key not in changes.reassigned)
    for what, found in (("Main release", changes.of_main_release("title")), ("Track", tracks)):
        for change in found:  # a track given another's ISRC is UPD003's
            yield Finding(
                at=change.update or facts.update.loc,
                message=f"{what} {change.key}: title changed {from_to(change)}",
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
