"""MessageCreatedDateTime lies in the future, or has no time zone.

Why it matters:
    Receivers order the messages of a release by their creation time: a message stamped in
    the future overrides every later update until that time has passed, and a time without
    a zone is ambiguous by up to a day. A future stamp usually means the release date was
    copied into the header. For a time without a zone, ``ddexkit fix --unsafe`` adds ``Z``
    (unsafe: only the sender knows the time was UTC).

Bad:
    <MessageCreatedDateTime>2099-04-02T09:30:00</MessageCreatedDateTime>

Good:
    <MessageCreatedDateTime>2024-04-02T09:30:00Z</MessageCreatedDateTime>

Source:
    DDEX ERN 3.8.2 MessageHeader/MessageCreatedDateTime (xs:dateTime); ISO 8601.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ddexkit.issues import Finding, Fix, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE

# xs:dateTime with a four-digit year; anything else is the XSD's to report (ERN006).
_XS_DATE_TIME = re.compile(
    r"^(?P<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?P<fraction>\.\d+)?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?$"
)
# The earliest and the latest offsets in use: a time without a zone is read at the
# earliest instant it can stand for, so that only a surely future one is called future.
_EARLIEST_ZONE = dt.timezone(dt.timedelta(hours=14))
_LATEST_ZONE = dt.timezone(dt.timedelta(hours=-12))


def _parse(text: str) -> tuple[dt.datetime, bool] | None:
    """The instant (naive values read at UTC+14) and whether a zone was given."""
    match = _XS_DATE_TIME.match(text)
    if match is None:
        return None
    try:
        local = dt.datetime.strptime(match["local"], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None
    zone = match["zone"]
    if zone is None:
        return local.replace(tzinfo=_EARLIEST_ZONE), False
    if zone == "Z":
        return local.replace(tzinfo=dt.UTC), True
    sign = 1 if zone[0] == "+" else -1
    offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    if offset > dt.timedelta(hours=14):
        return None
    return local.replace(tzinfo=dt.timezone(sign * offset)), True


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    created = message.header.created if message.header is not None else None
    if created is None or not created.stripped:
        return  # ERN012 reports the missing header field
    parsed = _parse(created.stripped)
    if parsed is None:
        return  # not an xs:dateTime: the XSD (ERN006) reports it
    instant, zoned = parsed
    # "Now" is only known to the day: the end of today in the last time zone on Earth is
    # the latest moment it can be anywhere.
    end_of_today = dt.datetime.combine(context.today + dt.timedelta(days=1), dt.time(),
                                       tzinfo=_LATEST_ZONE)
    future = instant > end_of_today
    if not future and zoned:
        return
    value = created.stripped
    fix = None
    if future and not zoned:
        problem, hint = (
            "lies in the future and has no time zone",
            "Stamp the message with the time it was created, not the release date, and add "
            "its zone (Z for UTC, or an offset such as +01:00)",
        )
    elif future:
        problem, hint = (
            f"lies in the future (today is {context.today.isoformat()})",
            "Stamp the message with the time it was created, not the release date",
        )
    else:
        problem, hint = (
            "has no time zone",
            f"Add the zone: {value}Z if this is UTC, or its offset, e.g. {value}+01:00",
        )
        fix = Fix(replacement=f"{value}Z", original=created.value, safe=False,
                  description=f"read the time as UTC: {value}Z")
    yield Finding(at=created.loc, message=f"MessageCreatedDateTime {value} {problem}",
                  hint=hint, fix=fix)


RULE = Rule(
    code="ERN009",
    severity=Severity.WARNING,
    summary="MessageCreatedDateTime lies in the future, or has no time zone",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
    any_message_kind=True,
)
