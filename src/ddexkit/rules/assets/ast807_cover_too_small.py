"""Front cover artwork is smaller than 3000×3000 pixels.

Why it matters:
    API: 3000×3000 is the norm the stores ask for; smaller artwork may be refused by some
    stores or look blurred. With the files at hand the image's real size is judged; without
    them, the ImageWidth and ImageHeight the ERN declares for the front cover.

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
from ddexkit.model import Resource
from ddexkit.rules.base import Rule, RuleContext, Stage


def _is_front_cover(resource: Resource) -> bool:
    kind = resource.resource_type
    return kind is not None and kind.stripped == "FrontCoverImage"


def _declared(context: RuleContext) -> Iterator[Finding]:
    """Without the files: the front cover's declared ImageWidth × ImageHeight."""
    message = context.message
    if message is None:
        return
    side = context.options.cover_min_side
    for resource in message.images:
        if not _is_front_cover(resource):
            continue
        for technical in resource.iter_technical_details():
            if technical.width is None or technical.height is None:
                continue
            width, height = technical.width.as_int(), technical.height.as_int()
            if width is None or height is None or min(width, height) >= side:
                continue
            smaller = technical.width if width <= height else technical.height
            yield Finding(at=smaller.loc,
                          message=f"The front cover {resource.ref or '(no reference)'} is "
                          f"declared as {width}×{height} pixels, smaller than "
                          f"{side}×{side}",
                          hint=f"Deliver the artwork at {side}×{side} pixels from the "
                          "original and declare its size (do not upscale a small image)")


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    if not facts.at_hand:
        yield from _declared(context)
        return
    side = context.options.cover_min_side
    for item, image in facts.images:
        if not _is_front_cover(item.resource):
            continue
        if image.width is None or image.height is None:
            continue
        if min(image.width, image.height) < side:
            yield Finding(at=item.file.loc,
                          message=f"The front cover {item.package_path} is {image.width}×"
                          f"{image.height} pixels, smaller than {side}×{side}",
                          hint=f"Export the artwork at {side}×{side} pixels from the "
                          "original (do not upscale a small image)")


RULE = Rule(
    code="AST807",
    severity=Severity.WARNING,
    summary="Front cover artwork is smaller than 3000×3000 pixels",
    stage=Stage.ASSETS,
    check=check,
    doc=__doc__ or "",
    reads=frozenset({"cover_min_side"}),
)
