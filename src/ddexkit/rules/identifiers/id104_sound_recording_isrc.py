"""A SoundRecording has no ISRC.

Why it matters:
    The distributor's ingest rejects a sound recording without an ISRC: stores, collecting
    societies and royalty reports identify the recording by it.

Bad:
    <SoundRecordingId><ProprietaryId Namespace="DPID:PADPIDA2014120301L">NL-SR-0003</ProprietaryId></SoundRecordingId>

Good:
    <SoundRecordingId>
        <ISRC>GBAYE2400003</ISRC>
      </SoundRecordingId>

Source:
    Distributor API (missing ISRC); ISO 3901; DDEX ERN 3.8.2 SoundRecordingId/ISRC.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import MISSING


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for recording in message.sound_recordings:
        if recording.isrc is not None:
            continue
        # An empty <ISRC/> is the place to fill in; else the SoundRecordingId.
        at = recording.isrcs[0].loc if recording.isrcs else (recording.id_loc or recording.loc)
        yield Finding(
            at=at,
            message=f"SoundRecording {recording.ref or '(no reference)'} has no ISRC",
            hint="Add <ISRC> to SoundRecordingId: 12 characters such as GBAYE2400001, from "
            "the label or the national ISRC agency",
            missing=("ISRC",),
        )


RULE = Rule(
    code="ID104",
    severity=Severity.ERROR,
    summary="A SoundRecording has no ISRC",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({MISSING}),
    doc=__doc__ or "",
    any_message_kind=True,
)
