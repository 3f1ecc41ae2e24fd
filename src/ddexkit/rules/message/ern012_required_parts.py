"""A part the ingest cannot do without is missing or empty.

Why it matters:
    Without a MessageHeader (MessageId, MessageSender, MessageRecipient,
    MessageCreatedDateTime), a ResourceList, a ReleaseList, a ResourceReference on each
    resource and a ReleaseReference on each release, the ingest cannot identify, route or
    assemble the release. This is checked with or without the XSD; where the XSD reports the
    same absence, this issue replaces the ERN006 one.

Bad:
    <MessageThreadId>NL-2024-0001</MessageThreadId>
    <MessageId></MessageId>

Good:
    <MessageThreadId>NL-2024-0001</MessageThreadId>
    <MessageId>NL-2024-0001-01</MessageId>

Source:
    DDEX ERN 3.8.2 XSD (mandatory elements); distributor API.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Location, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import MISSING


def _missing(at: Location, what: tuple[str, ...], where: str, hint: str) -> Finding:
    """``where`` has no ``what`` (an element, or an element with the child it needs)."""
    return Finding(at=at, message=f"{where} has no {' with a '.join(what)}", hint=hint,
                   missing=what)


def _blank(text: Text | None) -> bool:
    return text is None or not text.stripped


def _header_findings(message: Message) -> Iterator[Finding]:
    header = message.header
    if header is None:
        yield _missing(message.loc, ("MessageHeader",), f"<{message.kind}>",
                       "Add a <MessageHeader> as the first child of the root")
        return
    if _blank(header.message_id):
        at = header.message_id.loc if header.message_id else header.loc
        yield _missing(at, ("MessageId",), "MessageHeader", "Give the message a unique <MessageId>")
    if header.sender is None or not any(p.stripped for p in header.sender.party_ids):
        at = header.sender.loc if header.sender else header.loc
        yield _missing(at, ("MessageSender", "PartyId"), "MessageHeader",
                       "Add <MessageSender><PartyId>your DPID</PartyId></MessageSender>")
    if not any(any(p.stripped for p in r.party_ids) for r in header.recipients):
        at = header.recipients[0].loc if header.recipients else header.loc
        yield _missing(at, ("MessageRecipient", "PartyId"), "MessageHeader",
                       "Add <MessageRecipient><PartyId>the distributor's DPID</PartyId>"
                       "</MessageRecipient>")
    if _blank(header.created):
        at = header.created.loc if header.created else header.loc
        yield _missing(at, ("MessageCreatedDateTime",), "MessageHeader",
                       "Add <MessageCreatedDateTime>2024-05-01T10:00:00Z</MessageCreatedDateTime>")


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    yield from _header_findings(message)
    if message.kind != "NewReleaseMessage":
        return
    if message.resource_list_loc is None:
        yield _missing(message.loc, ("ResourceList",), f"<{message.kind}>",
                       "Add a <ResourceList> with the release's sound recordings and artwork")
    if message.release_list_loc is None:
        yield _missing(message.loc, ("ReleaseList",), f"<{message.kind}>",
                       "Add a <ReleaseList> with the release")
    for resource in message.resources:
        if _blank(resource.reference):
            at = resource.reference.loc if resource.reference else resource.loc
            yield _missing(at, ("ResourceReference",), resource.kind,
                           "Give each resource a <ResourceReference> such as A1")
    for release in message.releases:
        if _blank(release.reference):
            at = release.reference.loc if release.reference else release.loc
            yield _missing(at, ("ReleaseReference",), "Release",
                           "Give each release a <ReleaseReference> such as R0")


RULE = Rule(
    code="ERN012",
    severity=Severity.ERROR,
    summary="A part the ingest cannot do without is missing or empty",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({MISSING}),
    doc=__doc__ or "",
    any_message_kind=True,
)
