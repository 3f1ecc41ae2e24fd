"""Two tracks of one release have the same title and artists, with no version between them.

Why it matters:
    A listener tells the tracks of a release apart by their titles; two tracks shown alike
    look like a duplicate upload, and the stores' style guides ask for a unique title per
    track of the same artist, versions of a song told apart by their version (SubTitle).
    Each release that groups tracks is read on its own: a track's title is its ReferenceTitle
    (else its DisplayTitle), compared with its SubTitle and main artists, ignoring case and
    spacing. The second and later tracks of a kind are reported. A generic title such as
    "Track 1" or "Untitled" is TXT305's placeholder.

Bad:
    <ResourceReference>A3</ResourceReference>
      <ReferenceTitle>
        <TitleText>Harbour Walls</TitleText>

Good:
    <ResourceReference>A3</ResourceReference>
      <ReferenceTitle>
        <TitleText>The Long Field</TitleText>

Source:
    Apple Music Style Guide, 3. Titles (track titles unique within an album, except versions
    told apart by their version); Spotify Metadata Style Guide, 8. Track Titles and Versions;
    DDEX ERN 3.8.2 ReferenceTitle, Title, SubTitle.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Title, Track
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.text._titles import folded, full_title, shown_title


def _key(track: Track, title: Title) -> tuple[tuple[str, str], tuple[str, ...]]:
    return full_title(title), tuple(folded(a) for a in track.display_artists)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        if release.is_track_release:
            continue
        first: dict[tuple[tuple[str, str], tuple[str, ...]], Track] = {}
        for track in context.tracks(release):
            title = shown_title(track.resource)
            if title is None or title.text is None:
                continue  # no title: TXT301's
            earlier = first.setdefault(_key(track, title), track)
            if earlier is track:
                continue
            yield Finding(
                at=title.text.loc,
                message=f"Track {track.number} ({track.reference}) of release "
                f"{release.ref or '(no reference)'} is titled {title.text.stripped!r} like "
                f"track {earlier.number} ({earlier.reference}), by the same artists",
                hint="Give each track its own title, or tell versions of one song apart with "
                "a SubTitle (e.g. <SubTitle>Live</SubTitle>)",
            )


RULE = Rule(
    code="TXT314",
    severity=Severity.WARNING,
    summary="Two tracks of one release have the same title, version and artists",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
