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

from collections.abc import Iterator

from ddexkit.domain.identifiers import Status, check_iswc, iswc_display_form_only
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for iswc in message.indexed("ISWC"):
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
