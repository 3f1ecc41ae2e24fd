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

# A Year's fault: the year as read, what is wrong with it, what to write instead.
_Fault = tuple[int, str, str]


def _latest(years: Iterable[int | None]) -> int | None:
    """The latest of the years that are known; None when none is."""
    latest: int | None = None
    for year in years:
        if year is not None and (latest is None or year > latest):
            latest = year
    return latest


class _Years:
    """The years of the message's dates and the faults of its PLine and CLine Years, each
    worked out once per distinct value (and bound): the thousands of tracks of an album
    repeat a handful of them."""

    def __init__(self, today_year: int) -> None:
        self.today_year = today_year
        self._of_date: dict[str, int | None] = {}
        self._faults: dict[tuple[str, int | None], _Fault | None] = {}

    def latest(self, texts: Iterable[Text | None]) -> int | None:
        """The latest year of the dates among ``texts``, None when none has one."""
        return _latest(self._year(text.value) for text in texts if text is not None)

    def _year(self, date: str) -> int | None:
        try:
            return self._of_date[date]
        except KeyError:
            found = comparable_date(date)
            year = self._of_date[date] = found.year if found is not None else None
            return year

    def findings(self, lines: Iterable[CopyrightLine], release_year: int | None
                 ) -> Iterator[Finding]:
        for line in lines:
            if line.year is None:
                continue
            key = (line.year.value, release_year)
            try:
                fault = self._faults[key]
            except KeyError:
                fault = self._faults[key] = self._fault(line.year.value, release_year)
            if fault is not None:
                year, problem, fix = fault
                yield Finding(
                    at=line.year.loc,
                    message=f"{line.kind} Year {year} {problem}",
                    hint=f"Set the {line.kind} Year to {fix}",
                )

    def _fault(self, value: str, release_year: int | None) -> _Fault | None:
        year = parse_year(value)
        if year is None:
            return None
        if year > self.today_year:
            return (year, f"is in the future (this is {self.today_year})",
                    "the year of first publication")
        if release_year is not None and year > release_year:
            return (year, f"is after the release date's year {release_year}",
                    f"{release_year} or earlier")
        if year < _EARLIEST_YEAR:
            return year, f"is before {_EARLIEST_YEAR}", "the year of first publication"
        return None


def _release_year(release: Release, years: _Years) -> int | None:
    """The latest year the release comes out in (territories may differ: the kindest bound)."""
    texts: list[Text | None] = [release.global_release_date]
    for details in release.details:
        texts.extend(details.release_dates)
    return years.latest(texts)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    years = _Years(context.today.year)
    release_years: dict[str, int | None] = {}
    for release in message.releases:
        year = _release_year(release, years)
        release_years.setdefault(release.ref, year)
        yield from years.findings(release.iter_all_p_lines(), year)
        yield from years.findings(release.iter_all_c_lines(), year)
    delivering = context.releases_by_resource_reference
    for resource in message.resources:
        known = _latest(release_years.get(r.ref) for r in delivering.get(resource.ref, ()))
        for details in resource.details:
            year = _latest((known, years.latest(details.resource_release_dates)))
            if details.p_lines:  # most resources have no CLine: no generator made for none
                yield from years.findings(details.p_lines, year)
            if details.c_lines:
                yield from years.findings(details.c_lines, year)


RULE = Rule(
    code="DUR409",
    severity=Severity.WARNING,
    summary="A PLine or CLine Year is after the release date's year, in the future, or before 1900",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
