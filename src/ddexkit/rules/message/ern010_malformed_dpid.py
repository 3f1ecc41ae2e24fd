"""A DPID in the MessageHeader or after DPID: in a Namespace is malformed.

Why it matters:
    Messages are routed and accepted by the DPIDs of their sender and recipient, and
    namespaces name the party that issued a value by its DPID. A DPID is ``PADPIDA``, 10
    letters or digits and an ISO/IEC 7064 Mod 37,36 check character (e.g.
    PADPIDA3897722461G); a placeholder or a mistyped one routes the message nowhere.
    A MessageSender/MessageRecipient PartyId is checked unless it says it is something else
    (a Namespace, ``IsDPID="false"`` or ``IsISNI="true"``). A ProprietaryId's Namespace is
    ID112's, which says more about it, so it is not reported twice.

Bad:
    <PartyId>PADPIDA2014120301X</PartyId>

Good:
    <PartyId>PADPIDA2014120301L</PartyId>

Source:
    DDEX Party Identifier (DPID) standard; ISO/IEC 7064 (Mod 37,36); DDEX ERN 3.8.2
    MessagingParty/PartyId.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import check_dpid, dpid_in_namespace
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage


def _is_meant_as_dpid(party_id: Text) -> bool:
    """A header PartyId is a DPID unless its attributes say it is something else."""
    is_dpid = party_id.flag("IsDPID")
    if is_dpid is not None:
        return is_dpid
    if party_id.flag("IsISNI"):
        return False
    namespace = party_id.attrs.get("Namespace")
    return namespace is None or namespace.strip().upper() == "DPID"


def _hint(corrected: str | None) -> str:
    if corrected is not None:
        return f"Write {corrected}"
    return "Use the party's DPID from the DDEX DPID registry: PADPIDA, 10 letters or digits " \
        "and a check character, e.g. PADPIDA3897722461G"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    header = message.header
    if header is not None:
        parties = [("MessageSender", header.sender)] if header.sender else []
        parties += [("MessageRecipient", r) for r in header.recipients]
        for role, party in parties:
            assert party is not None
            for party_id in party.party_ids:
                if not party_id.stripped or not _is_meant_as_dpid(party_id):
                    continue  # an empty PartyId is ERN012's
                verdict = check_dpid(party_id.value)
                if not verdict.ok:
                    yield Finding(
                        at=party_id.loc,
                        message=f"{role} PartyId {party_id.stripped!r} is not a valid DPID: "
                        f"it {verdict.problem}",
                        hint=_hint(verdict.corrected),
                    )
    proprietary = {id(p.loc.element) for p in message.indexed("ProprietaryId")}
    for namespace in message.indexed("@Namespace"):
        dpid = dpid_in_namespace(namespace.value)
        if dpid is None or id(namespace.loc.element) in proprietary:
            continue
        verdict = check_dpid(dpid)
        if verdict.ok:
            continue
        fix = f"DPID:{verdict.corrected}" if verdict.corrected else None
        yield Finding(
            at=namespace.loc,
            message=f"Namespace {namespace.value!r} names a DPID that {verdict.problem}",
            hint=f'Write Namespace="{fix}"' if fix else _hint(None),
        )


RULE = Rule(
    code="ERN010",
    severity=Severity.WARNING,
    summary="A DPID in the MessageHeader or after DPID: in a Namespace is malformed",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
    indexes=frozenset({"ProprietaryId", "@Namespace"}),
)
