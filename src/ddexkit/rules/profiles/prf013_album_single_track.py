"""An AudioAlbumMusicOnly main release delivers fewer than two sound recordings.

Why it matters:
    An album in DDEX's AudioAlbumMusicOnly profile holds more than one sound recording; a
    release of one track is a Single (the AudioSingle profile). REF208 reports a main
    release without any sound recording. Only the ddex-audio-album profile names this rule.

Bad:
    <ReleaseResourceReferenceList> <!-- expect: PRF013 -->
        <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A1</ReleaseResourceReference>
        <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A2</ReleaseResourceReference>

Good:
    <ReleaseResourceReferenceList>
        <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A1</ReleaseResourceReference>
        <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A2</ReleaseResourceReference>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.1:
    AudioAlbumMusicOnly rule 1132-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release


def _check_release(release: Release, message: Message,
                   context: RuleContext) -> Iterator[Finding]:
    tracks = context.tracks(release)
    if len(tracks) != 1:
        return  # none at all is REF208's
    yield Finding(
        at=release.resource_reference_list_loc or release.loc,
        message=f"{context.main_release_name(release)} delivers one sound recording "
        f"({tracks[0].reference}); an album under AudioAlbumMusicOnly has more than one",
        hint="Deliver a one-track release as a Single under the ddex-audio-single profile, "
        "or add the album's other tracks",
    )


RULE = Rule(
    code="PRF013",
    severity=Severity.ERROR,
    summary="An audio album's main release delivers fewer than two sound recordings",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
    opt_in=True,
)
