"""The features of the organisations the rules name (learned_bodies.py): recorded by the names
component in training mode only, for scripts/train_organizations.py, and the same names the
component stores."""
from __future__ import annotations

from extractor import load_pipeline
from extractor.ingest import to_document
from extractor.nlp.common import items
from extractor.recognizers.names.learned_bodies import FEATURES_KEY

ARTICLE = ("[가람일보=홍길동 기자] 한빛시는 지난 3일 몽골 울란바토르시 공무원 12명이 한빛시 스마트도시통합센터를 "
           "방문했다고 밝혔다. 대표단은 한빛시청과 한국국제협력단(KOICA) 등을 둘러봤다.")


def _run(training: bool):
    nlp = load_pipeline()
    names = nlp.get_pipe("kr_names")
    names.training = training
    try:
        return next(nlp.pipe(nlp.tokenizer.pipe_documents([to_document(ARTICLE, id="toy")])))
    finally:
        names.training = False


def test_training_mode_records_the_features_of_every_organisation_it_names():
    doc = _run(training=True)
    features = doc.user_data[FEATURES_KEY]
    assert set(features) == {item.name for item in items(doc, "organizations")}
    assert {"credited", "before=bracket", "after=equals"} <= set(features["가람일보"])
    assert "head=협력단" in features["한국국제협력단"] and "after=paren" in features["한국국제협력단"]
    assert any(f.startswith("mentions=") for f in features["한빛시"])


def test_outside_training_nothing_is_recorded_and_the_names_are_the_same():
    trained, plain = _run(training=True), _run(training=False)
    assert FEATURES_KEY not in plain.user_data
    assert [i.name for i in items(plain, "organizations")] == [i.name for i in items(trained, "organizations")]
