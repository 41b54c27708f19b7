"""Bodies named by the list they stand in.

Korean news names the members of a list and then says what kind of body they all are:
`메쎄이상, 엑스포럼, 엠채널 등 30여개 전시 전문회사`, `비트센싱, 에스트래픽 등 국내 ITS
기업`, `용답초와 무학초, 송원초 4개교`. The proper names of a list closed by such a kind
(after `등`, or a count of bodies: `4개교`) are bodies, whatever their own last word.
Common nouns (`지자체, 공공기관 등 300여개 기관`) and places (`서울, 부산 등 …`) in such a list
name kinds and places, not bodies.
"""
from __future__ import annotations

import re

from ... import lexicons
from ...nlp.korean import particles
from .people import titles
from .things import CONJUNCT, Candidate, Reading, is_organization_word, word_table
from .words import Word

_PARTNER_PARTICLES = particles("partner")
_DIGIT = re.compile(r"\d")
#: Tags of the words of a proper name: proper nouns, Latin letters, numbers, brackets of a gloss.
_NAME_TAGS = frozenset({"NNP", "SL", "SN", "SH", "SO", "SP", "SSO", "SSC"})
_KIND_REACH = 4  # words between `등` and the kind it closes the list with (`등 30여개 전시 전문회사`)
_MEMBER_WORDS = 3  # words of one member (`LG CNS`, `라이프 프랜드`)


def listed_bodies(reading: Reading) -> list[Candidate]:
    found = []
    for index in word_table(reading).list_closers:
        kind = _closing_kind(reading, index)
        if kind is not None:
            found.extend(_members(reading, index, kind in reading.lex.school_kinds))
    return found


def _closing_kind(reading: Reading, index: int) -> str | None:
    """The kind of body a list ending before words[index] is of: `등 … 기업`, `4개교`."""
    article, lex = reading.article, reading.lex
    word = article.words[index]
    text = article.text[word.start:word.nominal_end]
    if _DIGIT.search(text):
        return next((kind for kind in lex.body_counters if text.endswith(kind)), None)
    if article.text[word.start:word.start + len(word.stem)] != "등" or word.particle:
        return None
    for following in article.words[index + 1:index + 1 + _KIND_REACH]:
        stem = article.text[following.start:following.nominal_end]
        kind = next((kind for kind in (*lex.school_kinds, *lex.body_kinds) if stem.endswith(kind)), None)
        if kind is not None or following.particle or not following.full:
            return kind
    return None


def _members(reading: Reading, closer: int, schools: bool) -> list[Candidate]:
    """The members of the list before words[closer], last to first, as long as each is a name."""
    article = reading.article
    found, last = [], closer - 1
    if last < 0 or not article.joined(article.words[last], article.words[closer]):
        return []
    while last is not None:
        first = _member_start(reading, last)
        names = _member_names(reading, first, last, schools)
        if not names:
            break
        found.extend(names)
        last = _previous_member(reading, first)
    return found


def _member_start(reading: Reading, last: int) -> int:
    article = reading.article
    first = last
    while first > 0 and last - first < _MEMBER_WORDS - 1 and article.joined(article.words[first - 1], article.words[first]) \
            and _proper(article.words[first - 1]):
        first -= 1
    return first


def _previous_member(reading: Reading, first: int) -> int | None:
    """Where the member before words[first] ends: after a comma, `와/과` or `및`."""
    article = reading.article
    if first == 0:
        return None
    before = article.words[first - 1]
    gap = article.text[before.end:article.words[first].start]
    if gap.strip() == "," and before.full:
        return first - 1
    if not gap.strip() and before.particle in _PARTNER_PARTICLES:
        return first - 1
    if article.text[before.start:before.end] == "및" and first > 1:
        return first - 2
    return None


def _member_names(reading: Reading, first: int, last: int, schools: bool) -> list[Candidate]:
    """Each conjunct of the member (`도요타·닛산·혼다`), if every one is a name; else none."""
    article = reading.article
    words = article.words[first:last + 1]
    start, end = words[0].start, words[-1].nominal_end
    found = []
    for conjunct in CONJUNCT.finditer(article.text, start, end):
        if not _body_name(reading, words, conjunct.group(0), schools):
            return []
        found.append(Candidate("organizations", conjunct.group(0), conjunct.start(), conjunct.end()))
    return found


def _body_name(reading: Reading, words: list[Word], text: str, schools: bool) -> bool:
    lex = reading.lex
    if len(text) < 2 or text in lex.generic or text in titles().regions or text in lexicons.foreign_cities() \
            or any(reading.countries.contain(word.start) for word in words):
        return False
    if schools and text.endswith(lex.school_short_heads) and len(words) == 1:
        return True  # `용답초`, `대전외국어고`: a school's short name, read as a common noun
    return all(_proper(word) or is_organization_word(reading, word) for word in words)


def _proper(word: Word) -> bool:
    return bool(word.tags) and all(tag in _NAME_TAGS for tag in word.tags)
