"""Artwork is not RGB (CMYK, greyscale, palette), or carries an alpha channel.

Why it matters:
    Stores display RGB; CMYK artwork shows wrong colours, and transparency is rendered
    differently by each store.

Bad:
    A CMYK JPEG as resources/cover.jpg.

Good:
    An RGB JPEG as resources/cover.jpg.

Source:
    Store artwork guides (RGB, no transparency).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage

_MODE_NAMES = {"CMYK": "CMYK", "L": "greyscale", "LA": "greyscale", "1": "black and white",
               "P": "palette", "PA": "palette", "I;16": "16-bit greyscale", "I": "greyscale",
               "YCbCr": "YCbCr", "LAB": "Lab"}


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, image in facts.images:
        if image.mode is None:
            continue
        if image.mode not in {"RGB", "RGBA"}:
            yield Finding(at=item.file.loc,
                          message=f"{item.package_path} is "
                          f"{_MODE_NAMES.get(image.mode, image.mode)} (mode {image.mode}), "
                          "not RGB",
                          hint="Convert the artwork to RGB (sRGB)")
        elif image.has_alpha:
            yield Finding(at=item.file.loc,
                          message=f"{item.package_path} has an alpha channel (transparency)",
                          hint="Flatten it onto a background and save it as RGB")


RULE = Rule(
    code="AST809",
    severity=Severity.WARNING,
    summary="Artwork is not RGB, or carries an alpha channel",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
