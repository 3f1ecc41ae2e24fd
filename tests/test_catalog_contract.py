"""The registry's codes and default severities equal ../shared/docs/rules.md (a contract)."""

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
        assert catalog.get(rule.code) == rule.severity.value, rule.code


def test_every_catalog_code_is_registered() -> None:
    catalog = _catalog()
    assert sorted(catalog) == sorted(rule.code for rule in ALL_RULES)
