"""Titles and names as the stores show them: whitespace faults, shouting, featured-artist
credits, placeholders and whether a display name contains an artist's name.

Pure string helpers shared by the TXT rules; they never look at the message.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE_RUN = re.compile(r"\s+")
# A featured-artist credit in round or square brackets: "(feat. X)", "[ft X]", "(with X)".
FEATURING = re.compile(
    r"\s*[(\[]\s*(?:(?:feat|ft)\.\s*|(?:feat|ft|featuring|with)\s+)[^)\]\s][^)\]]*[)\]]",
    re.IGNORECASE,
)
# Whole values (compared case-insensitively, spaces collapsed) that stand for "not known yet".
PLACEHOLDERS = frozenset({"unknown", "n/a", "untitled", "tbd", "test"})
_NUMBERED_TRACK = re.compile(r"track\s*\d+")
VARIOUS_ARTISTS = "various artists"
_MIN_SHOUTED_LETTERS = 6


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


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
    if any(_is_control(c) and c != "\t" for c in value):
        faults.append("control characters")
    return tuple(faults)


def tidy_whitespace(value: str) -> str:
    """The value with control characters dropped, space runs made one space, ends trimmed."""
    visible = "".join(" " if c.isspace() else c for c in value
                      if c.isspace() or not _is_control(c))
    return _SPACE_RUN.sub(" ", visible).strip()


def _cased_letters(value: str) -> list[str]:
    return [c for c in value if c.isupper() or c.islower()]


def is_shouted(value: str) -> bool:
    """Whether a title is in capitals only: two words or more, more than five letters that
    have a case, none of them lower case. Scripts without case (CJK, Arabic) never are."""
    letters = _cased_letters(value)
    return (
        len(value.split()) >= 2
        and len(letters) >= _MIN_SHOUTED_LETTERS
        and not any(c.islower() for c in letters)
    )


def title_case(value: str) -> str:
    """A readable suggestion for a shouted title: each word capitalised, the rest lower case."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in value.split())


def featured_credit(value: str) -> str | None:
    """The bracketed featured-artist credit in a title ("(feat. X)"), or None."""
    found = FEATURING.search(value)
    return found.group(0).strip() if found else None


def without_featured_credit(value: str) -> str:
    """The title with its bracketed featured-artist credits removed."""
    return tidy_whitespace(FEATURING.sub("", value))


def _folded(value: str) -> str:
    return _SPACE_RUN.sub(" ", value).strip().casefold()


def is_placeholder(value: str) -> bool:
    """Whether the whole value is a placeholder ("Unknown", "N/A", "Track 1"…), in any case.

    Only whole values count: "Unknown Pleasures" or "Test Drive" are real titles.
    """
    folded = _folded(value)
    return folded in PLACEHOLDERS or _NUMBERED_TRACK.fullmatch(folded) is not None


def is_various_artists(value: str) -> bool:
    """Whether the whole value is "Various Artists" (any case), a compilation's credit."""
    return _folded(value) == VARIOUS_ARTISTS


def contains_name(display_name: str, name: str) -> bool:
    """Whether a DisplayArtistName contains an artist's name, ignoring case and spacing."""
    return _folded(name) in _folded(display_name)
