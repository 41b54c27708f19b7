"""Lexicon files hold only what the code reads: a key nothing reads is misspelt or dead."""
from __future__ import annotations

from pathlib import Path

from extractor import extract, lexicons

SAMPLES = Path(__file__).parent.parent / "samples"


#: Some keys are read only when their rule's shape occurs: a name in Latin letters before a title, a
#: name glossed in Latin letters, a general head taken in a capacity (`사업으로 신청`).
RARE_SHAPES = ("Kamalia Purbani 국장은 톤갈락 바얀두렌(Tungalag Bayanduuren) 씨와 함께 "
               "마을 정비를 국고 보조 사업으로 신청했다고 말했다.")


def test_the_pipeline_reads_every_key_of_every_lexicon_it_loads():
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))] + [RARE_SHAPES]
    for text in texts:
        extract(text, reference_date="2023-07-28")
    assert lexicons.unread_keys() == {}


def test_a_key_nothing_reads_is_reported():
    lexicon = lexicons.Lexicon({"cues": ["방문"], "cuse": ["견학"]})
    lexicons._LOADED["example"] = lexicon
    try:
        assert lexicon["cues"] == ["방문"]
        assert lexicons.unread_keys()["example"] == ["cuse"]
    finally:
        del lexicons._LOADED["example"]
