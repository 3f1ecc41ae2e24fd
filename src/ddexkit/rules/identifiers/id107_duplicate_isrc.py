"""Two different SoundRecordings carry the same ISRC.

Why it matters:
    An ISRC identifies one recording. When two sound recordings of a release share it,
    stores keep one and drop or merge the other, and plays and sales are reported against
    the wrong track. ISRCs are compared in their compact form, so ``GB-AYE-24-00001`` is the
    same as GBAYE2400001.

Bad:
    </SoundRecording>
        <SoundRecording>
          <SoundRecordingType>MusicalWorkSoundRecording</SoundRecordingType>
          <SoundRecordingId>
            <ISRC>GBAYE2400001</ISRC>

Good:
    </SoundRecording>
        <SoundRecording>
          <SoundRecordingType>MusicalWorkSoundRecording</SoundRecordingType>
          <SoundRecordingId>
            <ISRC>GBAYE2400002</ISRC>

Source:
    ISO 3901 (one ISRC per recording); DDEX ERN 3.8.2 SoundRecordingId/ISRC.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import isrc_key
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Resource
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    first_holder: dict[str, Resource] = {}
    for recording in message.sound_recordings:
        seen_here: set[str] = set()
        for isrc in recording.isrcs:
            key = isrc_key(isrc.value)
            if not key or key in seen_here:
                continue
            seen_here.add(key)
            holder = first_holder.setdefault(key, recording)
            if holder is recording:
                continue
            yield Finding(
                at=isrc.loc,
                message=f"SoundRecording {recording.ref or '(no reference)'} has the ISRC "
                f"{isrc.stripped} of SoundRecording {holder.ref or '(no reference)'}",
                hint="Give each recording its own ISRC; if both are the same recording, "
                "list it once and reference it from both places",
            )


RULE = Rule(
    code="ID107",
    severity=Severity.ERROR,
    summary="Two different SoundRecordings carry the same ISRC",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
)
