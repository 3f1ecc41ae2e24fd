"""Shared by the BAT rules (rules never import each other): how the files involved are named."""

from __future__ import annotations

from collections.abc import Iterable

from ddexkit.catalogue import Catalogue, FileFacts, Place
from ddexkit.domain.identifiers import icpn_key


def listing(places: Iterable[Place]) -> str:
    """``a.xml:12, b.xml:40``: every file involved with the line."""
    return ", ".join(map(str, places))


def as_pairs(places: Iterable[Place]) -> tuple[tuple[str, int | None], ...]:
    return tuple((place.path, place.line) for place in places)


def by_upc(catalogue: Catalogue) -> dict[str, list[FileFacts]]:
    """The files of the batch by their main release's UPC (files without one left out), as
    the first file writes it. A UPC-A and the EAN-13 that writes it with a leading 0 are one
    GTIN (``icpn_key``), so one product whichever form a file uses."""
    found: dict[str, list[FileFacts]] = {}
    shown: dict[str, str] = {}
    for facts in catalogue.files:
        if facts.icpn:
            key = icpn_key(facts.icpn)
            found.setdefault(shown.setdefault(key, facts.icpn), []).append(facts)
    return found


def upc_places(files: Iterable[FileFacts]) -> list[Place]:
    """Where each file writes its UPC."""
    return [f.icpn_place or Place(path=f.path, line=None) for f in files]
