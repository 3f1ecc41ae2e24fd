"""The update changes a track's duration by more than 5 seconds.

Why it matters:
    A recording's length does not change unless the audio does: a difference of more than
    5 seconds means another master (an edit, a radio version), which needs its own ISRC,
    or a typing slip in the Duration. Shorter differences (rounding, a trimmed silence) are
    not reported. (Bad: the original's track 3 lasts PT5M31S.)

Bad:
    <Duration>PT4M31S</Duration>

Good:
    <Duration>PT5M33S</Duration>

Source:
    ISO 3901 (a different recording needs a different ISRC); DDEX ERN 3.8.2 Duration.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import UpdateFacts, shown
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage

TOLERANCE_SECONDS = 5.0


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    for pair in facts.changes.tracks:
        old, new = pair.original, pair.update
        if old is None or new is None or facts.changes.is_reassigned(new):
            continue
        before, after = old.duration_seconds, new.duration_seconds
        if before is None or after is None or abs(after - before) <= TOLERANCE_SECONDS:
            continue
        duration = old.resource.duration
        line = duration.loc.line if duration is not None else None
        yield Finding(
            at=new.resource.duration.loc if new.resource.duration else new.resource.loc,
            message=f"Track {new.isrc or new.reference} {shown(new.title)}: duration changed "
            f"from {shown(old.duration)} (line {line} of the original) to "
            f"{shown(new.duration)}, {abs(after - before):g} seconds",
            hint="A recording of another length is another master: give it its own ISRC, "
            "or correct the Duration",
        )


RULE = Rule(
    code="UPD011",
    severity=Severity.WARNING,
    summary="The update changes a track's duration by more than 5 seconds",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
