"""Rules of the DDEX Release Profile family (PRF), in code order.

Every rule here is opt-in: it runs only where a selected profile (``ddex-audio-album``,
``ddex-audio-single``) names it, or where the configuration selects its code. Where a profile
check is already one of the distributor's rules (ID101, REF209, TXT310…), the profile names
that rule instead of a PRF duplicate.
"""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.profiles import (
    prf001_primary_without_track_release,
    prf002_release_outside_profile_shape,
    prf003_track_release_of_several,
    prf004_main_release_not_flagged,
    prf005_reference_without_resource_type,
    prf006_primary_item_not_sequenced,
    prf007_group_not_sequenced,
    prf008_secondary_item_sequenced,
    prf009_sound_recording_reference_title,
    prf010_formal_and_display_title,
    prf011_track_release_metadata,
    prf012_main_release_not_album,
    prf013_album_single_track,
    prf014_main_release_not_single,
    prf015_more_than_one_image,
    prf016_front_cover_not_secondary,
    prf017_secondary_without_proprietary_id,
    prf018_display_artist_not_sequenced,
    prf019_track_release_date,
    prf020_primary_recording_release_date,
    prf021_no_musical_work_recording,
    prf022_display_label_name,
    prf023_primary_recording_without_work_id,
    prf024_resource_repeats_release_artist,
    prf025_contributor_listed_twice,
    prf026_right_share_out_of_range,
    prf027_right_shares_over_100,
    prf028_message_comment,
    prf029_resource_flag_on_resource,
    prf030_catalog_transfer,
    prf031_user_defined_value_misused,
)

RULES: tuple[AnyRule, ...] = (
    prf001_primary_without_track_release.RULE,
    prf002_release_outside_profile_shape.RULE,
    prf003_track_release_of_several.RULE,
    prf004_main_release_not_flagged.RULE,
    prf005_reference_without_resource_type.RULE,
    prf006_primary_item_not_sequenced.RULE,
    prf007_group_not_sequenced.RULE,
    prf008_secondary_item_sequenced.RULE,
    prf009_sound_recording_reference_title.RULE,
    prf010_formal_and_display_title.RULE,
    prf011_track_release_metadata.RULE,
    prf012_main_release_not_album.RULE,
    prf013_album_single_track.RULE,
    prf014_main_release_not_single.RULE,
    prf015_more_than_one_image.RULE,
    prf016_front_cover_not_secondary.RULE,
    prf017_secondary_without_proprietary_id.RULE,
    prf018_display_artist_not_sequenced.RULE,
    prf019_track_release_date.RULE,
    prf020_primary_recording_release_date.RULE,
    prf021_no_musical_work_recording.RULE,
    prf022_display_label_name.RULE,
    prf023_primary_recording_without_work_id.RULE,
    prf024_resource_repeats_release_artist.RULE,
    prf025_contributor_listed_twice.RULE,
    prf026_right_share_out_of_range.RULE,
    prf027_right_shares_over_100.RULE,
    prf028_message_comment.RULE,
    prf029_resource_flag_on_resource.RULE,
    prf030_catalog_transfer.RULE,
    prf031_user_defined_value_misused.RULE,
)
