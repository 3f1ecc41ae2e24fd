"""Territory codes: ISO 3166-1 alpha-2, Worldwide, TIS, withdrawn codes and suggestions."""

from __future__ import annotations

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddexkit.domain.territories import (
    WORLDWIDE,
    TerritoryKind,
    classify,
    is_ddex_territory,
    is_iso_alpha2,
    is_world,
    suggest,
    territory_key,
)

ALPHA2 = sorted(country.alpha_2 for country in pycountry.countries)


@given(st.sampled_from(ALPHA2))
def test_every_iso_alpha2_code_is_accepted(code: str) -> None:
    assert is_iso_alpha2(code)
    territory = classify(code)
    assert territory.kind is TerritoryKind.ISO and territory.replacement == code
    assert suggest(code) == code


@given(st.sampled_from(ALPHA2))
def test_lower_case_codes_are_refused_with_the_upper_case_suggested(code: str) -> None:
    lower = code.lower()
    assert not is_iso_alpha2(lower)
    assert classify(lower).kind is TerritoryKind.UNKNOWN
    assert suggest(lower) == code
    assert territory_key(lower) == territory_key(code) == code


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2))
def test_two_letter_codes_are_iso_exactly_when_pycountry_knows_them(code: str) -> None:
    assert is_iso_alpha2(code) == (code in ALPHA2)


def test_worldwide() -> None:
    assert classify("Worldwide").kind is TerritoryKind.WORLDWIDE
    assert is_world("Worldwide") and is_world("2136") and not is_world("GB")
    for written in ("worldwide", "WORLDWIDE", "WW", "World"):
        assert classify(written).kind is TerritoryKind.UNKNOWN
        assert suggest(written) == WORLDWIDE


@pytest.mark.parametrize(
    ("code", "meant"),
    [
        ("UK", "GB"),
        ("us", "US"),
        ("USA", "US"),
        ("Germany", "DE"),
        (" FR ", "FR"),
        ("036", "36"),
        ("EU", None),
        ("XX", None),
        ("", None),
    ],
)
def test_suggestions(code: str, meant: str | None) -> None:
    assert suggest(code) == meant


@pytest.mark.parametrize("code", ["YU", "AN", "CS", "DD", "SU", "YUCS", "ANHH", "DDDE"])
def test_withdrawn_codes_are_ddex_but_not_iso(code: str) -> None:
    territory = classify(code)
    assert territory.kind is TerritoryKind.WITHDRAWN
    assert territory.name
    assert is_ddex_territory(code) and not is_iso_alpha2(code)


def test_withdrawn_codes_name_their_successor_when_there_is_one() -> None:
    assert classify("DDDE").replacement == "DE"
    assert classify("ZR").replacement == "CD"
    assert classify("YU").replacement is None


def test_reused_codes_are_current_iso() -> None:
    for code in ("BY", "SK", "AI", "GE", "BQ"):
        assert classify(code).kind is TerritoryKind.ISO


@pytest.mark.parametrize(
    ("code", "name", "replacement"),
    [
        ("276", "Germany", "DE"),
        ("826", "United Kingdom", "GB"),
        ("2136", "World", WORLDWIDE),
        ("2120", "Europe", None),
        ("890", "Yugoslavia", None),
        ("810", "USSR", None),
    ],
)
def test_tis_codes(code: str, name: str, replacement: str | None) -> None:
    territory = classify(code)
    assert territory.kind is TerritoryKind.TIS
    assert territory.name is not None and name in territory.name
    assert territory.replacement == replacement


@pytest.mark.parametrize("code", ["10", "2135", "9999", "0", "036"])
def test_numbers_outside_tis_are_unknown(code: str) -> None:
    assert classify(code).kind is TerritoryKind.UNKNOWN


def test_ddex_only_codes() -> None:
    for code in ("XK", "ES-CN", "ES-CE", "ES-ML"):
        assert classify(code).kind is TerritoryKind.DDEX_ONLY


def test_keys_group_only_the_same_territory() -> None:
    assert territory_key("worldwide") == territory_key("Worldwide") == WORLDWIDE
    assert territory_key("UK") != territory_key("GB")
    assert territory_key(" DE ") == "DE"
