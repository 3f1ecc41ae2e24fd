"""The main release has no release date (or only an original one, which is then used).

Why it matters:
    Without a ReleaseDate (in ReleaseDetailsByTerritory) or a GlobalReleaseDate, the
    distributor does not know when the release is meant to come out. An OriginalReleaseDate
    or GlobalOriginalReleaseDate counts as a date of the release: where it is the only one,
    it is used as the release date (the summary shows it), and the issue says so; with no
    date of any kind the summary shows none.

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
from ddexkit.model import Message, Release, Text
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release

_HINT = ("Add <GlobalReleaseDate>YYYY-MM-DD</GlobalReleaseDate> to the Release, or a "
         "<ReleaseDate> to its ReleaseDetailsByTerritory")


def _original_date(release: Release) -> tuple[str, Text] | None:
    """The first original release date given, with the name of its element."""
    for details in release.details:
        for date in details.original_release_dates:
            if date.stripped:
                return "OriginalReleaseDate", date
    global_date = release.global_original_release_date
    if global_date is not None and global_date.stripped:
        return "GlobalOriginalReleaseDate", global_date
    return None


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    dates = [release.global_release_date] if release.global_release_date is not None else []
    for details in release.details:
        dates.extend(details.release_dates)
    if any(date.stripped for date in dates):
        return
    original = _original_date(release)
    if original is not None:
        name, date = original
        yield Finding(
            at=release.loc,
            message=f"{context.main_release_name(release)} has no ReleaseDate or "
            f"GlobalReleaseDate: its "
            f"{name} {date.stripped} is used as the release date",
            hint=f"{_HINT}, if the release comes out on another day",
        )
        return
    yield Finding(
        at=release.loc,
        message=f"{context.main_release_name(release)} has no release date of any kind "
        "(ReleaseDate, GlobalReleaseDate, OriginalReleaseDate or GlobalOriginalReleaseDate)",
        hint=_HINT,
    )


RULE = Rule(
    code="DUR410",
    severity=Severity.WARNING,
    summary="The main release has no release date (or only an original one, which is used)",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
