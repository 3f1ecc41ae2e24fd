"""A NewReleaseMessage carries a TakeDown deal for its own main release.

Why it matters:
    A message that delivers a release and takes it down at the same time is contradictory:
    the release would never go live. Takedowns are sent as a later update of the release.

Bad:
    <TakeDown>true</TakeDown>

Good:
    <CommercialModelType>SubscriptionModel</CommercialModelType>

Source:
    DDEX ERN 3.8.2 DealTerms/TakeDown; distributor API (updates and takedowns).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    release = context.main_release
    if message.kind != "NewReleaseMessage" or release is None or not release.ref:
        return
    for release_deal in context.deals_by_release_reference.get(release.ref, []):
        for deal in release_deal.deals:
            terms = deal.terms
            if terms is None or not terms.is_takedown or terms.takedown is None:
                continue
            yield Finding(
                at=terms.takedown.loc,
                message=f"This NewReleaseMessage takes down its own main release {release.ref}",
                hint="Remove the TakeDown deal; send the takedown later as an update of the "
                "release",
            )


RULE = Rule(
    code="DEA706",
    severity=Severity.ERROR,
    summary="A NewReleaseMessage carries a TakeDown deal for its own main release",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
