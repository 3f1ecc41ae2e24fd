"""The file is larger than the ingest limit of 50,000 KB.

Why it matters:
    The release ingest refuses a message over 50,000 KB (51,200,000 bytes, KB = 1,024 bytes)
    (API). ddexkit checks the size before parsing, so an oversized file is not read at all.

Bad:
    a 60 MB NewReleaseMessage (an ERN listing a whole back catalogue)

Good:
    the same catalogue split into one NewReleaseMessage per release

Source:
    Distributor API: release ingest takes at most 50,000 KB.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.safexml import MAX_MESSAGE_BYTES, DocumentFacts


def check(facts: DocumentFacts, context: RuleContext) -> Iterator[Finding]:
    if facts.too_large:
        yield Finding(
            at=WHOLE_FILE,
            message=(
                f"The file is {facts.size:,} bytes, over the ingest limit of "
                f"{MAX_MESSAGE_BYTES:,} bytes (50,000 KB)"
            ),
            hint="Split the delivery into one message per release",
        )


RULE = Rule(
    code="ERN008",
    severity=Severity.ERROR,
    summary="The file is larger than the ingest limit of 50,000 KB",
    stage=Stage.DOCUMENT,
    check=check,
    mandatory=True,
    doc=__doc__ or "",
    any_message_kind=True,
)
