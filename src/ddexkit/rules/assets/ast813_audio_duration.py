"""An audio file's duration differs from the SoundRecording's Duration by more than 2 seconds.

Why it matters:
    Stores show and pay by the stated duration; a file that is longer or shorter than the ERN
    says is usually the wrong take or a truncated export. The file's own technical details'
    Duration is compared when there is one, else the SoundRecording's; up to 2 seconds of
    difference (inclusive) is tolerated. ``ddexkit fix --unsafe`` writes the file's length,
    to the second (unsafe: a wrong take is fixed by delivering the right file, not the ERN).

Bad:
    <Duration>PT3M20S</Duration>

Good:
    <Duration>PT3M12S</Duration>

Source:
    DDEX ERN 3.8.2 SoundRecording/Duration, TechnicalSoundRecordingDetails/Duration.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Fix, Severity
from ddexkit.lexical import duration_seconds
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage

TOLERANCE_SECONDS = 2.0


def _iso(seconds: float) -> str:
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    return f"PT{minutes}M{rest:02d}S"


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, audio in facts.audio_files:
        if audio.duration is None:
            continue
        # The file's own technical details say what this file lasts; the SoundRecording's
        # Duration stands in only without them (DUR404 reports the two disagreeing).
        stated = item.technical.duration if item.technical.duration is not None \
            else item.resource.duration
        if stated is not None:
            seconds = duration_seconds(stated.stripped)
            if seconds is None or abs(seconds - audio.duration) <= TOLERANCE_SECONDS:
                continue
            length = _iso(audio.duration)
            yield Finding(at=stated.loc,
                          message=f"Duration says {stated.stripped}, but {item.package_path} "
                          f"lasts {audio.duration:.1f} s",
                          hint=f"Set <Duration>{length}</Duration>, or deliver the right file",
                          fix=Fix(replacement=length, original=stated.value, safe=False,
                                  description=f"write {length}, what {item.package_path} "
                                  "lasts"))


RULE = Rule(
    code="AST813",
    severity=Severity.ERROR,
    summary="An audio file's duration differs from the ERN's Duration by more than 2 seconds",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
