"""An artwork file is larger than 50 MB, or decodes to more pixels than Pillow's
decompression-bomb limit.

Why it matters:
    API: artwork is at most 50 MB. An image whose header claims more pixels than Pillow's
    limit could exhaust memory when decoded (a decompression bomb); ddexkit refuses to decode
    it and so would the ingest.

Bad:
    <FileName>cover.png</FileName>

Good:
    <FileName>cover.jpg</FileName>

Source:
    Distributor API (artwork at most 50 MB); Pillow Image.MAX_IMAGE_PIXELS.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.limits import ARTWORK_LIMIT_BYTES
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item in facts.files:
        if item.resource.kind != "Image" or not item.lookup.found:
            continue
        if item.lookup.size > ARTWORK_LIMIT_BYTES:
            yield Finding(at=item.file.loc,
                          message=f"{item.package_path} is {item.lookup.size:,} bytes, over the "
                          f"50 MB artwork limit ({ARTWORK_LIMIT_BYTES:,} bytes)",
                          hint="Save it as a JPEG of 3000×3000 pixels")
        elif item.image is not None and item.image.bomb:
            yield Finding(at=item.file.loc,
                          message=f"{item.package_path} decodes to more pixels than the "
                          f"decompression-bomb limit: {item.image.error}",
                          hint="Save the artwork at 3000×3000 pixels")


RULE = Rule(
    code="AST808",
    severity=Severity.ERROR,
    summary="An artwork file is over 50 MB or a decompression bomb",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
