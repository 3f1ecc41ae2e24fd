"""No schema was named and none is installed, so structural validation was skipped.

Why it matters:
    DDEX licenses the ERN 3.8.2 XSD, so ddexkit does not ship it; without it, ddexkit cannot
    tell whether the distributor's schema check will pass. Every other rule still runs.
    The hint says how to install the schema once. A folder the user names (--schema-dir,
    schema-dir, $DDEXKIT_SCHEMA_DIR) that lacks the schema is a usage error, not ERN007.

Bad:
    python -m ddexkit validate corpus/good/album.xml   # on a machine without the schema

Good:
    python -m ddexkit schema install --from ~/Downloads/ern382.zip

Source:
    ddexkit's schema discovery (schemas/ern382/README.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import WHOLE_FILE, Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import INSTALL_HINT, XsdFacts


def check(facts: XsdFacts, context: RuleContext) -> Iterator[Finding]:
    if facts.status == "skipped":
        yield Finding(
            at=WHOLE_FILE,
            message="The official ERN 3.8.2 XSD was not found; structural validation was skipped",
            hint=INSTALL_HINT,
        )


RULE = Rule(
    code="ERN007",
    severity=Severity.WARNING,
    summary="The official XSD was not found, so structural validation was skipped",
    stage=Stage.SCHEMA,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
)
