"""The main release has no release date.

Why it matters:
    Without a ReleaseDate (in ReleaseDetailsByTerritory) or a GlobalReleaseDate, the
    distributor does not know when the release is meant to come out, and the summary shows
    no date.

Bad:
    </Genre>
    </ReleaseDetailsByTerritory>

Good:
    </Genre>
    <ReleaseDate>2024-05-17</ReleaseDate>
    </ReleaseDetailsByTerritory>

Source:
    DDEX ERN 3.8.2 (Release/GlobalReleaseDate, ReleaseDetailsByTerritory/ReleaseDate).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in context.main_release_candidates:
        yield from _check_release(release, message, context)


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    dates = [release.global_release_date] if release.global_release_date is not None else []
    for details in release.details:
        dates.extend(details.release_dates)
    if any(date.stripped for date in dates):
        return
    yield Finding(
        at=release.loc,
        message=f"{context.main_release_name(release)} has no release date",
        hint="Add <GlobalReleaseDate>YYYY-MM-DD</GlobalReleaseDate> to the Release, or a "
        "<ReleaseDate> to its ReleaseDetailsByTerritory",
    )


RULE = Rule(
    code="DUR410",
    severity=Severity.WARNING,
    summary="The main release has no release date",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
