"""Identifier syntax and check characters: known examples, and hypothesis round trips
(a generated identifier with its computed check character passes; a single changed
character fails wherever the check character system guarantees to notice)."""

from __future__ import annotations

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddexkit.domain.identifiers import (
    ALPHANUMERIC,
    ISRC_AGENCY_PREFIXES,
    Status,
    check_dpid,
    check_grid,
    check_icpn,
    check_isni,
    check_isrc,
    check_iswc,
    compact,
    dpid_in_namespace,
    gs1_check_digit,
    icpn_digits,
    is_isrc_country,
    is_valid_dpid,
    is_valid_icpn,
    is_valid_isrc,
    isrc_country,
    isrc_key,
    iswc_check_digit,
    iswc_display_form_only,
    iswcs_with_wrong_check_digit,
    mod11_2_check_char,
    mod37_36_check_char,
)

DIGITS = "0123456789"


def _digits(size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=DIGITS, min_size=size, max_size=size)


def _alphanumerics(size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=ALPHANUMERIC, min_size=size, max_size=size)


def _substituted(value: str, position: int, alphabet: str, data: st.DataObject) -> str:
    """``value`` with the character at ``position`` replaced by another one of ``alphabet``."""
    other = data.draw(st.sampled_from([c for c in alphabet if c != value[position]]))
    return value[:position] + other + value[position + 1:]


# --- independent formulations of the check systems (validation, not computation) -----------


def _gs1_sum_is_zero(code: str) -> bool:
    weights = [3 if i % 2 else 1 for i in range(len(code))][::-1]
    return sum(int(d) * w for d, w in zip(code, weights, strict=True)) % 10 == 0


def _mod37_36_holds(code: str) -> bool:
    product = 36
    for char in code[:-1]:
        product = ((product + ALPHANUMERIC.index(char)) % 36 or 36) * 2 % 37
    return (product + ALPHANUMERIC.index(code[-1])) % 36 == 1


def _mod11_2_holds(code: str) -> bool:
    values = [10 if c == "X" else int(c) for c in code]
    weighted = sum(v * pow(2, len(code) - 1 - i, 11) for i, v in enumerate(values))
    return weighted % 11 == 1


# --- ICPN ----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["123456789012", "036000291452", "4006381333931",
                                  "5012345678900", "0724384960650"])
def test_known_icpns_are_valid(code: str) -> None:
    assert check_icpn(code).ok
    assert is_valid_icpn(code)


def test_icpn_faults_are_named_and_fixed_where_possible() -> None:
    wrong = check_icpn("123456789013")
    assert wrong.status is Status.CHECK and wrong.corrected == "123456789012"
    assert "check digit 3, not 2" in wrong.problem
    assert check_icpn("12345678901").status is Status.MALFORMED
    assert check_icpn("36000291452").corrected == "036000291452"  # the lost leading zero
    assert check_icpn("12345678901234").problem.startswith("has 14 digits")
    assert check_icpn("12345678901A").problem == "contains characters other than digits"
    assert check_icpn("").problem == "is empty"
    spaced = check_icpn("0 36000 29145 2")
    assert spaced.status is Status.SEPARATORS and spaced.corrected == "036000291452"
    assert check_icpn("  036000291452\n").ok  # surrounding whitespace is not the code's
    assert check_icpn("١٢٣٤٥٦٧٨٩٠١٢").status is Status.MALFORMED  # non-ASCII digits


def test_icpn_length() -> None:
    assert icpn_digits("123456789012") == 12
    assert icpn_digits("4006381333931") == 13
    assert icpn_digits("12345") is None


@given(body=st.one_of(_digits(11), _digits(12)))
def test_generated_icpns_pass(body: str) -> None:
    code = body + gs1_check_digit(body)
    assert check_icpn(code).ok
    assert _gs1_sum_is_zero(code)


@given(body=st.one_of(_digits(11), _digits(12)), data=st.data())
def test_any_single_digit_substitution_breaks_an_icpn(body: str, data: st.DataObject) -> None:
    code = body + gs1_check_digit(body)
    position = data.draw(st.integers(0, len(code) - 1))
    assert not check_icpn(_substituted(code, position, DIGITS, data)).ok


# --- ISRC ----------------------------------------------------------------------------------

_ISRCS = st.builds(
    lambda country, registrant, year, designation: country + registrant + year + designation,
    st.sampled_from(sorted(c.alpha_2 for c in pycountry.countries)),
    _alphanumerics(3),
    _digits(2),
    _digits(5),
)


@given(_ISRCS)
def test_generated_isrcs_pass_and_their_display_forms_are_fixed(isrc: str) -> None:
    assert check_isrc(isrc).ok and is_valid_isrc(isrc)
    assert isrc_country(isrc) == isrc[:2] and is_isrc_country(isrc[:2])
    display = f"{isrc[:2]}-{isrc[2:5]}-{isrc[5:7]}-{isrc[7:]}"
    for written in (display, display.replace("-", " ")):
        verdict = check_isrc(written)
        assert verdict.status is Status.SEPARATORS and verdict.corrected == isrc
        assert isrc_key(written) == isrc
    if isrc != isrc.lower():
        verdict = check_isrc(isrc.lower())
        assert verdict.status is Status.SEPARATORS and verdict.corrected == isrc
        assert verdict.problem == "is written in lower case"


@pytest.mark.parametrize(
    ("isrc", "problem"),
    [
        ("GBAYE240001", "has 11 characters, not 12 (CC XXX YY NNNNN)"),
        ("G1AYE2400001", "has the country code 'G1', which is not two letters"),
        ("GBA_E2400001", "has the registrant code 'A_E', which is not three letters or digits"),
        ("GBAYEX400001", "has the year 'X4', which is not two digits"),
        ("GBAYE240000A", "has the designation code '0000A', which is not five digits"),
        ("", "is empty"),
    ],
)
def test_malformed_isrcs_say_which_part_is_wrong(isrc: str, problem: str) -> None:
    verdict = check_isrc(isrc)
    assert verdict.status is Status.MALFORMED and verdict.problem == problem
    assert verdict.corrected is None


def test_isrc_country_prefixes() -> None:
    for prefix in ISRC_AGENCY_PREFIXES:
        assert is_isrc_country(prefix)
    assert is_isrc_country("GB") and is_isrc_country("gb")
    assert not is_isrc_country("XZ")
    assert is_isrc_country("XZ", extra=("xz",))  # the user's isrc-extra-prefixes
    assert isrc_country("GB-AYE-24-00001") == "GB"
    assert isrc_country("GBAYE24") is None


# --- ISWC ----------------------------------------------------------------------------------


@pytest.mark.parametrize("iswc", ["T0345246801", "T0702371810", "T0702371821", "T0702371832"])
def test_known_iswcs_are_valid(iswc: str) -> None:
    assert check_iswc(iswc).ok


def test_iswc_display_form_is_tolerated_but_not_other_faults() -> None:
    display = check_iswc("T-034.524.680-1")
    assert display.status is Status.SEPARATORS and display.corrected == "T0345246801"
    assert iswc_display_form_only("T-034.524.680-1")
    assert iswc_display_form_only("T-034524680-1")
    assert not iswc_display_form_only("t-034.524.680-1")  # lower case is not a separator
    assert not iswc_display_form_only("T 034 524 680 1")  # nor are spaces
    assert not iswc_display_form_only("T-034.524.680-2")  # nor a wrong check digit
    assert not iswc_display_form_only("T0345246801")  # nothing to tolerate
    wrong = check_iswc("T0702371829")
    assert wrong.status is Status.CHECK and wrong.corrected == "T0702371821"
    assert check_iswc("T070237183").status is Status.MALFORMED
    assert check_iswc("0702371810").status is Status.MALFORMED


@given(body=_digits(9))
def test_generated_iswcs_pass(body: str) -> None:
    iswc = "T" + body + iswc_check_digit(body)
    assert check_iswc(iswc).ok
    weighted = 1 + sum(i * int(d) for i, d in enumerate(iswc[1:10], start=1))
    assert (weighted + int(iswc[10])) % 10 == 0


@given(iswcs=st.lists(_digits(10).map(lambda digits: "T" + digits), max_size=40))
def test_check_digits_of_many_iswcs_at_once_are_checked_as_one_by_one(iswcs: list[str]) -> None:
    assert iswcs_with_wrong_check_digit(iswcs) == [
        at for at, iswc in enumerate(iswcs) if check_iswc(iswc).status is Status.CHECK]


def test_check_digits_of_many_iswcs_name_only_the_wrong_ones() -> None:
    assert iswcs_with_wrong_check_digit([]) == []
    assert iswcs_with_wrong_check_digit(["T0345246801", "T0702371829", "T0702371821",
                                         "T0702371830"]) == [1, 3]


@given(body=_digits(9), data=st.data())
def test_single_substitutions_in_an_iswc_fail_where_the_weights_notice(
    body: str, data: st.DataObject
) -> None:
    iswc = "T" + body + iswc_check_digit(body)
    position = data.draw(st.integers(1, 10))
    changed = _substituted(iswc, position, DIGITS, data)
    delta = int(changed[position]) - int(iswc[position])
    # Position 10 is the check digit itself; digit i weighs i, so a change by delta is only
    # seen when i * delta is not a multiple of 10 (ISO 15707's scheme misses e.g. 0→5 at 2).
    noticed = position == 10 or (position * delta) % 10 != 0
    assert check_iswc(changed).ok is not noticed


# --- GRid, DPID (Mod 37,36) ----------------------------------------------------------------


def test_known_grid() -> None:
    assert check_grid("A12425GABC1234002M").ok
    assert check_grid("A1-2425G-ABC1234002-M").corrected == "A12425GABC1234002M"
    wrong = check_grid("A12425GABC1234002N")
    assert wrong.status is Status.CHECK and wrong.corrected == "A12425GABC1234002M"
    assert check_grid("A12425GABC1234002").problem.startswith("has 17 characters")
    assert check_grid("B12425GABC1234002M").problem == "does not start with the scheme A1"
    assert check_grid("a12425gabc1234002m").corrected == "A12425GABC1234002M"


@pytest.mark.parametrize(
    "dpid",
    [
        "PADPIDA3897722461G",  # DDEX's example
        "PADPIDA2014120301L",  # the project's samples
        "PADPIDA2007040502I",
        "PADPIDA2010032301A",  # seen in third-party messages
        "PADPIDA2012031302R",
        "PADPIDA2007061301U",
    ],
)
def test_known_dpids_are_valid(dpid: str) -> None:
    assert check_dpid(dpid).ok and is_valid_dpid(dpid)
    assert _mod37_36_holds(dpid)


def test_dpid_faults() -> None:
    wrong = check_dpid("PADPIDA2014120301X")
    assert wrong.status is Status.CHECK and wrong.corrected == "PADPIDA2014120301L"
    assert check_dpid("DPID_OF_THE_SENDER").problem == "does not start with PADPIDA"
    assert check_dpid("PADPIDA2007040502").problem.startswith("has 17 characters")
    assert check_dpid("PADPIDA20140_2030L").status is Status.MALFORMED
    assert check_dpid("padpida2014120301l").status is Status.SEPARATORS
    assert check_dpid("").problem == "is empty"


def test_dpid_in_namespace() -> None:
    assert dpid_in_namespace("DPID:PADPIDA2014120301L") == "PADPIDA2014120301L"
    assert dpid_in_namespace("PADPIDA2014120301L") is None
    assert dpid_in_namespace("YOUTUBE:AT_CUSTOM_ID") is None


@given(body=_alphanumerics(17))
def test_mod37_36_round_trip(body: str) -> None:
    code = body + mod37_36_check_char(body)
    assert _mod37_36_holds(code)


@given(release=_alphanumerics(15), data=st.data())
def test_generated_grids_pass_and_any_substitution_fails(release: str, data: st.DataObject) -> None:
    body = "A1" + release
    grid = body + mod37_36_check_char(body)
    assert check_grid(grid).ok
    position = data.draw(st.integers(2, 17))  # the scheme A1 is checked as syntax
    assert not check_grid(_substituted(grid, position, ALPHANUMERIC, data)).ok


@given(party=_alphanumerics(10), data=st.data())
def test_generated_dpids_pass_and_any_substitution_fails(party: str, data: st.DataObject) -> None:
    body = "PADPIDA" + party
    dpid = body + mod37_36_check_char(body)
    assert check_dpid(dpid).ok
    position = data.draw(st.integers(0, 17))
    changed = _substituted(dpid, position, ALPHANUMERIC, data)
    assert not check_dpid(changed).ok


# --- ISNI (Mod 11-2) -----------------------------------------------------------------------


# ORCID iDs are ISNIs of a reserved block: ORCID's documented examples, one ending in X.
@pytest.mark.parametrize("isni", ["0000000218250097", "000000021694233X", "0000000121032683",
                                  "0000000123456789"])
def test_known_isnis_are_valid(isni: str) -> None:
    assert check_isni(isni).ok
    assert _mod11_2_holds(isni)


def test_isni_faults() -> None:
    spaced = check_isni("0000 0001 2103 2683")
    assert spaced.status is Status.SEPARATORS and spaced.corrected == "0000000121032683"
    wrong = check_isni("0000000121032684")
    assert wrong.status is Status.CHECK and wrong.corrected == "0000000121032683"
    assert check_isni("000000012103268").problem.startswith("has 15 characters")
    assert check_isni("00000001210326X3").status is Status.MALFORMED
    assert check_isni("000000021694233x").corrected == "000000021694233X"


@given(body=_digits(15), data=st.data())
def test_generated_isnis_pass_and_any_substitution_fails(body: str, data: st.DataObject) -> None:
    isni = body + mod11_2_check_char(body)
    assert check_isni(isni).ok and _mod11_2_holds(isni)
    position = data.draw(st.integers(0, 15))
    alphabet = DIGITS + "X" if position == 15 else DIGITS
    assert not check_isni(_substituted(isni, position, alphabet, data)).ok


# --- shared --------------------------------------------------------------------------------


def test_compact_removes_separators_and_upper_cases() -> None:
    assert compact(" gb-aye 24.00001\t") == "GBAYE2400001"


@given(st.text(max_size=30))
def test_checks_never_raise(text: str) -> None:
    for check in (check_icpn, check_isrc, check_iswc, check_grid, check_isni, check_dpid):
        verdict = check(text)
        assert verdict.ok == (verdict.status is Status.VALID)
        if verdict.corrected is not None:
            assert check(verdict.corrected).ok
