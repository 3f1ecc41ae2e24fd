"""The use type / commercial model table behind DEA702 (data/deal_use_types.json)."""

from __future__ import annotations

from ddexkit.domain import avs
from ddexkit.domain.deals import _table, models_for_use_type, use_type_fits


def test_table_names_only_ddex_values() -> None:
    fits, not_judged = _table()
    assert set(fits) <= avs.allowed_set("UseType")
    models = set().union(*fits.values()) | not_judged
    assert models <= avs.allowed_set("CommercialModelType")


def test_contradictions_are_caught() -> None:
    assert not use_type_fits("PermanentDownload", frozenset({"SubscriptionModel"}))
    assert not use_type_fits("ConditionalDownload", frozenset({"PayAsYouGoModel"}))


def test_fitting_and_unjudged_pairs_pass() -> None:
    assert use_type_fits("PermanentDownload", frozenset({"PayAsYouGoModel"}))
    assert use_type_fits("OnDemandStream", frozenset({"SubscriptionModel"}))
    assert use_type_fits("PermanentDownload", frozenset({"AsPerContract"}))
    # several models: flagged only when the use type fits none of them
    assert use_type_fits("PermanentDownload", frozenset({"SubscriptionModel", "PayAsYouGoModel"}))
    assert models_for_use_type("OnDemandStream") is None


def test_conditional_download_fits_subscription_and_ad_supported_models() -> None:
    assert use_type_fits("ConditionalDownload", frozenset({"SubscriptionModel"}))
    assert use_type_fits("ConditionalDownload", frozenset({"AdvertisementSupportedModel"}))
    assert not use_type_fits("ConditionalDownload", frozenset({"FreeOfChargeModel"}))
