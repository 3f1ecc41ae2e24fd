"""The root is not an ERN 3.8.2 message.

Why it matters:
    The release ingest takes ERN 3.8.2 only. A message of another ERN version (3.8.1, 3.8.3,
    4.x) has other elements and rules, another DDEX standard is another kind of message, and
    an XML file outside DDEX is not a release at all. The issue names what the file is.

Bad:
    <ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/41" MessageSchemaVersionId="ern/41">

Good:
    <ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382" MessageSchemaVersionId="ern/382"

Source:
    DDEX ERN 3.8.2 XSD (target namespace http://ddex.net/xml/ern/382).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddexkit.issues import Finding, Location, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.safexml import ERN382_NAMESPACE, DocumentFacts

_DDEX_NAMESPACE = re.compile(r"^https?://ddex\.net/xml/([A-Za-z-]+)/?([0-9]*)")


def describe_namespace(namespace: str) -> str:
    """What a root namespace says the file is, e.g. 'ERN 4.1.1' or 'not a DDEX message'."""
    found = _DDEX_NAMESPACE.match(namespace)
    if not found:
        return "not a DDEX message" + (f" (namespace {namespace})" if namespace else "")
    standard, digits = found.group(1).upper(), found.group(2)
    version = ".".join(digits) if digits else "of unknown version"
    if standard == "ERN":
        return f"an ERN {version} message"
    return f"a DDEX {standard} {version} message, not an ERN release message"


def check(facts: DocumentFacts, context: RuleContext) -> Iterator[Finding]:
    if not facts.parsed or facts.root_namespace == ERN382_NAMESPACE:
        return
    yield Finding(
        at=Location(line=facts.root_line, element=facts.root_element),
        message=(
            f"<{facts.root_name}> is {describe_namespace(facts.root_namespace or '')}, "
            "not ERN 3.8.2"
        ),
        hint=f"Export the release as ERN 3.8.2 (root namespace {ERN382_NAMESPACE})",
    )


RULE = Rule(
    code="ERN004",
    severity=Severity.ERROR,
    summary="The root is not an ERN 3.8.2 message",
    stage=Stage.DOCUMENT,
    check=check,
    mandatory=True,
    doc=__doc__ or "",
    any_message_kind=True,
    stops_the_run=True,
)
