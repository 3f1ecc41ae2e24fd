"""An ISRC is not 12 characters CC XXX YY NNNNN, upper case, without separators.

Why it matters:
    The ingest matches recordings by their ISRC exactly: ``GB-AYE-24-00002`` (the display
    form) or ``gbaye2400003`` is not the ISRC GBAYE2400002 to a machine, and is rejected.
    ISO 3901 writes the code as 2 country letters, a 3-character registrant, a 2-digit year
    and a 5-digit designation. When only separators or case are wrong, the hint gives the
    compact form and ``ddexkit fix`` writes it (safe: the same code, written as ISO 3901 says).

Bad:
    <ISRC>GB-AYE-24-00002</ISRC>

Good:
    <ISRC>GBAYE2400002</ISRC>

Source:
    ISO 3901 (ISRC); IFPI ISRC Handbook (display and compact forms); distributor API.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddexkit.domain.identifiers import EXAMPLE_ISRC, check_isrc
from ddexkit.domain.joined import VALUE_END, VALUE_START, values_with_match
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE

# The start of every value that is not plainly a well-formed ISRC (check_isrc judges those):
# nearly all ISRCs of a message are, and one search over them all is cheaper than a call each.
_NOT_PLAIN = re.compile(
    VALUE_START + r"(?![ \t\r\n]*[A-Z]{2}[A-Z0-9]{3}[0-9]{7}[ \t\r\n]*" + VALUE_END + ")")


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    isrcs = message.indexed("ISRC")
    recordings: set[int] | None = None
    for at in values_with_match(_NOT_PLAIN, [isrc.value for isrc in isrcs]):
        isrc = isrcs[at]
        if not isrc.stripped:
            # An empty ISRC of a SoundRecording is "no ISRC" (ID104's), not a malformed one.
            if recordings is None:
                recordings = {id(t.element) for r in message.sound_recordings for t in r.isrcs}
            if id(isrc.element) in recordings:
                continue
        verdict = check_isrc(isrc.value)
        if verdict.ok:
            continue
        hint = (
            f"Write {verdict.corrected}"
            if verdict.corrected is not None
            else "Write the ISRC as 12 characters: country (2 letters), registrant (3 letters "
            f"or digits), year (2 digits), designation (5 digits), e.g. {EXAMPLE_ISRC}"
        )
        fix = None if verdict.corrected is None else Fix(
            replacement=verdict.corrected, original=isrc.value,
            description=f"write the ISRC compactly: {verdict.corrected}")
        yield Finding(at=isrc.loc, message=f"ISRC {isrc.stripped!r} {verdict.problem}" if isrc.stripped
                      else "An ISRC element is empty",
                      hint=hint, fix=fix)


RULE = Rule(
    code="ID105",
    severity=Severity.ERROR,
    summary="An ISRC is not 12 characters CC XXX YY NNNNN, upper case, without separators",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
    any_message_kind=True,
    indexes=frozenset({"ISRC"}),
)
