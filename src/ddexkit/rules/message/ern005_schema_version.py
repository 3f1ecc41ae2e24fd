"""MessageSchemaVersionId is missing or does not name 3.8.2.

Why it matters:
    Receivers route a message by its MessageSchemaVersionId; a missing or wrong value sends an
    ERN 3.8.2 file down the wrong path. `ern/382` is the value; `/ern/382`, which some
    senders write, is accepted. Under another ERN version's namespace ERN004 already names the
    version, so this rule stays silent there.

Bad:
    <ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382" MessageSchemaVersionId="ern/381">

Good:
    <ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382" MessageSchemaVersionId="ern/382"

Source:
    DDEX ERN 3.8.2 XSD, attribute MessageSchemaVersionId of the message root.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddexkit.issues import Finding, Location, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.safexml import ERN382_NAMESPACE, DocumentFacts

ACCEPTED_VERSIONS = frozenset({"ern/382", "/ern/382"})
# The root namespaces of every ERN version: under another version's namespace ERN004 already
# names that version, and a schema version id of that version is no second fault.
_ERN_NAMESPACE = re.compile(r"^http://ddex\.net/xml/ern/\d+$")
_HINT = 'Set MessageSchemaVersionId="ern/382" on the root element'


def check(facts: DocumentFacts, context: RuleContext) -> Iterator[Finding]:
    if not facts.parsed:
        return
    namespace = facts.root_namespace or ""
    if namespace != ERN382_NAMESPACE and _ERN_NAMESPACE.match(namespace):
        return
    at = Location(line=facts.root_line, element=facts.root_element)
    version = facts.schema_version_id
    if version is None:
        yield Finding(at=at, message="The root has no MessageSchemaVersionId", hint=_HINT)
    elif version.strip() not in ACCEPTED_VERSIONS:
        yield Finding(
            at=at,
            message=f"MessageSchemaVersionId is '{version}', not ern/382",
            hint=_HINT,
        )


RULE = Rule(
    code="ERN005",
    severity=Severity.ERROR,
    summary="MessageSchemaVersionId is missing or does not name 3.8.2",
    stage=Stage.DOCUMENT,
    check=check,
    mandatory=True,
    doc=__doc__ or "",
    any_message_kind=True,
)
