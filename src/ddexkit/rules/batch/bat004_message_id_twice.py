"""Two messages of the batch have the same MessageId.

Why it matters:
    The MessageId is how the ingest and the sender tell deliveries apart: a second message with
    the same id is taken for a resend of the first and skipped, or refused.

Bad:
    ``a.xml`` and ``b.xml`` both have ``<MessageId>MSG-2024-0001</MessageId>``.

Good:
    Every message the sender writes has its own MessageId.

Source:
    DDEX ERN 3.8.2 MessageHeader/MessageId ("unique within the sender's messages").
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.catalogue import Catalogue, Place
from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.batch._places import as_pairs, listing


def check(catalogue: Catalogue, context: RuleContext) -> Iterator[Finding]:
    by_id: dict[str, list[Place]] = {}
    for facts in catalogue.files:
        if facts.message_id:
            by_id.setdefault(facts.message_id, []).append(
                facts.message_id_place or Place(path=facts.path, line=None))
    for message_id, places in by_id.items():
        if len(places) < 2:
            continue
        yield Finding(
            at=WHOLE_FILE,
            message=f"MessageId {message_id!r} is used by {len(places)} messages: "
            f"{listing(places)}",
            hint="Give every message its own MessageId",
            places=as_pairs(places),
        )


RULE = Rule(
    code="BAT004",
    severity=Severity.ERROR,
    summary="Two messages of the batch have the same MessageId",
    stage=Stage.BATCH,
    check=check,
    doc=__doc__ or "",
)
