"""ddexkit.domain.text: spacing faults, shouting, featured credits, placeholders, names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddexkit.domain import text


@pytest.mark.parametrize(
    ("value", "faults"),
    [
        ("Northern Lights", ()),
        (" Northern Lights", ("leading spaces",)),
        ("Northern Lights ", ("trailing spaces",)),
        ("Northern  Lights", ("doubled spaces",)),
        ("Northern\tLights", ("a tab",)),
        ("Northern\x07Lights", ("control characters",)),
        ("Northern\nLights", ("control characters",)),
        ("   ", ()),
        ("", ()),
    ],
)
def test_whitespace_faults(value: str, faults: tuple[str, ...]) -> None:
    assert text.whitespace_faults(value) == faults


def test_tidy_whitespace_fixes_every_fault() -> None:
    assert text.tidy_whitespace("  Harbour\t\tWalls \x00 ") == "Harbour Walls"


@given(st.text())
def test_tidy_whitespace_leaves_no_fault_and_is_stable(value: str) -> None:
    tidy = text.tidy_whitespace(value)
    assert text.whitespace_faults(tidy) == ()
    assert text.tidy_whitespace(tidy) == tidy


@pytest.mark.parametrize(
    ("value", "shouted"),
    [
        ("NORTHERN LIGHTS", True),
        ("THE LONG FIELD (LIVE)", True),
        ("Northern Lights", False),
        ("NORTHERN", False),  # one word
        ("AB CD", False),  # four letters
        ("ABC DEF", True),  # six letters
        ("ABC DE", False),  # five letters
        ("U2 IN EP", False),  # five cased letters
        ("東京 タワー ソング", False),  # no case at all
        ("ÉTÉ ÀLA MER", True),
    ],
)
def test_is_shouted(value: str, shouted: bool) -> None:
    assert text.is_shouted(value) is shouted


def test_title_case_suggestion() -> None:
    assert text.title_case("THE LONG  FIELD") == "The Long Field"


@given(st.text())
def test_lower_case_text_is_never_shouted(value: str) -> None:
    assert not text.is_shouted(value.lower() + " a")


@pytest.mark.parametrize(
    ("title", "credit", "rest"),
    [
        ("Harbour Walls (feat. Sam Okafor)", "(feat. Sam Okafor)", "Harbour Walls"),
        ("Harbour Walls [ft. Sam]", "[ft. Sam]", "Harbour Walls"),
        ("Harbour Walls (ft Sam)", "(ft Sam)", "Harbour Walls"),
        ("Harbour Walls (Featuring Sam) [Remix]", "(Featuring Sam)", "Harbour Walls [Remix]"),
        ("Harbour Walls (with Sam Okafor)", "(with Sam Okafor)", "Harbour Walls"),
    ],
)
def test_featured_credit_found(title: str, credit: str, rest: str) -> None:
    assert text.featured_credit(title) == credit
    assert text.without_featured_credit(title) == rest


@pytest.mark.parametrize(
    "title",
    [
        "Harbour Walls",
        "Harbour Walls (Live)",
        "Harbour Walls (Without You)",
        "Dancing with Myself",  # "with" outside brackets is part of the title
        "Harbour Walls (feat. )",
        "Featuring the Band",
    ],
)
def test_featured_credit_not_found(title: str) -> None:
    assert text.featured_credit(title) is None


@pytest.mark.parametrize(
    "value", ["Unknown", "unknown", " N/A ", "Untitled", "Track 1", "TRACK 12", "TBD", "test"]
)
def test_placeholders(value: str) -> None:
    assert text.is_placeholder(value)


@pytest.mark.parametrize(
    "value",
    ["Unknown Pleasures", "Test Drive", "Untitled Unmastered", "Track One Mind", "NA", "Aurora"],
)
def test_real_values_are_not_placeholders(value: str) -> None:
    assert not text.is_placeholder(value)


def test_various_artists() -> None:
    assert text.is_various_artists(" various  ARTISTS")
    assert not text.is_various_artists("Various Artists of Leeds")


def test_contains_name_ignores_case_and_spacing() -> None:
    assert text.contains_name("Aurora Vale feat. Sam  Okafor", "sam okafor")
    assert text.contains_name("Aurora Vale", "Aurora  Vale")
    assert not text.contains_name("Aurora Vale", "Sam Okafor")
    assert text.contains_name("Slobodan Božinović", "Slobodan Bozinovic")
    assert text.contains_name("Beyonce", "Beyoncé")


@pytest.mark.parametrize(
    ("title", "credit", "names", "rest"),
    [
        ("Harbour Walls feat. Sam Okafor", "feat. Sam Okafor", "Sam Okafor", "Harbour Walls"),
        ("Harbour Walls ft. Sam (Remix)", "ft. Sam", "Sam", "Harbour Walls (Remix)"),
        (
            "Harbour Walls (Featuring Sam & Kim)",
            "(Featuring Sam & Kim)",
            "Sam & Kim",
            "Harbour Walls",
        ),
        (
            "Harbour Walls [with the Tide Orchestra]",
            "[with the Tide Orchestra]",
            "the Tide Orchestra",
            "Harbour Walls",
        ),
    ],
)
def test_featured_names_and_unbracketed_abbreviations(
    title: str, credit: str, names: str, rest: str
) -> None:
    assert text.featured_credit(title) == credit
    assert text.featured_names(credit) == names
    assert text.without_featured_credit(title) == rest


@pytest.mark.parametrize(
    "title",
    [
        "Stay (With Me)",  # a pronoun is never a featured artist
        "Sing (with You)",
        "Letters (With Love)",
        "Attack of the 50 Ft. Woman",  # feet, not featuring
        "With or Without You",
    ],
)
def test_titles_that_only_look_like_credits(title: str) -> None:
    assert text.featured_credit(title) is None


@pytest.mark.parametrize(
    ("value", "keep", "suggestion"),
    [
        ("THE LONG FIELD (LIVE)", (), "The Long Field (Live)"),
        ("HARBOUR WALLS PART II", (), "Harbour Walls Part II"),
        ("AC/DC LIVE AT THE PARK", ("AC/DC",), "AC/DC Live At The Park"),
        ("DON'T LOOK BACK", (), "Don't Look Back"),
    ],
)
def test_title_case_keeps_brackets_numerals_and_stylised_names(
    value: str, keep: tuple[str, ...], suggestion: str
) -> None:
    assert text.title_case(value, keep=keep) == suggestion


def test_without_names_and_cased_letters() -> None:
    assert not text.has_cased_letters(text.without_names("ABBA", ["ABBA"]))
    assert text.has_cased_letters(text.without_names("ABBA GOLD", ["ABBA"]))
    assert not text.has_cased_letters("東京 2020")


def test_written_alike_tells_scripts_apart() -> None:
    assert text.written_alike("Aurora Vale & Sam Okafor", "Sam Okafor")
    assert text.written_alike("Beyoncé", "Beyonce")
    assert not text.written_alike("宇多田ヒカル", "Hikaru Utada")
    assert not text.written_alike("Ёлка", "Yolka")
    assert not text.written_alike("2024", "2024")
