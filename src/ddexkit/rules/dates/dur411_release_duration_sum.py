"""The main release's Duration differs from the sum of its sound recordings.

Why it matters:
    A release's Duration is the total running time of what it delivers; when it differs
    from the sum of its sound recordings' Durations by more than 2 seconds, a track is
    missing or one of the lengths is wrong, and stores would show a wrong total.

Bad:
    <Duration>PT12M08S</Duration>

Good:
    <Duration>PT12M48S</Duration>

Source:
    DDEX ERN 3.8.2 (Release/Duration, SoundRecording/Duration).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.timecodes import format_duration
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release, Text
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release

_TOLERANCE = 2.0


def _seconds(text: Text | None, context: RuleContext) -> float | None:
    parsed = context.iso_duration(text.value) if text is not None else None
    return parsed.total_seconds if parsed is not None and not parsed.overflows else None


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    if release.duration is None:
        return
    total = _seconds(release.duration, context)
    if total is None:
        return
    recordings = context.tracks(release)
    if not recordings:
        return
    lengths = [_seconds(t.resource.duration, context) for t in recordings]
    if any(length is None or length <= 0 for length in lengths):
        return  # a missing, unreadable or empty length (DUR401, DUR402): the sum is unknown
    expected = sum(length for length in lengths if length is not None)
    if abs(total - expected) <= _TOLERANCE:
        return
    yield Finding(
        at=release.duration.loc,
        message=(
            f"{context.main_release_name(release)} has Duration "
            f"{release.duration.stripped}, but its {len(recordings)} sound recordings last "
            f"{format_duration(expected)} together"
        ),
        hint=f"Set the release's Duration to {format_duration(expected)}, or check the "
        "tracks' Durations",
    )


RULE = Rule(
    code="DUR411",
    severity=Severity.WARNING,
    summary="The main release's Duration differs from the sum of its sound recordings",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
