"""Rules of the territories family, in code order."""

from __future__ import annotations

from ddexkit.rules.base import AnyRule
from ddexkit.rules.territories import (
    ter501_unknown_territory,
    ter502_not_iso_alpha2,
    ter503_repeated_territory,
    ter504_included_and_excluded,
)

RULES: tuple[AnyRule, ...] = (
    ter501_unknown_territory.RULE,
    ter502_not_iso_alpha2.RULE,
    ter503_repeated_territory.RULE,
    ter504_included_and_excluded.RULE,
)
