"""The candidates scripts/train_visit_countries.py labels for a visit's countries
(scripts/visit_country_features.py): every country the article names, with where it is named
against the visit and whether the rules give it the visit. Articles in our own words."""
from __future__ import annotations

import importlib
import sys

from script_loader import SCRIPTS

from extractor.ingest import to_document
from extractor.nlp.pipeline import load_pipeline

sys.path.insert(0, str(SCRIPTS))
visit_country_features = importlib.import_module("visit_country_features")

ARTICLE = ("라오스 공무원 연수단 충주 방문\n\n"
           "라오스와 캄보디아 공무원 12명이 8일 충주시청을 방문했다.\n\n"
           "이들은 시의 상수도 관리 방식을 배우고 돌아갈 예정이다. 시는 앞서 일본과 교류 협약을 맺었다.")


def candidates_of_visits(text: str) -> list[dict[str, set[str]]]:
    nlp = load_pipeline()
    doc = nlp(next(nlp.tokenizer.pipe_documents([to_document(text, reference_date="2030-03-08")])))
    told, candidates = visit_country_features.read_visits(nlp, doc)
    return [candidates.of_visit(i) for i in range(len(told))]


def test_the_visiting_countries_of_the_clause_are_the_rules_choice():
    (visit,) = candidates_of_visits(ARTICLE)
    for code in ("LA", "KH"):
        assert {"rule", "where=clause", "where=sentence", "where=clause&rule", "distance<=1"} <= visit[code]
    assert {"listed_with_rule_country", "c:in_list"} <= visit["KH"]


def test_a_country_named_sentences_later_is_a_candidate_the_rules_leave_out():
    (visit,) = candidates_of_visits(ARTICLE)
    assert "rule" not in visit["JP"]
    assert "where=clause" not in visit["JP"] and "nearest=after" in visit["JP"]
