"""A TrackRelease has no ReleaseDate or GlobalReleaseDate.

Why it matters:
    The profiles give every release its release date, the day it is (or was) first made
    available: a TrackRelease is sold on its own and a store dates it from its own
    ReleaseDetailsByTerritory, not from the album's. The profiles make it a conditional
    error (the sender may not know the date): a warning here. DUR410 judges the main
    release.

Bad:
    <Genre>
          <GenreText>Folk</GenreText>
        </Genre>
      </ReleaseDetailsByTerritory>

Good:
    <Genre>
          <GenreText>Folk</GenreText>
        </Genre>
        <ReleaseDate>2024-05-17</ReleaseDate>
      </ReleaseDetailsByTerritory>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(9):
    AudioSingle rule 1024-1, AudioAlbumMusicOnly rule 1097-1 (Conditional Error).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage


def _dated(release: Release) -> bool:
    if release.global_release_date is not None and release.global_release_date.stripped:
        return True
    return any(date.stripped for details in release.details for date in details.release_dates)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        if not release.is_track_release or _dated(release) or not release.details:
            continue
        yield Finding(
            at=release.details[0].loc,
            message=f"TrackRelease {release.ref or '(no reference)'} has no ReleaseDate",
            hint="Add <ReleaseDate> (YYYY-MM-DD) to its ReleaseDetailsByTerritory, usually "
            "the main release's date",
        )


RULE = Rule(
    code="PRF019",
    severity=Severity.WARNING,
    summary="A TrackRelease has no ReleaseDate or GlobalReleaseDate",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
