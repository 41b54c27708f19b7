"""The features a learned headline ranker reads (extractor/ingest/headline_evidence.py, through the
layout; measured by scripts/train_headline.py): per candidate line, with the rules' own choice."""
from __future__ import annotations

from extractor.ingest.headline_evidence import may_replace_rules
from extractor.ingest.layout import HEADLINE_MODEL, headline_candidates
from extractor.learned import load_model

PAGE = """본문 바로가기
닫기

해외 연수 마친 외국 공무원들 다시 한국 찾아

[가상경제 홍길동 기자]한국에서 행정 연수를 받고 귀국한 아시아 각국 공무원들이 다시 서울을 찾았다. 이들은 일주일 동안 머문다.
"""
CAPTIONED = """20명 초청 팸투어 진행… 섬마을·꽃축제 등 관광 홍보 나서
가상군이 해외 인플루언서들을 초청해 팸투어를 진행하고 있다. 사진제공=가상군
가상군이 해외 인플루언서들을 초청해 팸투어를 진행하고 있다. 사진제공=가상군
전남 가상군은 외국인 홍보단 20명을 초청해 이틀간 섬마을과 꽃축제 현장을 둘러보는 팸투어를 진행했다고 7일 밝혔다.
"""


def test_the_rules_choice_comes_first_then_no_headline():
    candidates = headline_candidates(CAPTIONED)
    assert candidates[0][0] == "20명 초청 팸투어 진행… 섬마을·꽃축제 등 관광 홍보 나서" and "rule" in candidates[0][1]
    assert candidates[1] == (None, candidates[1][1]) and "null" in candidates[1][1]


def test_a_captions_sentence_printed_twice_may_not_replace_the_rules_choice():
    caption = [features for words, features in headline_candidates(CAPTIONED) if words and "사진제공" in words]
    assert caption and all("repeated" in features and not may_replace_rules(features) for features in caption)


def test_no_headline_never_replaces_the_rules_headline():
    assert not may_replace_rules(headline_candidates(CAPTIONED)[1][1])


def test_every_feature_of_the_shipped_model_is_one_the_layout_emits():
    """A model trained before a feature was renamed would silently ignore it: every weight's name must
    be one headline_evidence can produce, and the top ones are emitted on a page."""
    weights = load_model(HEADLINE_MODEL).weights
    flags = {"rule", "no_rule", "null", "repeated", "full_stop", "sentence_ending", "digits", "tag", "no_letters"}
    prefixes = ("kind=", "top=", "to_body=", "to_rule=", "chars=", "words=", "above=", "below=", "form=", "opens=",
                "has=", "last=", "ends=", "lead_share=", "article_share=", "null&")
    assert weights and all(name in flags or name.startswith(prefixes) for name in weights)
    emitted = set().union(*(features for text in (PAGE, CAPTIONED) for _, features in headline_candidates(text)))
    top = sorted(weights, key=lambda name: -abs(weights[name]))[:15]
    assert {"rule", "repeated", "kind=text"} <= emitted and len(emitted & set(top)) >= 8
