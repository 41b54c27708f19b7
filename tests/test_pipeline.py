"""The Kiwi-backed spaCy pipeline: exact text, tags, sentences, pickling, components."""
from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import load_pipeline
from extractor.nlp.common import items
from extractor.nlp.pipeline import COMPONENTS, build_pipeline
from extractor.nlp.tokenizer import get_kiwi, kiwi_segments

SENTENCES = "안양시는 28일 페루 공무원 5명이 방문했다고 밝혔다. 시장은 “다시 오겠다”고 말했다."


def test_surface_tokens_rebuild_the_text_and_keep_kiwi_tags():
    nlp = load_pipeline()
    doc = nlp.make_doc(SENTENCES)
    assert doc.text == SENTENCES
    tags = {token.text: token.tag_ for token in doc}
    assert tags["했"] == "XSV+EP"  # 하+었 share one offset in Kiwi: one surface token
    assert [s.text.strip() for s in doc.sents][0].startswith("안양시는")
    assert len(list(doc.sents)) == 2


def test_a_sentence_glued_to_the_next_is_read_as_if_a_space_divided_them():
    first, second = "시는 27일 밝혔다.", "다르마 수리야 국장은 “고맙다”고 말했다."
    doc = load_pipeline().make_doc(first + second)
    glued = [(m.form, m.tag, m.start - len(first)) for m in doc._.morphs if m.start >= len(first)]
    alone = [(token.form, token.tag, token.start) for token in get_kiwi().tokenize(second) if token.len]
    assert glued == alone  # read across the join, 다르마 would be 다르/VA + 마
    assert doc.text == first + second


def test_a_stop_inside_a_number_an_abbreviation_or_an_address_divides_nothing():
    text = "지난 3.5일 No.1 선수가 www.seoul.go.kr 와 kim@seoul.go.kr 로 신청했다.이어 시청.구청을 들렀다."
    assert kiwi_segments(text, [(0, len(text))]) == [(0, text.index("이어")), (text.index("이어"), len(text))]


def test_a_stop_standing_for_a_middle_dot_leaves_the_sentence_whole():
    text = "지역 기관.단체장 20명과 자매.우호도시 대표단이 참석했다.이어 사과.배를 맛봤다."
    doc = load_pipeline().make_doc(text)
    assert doc.text == text
    assert [sentence.text for sentence in doc.sents] == [text[:text.index("이어")], text[text.index("이어"):]]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("가나다했다 \n\t.“”'0123456789명일월년市·-")), max_size=80))
def test_any_text_round_trips(text):
    assert load_pipeline().make_doc(text).text == text


def test_tokenizer_pickles_and_components_run_in_worker_processes():
    nlp = load_pipeline()
    restored = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert restored(SENTENCES).text == SENTENCES
    docs = list(nlp.pipe([SENTENCES, "지난 3일 태국 대표단 12명이 방문했다."], n_process=2))
    assert [d.text for d in docs][1] == "지난 3일 태국 대표단 12명이 방문했다."
    assert {c.code for c in items(docs[1], "countries")} == {"TH"}
    assert [h.value for h in items(docs[1], "headcounts")] == [12]


def test_components_are_registered_spacy_factories():
    names = load_pipeline().pipe_names
    assert names == ["kr_countries", "kr_counts", "kr_timex", "kr_names", "kr_quotes", "kr_visits"]


KOREAN_NEWS_PIECES = st.sampled_from([
    "지난 6월 26일", "페루", "5개시 시장이", "“", "”", "‘", "’", "'", "\"", "고 말했다.", "라며", "방문했다.",
    "최대호 안양시장은", "총 2만1633명", "37개국", "\n", " ", "·", "(市)", "△", "시스템", "사업", "ⓒ 안양시 제공",
    "댓글 0", "기자", "@", "입력 2023.07.28 11:26", "이날", "부터", "까지", "가나다", "미래", "인도",
])


@settings(max_examples=80, deadline=None)
@given(st.lists(KOREAN_NEWS_PIECES, max_size=30).map("".join))
def test_any_article_is_grounded_or_refused_with_a_reason(text):
    from extractor import InputError, extract

    try:
        article = extract(text, reference_date="2023-07-28")
    except InputError as error:
        assert str(error)
        return
    assert article.grounding_failures() == []


def test_components_declare_what_they_read_so_spacy_checks_the_order():
    assert all(not problems for problems in load_pipeline().analyze_pipes(pretty=False)["problems"].values())
    misordered = build_pipeline(exclude=tuple(factory for factory, _ in COMPONENTS))
    for factory in ("kr_visits", "kr_countries", "kr_quotes"):
        misordered.add_pipe(factory)
    problems = misordered.analyze_pipes(pretty=False)["problems"]
    assert problems["kr_visits"] == ["doc.spans", "doc._.foreign_officials"]
    assert problems["kr_quotes"] == ["doc._.people"]
