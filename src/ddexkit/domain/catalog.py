"""The user's snapshot of the platform's lookup lists (genres, subgenres, moods, languages,
price tiers), read from a JSON file. The format is documented in docs/catalog.md.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddexkit.regularfile import read_capped

CATALOG_FORMAT_VERSION = 1


class CatalogError(ValueError):
    """The catalog file cannot be read or does not follow the documented format."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalog:
    """Lookup lists as sets; genre names map to their subgenres. Matching ignores case."""

    genres: Mapping[str, frozenset[str]] = field(default_factory=dict)
    moods: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    price_tiers: frozenset[str] = frozenset()
    source: str | None = None

    def genre_names(self) -> list[str]:
        return sorted(self.genres)

    def find_genre(self, name: str) -> str | None:
        """The catalog's spelling of a genre, matched without regard to case."""
        wanted = name.strip().casefold()
        return next((g for g in self.genres if g.casefold() == wanted), None)

    def has_subgenre(self, genre: str, subgenre: str) -> bool:
        wanted = subgenre.strip().casefold()
        return any(s.casefold() == wanted for s in self.genres.get(genre, ()))

    def has_language(self, code: str) -> bool:
        return code.strip().casefold() in {c.casefold() for c in self.languages}

    def has_price_tier(self, tier: str) -> bool:
        return tier.strip().casefold() in {t.casefold() for t in self.price_tiers}


def _names(value: Any, key: str, where: str) -> list[str]:
    """A list of strings, or of objects whose ``key`` (or "name"/"code") is a string."""
    if not isinstance(value, list):
        raise CatalogError(f"{where}: expected a list")
    names = []
    for position, item in enumerate(value, start=1):
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and isinstance(item.get(key), str):
            names.append(item[key])
        else:
            raise CatalogError(f"{where}[{position}]: expected a string or an object with '{key}'")
    return names


def catalog_from_dict(data: Any, source: str | None = None) -> Catalog:
    where = source or "catalog"
    if not isinstance(data, dict):
        raise CatalogError(f"{where}: the top level must be a JSON object")
    version = data.get("catalog_version", CATALOG_FORMAT_VERSION)
    if version != CATALOG_FORMAT_VERSION:
        raise CatalogError(f"{where}: catalog_version {version!r} is not supported (use 1)")
    genres: dict[str, frozenset[str]] = {}
    raw_genres = data.get("genres", [])
    if not isinstance(raw_genres, list):
        raise CatalogError(f"{where}: 'genres' must be a list")
    for position, genre in enumerate(raw_genres, start=1):
        if isinstance(genre, str):
            genres[genre] = frozenset()
        elif isinstance(genre, dict) and isinstance(genre.get("name"), str):
            subgenres = _names(genre.get("subgenres", []), "name",
                               f"{where}: genres[{position}].subgenres")
            genres[genre["name"]] = frozenset(subgenres)
        else:
            raise CatalogError(f"{where}: genres[{position}] needs a 'name'")
    return Catalog(
        genres=genres,
        moods=frozenset(_names(data.get("moods", []), "name", f"{where}: moods")),
        languages=frozenset(_names(data.get("languages", []), "code", f"{where}: languages")),
        price_tiers=frozenset(
            _names(data.get("price_tiers", []), "code", f"{where}: price_tiers")
        ),
        source=source,
    )


# A platform's lookup lists are a few hundred KB; a larger "catalog" is not one.
MAX_CATALOG_BYTES = 16 * 1024 * 1024


def load_catalog(path: str | Path) -> Catalog:
    """Read a catalog JSON file; raise CatalogError with the file and the fault."""
    path = Path(path)
    try:
        data = json.loads(read_capped(path, MAX_CATALOG_BYTES, "a catalog").decode("utf-8"))
    except OSError as error:
        raise CatalogError(f"{path}: cannot read the catalog ({error.strerror})") from error
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, an int of 5,000 digits
        raise CatalogError(f"{path}: not a JSON file ({error})") from error
    return catalog_from_dict(data, str(path))
