"""The ResourceList holds more than one Image.

Why it matters:
    The audio profiles deliver one Image, the front cover, and no other artwork; a second
    Image (a back cover, a booklet page) belongs to another profile (an album with
    booklet). Stores that follow the profiles may take the wrong image as the cover.

Bad:
    <Image> <!-- expect: PRF015 -->
      <ImageType>BackCoverImage</ImageType>

Good:
    <Image>
      <ImageType>FrontCoverImage</ImageType>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.1:
    AudioSingle rule 1060-1, AudioAlbumMusicOnly rule 1133-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    images = message.images
    if len(images) < 2:
        return
    first = images[0].ref or "the first Image"
    for image in images[1:]:
        kind = image.resource_type.stripped if image.resource_type else "no ImageType"
        yield Finding(
            at=image.loc,
            message=f"Image {image.ref or '(no reference)'} ({kind}) is a second Image "
            f"besides {first}: the audio profiles deliver one",
            hint="Deliver only the front cover; send other artwork under a profile that "
            "allows it (e.g. an album with booklet)",
        )


RULE = Rule(
    code="PRF015",
    severity=Severity.ERROR,
    summary="The ResourceList holds more than one Image",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
