"""Language tags (CAT903/CAT905) and currency codes (DEA703)."""

from __future__ import annotations

import pytest

from ddexkit.domain.currencies import is_iso4217, suggest_currency
from ddexkit.domain.languages import primary_language, suggest_language, tag_problem


@pytest.mark.parametrize("tag", ["en", "fr", "zh-Hant", "en-GB", "es-419", "zh-Hant-TW",
                                 "sr-Latn", "fil", "de-1996", "EN", "yue"])
def test_valid_tags(tag: str) -> None:
    assert tag_problem(tag) is None


@pytest.mark.parametrize(
    ("tag", "why"),
    [("english", "ISO 639"), ("xx", "ISO 639"), ("en_GB", "'_'"), ("en-XX", "region"),
     ("zh-Hanx", "script"), (" en", "spaces"), ("", "empty"), ("en--GB", "subtags")],
)
def test_invalid_tags(tag: str, why: str) -> None:
    problem = tag_problem(tag)
    assert problem is not None and why in problem


def test_suggestions() -> None:
    assert suggest_language("English") == "en"
    assert suggest_language("en_GB") == "en-GB"
    assert suggest_language("Klingonese") is None
    assert primary_language("en-GB") == "en"


def test_currencies() -> None:
    assert is_iso4217("EUR") and is_iso4217("USD")
    assert not is_iso4217("eur") and not is_iso4217("EURO") and not is_iso4217("XYZ")
    assert suggest_currency("eur") == "EUR"
    assert suggest_currency("€") == "EUR"
    assert suggest_currency("doubloons") is None
