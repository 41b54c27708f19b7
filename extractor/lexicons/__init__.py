"""Language knowledge kept as data: each YAML file here names its source at its top.

`load("speech_verbs")` reads `speech_verbs.yaml` once per process.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).parent


@lru_cache(maxsize=None)
def load(name: str):
    path = LEXICON_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
