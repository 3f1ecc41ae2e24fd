"""A DealReleaseReference names no release of the ReleaseList.

Why it matters:
    A deal applies to the releases its DealReleaseReferences name. A reference to no
    release is a deal for nothing, and the release it was meant for has no deal and never
    goes live. The official XSD declares the reference as an IDREF, but the validator does
    not resolve it, so only this rule reports the fault. The hint names the closest
    existing ReleaseReference. A message without any Release is reported once, by ERN012
    or REF204, not once per DealReleaseReference.

Bad:
    <DealReleaseReference>R01</DealReleaseReference>

Good:
    <DealReleaseReference>R0</DealReleaseReference>

Source:
    DDEX ERN 3.8.2 ReleaseDeal/DealReleaseReference.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.references._hints import References


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    if not message.releases:
        return  # ERN012 (no ReleaseList) or REF204 (an empty one) reports that once
    known = context.releases_by_reference
    existing: References | None = None
    for release_deal in message.release_deals:
        for reference in release_deal.release_references:
            if reference.stripped and reference.stripped in known:
                continue
            if existing is None:
                existing = References(known)
            yield Finding(
                at=reference.loc,
                message=f"DealReleaseReference {reference.stripped!r} names no release of "
                "the ReleaseList",
                hint=existing.hint(reference.stripped, "release", "ReleaseList"),
            )


RULE = Rule(
    code="REF202",
    severity=Severity.ERROR,
    summary="A DealReleaseReference names no release of the ReleaseList",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
