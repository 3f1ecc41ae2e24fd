"""The release ZIP would exceed the 50,000 KB ingest limit.

Why it matters:
    API: the ingest takes one ZIP of the ERN and its files of at most 50,000 KB
    (51,200,000 bytes). With an assets folder, the size is that of the ZIP `ddexkit package`
    would write (media stored, the ERN deflated).

Bad:
    A release whose files add up to 52,000,000 bytes.

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
    what = "The ZIP is" if facts.package is not None else "The release ZIP would be"
    yield Finding(at=WHOLE_FILE,
                  message=f"{what} {size:,} bytes, over the ingest limit of 50,000 KB "
                  f"({RELEASE_LIMIT_BYTES:,} bytes)",
                  hint="Deliver smaller files (FLAC instead of WAV, artwork as JPEG), or "
                  "split the release")


RULE = Rule(
    code="AST816",
    severity=Severity.ERROR,
    summary="The release ZIP would exceed the 50,000 KB ingest limit",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
