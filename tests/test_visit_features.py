"""The features scripts/train_visits.py gives each visit the rules tell: its date against the
report's day, its place among the article's visits, and the wording of its sentence (Kiwi's verbs
and endings). Articles in our own words."""
from __future__ import annotations

from extractor.ingest import to_document
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.visits.context import VisitContext
from script_loader import load_script

visit_features = load_script("visit_features").visit_features


def features_of_visits(text: str, reference_date: str = "2030-03-08") -> list[tuple[str | None, set[str]]]:
    nlp = load_pipeline()
    doc = nlp(next(nlp.tokenizer.pipe_documents([to_document(text, reference_date=reference_date)])))
    ctx = VisitContext(doc, nlp.get_pipe("kr_visits").lexicon)
    visits = nlp.get_pipe("kr_visits").told(ctx)
    return [(v.period.value if v.period else None, visit_features(ctx, visits, i)) for i, v in enumerate(visits)]


def test_a_visit_reported_days_after_it_happened():
    [(date, features)] = features_of_visits(
        "몽골 울란바토르시 공무원 12명이 지난 5일 우리 시청을 방문했다고 시가 8일 밝혔다.\n\n"
        "이들은 스마트 교통 시설을 둘러봤다.")
    assert date == "2030-03-05"
    assert {"grain=day", "ends_days_before<=7", "rank=first", "visits<=1", "countries<=1", "headcount<=99",
            "sentence<=0", "verb=방문", "ending=었/EP", "marker=report"} <= features
    assert "ends=ahead" not in features and "marker=plan" not in features


def test_a_visit_planned_weeks_ahead():
    [(date, features)] = features_of_visits(
        "시는 8일 베트남 하노이시와 교류 협약을 맺었다고 밝혔다.\n\n"
        "오는 20일에는 하노이시 대표단 15명이 시를 방문할 예정이다.")
    assert date == "2030-03-20"
    assert {"ends=ahead", "marker=plan", "plan=modifier+noun", "last_verb=방문"} <= features
    assert "ending=었/EP" not in features
