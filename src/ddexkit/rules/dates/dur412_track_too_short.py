"""A sound recording is shorter than stores take as a track (30 seconds).

Why it matters:
    Stores count a play once 30 seconds have been heard, so a shorter track is never paid
    for, and releases of very short tracks are what streaming fraud looks like: stores and
    distributors hold them back for review. A SoundRecording whose Duration is under
    the profile's ``track-min-seconds`` (30 by default) is reported (under one second is DUR403's implausible Duration;
    a Duration that is not a valid length is DUR401's). An intro or interlude that is meant
    to be short may stay, knowing the store may question it.

Bad:
    <Duration>PT25S</Duration>

Good:
    <Duration>PT3M12S</Duration>

Source:
    Spotify for Artists, How we count streams (a song stream counts after 30 seconds); DDEX
    ERN 3.8.2 SoundRecording/Duration.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_IMPLAUSIBLE_BELOW = 1.0  # DUR403 reports these


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    minimum = context.options.track_min_seconds
    for recording in message.sound_recordings:
        duration = recording.duration
        seconds = duration.as_seconds() if duration is not None else None
        if duration is None or seconds is None:
            continue
        if _IMPLAUSIBLE_BELOW <= seconds < minimum:
            yield Finding(
                at=duration.loc,
                message=f"Sound recording {recording.ref or '(no reference)'} lasts "
                f"{duration.stripped}, under the {minimum:g} seconds a store "
                "counts as a play",
                hint="Check the Duration; a track meant to be this short may be held back "
                "for review or never count as streamed",
            )


RULE = Rule(
    code="DUR412",
    severity=Severity.WARNING,
    summary="A sound recording is shorter than 30 seconds",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
    reads=frozenset({"track_min_seconds"}),
)
