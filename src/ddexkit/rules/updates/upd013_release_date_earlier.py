"""The update moves the main release's release date earlier.

Why it matters:
    Stores schedule a release and its pre-orders by the delivered date; an earlier date can
    land in the past or inside the stores' lead time, so the release goes live late in some
    stores and early in others. (Bad: the original's release date is 2024-05-17.)

Bad:
    <ReleaseDate>2024-05-10</ReleaseDate>

Good:
    <ReleaseDate>2024-05-24</ReleaseDate>

Source:
    Distributor API (release dates and lead times).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import UpdateFacts, from_to
from ddexkit.domain.timecodes import comparable_date
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    for change in facts.changes.of_main_release("release_date"):
        if not isinstance(change.old, str) or not isinstance(change.new, str):
            continue
        before, after = comparable_date(change.old), comparable_date(change.new)
        if before is None or after is None or not after.is_before(before):
            continue
        yield Finding(
            at=change.update or facts.update.loc,
            message=f"Main release {change.key}: release date moved earlier, "
            f"{from_to(change)}",
            hint="Keep the delivered date, or agree the earlier one with the distributor "
            "(stores need their lead time)",
        )


RULE = Rule(
    code="UPD013",
    severity=Severity.WARNING,
    summary="The update moves the main release's release date earlier",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
