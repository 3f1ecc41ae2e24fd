"""The file is not well-formed XML.

Why it matters:
    Nothing can read a file that is not well-formed XML: the distributor's ingest rejects it
    before looking at a single field, and no other check can run. The issue gives the XML
    parser's own message with its line and column. A file holding more tags than any real
    message of 50,000 KB (4,000,000) is not parsed either: its tree alone would take gigabytes.

Bad:
    <TitleText>Blue Monday</TitleTxt>

Good:
    <TitleText>Blue Monday</TitleText>

Source:
    W3C XML 1.0, section 2.1 (well-formed documents).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import WHOLE_FILE, Finding, Location, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.safexml import MAX_TAGS, DocumentFacts


def check(facts: DocumentFacts, context: RuleContext) -> Iterator[Finding]:
    if facts.unreadable is not None:
        yield Finding(at=WHOLE_FILE, message=f"The file cannot be read: {facts.unreadable}",
                      hint="Check that the file exists and that you may read it")
        return
    if facts.too_many_tags is not None:
        yield Finding(
            at=WHOLE_FILE,
            message=f"The file is not parsed: it holds {facts.too_many_tags:,} tags, more than "
            f"the {MAX_TAGS:,} ddexkit reads (a real message of 50,000 KB holds about 2,500,000)",
            hint="Deliver the release's real metadata; empty or repeated elements are not a message",
        )
        return
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
    any_message_kind=True,
)
