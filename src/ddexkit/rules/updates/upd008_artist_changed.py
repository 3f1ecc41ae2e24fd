"""The update changes the display artist of the main release or of a track.

Why it matters:
    The display artist decides on which artist page a release appears; changing it moves
    the release (and its plays) to another page, or to a new one when the name is only
    spelt differently. (Bad: the original's main artist is "Aurora Vale".)

Bad:
    <FullName>Aurora Vale &amp; The Tides</FullName>

Good:
    <FullName>Aurora Vale</FullName>

Source:
    Distributor API (PUT /api/v1/release/{id}: artist changes are reviewed).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import Part, UpdateFacts, in_original, shown
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    changes = facts.changes
    for part, what in ((Part.RELEASE, "Main release"), (Part.TRACK, "Track")):
        for change in changes.of(part, "display_artists"):
            if change.key in changes.reassigned or (
                    part is Part.RELEASE and change.key != changes.main_release):
                continue  # UPD003 reports a track paired by an ISRC given to another
            yield Finding(
                at=change.update or facts.update.loc,
                message=f"{what} {change.key}: display artist changed from {shown(change.old)} "
                f"({in_original(change)}) to {shown(change.new)}",
                hint="Keep the delivered artist name, spelt the same, unless the release "
                "should move to another artist page",
            )


RULE = Rule(
    code="UPD008",
    severity=Severity.WARNING,
    summary="The update changes a display artist",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
