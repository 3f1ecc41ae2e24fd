"""An artist name is a search term ("Sleep Music", "Top Hits"), not anyone's name.

Why it matters:
    Stores refuse artist names made to catch searches, a genre, mood or use in place of a
    name: such an "artist" collects unrelated releases on one page and misleads listeners,
    and the stores' style guides name it as a reason to hold content back. A name of two
    words or more counts when every word is a generic one (music, hits, top, sleep, relaxing,
    piano, lullaby, workout, christmas, lofi, beats…, with the small words between them:
    "Music for Sleep"); "Aurora Vale" or "Rain" pass. DisplayArtist names and
    DisplayArtistName lines are checked. A profile adds generic words of its own (``[words]
    generic-artist-words``).

Bad:
    <FullName>Sleep Music</FullName>

Good:
    <FullName>Aurora Vale</FullName>

Source:
    Spotify for Artists, Music metadata guidelines, Artist names (no SEO terms such as
    "Sleep Music"); Apple Music Style Guide, 2. Artists (generic artist names) and 1.2
    Advertising (no search terms in metadata); DDEX ERN 3.8.2 DisplayArtist,
    DisplayArtistName.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.storestyle import is_generic_artist_name
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage


def _artist_names(message: Message) -> Iterator[tuple[str, Text]]:
    for artists in message.display_artist_lists():
        for artist in artists:
            for name in artist.names:
                yield "DisplayArtist", name
    for text in message.indexed("DisplayArtistName"):
        yield "DisplayArtistName", text


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    own = frozenset(word.casefold() for word in context.options.generic_artist_words)
    for element, name in _artist_names(message):
        if is_generic_artist_name(name.value, own):
            yield Finding(
                at=name.loc,
                message=f"{element} {name.stripped!r} is a generic search term, not an "
                "artist's name",
                hint="Credit the real performing artist (the person or act); the kind of "
                "music goes in Genre",
            )


RULE = Rule(
    code="ROL610",
    severity=Severity.WARNING,
    summary="An artist name is a generic search term",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({"DisplayArtistName"}),
    opt_in=True,
    reads=frozenset({"generic_artist_words"}),
)
