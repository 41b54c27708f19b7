"""Period: a TIMEX3 value read as days, the one place visits' date arithmetic lives."""
from __future__ import annotations

import datetime as dt

from extractor.recognizers.timex.period import Period


def test_a_span_of_days_has_its_bounds_grain_and_days():
    stay = Period("2024-05-12/2024-05-16")
    assert (stay.is_span, stay.grain, stay.first_day, stay.last_day) == (True, "day", dt.date(2024, 5, 12), dt.date(2024, 5, 16))
    assert stay.day is None  # a span is no one day


def test_grains_of_coarser_values_and_their_first_days():
    assert [Period(v).grain for v in ("2024", "2024-05", "2024-W20", "2024-Q1", "2024-05-12T14:00", "P5D")] == [
        "year", "month", "week", "quarter", "time", "other"]
    assert Period("2024-05").first_day == dt.date(2024, 5, 1)
    assert Period("2024-W20").first_day is None and Period("2024-W20").day is None
    assert Period("P5D").duration_days == 5


def test_stays_are_built_from_periods_not_strings():
    first = Period("2024-05-12")
    assert first.days_to(Period("2024-05-16")) == 4
    assert first.through(Period("2024-05-16")) == Period("2024-05-12/2024-05-16")
    assert Period("2024-05-12/2024-05-14").through(dt.date(2024, 5, 20)).value == "2024-05-12/2024-05-20"
    assert first.plus_days(4) == Period("2024-05-16")
    assert Period("2024-05-12T14:00").on_its_day() == first


def test_within_an_event_span_of_days_only():
    assert Period("2024-05-13").within(Period("2024-05-12/2024-05-16"), max_days=31)
    assert not Period("2024-05-13").within(Period("2024-05"), max_days=31)  # a month is no event's span
    assert not Period("2024-05-13").within(Period("2024-01-01/2024-12-31"), max_days=31)
    assert Period("2024-05-12/2024-05-16").continues(Period("2024-05-12"))
    assert Period("2024-10-01/2024-10-13").refines(Period("2024-10"))


def test_days_beyond_the_calendar_give_no_day():
    assert Period("2024-05-12").plus_days(10**7) is None


def test_an_end_not_known_leaves_the_period_as_it_is():
    assert Period("2024-05-12").through(None) == Period("2024-05-12")


def test_a_stay_of_days_weeks_or_months_ends_the_day_before_its_length_is_out():
    first = Period("2024-07-02")
    assert first.last_day_of_stay(Period("P3D")) == Period("2024-07-04")
    assert first.last_day_of_stay(Period("P2W")) == Period("2024-07-15")
    assert first.last_day_of_stay(Period("P1M")) == Period("2024-08-01")
    assert Period("2024-11-15").last_day_of_stay(Period("P3M")) == Period("2025-02-14")
    assert Period("2024-01-31").last_day_of_stay(Period("P1M")) == Period("2024-02-28")
    assert first.last_day_of_stay(Period("P1Y")) is None
    assert Period("2024-07").last_day_of_stay(Period("P1M")) is None
