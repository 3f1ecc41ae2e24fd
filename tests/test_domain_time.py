"""ISO 8601 durations and partial dates: parsing, "did you mean" conversions, comparisons."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddexkit.domain.timecodes import (
    PartialDate,
    calendar_to_time_units,
    comparable_date,
    date_problem,
    format_duration,
    is_iso_duration,
    parse_partial_date,
    parse_year,
    suggest_date,
    suggest_duration,
)
from ddexkit.lexical import duration_seconds, parse_iso_duration

_COMPONENT = st.integers(min_value=0, max_value=10_000)


@st.composite
def iso_durations(draw: st.DrawFn) -> tuple[str, int, int, int, int]:
    """An xs:duration of days/hours/minutes/seconds as ERN writers produce it."""
    days, hours, minutes, seconds = (draw(_COMPONENT) for _ in range(4))
    keep = draw(st.lists(st.booleans(), min_size=4, max_size=4).filter(any))
    days, hours, minutes, seconds = (
        v if k else 0 for v, k in zip((days, hours, minutes, seconds), keep, strict=True)
    )
    date_part = f"{days}D" if keep[0] else ""
    time_part = "".join(
        f"{value}{unit}"
        for value, unit, k in zip((hours, minutes, seconds), "HMS", keep[1:], strict=True)
        if k
    )
    text = "P" + date_part + (f"T{time_part}" if time_part else "")
    return text, days, hours, minutes, seconds


@given(iso_durations())
def test_generated_iso_durations_parse_to_their_components(
    case: tuple[str, int, int, int, Decimal]
) -> None:
    text, days, hours, minutes, seconds = case
    parsed = parse_iso_duration(text)
    assert parsed is not None
    assert (parsed.days, parsed.hours, parsed.minutes, parsed.seconds) == (
        days,
        hours,
        minutes,
        seconds,
    )
    total = seconds + 60 * (minutes + 60 * (hours + 24 * days))
    assert parsed.total_seconds == total
    # a carry-over slip (P1DT60M) is refused by DUR401, so it has no length anywhere
    assert duration_seconds(text) == (None if parsed.overflows else total)


@given(st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False))
def test_formatted_durations_round_trip(seconds) -> None:  # type: ignore[no-untyped-def]
    text = format_duration(seconds)
    assert is_iso_duration(text)
    parsed = parse_iso_duration(text)
    assert parsed is not None
    assert parsed.seconds < 60 and parsed.minutes < 60
    assert abs(parsed.total_seconds - float(seconds)) < 1e-6  # type: ignore[operator]


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=59))
def test_clock_times_suggest_the_same_length(minutes: int, seconds: int) -> None:
    meant = suggest_duration(f"{minutes}:{seconds:02d}")
    assert meant is not None and is_iso_duration(meant)
    assert duration_seconds(meant) == minutes * 60 + seconds


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("3:45", "PT3M45S"),
        ("1:02:03", "PT1H2M3S"),
        ("225", "PT3M45S"),
        ("PT3M75S", "PT4M15S"),
        ("pt3m45s", "PT3M45S"),
        ("3m 45s", "PT3M45S"),
        ("3:45.5", "PT3M45.5S"),
        ("P1W", "P7D"),
        ("0", "PT0S"),
        ("PT1H75M", "PT2H15M"),
    ],
)
def test_did_you_mean(text: str, meant: str) -> None:
    assert suggest_duration(text) == meant


@pytest.mark.parametrize("text", ["", "soon", "1:75:00", "P", "PT", "3:4:5:6"])
def test_unreadable_durations_have_no_suggestion(text: str) -> None:
    assert suggest_duration(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "PT3M12S",
        "PT225S",
        "PT90M",
        " PT3M12S ",
        "PT0S",
        "-PT3M",
        "P0DT0H3M12.5S",
        "PT00H03M12S",
        "P3M",
        "P1Y",
    ],
)
def test_iso_durations_are_accepted(text: str) -> None:
    assert is_iso_duration(text)


@pytest.mark.parametrize(
    "text",
    ["3:45", "225", "PT3M75S", "PT1H60M", "pt3m", "P", "PT", "PT1.5M", "P1W", "P0.5Y", "PT3M12"],
)
def test_non_iso_durations_are_refused(text: str) -> None:
    assert not is_iso_duration(text)


def test_calendar_units_are_detected_and_explained() -> None:
    months = parse_iso_duration("P3M")
    assert months is not None and months.has_calendar_units and months.total_seconds is None
    assert duration_seconds("P3M") is None
    assert calendar_to_time_units("P3M") == "PT3M"
    assert calendar_to_time_units("P1Y") is None
    assert calendar_to_time_units("PT3M") is None


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_every_real_date_parses_in_its_three_forms(day: dt.date) -> None:
    full = day.isoformat()
    assert parse_partial_date(full) == PartialDate(day.year, day.month, day.day)
    assert parse_partial_date(full[:7]) == PartialDate(day.year, day.month)
    assert parse_partial_date(full[:4]) == PartialDate(day.year)
    assert str(parse_partial_date(full)) == full
    assert date_problem(full) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2025-02-29", "February 2025 has 28 days"),
        ("2025-13-01", "no month 13"),
        ("2025-04-31", "April 2025 has 30 days"),
        ("17/05/2024", "not of the form"),
        ("2024-5-17", "not of the form"),
        (" 2024-05-17", "not of the form"),
        ("", "not of the form"),
    ],
)
def test_date_problems_are_named(text: str, problem: str) -> None:
    found = date_problem(text)
    assert found is not None and problem in found
    assert parse_partial_date(text) is None


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("2024/05/17", "2024-05-17"),
        ("2024-5-7", "2024-05-07"),
        ("17.05.2024", "2024-05-17"),
        ("20240517", "2024-05-17"),
        ("2024-05-17T00:00:00Z", "2024-05-17"),
        (" 2024-05 ", "2024-05"),
        ("2025-02-30", None),
        ("someday", None),
    ],
)
def test_date_suggestions(text: str, meant: str | None) -> None:
    assert suggest_date(text) == meant


def test_partial_dates_compare_only_when_certain() -> None:
    year = PartialDate(2024)
    may = PartialDate(2024, 5)
    may_17 = PartialDate(2024, 5, 17)
    assert not may_17.is_before(year) and not may_17.is_after(year)
    assert not may.is_after(may_17) and not may.is_before(may_17)
    assert PartialDate(2024, 5, 1).is_before(PartialDate(2024, 5, 17))
    assert PartialDate(2025).is_after(may_17)
    assert PartialDate(2024, 2).latest == dt.date(2024, 2, 29)
    assert year.earliest == dt.date(2024, 1, 1)


@given(st.dates(), st.dates())
def test_full_dates_compare_like_dates(first: dt.date, second: dt.date) -> None:
    a = PartialDate(first.year, first.month, first.day)
    b = PartialDate(second.year, second.month, second.day)
    assert a.is_before(b) == (first < second)
    assert a.is_after(b) == (first > second)


def test_comparable_date_reads_dates_and_date_times() -> None:
    assert comparable_date("2024-05-17T10:00:00Z") == PartialDate(2024, 5, 17)
    assert comparable_date(" 2024 ") == PartialDate(2024)
    assert comparable_date("2024-02-30") is None


def test_years() -> None:
    assert parse_year(" 2024 ") == 2024
    assert parse_year("24") is None
    assert parse_year("2O24") is None


@pytest.mark.parametrize("text", ["PT3.5M", "P1W", "PT3M12,5S", "PT3M75S", "pt3m"])
def test_what_dur401_refuses_has_no_length_anywhere(text: str) -> None:
    """One reading: AST813 and the summary used to read these as valid while DUR401 refused
    them; now they have no length, and DUR401's hint names the valid form."""
    assert duration_seconds(text) is None
    assert suggest_duration(text) is not None


@pytest.mark.parametrize(("text", "meant"), [("PT3.5M", "PT3M30S"), ("PT3M12,5S", "PT3M12.5S"),
                                             ("P1W", "P7D")])
def test_other_iso_8601_forms_get_their_xs_duration_form(text: str, meant: str) -> None:
    assert suggest_duration(text) == meant
