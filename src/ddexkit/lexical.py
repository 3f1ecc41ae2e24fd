"""The lexical forms of the XML Schema types the ERN's values are written in, read one way.

Whole numbers (ASCII digits), ``xs:boolean`` and ``xs:duration``: the model's ``Text`` reads
its values through here, and every rule, the summary and the packager take the same answer
(``PT3.5M`` has no length anywhere, ``²`` is no number anywhere). Stdlib only, beneath the
model.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

XSD_TRUE = frozenset({"true", "1"})  # the lexical forms of xs:boolean true
XSD_FALSE = frozenset({"false", "0"})


def whole_number(value: str) -> int | None:
    """``value`` (stripped) as a whole number when it is ASCII digits only, else None.

    ``str.isdigit()`` also accepts superscripts such as ``²`` that ``int()`` refuses, so
    every reader of a number in the message goes through here."""
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() else None


def xs_boolean(value: str) -> bool | None:
    """``value`` (stripped, as xs:boolean collapses it) as a boolean, None when it is none
    of ``true``, ``1``, ``false``, ``0``."""
    value = value.strip()
    if value in XSD_TRUE:
        return True
    return False if value in XSD_FALSE else None


# xs:duration's lexical form: at least one component, and a T only before a time component.
_ISO_DURATION = re.compile(
    r"^(?P<sign>-)?P(?=\d|T\d)"
    r"(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$"
)

# The longest span read as a length, in seconds (what a datetime.timedelta holds).
_LONGEST_SECONDS = dt.timedelta.max.total_seconds()


def duration_seconds(text: str) -> float | None:
    """Seconds in an ERN Duration (PT3M12S → 192.0): the one reading every rule and the
    summary share. None for anything DUR401 refuses (not xs:duration — P1W, PT3.5M,
    PT3M12,5S — or a carry-over slip such as PT3M75S) and for calendar units (years, months),
    whose length in seconds is not fixed: a duration that is not valid has no length."""
    parsed = parse_iso_duration(text)
    if parsed is None or parsed.overflows:
        return None
    total = parsed.total_seconds
    if total is None or abs(total) > _LONGEST_SECONDS:
        return None
    return total if total else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class IsoDuration:
    """An ``xs:duration`` split into its components, as written."""

    negative: bool
    years: int
    months: int
    days: int
    hours: int
    minutes: int
    seconds: Decimal

    @property
    def has_calendar_units(self) -> bool:
        """Whether it counts years or months, whose length is not a fixed number of seconds."""
        return bool(self.years or self.months)

    @property
    def overflows(self) -> bool:
        """Whether a component exceeds its carry-over point while a larger unit is written
        beside it (PT3M75S). A leading component may exceed it (PT225S, PT90M): writers
        commonly do so and xs:duration accepts it; only the mixed form is a slip."""
        return (self.seconds >= 60 and bool(self.minutes or self.hours or self.days)) or (
            self.minutes >= 60 and bool(self.hours or self.days)
        )

    @property
    def total_seconds(self) -> float | None:
        """Signed length in seconds; None with calendar units (see ``has_calendar_units``)."""
        if self.has_calendar_units:
            return None
        total = float(self.seconds) + 60 * (self.minutes + 60 * (self.hours + 24 * self.days))
        return -total if self.negative else total


_NO_SECONDS = Decimal(0)


def parse_iso_duration(text: str) -> IsoDuration | None:
    """The components of an ISO 8601 duration in ``xs:duration`` form, or None.

    Surrounding spaces are allowed (xs:duration collapses them); lower case, a lone ``P`` or
    ``PT``, weeks and fractions outside the seconds are not ISO 8601 as ERN's schema takes it.
    """
    match = _ISO_DURATION.match(text.strip())
    if match is None:
        return None
    sign, years, months, days, hours, minutes, seconds = match.groups()
    return IsoDuration(
        negative=sign is not None,
        years=int(years) if years else 0,
        months=int(months) if months else 0,
        days=int(days) if days else 0,
        hours=int(hours) if hours else 0,
        minutes=int(minutes) if minutes else 0,
        seconds=Decimal(seconds) if seconds else _NO_SECONDS,
    )

