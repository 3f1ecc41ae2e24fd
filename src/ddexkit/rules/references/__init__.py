"""Rules of the references family, in code order."""

from __future__ import annotations

from ddexkit.rules.base import Rule

RULES: tuple[Rule, ...] = ()
