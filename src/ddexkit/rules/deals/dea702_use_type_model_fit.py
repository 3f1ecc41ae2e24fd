"""A use type does not fit the commercial model.

Why it matters:
    Some pairs contradict themselves: a PermanentDownload (the buyer keeps the file) under a
    SubscriptionModel, or a ConditionalDownload (a tethered download that plays while a
    subscription lasts or ads are served) outside a SubscriptionModel or an
    AdvertisementSupportedModel. Stores reject or mis-price such deals. Only such contradictions are flagged; the
    table is data (data/deal_use_types.json) and its reasons are in docs/deal-use-types.md.

Bad:
    <CommercialModelType>SubscriptionModel</CommercialModelType>
          <Usage>
            <UseType>OnDemandStream</UseType>
            <UseType>PermanentDownload</UseType>

Good:
    <CommercialModelType>SubscriptionModel</CommercialModelType>
          <Usage>
            <UseType>OnDemandStream</UseType>
            <UseType>NonInteractiveStream</UseType>

Source:
    DDEX AVS UseType and CommercialModelType definitions.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.deals import models_for_use_type, use_type_fits
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for _, _, terms in message.iter_deal_terms():
        models = frozenset(t.stripped for t in terms.commercial_model_types if t.stripped)
        if not models:
            continue  # DEA701
        for use_type in terms.use_types:
            if use_type_fits(use_type.stripped, models):
                continue
            fitting = " or ".join(sorted(models_for_use_type(use_type.stripped) or ()))
            yield Finding(
                at=use_type.loc,
                message=f"UseType {use_type.stripped} does not fit CommercialModelType "
                f"{', '.join(sorted(models))}",
                hint=f"Move {use_type.stripped} to a deal with {fitting}, or remove it "
                "from this deal",
            )


RULE = Rule(
    code="DEA702",
    severity=Severity.WARNING,
    summary="A use type does not fit the commercial model",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
