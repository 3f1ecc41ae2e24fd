"""Hint helpers the REF rules share: the closest existing reference, a short listing of the
existing ones, free references to suggest, and what a release delivers. Private to the
family (rules never import each other); each helper is built once per message or release so
the checks stay linear."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

from ddexkit.model import Release, Resource

# difflib compares a wrong reference with every candidate; beyond this many candidates only
# the cheap case/space-insensitive match is tried, so a message full of wrong references
# cannot make a check quadratic.
_FUZZY_LIMIT = 64
_LISTED = 8
_NUMBERED = re.compile(r"^([A-Za-z_-]*?)(\d+)$")


def _folded(value: str) -> str:
    return "".join(value.split()).casefold()


class References:
    """The references that exist (in document order, without repeats), for hints."""

    def __init__(self, references: Iterable[str]) -> None:
        self.values = list(dict.fromkeys(r for r in references if r))
        self._by_folded: dict[str, str] = {}
        for value in self.values:
            self._by_folded.setdefault(_folded(value), value)

    def closest(self, wrong: str) -> str | None:
        """The existing reference that ``wrong`` most likely meant, if any."""
        same = self._by_folded.get(_folded(wrong))
        if same is not None:
            return same
        if len(self.values) > _FUZZY_LIMIT or not wrong.strip():
            return None
        near = difflib.get_close_matches(wrong.strip(), self.values, n=1, cutoff=0.6)
        return near[0] if near else None

    def listing(self) -> str:
        """'A1, A2, A3' or 'A1, A2, … A120 (120 in all)'."""
        if len(self.values) <= _LISTED:
            return ", ".join(self.values)
        shown = ", ".join(self.values[: _LISTED - 1])
        return f"{shown}, … {self.values[-1]} ({len(self.values)} in all)"

    def hint(self, wrong: str, what: str, where: str) -> str:
        """'Did you mean A3? The ResourceList has A1, A2, A3' or how to fix an empty list."""
        if not self.values:
            return f"The {where} has no {what} with a reference: add it, or remove this reference"
        meant = self.closest(wrong)
        known = f"the {where} has {self.listing()}"
        if meant is not None and meant != wrong:
            return f"Did you mean {meant}? {known[0].upper()}{known[1:]}"
        return f"Write the reference of an existing {what}: {known}"


class FreeReferences:
    """Unused references of the form ``prefix`` + number, after the highest in use (A5 after
    A1…A4), each handed out once."""

    def __init__(self, prefix: str, used: Iterable[str]) -> None:
        self._prefix = prefix
        self._last = 0
        for value in used:
            match = _NUMBERED.match(value)
            if match and match.group(1) == prefix and len(match.group(2)) <= 18:
                self._last = max(self._last, int(match.group(2)))

    def take(self) -> str:
        self._last += 1
        return f"{self._prefix}{self._last}"


def unknown_references(release: Release, resources: Mapping[str, Resource]) -> list[str]:
    """The references a release writes that name no resource (REF201's), each once, as
    written (an empty one as ``''``)."""
    return list(dict.fromkeys(
        text.stripped or "''" for text in release.iter_reference_texts()
        if not text.stripped or text.stripped not in resources))
