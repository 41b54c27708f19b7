"""The one table of Article fields (model.ITEM_FIELDS) and what mirrors it."""
from __future__ import annotations

import re
from pathlib import Path

from extractor.model import ITEM_FIELDS, Article
from extractor.nlp.common import FIELDS

APP_JS = Path(__file__).parent.parent / "extractor" / "web" / "static" / "app.js"


def test_the_table_lists_every_item_field_of_the_article_in_contract_order():
    listed = [name for name, info in Article.model_fields.items()
              if getattr(info.annotation, "__origin__", None) is list and name not in ("subtitles", "reporters", "warnings")]
    assert list(ITEM_FIELDS) == listed == list(FIELDS)
    assert all(Article.model_fields[name].annotation == list[spec.model] for name, spec in ITEM_FIELDS.items())


def test_the_web_page_names_the_fields_the_table_names():
    block = re.search(r"const FIELDS = \{(.*?)\};", APP_JS.read_text(encoding="utf-8"), re.S).group(1)
    on_page = dict(re.findall(r"(\w+): \"([^\"]+)\"", block))
    assert on_page == {name: spec.label for name, spec in ITEM_FIELDS.items()}
    grouped = re.search(r"const GROUPED = new Set\(\[(.*?)\]\);", APP_JS.read_text(encoding="utf-8")).group(1)
    assert set(re.findall(r'"(\w+)"', grouped)) == {name for name, spec in ITEM_FIELDS.items() if spec.merged_by}
