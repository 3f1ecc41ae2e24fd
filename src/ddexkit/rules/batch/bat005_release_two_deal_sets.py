"""The same release (UPC) is delivered twice with different deals.

Why it matters:
    A delivery's deals replace the earlier ones. Two messages for one product with different
    deals in one batch leave the store with whichever came last, which is rarely what was meant:
    a territory or a streaming window silently changes.

Bad:
    ``a.xml`` offers UPC 123456789012 worldwide for streaming; ``b.xml`` offers the same product
    in GB only.

Good:
    One delivery per product in a batch, or the same deals in both.

Source:
    DDEX ERN 3.8.2 DealList (an update replaces all earlier deals); distributor API.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.catalogue import Catalogue
from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.batch._places import as_pairs, by_upc, listing, upc_places


def check(catalogue: Catalogue, context: RuleContext) -> Iterator[Finding]:
    for upc, files in by_upc(catalogue).items():
        if len({f.deals for f in files}) < 2:
            continue
        places = upc_places(files)
        yield Finding(
            at=WHOLE_FILE,
            message=f"UPC {upc} is delivered {len(files)} times with different deals: "
            f"{listing(places)}",
            hint="Deliver the product once per batch, or with the same deals each time "
            "(the last delivery's deals replace the others)",
            places=as_pairs(places),
        )


RULE = Rule(
    code="BAT005",
    severity=Severity.WARNING,
    summary="The same release is delivered twice with different deals in the batch",
    stage=Stage.BATCH,
    check=check,
    doc=__doc__ or "",
)
