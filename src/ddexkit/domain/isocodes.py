"""The ISO code lists every message is checked against, held as data (from pycountry).

ISO 3166-1 alpha-2 (with the English names), ISO 639 language codes, ISO 15924 scripts and
ISO 4217 currencies, as ``ddexkit/data/iso_codes.json`` holds them: tools/extract_isocodes.py
takes them from pycountry, and tests/test_isocodes_data.py checks they still agree. Importing
pycountry and loading its 8,000 languages costs more than validating a small message, so it is
imported only where an issue needs a name or a suggestion that the lists here do not give.
Lookups match as pycountry's do: ignoring case.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parents[1] / "data" / "iso_codes.json"


@cache
def _data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return loaded


@cache
def _lowered(key: str) -> frozenset[str]:
    return frozenset(code.lower() for code in _data()[key])


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code (upper case) → the country's English short name."""
    names: dict[str, str] = _data()["countries"]
    return names


def is_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code, in any case (as pycountry's get)."""
    return code.lower() in _lowered("countries")


def is_language(code: str) -> bool:
    """Whether ``code`` is an ISO 639-1, 639-2/T, 639-2/B or 639-3 code, in any case."""
    lowered = code.lower()
    return (
        lowered in _lowered("language_alpha_2")
        or lowered in _lowered("language_alpha_3")
        or lowered in _lowered("language_bibliographic")
    )


def is_script(code: str) -> bool:
    """Whether ``code`` is an ISO 15924 script code, in any case."""
    return code.lower() in _lowered("script_alpha_4")


def is_currency(code: str) -> bool:
    """Whether ``code`` is an ISO 4217 alphabetic code, in any case."""
    return code.lower() in _lowered("currency_alpha_3")
