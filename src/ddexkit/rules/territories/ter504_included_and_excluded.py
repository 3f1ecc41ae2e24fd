"""A deal includes and excludes the same territory.

Why it matters:
    A territory that a deal both includes and excludes leaves it unclear whether the
    release may be sold there; the distributor cannot deliver a contradictory deal. (ERN
    3.8.2's schema lets DealTerms hold either kind of list; this rule explains the clash
    where a sender mixes both, and checks files the schema was not run on.)

Bad:
    <TerritoryCode>FR</TerritoryCode>
    <ExcludedTerritoryCode>FR</ExcludedTerritoryCode>

Good:
    <ExcludedTerritoryCode>FR</ExcludedTerritoryCode>
    <ValidityPeriod>

Source:
    DDEX ERN 3.8.2 (DealTerms/TerritoryCode, DealTerms/ExcludedTerritoryCode).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.territories import territory_key
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for _release_deal, _deal, terms in message.iter_deal_terms():
        included = {territory_key(code.value) for code in terms.territories}
        reported: set[str] = set()
        for code in terms.excluded_territories:
            key = territory_key(code.value)
            if key in included and key not in reported:
                reported.add(key)
                yield Finding(
                    at=code.loc,
                    message=f"Deal both includes and excludes {code.stripped}",
                    hint=f"Remove {code.stripped} from either TerritoryCode or "
                    "ExcludedTerritoryCode",
                )


RULE = Rule(
    code="TER504",
    severity=Severity.ERROR,
    summary="A deal includes and excludes the same territory",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
