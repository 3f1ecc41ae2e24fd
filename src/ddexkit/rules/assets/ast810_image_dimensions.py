"""The image's real width or height differs from ImageWidth/ImageHeight in the ERN.

Why it matters:
    The ERN's technical details must describe the file delivered; stores that trust them lay
    the artwork out wrongly. ``ddexkit fix --unsafe`` writes what the file has (unsafe: only
    right when the file is the one meant). A size left out is AST821's.

Bad:
    <ImageWidth>2000</ImageWidth>

Good:
    <ImageWidth>3000</ImageWidth>

Source:
    DDEX ERN 3.8.2 TechnicalImageDetails (ImageWidth, ImageHeight).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.mediaformats import positive_int
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, image in facts.images:
        technical = item.technical
        path = item.package_path
        for label, stated, real in (("ImageWidth", technical.width, image.width),
                                    ("ImageHeight", technical.height, image.height)):
            if stated is None or real is None:
                continue
            number = positive_int(stated.stripped)
            if number is not None and number != real:
                extent = f"{real} pixels {'wide' if label == 'ImageWidth' else 'high'}"
                yield Finding(at=stated.loc,
                              message=f"{label} says {number}, but {path} is {extent}",
                              hint=f"Set <{label}>{real}</{label}>",
                              fix=Fix(replacement=str(real), original=stated.value,
                                      safe=False, description=f"write {real}, what {path} "
                                      "has"))


RULE = Rule(
    code="AST810",
    severity=Severity.ERROR,
    summary="The image's real width or height differs from the ERN",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
