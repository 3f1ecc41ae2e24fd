"""Rules of the text family, in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.text import (
    txt301_missing_title,
    txt302_whitespace,
    txt303_title_in_capitals,
    txt304_featured_in_title,
    txt305_placeholder,
    txt306_display_name_lacks_main_artist,
    txt307_main_release_label,
    txt308_explicit_flag,
    txt309_explicit_track_clean_release,
    txt310_main_release_copyright,
    txt311_marketing_term_in_title,
    txt312_explicit_label_in_title,
    txt313_version_in_title,
    txt314_duplicate_track_title,
    txt315_single_title_mismatch,
    txt316_language_on_instrumental,
)

RULES: tuple[AnyRule, ...] = (
    txt301_missing_title.RULE,
    txt302_whitespace.RULE,
    txt303_title_in_capitals.RULE,
    txt304_featured_in_title.RULE,
    txt305_placeholder.RULE,
    txt306_display_name_lacks_main_artist.RULE,
    txt307_main_release_label.RULE,
    txt308_explicit_flag.RULE,
    txt309_explicit_track_clean_release.RULE,
    txt310_main_release_copyright.RULE,
    txt311_marketing_term_in_title.RULE,
    txt312_explicit_label_in_title.RULE,
    txt313_version_in_title.RULE,
    txt314_duplicate_track_title.RULE,
    txt315_single_title_mismatch.RULE,
    txt316_language_on_instrumental.RULE,
)
