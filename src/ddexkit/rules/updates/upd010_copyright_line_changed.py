"""The update changes the main release's P line or C line.

Why it matters:
    The P line names who owns the sound recordings and the C line who owns the artwork and
    text; stores show both. A changed owner after delivery is a rights question, not a typo
    fix, and is checked before it goes live. (Bad: the original's P line is "(P) 2024
    Northern Lights Records".)

Bad:
    <PLineText>(P) 2024 Harbour Sound</PLineText>

Good:
    <PLineText>(P) 2024 Northern Lights Records</PLineText>

Source:
    DDEX ERN 3.8.2 PLine and CLine; distributor API (rights changes are reviewed).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import UpdateFacts, from_to
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    for field, name in (("p_line", "P line"), ("c_line", "C line")):
        for change in facts.changes.of_main_release(field):
            yield Finding(
                at=change.update or facts.update.loc,
                message=f"Main release {change.key}: {name} changed {from_to(change)}",
                hint=f"Keep the delivered {name} unless the rights owner changed; the "
                "distributor checks such changes",
            )


RULE = Rule(
    code="UPD010",
    severity=Severity.WARNING,
    summary="The update changes the main release's P line or C line",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
