"""The update drops deals of the original without a TakeDown.

Why it matters:
    An update replaces every earlier deal of the release: a commercial model or use type
    that the original offered and the update leaves out silently ends in every store (the
    release vanishes from subscriptions, say). Ending a deal on purpose is said with a
    TakeDown deal. (Bad: the original's PayAsYouGoModel deal for PermanentDownload is not
    in the update.)

Bad:
    <Deal>
        <DealTerms>
          <CommercialModelType>SubscriptionModel</CommercialModelType>
          <Usage>
            <UseType>OnDemandStream</UseType>
            <UseType>NonInteractiveStream</UseType>
          </Usage>
          <TerritoryCode>Worldwide</TerritoryCode>
          <ValidityPeriod>
            <StartDate>2024-05-17</StartDate>
          </ValidityPeriod>
        </DealTerms>
      </Deal>
    </ReleaseDeal>

Good:
    <Deal>
        <DealTerms>
          <TakeDown>true</TakeDown>

Source:
    DDEX ERN 3.8.2 (an UpdateMessage's deals replace the earlier ones; DealTerms/TakeDown);
    distributor API (PUT /api/v1/release/{id}).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import UpdateFacts
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    deals = {r.stripped: release_deal for release_deal in facts.update.release_deals
             for r in release_deal.release_references}
    for old, new in facts.changes.availabilities:
        if old is None or new is not None or old.release in facts.changes.taken_down:
            continue
        release_deal = deals.get(old.release)
        at = release_deal.loc if release_deal is not None else (
            facts.update.deal_list_loc or facts.update.loc)
        line = old.terms[0].loc.line
        yield Finding(
            at=at,
            message=f"Release {old.release}: the original's deal for {old.model or '(no model)'}"
            f" / {old.use or '(no use type)'} (line {line} of the original) is not in the "
            "update, and no TakeDown ends it",
            hint="Deliver the deal again (an update replaces all earlier deals), or end it "
            "with a Deal whose DealTerms say <TakeDown>true</TakeDown>",
        )


RULE = Rule(
    code="UPD006",
    severity=Severity.ERROR,
    summary="The update drops deals of the original without a TakeDown",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
