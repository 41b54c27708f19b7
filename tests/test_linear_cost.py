"""The helpers that keep a long text's cost linear answer exactly as the scans they replace."""
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import extract
from extractor.nlp.korean import Morphemes, Spans, pair
from extractor.nlp.tokenizer import LONGEST_SEGMENT, Morph, kiwi_segments
from extractor.recognizers.quotes import quoted_passages

ranges = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda r: (r[0], r[0] + r[1])), max_size=12)
probes = st.tuples(st.integers(-2, 85), st.integers(0, 20)).map(lambda r: (r[0], r[0] + r[1]))


@settings(max_examples=300)
@given(ranges, probes)
def test_spans_answer_as_a_scan_of_every_entry(entries, probe):
    spans, (start, end) = Spans(entries, bounds=pair), probe
    assert spans.within(start, end) == sorted([e for e in entries if start <= e[0] and e[1] <= end], key=lambda e: e[0])
    assert spans.overlapping(start, end) == sorted([e for e in entries if e[0] < end and start < e[1]],
                                                   key=lambda e: e[0])
    assert spans.contain(start) == any(s <= start < e for s, e in entries)
    assert spans.cover(start, end) == any(s <= start and end <= e for s, e in entries)
    assert spans.overlap(start, end) == any(s < end and start < e for s, e in entries)
    assert spans.end_at(start) == any(e == start for _, e in entries)
    assert list(spans) == entries


@settings(max_examples=200)
@given(ranges, st.integers(-1, 85))
def test_morphemes_look_up_as_a_scan(entries, offset):
    morphs = sorted(Morph("x", "NNG", start, end) for start, end in entries)
    morphemes = Morphemes(morphs)
    at = [m for m in morphs if m.start == offset]
    assert morphemes.last_starting_at(offset) == (at[-1] if at else None)
    assert morphemes.starting_at(offset) == (at[0] if at else None)
    assert morphemes.starts_at(offset) == bool(at)
    assert morphemes.ends_at(offset) == any(m.end == offset for m in morphs)


def test_a_long_range_is_read_in_pieces_cut_at_blank_lines():
    paragraph = "시는 지난 26일 페루 공무원 5명이 방문했다고 밝혔다.\n\n"
    text = paragraph * (3 * LONGEST_SEGMENT // len(paragraph))
    segments = kiwi_segments(text, [(0, len(text))])
    assert len(segments) > 3 and segments[0][0] == 0 and segments[-1][1] == len(text)
    assert all(end - start <= LONGEST_SEGMENT for start, end in segments)
    assert all(a_end == b_start and text.startswith("\n\n", a_end) for (_, a_end), (b_start, _) in
               zip(segments, segments[1:]))


def test_a_text_without_breaks_is_cut_at_the_longest_segment():
    text = "가" * (2 * LONGEST_SEGMENT + 5)
    assert kiwi_segments(text, [(0, len(text))]) == [
        (0, LONGEST_SEGMENT), (LONGEST_SEGMENT, 2 * LONGEST_SEGMENT), (2 * LONGEST_SEGMENT, len(text))]


def test_a_long_text_finds_in_each_article_what_the_article_alone_finds():
    article = "경기도는 지난 26일 페루 공무원 5명이 도청을 방문했다고 27일 밝혔다.\n\n"
    text = article * (2 * LONGEST_SEGMENT // len(article) + 1)
    alone = extract(article, reference_date="2023-07-28")
    long = extract(text, reference_date="2023-07-28", max_chars=len(text))
    assert {c.code for c in long.countries} == {c.code for c in alone.countries} == {"PE"}
    assert len(long.countries[0].mentions) == text.count("페루")
    assert len(long.headcounts) == text.count("5명")


def test_quoted_passages_keep_the_outermost_pair():
    text = "“그는 ‘좋다’고 했다” 그리고 ‘다른 말’"
    assert [(q.open, q.close, q.double) for q in quoted_passages(text)] == [
        (0, text.index("”"), True), (text.rindex("‘"), text.rindex("’"), False)]
