"""The runs and features the learned person adder reads (extractor/recognizers/names/person_evidence.py,
wired into names/__init__.py's `named_candidates`; trained by scripts/train_persons.py)."""
from __future__ import annotations

import pytest

from extractor.ingest import to_document
from extractor.learned import load_model
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.names import named_candidates
from extractor.recognizers.names.people import people_of
from extractor.recognizers.names.person_evidence import name_runs

#: Every feature person_evidence emits is one of these flags or opens with one of these prefixes.
FLAGS = {"in_quote", "repeated", "inside_rule_person", "in_body_name", "age_after", "surname_word_first",
         "zone=caption", "zone=headline"}
PREFIXES = ("place=", "words=", "shape=", "syllables=", "one_word_syllables=", "tags=", "surname_first=", "particle=",
            "title_particle=", "before=", "korean_name=", "common_noun=", "transliterated=", "japanese=", "unknown=",
            "last_syllable=", "before_", "body_before_", "after_")


@pytest.fixture(scope="module")
def runs():
    nlp = load_pipeline()

    def read(text: str) -> dict[str, frozenset[str]]:
        doc = next(nlp.pipe(nlp.tokenizer.pipe_documents([to_document(text.encode())])))
        return {run.name: run.features for run in name_runs(doc, people_of(doc), [])}
    return read


def test_a_place_keeps_every_name_word_standing_there(runs):
    found = runs("세네갈의 아마두 바 디옵 대사는 의견을 밝혔다.")
    assert "아마두 바 디옵" in found and "바 디옵" not in found and "디옵" not in found
    assert {"place=before_title", "words=3", "title_particle=는"} <= found["아마두 바 디옵"]


def test_the_gate_before_the_model(runs):
    assert "니시다" not in runs("니시다 부총리는 이날 신사를 참배했다.")  # a Japanese family name alone
    assert not {"라르센 올레", "올레"} & set(runs("경찰은 라르센 올레 크리스티안씨의 신병을 넘겼다."))
    assert "수의학과" not in runs("충남대 수의학과, 대전시 보건환경연구원은 조사를 마쳤다.")


def test_every_feature_of_the_shipped_model_is_one_the_runs_emit(runs):
    """A model trained before a feature was renamed would silently ignore it."""
    weights = load_model("persons").weights
    assert weights and all(name in FLAGS or name.startswith(PREFIXES) for name in weights)
    emitted = set().union(*runs("행사가 열렸다.\n이상익 함평군수는 “나비를 보러 오시라”고 말했다.").values())
    top = sorted(weights, key=lambda name: -abs(weights[name]))[:15]
    assert emitted & set(top) and all(name in FLAGS or name.startswith(PREFIXES) for name in top)


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
