"""A deal's EndDate is before its StartDate.

Why it matters:
    A validity period that ends before it starts is never in force: the release would never
    go live under that deal, and the ingest rejects it as a bad date.

Bad:
    <StartDate>2024-05-17</StartDate>
    <EndDate>2024-05-01</EndDate>

Good:
    <StartDate>2024-05-17</StartDate>
    <EndDate>2025-05-17</EndDate>

Source:
    DDEX ERN 3.8.2 (DealTerms/ValidityPeriod); distributor API (bad dates).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.timecodes import comparable_date
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for _release_deal, _deal, terms in message.iter_deal_terms():
        for period in terms.validity_periods:
            if period.start is None or period.end is None:
                continue
            start = comparable_date(period.start.value)
            end = comparable_date(period.end.value)
            if start is None or end is None or not end.is_before(start):
                continue
            yield Finding(
                at=period.end.loc,
                message=f"Deal ends on {period.end.stripped}, before it starts on "
                f"{period.start.stripped}",
                hint="Swap the dates if they were entered the wrong way round, "
                "or remove the EndDate for an open-ended deal",
            )


RULE = Rule(
    code="DUR406",
    severity=Severity.ERROR,
    summary="A deal's EndDate is before its StartDate",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
