"""Rules of the deals family, in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.deals import (
    dea701_model_and_use_type,
    dea702_use_type_model_fit,
    dea703_currency_code,
    dea704_price_tier,
    dea705_price_amount,
    dea706_takedown_main_release,
    dea707_deal_before_release,
    dea708_overlapping_deals,
)

RULES: tuple[AnyRule, ...] = (
    dea701_model_and_use_type.RULE,
    dea702_use_type_model_fit.RULE,
    dea703_currency_code.RULE,
    dea704_price_tier.RULE,
    dea705_price_amount.RULE,
    dea706_takedown_main_release.RULE,
    dea707_deal_before_release.RULE,
    dea708_overlapping_deals.RULE,
)
