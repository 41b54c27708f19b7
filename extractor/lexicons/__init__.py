"""Language knowledge kept as data: each YAML file here names its source at its top.

`load("speech_verbs")` reads `speech_verbs.yaml` once per process, as a `Lexicon`: a mapping
that remembers which of its keys were read. `unread_keys()` lists the keys nothing has read,
a misspelt or forgotten entry (tests/test_lexicons.py runs the pipeline and expects none).
"""
from __future__ import annotations

import pickle
import re
from functools import cache, lru_cache
from pathlib import Path

from ..pattern_cache import kept_bytes

LEXICON_DIR = Path(__file__).parent


class Lexicon(dict):
    """A lexicon file's top-level mapping, remembering the keys read from it."""

    def __init__(self, data: dict):
        super().__init__(data)
        self.read: set = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self.read.add(key)
        return super().__contains__(key)

    def _read_all(self) -> None:
        self.read.update(super().keys())

    def keys(self):
        self._read_all()
        return super().keys()

    def values(self):
        self._read_all()
        return super().values()

    def items(self):
        self._read_all()
        return super().items()

    def __iter__(self):
        self._read_all()
        return super().__iter__()


@lru_cache(maxsize=None)
def load(name: str):
    path = LEXICON_DIR / f"{name}.yaml"
    status = path.stat()
    parsed = kept_bytes((str(path), (status.st_size, status.st_mtime_ns)), lambda: pickle.dumps(_parse(path)))
    data = pickle.loads(parsed)  # new objects at each start: no caller's change can reach the cache file
    if not isinstance(data, dict):
        return data
    _LOADED[name] = Lexicon(data)
    return _LOADED[name]


_LOADED: dict[str, Lexicon] = {}


def _parse(path: Path):
    import yaml  # here, not at the top: most starts read every lexicon from the cache file, and need no YAML

    # libyaml's parser when PyYAML was built with it (it reads the lexicons 9x faster), else PyYAML's own
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def unread_keys() -> dict[str, list]:
    """The top-level keys of the lexicon files loaded so far that nothing has read."""
    unread = {name: set(dict.keys(data)) - data.read for name, data in _LOADED.items()}
    return {name: sorted(keys, key=str) for name, keys in unread.items() if keys}


@lru_cache(maxsize=None)
def _surnames() -> frozenset:
    return frozenset(load("titles")["surnames"])


def korean_name_form(text: str) -> bool:
    """A census surname and a given name: three syllables, or four with a two-syllable surname
    (`최대호`, `남궁민수`), with no syllable only transliterations use (not `마르타`). Only the form:
    common nouns share it (`경기도`)."""
    if not re.fullmatch(r"[가-힣]{3,4}", text):
        return False
    surname = text[:2] if len(text) == 4 else text[0]
    return surname in _surnames() and not _foreign_only_syllables() & set(text[len(surname):])


@lru_cache(maxsize=None)
def _foreign_only_syllables() -> frozenset:
    return frozenset(load("romanization")["foreign_only_syllables"])


def spaced_two_syllable_name(text: str) -> bool:
    """A census surname and a one-syllable given name set apart by a space (`김 석`), as broadcasters
    print a two-syllable name to be read aloud."""
    return bool(re.fullmatch(r"[가-힣] [가-힣]", text)) and text[0] in _surnames()


@lru_cache(maxsize=None)
def foreign_cities() -> dict[str, str]:
    """Foreign cities known by name (countries.yaml `cities`), each with its country's code."""
    return {city: code for code, cities in load("countries")["cities"].items() for city in cities}


@lru_cache(maxsize=None)
def foreign_regions() -> frozenset:
    """Provinces and prefectures abroad (countries.yaml `regions`): places, as cities are, but no
    city whose officials stand for their country."""
    return frozenset(region for regions in load("countries")["regions"].values() for region in regions)


@cache
def host_country_names() -> frozenset:
    """How the country the articles are written in is written (`한국`, `대한민국`, `韓`)."""
    data = load("countries")
    host = next(entry for entry in data["countries"] if entry["code"] == data["host"])
    return frozenset([*host["forms"], *host["short_forms"]])
