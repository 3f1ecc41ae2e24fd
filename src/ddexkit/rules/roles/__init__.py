"""Rules of the roles family, in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.roles import (
    rol601_main_release_main_artist,
    rol602_recording_main_artist,
    rol603_role_not_allowed,
    rol604_user_defined_value,
    rol605_no_writer,
    rol606_duplicate_party_role,
    rol607_featured_without_main,
    rol608_display_artist_sequence,
    rol609_compound_artist_name,
    rol610_generic_artist_name,
)

RULES: tuple[AnyRule, ...] = (
    rol601_main_release_main_artist.RULE,
    rol602_recording_main_artist.RULE,
    rol603_role_not_allowed.RULE,
    rol604_user_defined_value.RULE,
    rol605_no_writer.RULE,
    rol606_duplicate_party_role.RULE,
    rol607_featured_without_main.RULE,
    rol608_display_artist_sequence.RULE,
    rol609_compound_artist_name.RULE,
    rol610_generic_artist_name.RULE,
)
