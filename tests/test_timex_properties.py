"""Properties of the date rules on arbitrary input: no exception, every span grounded
(from `parse_timex` and through the whole pipeline), values well formed, no overlaps."""
from __future__ import annotations

import datetime as dt
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractor import extract
from extractor.lexicons import load
from extractor.recognizers.timex.grammar import parse_timex

_FRAGMENTS = ["지난 ", "오는 ", "이날", "전날", "어제", "내일", "올해", "올 ", "상반기", "2023년 ", "7월 ",
              "28일", "26~27일", "부터 ", "까지", "오전 ", "오후 ", "10시", "30분", "14:00", "(금)", "(13일)",
              "한 달간", "사흘간", "3박 4일", "2주 동안", "3일 전", "다음 주 ", "월요일", "인 ", "2023.07.28",
              "'23. 7. 28.", "24시간 ", "CCTV", "이달 ", "말", "초", "1분기", "몇시간후", " ", "\n", "~", "-",
              "24(월)", "9.2.", "(화)", "화", "’13년", "‘07년도", "40여", "년", "수년간", "5일째", "째", "첫째 날",
              "마지막 날", "매주 ", "매년", "연말", "8일 중 3일", "1일 평균", "하루 3회", "운영시간은 ", "만에", "역사",
              "(5.17)", "(5.17~5.22)", "10. 8", "이듬해", "그해 ", "6~7월", "2023~2024년", "'", "‘", "’", " 축제",
              "하루 방문객 3만명", "1시간 30분간", "2시간여", "다.2019.10.09.", "경쟁률(4.5)"]
_TEXT = st.one_of(st.text(max_size=60), st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join))
_REFERENCE = st.one_of(st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)),
                       st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2060, 12, 31)))
_VALUE = re.compile(r"PRESENT_REF|P[\dXT.YMWDHS]+|[\dXT:W\-QHSUPFAIMOVENR]+(?:/[\dT:W\-QHSUPFAIMOVENR]+)?")


@settings(max_examples=300, deadline=None)
@given(_TEXT, _REFERENCE)
def test_any_text_gives_grounded_well_formed_timexes(text, reference):
    for timex in parse_timex(text, reference):
        assert text[timex.start:timex.end] == timex.text
        assert timex.text.strip() == timex.text and timex.text
        assert _VALUE.fullmatch(timex.value), timex.value


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join), st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)))
@example("매주 오전 ~이날", dt.date(2020, 1, 1))  # hours closed by a day with no time once crashed (IndexError)
def test_expressions_do_not_overlap(text, reference):
    found = parse_timex(text, reference)
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=12).map("".join).filter(str.strip))
def test_pipeline_dates_are_grounded(text):
    article = extract(text, reference_date="2024-09-27")
    assert not article.grounding_failures()
    for timex in article.dates:
        assert article.text[timex.start:timex.end] == timex.text


_EVENT_HEADS = load("name_heads")["programs"]["heads"]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.integers(1, 28), st.sampled_from(_EVENT_HEADS), st.sampled_from(["'", "‘"]))
def test_a_month_in_a_quoted_event_name_is_part_of_the_name(month, day, head, quote):
    closing = "’" if quote == "‘" else "'"
    name = f"진주 {month}월 {head}"
    text = f"{quote}{name}{closing}에 많은 시민이 왔다. {name}는 {month}월 {day}일 끝났다."
    found = parse_timex(text, dt.date(2024, 9, 27))
    assert [timex.text for timex in found] == [f"{month}월 {day}일"]


def test_readings_against_several_days_keep_what_they_share():
    from extractor.recognizers.timex.grammar import open_value

    assert open_value(["2004-07-28", "2012-07-28", "2016-07-28"]) == "XXXX-07-28"
    assert open_value(["2004-03-14", "2012-08-08", "2016-11-25"]) == "XXXX-XX-XX"
    assert open_value(["2003-W11", "2012-W32", "2016-W47"]) == "XXXX-WXX"
    assert open_value(["P3Y", "P3Y", "P3Y"]) == "P3Y"
    assert open_value(["2004-03", "2012-08-09"]) is None  # no shared form: no value
