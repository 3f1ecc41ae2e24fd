"""An audio file is larger than 10 MB, the track-upload endpoint's limit.

Why it matters:
    API: the separate track-upload endpoint takes at most 10 MB per file; a larger file can
    only travel inside the release ZIP.

Bad:
    A FLAC of 11 MB as resources/A1.flac.

Good:
    A FLAC under 10 MB (10,485,760 bytes), or the file delivered inside the release ZIP.

Source:
    Distributor API (track upload at most 10 MB).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage

MAX_TRACK_UPLOAD_BYTES = 10_485_760  # 10 MB, MB = 1,048,576 bytes


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item in facts.files:
        if item.resource.kind != "SoundRecording" or not item.lookup.found:
            continue
        if item.lookup.size > MAX_TRACK_UPLOAD_BYTES:
            yield Finding(at=item.file.loc,
                          message=f"{item.package_path} is {item.lookup.size:,} bytes, over "
                          f"the track-upload limit of 10 MB ({MAX_TRACK_UPLOAD_BYTES:,} bytes)",
                          hint="Deliver it inside the release ZIP (ddexkit package), not "
                          "through the track-upload endpoint")


RULE = Rule(
    code="AST812",
    severity=Severity.WARNING,
    summary="An audio file is larger than the 10 MB track-upload limit",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
