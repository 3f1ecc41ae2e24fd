"""The message carries a CatalogTransfer.

Why it matters:
    A CatalogTransfer tells a recipient that releases move from one rights holder to
    another. It belongs only in the delivery that makes such a move: in any other a store
    may reassign the releases it names, and their revenue, to the party it names. The
    profiles flag it so the sender confirms a transfer is meant. The profiles make it a
    Conditional Fatal Error (judged where the tester can tell): a warning here.

Bad:
  <CatalogTransfer> <!-- expect: PRF030 -->

Good:
  <UpdateIndicator>OriginalMessage</UpdateIndicator>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(23):
    AudioAlbumMusicOnly rule 1106-1, AudioSingle rule 1033-1 (Conditional Fatal Error).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_TRANSFER = "CatalogTransfer"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for transfer in message.indexed(_TRANSFER):
        yield Finding(
            at=transfer.loc,
            message="The message carries a CatalogTransfer: the releases it names change "
            "hands",
            hint="Keep the <CatalogTransfer> only if this delivery does move the catalog; "
            "otherwise remove it",
        )


RULE = Rule(
    code="PRF030",
    severity=Severity.WARNING,
    summary="The message carries a CatalogTransfer",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({_TRANSFER}),
    opt_in=True,
)
