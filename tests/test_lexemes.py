"""The faster lexical attribute functions give spaCy's Korean values on every word we have."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.lang.ko import Korean
from spacy.vocab import create_vocab

from extractor.nlp.lexemes import FASTER_GETTERS

REPOSITORY = Path(__file__).resolve().parent.parent
EDGE_CASES = ["", "a", ".", "..", "가", "일", "영하", "+삼", "-1", "1,000.5", "3/4", "3/4/5", "½", "²", "٣",
              "ABCDE", "Ab", "가A", "ǅ", "İ", "ᾈ", "x" * 120, "가" * 120, "ⅷ", "가나다라마바", "2023년",
              "http://", "https://a", "http:가", "www.", "www.a", ".com", "a.", "a@b.com", "naver.com",
              "example.com/", "a.b:80", "1.5", "대한민국.kr", "co.kr", "mofa.go.kr", "a.xyz", "a.b"]


def _words() -> set[str]:
    texts = [path.read_text(encoding="utf-8") for directory in ("samples", "corpus/dev")
             for path in sorted((REPOSITORY / directory).glob("*.txt"))]
    words = {piece for text in texts for piece in re.findall(r"\S+|\w+|[^\w\s]+", text)}
    return words | {word[:cut] for word in words for cut in (1, 2, 3)} | set(EDGE_CASES)


@pytest.mark.parametrize("attribute", sorted(FASTER_GETTERS))
def test_faster_getter_gives_spacys_value(attribute: int) -> None:
    spacys = create_vocab("ko", Korean.Defaults).lex_attr_getters[attribute]
    faster = FASTER_GETTERS[attribute]
    for word in _words():
        if word:  # spaCy's vocabulary never makes a lexeme of the empty string
            assert faster(word) == spacys(word), word
