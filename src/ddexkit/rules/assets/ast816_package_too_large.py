"""A single-ZIP delivery would exceed the 50,000 KB ingest limit.

Why it matters:
    API: the ingest takes one ZIP of the ERN and its files of at most 50,000 KB
    (51,200,000 bytes). By default a release that does not fit is split by the delivery plan
    (release ZIP, artwork, audio in parts; docs/delivery-plan.md) and this rule is silent. It
    speaks when a single ZIP was asked for (``package --single-zip``, ``single-zip = true``)
    and for a ZIP given to validate, which is a single-ZIP delivery already. With an assets
    folder, the size is that of the ZIP `ddexkit package` would write (media stored, the ERN
    deflated).

Bad:
    A release whose files add up to 52,000,000 bytes, packaged with --single-zip.

Good:
    A release ZIP of at most 51,200,000 bytes.

Source:
    Distributor API (release ZIP at most 50,000 KB).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.limits import RELEASE_LIMIT_BYTES
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    size = facts.package_size
    if size is None or size <= RELEASE_LIMIT_BYTES:
        return
    if facts.package is None and not context.options.single_zip:
        return  # the delivery plan splits it
    what = "The ZIP is" if facts.package is not None else "The release ZIP would be"
    yield Finding(at=WHOLE_FILE,
                  message=f"{what} {size:,} bytes, over the ingest limit of 50,000 KB "
                  f"({RELEASE_LIMIT_BYTES:,} bytes)",
                  hint="Deliver it without --single-zip (ddexkit package writes a delivery "
                  "plan), or deliver smaller files (FLAC instead of WAV, artwork as JPEG)")


RULE = Rule(
    code="AST816",
    severity=Severity.ERROR,
    summary="A single-ZIP delivery would exceed the 50,000 KB ingest limit",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
