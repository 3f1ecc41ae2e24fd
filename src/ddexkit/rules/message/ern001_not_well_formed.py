"""The file is not well-formed XML.

Why it matters:
    Nothing can read a file that is not well-formed XML: the distributor's ingest rejects it
    before looking at a single field, and no other check can run. The issue gives the XML
    parser's own message with its line and column.

Bad:
    <TitleText>Blue Monday</TitleTxt>

Good:
    <TitleText>Blue Monday</TitleText>

Source:
    W3C XML 1.0, section 2.1 (well-formed documents).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Location, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.safexml import DocumentFacts


def check(facts: DocumentFacts, context: RuleContext) -> Iterator[Finding]:
    problem = facts.syntax_error
    if problem is None:
        return
    yield Finding(
        at=Location(line=problem.line, column=problem.column),
        message=f"The file is not well-formed XML: {problem.message.strip()}",
        hint="Fix the XML syntax at this place (an unclosed or mistyped tag, a stray '&' or '<')",
    )


RULE = Rule(
    code="ERN001",
    severity=Severity.ERROR,
    summary="The file is not well-formed XML",
    stage=Stage.DOCUMENT,
    check=check,
    mandatory=True,
    doc=__doc__ or "",
)
