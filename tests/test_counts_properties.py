"""Properties of the numeral parser and the headcounts recognizer on any input:
no exception, and every headcount is grounded in the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import InputError, extract
from extractor.recognizers.numerals import approximate_number, parse_number

# Numerals, counters and their neighbours, so that random text often looks like a count.
_PIECES = st.sampled_from([
    "0", "1", "9", "12", "2,315", ",", ".", "만", "천", "백", "십", "억", "일", "이", "삼",
    "세", "열", "두", "스무", "수", "여", "명", "개", "개국", "개시", "기관", "도시", "나라",
    "시장", "총", "약", "가량", "이 넘는", "~", " ", "\n", "“", "”", "'", "이", "의", "K",
])
_TEXT = st.one_of(st.text(max_size=40), st.lists(_PIECES, max_size=25).map("".join))


@given(_TEXT)
def test_numerals_never_raise(text):
    value = parse_number(text)
    assert value is None or isinstance(value, int)
    approximate_number(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_headcounts_are_grounded(text):
    try:
        article = extract(text)
    except InputError:
        return  # empty input is refused with a reason, by design
    for count in article.headcounts:
        assert article.text[count.start:count.end] == count.text
        assert count.value >= 0
