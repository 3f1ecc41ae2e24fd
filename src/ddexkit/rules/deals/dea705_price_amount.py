"""A price amount is negative, or zero in a PayAsYouGoModel deal.

Why it matters:
    A negative price is never meant; a zero price in a pay-as-you-go deal gives the release
    away in a store that sells it. Free releases belong in a FreeOfChargeModel deal.

Bad:
    <WholesalePricePerUnit CurrencyCode="EUR">0.00</WholesalePricePerUnit>

Good:
    <WholesalePricePerUnit CurrencyCode="EUR">5.99</WholesalePricePerUnit>

Source:
    DDEX ERN 3.8.2 PriceInformation; DDEX AVS CommercialModelType.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def _amount(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None  # not a number: the XSD reports it
    return value if value.is_finite() else None


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for _, _, terms in message.iter_deal_terms():
        pay_as_you_go = any(t.stripped == "PayAsYouGoModel" for t in terms.commercial_model_types)
        for price in terms.prices:
            for amount in price.amounts:
                value = _amount(amount.value)
                if value is None:
                    continue
                if value < 0:
                    yield Finding(at=amount.loc,
                                  message=f"Price {amount.stripped} is negative",
                                  hint=f"Write the price as {-value}")
                elif value == 0 and pay_as_you_go:
                    yield Finding(
                        at=amount.loc,
                        message="Price is zero in a PayAsYouGoModel deal",
                        hint="Give the real price, or offer the release in a deal with "
                        "<CommercialModelType>FreeOfChargeModel</CommercialModelType>",
                    )


RULE = Rule(
    code="DEA705",
    severity=Severity.WARNING,
    summary="A price amount is negative, or zero in a PayAsYouGoModel deal",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
