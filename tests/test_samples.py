"""The shipped samples: every one has a sourced gold file, reads without an input error and is fully grounded.

Accuracy on the samples is reported by `extractor eval samples/`, not asserted here: the recognizers are still landing.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.scoring import evaluate, gold_pairs

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXTS = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="module")
def report():
    return evaluate(SAMPLES)


def test_there_are_at_least_five_samples():
    assert len(TEXTS) >= 5


@pytest.mark.parametrize("text_path", TEXTS, ids=lambda path: path.stem)
def test_every_sample_has_a_gold_file_with_source_and_reference_date(text_path):
    gold_path = text_path.with_name(text_path.stem + ".gold.json")
    assert gold_path.exists(), f"{text_path.name} has no gold file"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold.get("source"), f"{gold_path.name} does not say where the text came from"
    assert gold.get("reference_date"), f"{gold_path.name} has no reference_date"


@pytest.mark.parametrize("text_path", TEXTS, ids=lambda path: path.stem)
def test_every_sample_is_listed_in_the_readme(text_path):
    assert text_path.name in (SAMPLES / "README.md").read_text(encoding="utf-8")


def test_every_sample_was_evaluated(report):
    assert report.articles == len(gold_pairs(SAMPLES)) == len(TEXTS)


def test_no_sample_gives_an_input_error(report):
    assert report.errors == {}


def test_no_sample_has_a_grounding_failure(report):
    assert report.grounding_failures == {}
