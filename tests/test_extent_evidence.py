"""The extents and features the learned extent ranker reads (extractor/recognizers/names/extent_evidence.py,
wired into names/__init__.py's `named_candidates` for organisations; trained by scripts/train_extents.py)."""
from __future__ import annotations

import pytest

from extractor.ingest import to_document
from extractor.learned import load_model
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers import names
from extractor.recognizers.names.extent_evidence import MODEL_NAME, ArticleNames, extents

#: Every feature extent_evidence emits opens with one of these prefixes (a field's own copy opens with its name).
PREFIXES = ("left", "right", "trim_", "gloss:", "beyond:", "words=", "before=", "rule=", "head=", "last=", "field=",
            "written_again", "more_often", "as_often", "less_often", "named_by_rules", "inside_other")
FIELDS = ("systems", "programs", "organizations")


def emittable(feature: str) -> bool:
    for field in FIELDS:
        if feature.startswith(field + "|"):
            return True  # the move, its classes and the rule's shape as one
        feature = feature.removeprefix(field + ":")
    return feature.startswith(PREFIXES)


@pytest.fixture(scope="module")
def extents_of(monkeypatch_module):
    nlp = load_pipeline()
    seen: list = []

    def recording(reading, candidates):
        seen[:] = candidates
        return candidates

    monkeypatch_module.setattr(names, "learned_extents", recording)

    def read(text: str) -> dict[str, dict[str, frozenset[str]]]:
        doc = next(nlp.pipe(nlp.tokenizer.pipe_documents([to_document(text.encode())])))
        article = ArticleNames(doc._.people.reading, seen)
        return {c.name: {e.name: e.features for e in extents(article, c)} for c in seen if c.field in FIELDS}
    return read


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_a_parent_body_before_an_office_is_an_extent_with_its_class(extents_of):
    found = extents_of("연수생들은 경찰청 과학수사센터를 견학했다.")["과학수사센터"]
    assert {"left+1", "organizations:left:body", "beyond:edge"} <= found["경찰청 과학수사센터"]


def test_the_gate_before_the_model(extents_of):
    found = extents_of("대표단은 보건복지부와 중앙재해대책본부를 차례로 찾았다.")
    assert not any(name.startswith("보건복지부") for name in found.get("중앙재해대책본부", {}))  # never across a particle
    found = extents_of("이들은 세계 최고 수준의 교통정보센터를 둘러봤다.")
    assert all(not name.startswith("수준") for name in found.get("교통정보센터", {}))


def test_every_feature_of_the_shipped_model_is_one_the_extents_emit(extents_of):
    """A model trained before a feature was renamed would silently ignore it."""
    weights = load_model(MODEL_NAME).weights
    assert weights and all(emittable(name) for name in weights)
    emitted = set().union(*(features for found in extents_of("연수생들은 경찰청 과학수사센터를 견학했다.").values()
                            for features in found.values()))
    top = sorted(weights, key=lambda name: -abs(weights[name]))[:15]
    assert emitted & set(top) and all(emittable(name) for name in top)
