"""The candidates scripts/train_programs.py labels for a programme adder (scripts/program_evidence.py):
runs ending in a programme head where no programme of the rules stands, gated by the contract."""
from __future__ import annotations

import pytest

from extractor import load_pipeline
from extractor.ingest import to_document
from extractor.recognizers.names import named_candidates
from extractor.recognizers.names.people import people_of
from script_loader import load_script

program_evidence = load_script("program_evidence")

ARTICLE = ("한빛시는 지난 3일 시청 광장에서 ‘별빛 나들이’ 잔치를 열었다고 밝혔다. 시는 이어 "
           "몽골 공무원 교류 행사를 열었다. 시는 2024 한빛 드론 박람회도 준비하고 있다.")


@pytest.fixture(scope="module")
def toy():
    nlp = load_pipeline()
    doc = next(nlp.pipe(nlp.tokenizer.pipe_documents([to_document(ARTICLE, id="toy")])))
    return doc, [c for c in named_candidates(doc) if c.field == "programs"]


def _runs(toy, wide: bool):
    doc, rules = toy
    program_evidence.REQUIRE_PROPER = not wide
    try:
        return program_evidence.programme_runs(doc, people_of(doc), rules), rules
    finally:
        program_evidence.REQUIRE_PROPER = True


def test_a_run_with_a_proper_word_before_a_head_is_a_candidate(toy):
    runs, _ = _runs(toy, wide=False)
    names = {run.name for run in runs}
    assert "몽골 공무원 교류 행사" in names
    assert "교류 행사" not in names  # no proper word: only the wide gate lets it through
    assert all(ARTICLE[run.start:run.end] == run.name for run in runs)


def test_the_wide_gate_keeps_the_runs_of_one_place_but_never_a_generic_activity_alone(toy):
    runs, rules = _runs(toy, wide=True)
    places = {run.place for run in runs if run.name.endswith("행사")}
    assert len(places) == 1 and {"교류 행사", "공무원 교류 행사"} <= {run.name for run in runs}
    assert "교류" not in {run.name for run in runs}
    assert not any(rule.start < run.end and run.start < rule.end for run in runs for rule in rules)
