"""Language knowledge kept as data: each YAML file here names its source at its top.

`load("speech_verbs")` reads `speech_verbs.yaml` once per process.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).parent


@lru_cache(maxsize=None)
def load(name: str):
    path = LEXICON_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=None)
def _surnames() -> frozenset:
    return frozenset(load("titles")["surnames"])


def korean_name_form(text: str) -> bool:
    """A census surname and a given name: three syllables, or four with a two-syllable surname
    (`최대호`, `남궁민수`). Only the form: common nouns share it (`경기도`)."""
    if not re.fullmatch(r"[가-힣]{3,4}", text):
        return False
    return (text[:2] if len(text) == 4 else text[0]) in _surnames()


@lru_cache(maxsize=None)
def foreign_cities() -> dict[str, str]:
    """Foreign cities known by name (countries.yaml `cities`), each with its country's code."""
    return {city: code for code, cities in load("countries")["cities"].items() for city in cities}
