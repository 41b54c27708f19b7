"""The Korean-text layer every recognizer reads through.

- `one_of(words)`: the regex alternation of a word list, longest first (`이라고` before `고`).
- `longest_first(words)`: the same order for a loop that takes the first match.
- `particles("subject", "topic")`: particles by name, from `lexicons/particles.yaml`.
- `content_of(doc)`: which text may be read, computed once per Doc: the content zones
  (`contains`), the prose they join into (`prose`), and the passages a date may run across
  (`passages`).
- `SENTENCE_END`: where a sentence ends when it must be found from a position in the text
  (Kiwi's sentences are `common.sentence_ranges(doc)`).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

import regex
from spacy.tokens import Doc

from .. import lexicons
from .common import document_of, text_of


#: Where a sentence ends: a stop after a word (`했다.`, also glued to the next: `했다.이어`),
#: any stop before a space, or a line break.
SENTENCE_END = regex.compile(r"(?<=[가-힣)\]])[.?!](?=\s|[가-힣]|$)|[.?!](?=\s)|\n")


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """The words without repeats, longest first (a stable sort: equal lengths keep their order)."""
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def one_of(words: Iterable[str], *, between: str = "") -> str:
    """A non-capturing alternation of the words, longest first; `between` is allowed between
    each two letters of a word (`\\n?` for a hard-wrapped line)."""
    return "(?:" + "|".join(between.join(map(regex.escape, word)) if between else regex.escape(word)
                            for word in longest_first(words)) + ")"


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


def content_of(doc: Doc) -> Content:
    """The Doc's content, worked out on first use and kept in doc.user_data (as plain ranges)."""
    cached = doc.user_data.get("extractor.content")
    if cached is None:
        ranges = sorted(document_of(doc).content_ranges())
        cached = doc.user_data["extractor.content"] = (ranges, _prose(doc), _passages(text_of(doc), ranges))
    return Content(*cached)


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
