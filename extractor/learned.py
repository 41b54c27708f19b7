"""Small logistic classifiers trained on the annotated corpus (scripts/linear_training.py and the
scripts/train_*.py that use it), shipped as JSON weights in extractor/models/ and read once per
process. A model scores a set of named binary features (`next=방문`, `in_title`); the training
script chose its threshold on articles it was not trained on."""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_DIR = Path(__file__).parent / "models"


@dataclass(frozen=True)
class LinearModel:
    bias: float
    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, features: Iterable[str]) -> float:
        score = self.bias + sum(self.weights.get(feature, 0.0) for feature in set(features))
        return 1.0 / (1.0 + math.exp(-score))

    def accepts(self, features: Iterable[str]) -> bool:
        return self.probability(features) >= self.threshold


@cache
def load_model(name: str) -> LinearModel:
    data = json.loads((MODEL_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return LinearModel(bias=data["bias"], weights=data["weights"], threshold=data["threshold"])
