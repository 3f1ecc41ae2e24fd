"""A deal has no StartDate.

Why it matters:
    The distributor needs a start date on every deal to know when the release may go live;
    a ValidityPeriod with only an EndDate, or none at all, is rejected.

Bad:
    <ValidityPeriod><EndDate>2030-12-31</EndDate></ValidityPeriod>

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
    for _release_deal, _deal, terms in message.iter_deal_terms():
        if not terms.validity_periods:
            yield Finding(
                at=terms.loc, message="Deal has no ValidityPeriod, so no StartDate", hint=_HINT
            )
            continue
        for period in terms.validity_periods:
            if period.start is None:
                yield Finding(
                    at=period.loc, message="Deal's ValidityPeriod has no StartDate", hint=_HINT
                )


RULE = Rule(
    code="DUR407",
    severity=Severity.ERROR,
    summary="A deal has no StartDate",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
