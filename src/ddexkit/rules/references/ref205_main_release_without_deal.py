"""The main release has no deal, so it could never go live.

Why it matters:
    The distributor's API makes a release available only through its deals: a main release
    that no ReleaseDeal names (or a message without a DealList) is stored but can never be
    sold or streamed. The issue points at the DealList, where the ReleaseDeal belongs, or at
    the main release when the message has no DealList. A main release without a
    ReleaseReference is left to ERN012 (no deal could name it before that is fixed).

Bad:
    <ReleaseDeal>
      <DealReleaseReference>R1</DealReleaseReference>
      <Deal>

Good:
    <ReleaseDeal>
      <DealReleaseReference>R0</DealReleaseReference>
      <DealReleaseReference>R1</DealReleaseReference>
      <Deal>

Source:
    Distributor API (deals); DDEX ERN 3.8.2 DealList/ReleaseDeal/DealReleaseReference.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release
from ddexkit.rules.references._hints import References


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    if not release.ref:
        return  # REF204 / ERN012 report that first
    if release.ref in context.deals_by_release_reference:
        return
    add = (
        f"Add a <ReleaseDeal> with <DealReleaseReference>{release.ref}"
        "</DealReleaseReference> and its <Deal>s"
    )
    if message.deal_list_loc is None:
        yield Finding(
            at=release.loc,
            message=f"{context.main_release_name(release)} has no deal: the message has no DealList",
            hint=f"{add} in a <DealList> after the ReleaseList",
        )
        return
    named = References(context.deals_by_release_reference)
    where = f"; the ReleaseDeals name only {named.listing()}" if named.values else ""
    yield Finding(
        at=message.deal_list_loc,
        message=f"{context.main_release_name(release)} has no deal: no ReleaseDeal names it",
        hint=f"{add} to the DealList{where}",
    )


RULE = Rule(
    code="REF205",
    severity=Severity.ERROR,
    summary="The main release has no deal, so it could never go live",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
