"""A date is not a real calendar date, or not of the form YYYY, YYYY-MM or YYYY-MM-DD.

Why it matters:
    The ingest rejects bad dates: release dates, deal start and end dates and the like
    must be real days written the ISO 8601 way (``2024-05-17``), not ``2025-02-30``,
    ``17/05/2024`` or ``20240517``. Where the date can be read, the hint gives its ISO form.

Bad:
    <ReleaseDate>2024-02-30</ReleaseDate>

Good:
    <ReleaseDate>2024-05-17</ReleaseDate>

Source:
    ISO 8601 (calendar dates); DDEX ERN 3.8.2 XSD (ddex:IsoDate); distributor API (bad dates).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.timecodes import date_problem, suggest_date
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE

DATE_ELEMENTS = (
    "ReleaseDate",
    "OriginalReleaseDate",
    "GlobalReleaseDate",
    "GlobalOriginalReleaseDate",
    "ResourceReleaseDate",
    "StartDate",
    "EndDate",
    "EffectiveDate",
)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for name in DATE_ELEMENTS:
        for date in message.indexed(name):
            problem = date_problem(date.value)
            if problem is None:
                continue
            meant = suggest_date(date.value)
            yield Finding(
                at=date.loc,
                message=f"{name} {date.value!r} {problem}",
                hint=(
                    f"Write {meant}"
                    if meant is not None
                    else "Write a real date as YYYY-MM-DD (or YYYY-MM, or YYYY)"
                ),
            )


RULE = Rule(
    code="DUR405",
    severity=Severity.ERROR,
    summary="A date is not a real calendar date of the form YYYY, YYYY-MM or YYYY-MM-DD",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
    indexes=frozenset(DATE_ELEMENTS),
)
