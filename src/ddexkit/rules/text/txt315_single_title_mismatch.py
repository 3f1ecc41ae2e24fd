"""A one-track release is titled otherwise than its track.

Why it matters:
    A single is its song: stores show the release and its one track side by side, and their
    style guides ask that a one-track release carry its track's title, brackets and version
    included (the store adds "- Single" or "- EP" itself from the ReleaseType, so a release
    title that ends so still matches). A different title reads as another product and holds
    the release back. The main release (or each candidate) with exactly one sound
    recording is compared with that track: ReferenceTitle (else DisplayTitle) and SubTitle,
    ignoring case and spacing.

Bad:
    <TitleText>Harbour Lights</TitleText>

Good:
    <TitleText>Northern Lights</TitleText>
      </ReferenceTitle>
      <ReleaseResourceReferenceList>

Source:
    Apple Music Style Guide, 3. Titles (one-track products: album and track titles match);
    Spotify Metadata Style Guide, 9. Singles and EPs; DDEX ERN 3.8.2 ReferenceTitle, Title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release
from ddexkit.rules.text._titles import full_title, shown_title

# What a store appends to a one-track release's title from its ReleaseType.
_KIND_SUFFIX = re.compile(r"\s+-\s+(?:single|ep)$")


def check_release(release: Release, message: Message,
                  context: RuleContext) -> Iterator[Finding]:
    tracks = context.tracks(release)
    if len(tracks) != 1:
        return
    release_title, track_title = shown_title(release), shown_title(tracks[0].resource)
    if release_title is None or track_title is None or release_title.text is None:
        return  # a missing title is TXT301's
    text, sub_title = full_title(release_title)
    if (_KIND_SUFFIX.sub("", text), sub_title) == full_title(track_title):
        return
    track = track_title.text.stripped if track_title.text else ""
    shown = f"{track} ({track_title.sub_title.stripped})" if track_title.sub_title else track
    yield Finding(
        at=release_title.text.loc,
        message=f"{context.main_release_name(release)} has one track, "
        f"{tracks[0].reference} {shown!r}, but is titled {release_title.text.stripped!r}",
        hint=f"Title the release as its track, <TitleText>{track}</TitleText>"
        + (f" with <SubTitle>{track_title.sub_title.stripped}</SubTitle>"
           if track_title.sub_title else "")
        + ", or correct the track's title",
    )


RULE = Rule(
    code="TXT315",
    severity=Severity.WARNING,
    summary="A one-track release is titled otherwise than its track",
    stage=Stage.MESSAGE,
    check=each_main_release(check_release),
    doc=__doc__ or "",
    opt_in=True,
)
