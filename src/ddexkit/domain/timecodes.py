"""ISO 8601 durations and dates as ERN uses them, read with isodate."""

from __future__ import annotations

import datetime as dt

import isodate


def duration_seconds(text: str) -> float | None:
    """Seconds in an ISO 8601 duration of time units (PT3M12S → 192.0); None if unreadable
    or if it uses calendar units (years, months), whose length in seconds is not fixed."""
    try:
        value = isodate.parse_duration(text.strip())
    except (isodate.ISO8601Error, ValueError, TypeError, OverflowError):
        return None
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return None
