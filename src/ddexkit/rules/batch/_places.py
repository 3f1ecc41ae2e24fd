"""Shared by the BAT rules (rules never import each other): how the files involved are named."""

from __future__ import annotations

from collections.abc import Iterable

from ddexkit.catalogue import Place


def listing(places: Iterable[Place]) -> str:
    """``a.xml:12, b.xml:40``: every file involved with the line."""
    return ", ".join(map(str, places))


def as_pairs(places: Iterable[Place]) -> tuple[tuple[str, int | None], ...]:
    return tuple((place.path, place.line) for place in places)
