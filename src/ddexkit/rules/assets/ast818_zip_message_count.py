"""A ZIP holds no ERN XML, or more than one.

Why it matters:
    API: the release ZIP carries exactly one ERN next to its files; with none there is
    nothing to ingest, with several the ingest cannot tell which one describes the release.

Bad:
    A ZIP holding only resources/, or release.xml and release-old.xml.

Good:
    A ZIP holding release.xml at its root and the files it references.

Source:
    Distributor API (one ZIP of the ERN and its files).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.media import AssetFacts
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    package = facts.package
    if package is None or len(package.message_names) == 1:
        return
    if not package.message_names:
        yield Finding(at=WHOLE_FILE, message="The ZIP holds no ERN XML file",
                      hint="Put the release's ERN (.xml) at the root of the ZIP")
        return
    names = ", ".join(package.message_names)
    yield Finding(at=WHOLE_FILE,
                  message=f"The ZIP holds {len(package.message_names)} XML files ({names}); "
                  "it must hold one ERN",
                  hint="Keep only the release's ERN in the ZIP")


RULE = Rule(
    code="AST818",
    severity=Severity.ERROR,
    summary="A ZIP holds no ERN XML, or more than one",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
)
