"""With whole-file track upload, an audio file is larger than the 10 MB upload limit.

Why it matters:
    API: the track-upload endpoint takes at most 10 MB (10,485,760 bytes) per request. Read as
    a chunked upload (the default, ``audio-upload = "parts"``), a larger file travels as
    consecutive parts of at most 10 MB under one upload_id and this rule is silent. A
    distributor that means one whole file per request (``--audio-upload whole``) cannot take a
    larger file through that endpoint, and a real album does not fit the release ZIP either.

Bad:
    A FLAC of 11 MB as resources/A1.flac, validated with --audio-upload whole.

Good:
    A FLAC under 10 MB (10,485,760 bytes), or the default chunked upload.

Source:
    Distributor API: POST /api/v1/file/upload, file at most 10 MB.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.limits import FILE_UPLOAD_LIMIT_BYTES
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    if context.options.audio_upload != "whole":
        return
    for item in facts.files:
        if item.resource.kind != "SoundRecording" or not item.lookup.found:
            continue
        if item.lookup.size > FILE_UPLOAD_LIMIT_BYTES:
            yield Finding(at=item.file.loc,
                          message=f"{item.package_path} is {item.lookup.size:,} bytes, over "
                          f"the whole-file track-upload limit of 10 MB "
                          f"({FILE_UPLOAD_LIMIT_BYTES:,} bytes)",
                          hint="Upload it in parts (--audio-upload parts, the default) if the "
                          "distributor takes chunked uploads, or deliver a smaller file")


RULE = Rule(
    code="AST812",
    severity=Severity.ERROR,
    summary="With whole-file track upload, an audio file is larger than 10 MB",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
