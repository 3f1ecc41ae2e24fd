"""The audio's channels, sampling rate or bits per sample differ from the ERN's technical
details.

Why it matters:
    The technical details must describe the file delivered; stores use them to pick the
    transcoding and to label hi-res audio. ``ddexkit fix --unsafe`` writes what the file
    has (unsafe: only right when the file is the one meant).

Bad:
    <BitsPerSample>24</BitsPerSample>

Good:
    <BitsPerSample>16</BitsPerSample>

Source:
    DDEX ERN 3.8.2 TechnicalSoundRecordingDetails.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.mediaformats import positive_int, sampling_rate_hz, sampling_rate_written
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def _fix(original: str, real: str, path: str) -> Fix:
    return Fix(replacement=real, original=original, safe=False,
               description=f"write {real}, what {path} has")


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, audio in facts.audio_files:
        technical = item.technical
        path = item.package_path
        for label, stated, real in (
            ("NumberOfChannels", technical.channels, audio.channels),
            ("BitsPerSample", technical.bits_per_sample, audio.bits_per_sample),
        ):
            if stated is None or real is None:
                continue
            number = positive_int(stated.stripped)
            if number is not None and number != real:
                yield Finding(at=stated.loc,
                              message=f"{label} says {number}, but {path} has {real}",
                              hint=f"Set <{label}>{real}</{label}>",
                              fix=_fix(stated.value, str(real), path))
        rate = technical.sampling_rate
        if rate is not None and audio.sample_rate is not None:
            hertz = sampling_rate_hz(rate.stripped, rate.attrs.get("UnitOfMeasure"))
            if hertz is not None and abs(hertz - audio.sample_rate) > 1:
                written = sampling_rate_written(audio.sample_rate, rate.stripped,
                                                rate.attrs.get("UnitOfMeasure"))
                yield Finding(at=rate.loc,
                              message=f"SamplingRate says {rate.stripped} "
                              f"{rate.attrs.get('UnitOfMeasure', '')}".rstrip()
                              + f", but {path} is sampled at {audio.sample_rate} Hz",
                              hint=f'Set <SamplingRate UnitOfMeasure="kHz">'
                              f"{audio.sample_rate / 1000:g}</SamplingRate>",
                              fix=_fix(rate.value, written, path) if written else None)


RULE = Rule(
    code="AST814",
    severity=Severity.WARNING,
    summary="The audio's channels, sampling rate or bits per sample differ from the ERN",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
