"""Properties of quote detection on any input: unclosed or mixed quotation marks never raise,
never pair across a paragraph break, and never swallow a well-formed quote after them."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract
from extractor.recognizers.quotes import quoted_passages

# Marks of every kind, and words around them, so that random text often opens a quote it never closes.
_PIECES = st.sampled_from([
    "“", "”", "‘", "’", '"', "'", "`", "「", "」", "『", "』", " ", "\n", "\n\n",
    "교류를 넓히겠다", "고 말했다.", "며 ", "라고 밝혔다", "시장은 ", "다", ".",
])
_TEXT = st.lists(_PIECES, max_size=30).map("".join)
_WELL_FORMED = "김서하 시장은 “우정을 이어가겠다”고 말했다."


@given(_TEXT)
def test_passages_never_cross_nor_span_a_paragraph(text):
    passages = quoted_passages(text)
    for passage in passages:
        assert passage.open < passage.close
        assert "\n\n" not in text[passage.open:passage.close].replace(" ", "")
    for before, after in zip(passages, passages[1:]):
        assert before.close < after.open or after.close < before.close  # apart, or one inside the other


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_an_unclosed_mark_does_not_swallow_the_next_paragraph(text):
    article = extract(f"{text}\n\n{_WELL_FORMED}")
    for quote in article.quotes:
        assert article.text[quote.start:quote.end] == quote.text
    assert "우정을 이어가겠다" in [quote.text for quote in article.quotes]
