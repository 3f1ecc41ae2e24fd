"""Rules of the catalog family, in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.catalog import (
    cat901_genre_not_in_catalog,
    cat902_subgenre_not_in_catalog,
    cat903_language_tag,
    cat904_main_release_genre,
    cat905_language_not_in_catalog,
)

RULES: tuple[AnyRule, ...] = (
    cat901_genre_not_in_catalog.RULE,
    cat902_subgenre_not_in_catalog.RULE,
    cat903_language_tag.RULE,
    cat904_main_release_genre.RULE,
    cat905_language_not_in_catalog.RULE,
)
