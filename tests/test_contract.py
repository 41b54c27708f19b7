"""The contract: the committed JSON Schema is current, and outputs validate against it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor import extract
from extractor.model import json_schema

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "anyang-smart-city-2023-07-28.txt"


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "schemas/article.schema.json is stale: run `extractor schema -o schemas/article.schema.json`"


def test_seed_output_validates_against_schema():
    jsonschema = pytest.importorskip("jsonschema")
    article = extract(SEED.read_bytes())
    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(article.model_dump(mode="json"), schema)
