"""Words and noun phrases for the name recognizers.

A word is a run of text between spaces and hard punctuation (`△`, brackets,
quotes, commas); `·` and `-` stay inside words (`통합관제·스마트도시시스템`,
`U-통합관제센터`). Kiwi's morphemes tell how much of a word is nominal
(`시스템을` -> `시스템`). A noun phrase is a run of words joined by single
spaces in which every word but the last is wholly nominal
(`스마트 스쿨존 안전시스템`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

NOMINAL_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XPN", "XSN"})
JOINER_TAGS = frozenset({"SO", "SW", "SP"})  # `-`, `+`, `·` inside a word
_WORD = re.compile(r"[^\s()\[\]{}<>△▲▽▼■□●○◆◇▶▷※…,;:!?\"'‘’“”「」『』《》〈〉/=|ⓒ©]+")
_QUOTED = re.compile(r"[‘'「『《〈]([^‘’'\n「」『』《》〈〉<>=\"“”]{2,60})[’'」』》〉]")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    nominal_end: int      # end of the leading nominal part (== start when none)
    tags: tuple[str, ...]  # tags of the morphemes in the nominal part
    forms: tuple[str, ...]

    @property
    def full(self) -> bool:
        return self.nominal_end == self.end

    @property
    def nominal(self) -> bool:
        return self.nominal_end > self.start


class ArticleWords:
    """The words of a Doc, in text order, with their nominal parts."""

    def __init__(self, doc: Doc):
        self.text = doc.text
        morphs = sorted(doc._.morphs or [], key=lambda m: (m.start, m.end))
        self.words = [_word(match.start(), match.end(), morphs) for match in _WORD.finditer(self.text)]
        self.starts = [w.start for w in self.words]

    def index_at(self, offset: int) -> int:
        """Index of the first word starting at or after offset."""
        return bisect_left(self.starts, offset)

    def joined(self, left: Word, right: Word) -> bool:
        """Are two words neighbours in one noun phrase (only spaces between, left wholly nominal)?"""
        gap = self.text[left.end:right.start]
        return left.full and 0 < len(gap) <= 2 and gap.strip(" \t") == ""

    def phrases(self) -> list[list[Word]]:
        phrases: list[list[Word]] = []
        current: list[Word] = []
        for word in self.words:
            if current and not self.joined(current[-1], word):
                phrases.append(current)
                current = []
            if word.nominal:
                current.append(word)
            elif current:
                phrases.append(current)
                current = []
        if current:
            phrases.append(current)
        return phrases

    def nominal_text(self, first: Word, last: Word) -> str:
        return self.text[first.start:last.nominal_end]

    def quoted(self) -> list[re.Match]:
        """Short single-quoted or bracketed stretches (`‘스마트도시 체감도 증진사업’`)."""
        return list(_QUOTED.finditer(self.text))


def _word(start: int, end: int, morphs) -> Word:
    i = bisect_left(morphs, (start,), key=lambda m: (m.start,))
    inside = []
    while i < len(morphs) and morphs[i].start < end:
        if morphs[i].end <= end:
            inside.append(morphs[i])
        i += 1
    nominal = _nominal_prefix(inside)
    nominal_end = nominal[-1].end if nominal else start
    return Word(start, end, nominal_end, tuple(m.tag for m in nominal), tuple(m.form for m in nominal))


def _nominal_prefix(morphs) -> list:
    """The leading morphemes of a word that belong to a noun (a determiner only before more noun)."""
    prefix = []
    for position, morph in enumerate(morphs):
        if morph.tag in NOMINAL_TAGS or morph.tag in JOINER_TAGS:
            prefix.append(morph)
        elif morph.tag == "MM" and position == 0 and len(morphs) > 1 and morphs[1].start == morph.end:
            prefix.append(morph)
        else:
            break
    while prefix and prefix[-1].tag in JOINER_TAGS:
        prefix.pop()
    return prefix
