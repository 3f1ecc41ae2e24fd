"""ISO 8601 durations and dates as ERN uses them, with "did you mean" fixes (isodate reads the ISO
8601 forms ERN does not take, so the fix can name their xs:duration form).

ERN types a Duration as ``xs:duration`` (ISO 8601's ``PnYnMnDTnHnMnS``, upper case, only the
seconds may have a fraction) and its dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. Senders
often write ``3:45`` or ``225`` instead; the helpers here read those forms too, so rules can
say what the ISO form would be.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ddexkit.lexical import parse_iso_duration

_CLOCK = re.compile(r"^(?:(?P<hours>\d+):)?(?P<minutes>\d+):(?P<seconds>\d+(?:\.\d+)?)$")
_PLAIN_SECONDS = re.compile(r"^\d+(?:\.\d+)?$")
_UNIT_WORDS = re.compile(
    r"^(?:(?P<hours>\d+)\s*h(?:ours?|rs?)?)?\s*"
    r"(?:(?P<minutes>\d+)\s*m(?:in(?:utes?|s)?)?)?\s*"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)\s*s(?:ec(?:onds?|s)?)?)?$",
    re.IGNORECASE,
)
_WEEKS = re.compile(r"^P(?P<weeks>\d+)W$")
_PARTIAL_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
_LOOSE_DATE = re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})$")
_DAY_FIRST_DATE = re.compile(r"^(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})$")
_COMPACT_DATE = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")
_DATETIME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})[T ]\S*$")


def is_iso_duration(text: str) -> bool:
    """Whether ``text`` is an ISO 8601 duration an ERN Duration may hold (carry-overs right)."""
    parsed = parse_iso_duration(text)
    return parsed is not None and not parsed.overflows


def format_duration(seconds: float | Decimal) -> str:
    """The ISO 8601 form of a number of seconds, largest units first: 225 → PT3M45S."""
    amount = Decimal(str(seconds)) if isinstance(seconds, float) else seconds
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    whole = int(amount)
    fraction = amount - whole
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours}H")
    if minutes:
        parts.append(f"{minutes}M")
    if secs or fraction or not parts:
        parts.append(f"{_decimal_text(secs + fraction)}S")
    return f"{sign}PT{''.join(parts)}"


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _clock_seconds(hours: str | None, minutes: str | None, seconds: str | None) -> Decimal:
    return Decimal(seconds or 0) + 60 * (int(minutes or 0) + 60 * int(hours or 0))


def suggest_duration(text: str) -> str | None:
    """The ISO 8601 duration that ``text`` most likely means, or None if it cannot be read.

    ``3:45`` → PT3M45S, ``1:02:03`` → PT1H2M3S, ``225`` (seconds) → PT3M45S,
    ``PT3M75S`` → PT4M15S, ``pt3m`` → PT3M, ``3m 45s`` → PT3M45S, ``P1W`` → P7D.
    """
    value = text.strip()
    if not value:
        return None
    try:
        return _suggest(value)
    except InvalidOperation:
        return None


def _other_iso_8601_seconds(value: str) -> Decimal | None:
    """Seconds of an ISO 8601 duration that xs:duration does not take (weeks, a fraction
    outside the seconds, a decimal comma: P1W, PT3.5M, PT3M12,5S), read with isodate; None
    for calendar units or what isodate cannot read either."""
    if not value.startswith(("P", "+P", "-P")) or not any(c.isdigit() for c in value):
        return None  # isodate reads a lone "PT" as zero
    import isodate

    try:
        parsed = isodate.parse_duration(value)
    except (isodate.ISO8601Error, ValueError, TypeError, OverflowError):
        return None
    if not isinstance(parsed, dt.timedelta):
        return None  # isodate's Duration: years or months
    return Decimal(str(parsed.total_seconds()))


def _suggest(value: str) -> str | None:
    iso = parse_iso_duration(value.upper())
    if iso is not None:
        if iso.has_calendar_units:
            return value.upper() if value.upper() != value else None
        total = _clock_seconds(str(iso.hours + 24 * iso.days), str(iso.minutes), str(iso.seconds))
        return format_duration(-total if iso.negative else total)
    weeks = _WEEKS.match(value.upper())
    if weeks is not None:
        return f"P{int(weeks['weeks']) * 7}D"
    other_iso = _other_iso_8601_seconds(value.upper())
    if other_iso is not None:
        return format_duration(other_iso)
    clock = _CLOCK.match(value)
    if clock is not None:
        if clock["hours"] is not None and int(clock["minutes"]) >= 60:
            return None
        return format_duration(_clock_seconds(clock["hours"], clock["minutes"], clock["seconds"]))
    if _PLAIN_SECONDS.match(value):
        return format_duration(Decimal(value))
    words = _UNIT_WORDS.match(value)
    if words is not None and any(words.groupdict().values()):
        return format_duration(_clock_seconds(words["hours"], words["minutes"], words["seconds"]))
    return None


def calendar_to_time_units(text: str) -> str | None:
    """``P3M`` read as minutes (PT3M) when the sender forgot the T; None if not that slip."""
    iso = parse_iso_duration(text)
    if iso is None or not iso.has_calendar_units or iso.years or iso.days:
        return None
    if iso.hours or iso.minutes or iso.seconds:
        return None
    return f"{'-' if iso.negative else ''}PT{iso.months}M"


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date that may name only a year or a month: 2024, 2024-05 or 2024-05-17."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def earliest(self) -> dt.date:
        """The first day the date may mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date may mean."""
        month = self.month or 12
        if self.day is not None:
            return dt.date(self.year, month, self.day)
        import calendar  # only here and for date_problem's message

        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def is_before(self, other: PartialDate) -> bool:
        """Whether every day this date may mean comes before every day ``other`` may mean."""
        return self.latest < other.earliest

    def is_after(self, other: PartialDate) -> bool:
        """Whether every day this date may mean comes after every day ``other`` may mean."""
        return self.earliest > other.latest

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


# A message repeats its dates (every track's release date, every deal's start), and several
# rules read each: the few distinct ones are parsed once.
@lru_cache(maxsize=1024)
def parse_partial_date(text: str) -> PartialDate | None:
    """A real calendar date written YYYY, YYYY-MM or YYYY-MM-DD (as written: no spaces), or None."""
    match = _PARTIAL_DATE.match(text)
    if match is None:
        return None
    return _real_date(match["year"], match["month"], match["day"])


def _real_date(year: str, month: str | None, day: str | None) -> PartialDate | None:
    number_month = int(month) if month is not None else None
    number_day = int(day) if day is not None else None
    try:
        dt.date(int(year), number_month or 1, number_day or 1)
    except ValueError:
        return None
    if int(year) == 0:
        return None
    return PartialDate(int(year), number_month, number_day)


def date_problem(text: str) -> str | None:
    """Why ``text`` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD; None if it is one."""
    if parse_partial_date(text) is not None:
        return None
    match = _PARTIAL_DATE.match(text)
    if match is None:
        return "is not of the form YYYY, YYYY-MM or YYYY-MM-DD"
    month = int(match["month"]) if match["month"] else None
    if month is not None and not 1 <= month <= 12:
        return f"has no month {match['month']}"
    if int(match["year"]) == 0:
        return "has year 0000"
    import calendar

    last = calendar.monthrange(int(match["year"]), month or 1)[1]
    return f"is not a real day: {calendar.month_name[month or 1]} {match['year']} has {last} days"


def suggest_date(text: str) -> str | None:
    """The YYYY-MM-DD form ``text`` most likely means (2024/5/17, 17.05.2024, 20240517,
    2024-05-17T00:00:00Z, ' 2024-05-17 '), or None when it cannot be read as a real date."""
    value = text.strip()
    if value != text and parse_partial_date(value) is not None:
        return value
    for pattern in (_LOOSE_DATE, _DAY_FIRST_DATE, _COMPACT_DATE):
        match = pattern.match(value)
        if match is not None:
            found = _real_date(match["year"], match["month"], match["day"])
            return str(found) if found is not None else None
    stamp = _DATETIME.match(value)
    if stamp is not None and parse_partial_date(stamp["date"]) is not None:
        return stamp["date"]
    return None


def comparable_date(text: str) -> PartialDate | None:
    """The date in a date or date-time value (2024-05-17, 2024-05-17T10:00:00Z), for
    comparisons; None if no real date can be read from it."""
    value = text.strip()
    found = parse_partial_date(value)
    if found is not None:
        return found
    stamp = _DATETIME.match(value)
    return parse_partial_date(stamp["date"]) if stamp is not None else None


_YEAR = re.compile(r"\d{4,}")


def parse_year(text: str) -> int | None:
    """The year of a gYear value (2024), or None if it is not four or more digits."""
    value = text.strip()
    if _YEAR.fullmatch(value) is None:
        return None
    return int(value)
