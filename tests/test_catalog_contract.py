"""The registry's codes and default severities equal ../shared/docs/rules.md (a contract).

The shared catalog is the distributor's: what the default run checks. Opt-in rules (a store's
style rule, a DDEX Release Profile check) run only where a profile names them, and the update
rules (UPD) only against an original; they need not be in the shared catalog, but one that is
listed there keeps its severity. Every code, these included, is kept stable by our own list,
tests/golden/rule_codes.txt: a code is never renumbered, dropped or made milder silently.
"""

from __future__ import annotations

import re

import pytest

from ddexkit.rules import ALL_RULES, AnyRule
from tests.conftest import REPO, SHARED, require_ci_shared

CATALOG = SHARED / "docs" / "rules.md"
OUR_CODES = REPO / "tests" / "golden" / "rule_codes.txt"
_ROW = re.compile(r"^\|\s*([A-Z]{2,3}\d{3})\s*\|\s*(error|warning)\s*\|", re.MULTILINE)


def _catalog() -> dict[str, str]:
    if not CATALOG.is_file():
        require_ci_shared()
        pytest.skip("needs ../shared/docs/rules.md")
    return dict(_ROW.findall(CATALOG.read_text(encoding="utf-8")))


def _in_default_run(rule: AnyRule) -> bool:
    """Runs when ddexkit validates a message with no profile and no original."""
    return not rule.opt_in and "original" not in rule.needs


def test_every_registered_code_is_in_the_catalog_with_its_severity() -> None:
    catalog = _catalog()
    for rule in ALL_RULES:
        if not _in_default_run(rule) and rule.code not in catalog:
            continue  # a profile's or an update's rule, outside the distributor's catalog
        assert catalog.get(rule.code) == rule.severity.value, rule.code


def test_every_catalog_code_is_registered() -> None:
    catalog = _catalog()
    default_run = {rule.code for rule in ALL_RULES if _in_default_run(rule)}
    listed_others = {rule.code for rule in ALL_RULES if not _in_default_run(rule)} & set(catalog)
    assert sorted(catalog) == sorted(default_run | listed_others)


def test_the_default_run_checks_no_code_outside_the_catalog() -> None:
    """A new default rule must enter the shared catalog: only opt-in and update rules may
    stay out."""
    catalog = _catalog()
    assert [r.code for r in ALL_RULES if _in_default_run(r) and r.code not in catalog] == []


def test_our_codes_stay_stable() -> None:
    """Every code with its severity, as tests/golden/rule_codes.txt lists them: a new rule
    adds its line there; a line that changes or goes is a contract change to call out in the
    changelog."""
    listed = OUR_CODES.read_text(encoding="utf-8").split("\n")
    registered = [f"{rule.code} {rule.severity.value}" for rule in ALL_RULES]
    assert [line for line in listed if line and not line.startswith("#")] == registered
