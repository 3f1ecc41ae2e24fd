"""A GRid is not 18 characters, or its Mod 37,36 check character is wrong.

Why it matters:
    The GRid (Global Release Identifier) is 18 characters: the scheme ``A1``, a 5-character
    issuer code, a 10-character release number and an ISO/IEC 7064 Mod 37,36 check
    character. A GRid that fails the check was mistyped and identifies no release, or
    another one. A warning: placeholder GRids are common in samples and stores do not block
    a release on them.

Bad:
    <GRid>A12425GABC1234002N</GRid>

Good:
    <GRid>A12425GABC1234002M</GRid>

Source:
    IFPI GRid Standard v2.1; ISO/IEC 7064 (Mod 37,36); DDEX ERN 3.8.2 ReleaseId/GRid.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import Status, check_grid
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for grid in message.indexed("GRid"):
        verdict = check_grid(grid.value)
        if verdict.ok:
            continue
        if verdict.status is Status.CHECK:
            hint = f"Check the GRid; with the right check character it reads {verdict.corrected}"
        elif verdict.corrected is not None:
            hint = f"Write {verdict.corrected}"
        else:
            hint = "Write A1, the 5-character issuer code, the 10-character release number " \
                "and the check character, e.g. A12425GABC1234002M"
        yield Finding(at=grid.loc, message=f"GRid {grid.stripped!r} {verdict.problem}" if grid.stripped
                      else "A GRid element is empty",
                      hint=hint)


RULE = Rule(
    code="ID110",
    severity=Severity.WARNING,
    summary="A GRid is not 18 characters, or its Mod 37,36 check character is wrong",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
    indexes=frozenset({"GRid"}),
)
