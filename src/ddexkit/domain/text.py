"""Titles and names as the stores show them: whitespace faults, shouting, featured-artist
credits, placeholders and whether a display name contains an artist's name.

Pure string helpers shared by the TXT rules; they never look at the message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ddexkit.domain.joined import VALUE_END, VALUE_START

_SPACE_RUN = re.compile(r"\s+")
# A featured-artist credit in round or square brackets: "(feat. X)", "[ft X]", "(with X)";
# "(With You)", "(with Me)", "(With Love)" are parts of titles, not credits: a pronoun (or
# love) is never an artist.
_NOT_ARTISTS = (
    r"(?:me|you|him|her|us|them|it|myself|yourself|himself|herself|ourselves|themselves"
    r"|love)\b"
)
FEATURING = re.compile(
    r"\s*[(\[]\s*(?:(?:feat|ft)\.\s*|(?:feat|ft|featuring)\s+|with\s+(?!" + _NOT_ARTISTS + r"))"
    r"[^)\]\s][^)\]]*[)\]]",
    re.IGNORECASE,
)
# The same credit written without brackets after the title: "Harbour Walls feat. Sam Okafor".
# Only the abbreviations with their full stop count ("featuring", "with" are ordinary words in
# titles), "ft." after a number is feet ("50 Ft. Woman"); the credit ends at a bracket
# ("Harbour Walls feat. Sam Okafor (Remix)").
_UNBRACKETED_FEATURING = re.compile(
    r"(?:(?<=\S)\s+feat\.|(?<=[^\s\d])\s+ft\.)\s*[^\s()\[\]][^()\[\]]*", re.IGNORECASE
)
_CREDIT_WORD = re.compile(r"^[(\[]?\s*(?:featuring|feat\.?|ft\.?|with)\s*", re.IGNORECASE)
# Whole values (compared case-insensitively, spaces collapsed) that stand for "not known yet".
PLACEHOLDERS = frozenset({"unknown", "n/a", "untitled", "tbd", "test"})
_NUMBERED_TRACK = re.compile(r"track\s*\d+")
VARIOUS_ARTISTS = "various artists"
_MIN_SHOUTED_LETTERS = 6


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


# The control characters but the tab: Unicode's Cc is exactly U+0000–U+001F and U+007F–U+009F,
# so one regex search finds them (in C, instead of a category look-up per character).
_CONTROL_BUT_TAB = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_ASCII_LETTER = re.compile("[A-Za-z]")
_LATIN = frozenset({"LATIN"})


def whitespace_faults(value: str) -> tuple[str, ...]:
    """What is wrong with the spacing of a title or name, in words; () when nothing is.

    A blank value has no spacing fault (emptiness is another rule's business). Line breaks
    count as control characters: a title is one line.
    """
    if not value.strip():
        return ()
    faults: list[str] = []
    if value[0].isspace():
        faults.append("leading spaces")
    if value[-1].isspace():
        faults.append("trailing spaces")
    if "  " in value.strip():
        faults.append("doubled spaces")
    if "\t" in value:
        faults.append("a tab")
    if _CONTROL_BUT_TAB.search(value):
        faults.append("control characters")
    return tuple(faults)


def tidy_whitespace(value: str) -> str:
    """The value with control characters dropped, space runs made one space, ends trimmed."""
    visible = "".join(" " if c.isspace() else c for c in value if c.isspace() or not _is_control(c))
    return _SPACE_RUN.sub(" ", visible).strip()


def _cased_letters(value: str) -> list[str]:
    return [c for c in value if c.isupper() or c.islower()]


def is_shouted(value: str) -> bool:
    """Whether a title is in capitals only: two words or more, more than five letters that
    have a case, none of them lower case. Scripts without case (CJK, Arabic) never are."""
    # A lower-case letter settles it, and comes early in an ordinary title.
    if any(c.islower() for c in value):
        return False
    return len(value.split()) >= 2 and len(_cased_letters(value)) >= _MIN_SHOUTED_LETTERS


_FIRST_CASED = re.compile(r"[^\W\d_]")
# Roman numerals of sequels and volumes ("PART II", "VOL. IV") stay in capitals.
_ROMAN = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")


def _capitalised(word: str) -> str:
    core = word.strip("()[]{}.,:;!?\"'")
    if _ROMAN.fullmatch(core):
        return word
    first = _FIRST_CASED.search(word)
    if first is None:
        return word.lower()
    at = first.start()
    return word[:at].lower() + word[at].upper() + word[at + 1 :].lower()


def title_case(value: str, keep: Iterable[str] = ()) -> str:
    """A readable suggestion for a shouted title: each word capitalised, the rest lower case.

    The first letter counts even after a bracket ("(LIVE)" gives "(Live)"); roman numerals
    stay as they are; the names in ``keep`` (artists who write their names in capitals) are
    left exactly as written where they occur.
    """
    kept = sorted({k for k in keep if k.strip()}, key=len, reverse=True)
    pattern = "(" + "|".join(re.escape(k) for k in kept) + ")"
    parts = re.split(pattern, value) if kept else [value]
    cased = [
        part if index % 2 else re.sub(r"\S+", lambda m: _capitalised(m.group(0)), part)
        for index, part in enumerate(parts)
    ]
    return tidy_whitespace("".join(cased))


def without_names(value: str, names: Iterable[str]) -> str:
    """The value with every occurrence of the given names (as written) taken out."""
    for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        value = value.replace(name, " ")
    return value


def has_cased_letters(value: str) -> bool:
    """Whether the value has a letter with a case (Latin, Greek, Cyrillic…)."""
    return any(c.isupper() or c.islower() for c in value)


def featured_credit(value: str) -> str | None:
    """The featured-artist credit in a title ("(feat. X)", or "feat. X" at its end), or None."""
    found = FEATURING.search(value) or _UNBRACKETED_FEATURING.search(value)
    return found.group(0).strip() if found else None


def featured_names(credit: str) -> str:
    """Who a credit features: "(feat. Sam Okafor)" gives "Sam Okafor"."""
    return tidy_whitespace(_CREDIT_WORD.sub("", credit.strip()).rstrip(")]"))


def without_featured_credit(value: str) -> str:
    """The title with its featured-artist credits removed."""
    return tidy_whitespace(_UNBRACKETED_FEATURING.sub(" ", FEATURING.sub("", value)))


def _folded(value: str) -> str:
    # " ".join(split()) is _SPACE_RUN.sub(" ", value).strip(): both split on str.isspace
    return " ".join(value.split()).casefold()


def is_placeholder(value: str) -> bool:
    """Whether the whole value is a placeholder ("Unknown", "N/A", "Track 1"…), in any case.

    Only whole values count: "Unknown Pleasures" or "Test Drive" are real titles.
    """
    folded = _folded(value)
    return folded in PLACEHOLDERS or _NUMBERED_TRACK.fullmatch(folded) is not None


# Every value is_placeholder holds a placeholder, found among many by one search
# (ddexkit.domain.joined.values_with_match), with a few more: an ASCII value that is, spaces
# and case aside, a placeholder, and any value with another character (whose case folding,
# "ﬆ" to "st", is more than IGNORECASE follows).
MAYBE_PLACEHOLDER = re.compile(
    VALUE_START + r"(?:[^\x00]*[^\x00-\x7f]|\s*(?:"
    + "|".join(map(re.escape, sorted(PLACEHOLDERS))) + "|" + _NUMBERED_TRACK.pattern
    + r")\s*" + VALUE_END + ")",
    re.IGNORECASE,
)


def is_various_artists(value: str) -> bool:
    """Whether the whole value is "Various Artists" (any case), a compilation's credit."""
    return _folded(value) == VARIOUS_ARTISTS


def _unaccented(value: str) -> str:
    if value.isascii():  # nothing to decompose, no accent to drop
        return value
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def contains_name(display_name: str, name: str) -> bool:
    """Whether a DisplayArtistName contains an artist's name, ignoring case, spacing and
    accents (a name and its ASCII spelling, "Božinović" and "Bozinovic", are one name)."""
    return _unaccented(_folded(name)) in _unaccented(_folded(display_name))


def scripts(value: str) -> frozenset[str]:
    """The writing systems of a value's letters, from their Unicode names (LATIN, CYRILLIC,
    CJK, HIRAGANA…); digits, spaces and punctuation have none."""
    if value.isascii():  # ASCII letters are all LATIN ... LETTER ...
        return _LATIN if _ASCII_LETTER.search(value) else frozenset()
    found = set()
    for char in value:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name:
                found.add(name.split()[0])
    return frozenset(found)


def written_alike(first: str, second: str) -> bool:
    """Whether two values share a writing system, so that one can be looked for in the
    other; a name and its transliteration ("Ёлка", "Yolka") are not written alike."""
    return bool(scripts(first) & scripts(second))
