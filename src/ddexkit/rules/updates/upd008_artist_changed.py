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

from ddexkit.changes import Part, UpdateFacts, from_to
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    changes = facts.changes
    tracks = (c for c in changes.of(Part.TRACK, "display_artists")
              if c.key not in changes.reassigned)
    for what, found in (("Main release", changes.of_main_release("display_artists")),
                        ("Track", tracks)):
        for change in found:  # a track given another's ISRC is UPD003's
            yield Finding(
                at=change.update or facts.update.loc,
                message=f"{what} {change.key}: display artist changed {from_to(change)}",
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
