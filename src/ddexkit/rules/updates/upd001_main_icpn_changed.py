"""The update changes the main release's ICPN (UPC/EAN).

Why it matters:
    Stores key a delivered product by its UPC: an update that carries another one is refused,
    or turns into a second product beside the first, with none of its sales history. A new
    UPC is a new release. (Bad: the original delivered ICPN 123456789012.)

Bad:
    <ICPN IsEan="false">123456789029</ICPN>

Good:
    <ICPN IsEan="false">123456789012</ICPN>

Source:
    Distributor API (PUT /api/v1/release/{id}: the UPC is immutable once delivered).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import UpdateFacts, from_to, shown
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    for change in facts.changes.of_main_release("icpn"):
        if change.old is None:
            continue  # an ICPN given at last is no change of identity
        yield Finding(
            at=change.update or facts.update.loc,
            message=f"Main release {change.key}: ICPN changed {from_to(change)}",
            hint=f"Keep the delivered ICPN {shown(change.old)}; a new UPC is a new release: "
            "deliver it as one",
        )


RULE = Rule(
    code="UPD001",
    severity=Severity.ERROR,
    summary="The update changes the main release's ICPN",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
