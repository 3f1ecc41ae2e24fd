"""The registry's codes and default severities equal ../shared/docs/rules.md (a contract).

The shared catalog is the distributor's: what the default run checks. Opt-in rules (a store's
style rule, a DDEX Release Profile check) run only where a profile names them; their codes
are kept stable by the rules reference (docs/rules-reference.md, tests/test_rules_reference.py)
and need not be in the shared catalog, but one that is listed there keeps its severity.
"""

from __future__ import annotations

import re

import pytest

from ddexkit.rules import ALL_RULES
from tests.conftest import SHARED, require_ci_shared

CATALOG = SHARED / "docs" / "rules.md"
_ROW = re.compile(r"^\|\s*([A-Z]{2,3}\d{3})\s*\|\s*(error|warning)\s*\|", re.MULTILINE)


def _catalog() -> dict[str, str]:
    if not CATALOG.is_file():
        require_ci_shared()
        pytest.skip("needs ../shared/docs/rules.md")
    return dict(_ROW.findall(CATALOG.read_text(encoding="utf-8")))


def test_every_registered_code_is_in_the_catalog_with_its_severity() -> None:
    catalog = _catalog()
    for rule in ALL_RULES:
        if rule.opt_in and rule.code not in catalog:
            continue  # a profile's rule, outside the distributor's catalog
        assert catalog.get(rule.code) == rule.severity.value, rule.code


def test_every_catalog_code_is_registered() -> None:
    catalog = _catalog()
    default_run = {rule.code for rule in ALL_RULES if not rule.opt_in}
    listed_opt_in = {rule.code for rule in ALL_RULES if rule.opt_in} & set(catalog)
    assert sorted(catalog) == sorted(default_run | listed_opt_in)


def test_the_default_run_checks_no_code_outside_the_catalog() -> None:
    """A new default rule must enter the shared catalog: only opt-in rules may stay out."""
    catalog = _catalog()
    assert [r.code for r in ALL_RULES if not r.opt_in and r.code not in catalog] == []
