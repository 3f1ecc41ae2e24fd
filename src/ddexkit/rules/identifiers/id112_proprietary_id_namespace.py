"""A ProprietaryId's Namespace is not a DPID or DPID: followed by a DPID.

Why it matters:
    A ProprietaryId is only unique within the namespace of the party that issued it. DDEX
    names that party by its DPID (``DPID:PADPIDA…``); a free-text namespace such as a label
    name, or a mistyped DPID, leaves the receiver unable to tell whose identifier it is.

Bad:
    <ProprietaryId Namespace="NorthernLights">NL-IMG-0001</ProprietaryId>

Good:
    <ProprietaryId Namespace="DPID:PADPIDA2014120301L">NL-IMG-0001</ProprietaryId>

Source:
    DDEX ERN 3.8.2 ProprietaryId/@Namespace; DDEX Party Identifier (DPID) standard.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import (
    DPID_NAMESPACE_PREFIX,
    check_dpid,
    dpid_in_namespace,
    is_valid_dpid,
)
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def _sender_dpid(message: Message) -> str | None:
    sender = message.header.sender if message.header is not None else None
    if sender is None:
        return None
    return next((p.stripped for p in sender.party_ids if is_valid_dpid(p.value)), None)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    sender = _sender_dpid(message)
    yours = (f'if the identifier is yours, write Namespace="{DPID_NAMESPACE_PREFIX}{sender}"'
             if sender else "")
    for proprietary in message.indexed("ProprietaryId"):
        namespace = proprietary.attrs.get("Namespace")
        if namespace is None:
            yield Finding(
                at=proprietary.loc,
                message=f"ProprietaryId {proprietary.stripped!r} has no Namespace",
                hint=f"Name the issuer's DPID: {yours}" if yours else
                'Add Namespace="DPID:" followed by the DPID of the party that issued it',
            )
            continue
        dpid = dpid_in_namespace(namespace)
        verdict = check_dpid(dpid if dpid is not None else namespace)
        if verdict.ok:
            continue
        if dpid is not None or namespace.strip().upper().startswith("PADPIDA"):
            written = dpid if dpid is not None else namespace
            fix = (f'Namespace="{DPID_NAMESPACE_PREFIX}{verdict.corrected}"'
                   if verdict.corrected else "the issuer's DPID from the DDEX registry")
            yield Finding(
                at=proprietary.loc,
                message=f"ProprietaryId Namespace {namespace!r}: the DPID {written.strip()!r} "
                f"{verdict.problem}",
                hint=f"Write {fix}",
            )
            continue
        yield Finding(
            at=proprietary.loc,
            message=f"ProprietaryId Namespace {namespace!r} is not a DPID",
            hint="Name the issuer by its DPID, Namespace=\"DPID:PADPIDA…\""
            + (f"; {yours}" if yours else ""),
        )


RULE = Rule(
    code="ID112",
    severity=Severity.WARNING,
    summary="A ProprietaryId's Namespace is not a DPID or DPID: followed by a DPID",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
