"""A DisplayArtist's name joins several acts ("A & B", "A x B", "A, B").

Why it matters:
    Stores link each DisplayArtist to one artist page; a name that joins two acts makes a
    third, "compound" artist whose page neither act owns, and the stores' style guides ask
    for one DisplayArtist per act, each with its role (the DisplayArtistName line may still
    read "A & B"). A name counts when it splits at "&", "+", "/", a lower-case "x", "vs.",
    "feat.", "ft.", "featuring" or a comma into parts that are none of them empty. A part after the
    joiner that opens with "the", "his", "her" or "their" is the act's own ensemble ("Hootie
    & the Blowfish", "Duke Ellington & his Orchestra") and passes. A duo or band that is
    itself named "A & B" (Simon & Garfunkel) is one act: leave ROL609 out for that file
    (``per-file-ignores``).

Bad:
    <FullName>Aurora Vale &amp; Sam Okafor</FullName>

Good:
    <FullName>Aurora Vale</FullName>

Source:
    Apple Music Style Guide, 2. Artists, 2.8 (compound artists); Spotify Metadata Style
    Guide, 6. Compound Artists, and Spotify for Artists, Music metadata guidelines (each
    artist's name in a separate field); DDEX ERN 3.8.2 DisplayArtist.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.storestyle import compound_parts
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for artists in message.display_artist_lists():
        for artist in artists:
            for name in artist.names:
                parts = compound_parts(name.value)
                if not parts:
                    continue
                roles = ", ".join(r.stripped for r in artist.roles) or "its role"
                yield Finding(
                    at=name.loc,
                    message=f"DisplayArtist {name.stripped!r} joins {len(parts)} acts in one "
                    "name",
                    hint=f"List {', '.join(repr(p) for p in parts)} as separate DisplayArtists "
                    f"(each with ArtistRole {roles}); if it is one act's own name, leave ROL609 "
                    "out for this file (per-file-ignores)",
                )


RULE = Rule(
    code="ROL609",
    severity=Severity.WARNING,
    summary="A DisplayArtist's name joins several acts",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
