"""The measured organisation adder's candidates (scripts/organization_evidence.py, not wired in): runs at
head words and acronyms, gated by the contract, beside the rules' bodies."""
from __future__ import annotations

from script_loader import load_script

from extractor import load_pipeline
from extractor.ingest import to_document
from extractor.recognizers.names import named_candidates
from extractor.recognizers.names.people import people_of

body_runs = load_script("organization_evidence").body_runs

ARTICLE = ("[가람일보=홍길동 기자] 한빛시는 지난 3일 몽골 울란바토르시 공무원 12명이 한빛시 스마트도시통합센터를 "
           "방문했다고 밝혔다. 대표단은 한빛시청과 한국국제협력단(KOICA) 등을 둘러봤다. 교류가 크게 확대됐다.")


def _runs():
    nlp = load_pipeline()
    doc = next(nlp.pipe(nlp.tokenizer.pipe_documents([to_document(ARTICLE, id="toy")])))
    return body_runs(doc, people_of(doc), named_candidates(doc))


def test_candidates_stand_at_head_words_and_acronyms_and_never_at_common_nouns():
    names = {run.name for run in _runs()}
    assert "KOICA" in names
    assert "울란바토르시" in names
    assert not any(name.endswith("확대") for name in names)  # a common noun ending like a body


def test_every_run_is_grounded_and_described():
    for run in _runs():
        assert ARTICLE[run.start:run.end] == run.name
        assert any(feature.startswith("head=") for feature in run.features)
