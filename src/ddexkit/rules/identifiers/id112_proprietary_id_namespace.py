"""A ProprietaryId's Namespace is not a DPID, DPID: followed by a DPID, or a partner namespace.

Why it matters:
    A ProprietaryId is only unique within the namespace of the party that issued it. DDEX
    names that party by its DPID (``DPID:PADPIDA…``); a free-text namespace such as a label
    name, or a mistyped DPID, leaves the receiver unable to tell whose identifier it is.
    Some partners document a namespace of their own instead (YouTube's ``YOUTUBE:…``, e.g.
    ``YOUTUBE:CHANNEL_ID``); those are accepted, and more prefixes can be named with
    ``partner-namespaces`` in the configuration. A feed writes the same namespace on every
    id it issues, so each distinct bad value is reported once, at its first place, with the
    number of places it is used in.

Bad:
    <ProprietaryId Namespace="NorthernLights">NL-IMG-0001</ProprietaryId>

Good:
    <ProprietaryId Namespace="DPID:PADPIDA2014120301L">NL-IMG-0001</ProprietaryId>

Source:
    DDEX ERN 3.8.2 ProprietaryId/@Namespace; DDEX Party Identifier (DPID) standard; partner
    delivery specifications (YouTube).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import (
    DPID_NAMESPACE_PREFIX,
    check_dpid,
    dpid_in_namespace,
    is_partner_namespace,
    is_valid_dpid,
)
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage

_PARTNER_HINT = ("for a partner's own namespace, add its prefix to partner-namespaces in the "
                 "ddexkit configuration")


def _sender_dpid(message: Message) -> str | None:
    sender = message.header.sender if message.header is not None else None
    if sender is None:
        return None
    return next((p.stripped for p in sender.party_ids if is_valid_dpid(p.value)), None)


def _places(count: int) -> str:
    return f"(used in {count} place{'s' if count != 1 else ''})"


def _bad_namespace(namespace: str, first: Text, count: int, yours: str) -> Finding | None:
    dpid = dpid_in_namespace(namespace)
    verdict = check_dpid(dpid if dpid is not None else namespace)
    if verdict.ok:
        return None
    if dpid is not None or namespace.strip().upper().startswith("PADPIDA"):
        written = dpid if dpid is not None else namespace
        fix = (f'Namespace="{DPID_NAMESPACE_PREFIX}{verdict.corrected}"'
               if verdict.corrected else "the issuer's DPID from the DDEX registry")
        return Finding(
            at=first.loc,
            message=f"ProprietaryId Namespace {namespace!r}: the DPID {written.strip()!r} "
            f"{verdict.problem} {_places(count)}",
            hint=f"Write {fix}",
        )
    return Finding(
        at=first.loc,
        message=f"ProprietaryId Namespace {namespace!r} is not a DPID {_places(count)}",
        hint="Name the issuer by its DPID, Namespace=\"DPID:PADPIDA…\""
        + (f"; {yours}" if yours else "") + f"; {_PARTNER_HINT}",
    )


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    sender = _sender_dpid(message)
    yours = (f'if the identifier is yours, write Namespace="{DPID_NAMESPACE_PREFIX}{sender}"'
             if sender else "")
    partners = context.options.partner_namespaces
    # Each distinct Namespace value, in document order: its first ProprietaryId and its count.
    firsts: dict[str, Text] = {}
    counts: dict[str, int] = {}
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
        firsts.setdefault(namespace, proprietary)
        counts[namespace] = counts.get(namespace, 0) + 1
    for namespace, first in firsts.items():
        if is_partner_namespace(namespace, partners):
            continue
        finding = _bad_namespace(namespace, first, counts[namespace], yours)
        if finding is not None:
            yield finding


RULE = Rule(
    code="ID112",
    severity=Severity.WARNING,
    summary="A ProprietaryId's Namespace is not a DPID, DPID: followed by a DPID, "
    "or a partner namespace",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
    indexes=frozenset({"ProprietaryId"}),
)
