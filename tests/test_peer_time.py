"""Conformance of `parse_timex` with Duckling's Korean time and duration corpora and with
dateparser's Korean tests (/work/shared/peer-suites, see the README there).

Each expectation is rewritten as the TIMEX3 value we emit: a Duckling value at its grain
(`grain: hour` -> `2013-02-12T15:00`), a closed interval as `from/to` with Duckling's
exclusive end moved back one grain, an open interval (`오후2시 이후`) as its one bound;
dateparser's datetimes are compared at the grain we resolve to. The whole input must be
one expression. Pass rates are printed; Duckling time must stay at or above 95 %.

Cases we read differently on purpose (they count as failures in the rate):
- `설날`: Duckling resolves it to 1 January; it is the lunar new year.
- `이번주 월요일`: Duckling gives the next Monday; we read the Monday of this ISO week.
- `지금`: vague in news (`지금까지`, `지금도`), as the annotation guide treats it.
- `점심이후`: `점심` alone is a meal more often than a time in news (`점심 식사`); only
  `오전`/`오후` stand alone as parts of the day.
- `전주`: in news this is the city of Jeonju, not "last week".
- `12년`, `1954`: a bare or two-digit year; in news these are durations, counts or names.
- `2주 이내에`: Duckling gives an interval from now; we give the day two weeks on.
- duration.json's bare amounts (`1 초`, `서른분`): news durations need `간`/`동안`
  (`24시간 방범 CCTV` is a name), so a bare amount is not a Timex.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from extractor.lexicons import load
from extractor.recognizers.timex.grammar import parse_timex

PEERS = Path("/work/shared/peer-suites")
DUCKLING = PEERS / "duckling-ko"
LEXICON = load("timex")
_STEP = {"second": dt.timedelta(seconds=1), "minute": dt.timedelta(minutes=1), "hour": dt.timedelta(hours=1),
         "day": dt.timedelta(days=1), "week": dt.timedelta(weeks=1)}
_FORMAT = {"second": "%Y-%m-%dT%H:%M:%S", "minute": "%Y-%m-%dT%H:%M", "hour": "%Y-%m-%dT%H:00",
           "day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}

pytestmark = pytest.mark.skipif(not PEERS.exists(), reason="peer suites not available")


def _parse_datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=None)


def _render(when: dt.datetime, grain: str) -> str:
    if grain == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if grain == "quarter":
        return f"{when.year:04d}-Q{(when.month - 1) // 3 + 1}"
    return when.strftime(_FORMAT[grain])


def _minus_grain(when: dt.datetime, grain: str) -> dt.datetime:
    if grain in _STEP:
        return when - _STEP[grain]
    months = {"month": 1, "quarter": 3, "year": 12}[grain]
    index = when.year * 12 + when.month - 1 - months
    return when.replace(year=index // 12, month=index % 12 + 1)


def _natural_grain(when: dt.datetime) -> str:
    if when.second:
        return "second"
    return "minute" if when.minute else "hour"


def duckling_value(expected: dict, reference: dt.datetime) -> tuple[str, bool]:
    """The expectation as a TIMEX3 value, and whether it is one bound of an open interval."""
    grain = expected.get("grain")
    if expected["type"] == "value":
        return _render(_parse_datetime(expected["value"]), grain), False
    if expected.get("from") and _parse_datetime(expected["from"]) == reference.replace(tzinfo=None):
        expected = {"to": expected["to"], "grain": grain}  # `오후 2시까지`: from now until then
    if "from" in expected and "to" in expected:
        first, last = _parse_datetime(expected["from"]), _parse_datetime(expected["to"])
        return f"{_render(first, grain)}/{_render(_minus_grain(last, grain), grain)}", False
    bound = _parse_datetime(expected.get("from") or expected.get("to"))
    return _render(bound, _natural_grain(bound) if grain in ("second", "minute", "hour") else grain), True


def _expand(value: str, text: str, reference: dt.datetime) -> str:
    """Our TIMEX3 codes that Duckling writes as intervals or instants, spelled the same way."""
    if value == "PRESENT_REF":
        return reference.strftime(_FORMAT["second"])
    if "T" in value and value[-2:].isalpha():
        day, code = value.split("T")
        hours = next(p["hours"] for word, p in LEXICON["parts_of_day"].items() if word in text)
        return f"{day}T{hours[0]:02d}:00/{day}T{hours[1] - 1:02d}:00"
    if value.endswith("-WE"):
        monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        return f"{monday + dt.timedelta(days=4)}T18:00/{monday + dt.timedelta(days=6)}T23:00"
    season = next((s for s in LEXICON["seasons"].values() if value.endswith("-" + s["code"])), None)
    if season:
        year = int(value[:4])
        first = dt.date(year, *season["first"])
        last = dt.date(year + (season["last"] < season["first"]), *season["last"])
        return f"{first}/{last}"
    return value


_TRAILING = {"", *LEXICON["particles"], *LEXICON["offset_suffixes"], *LEXICON["range_closers"]}


def _single(text: str, reference) -> str | None:
    """The value of the one expression that is the whole input (a trailing particle aside)."""
    found = parse_timex(text, reference)
    if len(found) != 1 or text[:found[0].start].strip() or text[found[0].end:].strip() not in _TRAILING:
        return None
    return found[0].value


def _duckling_cases(name: str):
    suite = json.loads((DUCKLING / name).read_text(encoding="utf-8"))
    reference = dt.datetime.fromisoformat(suite["reference_time"])
    return reference, suite["cases"]


def _report(name: str, failures: list, total: int) -> float:
    rate = 1 - len(failures) / total
    print(f"\n{name}: {total - len(failures)}/{total} = {rate:.1%}")
    for failure in failures:
        print("   ", failure)
    return rate


def test_duckling_time_corpus():
    reference, cases = _duckling_cases("time.json")
    failures = []
    for case in cases:
        (want, open_bound), got = duckling_value(case["expected"], reference), _single(case["text"], reference)
        expanded = _expand(got, case["text"], reference) if got else None
        if got is None or (want not in (got, expanded) and not (open_bound and expanded.split("/")[0] == want)):
            failures.append((case["text"], want, got))
    assert _report("duckling time.json", failures, len(cases)) >= 0.95


def _iso_seconds(value: str) -> float | None:
    import re
    match = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?",
                         value or "")
    if not match:
        return None
    days, hours, minutes, seconds = (float(g or 0) for g in match.groups())
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds


def test_duckling_duration_corpus():
    reference, cases = _duckling_cases("duration.json")
    failures = []
    for case in cases:
        got = _single(case["text"] + "간", reference)
        if got is None or _iso_seconds(got) != case["expected"]["normalized"]["value"]:
            failures.append((case["text"], case["expected"]["normalized"]["value"], got))
    _report("duckling duration.json (read with 간, since bare amounts are not Timexes)", failures, len(cases))


def _dateparser_expected(case: dict, reference: dt.datetime) -> dt.datetime:
    expected = case["expected"]
    if "date_obj" in expected:
        return dt.datetime.fromisoformat(expected["date_obj"])
    offset = expected["relative_offset_derived"]
    from dateutil.relativedelta import relativedelta
    return reference + relativedelta(**offset)


def test_dateparser_korean_cases():
    suite = json.loads((PEERS / "dateparser-ko.json").read_text(encoding="utf-8"))
    reference = dt.datetime.fromisoformat(suite["reference_time"])
    failures = []
    for case in suite["cases"]:
        want = _dateparser_expected(case, reference).isoformat()
        got = _single(case["text"], reference)
        if got is None or not want.startswith(got):
            failures.append((case["text"], want, got))
    rate = _report("dateparser-ko.json", failures, len(suite["cases"]))
    assert rate >= 0.9
