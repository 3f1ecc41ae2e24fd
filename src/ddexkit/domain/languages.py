"""Language tags: ISO 639 language codes and BCP 47 tags (language[-script][-region]...),
checked against pycountry's lists of languages, scripts and regions (``domain.isocodes``)."""

from __future__ import annotations

import re
from functools import cache

from ddexkit.domain import isocodes

_SUBTAG = re.compile(r"^[A-Za-z0-9]{1,8}$")


@cache
def is_iso639(code: str) -> bool:
    """Whether ``code`` is an ISO 639-1 (2 letters) or ISO 639-2/3 (3 letters) language code."""
    lowered = code.lower()
    if not lowered.isascii() or not lowered.isalpha():
        return False
    return len(lowered) in (2, 3) and isocodes.is_language(lowered)


def _is_script(subtag: str) -> bool:
    return len(subtag) == 4 and subtag.isalpha() and isocodes.is_script(subtag)


def _is_region(subtag: str) -> bool:
    if len(subtag) == 2 and subtag.isalpha():
        return isocodes.is_country(subtag)
    return len(subtag) == 3 and subtag.isdigit()  # UN M.49 area, e.g. 419 (Latin America)


def tag_problem(tag: str) -> str | None:
    """Why ``tag`` is not a BCP 47 language tag with an ISO 639 language; None if it is one.

    Accepted: language, then optionally a script (zh-Hant), a region (en-GB, es-419),
    variants and extensions; matching ignores case, as BCP 47 does.
    """
    if not tag.strip():
        return "is empty"
    if tag != tag.strip():
        return "has spaces around it"
    parts = tag.replace("_", "-").split("-")
    if "_" in tag:
        return "uses '_' where BCP 47 uses '-'"
    if not all(_SUBTAG.match(p) for p in parts):
        return "is not made of letter/digit subtags joined by '-'"
    language, rest = parts[0], parts[1:]
    if not is_iso639(language):
        return f"'{language}' is not an ISO 639 language code"
    if rest and len(rest[0]) == 4 and rest[0].isalpha():
        if not _is_script(rest[0]):
            return f"'{rest[0]}' is not an ISO 15924 script"
        rest = rest[1:]
    if rest and (len(rest[0]) == 2 or (len(rest[0]) == 3 and rest[0].isdigit())):
        if not _is_region(rest[0]):
            return f"'{rest[0]}' is not an ISO 3166-1 region"
        rest = rest[1:]
    for subtag in rest:
        if len(subtag) == 1 or len(subtag) >= 5 or subtag[0].isdigit():
            continue  # a variant (1994, fonipa), an extension or private-use singleton
        if len(subtag) in (2, 3, 4):
            return f"'{subtag}' is not a valid subtag in this position"
    return None


def primary_language(tag: str) -> str:
    """The language subtag of a tag, lower case: ``en-GB`` → ``en``."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


@cache
def suggest_language(text: str) -> str | None:
    """The ISO 639-1 code (else 639-3) for a language written by name (``English`` → en),
    or the tag with '_' replaced (``en_GB`` → en-GB); None when nothing fits."""
    value = text.strip()
    if value and "_" in value and tag_problem(value.replace("_", "-")) is None:
        return value.replace("_", "-")
    if value != text and tag_problem(value) is None:
        return value
    import pycountry  # only here: looking a language up by its name needs all of pycountry

    try:
        found = pycountry.languages.lookup(value)
    except LookupError:
        return None
    code: str | None = getattr(found, "alpha_2", None) or getattr(found, "alpha_3", None)
    return code
