"""An original delivery takes its own main release down in every territory it offers it.

Why it matters:
    A message that first delivers a release (UpdateIndicator OriginalMessage, or none) and
    takes it down everywhere it offers it at the same time is contradictory: the release
    would never go live, or only briefly. Withdrawing a release is done by a later update
    (UpdateIndicator UpdateMessage) with a TakeDown deal, and a TakeDown for some of the
    territories only withdraws it there; neither is reported. A TakeDown with TerritoryCode
    Worldwide covers every territory but its ExcludedTerritoryCodes.

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
from ddexkit.model import DealTerms, Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage

_WORLDWIDE = "Worldwide"


class _Coverage:
    """The territories a set of DealTerms names: codes, and Worldwide less exclusions."""

    def __init__(self) -> None:
        self.codes: set[str] = set()
        self.worldwide = False
        self.excluded: set[str] | None = None  # of the Worldwide terms, common to all

    def add(self, terms: DealTerms) -> None:
        codes = {t.stripped for t in terms.territories if t.stripped}
        excluded = {t.stripped for t in terms.excluded_territories if t.stripped}
        if _WORLDWIDE in codes or not codes:
            self.worldwide = True
            self.excluded = excluded if self.excluded is None else self.excluded & excluded
        self.codes |= codes - {_WORLDWIDE}

    def covers(self, code: str) -> bool:
        return code in self.codes or (self.worldwide and code not in (self.excluded or set()))

    def covers_all_of(self, offered: _Coverage) -> bool:
        if offered.worldwide:
            left = (self.excluded or set()) - (offered.excluded or set()) - self.codes
            if not self.worldwide or left:
                return False
        return all(self.covers(code) for code in offered.codes)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    release = context.main_release
    if message.kind != "NewReleaseMessage" or not message.is_original:
        return  # an UpdateMessage's TakeDown is how a release is withdrawn
    if release is None or not release.ref:
        return
    takedowns: list[Text] = []
    offered, taken = _Coverage(), _Coverage()
    for release_deal in context.deals_by_release_reference.get(release.ref, []):
        for deal in release_deal.deals:
            terms = deal.terms
            if terms is None:
                continue
            if terms.is_takedown and terms.takedown is not None:
                takedowns.append(terms.takedown)
                taken.add(terms)
            else:
                offered.add(terms)
    if not takedowns or not taken.covers_all_of(offered):
        return  # a TakeDown for some territories only withdraws it there
    for takedown in takedowns:
        yield Finding(
            at=takedown.loc,
            message=f"This original delivery takes down its own main release {release.ref} "
            "in every territory it offers it",
            hint="Remove the TakeDown deal; withdraw the release later with an update "
            "(UpdateIndicator UpdateMessage)",
        )


RULE = Rule(
    code="DEA706",
    severity=Severity.ERROR,
    summary="An original delivery takes its own main release down in every territory",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
