"""A deal for the main release starts before the release date, outside a pre-order.

Why it matters:
    A deal that starts before the release date makes the release available early in every
    store that honours it, which is usually a mistake in one of the two dates. A pre-order
    (a deal with PreOrderReleaseDate) is the way to show a release before its date.

Bad:
    <StartDate>2024-05-10</StartDate>

Good:
    <StartDate>2024-05-17</StartDate>

Source:
    DDEX ERN 3.8.2 DealTerms/ValidityPeriod and PreOrderReleaseDate.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.timecodes import PartialDate, comparable_date
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release


def _release_date(release: Release) -> PartialDate | None:
    """The earliest release date given for the release (any territory), if one is readable."""
    texts = [t for details in release.details for t in details.release_dates]
    if release.global_release_date is not None:
        texts.append(release.global_release_date)
    dates = [d for d in (comparable_date(t.value) for t in texts) if d is not None]
    return min(dates, key=lambda d: d.earliest) if dates else None


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    if not release.ref:
        return
    release_date = _release_date(release)
    if release_date is None:
        return  # DUR410 / DUR405
    for release_deal in context.deals_by_release_reference.get(release.ref, []):
        for deal in release_deal.deals:
            terms = deal.terms
            if terms is None or terms.is_takedown or terms.pre_order_release_dates:
                continue
            for period in terms.validity_periods:
                start = comparable_date(period.start.value) if period.start else None
                if period.start is None or start is None or not start.is_before(release_date):
                    continue
                yield Finding(
                    at=period.start.loc,
                    message=f"Deal starts on {start}, before the release date {release_date}",
                    hint=f"Start the deal on {release_date}, or make it a pre-order with "
                    "<PreOrderReleaseDate>",
                )


RULE = Rule(
    code="DEA707",
    severity=Severity.WARNING,
    summary="A deal for the main release starts before the release date, outside a pre-order",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
