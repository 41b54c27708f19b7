"""Typed dates in the store: TIMEX3 values become first/last DATE columns analysts can compare."""
from __future__ import annotations

import datetime as dt

import pytest

from extractor.store import Store
from extractor.timex_days import timex_days

D = dt.date


@pytest.mark.parametrize("value, expected", [
    ("2023-06-26", (D(2023, 6, 26), D(2023, 6, 26), "day")),
    ("2023-07-28T11:26", (D(2023, 7, 28), D(2023, 7, 28), "time")),
    ("2016-06-21TMO", (D(2016, 6, 21), D(2016, 6, 21), "time")),
    ("2024-02", (D(2024, 2, 1), D(2024, 2, 29), "month")),
    ("2009", (D(2009, 1, 1), D(2009, 12, 31), "year")),
    ("202", (D(2020, 1, 1), D(2029, 12, 31), "decade")),
    ("2023-Q3", (D(2023, 7, 1), D(2023, 9, 30), "quarter")),
    ("2023-H1", (D(2023, 1, 1), D(2023, 6, 30), "half")),
    ("2023-WI", (D(2023, 12, 21), D(2024, 3, 20), "season")),  # as the date rules resolve 겨울
    ("2023-W01", (D(2023, 1, 2), D(2023, 1, 8), "week")),
    ("2023-W01-WE", (D(2023, 1, 7), D(2023, 1, 8), "weekend")),
    ("2023-06-26/2023-07-27", (D(2023, 6, 26), D(2023, 7, 27), "day")),
    ("2004/2015-03", (D(2004, 1, 1), D(2015, 3, 31), "year")),
])
def test_timex_values_cover_their_days(value, expected):
    assert timex_days(value) == expected


@pytest.mark.parametrize("value", [None, "", "P1M", "PT24H", "XXXX-06", "XXXX-WXX-1", "PRESENT_REF",
                                   "T10:00/T20:00", "2023-13", "2023-02-30", "2024/2023", "0000"])
def test_durations_sets_and_impossible_values_cover_no_days(value):
    assert timex_days(value) == (None, None, None)


def _article(article_id: str, visits: list[dict], dates: list[dict] = ()) -> dict:
    return {"id": article_id, "text": "본문", "dates": list(dates), "visits": visits,
            "countries": [], "headcounts": [], "quotes": []}


def test_dates_and_visits_answer_date_comparisons():
    store = Store()
    store.add([_article("a", [{"date": "2023-06-26/2023-07-27", "countries": ["PE"], "headcount": 5}],
                        [{"type": "DATE", "value": "2023-06", "text": "6월", "start": 0, "end": 2},
                         {"type": "DURATION", "value": "P1M", "text": "한 달", "start": 0, "end": 2}]),
               _article("b", [{"date": "2022-12", "countries": ["JP"], "headcount": 3}])])
    _, rows = store.query("SELECT article_id, first_day, last_day, grain FROM visits "
                          "WHERE first_day >= DATE '2023-01-01'")
    assert rows == [("a", D(2023, 6, 26), D(2023, 7, 27), "day")]
    _, rows = store.query("SELECT value, first_day, last_day, grain FROM dates ORDER BY value")
    assert rows == [("2023-06", D(2023, 6, 1), D(2023, 6, 30), "month"), ("P1M", None, None, None)]
