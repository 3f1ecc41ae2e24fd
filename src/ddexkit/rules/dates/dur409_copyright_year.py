"""A PLine or CLine Year is after the release date's year, in the future, or before 1900.

Why it matters:
    The (P) and (C) years tell the public when the recording and the artwork were first
    published; a year after the release came out, a year still to come, or one before
    1900 is nearly always a typing slip that stores would show as is.

Bad:
    <CLine>
      <Year>2025</Year>

Good:
    <CLine>
      <Year>2024</Year>

Source:
    DDEX ERN 3.8.2 (PLine/Year, CLine/Year); Rome and Geneva conventions (the (P) notice).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ddexkit.domain.timecodes import comparable_date, parse_year
from ddexkit.issues import Finding, Severity
from ddexkit.model import CopyrightLine, Message, Release, Text
from ddexkit.rules.base import Rule, RuleContext, Stage

_EARLIEST_YEAR = 1900


def _latest_year(texts: Iterable[Text | None]) -> int | None:
    years = []
    for text in texts:
        date = comparable_date(text.value) if text is not None else None
        if date is not None:
            years.append(date.year)
    return max(years, default=None)


def _release_year(release: Release) -> int | None:
    """The latest year the release comes out in (territories may differ: the kindest bound)."""
    texts: list[Text | None] = [release.global_release_date]
    for details in release.details:
        texts.extend(details.release_dates)
    return _latest_year(texts)


def _judge(line: CopyrightLine, release_year: int | None, today_year: int) -> Finding | None:
    if line.year is None:
        return None
    year = parse_year(line.year.value)
    if year is None:
        return None
    if year > today_year:
        problem, fix = f"is in the future (this is {today_year})", "the year of first publication"
    elif release_year is not None and year > release_year:
        problem, fix = (
            f"is after the release date's year {release_year}",
            f"{release_year} or earlier",
        )
    elif year < _EARLIEST_YEAR:
        problem, fix = f"is before {_EARLIEST_YEAR}", "the year of first publication"
    else:
        return None
    return Finding(
        at=line.year.loc,
        message=f"{line.kind} Year {year} {problem}",
        hint=f"Set the {line.kind} Year to {fix}",
    )


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    today_year = context.today.year
    release_years: dict[str, int | None] = {}
    for release in message.releases:
        year = _release_year(release)
        release_years.setdefault(release.ref, year)
        for line in (*release.iter_all_p_lines(), *release.iter_all_c_lines()):
            finding = _judge(line, year, today_year)
            if finding is not None:
                yield finding
    for resource in message.resources:
        delivering = context.releases_by_resource_reference.get(resource.ref, [])
        known = [y for r in delivering if (y := release_years.get(r.ref)) is not None]
        for details in resource.details:
            own = _latest_year(details.resource_release_dates)
            year = max([*known, *([own] if own is not None else [])], default=None)
            for line in (*details.p_lines, *details.c_lines):
                finding = _judge(line, year, today_year)
                if finding is not None:
                    yield finding


RULE = Rule(
    code="DUR409",
    severity=Severity.WARNING,
    summary="A PLine or CLine Year is after the release date's year, in the future, or before 1900",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
