"""OriginalReleaseDate is later than the ReleaseDate of the same release.

Why it matters:
    The original release date is when the release first came out anywhere; a date after
    this release's own release date is a contradiction (often day and month swapped, or the
    two fields mixed up), and stores sort and label reissues by it.

Bad:
    <ReleaseDate>2024-05-17</ReleaseDate>
    <OriginalReleaseDate>2024-06-01</OriginalReleaseDate>

Good:
    <ReleaseDate>2024-05-17</ReleaseDate>
    <OriginalReleaseDate>2024-05-17</OriginalReleaseDate>

Source:
    DDEX ERN 3.8.2 (ReleaseDetailsByTerritory, GlobalOriginalReleaseDate).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ddexkit.domain.timecodes import PartialDate, comparable_date
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release, Text
from ddexkit.rules.base import Rule, RuleContext, Stage


def _dated(texts: Iterable[Text | None]) -> list[tuple[Text, PartialDate]]:
    """The readable dates; one marked IsApproximate="true" counts for its year only (DDEX's
    own samples write approximate dates as 2010-01-01 and 2010-10-01 for the same year)."""
    found = []
    for text in texts:
        date = comparable_date(text.value) if text is not None else None
        if text is None or date is None:
            continue
        if text.attrs.get("IsApproximate", "").strip() in ("true", "1"):
            date = PartialDate(date.year)
        found.append((text, date))
    return found


def _pairs(release: Release) -> Iterator[tuple[Text, PartialDate, list[tuple[Text, PartialDate]]]]:
    """Each original date with the release dates it must not come after."""
    global_release = _dated([release.global_release_date])
    every_release_date = list(global_release)
    for details in release.details:
        local_release = _dated(details.release_dates)
        every_release_date += local_release
        for text, date in _dated(details.original_release_dates):
            yield text, date, local_release + global_release
    for text, date in _dated([release.global_original_release_date]):
        yield text, date, every_release_date


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        for text, original, release_dates in _pairs(release):
            earlier = [(t, d) for t, d in release_dates if original.is_after(d)]
            if not earlier:
                continue
            first_text, first = min(earlier, key=lambda pair: pair[1].earliest)
            yield Finding(
                at=text.loc,
                message=(
                    f"Release {release.ref or '(no reference)'}: original release date "
                    f"{text.stripped} is after its release date {first_text.stripped}"
                ),
                hint=f"Set the original release date to {first} or earlier, or correct the "
                "release date",
            )


RULE = Rule(
    code="DUR408",
    severity=Severity.WARNING,
    summary="OriginalReleaseDate is later than the ReleaseDate of the same release",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
