"""A TechnicalImageDetails leaves out ImageWidth or ImageHeight, which the image at hand gives.

Why it matters:
    Both are optional in ERN 3.8.2, but a store that lays out or checks artwork from the
    ERN's technical details is left to guess, or opens the file to find out, and the
    distributor's summary shows no size. With the image at hand its size is known, so
    ``ddexkit fix --unsafe`` adds the element where the schema puts it (unsafe: only right
    when the file is the one meant). A size that is written but wrong is AST810's. Off by
    default (opt-in, outside the distributor's catalog): select AST821 to have sizes added.

Bad:
    <TechnicalImageDetails>
      <TechnicalResourceDetailsReference>T4</TechnicalResourceDetailsReference>
      <ImageCodecType>JPEG</ImageCodecType>
      <ImageWidth>3000</ImageWidth>

Good:
    <TechnicalImageDetails>
      <TechnicalResourceDetailsReference>T4</TechnicalResourceDetailsReference>
      <ImageCodecType>JPEG</ImageCodecType>
      <ImageHeight>3000</ImageHeight>
      <ImageWidth>3000</ImageWidth>

Source:
    DDEX ERN 3.8.2 TechnicalImageDetails (ImageHeight, ImageWidth); distributor API
    (warnings for optional fields).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.sequences import preceding
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage

_IMAGE_DETAILS = "TechnicalImageDetails"


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, image in facts.images:
        technical = item.technical
        if technical.kind != _IMAGE_DETAILS:
            continue  # an image named from other details: no place of the schema's to add it
        path = item.package_path
        # In the schema's order (ImageHeight comes first), so that the fixes read in order.
        for label, stated, real in (("ImageHeight", technical.height, image.height),
                                    ("ImageWidth", technical.width, image.width)):
            if stated is not None or real is None:
                continue
            extent = f"{real} pixels {'wide' if label == 'ImageWidth' else 'high'}"
            yield Finding(at=technical.loc,
                          message=f"{technical.kind} has no {label}, and {path} is {extent}",
                          hint=f"Add <{label}>{real}</{label}>",
                          fix=Fix(replacement=str(real), original="", safe=False,
                                  insert=label, after=preceding(technical.kind, label),
                                  description=f"add {label} {real}, what {path} has"))


RULE = Rule(
    code="AST821",
    severity=Severity.WARNING,
    summary="A TechnicalImageDetails leaves out ImageWidth or ImageHeight",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
    opt_in=True,
)
