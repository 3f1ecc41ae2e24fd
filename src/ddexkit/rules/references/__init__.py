"""Rules of the references family, in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.references import (
    ref201_unknown_resource_reference,
    ref202_unknown_release_reference,
    ref203_unused_resource,
    ref204_no_main_release,
    ref205_main_release_without_deal,
    ref206_track_release_without_deal,
    ref207_duplicate_reference,
    ref208_main_release_no_sound_recording,
    ref209_main_release_no_front_cover,
    ref210_track_order,
    ref211_resource_not_in_group,
    ref212_main_release_not_product,
    ref213_too_many_tracks,
)

RULES: tuple[AnyRule, ...] = (
    ref201_unknown_resource_reference.RULE,
    ref202_unknown_release_reference.RULE,
    ref203_unused_resource.RULE,
    ref204_no_main_release.RULE,
    ref205_main_release_without_deal.RULE,
    ref206_track_release_without_deal.RULE,
    ref207_duplicate_reference.RULE,
    ref208_main_release_no_sound_recording.RULE,
    ref209_main_release_no_front_cover.RULE,
    ref210_track_order.RULE,
    ref211_resource_not_in_group.RULE,
    ref212_main_release_not_product.RULE,
    ref213_too_many_tracks.RULE,
)
