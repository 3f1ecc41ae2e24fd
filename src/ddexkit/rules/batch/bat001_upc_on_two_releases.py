"""The same UPC (ICPN) names two different releases in the batch.

Why it matters:
    The ingest keys a product by its UPC. Two messages giving one UPC to releases with different
    titles or different tracks make the second overwrite the first, or be refused as a conflict,
    and sales reports mix the two. A UPC belongs to one product for good, even across a
    catalogue migration.

Bad:
    ``a.xml`` and ``b.xml`` both carry ``<ICPN>123456789012</ICPN>``, one for the album "Harbour
    Lights", the other for "Northern Lights" — two products under one barcode.

Good:
    Each product has its own UPC; the same release delivered again (same title, same ISRCs) may
    keep it.

Source:
    GS1 General Specifications (one GTIN per trade item); distributor API (one product per UPC).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.catalogue import Catalogue, FileFacts
from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.batch._places import as_pairs, by_upc, listing, upc_places


def _product(facts: FileFacts) -> tuple[str | None, frozenset[str]]:
    """What makes two deliveries the same release: its title and its ISRCs."""
    return facts.release_title, frozenset(t.isrc for t in facts.tracks)


def check(catalogue: Catalogue, context: RuleContext) -> Iterator[Finding]:
    for upc, files in by_upc(catalogue).items():
        products = {_product(f) for f in files}
        if len(products) < 2:
            continue
        places = upc_places(files)
        titles = sorted({repr(f.release_title) for f in files})
        yield Finding(
            at=WHOLE_FILE,
            message=f"UPC {upc} names {len(products)} different releases ({', '.join(titles)})"
            f": {listing(places)}",
            hint="Give each product its own UPC; deliver the same release again only with "
            "the same title and tracks",
            places=as_pairs(places),
        )


RULE = Rule(
    code="BAT001",
    severity=Severity.ERROR,
    summary="The same UPC names two different releases in the batch",
    stage=Stage.BATCH,
    check=check,
    doc=__doc__ or "",
)
