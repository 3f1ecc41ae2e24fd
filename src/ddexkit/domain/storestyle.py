"""The stores' style guides as vocabularies: what a title's trailing qualifiers say (a version,
an explicit-content label, a marketing or format term), compound and generic artist names.

Pure string helpers shared by the store style rules (TXT311–TXT315, ROL609, ROL610); they
never look at the message. The word lists are module constants, so that a reader sees at
once what counts.
"""

from __future__ import annotations

import enum
import re

# A qualifier closes a title: "(Live)", "[Radio Edit]", or what follows the last " - "
# ("Harbour Walls - Acoustic"). Only trailing ones count: "(Love Is Like A) Heat Wave" opens
# with a bracket that is part of the title.
_TRAILING_BRACKET = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")
_DASH = " - "

# Labels of the explicit-content flag written into a title: stores show their own badge.
_EXPLICIT_LABEL = re.compile(
    r"(?:explicit|clean|edited|censored|uncensored|dirty)(?:\s+(?:version|edit|lyrics))?",
    re.IGNORECASE,
)
# Version information: belongs in SubTitle, the store's version field.
_VERSION_WORD = re.compile(
    r"\b(?:remix(?:es|ed)?|mix|live|acoustic|remaster(?:ed)?|edit|instrumental|demo|unplugged"
    r"|version|extended|a\s?cappella|acapella|karaoke|re-?recorded|mono|stereo|dub|slowed"
    r"|sped\s+up)\b",
    re.IGNORECASE,
)
# Marketing and format terms: true for a while or of one medium, never of the recording.
# Anywhere in a title these say nothing about the music ("Ringtone" is a product of its own):
_MARKETING_ANYWHERE = re.compile(
    r"\b(?:exclusive|limited\s+edition|free\s+download|ringtone|official\s+(?:music\s+)?"
    r"(?:video|audio)|digital\s+(?:single|version|edition|download|release|album))\b",
    re.IGNORECASE,
)
# In a trailing qualifier only (as words of a title they may be the title's own: "Single
# Ladies", "Vinyl Days"):
_MARKETING_QUALIFIER = re.compile(
    r"\b(?:official|hd|hq|4k|cd|vinyl|mp3|single|ep|album\s+version|original\s+(?:mix|version))"
    r"\b",
    re.IGNORECASE,
)


class Qualifier(enum.StrEnum):
    """What a trailing qualifier of a title says, as the store style rules tell them apart."""

    EXPLICIT = "explicit-content label"
    MARKETING = "marketing or format term"
    VERSION = "version information"


def trailing_qualifiers(title: str) -> tuple[str, ...]:
    """The qualifiers that close ``title``, innermost last: "Song (X Remix) [Radio Edit]"
    gives ("X Remix", "Radio Edit"); "Song - Live at Leeds" gives ("Live at Leeds",)."""
    found: list[str] = []
    rest = title.strip()
    while (match := _TRAILING_BRACKET.search(rest)) is not None and match.start() > 0:
        found.append(match.group(1).strip())
        rest = rest[: match.start()]
    if _DASH in rest:
        found.append(rest.rsplit(_DASH, 1)[1].strip())
    return tuple(reversed([q for q in found if q]))


def qualifier_kind(qualifier: str) -> Qualifier | None:
    """What a qualifier says, or None (a featured credit, a subtitle of the work…).

    An explicit-content label is told first ("Clean Version" is a label, not a version),
    then marketing terms ("Album Version", "Official"), then version words."""
    if _EXPLICIT_LABEL.fullmatch(qualifier.strip()):
        return Qualifier.EXPLICIT
    if _MARKETING_ANYWHERE.search(qualifier) or _MARKETING_QUALIFIER.search(qualifier):
        return Qualifier.MARKETING
    if _VERSION_WORD.search(qualifier):
        return Qualifier.VERSION
    return None


def qualifiers_of_kind(title: str, kind: Qualifier) -> tuple[str, ...]:
    """The trailing qualifiers of ``title`` that say ``kind``."""
    return tuple(q for q in trailing_qualifiers(title) if qualifier_kind(q) is kind)


def without_qualifiers(title: str, drop: tuple[str, ...]) -> str:
    """The title with the trailing qualifiers in ``drop`` removed (brackets and dash too)."""
    rest = title.strip()
    kept: list[str] = []
    while (match := _TRAILING_BRACKET.search(rest)) is not None and match.start() > 0:
        if match.group(1).strip() not in drop:
            kept.append(match.group(0).strip())
        rest = rest[: match.start()]
    if _DASH in rest and rest.rsplit(_DASH, 1)[1].strip() in drop:
        rest = rest.rsplit(_DASH, 1)[0]
    return " ".join([rest.strip(), *reversed(kept)]).strip()


_EMPTY_BRACKETS = re.compile(r"\s*(?:\(\s*\)|\[\s*\])")
_LOOSE_DASH = re.compile(r"(?:\s+-)+\s*$|^\s*(?:-\s+)+")


_TERM_WORD = re.compile(r"\w+")


class OwnTerms:
    """A profile's own marketing terms (TXT311), indexed once by the first word of each: a
    title looks only at the terms its own words could start, so its cost does not grow with
    the list (one pattern of every term, built for each title, did)."""

    __slots__ = ("_by_word", "_wordless")

    def __init__(self, terms: tuple[str, ...]) -> None:
        self._by_word: dict[str, list[tuple[int, str]]] = {}
        self._wordless: list[tuple[int, str]] = []  # "★": no word to look it up by
        for order, term in enumerate(terms):
            first = _TERM_WORD.search(term)
            if first is None:
                self._wordless.append((order, term))
            else:
                self._by_word.setdefault(first.group(0).casefold(), []).append((order, term))

    def pattern(self, text: str) -> re.Pattern[str] | None:
        """The terms that may occur in ``text`` as one pattern of whole words, any case, in
        the list's order (the first listed wins where two start at one place), or None."""
        words = {word.casefold() for word in _TERM_WORD.findall(text)}
        found = {entry for word in words for entry in self._by_word.get(word, ())}
        found.update(self._wordless)
        if not found:
            return None
        return re.compile(r"\b(?:" + "|".join(re.escape(t) for _, t in sorted(found)) + r")\b",
                          re.IGNORECASE)


def marketing_terms(title: str, extra: OwnTerms | None = None) -> tuple[str, ...]:
    """The marketing and format terms of a title: its marketing qualifiers, then the terms
    that count anywhere in the rest ("Exclusive Harbour Walls"), then ``extra`` (a
    profile's own terms) anywhere in the rest."""
    qualifiers = qualifiers_of_kind(title, Qualifier.MARKETING)
    rest = without_qualifiers(title, qualifiers)
    found = (*qualifiers, *(m.group(0) for m in _MARKETING_ANYWHERE.finditer(rest)))
    if extra is None:
        return found
    rest = _MARKETING_ANYWHERE.sub("", rest)
    own = extra.pattern(rest)
    return found if own is None else (*found, *(m.group(0) for m in own.finditer(rest)))


def without_marketing(title: str, extra: OwnTerms | None = None) -> str:
    """The title with its marketing and format terms (and ``extra``) removed, empty brackets
    and loose dashes tidied away."""
    rest = _MARKETING_ANYWHERE.sub(
        "", without_qualifiers(title, qualifiers_of_kind(title, Qualifier.MARKETING)))
    own = extra.pattern(rest) if extra is not None else None
    if own is not None:
        rest = own.sub("", rest)
    rest = _LOOSE_DASH.sub("", _EMPTY_BRACKETS.sub("", rest))
    return " ".join(rest.split())


# --- artist names -------------------------------------------------------------------------

# Two acts in one name: "A & B", "A x B", "A, B", "A feat. B", "A vs. B", "A + B", "A / B".
_JOINER = re.compile(
    r"\s+(?:&|\+|/|(?-i:x)|vs\.?|feat\.?|ft\.?|featuring)\s+|\s*,\s+", re.IGNORECASE
)
# What follows "&" in one act's own name: "Hootie & the Blowfish", "Duke Ellington & his
# Orchestra".
_OWN_ENSEMBLE = re.compile(r"(?:the|his|her|their)\b", re.IGNORECASE)

# Words that describe a kind of music, a mood or a use rather than name anyone: a name made
# of these only ("Sleep Music", "Top Hits", "Relaxing Piano Music") is a search term.
GENERIC_ARTIST_WORDS = frozenset({
    "acoustic", "ambient", "baby", "background", "beats", "best", "calm", "calming", "chill",
    "chillout", "christmas", "classical", "collection", "dance", "deep", "essential", "fitness",
    "focus", "greatest", "gym", "healing", "hit", "hits", "holiday", "instrumental", "jazz",
    "kids", "lofi", "lo-fi", "lullabies", "lullaby", "meditation", "music", "nature", "noise",
    "party", "peaceful", "piano", "playlist", "rain", "relax", "relaxation", "relaxing",
    "sleep", "sleeping", "song", "songs", "sound", "sounds", "spa", "study", "studying",
    "top", "ultimate", "white", "workout", "xmas", "yoga",
    # the small words between them ("Music for Sleep", "Best of Jazz")
    "and", "for", "of", "the", "to", "&",
})
_WORD = re.compile(r"[\w&'-]+")


def compound_parts(name: str) -> tuple[str, ...]:
    """The acts a name joins ("Aurora Vale & Sam Okafor" → both), or () for one act's name.

    A part after the joiner that opens with "the", "his", "her" or "their" is the act's own
    ensemble ("Hootie & the Blowfish"), so the name is one act's."""
    parts = _JOINER.split(name.strip())
    if len(parts) < 2 or any(not p.strip() for p in parts):
        return ()
    if any(_OWN_ENSEMBLE.match(p.strip()) for p in parts[1:]):
        return ()
    return tuple(p.strip() for p in parts)


def is_artist_word(text: str) -> bool:
    """Whether ``text`` is one word as ``is_generic_artist_name`` cuts a name into words (an
    entry of more, "deep house", could never be one of them)."""
    return _WORD.fullmatch(text) is not None


def is_generic_artist_name(name: str, own: frozenset[str] = frozenset()) -> bool:
    """Whether a name of two words or more is made only of generic words (any case), those
    of ``GENERIC_ARTIST_WORDS`` or ``own`` (a profile's own, casefolded once by the caller:
    folding the list for each name made its cost grow with names times words)."""
    words = [w.casefold() for w in _WORD.findall(name)]
    return len(words) >= 2 and all(w in GENERIC_ARTIST_WORDS or w in own for w in words)
