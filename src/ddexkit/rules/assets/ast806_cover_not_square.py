"""Front cover artwork is not square.

Why it matters:
    API: stores show the front cover in a square frame; the ingest rejects artwork whose
    width and height differ.

Bad:
    <ImageHeight>2000</ImageHeight>
    <ImageWidth>3000</ImageWidth>

Good:
    <ImageHeight>3000</ImageHeight>
    <ImageWidth>3000</ImageWidth>

Source:
    Distributor API (artwork requirements).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, image in facts.images:
        kind = item.resource.resource_type
        if kind is None or kind.stripped != "FrontCoverImage":
            continue
        if image.width is None or image.height is None or image.width == image.height:
            continue
        side = max(image.width, image.height)
        yield Finding(at=item.file.loc,
                      message=f"The front cover {item.package_path} is {image.width}×"
                      f"{image.height} pixels, not square",
                      hint=f"Crop or pad it to {side}×{side} pixels")


RULE = Rule(
    code="AST806",
    severity=Severity.ERROR,
    summary="Front cover artwork is not square",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
