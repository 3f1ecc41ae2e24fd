"""Rules of the updates family (an update against the ERN delivered before), in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.updates import (
    upd001_main_icpn_changed,
    upd002_isrc_changed,
    upd003_isrc_reassigned,
    upd004_track_removed,
    upd005_track_order_changed,
    upd006_deal_dropped,
    upd007_title_changed,
    upd008_artist_changed,
    upd009_label_changed,
    upd010_copyright_line_changed,
    upd011_duration_changed,
    upd012_track_added,
    upd013_release_date_earlier,
    upd014_territories_removed,
)

RULES: tuple[AnyRule, ...] = (
    upd001_main_icpn_changed.RULE,
    upd002_isrc_changed.RULE,
    upd003_isrc_reassigned.RULE,
    upd004_track_removed.RULE,
    upd005_track_order_changed.RULE,
    upd006_deal_dropped.RULE,
    upd007_title_changed.RULE,
    upd008_artist_changed.RULE,
    upd009_label_changed.RULE,
    upd010_copyright_line_changed.RULE,
    upd011_duration_changed.RULE,
    upd012_track_added.RULE,
    upd013_release_date_earlier.RULE,
    upd014_territories_removed.RULE,
)
