"""What the learned person adder reads (extractor/models/persons.json, trained by
scripts/train_persons.py on the dev corpus's gold; benchmarks/README.md, "Learned person adder"):
runs of words where the press names a person that the title parser (people.py) leaves out. The
persons it adds join the rules' (`named_candidates`, names/__init__.py).

Candidates are runs of one to four Hangul words standing where the press names a person: right
before a title or a role (`양수근 반장`, `아캄 파루크 하산 사장`, `이참 사장`), before an
organisation and its title (`김태훈 재일본 거류민단 지부단장`), right after a title or a role
(`직원 쉬띠엔`, `(사장 이참)`), or before a parenthesis (`퀴니(15살)`, `이브라힘(왼쪽)`). The places
are the words the title parser's own search finds (its title pattern) and the words before a
parenthesis; a place keeps one run, every name word standing there.

The gate of docs/CONTRACT.md comes first and is not learned: a run names one individual only if no
word of it is a title, a role, a country, a region, an organisation, a pronoun or a word that
never names anyone (titles.yaml `not_name_words`); it touches its title (no comma between); it does
not run into a person the rules found, nor stop short of a name word beside it; a Japanese name
written in one word is a family name alone.

Features of a run: how many words and syllables, the shape Kiwi gives each word (one proper noun,
one common noun, a split into several morphemes), a census surname or a transliterated one first,
the Korean name form; what stands after it (the kind of title: a lexicon title, a foreign
official's, a city's, a rank, a courtesy `씨`, a role noun, an anonymous one) and the particle on
that title; what stands before it (a country, an organisation, a title, a proper noun, the start
of a clause); the zone (headline, caption, body), inside a quote or not; whether the article writes
the same run again, and whether it is a word of a person the rules found."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc

from ...learned import load_model
from ...nlp.common import document_of
from ...nlp.korean import Spans, content_of, pair
from ...pattern_cache import compiled_re
from ..visiting_evidence import inside_quote
from .people import (People, clean, common_noun, is_korean_name, japanese_word, never_in_name, romanization_lexicon,
                     split_title, title_in, titles, transliterated_word, unknown_to_kiwi)
from .things import Candidate, is_organization_word
from .words import ArticleWords, Word

MODEL_NAME = "persons"
#: The fields whose people the rules found: a run overlapping one of them is no new person.
PERSON_FIELDS = ("persons", "reporters", "contacts")
MAX_RUN_WORDS = 4
MAX_RUN_SYLLABLES = 12
_HANGUL = compiled_re(r"[가-힣]+")
_PARENTHESIS = compiled_re(r"\(")
_AGE = compiled_re(r"\(\d")
_GLOSS_WORD = compiled_re(r"\(([A-Za-z]+)")
_VERB_SUFFIXES = frozenset({"XSV", "XSA"})


class NameRun(NamedTuple):
    """A candidate person: the run of words, where the run stands (`place`, shared by the runs that
    compete there) and its features."""

    start: int
    end: int
    name: str
    place: tuple[str, int]
    features: frozenset[str]


def name_runs(doc: Doc, people: People, rule_persons: list[Candidate], beside_rules: bool = False) -> list[NameRun]:
    """Every candidate run of the article's content that the gate lets through and no person the
    rules found overlaps (with `beside_rules`, those too: what the model learns from)."""
    article = people.article
    context = _Context(doc, people, rule_persons, beside_rules)
    runs = []
    for index in _opening_words(article):
        word = article.words[index]
        if context.content.contains(word.start, word.end):
            for kind, first, last in _run_places(people, article.words, index):
                runs.extend(context.runs(kind, index, first, last))
    return runs


def _opening_words(article: ArticleWords) -> list[int]:
    """The words that may open places, found by one search of the text each: those holding a title, a
    title's suffix or a noun for a person (the title parser's `title_pattern`), and those right before
    a parenthesis; most words are neither."""
    words, text = article.words, article.text
    starts = [word.start for word in words]
    found = {bisect_right(starts, match.start()) - 1 for match in titles().title_pattern.finditer(text)}
    for match in _PARENTHESIS.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and words[index].end == match.start():
            found.add(index)
    return sorted(index for index in found if index >= 0)


def _run_places(people: People, words: list[Word], index: int):
    """(kind, first, last): which runs of words[first..last] a word opens to candidates."""
    word = words[index]
    title = _title_kind(word)
    if title:
        yield f"before_{title}", max(0, index - MAX_RUN_WORDS), index - 1
        if index >= 2 and _body_word(people, words[index - 1]):
            yield f"body_before_{title}", max(0, index - 1 - MAX_RUN_WORDS), index - 2
        if not word.particle:
            yield f"after_{title}", index + 1, min(len(words) - 1, index + MAX_RUN_WORDS)
    elif people.article.text.startswith("(", word.end) and not word.particle \
            and not _gloss_of_a_work(people.article.text, word.end):
        yield "before_parenthesis", max(0, index - MAX_RUN_WORDS + 1), index


def _gloss_of_a_work(text: str, parenthesis: int) -> bool:
    """`라 클라쎄(La Classe)`: a gloss opening with an article names a group or a work, no person
    (the ruling the glossed-name rules follow, romanization.yaml `not_name_words`)."""
    first = _GLOSS_WORD.match(text, parenthesis)
    return bool(first) and first[1] in romanization_lexicon()["not_name_words"]


class _Context:
    """What every run of one article is judged against."""

    def __init__(self, doc: Doc, people: People, rule_persons: list[Candidate], beside_rules: bool):
        document = document_of(doc)
        self.people, self.text = people, people.article.text
        self.content = content_of(doc)
        self.captions = Spans(((z.start, z.end) for z in document.zones if z.kind == "caption"), bounds=pair)
        self.headlines = Spans(((z.start, z.end) for z in document.zones if z.kind in ("headline", "deck")),
                               bounds=pair)
        self.rule_spans = Spans([] if beside_rules else rule_persons)
        self.rule_names = {c.name.replace(" ", "") for c in rule_persons}
        self.body_names = {c.name.replace(" ", "") for c in people.organizations}
        self._name_words: dict[int, bool] = {}  # by the word's start: a word stands in many runs
        self._readings: dict[int, frozenset[str]] = {}
        self._repeated: dict[str, bool] = {}  # by name: a long text's runs repeat their names

    def runs(self, kind: str, index: int, first: int, last: int) -> list[NameRun]:
        """The one candidate of a place: one individual's name is every name word standing there
        (`마하마트 젠 체리프 대사`, not `젠 체리프`)."""
        words = self.people.article.words
        longest: tuple[list[Word], str] | None = None
        # runs ending next to the place grow away from it (before: leftwards, after: rightwards)
        order = range(last, first - 1, -1) if not kind.startswith("after") else range(first, last + 1)
        run: list[Word] = []
        for position in order:
            word = words[position]
            if not self._name_word(word) or (run and not self._joined(run, word, kind)) \
                    or (not run and not self._next_to_place(word, kind, last)):
                break
            run = [word, *run] if not kind.startswith("after") else [*run, word]
            if self._overlaps_rule(run):
                return []  # the words run on into a person the rules found: a part of that name
            name = self.text[run[0].start:run[-1].start + len(clean(run[-1].stem))]
            if 2 <= len(name.replace(" ", "")) <= MAX_RUN_SYLLABLES and not self._family_name_alone(run):
                longest = run, name
            if run[-1].particle:
                break
        if longest is None:
            return []
        run, name = longest
        return [NameRun(run[0].start, run[0].start + len(name), name, (kind, index),
                        frozenset(self._features(kind, index, run, name)))]

    def _family_name_alone(self, run: list[Word]) -> bool:
        """A Japanese name written in one word (`아소 부총리`) is the family name alone, which names no one
        individual; a Korean name's form aside (`구민교`)."""
        if len(run) > 1:
            return False
        readings = self._readings_of(run[0])
        return "japanese" in readings and "korean_name" not in readings

    def _name_word(self, word: Word) -> bool:
        if word.start not in self._name_words:
            stem = clean(word.stem)
            self._name_words[word.start] = _nominal_or_misread(word) and bool(_HANGUL.fullmatch(stem)) \
                and not never_in_name(self.people, word, stem) and not is_organization_word(self.people.reading, word)
        return self._name_words[word.start]

    def _readings_of(self, word: Word) -> frozenset[str]:
        if word.start not in self._readings:
            self._readings[word.start] = frozenset(_readings_of(self.people, word))
        return self._readings[word.start]

    def _word_readings(self, run: list[Word]):
        """What the title parser reads in the words (`_readings_of`, remembered per word), counted over the run."""
        for label, _ in _READINGS:
            count = sum(1 for word in run if label in self._readings_of(word))
            if count:
                yield f"{label}={'all' if count == len(run) else 'some'}"
        yield f"last_syllable={clean(run[-1].stem)[-1]}"

    def _next_to_place(self, word: Word, kind: str, last: int) -> bool:
        """A name before its title or body stands right by it, one space apart at most, with no particle
        (`제주대 수의학과, 제주도 연구원`: the comma parts a unit from the researcher). After a title, a list's
        next person may follow a comma (`… 총영사, 김태훈 거류민단 지부단장`)."""
        if kind.startswith("after"):
            return True
        if word.particle or kind == "before_parenthesis":
            return not word.particle
        return self.text[word.end:self.people.article.words[last + 1].start] in ("", " ")

    def _joined(self, run: list[Word], word: Word, kind: str) -> bool:
        """Words of one name: a single space between them, no particle inside the run."""
        left, right = (word, run[0]) if not kind.startswith("after") else (run[-1], word)
        return self.text[left.end:right.start] == " " and not left.particle

    def _overlaps_rule(self, run: list[Word]) -> bool:
        return self.rule_spans.overlap(run[0].start, run[-1].end)

    def _features(self, kind: str, index: int, run: list[Word], name: str):
        words = self.people.article.words
        yield f"place={kind}"
        yield from _run_shape(run, name)
        title_word = words[index]
        yield f"title_particle={title_word.particle or '-'}"
        first = self.people.article.index_at(run[0].start)
        before = words[first - 1] if first > 0 else None
        yield f"before={self._word_kind(before, run[0])}"
        yield f"{kind}&words={len(run)}"
        yield from self._word_readings(run)
        yield from self._article_features(run, name)

    def _word_kind(self, word: Word | None, following: Word) -> str:
        if word is None or self.text[word.end:following.start] != " ":
            return "apart"
        if self.people.countries.overlap(word.start, word.end):
            return "country"
        if is_organization_word(self.people.reading, word):
            return "body"
        stem = clean(word.stem)
        if split_title(stem) is not None:
            return "title"
        if word.particle:
            return "particle"
        return "proper" if word.stem_tags == ("NNP",) else "other"

    def _written_twice(self, name: str) -> bool:
        if name not in self._repeated:
            first = self.text.find(name)
            self._repeated[name] = first >= 0 and self.text.find(name, first + len(name)) >= 0
        return self._repeated[name]

    def _article_features(self, run: list[Word], name: str):
        start = run[0].start
        if self.captions.contain(start):
            yield "zone=caption"
        elif self.headlines.contain(start):
            yield "zone=headline"
        if inside_quote(self.text[max(0, start - 200):start]):
            yield "in_quote"
        solid = name.replace(" ", "")
        if self._written_twice(name):
            yield "repeated"
        if any(solid in known and solid != known for known in self.rule_names):
            yield "inside_rule_person"
        if any(solid in body for body in self.body_names):
            yield "in_body_name"
        if _AGE.match(self.text, run[-1].end):
            yield "age_after"


def _title_kind(word: Word) -> str | None:
    """The kind of title or role a word is (its stem, without a gloss), if any."""
    stem = clean(word.stem)
    lex = titles()
    if stem in lex.person_nouns:
        return "role"
    if not split_title(stem):
        return None
    return _title_bucket(stem)


@lru_cache(maxsize=4096)
def _title_bucket(stem: str) -> str:
    lex = titles()
    for kind, words in (("courtesy", lex.courtesy_titles), ("anonymous", lex.anonymous_titles),
                        ("foreign", lex.foreign_titles), ("city", lex.city_titles), ("rank", lex.ranks)):
        if stem in words:
            return kind
    if stem not in lex.titles:
        # `하루나씨`, `토드씨`: a courtesy title glued to the name's last word, which no run before it completes
        return None if title_in(stem) in lex.courtesy_titles else "glued"
    return "title"


def _nominal_or_misread(word: Word) -> bool:
    """A noun, or a word Kiwi splits into particles and adverbs (`김욱` 김+욱, `이참` 이+참), never a
    verb's or an ending's."""
    return word.noun_stem or not any(tag[0] in "EV" or tag in _VERB_SUFFIXES for tag in word.stem_tags)


def _body_word(people: People, word: Word) -> bool:
    return not word.particle and (is_organization_word(people.reading, word)
                                  or people.countries.overlap(word.start, word.end))


def _run_shape(run: list[Word], name: str):
    shapes = "".join(_word_shape(word) for word in run)
    yield f"words={len(run)}"
    yield f"shape={shapes}"
    yield f"syllables={min(len(name.replace(' ', '')), 9)}"
    lex = titles()
    first = clean(run[0].stem)
    if len(run) == 1:
        yield f"one_word_syllables={min(len(first), 6)}"
        yield f"tags={'+'.join(run[0].stem_tags)}"
        if first[:1] in lex.surnames:
            yield f"surname_first={len(first)}"
    elif first in lex.transliterated_surnames:
        yield "surname_word_first"
    if run[-1].particle:
        yield f"particle={run[-1].particle}"


#: What the title parser reads in a word: a Korean name, a common noun Kiwi knows, a word of a
#: transliterated or a Japanese name, a word Kiwi only guesses at.
_READINGS = (("korean_name", is_korean_name), ("common_noun", common_noun), ("transliterated", transliterated_word),
             ("japanese", japanese_word), ("unknown", unknown_to_kiwi))


def _readings_of(people: People, word: Word):
    return (label for label, reads in _READINGS if reads(people, word))


def _word_shape(word: Word) -> str:
    """P: one proper noun, G: one common noun, S: split into several morphemes, O: other."""
    if len(word.stem_tags) == 1:
        return {"NNP": "P", "NNG": "G"}.get(word.stem_tags[0], "O")
    return "S"


def learned_persons(doc: Doc, people: People, found: list[Candidate]) -> list[Candidate]:
    """The runs the model accepts where no person `found` by the rules stands: the persons
    `named_candidates` (names/__init__.py) adds to the rules'."""
    model = load_model(MODEL_NAME)
    accepted = {(run.start, run.end): run for run in name_runs(doc, people, [c for c in found if c.field in PERSON_FIELDS])
                if model.accepts(run.features)}
    return [Candidate("persons", run.name, run.start, run.end) for run in accepted.values()]
