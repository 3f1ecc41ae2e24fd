"""A sound recording's Duration is zero or negative.

Why it matters:
    A recording that lasts no time cannot be streamed or sold; a zero or negative Duration
    is a placeholder or a typing slip that the ingest rejects.

Bad:
    <Duration>PT0S</Duration>

Good:
    <Duration>PT3M12S</Duration>

Source:
    DDEX ERN 3.8.2 (SoundRecording/Duration); distributor API.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for recording in message.sound_recordings:
        if recording.duration is None:
            continue
        parsed = context.iso_duration(recording.duration.value)
        if parsed is None or parsed.has_calendar_units:
            continue  # DUR401 and DUR403 speak about those
        seconds = parsed.total_seconds
        if seconds is not None and seconds <= 0:
            yield Finding(
                at=recording.duration.loc,
                message=(
                    f"Sound recording {recording.ref or '(no reference)'} has Duration "
                    f"{recording.duration.stripped}, which is "
                    f"{'zero' if seconds == 0 else 'negative'}"
                ),
                hint="Give the recording's real length, e.g. PT3M45S",
            )


RULE = Rule(
    code="DUR402",
    severity=Severity.ERROR,
    summary="A sound recording's Duration is zero or negative",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
)
