"""The calendar days a TIMEX3 value covers, for typed date columns (`first_day`, `last_day`, `grain`).

`2023-06` covers 2023-06-01 to 2023-06-30 at grain `month`; an interval `2023-06-26/2023-07-27`
covers its two ends at the coarser grain of the two; `2013-10-21T09:00` is the one day at grain
`time`. Durations, sets, `PRESENT_REF` and values with unknown digits (`XXXX-06`) cover no known
days: (None, None, None).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from . import lexicons

_GRAINS = ("time", "day", "week", "weekend", "month", "season", "quarter", "half", "year", "decade")
#: Seasons as the date rules resolve them (lexicons/timex.yaml): code -> first (month, day), last (month, day).
_SEASONS = {season["code"]: (tuple(season["first"]), tuple(season["last"]))
            for season in lexicons.load("timex")["seasons"].values()}

_PATTERNS = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)T.+"), "time"),
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)-WE"), "weekend"),
    (re.compile(r"(\d{4})-W(\d\d)"), "week"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-H([12])"), "half"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{3})"), "decade"),
)

Days = tuple[dt.date | None, dt.date | None, str | None]


@lru_cache(maxsize=4096)  # visits compare every pair of their dates' values
def timex_days(value: str | None) -> Days:
    """(first day, last day, grain) of a TIMEX3 DATE/TIME value or interval; Nones when unknown."""
    if not value:
        return None, None, None
    try:
        if "/" in value:
            start, end = value.split("/", 1)
            first, _, start_grain = _days(start)
            _, last, end_grain = _days(end)
            if None in (first, last) or last < first:
                return None, None, None
            return first, last, max(start_grain, end_grain, key=_GRAINS.index)
        return _days(value)
    except ValueError:  # a month 13, a day 31 in June, a year 0: no calendar days
        return None, None, None


def _days(value: str) -> Days:
    for pattern, grain in _PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            first, last = _RANGES[grain](*match.groups())
            return first, last, grain
    return None, None, None


def _day(year: str, month: str, day: str) -> tuple[dt.date, dt.date]:
    date = dt.date(int(year), int(month), int(day))
    return date, date


def _week(year: str, week: str) -> tuple[dt.date, dt.date]:
    monday = dt.date.fromisocalendar(int(year), int(week), 1)
    return monday, monday + dt.timedelta(days=6)


def _weekend(year: str, week: str) -> tuple[dt.date, dt.date]:
    saturday = dt.date.fromisocalendar(int(year), int(week), 6)
    return saturday, saturday + dt.timedelta(days=1)


def _months(year: int, first_month: int, last_month: int) -> tuple[dt.date, dt.date]:
    """From the first day of first_month to the last day of last_month (months past 12 run into next year)."""
    end_year, end_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    return dt.date(year, first_month, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _season(year: int, code: str) -> tuple[dt.date, dt.date]:
    """`2023-WI` runs from 2023-12-21 into the next year's 3-20."""
    (first_month, first_day), (last_month, last_day) = _SEASONS[code]
    last_year = year + 1 if (last_month, last_day) < (first_month, first_day) else year
    return dt.date(year, first_month, first_day), dt.date(last_year, last_month, last_day)


_RANGES = {
    "time": _day,
    "day": _day,
    "weekend": _weekend,
    "week": _week,
    "month": lambda year, month: _months(int(year), int(month), int(month)),
    "season": lambda year, code: _season(int(year), code),
    "quarter": lambda year, q: _months(int(year), 3 * int(q) - 2, 3 * int(q)),
    "half": lambda year, h: _months(int(year), 6 * int(h) - 5, 6 * int(h)),
    "year": lambda year: _months(int(year), 1, 12),
    "decade": lambda decade: (dt.date(int(decade) * 10, 1, 1), dt.date(int(decade) * 10 + 9, 12, 31)),
}
