"""A violation of the official ERN 3.8.2 XSD.

Why it matters:
    The distributor validates every message against the ERN 3.8.2 schema and rejects one that
    fails (API). Each violation is one issue at the element concerned, with the validator's
    message made readable and, where the schema says it, what was expected there. Where a
    more specific rule explains the same fault at the same place (a bad territory code, a
    malformed duration, a missing header part), that rule's issue is shown instead.

Bad:
    <SoundRecordingType>Song</SoundRecordingType>

Good:
    <SoundRecordingType>MusicalWorkSoundRecording</SoundRecordingType>

Source:
    DDEX ERN 3.8.2 XSD (release-notification.xsd with avs_20161006.xsd).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Location, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import XsdFacts


def check(facts: XsdFacts, context: RuleContext) -> Iterator[Finding]:
    for violation in facts.violations:
        yield Finding(
            at=Location(line=violation.line, element=violation.element),
            message=violation.message,
            hint=violation.hint,
            xsd_kind=violation.kind,
            xsd_missing=violation.missing,
        )


RULE = Rule(
    code="ERN006",
    severity=Severity.ERROR,
    summary="A violation of the official ERN 3.8.2 XSD",
    stage=Stage.SCHEMA,
    check=check,
    mandatory=True,
    doc=__doc__ or "",
    any_message_kind=True,
)
