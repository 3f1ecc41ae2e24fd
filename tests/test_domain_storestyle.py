"""The store style vocabularies: what a title's closing qualifiers say, and which artist
names join acts or are search terms, including the titles and names that must pass."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ddexkit.domain.storestyle import (
    OwnTerms,
    Qualifier,
    compound_parts,
    is_generic_artist_name,
    marketing_terms,
    qualifiers_of_kind,
    trailing_qualifiers,
    without_marketing,
    without_qualifiers,
)


@pytest.mark.parametrize(("title", "qualifiers"), [
    ("Harbour Walls (X Remix) [Radio Edit]", ("X Remix", "Radio Edit")),
    ("Harbour Walls - Live at Leeds", ("Live at Leeds",)),
    ("(Love Is Like A) Heat Wave", ()),  # an opening bracket is the title's own
    ("Live and Let Die", ()),
    ("Pt. 1 - The Beginning (Demo)", ("The Beginning", "Demo")),
])
def test_trailing_qualifiers(title: str, qualifiers: tuple[str, ...]) -> None:
    assert trailing_qualifiers(title) == qualifiers


@pytest.mark.parametrize(("title", "kind", "found"), [
    ("Harbour Walls (Clean Version)", Qualifier.EXPLICIT, ("Clean Version",)),
    ("Harbour Walls [Explicit]", Qualifier.EXPLICIT, ("Explicit",)),
    ("Clean", Qualifier.EXPLICIT, ()),  # a title, not a label
    ("Harbour Walls (Radio Edit)", Qualifier.EXPLICIT, ()),  # a version
    ("Harbour Walls (Radio Edit)", Qualifier.VERSION, ("Radio Edit",)),
    ("Harbour Walls (Clean Version)", Qualifier.VERSION, ()),  # the label wins
    ("Harbour Walls (Album Version)", Qualifier.VERSION, ()),  # a marketing term
    ("Harbour Walls (feat. Sam Okafor)", Qualifier.VERSION, ()),  # TXT304's
    ("Harbour Walls (Remastered 2011)", Qualifier.VERSION, ("Remastered 2011",)),
])
def test_qualifier_kinds(title: str, kind: Qualifier, found: tuple[str, ...]) -> None:
    assert qualifiers_of_kind(title, kind) == found


def test_without_qualifiers_keeps_the_others() -> None:
    title = "Harbour Walls (feat. Sam Okafor) [Remix]"
    assert without_qualifiers(title, ("Remix",)) == "Harbour Walls (feat. Sam Okafor)"


@pytest.mark.parametrize(("title", "terms", "rest"), [
    ("Exclusive Harbour Walls", ("Exclusive",), "Harbour Walls"),
    ("Harbour Walls (Official Video) [HD]", ("Official Video", "HD"), "Harbour Walls"),
    ("Harbour Lights - Digital Single", ("Digital Single",), "Harbour Lights"),
    ("Harbour Lights - Single", ("Single",), "Harbour Lights"),
    ("Single Ladies", (), "Single Ladies"),  # a title's own word
    ("Vinyl Days", (), "Vinyl Days"),
])
def test_marketing_terms(title: str, terms: tuple[str, ...], rest: str) -> None:
    assert marketing_terms(title) == terms
    assert without_marketing(title) == rest



_PIECES = st.text(alphabet="abAB -★(.", min_size=1, max_size=8)


@given(terms=st.lists(_PIECES.filter(str.strip), min_size=1, max_size=6), title=_PIECES)
@example(terms=["ab", "ab ba"], title="x AB ba")  # the first listed wins at one place
@example(terms=["ab ba", "ab"], title="x AB ba")
@example(terms=["★", "(b"], title="a★b (b")  # terms without a word to look up by
def test_own_terms_find_what_one_pattern_of_all_terms_finds(terms: list[str], title: str
                                                           ) -> None:
    """Looking the terms up by their first word finds what a pattern of every term would:
    the same matches, in the same places, the first listed winning."""
    every = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b",
                       re.IGNORECASE)
    own = OwnTerms(tuple(terms))
    assert marketing_terms(title, own) == (*marketing_terms(title),
                                          *(m.group(0) for m in every.finditer(title)))
    assert without_marketing(title, own) == without_marketing(every.sub("", title))


@pytest.mark.parametrize(("name", "parts"), [
    ("Aurora Vale & Sam Okafor", ("Aurora Vale", "Sam Okafor")),
    ("Aurora Vale x Sam Okafor", ("Aurora Vale", "Sam Okafor")),
    ("Aurora Vale feat. Sam Okafor", ("Aurora Vale", "Sam Okafor")),
    ("Aurora Vale, Sam Okafor", ("Aurora Vale", "Sam Okafor")),
    ("Hootie & the Blowfish", ()),  # the act's own ensemble
    ("Duke Ellington & His Orchestra", ()),
    ("Malcolm X Band", ()),  # a capital X is a letter of a name
    ("AC/DC", ()),
    ("Aurora Vale", ()),
])
def test_compound_parts(name: str, parts: tuple[str, ...]) -> None:
    assert compound_parts(name) == parts


@pytest.mark.parametrize(("name", "generic"), [
    ("Sleep Music", True),
    ("Top Hits", True),
    ("Music for Sleep", True),
    ("Relaxing Piano Music", True),
    ("Rain", False),  # one word may be someone's name
    ("Aurora Vale", False),
    ("Sleep Token", False),
])
def test_generic_artist_names(name: str, generic: bool) -> None:
    assert is_generic_artist_name(name) is generic
