"""The Korean-text layer every recognizer reads through.

- `one_of(words)`: the regex alternation of a word list, longest first (`이라고` before `고`).
- `longest_first(words)`: the same order for a loop that takes the first match.
- `particles("subject", "topic")`: particles by name, from `lexicons/particles.yaml`.
- `content_of(doc)`: which text may be read, computed once per Doc: the content zones
  (`contains`), the prose they join into (`prose`), and the passages a date may run across
  (`passages`).
- Sentences, all from Kiwi's (`common.sentence_ranges(doc)`): `line_sentences(doc)` cuts them
  again at line breaks; `sentence_parts(doc, zones)` keeps their parts in some zones, cut at
  list rows; `SENTENCE_END` finds a sentence's end from a position in the text.
- `morphemes_of(doc)`: Kiwi's morphemes looked up by character offset.
- `per_doc(doc, build)`: any analysis computed once per Doc for every component that reads it.
- `report_verbs()`: the verbs closing a report (`… 24일 밝혔다`), from speech_verbs.yaml.
- `Spans(entries)`: things at character ranges that answer 'which lie inside, contain, cover or
  overlap this range?' in O(log n), so no recognizer scans every country or date per candidate.
"""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter
from typing import TypeVar

import regex
from spacy.tokens import Doc

from .. import lexicons
from ..document import Zone
from .common import document_of, sentence_ranges, text_of
from .tokenizer import Morph


T = TypeVar("T")
_PER_DOC: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: Letters of a word: digits, Latin, Hangul syllables and jamo, Hanja.
WORD_CHAR = r"0-9A-Za-z\uac00-\ud7a3\u3131-\u318e\u4e00-\u9fff"
_WORD_LETTER = regex.compile(f"[{WORD_CHAR}]")
#: Where a sentence ends: a stop after a word (`했다.`, also glued to the next: `했다.이어`),
#: any stop before a space, or a line break; not the stop of a short Latin abbreviation before a
#: capitalised word, as a name's spelling in a parenthesis has (`(Mr. Idris Bashir)`, `(COL. Tapan Pant)`).
SENTENCE_END = regex.compile(r"(?<=[가-힣)\]])[.?!](?=\s|[가-힣]|$)"
                             r"|(?<![(\s][A-Z][A-Za-z]{0,3})[.?!](?=\s)|(?<=[(\s][A-Z][A-Za-z]{0,3})[.?!](?=\s(?![A-Z]))|\n")


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """The words without repeats, longest first (a stable sort: equal lengths keep their order)."""
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def one_of(words: Iterable[str], *, between: str = "") -> str:
    """A non-capturing alternation of the words, longest first; `between` is allowed between
    each two letters of a word (`\\n?` for a hard-wrapped line). Words of one length, which never
    match at the same place, go in alphabetical order: a set's words then make the same pattern
    in every process (its order changes with the hash seed), as the pattern cache's key needs."""
    return "(?:" + "|".join(between.join(map(regex.escape, word)) if between else regex.escape(word)
                            for word in sorted(set(words), key=_longest_then_alphabetical)) + ")"


def _longest_then_alphabetical(word: str) -> tuple[int, str]:
    return -len(word), word


@lru_cache(maxsize=None)
def particles(*names: str) -> frozenset[str]:
    """The particles of the named sets of particles.yaml."""
    data = lexicons.load("particles")
    return frozenset(particle for name in names for particle in data[name])


class Content:
    """Answers 'may a recognizer extract from text[start:end]?' in O(log n)."""

    def __init__(self, ranges: list[tuple[int, int]], prose: list[tuple[int, int]], passages: list[tuple[int, int]]):
        self.ranges, self.prose, self.passages = ranges, prose, passages
        self._starts = [start for start, _ in ranges]
        self._prose_starts = [start for start, _ in prose]

    def contains(self, start: int, end: int) -> bool:
        return _within(self.ranges, self._starts, start, end)

    def prose_contains(self, start: int, end: int) -> bool:
        """Inside one run of prose (zones joined across blank gaps: a quote may cross them)."""
        return _within(self.prose, self._prose_starts, start, end)


def _within(ranges: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= ranges[i][1]


class Spans(tuple):
    """Things at character ranges, in their given order: objects with `start` and `end`, or
    (start, end) pairs (`bounds=pair`). They may overlap one another; every question is a
    bisection, where a scan of all of them per question makes a long text's cost quadratic."""

    def __new__(cls, entries: Iterable = (), bounds: Callable = attrgetter("start", "end")):
        self = super().__new__(cls, entries)
        ranges = [bounds(entry) for entry in self]
        order = sorted(range(len(self)), key=lambda i: ranges[i][0])  # stable: ties keep their order
        self._by_start = [self[i] for i in order]
        self._starts = [ranges[i][0] for i in order]
        self._reach = list(accumulate((ranges[i][1] for i in order), max))  # the furthest end so far
        self._ends = {end for _, end in ranges}
        self._ranges = [ranges[i] for i in order]
        return self

    def within(self, start: int, end: int) -> list:
        """The entries inside text[start:end], in text order (ties in their given order)."""
        first, last = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return [entry for entry, (_, entry_end) in zip(self._by_start[first:last], self._ranges[first:last])
                if entry_end <= end]

    def overlapping(self, start: int, end: int) -> list:
        """The entries sharing a character with text[start:end], in text order."""
        first, last = bisect_right(self._reach, start), bisect_left(self._starts, end)
        return [entry for entry, (_, entry_end) in zip(self._by_start[first:last], self._ranges[first:last])
                if entry_end > start]

    def contain(self, position: int) -> bool:
        """Some entry holds the character at `position`."""
        return self._reach_before(bisect_right(self._starts, position)) > position

    def cover(self, start: int, end: int) -> bool:
        """Some entry holds all of text[start:end]."""
        return self._reach_before(bisect_right(self._starts, start)) >= end

    def overlap(self, start: int, end: int) -> bool:
        """Some entry shares a character with text[start:end]."""
        return self._reach_before(bisect_left(self._starts, end)) > start

    def end_at(self, position: int) -> bool:
        return position in self._ends

    def _reach_before(self, count: int) -> float:
        """The furthest end of the first `count` entries by start."""
        return self._reach[count - 1] if count else float("-inf")


def pair(entry: tuple[int, int]) -> tuple[int, int]:
    """The bounds of a (start, end) pair, for `Spans(pairs, bounds=pair)`."""
    return entry


def per_doc(doc: Doc, build: Callable[[Doc], T]) -> T:
    """build(doc), computed once per Doc for every component that reads it. Kept beside the Doc
    rather than in it: doc.user_data must stay serialisable."""
    found = _PER_DOC.setdefault(doc, {})
    if build not in found:
        found[build] = build(doc)
    return found[build]


def zone_at(doc: Doc, offset: int) -> Zone | None:
    """The layout zone holding the character at `offset` (the first listed, where zones overlap)."""
    held = per_doc(doc, _zones).overlapping(offset, offset + 1)
    return min(held, key=lambda entry: entry[0])[1] if held else None


def _zones(doc: Doc) -> Spans:
    return Spans(enumerate(document_of(doc).zones), bounds=lambda entry: (entry[1].start, entry[1].end))


def forget_analyses(doc: Doc) -> None:
    """Drop what per_doc kept for a Doc that every component has read: a long text's words and
    indexes are tens of MB that would otherwise stand until the Doc goes, while its Article is built."""
    _PER_DOC.pop(doc, None)


def content_of(doc: Doc) -> Content:
    """The Doc's content, worked out once per Doc."""
    return per_doc(doc, _content)


def _content(doc: Doc) -> Content:
    ranges = sorted(document_of(doc).content_ranges())
    return Content(ranges, _prose(doc), _passages(text_of(doc), ranges))


def _prose(doc: Doc) -> list[tuple[int, int]]:
    """Content zones, with neighbouring ones joined: a quote may run over a line break where
    the layout starts a new zone (or misreads a first line as the headline). A caption is
    never joined: it is not part of the prose."""
    document = document_of(doc)
    content_zones = set(document.content_ranges())
    if not document.zones:
        return sorted(content_zones)
    text = text_of(doc)
    merged: list[list] = []
    for zone in sorted(document.zones, key=lambda z: z.start):
        if (zone.start, zone.end) not in content_zones:
            continue
        joinable = merged and "caption" not in (merged[-1][2], zone.kind)
        if joinable and not text[merged[-1][1]:zone.start].strip():
            merged[-1][1] = zone.end
        else:
            merged.append([zone.start, zone.end, zone.kind])
    return [(start, end) for start, end, _ in merged]


def _passages(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content ranges that meet or are split by one line break read as one passage: releases
    break lines inside a date (`4월 4일\\n(금)까지`); only a bracket joins across a break."""
    passages: list[tuple[int, int]] = []
    for start, end in ranges:
        if passages and text[passages[-1][1]:start] in ("", "\n"):
            passages[-1] = (passages[-1][0], end)
        else:
            passages.append((start, end))
    return passages


@lru_cache(maxsize=None)
def report_verbs() -> tuple[str, ...]:
    """The verbs that close a report (`… 24일 밝혔다`), from speech_verbs.yaml."""
    return tuple(lexicons.load("speech_verbs")["report_verbs"])


@dataclass
class SentencePart:
    """A sentence's part within some zones, or a list row (`- 라오스 : 10/8~10/17, 20명`)."""
    start: int
    end: int
    text: str
    row: bool = False


def sentence_parts(doc: Doc, zones: tuple[str, ...]) -> Iterator[SentencePart]:
    """Each sentence's part in the given zones (a byline may open the first sentence of the
    body; a bare Doc is all body), cut where a list row starts."""
    document, text = document_of(doc), text_of(doc)
    body = Spans(((z.start, z.end) for z in document.zones if z.kind in zones), bounds=pair)
    if not document.zones and "body" in zones:
        body = Spans([(0, len(text))], bounds=pair)
    for sentence_start, sentence_end in sentence_ranges(doc):
        for zone_start, zone_end in body.overlapping(sentence_start, sentence_end):
            start, end = max(sentence_start, zone_start), min(sentence_end, zone_end)
            cuts = [m.start() for m in _LIST_MARK.finditer(text, start, end) if m.start() > start]
            for part_start, part_end in zip([start] + cuts, cuts + [end]):
                part = text[part_start:part_end]
                if part.strip(_LIST_MARK_CHARS):
                    part_start += len(part) - len(part.lstrip())
                    part_end -= len(part) - len(part.rstrip())
                    row = _is_row(doc, text, part_start, part_end)
                    yield SentencePart(part_start, part_end, text[part_start:part_end], row)


#: Marks opening list items and paragraphs (`- 라오스 : 10/8~10/17, 20명`, `□ 시는 …`).
_LIST_MARK_CHARS = "-·•▪*□○◦ㅇ◎ \t\n"
_LIST_MARK = regex.compile(r"(?m)^[ \t]*[-·•▪*□○◦ㅇ◎][ \t]")


def _is_row(doc: Doc, text: str, start: int, end: int) -> bool:
    """A list item that is no sentence (`- 라오스 : 10/8~10/17, 20명`): a line opening with a
    list mark, with no final ending (`다.`) of a verb."""
    line_start = text.rfind("\n", 0, start) + 1
    mark = _LIST_MARK.match(text, line_start)
    if mark is None or text[mark.end():start].strip():
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any("EF" in token.tag_ for token in span)


def line_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Kiwi's sentences, cut again at line breaks (headlines, decks and bullets are lines of
    their own) except where a hard wrap splits a line between two letters (`필리\n핀`,
    `15명\n의`)."""
    text = text_of(doc)
    zone_starts = {zone.start for zone in document_of(doc).zones}
    line_starts = {m.end(): _wraps(text, m.start(), zone_starts) for m in regex.finditer("\n", text)}
    cuts = {start for start, _ in sentence_ranges(doc)} | set(line_starts) | {len(text)}
    cuts = sorted(cut for cut in cuts if not line_starts.get(cut))
    return [(start, end) for start, end in zip([0, *cuts], cuts) if start < end]


def _wraps(text: str, newline: int, zone_starts: set[int]) -> bool:
    """A line break that only wraps a line: between two letters, inside one zone."""
    return (0 < newline < len(text) - 1 and newline + 1 not in zone_starts
            and _WORD_LETTER.match(text, newline - 1) is not None and _WORD_LETTER.match(text, newline + 1) is not None)


def morphemes_of(doc: Doc) -> Morphemes:
    return per_doc(doc, _morphemes)


def _morphemes(doc: Doc) -> Morphemes:
    return Morphemes(doc._.morphs or [])


class Morphemes:
    """Kiwi's morphemes of one Doc (`doc._.morphs`, sorted by the tokenizer), looked up by
    character offset. A contracted syllable is two morphemes at one offset (`했` = 하 + 었)."""

    def __init__(self, morphs: list[Morph]):
        self.morphs = morphs
        self.starts = [m.start for m in morphs]  # read by names.words too: one index per Doc
        self._ends = sorted(m.end for m in morphs)  # searched, not hashed: a long text has 100,000s

    def starting_at(self, offset: int) -> Morph | None:
        """The first morpheme that starts at `offset`."""
        i = bisect_left(self.starts, offset)
        return self.morphs[i] if i < len(self.morphs) and self.morphs[i].start == offset else None

    def last_starting_at(self, offset: int) -> Morph | None:
        i = bisect_right(self.starts, offset) - 1
        return self.morphs[i] if i >= 0 and self.starts[i] == offset else None

    def starts_at(self, offset: int) -> bool:
        i = bisect_left(self.starts, offset)
        return i < len(self.starts) and self.starts[i] == offset

    def ends_at(self, offset: int) -> bool:
        i = bisect_left(self._ends, offset)
        return i < len(self._ends) and self._ends[i] == offset

    def between(self, start: int, end: int) -> list[Morph]:
        return self.morphs[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def is_word(self, start: int, end: int) -> bool:
        """text[start:end] starts a morpheme and ends one that no noun continues."""
        follower = self.last_starting_at(end)
        return self.starts_at(start) and self.ends_at(end) and not (follower and follower.tag.startswith("NN"))

    def noun_end(self, start: int, end: int) -> int | None:
        """End of the noun (compound) that begins text[start:end], before its particles."""
        noun_end = None
        morph = self.last_starting_at(start)
        while morph and morph.end <= end and (morph.tag.startswith("NN") or morph.form == "·"):
            noun_end = morph.end
            morph = self.last_starting_at(morph.end)
        return noun_end
