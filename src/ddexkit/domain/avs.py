"""DDEX allowed-value sets (AVS 2016-10-06, the one ERN 3.8.2 uses), held as data.

The values come from the official ``avs_20161006.xsd`` through tools/extract_avs.py and live
in ``ddexkit/data/avs_<SetName>.json``; the licensed schema itself is never shipped.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

# The package's data folder (a plain path: importlib.resources costs 15 ms to import).
_DATA_DIR = Path(__file__).resolve().parents[1] / "data"

# The AVS set behind each *Role element (IndirectResourceContributorRole is typed as
# MusicalWorkContributorRole in ERN 3.8.2).
ROLE_ELEMENT_SETS = {
    "ArtistRole": "ArtistRole",
    "ResourceContributorRole": "ResourceContributorRole",
    "IndirectResourceContributorRole": "MusicalWorkContributorRole",
}

# Words people write for a role, and the DDEX value they mean (keys are case-folded).
ROLE_SYNONYMS = {
    "writer": "ComposerLyricist",
    "songwriter": "ComposerLyricist",
    "composer/lyricist": "ComposerLyricist",
    "composerandlyricist": "ComposerLyricist",
    "lyrics": "Lyricist",
    "lyricwriter": "Lyricist",
    "music": "Composer",
    "primary": "MainArtist",
    "primaryartist": "MainArtist",
    "main": "MainArtist",
    "artist": "MainArtist",
    "featured": "FeaturedArtist",
    "featuring": "FeaturedArtist",
    "feat": "FeaturedArtist",
    "feat.": "FeaturedArtist",
    "ft": "FeaturedArtist",
    "ft.": "FeaturedArtist",
    "engineer": "StudioPersonnel",
    "mixer": "StudioPersonnel",
    "mixingengineer": "StudioPersonnel",
    "masteringengineer": "StudioPersonnel",
    "publisher": "MusicPublisher",
    "performer": "AssociatedPerformer",
}


@cache
def allowed_values(set_name: str) -> tuple[str, ...]:
    """The values of one AVS set, in the standard's order; KeyError for a set we do not hold."""
    try:
        text = (_DATA_DIR / f"avs_{set_name}.json").read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise KeyError(set_name) from error
    values: list[str] = json.loads(text)["values"]
    return tuple(values)


@cache
def allowed_set(set_name: str) -> frozenset[str]:
    return frozenset(allowed_values(set_name))


def is_allowed(set_name: str, value: str) -> bool:
    return value in allowed_set(set_name)


def _compact(value: str) -> str:
    return value.strip().casefold().replace(" ", "").replace("_", "").replace("-", "")


def synonym_for(value: str) -> str | None:
    """The DDEX role a common word stands for (``Writer`` → ComposerLyricist), if known."""
    return ROLE_SYNONYMS.get(_compact(value)) or ROLE_SYNONYMS.get(value.strip().casefold())


def closest_value(set_name: str, value: str) -> str | None:
    """The allowed value the writer most likely meant: same letters in another case first,
    then a known synonym (``Writer`` → ComposerLyricist), then the nearest spelling.

    A synonym whose value this set lacks gives None rather than a look-alike that means
    something else (``Writer`` is no ``Painter``).
    """
    values = allowed_values(set_name)
    compact = _compact(value)
    for candidate in values:
        if candidate.casefold() == compact:
            return candidate
    synonym = synonym_for(value)
    if synonym is not None:
        return synonym if synonym in values else None
    folded = {v.casefold(): v for v in values}
    import difflib  # only to suggest a value

    near = difflib.get_close_matches(compact, list(folded), n=1, cutoff=0.6)
    return folded[near[0]] if near else None
