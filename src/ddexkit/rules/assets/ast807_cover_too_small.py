"""Front cover artwork is smaller than 3000×3000 pixels.

Why it matters:
    API: 3000×3000 is the norm the stores ask for; smaller artwork may be refused by some
    stores or look blurred.

Bad:
    <ImageHeight>1400</ImageHeight>
    <ImageWidth>1400</ImageWidth>

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

MIN_SIDE = 3000


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, image in facts.images:
        kind = item.resource.resource_type
        if kind is None or kind.stripped != "FrontCoverImage":
            continue
        if image.width is None or image.height is None:
            continue
        if min(image.width, image.height) < MIN_SIDE:
            yield Finding(at=item.file.loc,
                          message=f"The front cover {item.package_path} is {image.width}×"
                          f"{image.height} pixels, smaller than {MIN_SIDE}×{MIN_SIDE}",
                          hint=f"Export the artwork at {MIN_SIDE}×{MIN_SIDE} pixels from the "
                          "original (do not upscale a small image)")


RULE = Rule(
    code="AST807",
    severity=Severity.WARNING,
    summary="Front cover artwork is smaller than 3000×3000 pixels",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
