"""A file in the package is referenced by no resource.

Why it matters:
    A file nobody references is dead weight in the upload (it counts towards the 50,000 KB
    limit), and it often means a FileName has a typo.

Bad:
    A package holding resources/bonus.wav, which no File element names.

Good:
    Every file in the package is named by a resource's File (FilePath + FileName).

Source:
    DDEX ERN 3.8.2 File; distributor API (package size limit).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    for name in facts.unreferenced:
        yield Finding(at=WHOLE_FILE,
                      message=f"{name} is in the package but no resource references it",
                      hint="Remove it, or reference it from a resource's File "
                      "(FilePath + FileName)")


RULE = Rule(
    code="AST802",
    severity=Severity.WARNING,
    summary="A file in the package is referenced by no resource",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
