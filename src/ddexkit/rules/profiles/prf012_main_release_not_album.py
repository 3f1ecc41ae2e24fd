"""The main release of an AudioAlbumMusicOnly delivery is not of ReleaseType Album.

Why it matters:
    DDEX's AudioAlbumMusicOnly profile is for albums: its main release has the ReleaseType
    Album. An EP or a Single sent under the album profile belongs to another profile
    (AudioSingle for a Single) and stores that route by profile file it in the wrong place.
    Only the ddex-audio-album profile names this rule.

Bad:
    <ReleaseType>EP</ReleaseType> <!-- expect: PRF012 -->

Good:
    <ReleaseType>Album</ReleaseType>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.4(3):
    AudioAlbumMusicOnly rule 1141-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release
from ddexkit.rules.profiles._shape import not_of_type


def _check_release(release: Release, message: Message,
                   context: RuleContext) -> Iterator[Finding]:
    return not_of_type(release, context, expected="Album", profile="AudioAlbumMusicOnly",
                       other="ddex-audio-single for a Single")


RULE = Rule(
    code="PRF012",
    severity=Severity.ERROR,
    summary="The main release of an audio album is not of ReleaseType Album",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
    opt_in=True,
)
