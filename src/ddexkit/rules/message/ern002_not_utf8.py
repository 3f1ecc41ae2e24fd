"""The file is not UTF-8.

Why it matters:
    The distributor's API takes UTF-8 only (API). A file declared or saved in another encoding
    (Latin-1, UTF-16, Windows-1252) has its accented names garbled or is refused. A UTF-8 byte
    order mark is allowed. Bytes that are not valid UTF-8 are reported at their line and
    column, and the file is not read further.

Bad:
    <?xml version="1.0" encoding="ISO-8859-1"?>

Good:
    <?xml version="1.0" encoding="UTF-8"?>

Source:
    Distributor API: "UTF-8"; W3C XML 1.0, section 4.3.3.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import WHOLE_FILE, Finding, Location, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.safexml import DocumentFacts

_HINT = "Save the file as UTF-8 and declare <?xml version=\"1.0\" encoding=\"UTF-8\"?>"


def check(facts: DocumentFacts, context: RuleContext) -> Iterator[Finding]:
    if facts.bom_encoding not in (None, "UTF-8"):
        yield Finding(
            at=WHOLE_FILE,
            message=f"The file is encoded in {facts.bom_encoding} (byte order mark), not UTF-8",
            hint=_HINT,
        )
    elif facts.unmarked_encoding is not None:
        yield Finding(
            at=WHOLE_FILE,
            message=f"The file is encoded in {facts.unmarked_encoding} (without a byte order "
            "mark), not UTF-8",
            hint=_HINT,
        )
    elif facts.declared_encoding and facts.declared_encoding.lower() not in ("utf-8", "utf8"):
        yield Finding(
            at=Location(line=1, column=1),
            message=f"The XML declaration names the encoding {facts.declared_encoding}, not UTF-8",
            hint=_HINT,
        )
    if facts.invalid_utf8 is not None:
        problem = facts.invalid_utf8
        yield Finding(
            at=Location(line=problem.line, column=problem.column),
            message=f"The file is not valid UTF-8: {problem.message}",
            hint=_HINT,
        )


RULE = Rule(
    code="ERN002",
    severity=Severity.ERROR,
    summary="The file is not UTF-8",
    stage=Stage.DOCUMENT,
    check=check,
    mandatory=True,
    doc=__doc__ or "",
    any_message_kind=True,
)
