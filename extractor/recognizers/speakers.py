"""Who said a quote: the speaker phrase around it, resolved against the article.

A speaker phrase is a run of words ending in a title (`최대호 안양시장은`,
`아방카이시(市)의 네스토르 라울 페냐 산체스 시장은`, `국토부 관계자는`), read
right to left from the title: a region that belongs to a place title
(`대전 중구청장`), the name, then the body (`…의`, or a word ending like an
organisation). Words are whitespace-separated; Kiwi's morphemes tell particles
and nouns apart.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc

from .. import lexicons
from ..model import Speaker

NOMINAL_TAGS = {"NNG", "NNP", "NNB", "NR", "SL", "SH", "SN", "SSO", "SSC", "XSN", "XPN", "W_SERIAL"}
TOPIC_PARTICLES = ("께서는", "께선", "은", "는")
SUBJECT_PARTICLES = ("께서", "이", "가")
_PUNCTUATION = ",.:;!?·…"
_OPENING = "“\"'‘「『([<ⓒ"
_HANJA_GLOSS = re.compile(r"\([\u3400-\u9fff]+\)")
_DIGITS = re.compile(r"\d")
#: Whitespace-separated words; a full stop glued to the next sentence (`했다.최 시장은`) also splits.
_WORD = re.compile(r"(?:[^\s.]|\.(?![가-힣]))+\.?|\.")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    stem: str          # the word without its trailing particles and punctuation
    particle: str      # trailing particles as written ('' if none)
    morph_tags: tuple  # tags of the stem's morphemes
    connective: bool   # ends in an adnominal form after 이다 (`장관인`): an apposition

    @property
    def nominal(self) -> bool:
        return bool(self.morph_tags) and all(tag in NOMINAL_TAGS for tag in self.morph_tags)


@dataclass(frozen=True)
class Lexicon:
    titles: tuple            # longest first
    title_pattern: re.Pattern
    anonymous_titles: frozenset
    title_bodies: dict       # `시장` -> `시`: 안양시장 heads 안양시
    pronouns: frozenset
    continuation_words: frozenset
    body_shorthands: frozenset
    organization_suffixes: tuple
    not_speaker_words: frozenset
    regions: frozenset
    surnames: frozenset
    aliases: dict            # short form -> official name (`국토부` -> `국토교통부`)


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    speech = lexicons.load("speech_verbs")
    titles = lexicons.load("titles")
    all_titles = set(titles.get("titles") or []) | set(titles.get("suffix_titles") or [])
    return Lexicon(
        titles=tuple(sorted(all_titles, key=len, reverse=True)),
        title_pattern=re.compile("|".join(map(re.escape, sorted(all_titles, key=len, reverse=True)))),
        anonymous_titles=frozenset(speech["anonymous_titles"]),
        title_bodies=dict(titles.get("title_bodies") or {}),
        pronouns=frozenset(speech["pronouns"]),
        continuation_words=frozenset(speech["continuation_words"]),
        body_shorthands=frozenset(speech["body_shorthands"]),
        organization_suffixes=tuple(sorted(speech["organization_suffixes"], key=len, reverse=True)),
        not_speaker_words=frozenset(speech["not_speaker_words"]),
        regions=frozenset(speech["regions"]),
        surnames=frozenset(titles.get("surnames") or []),
        aliases=dict(lexicons.load("org_aliases")),
    )


class ArticleWords:
    """The article as words with their particles, plus who it names."""

    def __init__(self, doc: Doc):
        self.text = doc.text
        self.morphs = sorted(doc._.morphs or [], key=lambda m: (m.start, m.end))
        self.morph_starts = [m.start for m in self.morphs]
        self.bounds = [(m.start(), m.end()) for m in _WORD.finditer(self.text)]
        self.word_starts = [start for start, _ in self.bounds]
        self._words: dict[int, Word] = {}
        self._bodies: dict[str, str | None] = {}

    @cached_property
    def people(self) -> PeopleIndex:
        return PeopleIndex(self)

    def word(self, index: int) -> Word:
        if index not in self._words:
            self._words[index] = self._word(*self.bounds[index])
        return self._words[index]

    def _word(self, start: int, end: int) -> Word:
        while start < end - 1 and self.text[start] in _OPENING:
            start += 1
        surface = self.text[start:end]
        stripped = surface.rstrip(_PUNCTUATION + "“”\"'‘’「」『』")
        end_stem = start + len(stripped)
        first = bisect_left(self.morph_starts, start)
        last = bisect_left(self.morph_starts, end_stem, first)
        morphs = [m for m in self.morphs[first:last] if m.end <= end_stem]
        split = len(morphs)
        while split and morphs[split - 1].tag.startswith("J"):
            split -= 1
        particle_start = morphs[split].start if split < len(morphs) else end_stem
        tags = tuple(m.tag for m in morphs[:split])
        return Word(
            start=start, end=end_stem,
            stem=self.text[start:particle_start], particle=self.text[particle_start:end_stem],
            morph_tags=tags,
            connective=tags[-2:] == ("VCP", "ETM"),
        )

    def words_between(self, start: int, end: int) -> list[Word]:
        first = bisect_left(self.word_starts, start)
        last = bisect_left(self.word_starts, end, first)
        words = (self.word(index) for index in range(first, last))
        return [w for w in words if w.end <= end]

    def main_body(self, shorthand: str) -> str | None:
        """The 시/구/군 the article is about: the proper noun ending in it named most often."""
        if shorthand not in self._bodies:
            counts = Counter(
                m.form for m in self.morphs
                if m.tag == "NNP" and len(m.form) > len(shorthand) and m.form.endswith(shorthand)
            )
            self._bodies[shorthand] = counts.most_common(1)[0][0] if counts else None
        return self._bodies[shorthand]


def clean(stem: str) -> str:
    """`아방카이시(市)` -> `아방카이시`."""
    return _HANJA_GLOSS.sub("", stem)


@lru_cache(maxsize=4096)
def split_title(stem: str) -> tuple[str, str | None] | None:
    """(title, body named inside the title) when the word ends in a title."""
    lex = lexicon()
    for title in lex.titles:
        if stem.endswith(title):
            place = stem[: -len(title)]
            if not place:
                return title, None
            body = lex.title_bodies.get(title)
            if body:
                return stem, place if place.endswith(body) else place + body
            return stem, None
    return None


@dataclass
class Phrase:
    speaker: Speaker
    start: int
    surname: str | None = None     # `최 시장`: to resolve against the people named earlier
    continues: bool = False        # `그는`: the previous speaker


def phrase_ending_at(article: ArticleWords, words: list[Word], head: int) -> Phrase | None:
    """The speaker phrase whose last word is words[head], or None if it names nobody."""
    lex = lexicon()
    word = words[head]
    stem = clean(word.stem)
    if stem in lex.pronouns:
        return Phrase(Speaker(), word.start, continues=True)
    titled = split_title(stem) if word.nominal else None
    if titled is None:
        body = organization_named(article, stem) if word.nominal else None
        return Phrase(Speaker(organization=body), word.start) if body else None
    title, organization = titled
    position = head - 1
    if organization and position >= 0 and clean(words[position].stem) in lex.regions and not words[position].particle:
        region = clean(words[position].stem)
        title, organization = f"{region} {title}", f"{region} {organization}"
        position -= 1
    if position >= 1 and _is_body_between_name_and_title(words[position], words[position - 1], lex):
        organization = canonical(clean(words[position].stem))
        position -= 1
    name_words = []
    while position >= 0 and title not in lex.anonymous_titles and _is_name_part(
            words[position], lex, nearest=not name_words):
        name_words.insert(0, clean(words[position].stem))
        position -= 1
    start = words[position + 1].start if name_words else word.start
    body, body_start = _body_before(article, words, position)
    if body:
        organization = body
        start = body_start
    if organization is None and lex.title_bodies.get(title) in lex.body_shorthands:
        organization = article.main_body(lex.title_bodies[title])
    surname = None
    name = " ".join(name_words) or None
    if name and len(name_words) == 1 and len(name) == 1:
        if name in lex.body_shorthands:
            organization, name = article.main_body(name), None
        else:
            surname, name = name, None
    return Phrase(Speaker(name=name, title=title, organization=organization), start, surname=surname)


def _is_name_part(word: Word, lex: Lexicon, nearest: bool) -> bool:
    """Korean names stand right before the title; a body ending like one
    (`안양시 최대호 시장`) can only be further left."""
    stem = clean(word.stem)
    # Kiwi reads some syllables of foreign names as bare verb stems (`누르`), which never stand alone.
    name_like = word.nominal or (word.morph_tags and word.morph_tags[-1].startswith("V"))
    common_noun = word.morph_tags == ("NNG",) and not (
        nearest and 2 <= len(stem) <= 4 and (stem[:1] in lex.surnames or stem[:2] in lex.surnames))
    return (
        name_like and not word.particle and stem not in lex.not_speaker_words
        and not _DIGITS.search(stem) and split_title(stem) is None
        and not common_noun and (nearest or len(stem) == 1 or not _org_suffix(stem, lex))
    )


def _is_body_between_name_and_title(word: Word, before: Word, lex: Lexicon) -> bool:
    """`황보석 관광공사 사장`: a body that cannot be a Korean name, after one that can."""
    stem = clean(word.stem)
    looks_like_name = 2 <= len(stem) <= 4 and (stem[:1] in lex.surnames or stem[:2] in lex.surnames)
    return (
        word.nominal and not word.particle and len(stem) > 1 and _org_suffix(stem, lex)
        and not (looks_like_name and len(stem) < 4) and _is_name_part(before, lex, nearest=True)
    )


def _org_suffix(stem: str, lex: Lexicon) -> bool:
    return any(stem.endswith(suffix) for suffix in lex.organization_suffixes)


def _body_before(article: ArticleWords, words: list[Word], position: int) -> tuple[str | None, int]:
    """The body named before a name: `…의` (with the nouns before it), an apposition
    (`행정안전부 장관인`), or a bare organisation word (`안양시 최대호 시장`)."""
    lex = lexicon()
    if position < 0:
        return None, 0
    word = words[position]
    if word.connective:
        position -= 1
        word = words[position] if position >= 0 else None
        if word is None or word.particle or not word.nominal:
            return None, 0
        return canonical(clean(word.stem)), word.start
    if word.particle not in ("의", "") or not word.nominal:
        return None, 0
    if not word.particle and clean(word.stem) in lex.body_shorthands:
        return article.main_body(clean(word.stem)), word.start
    if not word.particle and not _org_suffix(clean(word.stem), lex):
        return None, 0
    parts, start = [clean(word.stem)], word.start
    position -= 1
    while word.particle == "의" and position >= 0 and len(parts) < 4:
        before = words[position]
        stem = clean(before.stem)
        if before.particle or not before.nominal or stem in lex.not_speaker_words or _DIGITS.search(stem):
            break
        parts.insert(0, stem)
        start = before.start
        position -= 1
    return canonical(" ".join(parts)), start


def organization_named(article: ArticleWords, stem: str) -> str | None:
    """A subject that is a body (`시는`, `국토교통부는`), resolved to its full name."""
    lex = lexicon()
    if stem in lex.body_shorthands:
        return article.main_body(stem)
    if len(stem) > 1 and _org_suffix(stem, lex) and stem not in lex.not_speaker_words:
        return canonical(stem)
    return None


def canonical(organization: str) -> str:
    return lexicon().aliases.get(organization, organization)


class PeopleIndex:
    """People named with a title anywhere in the article, for `최 시장` -> 최대호."""

    _PARENTHESIS = re.compile(r"([가-힣A-Za-z]+)\((\S+) ([가-힣]{2,4})\)")

    def __init__(self, article: ArticleWords):
        self.entries: list[tuple[int, Speaker, set]] = []
        for index, (start, end) in enumerate(article.bounds):
            if not lexicon().title_pattern.search(article.text, start, end):
                continue
            words = article.words_between(article.bounds[max(0, index - 8)][0], end)
            if words and words[-1].nominal and split_title(clean(words[-1].stem)):
                phrase = phrase_ending_at(article, words, len(words) - 1)
                if phrase and phrase.speaker.name:
                    self._add(phrase.start, phrase.speaker,
                              self._appositive_titles(words, len(words) - 1, phrase))
        for match in self._PARENTHESIS.finditer(article.text):
            self._parenthesised(match)
        self.entries.sort(key=lambda entry: entry[0])

    def _add(self, start: int, speaker: Speaker, extra_titles: set) -> None:
        titles = {speaker.title} | extra_titles
        self.entries.append((start, speaker, {t for t in titles if t}))

    @staticmethod
    def _appositive_titles(words: list[Word], index: int, phrase: Phrase) -> set:
        """`행정안전부 장관인 윤호중 본부장`: 윤호중 is also 장관."""
        titles = set()
        for word in words[max(0, index - 8):index]:
            if word.start >= phrase.start and word.connective:
                titled = split_title(clean(word.stem[: -1] if word.stem.endswith("인") else word.stem))
                if titled:
                    titles.add(titled[0])
        return titles

    def _parenthesised(self, match: re.Match) -> None:
        """`세종시(시장 최민호)`: the body, then its head's title and name."""
        body, title, name = match.groups()
        titled = split_title(title)
        if titled:
            self._add(match.start(), Speaker(name=name, title=titled[0], organization=canonical(body)), set())

    def resolve(self, surname: str, title: str, before: int) -> Speaker | None:
        for start, speaker, titles in reversed(self.entries):
            if start < before and speaker.name.startswith(surname) and any(
                    t.endswith(title) or title.endswith(t) for t in titles):
                return speaker
        return None


def find_subject(article: ArticleWords, start: int, end: int) -> Phrase | None:
    """The speaker phrase that is the subject of text[start:end]: the last topic
    (`…은/는`), else the last subject (`…이/가`), else one right before `end`."""
    words = article.words_between(start, end)
    topics, subjects = [], []
    for index, word in enumerate(words):
        particle = word.particle
        if particle in TOPIC_PARTICLES or particle in SUBJECT_PARTICLES:
            phrase = phrase_ending_at(article, words, index)
            if phrase:
                (topics if particle in TOPIC_PARTICLES else subjects).append(phrase)
    if topics or subjects:
        return (topics or subjects)[-1]
    return speaker_right_before(article, start, end)


def speaker_right_before(article: ArticleWords, start: int, end: int) -> Phrase | None:
    """A person named right before a quote mark, without particle: the headline
    `최대호 안양시장 “…”`."""
    words = article.words_between(start, end)
    if not words or words[-1].particle or article.text[words[-1].end:end].strip():
        return None
    phrase = phrase_ending_at(article, words, len(words) - 1)
    return phrase if phrase and (phrase.speaker.name or phrase.surname) else None


def resolve(article: ArticleWords, phrase: Phrase, previous: Speaker | None) -> Speaker | None:
    """The speaker a phrase stands for: the previous one for `그는`, the full
    name given earlier for `최 시장`."""
    if phrase.continues:
        return previous
    if phrase.surname:
        known = article.people.resolve(phrase.surname, phrase.speaker.title, phrase.start)
        if known:
            return known
    return phrase.speaker
