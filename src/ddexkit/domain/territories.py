"""Territory codes as ERN uses them: ISO 3166-1 alpha-2, ``Worldwide``, and the rest of DDEX's set.

DDEX's territory codes are ISO 3166-1 alpha-2 codes (via pycountry), ``Worldwide``, Kosovo's
``XK``, three Spanish ISO 3166-2 areas, CISAC TIS numeric codes (countries and groups such as
2136 World) and withdrawn ISO 3166-3 codes (DDEX lists their four-letter forms, YUCS, and a few
two-letter ones, CS and AN). The distributor asks for ISO 3166-1 alpha-2 (or Worldwide), so
the helpers tell those apart and suggest the code a sender most likely meant.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ddexkit.domain import isocodes

WORLDWIDE = "Worldwide"


class TerritoryKind(enum.Enum):
    """What a territory code is, from the distributor's point of view."""

    ISO = "iso"  # a current ISO 3166-1 alpha-2 code
    WORLDWIDE = "worldwide"
    TIS = "tis"  # a CISAC TIS numeric code: a country or a group of territories
    WITHDRAWN = "withdrawn"  # an ISO 3166-3 code of a country that no longer exists
    DDEX_ONLY = "ddex"  # another code DDEX allows (XK, ES-CN…)
    UNKNOWN = "unknown"


# CISAC TIS country codes (TIS numbers follow ISO 3166-1 numeric, plus former countries).
_TIS_COUNTRIES = frozenset({
    4, 8, 12, 20, 24, 28, 31, 32, 36, 40, 44, 48, 50, 51, 52, 56, 64, 68, 70, 72, 76, 84, 90,
    96, 100, 104, 108, 112, 116, 120, 124, 132, 140, 144, 148, 152, 156, 158, 170, 174, 178,
    180, 188, 191, 192, 196, 200, 203, 204, 208, 212, 214, 218, 222, 226, 230, 231, 232, 233,
    242, 246, 250, 258, 262, 266, 268, 270, 276, 278, 280, 288, 296, 300, 308, 320, 324, 328,
    332, 336, 340, 344, 348, 352, 356, 360, 364, 368, 372, 376, 380, 384, 388, 392, 398, 400,
    404, 408, 410, 414, 417, 418, 422, 426, 428, 430, 434, 438, 440, 442, 450, 454, 458, 462,
    466, 470, 478, 480, 484, 492, 496, 498, 499, 504, 508, 512, 516, 520, 524, 528, 540, 548,
    554, 558, 562, 566, 578, 583, 584, 585, 586, 591, 598, 600, 604, 608, 616, 620, 624, 626,
    630, 634, 642, 643, 646, 659, 662, 670, 674, 678, 682, 686, 688, 690, 694, 702, 703, 704,
    705, 706, 710, 716, 720, 724, 728, 729, 732, 736, 740, 748, 752, 756, 760, 762, 764, 768,
    776, 780, 784, 788, 792, 795, 798, 800, 804, 807, 810, 818, 826, 834, 840, 854, 858, 860,
    862, 882, 886, 887, 890, 891, 894,
})  # fmt: skip
# TIS numbers of former countries that ISO 3166 numbers differently or not at all.
_TIS_FORMER_NAMES = {
    230: "Ethiopia (before 1993)",
    280: "Germany (before 1990)",
    736: "Sudan (before 2011)",
    886: "Yemen (before 1990)",
    890: "Yugoslavia",
}
# CISAC TIS territory groups.
_TIS_GROUPS = {
    2100: "Africa", 2101: "America", 2102: "American Continent", 2103: "Antilles",
    2104: "APEC Countries", 2105: "ASEAN Countries", 2106: "Asia", 2107: "Australasia",
    2108: "Balkans", 2109: "Baltic States", 2110: "Benelux", 2111: "British Isles",
    2112: "British West Indies", 2113: "Central America", 2114: "Commonwealth",
    2115: "Commonwealth African Territories", 2116: "Commonwealth Asian Territories",
    2117: "Commonwealth Australasian Territories", 2118: "Commonwealth of Independent States",
    2119: "Eastern Europe", 2120: "Europe", 2121: "European Economic Area",
    2122: "European Continent", 2123: "European Union", 2124: "GSA Countries",
    2125: "Middle East", 2126: "NAFTA Countries", 2127: "Nordic Countries",
    2128: "North Africa", 2129: "North America", 2130: "Oceania", 2131: "Scandinavia",
    2132: "South America", 2133: "South East Asia", 2134: "West Indies", 2136: "World",
}  # fmt: skip
TIS_WORLD = "2136"
# Codes DDEX allows beyond ISO 3166-1, TIS and ISO 3166-3.
_DDEX_ONLY = {"XK": "Kosovo", "ES-CN": "Canary Islands", "ES-CE": "Ceuta", "ES-ML": "Melilla"}
# Codes senders write that are not territory codes at all, with what they mean.
_KNOWN_MISTAKES = {
    "UK": "GB",
    "EL": "GR",
    "WW": WORLDWIDE,
    "WORLD": WORLDWIDE,
    "ALL": WORLDWIDE,
    "WORLDWIDE": WORLDWIDE,
    "GLOBAL": WORLDWIDE,
    "ROW": WORLDWIDE,
}


@dataclass(frozen=True, slots=True)
class Territory:
    """A code judged: what kind it is, what it names, and the ISO code to use instead if any."""

    code: str
    kind: TerritoryKind
    name: str | None = None
    replacement: str | None = None


def _pycountry() -> Any:
    """pycountry, imported only for codes outside ISO 3166-1 (TIS, withdrawn, suggestions)."""
    import pycountry

    return pycountry


@cache
def _iso_alpha2() -> frozenset[str]:
    return frozenset(isocodes.country_names())


@cache
def _withdrawn() -> dict[str, tuple[str, str | None]]:
    """Withdrawn code (alpha-2 no longer in use, or alpha-4) → (name, successor alpha-2)."""
    found: dict[str, tuple[str, str | None]] = {}
    current = _iso_alpha2()
    for country in _pycountry().historic_countries:
        alpha4 = getattr(country, "alpha_4", "")
        successor = alpha4[2:] if alpha4[2:] in current else None
        found[alpha4] = (country.name, successor)
        if country.alpha_2 not in current:
            found.setdefault(country.alpha_2, (country.name, successor))
    return found


def is_iso_alpha2(code: str) -> bool:
    """Whether ``code`` is a current ISO 3166-1 alpha-2 code, exactly as written (upper case)."""
    return code in _iso_alpha2()


def is_world(code: str) -> bool:
    """Whether ``code`` means the whole world (``Worldwide`` or TIS 2136)."""
    return code.strip() in (WORLDWIDE, TIS_WORLD)


def _country_name(alpha2: str) -> str | None:
    return isocodes.country_names().get(alpha2)


def _tis(number: int) -> Territory | None:
    code = str(number)
    if number in _TIS_GROUPS:
        replacement = WORLDWIDE if code == TIS_WORLD else None
        return Territory(code, TerritoryKind.TIS, f"TIS group {_TIS_GROUPS[number]}", replacement)
    if number not in _TIS_COUNTRIES:
        return None
    if number in _TIS_FORMER_NAMES:
        return Territory(code, TerritoryKind.TIS, _TIS_FORMER_NAMES[number])
    numeric = f"{number:03d}"
    current = _pycountry().countries.get(numeric=numeric)
    if current is not None:
        return Territory(code, TerritoryKind.TIS, current.name, current.alpha_2)
    former = _pycountry().historic_countries.get(numeric=numeric)
    return Territory(code, TerritoryKind.TIS, getattr(former, "name", None))


@lru_cache(maxsize=1024)  # four TER rules classify every code; a message has few distinct ones
def classify(code: str) -> Territory:
    """What ``code`` is as written (no case folding, no trimming: ERN's codes are exact)."""
    if code == WORLDWIDE:
        return Territory(code, TerritoryKind.WORLDWIDE, "Worldwide")
    if is_iso_alpha2(code):
        return Territory(code, TerritoryKind.ISO, _country_name(code), code)
    if code in _DDEX_ONLY:
        return Territory(code, TerritoryKind.DDEX_ONLY, _DDEX_ONLY[code])
    if code.isascii() and code.isdigit() and not code.startswith("0"):
        found = _tis(int(code))
        if found is not None:
            return found
    if code in _withdrawn():
        name, successor = _withdrawn()[code]
        return Territory(code, TerritoryKind.WITHDRAWN, name, successor)
    return Territory(code, TerritoryKind.UNKNOWN)


def is_ddex_territory(code: str) -> bool:
    """Whether DDEX allows ``code`` at all (ISO, Worldwide, TIS, withdrawn or DDEX's own)."""
    return classify(code).kind is not TerritoryKind.UNKNOWN


def suggest(code: str) -> str | None:
    """The territory code a sender most likely meant by an unknown ``code``, or None.

    ``UK`` → GB, ``us`` → US, ``worldwide`` → Worldwide, ``USA`` → US, ``Germany`` → DE,
    ``036`` → AU, `` FR `` → FR.
    """
    value = code.strip()
    if not value:
        return None
    if classify(value).kind is not TerritoryKind.UNKNOWN:
        return value
    upper = value.upper()
    if upper in _KNOWN_MISTAKES:
        return _KNOWN_MISTAKES[upper]
    if classify(upper).kind is not TerritoryKind.UNKNOWN:
        return upper
    if value.isascii() and value.isdigit():
        return (
            str(int(value)) if classify(str(int(value))).kind is not TerritoryKind.UNKNOWN else None
        )
    try:
        country = _pycountry().countries.lookup(value)
    except LookupError:
        return None
    return str(country.alpha_2)


def territory_key(code: str) -> str:
    """The code two list entries share when they name the same territory (``us`` and US)."""
    value = code.strip()
    meant = suggest(value)
    return meant if meant is not None and meant.upper() == value.upper() else value
