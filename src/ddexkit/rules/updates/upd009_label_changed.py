"""The update changes the main release's label.

Why it matters:
    The label name is shown in stores and decides which account the release's reports go
    to; a change after delivery is usually a catalogue transfer, which is agreed with the
    distributor first. (Bad: the original's label is "Northern Lights Records".)

Bad:
    <LabelName>Harbour Sound</LabelName>

Good:
    <LabelName>Northern Lights Records</LabelName>

Source:
    Distributor API (PUT /api/v1/release/{id}; label changes are reviewed).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import UpdateFacts, from_to
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    for change in facts.changes.of_main_release("label"):
        yield Finding(
            at=change.update or facts.update.loc,
            message=f"Main release {change.key}: label changed {from_to(change)}",
            hint="Keep the delivered label unless the catalogue moved; agree a transfer with "
            "the distributor first",
        )


RULE = Rule(
    code="UPD009",
    severity=Severity.WARNING,
    summary="The update changes the main release's label",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
