"""Rules of the assets family, in code order."""

from __future__ import annotations

from ddexkit.rules.assets import (
    ast801_missing_file,
    ast802_unreferenced_file,
    ast803_hash_mismatch,
    ast804_malformed_hash,
    ast805_image_format,
    ast806_cover_not_square,
    ast807_cover_too_small,
    ast808_image_too_large,
    ast809_image_colour_mode,
    ast810_image_dimensions,
    ast811_audio_format,
    ast812_audio_too_large,
    ast813_audio_duration,
    ast814_audio_details,
    ast815_audio_quality,
    ast816_package_too_large,
    ast817_unsafe_zip_entry,
    ast818_zip_message_count,
    ast819_zip_bomb,
    ast820_mixed_audio_formats,
    ast821_image_size_left_out,
    ast822_hash_left_out,
)
from ddexkit.rules.base import AnyRule

RULES: tuple[AnyRule, ...] = (
    ast801_missing_file.RULE,
    ast802_unreferenced_file.RULE,
    ast803_hash_mismatch.RULE,
    ast804_malformed_hash.RULE,
    ast805_image_format.RULE,
    ast806_cover_not_square.RULE,
    ast807_cover_too_small.RULE,
    ast808_image_too_large.RULE,
    ast809_image_colour_mode.RULE,
    ast810_image_dimensions.RULE,
    ast811_audio_format.RULE,
    ast812_audio_too_large.RULE,
    ast813_audio_duration.RULE,
    ast814_audio_details.RULE,
    ast815_audio_quality.RULE,
    ast816_package_too_large.RULE,
    ast817_unsafe_zip_entry.RULE,
    ast818_zip_message_count.RULE,
    ast819_zip_bomb.RULE,
    ast820_mixed_audio_formats.RULE,
    ast821_image_size_left_out.RULE,
    ast822_hash_left_out.RULE,
)
