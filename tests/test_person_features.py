"""The candidates and features scripts/train_persons.py gives the learned person adder (measured, not
wired in): runs of name-shaped words next to a title, competing at one place, and the gate that
keeps titles, countries and bodies out. Articles in our own words."""
from __future__ import annotations

from extractor.ingest import to_document
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.names import named_candidates
from extractor.recognizers.names.people import people_of
from script_loader import load_script

name_runs = load_script("person_features").name_runs


def runs_of(text: str, beside_rules: bool = False) -> dict[str, set[str]]:
    nlp = load_pipeline()
    doc = next(nlp.pipe(nlp.tokenizer.pipe_documents([to_document(text, reference_date="2030-03-08")])))
    persons = [c for c in named_candidates(doc) if c.field == "persons"]
    return {run.name: set(run.features) for run in name_runs(doc, people_of(doc), persons, beside_rules)}


def test_a_name_before_a_title_is_a_candidate_with_its_shape_and_place():
    runs = runs_of("시는 8일 홍길동 시장이 몽골 대표단을 맞았다고 밝혔다.", beside_rules=True)
    assert {"place=before_city", "words=1", "surname_first=3", "title_particle=이"} <= runs["홍길동"]


def test_a_person_the_rules_found_leaves_no_candidate_over_it():
    assert "홍길동" not in runs_of("시는 8일 홍길동 시장이 몽골 대표단을 맞았다고 밝혔다.")


def test_a_country_and_a_title_are_never_candidates():
    runs = runs_of("베트남 부총리 일행이 8일 시청을 찾았다.", beside_rules=True)
    assert not any(name.startswith("베트남") or "부총리" in name for name in runs)
