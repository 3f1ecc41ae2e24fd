"""An audio file is not readable audio, or its real format differs from its extension or
AudioCodecType.

Why it matters:
    The ingest decodes the file by what it really is; a WAV named .flac, or FLAC declared as
    MP3, is rejected or transcoded wrongly.

Bad:
    <AudioCodecType>MP3</AudioCodecType>

Good:
    <AudioCodecType>FLAC</AudioCodecType>

Source:
    DDEX ERN 3.8.2 AudioCodecType; distributor API (WAV, FLAC or high-quality MP3).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.mediaformats import AUDIO_EXTENSION_FOR, audio_format_of_name
from ddexkit.issues import Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage

_UNCHECKED_CODECS = frozenset({"", "Unknown", "UserDefined"})


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, audio in facts.audio_files:
        path = item.package_path
        if audio.format is None:
            yield Finding(at=item.file.loc,
                          message=f"{path} is not readable audio: {audio.error}",
                          hint="Deliver the recording as WAV, FLAC or a 320 kbps MP3")
            continue
        named = audio_format_of_name(path)
        if named is not None and named != audio.format:
            yield Finding(at=item.file.loc,
                          message=f"{path} holds {audio.format} audio, not {named} as its "
                          "extension says",
                          hint=f"Rename it with {AUDIO_EXTENSION_FOR.get(audio.format, '')} "
                          "or convert it")
        codec = item.technical.codec
        if codec is not None and codec.stripped not in _UNCHECKED_CODECS and (
            codec.stripped != audio.format
        ):
            yield Finding(at=codec.loc,
                          message=f"{path} holds {audio.format} audio, but AudioCodecType says "
                          f"{codec.stripped}",
                          hint=f"Set <AudioCodecType>{audio.format}</AudioCodecType>")


RULE = Rule(
    code="AST811",
    severity=Severity.ERROR,
    summary="An audio file is not readable audio or not the format its name and ERN say",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
