"""Typed dates for the components after `kr_timex`: no recognizer splits or measures a TIMEX string.

A `Dated` is a `dates` item with its value as a `Period`: its bounds, its grain, its first
and last day (read by `extractor.timex_days`, which the store's date columns use too), and
the arithmetic a visit needs (a stay through a later day, a number of days on from its first day).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cached_property

from ...model import Timex
from ...timex_days import timex_days

_DAYS = re.compile(r"P(\d+)([DW])")
_DAYS_IN = {"D": 1, "W": 7}
_MONTHS = re.compile(r"P(\d+)M")


def _day(bound: str) -> dt.date | None:
    """The day a one-day bound names (`2024-05-12`; not a time of that day, not a month)."""
    first, _, grain = timex_days(bound)
    return first if grain == "day" else None


@dataclass(frozen=True, order=True)
class Period:
    """A TIMEX3 value (`2024-05-12`, `2024-05`, `2024-05-12/2024-05-16`, `2024-05-12T14:00`).
    Periods order as their values do: ISO values of one grain sort by time."""

    value: str

    @property
    def is_span(self) -> bool:
        return "/" in self.value

    # cached: a long text's visits compare each period with every earlier one's
    @cached_property
    def first_bound(self) -> str:
        return self.value.partition("/")[0]

    @cached_property
    def last_bound(self) -> str:
        return self.value.partition("/")[2] or self.first_bound

    @property
    def grain(self) -> str:
        """The grain of its start: time, day, week, weekend, month, season, quarter, half, year,
        decade; `other` for a duration, a set or a value with unknown digits."""
        return timex_days(self.first_bound)[2] or "other"

    @property
    def day(self) -> dt.date | None:
        """The day a one-day value names (None for any other value)."""
        return None if self.is_span else _day(self.value)

    @property
    def first_day(self) -> dt.date | None:
        """The first day of a day, a month or a span of days."""
        first, _, grain = timex_days(self.first_bound)
        return first if grain in ("day", "month") else None

    @property
    def last_day(self) -> dt.date | None:
        """The last day of a day or a span of days."""
        return _day(self.last_bound)

    @property
    def calendar_days(self) -> int | None:
        """How many calendar days the period covers (a month 30 or 31, a year 365 or 366)."""
        first, last, _ = timex_days(self.value)
        return None if first is None else (last - first).days + 1

    @property
    def start(self) -> dt.date | None:
        """The first calendar day the period covers, whatever its grain."""
        return timex_days(self.value)[0]

    @property
    def end(self) -> dt.date | None:
        """The last calendar day the period covers, whatever its grain."""
        return timex_days(self.value)[1]

    @property
    def duration_days(self) -> int | None:
        """The number of days a duration of days or weeks lasts (`P5D`, `P2W`: 14)."""
        days = _DAYS.fullmatch(self.value)
        return int(days[1]) * _DAYS_IN[days[2]] if days else None

    def last_day_of_stay(self, length: Period) -> Period | None:
        """The last day of a stay of `length` (a duration) from this first day: `P3D` from the
        17th ends on the 19th, `P1M` from 7-02 on 8-01 (the day before the same date a month on)."""
        days = length.duration_days
        if days:
            return self.plus_days(days - 1)
        months = _MONTHS.fullmatch(length.value)
        if self.day is None or months is None or not int(months[1]):
            return None
        month = self.day.month - 1 + int(months[1])
        year, month = self.day.year + month // 12, month % 12 + 1
        # a start on the 31st lands in a shorter month on its last day
        day = min(self.day.day, calendar.monthrange(year, month)[1])
        return Period(dt.date(year, month, day).isoformat()).plus_days(-1)

    def days_to(self, later: Period) -> int | None:
        """Days from this one day to a later one day."""
        if self.day is None or later.day is None:
            return None
        return (later.day - self.day).days

    def through(self, end: Period | dt.date | None) -> Period:
        """From this period's start through `end` (`2024-05-12` through the 16th); an end not
        known (no reference date) leaves the period as it is."""
        if end is None:
            return self
        last = end.isoformat() if isinstance(end, dt.date) else end.value
        return Period(f"{self.first_bound}/{last}")

    def on_its_day(self) -> Period:
        """A time as the day it falls on (`2024-05-12T14:00` -> `2024-05-12`)."""
        return Period(self.value.split("T")[0])

    def plus_days(self, days: int) -> Period | None:
        """The day `days` after this one day."""
        if self.day is None:
            return None
        try:
            return Period((self.day + dt.timedelta(days=days)).isoformat())
        except OverflowError:  # more days than the calendar holds
            return None

    def span_of_days(self, max_days: int) -> bool:
        """A day or a span of at most `max_days` days between two given days."""
        days = self._days_between_bounds
        return days is not None and days <= max_days

    @cached_property
    def _days_between_bounds(self) -> int | None:
        """Days from the first to the last bound when both are days."""
        first, last = _day(self.first_bound), _day(self.last_bound)
        return None if first is None or last is None else (last - first).days

    def within(self, outer: Period, max_days: int) -> bool:
        """This period falls within `outer`, an event's span of days (not a season or years)."""
        if not outer.span_of_days(max_days):
            return False
        return outer.first_bound <= self.first_bound[:10] and self.last_bound[:10] <= outer.last_bound

    def refines(self, coarser: Period) -> bool:
        """This period starts inside a coarser reading of it (`2024-10-01/2024-10-13` in `2024-10`)."""
        return self.value.startswith(coarser.value)

    def continues(self, day: Period) -> bool:
        """A stay that began on `day` (`2024-05-23/2024-06-05` of `2024-05-23`)."""
        return self.value.startswith(f"{day.value}/")


@dataclass(frozen=True)
class Dated:
    """A `dates` item, typed: where it is, how it is written, its TIMEX3 type and period."""

    start: int
    end: int
    text: str
    type: str
    period: Period

    @classmethod
    def of(cls, timex: Timex) -> Dated:
        return cls(timex.start, timex.end, timex.text, timex.type, Period(timex.value))

    def with_period(self, period: Period) -> Dated:
        return replace(self, period=period)
