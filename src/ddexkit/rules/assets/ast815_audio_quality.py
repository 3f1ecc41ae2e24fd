"""Audio below distribution quality: lossy below 320 kbps, or PCM/FLAC below 16 bit / 44.1 kHz.

Why it matters:
    API: the distributor takes WAV, FLAC or high-quality MP3; stores re-encode from the
    delivered file, so anything below CD quality (or a lossy file below 320 kbps) degrades.

Bad:
    <SamplingRate UnitOfMeasure="kHz">22.05</SamplingRate>

Good:
    <SamplingRate UnitOfMeasure="kHz">44.1</SamplingRate>

Source:
    Distributor API (high-quality MP3); Red Book CD audio (16 bit, 44.1 kHz).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage

MIN_LOSSY_BITRATE = 320_000
MIN_BITS, MIN_RATE = 16, 44_100


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, audio in facts.audio_files:
        path = item.package_path
        if audio.format is None:
            continue
        if audio.lossless:
            low = []
            if audio.bits_per_sample is not None and audio.bits_per_sample < MIN_BITS:
                low.append(f"{audio.bits_per_sample} bit")
            if audio.sample_rate is not None and audio.sample_rate < MIN_RATE:
                low.append(f"{audio.sample_rate} Hz")
            if low:
                yield Finding(at=item.file.loc,
                              message=f"{path} is {' / '.join(low)}, below CD quality "
                              "(16 bit / 44.1 kHz)",
                              hint="Export it again from the master at 16 bit / 44.1 kHz or "
                              "better")
        elif audio.bitrate is not None and audio.bitrate < MIN_LOSSY_BITRATE:
            yield Finding(at=item.file.loc,
                          message=f"{path} is {audio.format} at {audio.bitrate // 1000} kbps, "
                          "below 320 kbps",
                          hint="Deliver WAV or FLAC, or an MP3 encoded at 320 kbps")


RULE = Rule(
    code="AST815",
    severity=Severity.WARNING,
    summary="Audio below distribution quality",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
