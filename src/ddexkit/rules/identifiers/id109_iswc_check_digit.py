"""An ISWC is not T + 9 digits + a check digit, or the check digit is wrong.

Why it matters:
    The ISWC links a recording to the musical work, and through it to the writers and
    publishers who are paid for it; a mistyped ISWC pays someone else. ISO 15707 writes it
    as T, nine digits and a check digit. The display form ``T-034.524.680-1`` is reported
    with a hint that gives the compact form. A warning: placeholder ISWCs are common in
    samples and stores do not block a release on them.

Bad:
    <ISWC>T0702371829</ISWC>

Good:
    <ISWC>T0702371821</ISWC>

Source:
    ISO 15707 (ISWC) and the ISWC check digit calculation; DDEX ERN 3.8.2
    IndirectSoundRecordingId/ISWC.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ddexkit.domain.identifiers import (
    Status,
    check_iswc,
    iswc_display_form_only,
    iswcs_with_wrong_check_digit,
)
from ddexkit.domain.joined import VALUE_END, VALUE_START, values_with_match
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

# The start of every value that is not written exactly as T and ten digits: check_iswc judges
# those one by one; the check digits of all the others are checked at once.
_NOT_COMPACT = re.compile(VALUE_START + r"(?!T[0-9]{10}" + VALUE_END + ")")


def _suspects(values: Sequence[str]) -> list[int]:
    """The indices, ascending, of the values that may not be valid ISWCs."""
    odd = values_with_match(_NOT_COMPACT, values)
    if not odd:
        return iswcs_with_wrong_check_digit(values)
    skipped = set(odd)
    compact = [at for at in range(len(values)) if at not in skipped]
    wrong = iswcs_with_wrong_check_digit([values[at] for at in compact])
    return sorted(skipped.union(compact[k] for k in wrong))


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    iswcs = message.indexed("ISWC")
    for at in _suspects([iswc.value for iswc in iswcs]):
        iswc = iswcs[at]
        verdict = check_iswc(iswc.value)
        if verdict.ok:
            continue
        if iswc_display_form_only(iswc.value):
            yield Finding(
                at=iswc.loc,
                message=f"ISWC {iswc.stripped} is written in its display form, with "
                "hyphens or dots",
                hint=f"Write the compact form {verdict.corrected}",
                # tolerated: a warning-level hint whatever the rule's default severity
                severity=Severity.WARNING,
            )
            continue
        if verdict.status is Status.CHECK:
            hint = f"Check the ISWC; with the right check digit it reads {verdict.corrected}"
        elif verdict.corrected is not None:
            hint = f"Write {verdict.corrected}"
        else:
            hint = "Write T followed by the work's 9 digits and its check digit, " \
                "e.g. T0345246801"
        yield Finding(at=iswc.loc, message=f"ISWC {iswc.stripped!r} {verdict.problem}" if iswc.stripped
                      else "An ISWC element is empty",
                      hint=hint)


RULE = Rule(
    code="ID109",
    severity=Severity.WARNING,
    summary="An ISWC is not T + 9 digits + a check digit, or the check digit is wrong",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
    indexes=frozenset({"ISWC"}),
)
