"""Lexicon files hold only what the code reads: a key nothing reads is misspelt or dead."""
from __future__ import annotations

from pathlib import Path

from extractor import extract, lexicons

SAMPLES = Path(__file__).parent.parent / "samples"


def test_the_pipeline_reads_every_key_of_every_lexicon_it_loads():
    for path in sorted(SAMPLES.glob("*.txt"))[:2]:
        extract(path.read_text(encoding="utf-8"), reference_date="2023-07-28")
    assert lexicons.unread_keys() == {}


def test_a_key_nothing_reads_is_reported():
    lexicon = lexicons.Lexicon({"cues": ["방문"], "cuse": ["견학"]})
    lexicons._LOADED["example"] = lexicon
    try:
        assert lexicon["cues"] == ["방문"]
        assert lexicons.unread_keys()["example"] == ["cuse"]
    finally:
        del lexicons._LOADED["example"]
