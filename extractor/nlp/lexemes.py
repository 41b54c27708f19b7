"""Faster equivalents of three of spaCy's lexical attribute functions for Korean.

spaCy makes a lexeme the first time it meets a word, running every lexical attribute function
of the language in Python (~60 µs a word; a new article brings ~25 new words). Korean's
`like_num` alone took 17 µs of that (it looks each character up in a list of number words),
`word_shape` 4 and `like_url` 3. The replacements give the same value on every string
(tests/test_lexemes.py compares them with spaCy's own on every word of the samples and corpus/dev),
so a token's `like_num`, `shape_` and `like_url` are what spaCy's Korean would give.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import LIKE_NUM, LIKE_URL, SHAPE
from spacy.lang import lex_attrs
from spacy.lang.ko import lex_attrs as korean

#: The number words of spaCy's Korean that are one character: its `like_num` holds a word with
#: any of them (a character's lower case is itself for Hangul, and never Hangul for another script).
_NUMBER_CHARACTERS = frozenset(word for word in korean._num_words if len(word) == 1)


def like_num(text: str) -> bool:
    """spaCy's Korean `like_num`: a number word's character anywhere, else the languages' common test."""
    return not _NUMBER_CHARACTERS.isdisjoint(text) or lex_attrs.like_num(text)


def word_shape(text: str) -> str:
    """spaCy's `word_shape`; a word of letters none of them upper case (all Hangul) is `x` up to 4 times."""
    if len(text) < 100 and text.isalpha() and not any(map(str.isupper, text)):
        return "x" * min(len(text), 4)
    return lex_attrs.word_shape(text)


def like_url(text: str) -> bool:
    """spaCy's `like_url`: without a dot only a word opening with a scheme is one."""
    if text and "." not in text:
        return text.startswith(("http://", "https://"))
    return lex_attrs.like_url(text)


#: spaCy's attribute id -> the equivalent function.
FASTER_GETTERS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num, SHAPE: word_shape, LIKE_URL: like_url}
