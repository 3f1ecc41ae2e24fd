"""ISO 4217 currency codes, as pycountry lists them (``domain.isocodes``)."""

from __future__ import annotations

from functools import cache

from ddexkit.domain import isocodes

# Symbols and old habits seen in price feeds, and the code they stand for.
_WRITTEN_FOR = {"€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "UKL": "GBP",
                "RMB": "CNY", "NIS": "ILS"}


@cache
def is_iso4217(code: str) -> bool:
    """Whether ``code`` is a current ISO 4217 alphabetic code, as written (upper case)."""
    return (len(code) == 3 and code.isascii() and code.isupper()
            and isocodes.is_currency(code))


def suggest_currency(text: str) -> str | None:
    """The ISO 4217 code ``text`` most likely means (``eur`` → EUR, ``€`` → EUR), or None."""
    value = text.strip()
    if is_iso4217(value.upper()):
        return value.upper()
    return _WRITTEN_FOR.get(value.upper()) or _WRITTEN_FOR.get(value)
