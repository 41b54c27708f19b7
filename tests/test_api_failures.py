"""extract_many's failures: named by position when the caller named nothing, and no finished
result is lost when a later input raises."""
from __future__ import annotations

import pytest

import extractor
from extractor import Article, Failure, InputError, extract_many

GOOD = "안양시는 28일 페루 공무원 5명이 방문했다고 밝혔다."


def test_a_failed_plain_input_is_named_by_its_position():
    results = list(extract_many([GOOD, "   ", b"\x00\x01\x02" * 50], on_error="return"))
    assert isinstance(results[0], Article)
    assert [(r.id, r.source) for r in results[1:]] == [("1", "inputs[1]"), ("2", "inputs[2]")]


def test_an_input_error_is_raised_after_the_results_before_it():
    results = extract_many([GOOD, GOOD.replace("5명", "7명"), "", GOOD], on_error="raise")
    assert [r.headcounts[0].value for r in (next(results), next(results))] == [5, 7]
    with pytest.raises(InputError):
        next(results)


def test_an_analysis_error_is_raised_after_the_results_before_it(monkeypatch):
    analyse = extractor.api._analyse

    def fails_on_the_second(documents):
        if any("7명" in document.text for document in documents):
            raise RuntimeError("boom")
        return analyse(documents)

    monkeypatch.setattr(extractor.api, "_analyse", fails_on_the_second)
    results = extract_many([GOOD, GOOD.replace("5명", "7명"), GOOD], on_error="raise")
    assert next(results).headcounts[0].value == 5
    with pytest.raises(RuntimeError):
        next(results)
    returned = list(extract_many([GOOD, GOOD.replace("5명", "7명"), GOOD], on_error="return"))
    assert [type(r) for r in returned] == [Article, Failure, Article]
