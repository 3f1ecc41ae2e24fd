"""A release's DisplayArtist has no SequenceNumber.

Why it matters:
    The profiles number the DisplayArtists of every release (SequenceNumber="1" for the
    first-billed artist, and so on), so that each store credits them in the same order.
    ROL608 reports numbers that repeat; this rule reports an artist left unnumbered.

Bad:
    <DisplayArtist> <!-- expect: PRF018 -->

Good:
    <DisplayArtist SequenceNumber="1">

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(34):
    AudioSingle rule 1050-1, AudioAlbumMusicOnly rule 1123-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        for details in release.details:
            for artist in details.display_artists:
                if artist.sequence is not None and artist.sequence.stripped:
                    continue
                yield Finding(
                    at=artist.loc,
                    message=f"Release {release.ref or '(no reference)'}: DisplayArtist "
                    f"{artist.name or '(no name)'} has no SequenceNumber",
                    hint='Number the release\'s DisplayArtists in billing order: '
                    '<DisplayArtist SequenceNumber="1">…',
                )


RULE = Rule(
    code="PRF018",
    severity=Severity.ERROR,
    summary="A release's DisplayArtist has no SequenceNumber",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
