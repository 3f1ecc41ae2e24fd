"""Rules of the identifiers family, in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.identifiers import (
    id101_main_release_icpn,
    id102_icpn_check_digit,
    id103_is_ean_contradicts_length,
    id104_sound_recording_isrc,
    id105_isrc_syntax,
    id106_isrc_country_prefix,
    id107_duplicate_isrc,
    id108_track_release_isrc,
    id109_iswc_check_digit,
    id110_grid_check_character,
    id111_isni_check_character,
    id112_proprietary_id_namespace,
)

RULES: tuple[AnyRule, ...] = (
    id101_main_release_icpn.RULE,
    id102_icpn_check_digit.RULE,
    id103_is_ean_contradicts_length.RULE,
    id104_sound_recording_isrc.RULE,
    id105_isrc_syntax.RULE,
    id106_isrc_country_prefix.RULE,
    id107_duplicate_isrc.RULE,
    id108_track_release_isrc.RULE,
    id109_iswc_check_digit.RULE,
    id110_grid_check_character.RULE,
    id111_isni_check_character.RULE,
    id112_proprietary_id_namespace.RULE,
)
