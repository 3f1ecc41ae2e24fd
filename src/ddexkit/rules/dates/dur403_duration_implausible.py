"""A sound recording's Duration is implausible.

Why it matters:
    A recording under one second or over two hours, or a Duration in calendar units
    (``P3M`` is three months, not three minutes), is almost always a slip that would show a
    wrong length to listeners.

Bad:
    <Duration>P3M</Duration>

Good:
    <Duration>PT3M</Duration>

Source:
    ISO 8601 (durations: M before T is months); DDEX ERN 3.8.2 (SoundRecording/Duration).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.timecodes import calendar_to_time_units
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_SHORTEST = 1.0
_LONGEST = 2 * 3600.0


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for recording in message.sound_recordings:
        duration = recording.duration
        if duration is None:
            continue
        parsed = context.iso_duration(duration.value)
        if parsed is None:
            continue  # DUR401
        name = f"Sound recording {recording.ref or '(no reference)'}"
        if parsed.has_calendar_units:
            meant = calendar_to_time_units(duration.value)
            yield Finding(
                at=duration.loc,
                message=f"{name} has Duration {duration.stripped} in calendar units "
                "(years or months)",
                hint=(
                    f"Write {meant}: minutes come after the T"
                    if meant is not None
                    else "Give the length in hours, minutes and seconds, e.g. PT3M45S"
                ),
            )
            continue
        seconds = parsed.total_seconds
        if seconds is None or seconds <= 0:
            continue  # DUR402
        if seconds < _SHORTEST:
            yield Finding(
                at=duration.loc,
                message=f"{name} lasts {duration.stripped}, under 1 second",
                hint="Check the Duration: it should be the recording's full length",
            )
        elif seconds > _LONGEST:
            yield Finding(
                at=duration.loc,
                message=f"{name} lasts {duration.stripped}, over 2 hours",
                hint="Check the Duration: hours (H), minutes (M) and seconds (S) may be mixed up",
            )


RULE = Rule(
    code="DUR403",
    severity=Severity.WARNING,
    summary="A sound recording's Duration is implausible",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
