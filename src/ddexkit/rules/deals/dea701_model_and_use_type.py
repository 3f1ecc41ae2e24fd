"""A deal has no CommercialModelType or no UseType.

Why it matters:
    The distributor's API maps each deal to its stores by commercial model (subscription,
    download sale…) and use type (stream, download); a deal without them makes nothing
    available. TakeDown deals need neither and are not checked. (Bad: the DealTerms below
    goes straight on to Usage.)

Bad:
    <DealReleaseReference>R0</DealReleaseReference>
      <Deal>
        <DealTerms>

Good:
    <DealTerms>
          <CommercialModelType>SubscriptionModel</CommercialModelType>
          <Usage>
            <UseType>OnDemandStream</UseType>

Source:
    Distributor API (use types); DDEX ERN 3.8.2 DealTerms.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for _, _, terms in message.iter_deal_terms():
        if terms.is_takedown:
            continue
        if not any(t.stripped for t in terms.commercial_model_types):
            yield Finding(
                at=terms.loc,
                message="DealTerms has no CommercialModelType",
                hint="Add <CommercialModelType> (SubscriptionModel, PayAsYouGoModel, "
                "AdvertisementSupportedModel…) as the first child of DealTerms",
            )
        if not any(t.stripped for t in terms.use_types):
            yield Finding(
                at=terms.loc,
                message="DealTerms has no Usage with a UseType",
                hint="Add <Usage><UseType>OnDemandStream</UseType></Usage> (or "
                "PermanentDownload, NonInteractiveStream…) after CommercialModelType",
            )


RULE = Rule(
    code="DEA701",
    severity=Severity.ERROR,
    summary="A deal has no CommercialModelType or no UseType",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
