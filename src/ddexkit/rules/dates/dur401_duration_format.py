"""A Duration is not an ISO 8601 duration.

Why it matters:
    ERN types every Duration as an ISO 8601 duration (``PT3M45S``). The ingest rejects
    clock times (``3:45``), bare seconds (``225``), lower case and carry-over slips
    (``PT3M75S``); where the value can be read, the hint gives its ISO form and ``ddexkit
    fix`` writes it: safe when the value names its units (``3:45``, ``pt3m``, ``PT3M75S``),
    unsafe for a bare number, whose unit (seconds) is a guess. This issue replaces the
    XSD's ERN006 for the same element.

Bad:
    <Duration>3:12</Duration>

Good:
    <Duration>PT3M12S</Duration>

Source:
    ISO 8601 (durations); DDEX ERN 3.8.2 XSD (xs:duration); distributor API.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddexkit.domain.timecodes import suggest_duration
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE

# A length without a unit (``225``): read as seconds, which only the sender knows it is.
_BARE_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]*)?")


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for duration in message.indexed("Duration"):
        parsed = context.iso_duration(duration.value)
        if parsed is not None and not parsed.overflows:  # is_iso_duration, parsed once
            continue
        meant = suggest_duration(duration.value)
        hint = (
            f"Write {meant} (ISO 8601: PT, then hours H, minutes M, seconds S)"
            if meant is not None
            else "Write the length as an ISO 8601 duration such as PT3M45S"
        )
        fix = None if meant is None else Fix(
            replacement=meant, original=duration.value, description=f"write {meant}",
            safe=not _BARE_NUMBER.fullmatch(duration.stripped))
        yield Finding(
            at=duration.loc,
            message=f"Duration {duration.value.strip()!r} is not an ISO 8601 duration",
            hint=hint,
            fix=fix,
        )


RULE = Rule(
    code="DUR401",
    severity=Severity.ERROR,
    summary="A Duration is not an ISO 8601 duration",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
    indexes=frozenset({"Duration"}),
)
