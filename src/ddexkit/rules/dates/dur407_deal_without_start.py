"""A deal has no StartDate.

Why it matters:
    The distributor needs a start date on every deal that makes the release available, to
    know when it may go live. A deal that carries only a DealReference (its terms agreed
    elsewhere) gives none inline, so it is reported too. A ValidityPeriod with only an
    EndDate is how a takedown by end date is written, and a deal whose terms say TakeDown
    makes nothing available; neither needs a StartDate.

Bad:
    <Deal>
      <DealReference>NL-DEAL-0001</DealReference>

Good:
    <ValidityPeriod>
      <StartDate>2024-05-17</StartDate>
      <EndDate>2030-12-31</EndDate>
    </ValidityPeriod>

Source:
    DDEX ERN 3.8.2 (DealTerms/ValidityPeriod); distributor API (deals need start dates).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_HINT = "Add <StartDate>YYYY-MM-DD</StartDate> to the deal's ValidityPeriod"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release_deal in message.release_deals:
        for deal in release_deal.deals:
            terms = deal.terms
            if terms is None:
                yield Finding(
                    at=deal.references[0].loc if deal.references else deal.loc,
                    message="Deal has no DealTerms (only a DealReference), so no StartDate",
                    hint="Give the deal its DealTerms with a ValidityPeriod and a StartDate",
                )
                continue
            if terms.is_takedown:
                continue  # takes the release down: nothing to start
            if not terms.validity_periods:
                yield Finding(
                    at=terms.loc, message="Deal has no ValidityPeriod, so no StartDate",
                    hint=_HINT,
                )
                continue
            for period in terms.validity_periods:
                if period.start is None and period.end is None:
                    yield Finding(
                        at=period.loc, message="Deal's ValidityPeriod has no StartDate",
                        hint=_HINT,
                    )


RULE = Rule(
    code="DUR407",
    severity=Severity.ERROR,
    summary="A deal has no StartDate",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
