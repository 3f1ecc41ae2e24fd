"""The rule registry: every family's RULES, in code order, and lookup by code.

The list is explicit (no decorators, no entry points) so that it is greppable and so that a
test can check every rule module is listed. A code appears once; that is checked at import.
"""

from __future__ import annotations

from ddexkit.rules.assets import RULES as ASSET_RULES
from ddexkit.rules.base import (
    PROFILE_OPTIONS,
    AnyRule,
    Check,
    Rule,
    RuleContext,
    RuleOptions,
    Stage,
)
from ddexkit.rules.batch import RULES as BATCH_RULES
from ddexkit.rules.catalog import RULES as CATALOG_RULES
from ddexkit.rules.dates import RULES as DATE_RULES
from ddexkit.rules.deals import RULES as DEAL_RULES
from ddexkit.rules.identifiers import RULES as IDENTIFIER_RULES
from ddexkit.rules.message import RULES as MESSAGE_RULES
from ddexkit.rules.profiles import RULES as PROFILE_RULES
from ddexkit.rules.references import RULES as REFERENCE_RULES
from ddexkit.rules.roles import RULES as ROLE_RULES
from ddexkit.rules.territories import RULES as TERRITORY_RULES
from ddexkit.rules.text import RULES as TEXT_RULES
from ddexkit.rules.updates import RULES as UPDATE_RULES

__all__ = ["ALL_RULES", "PROFILE_OPTIONS", "AnyRule", "Check", "Rule", "RuleContext", "RuleOptions", "Stage", "by_code"]


ALL_RULES: tuple[AnyRule, ...] = (
    *MESSAGE_RULES,
    *IDENTIFIER_RULES,
    *REFERENCE_RULES,
    *TEXT_RULES,
    *DATE_RULES,
    *TERRITORY_RULES,
    *ROLE_RULES,
    *DEAL_RULES,
    *ASSET_RULES,
    *CATALOG_RULES,
    *UPDATE_RULES,
    *PROFILE_RULES,
    *BATCH_RULES,
)

_BY_CODE: dict[str, AnyRule] = {}
for _rule in ALL_RULES:
    if _rule.code in _BY_CODE:
        raise RuntimeError(f"rule code {_rule.code} is registered twice")
    _BY_CODE[_rule.code] = _rule


def by_code(code: str) -> AnyRule | None:
    """The rule with that code (case-insensitive), or None."""
    return _BY_CODE.get(code.upper())
