"""The candidates scripts/train_speakers.py ranks for who said a quote (scripts/speaker_features.py):
the rules' choice, the people named around the quote with how they relate to it, the previous
speaker, nobody. Articles in our own words."""
from __future__ import annotations

import importlib
import sys

from script_loader import SCRIPTS

from extractor.ingest import to_document
from extractor.nlp.pipeline import load_pipeline

sys.path.insert(0, str(SCRIPTS))  # imported, not loaded from its file: its dataclasses need a module of their own
speaker_features = importlib.import_module("speaker_features")


def candidates_of_quotes(text: str) -> list[dict]:
    """Per body quote: each candidate's name (None: nobody) -> its features."""
    nlp = load_pipeline()
    doc = nlp(next(nlp.tokenizer.pipe_documents([to_document(text, reference_date="2030-03-08")])))
    return [{speaker_features.key_of(c.speaker): c.features for c in speaker_features.candidates(a)}
            for a in speaker_features.attributions(doc)]


ARTICLE = ("몽골 울란바토르시 대표단이 8일 안양시청을 찾았다.\n\n"
           "김철수 안양시장은 이날 환영식에서 “두 도시가 함께 배울 것이 많다”고 말했다.\n\n"
           "그는 “내년에는 우리가 울란바토르를 찾겠다”고 덧붙였다.")


def test_the_topic_before_the_mark_is_the_rules_choice():
    first, _ = candidates_of_quotes(ARTICLE)
    assert {"rule", "rel=topic&dist=0", "last_before_mark", "named=full", "rule&verb=말했다"} <= first["김철수"]
    assert {"none", "none&verb=말했다"} <= first[None]
    assert "rule" not in first[None]


def test_a_pronoun_continues_the_previous_speaker():
    _, second = candidates_of_quotes(ARTICLE)
    assert {"previous", "rule", "rule&previous", "named=pronoun", "rel=topic&dist=0", "person&dist=1"} <= second["김철수"]
    assert "previous" not in second[None]


def test_a_name_without_a_title_is_a_candidate_from_the_persons_found():
    [quote] = candidates_of_quotes(
        "우즈베키스탄 연수생 15명이 5일 농업기술센터에서 연수를 시작했다.\n\n"
        "연수생 대표 아지즈 카리모프 씨는 “한국의 농업 기술을 고향에 전하겠다”고 말했다.")
    named = {key for key in quote if key}
    assert named, quote
    features = set().union(*(quote[key] for key in named))
    assert any(f.startswith("person&dist=0") for f in features)
