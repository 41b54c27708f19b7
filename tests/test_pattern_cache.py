"""Compiled patterns kept between processes: what comes back from the cache file matches as a
freshly compiled pattern does, and a missing or broken file only means compiling."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import regex

from extractor import pattern_cache

PATTERN = r"(?<!\p{Hangul})(?P<number>\d+)\s?(?:명|개국)"
TEXT = "외국인 12명이 3개국에서 왔다."


@pytest.fixture
def fresh_process(tmp_path, monkeypatch):
    """The module as a new process finds it, its cache file under tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _new_process(monkeypatch)


def _new_process(monkeypatch):
    for name, value in (("_asked", {}), ("_stored", None), ("_lacking", False), ("_tables", {})):
        monkeypatch.setattr(pattern_cache, name, value)


def test_a_saved_pattern_comes_back_matching_as_a_compiled_one(fresh_process, monkeypatch):
    first = pattern_cache.compiled(PATTERN)
    pattern_cache.save()
    assert pattern_cache.cache_file().exists()
    _new_process(monkeypatch)
    again = pattern_cache.compiled(PATTERN)
    assert again is not first and again.pattern == PATTERN
    expected = [(m.span(), m["number"]) for m in regex.compile(PATTERN).finditer(TEXT)]
    assert [(m.span(), m["number"]) for m in again.finditer(TEXT)] == expected == [((4, 7), "12"), ((9, 12), "3")]
    assert not pattern_cache._lacking  # nothing to write again


def test_a_broken_cache_file_is_compiled_past_and_written_anew(fresh_process, monkeypatch):
    path = pattern_cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert pattern_cache.compiled(PATTERN).match("12명")
    pattern_cache.save()
    _new_process(monkeypatch)
    assert PATTERN in {pattern for pattern, _ in pattern_cache._stored_patterns()}


def test_another_installations_patterns_stay_in_the_file(fresh_process, monkeypatch):
    """Two versions in two virtual environments share the file: each keeps the other's patterns."""
    other = r"(?P<number>\d+)\s?(?:곳|개소)"
    pattern_cache.compiled(other)
    pattern_cache.save()
    _new_process(monkeypatch)
    pattern_cache.compiled(PATTERN)
    pattern_cache.save()
    _new_process(monkeypatch)
    assert {pattern for pattern, _ in pattern_cache._stored_patterns()} == {PATTERN, other}


def test_an_re_pattern_comes_back_as_re_compiles_it(fresh_process, monkeypatch):
    """`re`'s own compiled code kept in the file: the pattern made from it equals (same code, flags
    and groups) the one `re.compile` makes, big Hangul and Chinese classes included."""
    patterns = [(r"(?<![가-힣])(?P<name>[가-힣]{2,4})\s?(?P<title>시장|장관)", 0),
                (r"[\u4e00-\u9fff][가-힣]", 0), (r"(?: 명 | 개국 )", re.VERBOSE)]
    for pattern, flags in patterns:
        assert pattern_cache.compiled_re(pattern, flags) == re.compile(pattern, flags)
    pattern_cache.save()
    _new_process(monkeypatch)
    for pattern, flags in patterns:
        again = pattern_cache.compiled_re(pattern, flags)
        assert again == re.compile(pattern, flags) and again.groupindex == re.compile(pattern, flags).groupindex
    assert pattern_cache.compiled_re(patterns[0][0]).search("외국인 김철수 시장이")["name"] == "김철수"
    assert not pattern_cache._lacking  # nothing to write again


def test_a_set_of_words_makes_one_pattern_whatever_its_order():
    """Patterns built from a set are the same string in every process (its order follows the
    hash seed), so the cache file's key finds them."""
    from extractor.nlp.korean import one_of

    assert one_of(["나", "가", "다라"]) == one_of(("가", "다라", "나")) == one_of({"다라", "나", "가"}) == "(?:다라|가|나)"


def test_an_re_pattern_is_compiled_by_re_where_its_internals_differ(fresh_process, monkeypatch):
    monkeypatch.setattr(pattern_cache, "_compiler", object())  # no `_code` to call
    pattern = r"(?P<name>[가-힣]{2,4}) 시장"
    assert pattern_cache.compiled_re(pattern) == re.compile(pattern)
    assert not pattern_cache._lacking


def test_kept_bytes_are_made_once_then_read_from_the_file(fresh_process, monkeypatch):
    """The lexicons' parsed YAML is kept as a pickle under the file's path, size and time."""
    made = []
    key = ("/lexicons/example.yaml", (120, 1_700_000_000))
    assert pattern_cache.kept_bytes(key, lambda: made.append(1) or b"parsed") == b"parsed"
    pattern_cache.save()
    _new_process(monkeypatch)
    assert pattern_cache.kept_bytes(key, lambda: made.append(1) or b"other") == b"parsed"
    assert made == [1] and not pattern_cache._lacking


def test_a_kept_table_comes_back_as_it_grew_up_to_its_most_entries(fresh_process, monkeypatch):
    """The timex rules' index by beginning grows as texts are read and is written again only when it grew."""
    key = ("example table", "digest of what it answers for")
    table = pattern_cache.kept_table(key, most=2)
    table.update({"a": (1,), "b": (2, 3), "c": ()})
    pattern_cache.save()
    _new_process(monkeypatch)
    table = pattern_cache.kept_table(key, most=2)
    assert table == {"a": (1,), "b": (2, 3)}
    table["d"] = (4,)
    assert not pattern_cache._tables_grew()  # full: nothing more is written
    _new_process(monkeypatch)
    assert pattern_cache.kept_table(("example table", "another digest"), most=2) == {}


def test_a_lexicon_from_the_cache_file_is_its_yaml(fresh_process, monkeypatch):
    import yaml

    from extractor import lexicons

    parsed = yaml.safe_load((lexicons.LEXICON_DIR / "particles.yaml").read_text(encoding="utf-8"))
    monkeypatch.setitem(lexicons._LOADED, "particles", lexicons.load("particles"))  # as the other tests read it
    for _ in range(2):  # parsed, then from the file
        assert dict(lexicons.load.__wrapped__("particles")) == parsed
        pattern_cache.save()
        _new_process(monkeypatch)


def test_every_module_asks_for_the_same_patterns_whatever_the_hash_seed(tmp_path):
    """A pattern built from a set in its order (which follows the hash seed) would miss the cache
    file at most starts and be compiled again: the keys asked for at import are the same in two
    processes of different seeds."""
    script = ("import hashlib, extractor.nlp.components, extractor.cli; from extractor import pattern_cache; "
              "print(hashlib.sha256(repr(sorted(map(repr, pattern_cache._asked))).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path)}).stdout
               for seed in ("1", "2")}
    assert len(digests) == 1
