"""docs/CONTRACT.md and schemas/article.schema.json name the same fields."""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8"))


def test_every_article_field_of_the_contract_is_in_the_schema():
    table = CONTRACT.split("## One article", 1)[1].split("\n\n", 1)[0]
    named = {name for row in table.splitlines()[2:] for name in re.findall(r"`(\w+)`", row.split("|")[1])}
    assert len(named) >= 15
    assert named <= set(SCHEMA["properties"])
    assert set(SCHEMA["required"]) <= named | {"source", "reference_date"}  # extras the contract welcomes


def test_every_item_the_contract_spells_out_has_the_schema_fields():
    items = dict(re.findall(r"^(\w+)(?: \([^)]*\))?: `\{(.*?)\}`", CONTRACT, flags=re.MULTILINE))
    assert set(items) == {"Country", "Span", "Count", "Timex", "Quote", "Named", "Visit"}
    for name, fields in items.items():
        spelled = [field.split(":")[0].strip() for field in fields.split(",")]
        assert set(spelled) == set(SCHEMA["$defs"][name]["properties"]), name
    speaker = re.search(r"`speaker` is `\{(.*?)\}`", CONTRACT)[1]
    assert {f.strip() for f in speaker.split(",")} == set(SCHEMA["$defs"]["Speaker"]["properties"])
