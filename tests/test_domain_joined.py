"""values_with_match finds exactly the values a per-value search finds; the rules' fast paths
(ID105, TXT303, TXT304) only pass over values their per-value judgement would pass too."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from ddexkit.domain.identifiers import check_isrc
from ddexkit.domain.joined import VALUE_END, VALUE_START, values_with_match
from ddexkit.domain.text import featured_credit, is_shouted, whitespace_faults
from ddexkit.rules.identifiers import id105_isrc_syntax
from ddexkit.rules.text import (
    txt302_whitespace,
    txt303_title_in_capitals,
    txt304_featured_in_title,
)

# Text as XML can hold it: any character but NUL (and the surrogates).
xml_text = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"))
WORD = re.compile(r"ab|c")
WHOLE_DIGITS = re.compile(VALUE_START + r"[0-9]+" + VALUE_END)


def test_each_value_with_a_match_once_in_order() -> None:
    values = ["xx", "ab c ab", "", "c", "abc", "a b"]
    assert values_with_match(WORD, values) == [1, 3, 4]
    assert values_with_match(WORD, []) == []
    assert values_with_match(WHOLE_DIGITS, ["12", "1 2", "", "007", "x9"]) == [0, 3]


def test_an_empty_match_at_a_value_start_counts() -> None:
    not_digits = re.compile(VALUE_START + r"(?![0-9]+" + VALUE_END + ")")
    assert values_with_match(not_digits, ["12", "", "a", "3", "4b"]) == [1, 2, 4]
    assert values_with_match(not_digits, [""]) == [0]
    assert values_with_match(not_digits, []) == []


@given(st.lists(xml_text, max_size=8))
def test_the_same_values_as_one_search_each(values: list[str]) -> None:
    for pattern in (WORD, WHOLE_DIGITS, re.compile(r"\s")):
        expected = [i for i, v in enumerate(values) if pattern.search(v) is not None]
        if pattern is WHOLE_DIGITS:
            expected = [i for i, v in enumerate(values) if re.fullmatch(r"[0-9]+", v)]
        assert values_with_match(pattern, values) == expected


@given(xml_text)
def test_id105_passes_over_only_valid_isrcs(value: str) -> None:
    if not values_with_match(id105_isrc_syntax._NOT_PLAIN, [value]):
        assert check_isrc(value).ok


@given(st.from_regex(r"\A[ \t\r\n]*[A-Z]{2}[A-Z0-9]{3}[0-9]{7}[ \t\r\n]*\Z"))
def test_id105_passes_over_well_formed_isrcs(value: str) -> None:
    assert values_with_match(id105_isrc_syntax._NOT_PLAIN, [value]) == []


@given(xml_text)
def test_txt303_passes_over_only_titles_not_in_capitals(value: str) -> None:
    if not values_with_match(txt303_title_in_capitals._WITHOUT_ASCII_LOWER, [value]):
        assert not is_shouted(value.strip())


CREDITED = st.from_regex(r"\A.{0,5}[(\[]?\s*(feat|ft|with|FEAT\.|Ft\.).{0,9}\Z")


@given(st.one_of(xml_text, CREDITED.filter(lambda value: "\x00" not in value)))
def test_txt304_passes_over_only_titles_without_a_credit(value: str) -> None:
    if not values_with_match(txt304_featured_in_title._CREDIT_WORDS, [value]):
        assert featured_credit(value) is None


SPACED = st.text(st.sampled_from([" ", "\t", "\n", "\u00a0", "\u2003", "\x85", "a", "É"]))


@given(st.one_of(xml_text, SPACED))
def test_txt302_passes_over_only_values_without_a_spacing_fault(value: str) -> None:
    if not values_with_match(txt302_whitespace._MAYBE_FAULTY, [value]):
        assert whitespace_faults(value) == ()
