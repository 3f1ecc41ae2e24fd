"""The technical details' Duration differs from the SoundRecording's Duration.

Why it matters:
    TechnicalSoundRecordingDetails/Duration describes the delivered file; when it differs
    from the recording's Duration by more than 2 seconds, one of them is wrong (a wrong
    file, an edit, or a typing slip), and the store would show a length the audio lacks.

Bad:
    <BitsPerSample>16</BitsPerSample>
    <Duration>PT3M20S</Duration>

Good:
    <BitsPerSample>16</BitsPerSample>
    <Duration>PT3M12S</Duration>

Source:
    DDEX ERN 3.8.2 (SoundRecording/Duration, TechnicalSoundRecordingDetails/Duration).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.timecodes import format_duration
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage

_TOLERANCE = 2.0


def _seconds(text: Text | None, context: RuleContext, known: dict[str, float | None]
             ) -> float | None:
    """The Duration's length in seconds, worked out once per distinct value (``known``):
    an album's recordings and their files share a few hundred lengths."""
    if text is None:
        return None
    try:
        return known[text.value]
    except KeyError:
        parsed = context.iso_duration(text.value)
        seconds = known[text.value] = (
            parsed.total_seconds if parsed is not None and not parsed.overflows else None)
        return seconds


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    known: dict[str, float | None] = {}
    for recording in message.sound_recordings:
        expected = _seconds(recording.duration, context, known)
        if expected is None or expected <= 0 or recording.duration is None:
            continue  # DUR402 speaks about a recording that lasts no time
        for details in recording.details:
            for technical in details.technical_details:
                duration = technical.duration
                if (technical.kind != "TechnicalSoundRecordingDetails" or duration is None
                        or duration.value == recording.duration.value):  # the same length
                    continue
                actual = _seconds(duration, context, known)
                if actual is None:
                    continue
                if abs(actual - expected) > _TOLERANCE:
                    yield Finding(
                        at=duration.loc,
                        message=(
                            f"Technical details of sound recording {recording.ref} give "
                            f"Duration {duration.stripped}, {abs(actual - expected):g} s away "
                            f"from the recording's {recording.duration.stripped}"
                        ),
                        hint=(
                            f"Check the file: if it is right, set both Durations to "
                            f"{format_duration(actual)}; else deliver the file that lasts "
                            f"{format_duration(expected)}"
                        ),
                    )


RULE = Rule(
    code="DUR404",
    severity=Severity.WARNING,
    summary="The technical details' Duration differs from the SoundRecording's Duration",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
