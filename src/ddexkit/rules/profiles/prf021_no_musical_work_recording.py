"""The message holds no SoundRecording of type MusicalWorkSoundRecording.

Why it matters:
    AudioAlbumMusicOnly and AudioSingle are profiles for music: at least one of their sound
    recordings is a MusicalWorkSoundRecording, a recording of a musical work. A delivery
    whose recordings are all of another type (spoken word, a sound effect, none given) is
    an audio book or another kind of release and belongs to another profile; stores route
    it by that type.

Bad:
    <SoundRecordingType>SpokenWordSoundRecording</SoundRecordingType> <!-- expect: PRF021 -->

Good:
    <SoundRecordingType>MusicalWorkSoundRecording</SoundRecordingType>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.1:
    AudioSingle rule 1061-1, AudioAlbumMusicOnly rule 1134-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_MUSICAL_WORK = "MusicalWorkSoundRecording"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    recordings = message.sound_recordings
    if not recordings:
        return  # a release without sound recordings is REF208's
    if any(r.resource_type is not None and r.resource_type.stripped == _MUSICAL_WORK
           for r in recordings):
        return
    first = recordings[0]
    kind = first.resource_type.stripped if first.resource_type else "no SoundRecordingType"
    yield Finding(
        at=first.resource_type.loc if first.resource_type is not None else first.loc,
        message=f"No SoundRecording is a {_MUSICAL_WORK} (SoundRecording "
        f"{first.ref or '(no reference)'} has {kind})",
        hint=f"Give the music tracks <SoundRecordingType>{_MUSICAL_WORK}"
        "</SoundRecordingType>, or deliver the release under the profile of its kind",
    )


RULE = Rule(
    code="PRF021",
    severity=Severity.ERROR,
    summary="The message holds no SoundRecording of type MusicalWorkSoundRecording",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
