"""The words of an article, the one word analysis behind names, people and quote speakers.

Two segmentations share one `Word`:
- name words run between spaces and hard punctuation (`△`, brackets, quotes,
  commas, a full stop glued to the next sentence: `했다.기상청은`); `·` and `-`
  stay inside them (`통합관제·스마트도시시스템`, `U-통합관제센터`), dashes never open
  one (`서울--(뉴스와이어)--서울시는`). A noun phrase is a run of them joined by single spaces in
  which every word but the last is wholly nominal (`스마트 스쿨존 안전시스템`).
- clause words are whitespace-separated, without opening marks and trailing
  punctuation, so that `아방카이시(市)의` stays one word with its particle.
Kiwi's morphemes tell how much of a word is nominal (`시스템을` -> `시스템`) and
which trailing morphemes are particles (`시장은` -> stem `시장`, particle `은`).
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from functools import cached_property
from typing import Iterator, NamedTuple

from spacy.tokens import Doc

from ...nlp.common import text_of
from ...nlp.korean import morphemes_of, per_doc
from ...nlp.tokenizer import Morph, new_tuple as _new_tuple
from ...pattern_cache import compiled_re

NOMINAL_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XPN", "XSN"})
JOINER_TAGS = frozenset({"SO", "SW", "SP"})  # `-`, `+`, `·` inside a word
_NOUN_PART_TAGS = NOMINAL_TAGS | JOINER_TAGS | {"W_SERIAL"}  # `5-1생활권`: a serial number opens a noun
#: A stem of these is a noun phrase word, brackets and middle dots included
#: (`아방카이시(市)`, `단장(45·차관)`).
STEM_NOUN_TAGS = NOMINAL_TAGS | {"SSO", "SSC", "SP", "W_SERIAL"}
_NAME_WORD = compiled_re(r"(?![-~])(?:[^\s()\[\]{}<>△▲▽▼■□●○◆◇▶▷※…,;:!?\"'`‘’“”「」『』《》〈〉/=|ⓒ©.]|\.(?![가-힣]))+")
#: Whitespace-separated words. A full stop or a comma glued to the next word (`했다.최 시장은`,
#: `대통령,탁신 총리`) also splits, and so does a parenthesis holding several words
#: (`센터장(사진 왼쪽)`), while a one-word gloss stays in its word (`아방카이시(市)의`). An opening
#: quote mark glued to the word before (`계장은“…`) opens a word of its own.
_CLAUSE_WORD = compiled_re(r"(?:[^\s.,(“]|[.,](?![가-힣])|\((?=[^\s()]*\)))+\.?|\.")
#: The original spelling after a transliterated name (`에드윈 리(Edwin M. Lee)`) stands between words.
LATIN_GLOSS = compiled_re(r"\s*\([A-Za-z][A-Za-z.'\-]* [A-Za-z .'\-]*\)\s*")
_OPENING = "“\"'`‘「『([<ⓒ△▲▽▼□■○●◆◇▶▷※"  # quotes, brackets and list bullets (`△홍길동 시장`)
_TRAILING = ",.:;!?·…“”\"'`‘’「」『』"
#: A backtick, typed for a quote mark by some outlets, quotes a name as ‘ ’ do.
_QUOTED = compiled_re(r"[‘'`「『《〈]([^‘’'`\n「」『』《》〈〉<>=\"“”]{2,60})[’'`」』》〉]")


class Word(NamedTuple):  # a NamedTuple, not a frozen dataclass: hundreds are built per article
    start: int
    end: int
    nominal_end: int       # end of the leading nominal part (== start when none)
    tags: tuple[str, ...]  # tags of the morphemes in the nominal part
    forms: tuple[str, ...]
    stem: str              # the word without its trailing particles
    particle: str          # trailing particles as written ('' if none)
    stem_tags: tuple[str, ...]

    @property
    def full(self) -> bool:
        return self.nominal_end == self.end

    @property
    def nominal(self) -> bool:
        return self.nominal_end > self.start

    @property
    def noun_stem(self) -> bool:
        """Is everything before the particles a noun (brackets allowed; a determiner glued before
        nouns, as in `새마을운동중앙회장`, is part of it)?"""
        tags = self.stem_tags[1:] if self.stem_tags[:1] == ("MM",) and len(self.tags) > 1 else self.stem_tags
        return bool(tags) and all(tag in STEM_NOUN_TAGS for tag in tags)

    @property
    def connective(self) -> bool:
        """Ends in 이다's adnominal form (`장관인`): an apposition."""
        return self.stem_tags[-2:] == ("VCP", "ETM")


class Bounds:
    """(start, end) pairs kept as two arrays of numbers: a long text has 100,000s of words, and
    a tuple with two int objects per word is ten times the memory."""

    def __init__(self):
        self.starts, self.ends = array("q"), array("q")

    def append(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends)


def article_words(doc: Doc) -> ArticleWords:
    """The Doc's words, analysed once for every component that reads them."""
    return per_doc(doc, ArticleWords)


class ArticleWords:
    """The words of a Doc, in text order: name words eagerly, clause words on demand."""

    def __init__(self, doc: Doc):
        self.text = text_of(doc)
        index = morphemes_of(doc)  # Kiwi's morphemes, sorted by (start, end) by the tokenizer
        self.morphs, self.morph_starts = index.morphs, index.starts
        self._clause_words: dict[int, Word] = {}
        self._once: dict = {}  # one copy of each equal tuple of tags or forms and each stem and particle
        self.tables: dict = {}  # what other modules derive from the words once per Doc, by the type that derives it

    @cached_property
    def words(self) -> list[Word]:
        return [self.word(match.start(), match.end()) for match in _NAME_WORD.finditer(self.text)]

    @cached_property
    def starts(self) -> list[int]:
        return [w.start for w in self.words]

    @cached_property
    def clause_bounds(self) -> Bounds:
        bounds, position = Bounds(), 0
        for gloss in [*LATIN_GLOSS.finditer(self.text), None]:
            end = gloss.start() if gloss else len(self.text)
            for match in _CLAUSE_WORD.finditer(self.text, position, end):
                bounds.append(match.start(), match.end())
            position = gloss.end() if gloss else end
        return bounds

    @property
    def clause_starts(self) -> array:
        return self.clause_bounds.starts

    def morphs_in(self, start: int, end: int) -> list[Morph]:
        """Kiwi's morphemes wholly inside text[start:end]."""
        first = bisect_left(self.morph_starts, start)
        last = bisect_left(self.morph_starts, end, first)
        return [m for m in self.morphs[first:last] if m.end <= end]

    def word(self, start: int, end: int) -> Word:
        inside = self.morphs_in(start, end)
        split = len(inside)
        while split and inside[split - 1].tag[:1] == "J":
            split -= 1
        particle_start = inside[split].start if split < len(inside) else end
        stem_tags = tuple([m.tag for m in inside[:split]])
        nominal = _nominal_length(inside, stem_tags)
        once = self._once.setdefault
        tags, forms = stem_tags[:nominal], tuple([m.form for m in inside[:nominal]])
        stem, particle = self.text[start:particle_start], self.text[particle_start:end]
        return _new_tuple(Word, (start, end, inside[nominal - 1].end if nominal else start, once(tags, tags),
                                 once(forms, forms), once(stem, stem), once(particle, particle),
                                 once(stem_tags, stem_tags)))

    def dictionary_nouns(self, start: int, end: int) -> list[Morph]:
        """The common nouns of Kiwi's dictionary text[start:end] is made of (`연구소`, `교통`+`국`),
        or none when any part is something else or a guess at an unknown word (`최영조`)."""
        first = bisect_left(self.morph_starts, start)
        last = bisect_left(self.morph_starts, end, first)
        inside = self.morphs[first:last]
        covered = bool(inside) and inside[0].start == start and inside[-1].end == end and all(
            left.end == right.start for left, right in zip(inside, inside[1:]))
        return inside if covered and all(m.tag == "NNG" and not m.oov for m in inside) else []

    def clause_word(self, index: int) -> Word:
        if index not in self._clause_words:
            start, end = self.clause_bounds[index]
            while start < end - 1 and self.text[start] in _OPENING:
                start += 1
            stripped = self.text[start:end].rstrip(_TRAILING)
            self._clause_words[index] = self._name_word_or_new(start, start + len(stripped))
        return self._clause_words[index]

    def _name_word_or_new(self, start: int, end: int) -> Word:
        """Most clause words are name words too (the same bounds make the same Word): reuse them."""
        index = self.index_at(start)
        if index < len(self.words) and self.words[index].start == start and self.words[index].end == end:
            return self.words[index]
        return self.word(start, end)

    def clause_words_between(self, start: int, end: int, at_most: int | None = None) -> list[Word]:
        """The clause words inside text[start:end]; only the last `at_most` (1 or more) when given,
        the words before them not made."""
        first = bisect_left(self.clause_starts, start)
        last = bisect_left(self.clause_starts, end, first)
        if at_most is not None:  # only the last clause can run past end: its at_most before it are enough
            first = max(first, last - at_most - 1)
        made = self._clause_words  # the people rules read overlapping windows: most words are made already
        words = [made[index] if index in made else self.clause_word(index) for index in range(first, last)]
        words = [w for w in words if w.end <= end]
        return words if at_most is None else words[-at_most:]

    def words_between(self, start: int, end: int) -> list[Word]:
        """The name words inside text[start:end]."""
        words = self.words[self.index_at(start):self.index_at(end)]
        return [w for w in words if w.end <= end]

    def index_at(self, offset: int) -> int:
        """Index of the first name word starting at or after offset."""
        return bisect_left(self.starts, offset)

    def joined(self, left: Word, right: Word) -> bool:
        """Are two words neighbours in one noun phrase (only spaces between, left wholly nominal)?"""
        return (left.full and 0 < right.start - left.end <= 2
                and self.text[left.end:right.start].strip(" \t") == "")

    @cached_property
    def phrase_bounds(self) -> Bounds:
        """(first, end) in words of each noun phrase (a run of joined nominal words), found once for
        things and organisations alike.
        Kept as numbers: lists of words would stay for the garbage collector to walk as long as the Doc."""
        bounds = Bounds()
        first = None  # of the phrase being read
        for index, word in enumerate(self.words):
            if first is not None and not self.joined(self.words[index - 1], word):
                bounds.append(first, index)
                first = None
            if word.nominal:
                first = index if first is None else first
            elif first is not None:
                bounds.append(first, index)
                first = None
        if first is not None:
            bounds.append(first, len(self.words))
        return bounds

    def quoted(self) -> list[re.Match]:
        """Short single-quoted or bracketed stretches (`‘스마트도시 체감도 증진사업’`)."""
        return list(_QUOTED.finditer(self.text))

    def proper_nouns_ending(self, suffix: str) -> list[str]:
        return [m.form for m in self.morphs
                if m.tag == "NNP" and len(m.form) > len(suffix) and m.form.endswith(suffix)]


def _nominal_length(morphs, tags: tuple[str, ...]) -> int:
    """How many leading morphemes of a word belong to a noun (a determiner only glued before more
    noun: `새마을`, `경북새마을재단`, `양지천`); tags are those of the morphemes before the particles,
    where a noun always ends."""
    length = 0
    for index, tag in enumerate(tags):
        if tag in _NOUN_PART_TAGS or (tag == "MM" and index + 1 < len(tags)
                                      and morphs[index + 1].start == morphs[index].end):
            length += 1
        else:
            break
    while length and tags[length - 1] in JOINER_TAGS:
        length -= 1
    return length
