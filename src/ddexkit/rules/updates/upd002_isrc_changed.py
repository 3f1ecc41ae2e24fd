"""The update changes a track's ISRC.

Why it matters:
    An ISRC names one recording for good: stores, collecting societies and charts count
    plays by it. Changing it on a delivered track cuts the track off from its plays and
    royalties; fix a wrong ISRC with the distributor, not by a PUT. (Bad: the original gave
    track 2 the ISRC GBAYE2400002.)

Bad:
    <ISRC>GBAYE2400009</ISRC>

Good:
    <ISRC>GBAYE2400002</ISRC>

Source:
    ISO 3901 (ISRC); distributor API (a track's ISRC is immutable once delivered).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import Part, UpdateFacts, from_to, shown
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    for change in facts.changes.of(Part.TRACK, "isrc"):
        if change.old is None:
            continue  # an ISRC given at last is no change of identity
        yield Finding(
            at=change.update or facts.update.loc,
            message=f"Track {change.key}: ISRC changed {from_to(change)}",
            hint=f"Keep the delivered ISRC {shown(change.old)} on this recording",
        )


RULE = Rule(
    code="UPD002",
    severity=Severity.ERROR,
    summary="The update changes a track's ISRC",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
