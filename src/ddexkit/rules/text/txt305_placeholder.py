"""A placeholder is used as a name or title.

Why it matters:
    Values such as "Unknown", "N/A", "Untitled", "Track 1", "TBD" or "test" are what a
    form holds before the real data arrives; stores would publish them as they are, and the
    distributor's naming guidelines ask for the real title or name. Only whole values count
    ("Unknown Pleasures" is a title). "Various Artists" is a compilation's credit: it is
    fine on a release that groups tracks, but a placeholder on a track (in a sound
    recording or video, or on a TrackRelease). Checked in TitleText and FullName and, since
    they are names as well, in DisplayArtistName and LabelName.

Bad:
    <TitleText>Track 3</TitleText>

Good:
    <TitleText>The Long Field</TitleText>

Source:
    Distributor API (naming guidelines); DDEX ERN 3.8.2 TitleText, FullName,
    DisplayArtistName, LabelName.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from ddexkit.domain.joined import values_with_match
from ddexkit.domain.text import MAYBE_PLACEHOLDER, is_placeholder, is_various_artists
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage

_HINTS = {
    "TitleText": "Write the real title before delivery",
    "FullName": "Write the party's real name, or leave out a contributor whose name is not known",
    "DisplayArtistName": "Write the artist's name as the store should show it",
    "LabelName": "Write the label's real name",
}


_VALUE = attrgetter("value")
# The elements _track_names reads: any "Various Artists" on a track is one of these.
_TRACK_NAME_ELEMENTS = frozenset({"FullName", "DisplayArtistName"})


def _track_names(message: Message) -> Iterator[tuple[str, str, Text]]:
    """(where, element, name) for every artist or contributor name given on a track."""
    for resource in message.resources:
        where = f"{resource.kind} {resource.ref or '(no reference)'}"
        for details in resource.details:
            people = (
                *details.display_artists,
                *details.contributors,
                *details.indirect_contributors,
            )
            for person in people:
                for name in person.names:
                    yield where, "FullName", name
            for name in details.display_artist_names:
                yield where, "DisplayArtistName", name
    for release in message.releases:
        if not release.is_track_release:
            continue
        where = f"track release {release.ref or '(no reference)'}"
        for release_details in release.details:
            for artist in release_details.display_artists:
                for name in artist.names:
                    yield where, "FullName", name
            for name in release_details.display_artist_names:
                yield where, "DisplayArtistName", name


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    # Names repeat on every track: each distinct value is looked at once (the few that could
    # be placeholders judged), and the values are walked again only when one of them is a
    # placeholder (nearly never).
    various_anywhere = False
    for element, hint in _HINTS.items():
        texts = message.indexed(element)
        distinct = list(set(map(_VALUE, texts)))
        if element in _TRACK_NAME_ELEMENTS:
            various_anywhere = various_anywhere or any(map(is_various_artists, distinct))
        maybe = [distinct[at] for at in values_with_match(MAYBE_PLACEHOLDER, distinct)]
        placeholders = set(filter(is_placeholder, maybe))
        if not placeholders:
            continue
        for text in texts:
            if text.value in placeholders:
                yield Finding(
                    at=text.loc,
                    message=f"{element} {text.stripped!r} is a placeholder, not a real "
                    f"{'title' if element == 'TitleText' else 'name'}",
                    hint=hint,
                )
    # The index holds every FullName and DisplayArtistName of the file, the tracks' among
    # them: when none says "Various Artists", no track needs walking.
    if not various_anywhere:
        return
    various: dict[str, bool] = {}
    for where, element, text in _track_names(message):
        found = various.get(text.value)
        if found is None:
            found = various[text.value] = is_various_artists(text.value)
        if found:
            yield Finding(
                at=text.loc,
                message=f"{element} {text.stripped!r} on {where}: a track needs its own artist",
                hint="Name the track's performing artist(s); 'Various Artists' is the "
                "credit of the compilation release only",
            )


RULE = Rule(
    code="TXT305",
    severity=Severity.WARNING,
    summary="A placeholder is used as a name or title",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset(_HINTS),
)
