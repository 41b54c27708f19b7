"""The sample article's quotes, texts, speakers (name, title) and verbs exactly as its gold file gives them."""
from __future__ import annotations

import json
from pathlib import Path

from extractor import extract

SAMPLE = Path(__file__).parent.parent / "samples" / "anyang-smart-city-2023-07-28"


def test_sample_quotes_match_gold():
    gold = json.loads(SAMPLE.with_suffix(".gold.json").read_text(encoding="utf-8"))
    article = extract(SAMPLE.with_suffix(".txt").read_text(encoding="utf-8"),
                      reference_date=gold["reference_date"])
    found = [(q.text, q.speaker and q.speaker.name, q.speaker and q.speaker.title, q.verb)
             for q in article.quotes]
    expected = [(q["text"], q["speaker"]["name"], q["speaker"]["title"], q["verb"]) for q in gold["quotes"]]
    assert found == expected
    assert not article.grounding_failures()
