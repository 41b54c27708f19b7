"""The linear models: trained on rows, they separate what their features separate; saved, they load
back with the same scores; folds never split a group."""
from __future__ import annotations

import json

import pytest

from extractor import learned
from script_loader import load_script

training = load_script("linear_training")

ROWS = [(["next=방문", "in_title"], True), (["next=방문"], True), (["next=출신"], False),
        (["next=출신", "in_title"], False)] * 5


def test_a_fitted_model_separates_its_rows():
    model = training.fit(ROWS, strength=10.0)
    assert model.accepts(["next=방문"]) and not model.accepts(["next=출신"])
    assert model.probability(["unseen"]) == pytest.approx(1 / (1 + 2.718281828 ** -model.bias), rel=1e-6)


def test_a_saved_model_loads_with_the_same_scores(tmp_path, monkeypatch):
    monkeypatch.setattr(training, "MODEL_DIR", tmp_path)
    monkeypatch.setattr(learned, "MODEL_DIR", tmp_path)
    learned.load_model.cache_clear()
    model = training.fit(ROWS, threshold=0.7)
    training.save(model, "toy", {"trained_on": "test rows"})
    loaded = learned.load_model("toy")
    assert loaded.threshold == 0.7 and json.loads((tmp_path / "toy.json").read_text())["about"]
    assert loaded.probability(["next=방문", "in_title"]) == pytest.approx(model.probability(["next=방문", "in_title"]))
    learned.load_model.cache_clear()


def test_folds_never_split_a_group():
    groups = [f"article-{i // 3}" for i in range(60)]
    for train, test in training.grouped_folds(groups):
        assert {groups[i] for i in train}.isdisjoint(groups[i] for i in test)
        assert sorted(train + test) == list(range(60))
