"""The file declares a DOCTYPE, a DTD or entities.

Why it matters:
    ERN messages never need a DTD. A DOCTYPE can pull in files from the network or the disk,
    or expand entities until the reader runs out of memory ("billion laughs"). ddexkit refuses
    such a file without loading or expanding anything; so should every system downstream.

Bad:
    <!DOCTYPE NewReleaseMessage [ <!ENTITY label "Warp"> ]>

Good:
    <ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382" MessageSchemaVersionId="ern/382"

Source:
    OWASP XML External Entity Prevention; DDEX ERN 3.8.2 (no DTD is defined).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Location, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.safexml import DocumentFacts


def check(facts: DocumentFacts, context: RuleContext) -> Iterator[Finding]:
    if facts.doctype is None:
        return
    yield Finding(
        at=Location(line=facts.doctype.line, column=facts.doctype.column),
        message=f"The file declares a {facts.doctype.message}; ddexkit refuses DTDs and entities",
        hint="Remove the <!DOCTYPE …> declaration and write entities out as text",
    )


RULE = Rule(
    code="ERN003",
    severity=Severity.ERROR,
    summary="The file declares a DOCTYPE, a DTD or entities",
    stage=Stage.DOCUMENT,
    check=check,
    mandatory=True,
    doc=__doc__ or "",
    any_message_kind=True,
)
