"""The image's real width or height differs from ImageWidth/ImageHeight in the ERN, or the
ERN leaves one out.

Why it matters:
    The ERN's technical details must describe the file delivered; stores that trust them lay
    the artwork out wrongly. A TechnicalImageDetails without ImageWidth or ImageHeight is
    valid but leaves the store to guess (a warning). ``ddexkit fix --unsafe`` writes what
    the file has, or adds the element where the schema puts it (unsafe: only right when the
    file is the one meant).

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
from ddexkit.domain.sequences import preceding
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, image in facts.images:
        technical = item.technical
        path = item.package_path
        for label, stated, real in (("ImageHeight", technical.height, image.height),
                                    ("ImageWidth", technical.width, image.width)):
            if real is None or (stated is None and technical.kind != "TechnicalImageDetails"):
                continue
            extent = f"{real} pixels {'wide' if label == 'ImageWidth' else 'high'}"
            if stated is None:
                yield Finding(at=technical.loc, severity=Severity.WARNING,
                              message=f"{technical.kind} has no {label}, and {path} is "
                              f"{extent}",
                              hint=f"Add <{label}>{real}</{label}>",
                              fix=Fix(replacement=str(real), original="", safe=False,
                                      insert=label, after=preceding(technical.kind, label),
                                      description=f"add {label} {real}, what {path} has"))
                continue
            number = positive_int(stated.stripped)
            if number is not None and number != real:
                yield Finding(at=stated.loc,
                              message=f"{label} says {number}, but {path} is {extent}",
                              hint=f"Set <{label}>{real}</{label}>",
                              fix=Fix(replacement=str(real), original=stated.value,
                                      safe=False, description=f"write {real}, what {path} "
                                      "has"))


RULE = Rule(
    code="AST810",
    severity=Severity.ERROR,
    summary="The image's real width or height differs from the ERN, or is left out",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
