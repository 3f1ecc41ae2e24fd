"""A PriceType (price tier) is not one of the catalog's price tiers.

Why it matters:
    The platform prices downloads by tier; a tier it does not list cannot be priced and the
    deal falls back to a default or is refused. Checked only with a catalog that lists
    price tiers.

Bad:
    <PriceType Namespace="DPID:PADPIDA2007040502I">FRONTLNE</PriceType>

Good:
    <PriceType Namespace="DPID:PADPIDA2007040502I">FRONTLINE</PriceType>

Source:
    The platform's price tier lookup list (the user's catalog, docs/catalog.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    catalog = context.catalog
    if catalog is None or not catalog.price_tiers:
        return
    tiers = sorted(catalog.price_tiers)
    folded = {t.casefold(): t for t in tiers}
    for _, _, terms in message.iter_deal_terms():
        for price in terms.prices:
            tier = price.price_type
            if tier is None or not tier.stripped or catalog.has_price_tier(tier.stripped):
                continue
            import difflib  # only to suggest a value

            near = difflib.get_close_matches(tier.stripped.casefold(), list(folded), n=1)
            yield Finding(
                at=tier.loc,
                message=f"Price tier '{tier.stripped}' is not in the catalog's price tiers",
                hint=(f"Use {folded[near[0]]}" if near
                      else f"Use one of the catalog's price tiers: {', '.join(tiers)}"),
            )


RULE = Rule(
    code="DEA704",
    severity=Severity.WARNING,
    summary="A PriceType is not one of the catalog's price tiers",
    stage=Stage.MESSAGE,
    check=check,
    needs=frozenset({"catalog"}),
    doc=__doc__ or "",
)
