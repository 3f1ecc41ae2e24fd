"""The main release has no Genre.

Why it matters:
    Stores place a release in their genre pages and charts by its genre; without one it is
    filed under a default genre or not at all.

Bad:
    </ResourceGroup>
        <ReleaseDate>2024-05-17</ReleaseDate>

Good:
    </ResourceGroup>
        <Genre>
          <GenreText>Pop</GenreText>
          <SubGenre>Indie Pop</SubGenre>
        </Genre>
        <ReleaseDate>2024-05-17</ReleaseDate>

Source:
    DDEX ERN 3.8.2 ReleaseDetailsByTerritory/Genre.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    if any(g.genre_text is not None and g.genre_text.stripped for g in release.genres()):
        return
    yield Finding(
        at=release.details[0].loc if release.details else release.loc,
        message=f"{context.main_release_name(release)} has no Genre",
        hint="Add <Genre><GenreText>Pop</GenreText></Genre> (the release's genre) to "
        "ReleaseDetailsByTerritory",
    )


RULE = Rule(
    code="CAT904",
    severity=Severity.WARNING,
    summary="The main release has no Genre",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
