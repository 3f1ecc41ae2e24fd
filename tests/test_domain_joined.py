"""values_with_match finds exactly the values a per-value search finds; the rules' fast paths
(ID105, TXT303, TXT304, TXT305) only pass over values their per-value judgement would pass too."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from ddexkit.domain.identifiers import check_isrc
from ddexkit.domain.joined import VALUE_END, VALUE_START, values_with_match
from ddexkit.domain.text import (
    MAYBE_PLACEHOLDER,
    featured_credit,
    is_placeholder,
    is_shouted,
    whitespace_faults,
)
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


# Placeholders as a form may hold them, in any case and spacing, and some whose case folding
# IGNORECASE does not follow ("ﬆ" folds to "st", the Kelvin sign to "k").
PLACEHOLDER_LIKE = st.one_of(
    st.from_regex(r"\A\s{0,2}(?i:unknown|n/a|untitled|tbd|test|track\s{0,2}[0-9\u0663]{1,3})"
                  r"\s{0,2}\Z"),
    st.sampled_from(["te\ufb06", "Un\u212anown", "\u1e9eT", "TRACK\x1c7", "N/A\x85"]),
)


@given(st.one_of(xml_text, PLACEHOLDER_LIKE.filter(lambda value: "\x00" not in value)))
def test_txt305_passes_over_only_values_that_are_no_placeholder(value: str) -> None:
    if not values_with_match(MAYBE_PLACEHOLDER, [value]):
        assert not is_placeholder(value)


def test_txt305_finds_the_placeholders_among_other_values() -> None:
    values = ["Harbour Walls", " Track  3 ", "te\ufb06", "Unknown Pleasures", "N/A"]
    assert values_with_match(MAYBE_PLACEHOLDER, values) == [1, 2, 4]
