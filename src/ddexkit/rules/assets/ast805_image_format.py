"""An artwork file is not a readable image, or its real format differs from its extension or
the ERN's ImageCodecType.

Why it matters:
    API: the ingest decodes the actual image; a PNG named .jpg, a JPEG declared as PNG or a
    truncated file is rejected or shown broken.

Bad:
    <ImageCodecType>PNG</ImageCodecType>

Good:
    <ImageCodecType>JPEG</ImageCodecType>

Source:
    Distributor API (actual image); DDEX ERN 3.8.2 ImageCodecType.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.mediaformats import IMAGE_CODECS, IMAGE_EXTENSION_FOR, image_format_of_name
from ddexkit.issues import Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for item, image in facts.images:
        path = item.package_path
        if image.bomb:
            continue  # AST808
        if image.format is None or image.truncated:
            yield Finding(at=item.file.loc,
                          message=f"{path} is not a readable JPEG/PNG image: {image.error}",
                          hint="Export the artwork again as a JPEG or PNG")
            continue
        named = image_format_of_name(path)
        if named is not None and named != image.format:
            yield Finding(at=item.file.loc,
                          message=f"{path} is a {image.format} image, not {named} as its "
                          "extension says",
                          hint=f"Rename it with {IMAGE_EXTENSION_FOR.get(image.format, '')} "
                          "or convert it")
        codec = item.technical.codec
        if codec is not None and codec.stripped in IMAGE_CODECS and (
            IMAGE_CODECS[codec.stripped] != image.format
        ):
            yield Finding(at=codec.loc,
                          message=f"{path} is a {image.format} image, but ImageCodecType says "
                          f"{codec.stripped}",
                          hint=f"Set <ImageCodecType>{image.format}</ImageCodecType>"
                          if image.format in IMAGE_CODECS else "Convert the image to JPEG")


RULE = Rule(
    code="AST805",
    severity=Severity.ERROR,
    summary="An artwork file is not a readable image or not the format its name and ERN say",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
