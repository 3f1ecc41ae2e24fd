"""The message is not a NewReleaseMessage.

Why it matters:
    The release ingest takes NewReleaseMessages only (updates are re-sent NewReleaseMessages;
    takedowns are deals). A PurgeReleaseMessage or CatalogListMessage is checked against the
    XSD and the identifier rules only, and will not be taken by the ingest.

Bad:
    <ern:PurgeReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382" MessageSchemaVersionId="ern/382">

Good:
    <ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382" MessageSchemaVersionId="ern/382"

Source:
    DDEX ERN 3.8.2 message roots; distributor API (release ingest).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

NEW_RELEASE_MESSAGE = "NewReleaseMessage"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    if message.kind != NEW_RELEASE_MESSAGE:
        yield Finding(
            at=message.loc,
            message=f"This is a {message.kind}, which the release ingest does not take",
            hint="Send a NewReleaseMessage; take a release down with a TakeDown deal instead",
        )


RULE = Rule(
    code="ERN011",
    severity=Severity.WARNING,
    summary="The message is not a NewReleaseMessage",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
)
