"""Rules of the batch family (catalogue-wide checks over a batch's files), in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.batch import (
    bat001_upc_on_two_releases,
    bat002_isrc_two_recordings,
    bat003_one_audio_two_isrcs,
    bat004_message_id_twice,
    bat005_release_two_deal_sets,
)

RULES: tuple[AnyRule, ...] = (
    bat001_upc_on_two_releases.RULE,
    bat002_isrc_two_recordings.RULE,
    bat003_one_audio_two_isrcs.RULE,
    bat004_message_id_twice.RULE,
    bat005_release_two_deal_sets.RULE,
)
