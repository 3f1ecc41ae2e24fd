"""Rules of the dates family, in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.dates import (
    dur401_duration_format,
    dur402_duration_not_positive,
    dur403_duration_implausible,
    dur404_technical_duration_mismatch,
    dur405_date_format,
    dur406_deal_ends_before_start,
    dur407_deal_without_start,
    dur408_original_after_release,
    dur409_copyright_year,
    dur410_main_release_date,
    dur411_release_duration_sum,
    dur412_track_too_short,
)

RULES: tuple[AnyRule, ...] = (
    dur401_duration_format.RULE,
    dur402_duration_not_positive.RULE,
    dur403_duration_implausible.RULE,
    dur404_technical_duration_mismatch.RULE,
    dur405_date_format.RULE,
    dur406_deal_ends_before_start.RULE,
    dur407_deal_without_start.RULE,
    dur408_original_after_release.RULE,
    dur409_copyright_year.RULE,
    dur410_main_release_date.RULE,
    dur411_release_duration_sum.RULE,
    dur412_track_too_short.RULE,
)
