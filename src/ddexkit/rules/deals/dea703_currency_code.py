"""A CurrencyCode is not ISO 4217.

Why it matters:
    Prices are paid out in the deal's currency; a code the store does not know (``eur``,
    ``€``, ``EURO``, a withdrawn currency) makes the price unusable and the deal is rejected.

Bad:
    <WholesalePricePerUnit CurrencyCode="eur">5.99</WholesalePricePerUnit>

Good:
    <WholesalePricePerUnit CurrencyCode="EUR">5.99</WholesalePricePerUnit>

Source:
    ISO 4217 (current alphabetic codes, via pycountry); DDEX AVS CurrencyCode.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.currencies import is_iso4217, suggest_currency
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for code in message.indexed("@CurrencyCode"):
        if is_iso4217(code.value):
            continue
        suggestion = suggest_currency(code.value)
        yield Finding(
            at=code.loc,
            message=f"CurrencyCode '{code.value}' is not an ISO 4217 currency code",
            hint=(f'Write CurrencyCode="{suggestion}"' if suggestion
                  else "Use the three capital letters of ISO 4217, e.g. EUR, USD, GBP"),
        )


RULE = Rule(
    code="DEA703",
    severity=Severity.ERROR,
    summary="A CurrencyCode is not ISO 4217",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
    indexes=frozenset({"@CurrencyCode"}),
)
