"""Runs every case of every recognizer corpus in tests/corpus/*.yaml (see its README)."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

from extractor import extract

CORPUS = Path(__file__).parent / "corpus"


def _cases():
    for path in sorted(CORPUS.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for number, case in enumerate(spec["cases"], 1):
            label = str(case.get("text", case.get("input")))[:40]
            yield pytest.param(spec, case, id=f"{path.stem}-{number}-{label}")


def _dumped(value):
    if isinstance(value, list):
        return [_dumped(item) for item in value]
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value


def _matches(item: dict, expected: dict) -> bool:
    for key, want in expected.items():
        have = item.get(key)
        if key == "mentions" and isinstance(want, list):
            have = [m["text"] for m in have or []]
        elif key == "speaker" and isinstance(want, dict) and isinstance(have, dict):
            if any(have.get(k) != v for k, v in want.items()):
                return False
            continue
        if have != want:
            return False
    return True


@pytest.mark.parametrize("spec,case", list(_cases()))
def test_case(spec, case):
    if "function" in spec:
        module, name = spec["function"].split(":")
        function = getattr(importlib.import_module(module), name)
        assert function(case["input"]) == case["output"], case.get("note")
        return
    reference = case.get("reference_date", spec.get("reference_date"))
    article = extract(case["text"], reference_date=str(reference) if reference else None)
    assert not article.grounding_failures()
    value = getattr(article, case.get("field", spec.get("field")))
    if "value" in case:
        assert _dumped(value) == case["value"], case.get("note")
        return
    found = _dumped(value)
    for expected in case.get("expect") or []:
        assert any(_matches(item, expected) for item in found), f"missing {expected} in {found}"
    for rejected in case.get("reject") or []:
        assert not any(_matches(item, rejected) for item in found), f"unwanted {rejected} in {found}"
    if case.get("only"):
        assert len(found) == len(case.get("expect") or []), f"extra items in {found}"
