"""What a learned organisation adder would read (trained by scripts/train_organization_adder.py on the dev
corpus's gold; benchmarks/README.md, "Learned organisation adder"): runs of words where the press names a
body, by its head word (`…청`, `…원`, `…공사`, `…대학교`, `…협회`, `…위원회`, `…부`) or by a Latin acronym,
that the rules leave out. Measured, not wired in (it did not add enough right bodies per false one on
articles no rule was fitted to), so it lives beside its training script, not in the package.

Candidates: every word whose stem ends in an organisation head of name_heads.yaml (`HeadIndex.ending`,
looser than `organization_head`, which the rules apply) or is an acronym in Latin capitals; the place is
that word, its runs are the word alone and with up to three nominal words before it (one space apart, no
particle between), and no system or programme of the rules holds them. The contract's gate comes first, not learned: no word of a run is a person, a
country alone or a generic kind (`관계기관`, `각 기관`: name_heads.yaml `not_organizations`,
`generic_modifiers`, `kind_determiners`), and no organisation, outlet or person of the rules overlaps it.

Features: the head and its length, how many words, each word's shape (proper noun, common noun, split),
whether the rules' `organization_head` accepts the last word and the words before it, a country,
province or known body first, Latin letters, the particle after, the characters around it (bracket,
parenthesis, quote, list dot), the zone, the article writing it again, a system or programme of the
rules holding it."""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc

from extractor import lexicons
from extractor.nlp.common import document_of
from extractor.nlp.korean import Spans, content_of, pair
from extractor.recognizers.names.people import People, clean, split_title, titles
from extractor.recognizers.names.things import Candidate, organization_head
from extractor.recognizers.names.words import Word
from extractor.recognizers.visiting_evidence import inside_quote

MODEL_NAME = "organization_adder"
#: Items of the rules a new body may not overlap: a body already named, or a person.
TAKEN_FIELDS = ("organizations", "outlets", "persons", "reporters", "contacts")
MAX_BEFORE = 3
_ACRONYM = re.compile(r"[A-Z][A-Za-z&]{1,7}")
_DIGIT = re.compile(r"[0-9]")
_LATIN = re.compile(r"[A-Za-z]")
_HANGUL_OR_LATIN = re.compile(r"[가-힣A-Za-z·&]+")
_MARKS = {"[": "bracket", "]": "bracket", "(": "paren", ")": "paren", "<": "bracket", ">": "bracket",
          "‘": "quote", "’": "quote", "“": "quote", "”": "quote", "'": "quote", '"': "quote",
          "·": "dot", "ㆍ": "dot", ",": "comma", "\n": "newline", "=": "equals", "/": "slash"}


_HEADS = lexicons.load("name_heads")
#: Words that make a run a kind of body, not one named body (`각 기관`, `관련 협회`).
_GENERIC_WORDS = frozenset(_HEADS["generic_modifiers"]) | frozenset(_HEADS["kind_determiners"])


class BodyRun(NamedTuple):
    start: int
    end: int
    name: str
    place: int
    free: bool
    features: frozenset[str]


def body_runs(doc: Doc, people: People, found: list[Candidate]) -> list[BodyRun]:
    """Every run the gate lets through at every place, with whether a body or person of the rules overlaps it
    (`free`: the adder only adds where none does)."""
    context = _Context(doc, people, found)
    runs = []
    for index, word in enumerate(people.article.words):
        head = context.head_of(word)
        if head and context.content.contains(word.start, word.end):
            runs.extend(context.runs(index, head))
    return runs


class _Context:
    def __init__(self, doc: Doc, people: People, found: list[Candidate]):
        document = document_of(doc)
        self.people, self.reading, self.text = people, people.reading, people.article.text
        self.lex = self.reading.lex
        self.content = content_of(doc)
        self.taken = Spans([c for c in found if c.field in TAKEN_FIELDS])
        self.persons = Spans([c for c in found if c.field in ("persons", "reporters", "contacts")])
        self.things = Spans([c for c in found if c.field in ("systems", "programs")])
        self.captions = Spans(((z.start, z.end) for z in document.zones if z.kind == "caption"), bounds=pair)
        self.headlines = Spans(((z.start, z.end) for z in document.zones if z.kind in ("headline", "deck")),
                               bounds=pair)
        self.generic = frozenset(self.lex.not_organizations)

    def head_of(self, word: Word) -> str | None:
        stem = clean(word.stem)
        if _ACRONYM.fullmatch(stem) and sum(ch.isupper() for ch in stem) >= 2:
            return "ACRONYM"
        if not word.noun_stem or stem in self.generic or _DIGIT.search(stem) \
                or self.reading.countries.contain(word.start):
            return None
        head = self.lex.organizations.ending(stem)
        # a one-syllable head ends many words that name no body: a common noun (`확대`, `특성`), a two-syllable
        # place (`제주`, `경주`)
        if head and len(head) == 1 and (len(stem) <= 2 or word.stem_tags == ("NNG",)):
            return None
        return head

    def runs(self, index: int, head: str) -> list[BodyRun]:
        words = self.people.article.words
        last = words[index]
        end = last.start + len(clean(last.stem))
        runs = []
        first = index
        while first >= max(0, index - MAX_BEFORE):
            start = words[first].start
            name = self.text[start:end]
            if self.persons.overlap(start, end) or self.things.overlap(start, end):
                break
            runs.append(BodyRun(start, end, name, last.start, not self.taken.overlap(start, end),
                                frozenset(self._features(index, first, head, name))))
            if first == 0 or not self._joins(words[first - 1], words[first]):
                break
            first -= 1
        return runs

    def _joins(self, before: Word, word: Word) -> bool:
        stem = clean(before.stem)
        return self.text[before.end:word.start] == " " and not before.particle and before.noun_stem \
            and bool(_HANGUL_OR_LATIN.fullmatch(stem)) and stem not in _GENERIC_WORDS

    def _features(self, index: int, first: int, head: str, name: str):
        run = self.people.article.words[first:index + 1]
        yield from self._name_features(run, head, name)
        yield from self._context_features(index, first, name)

    def _name_features(self, run: list[Word], head: str, name: str):
        """What the run is made of: its head, its words' shapes, a known body."""
        last = run[-1]
        accepted = "yes" if organization_head(self.reading, last) else "no"
        yield f"head={head}"
        yield f"head_length={min(len(head), 4)}" if head != "ACRONYM" else f"acronym={min(len(clean(last.stem)), 5)}"
        yield f"words={len(run)}"
        yield f"shape={''.join(_shape(w) for w in run)}"
        yield f"last_syllables={min(len(clean(last.stem)), 8)}"
        yield f"rule_head={accepted}"
        yield f"head&rule={head}&{accepted}"
        if len(run) > 1:
            if any(organization_head(self.reading, w) for w in run[:-1]):
                yield "body_word_before_head"
            if self.reading.countries.contain(run[0].start):
                yield "country_first"
            if clean(run[0].stem) in self.lex.provinces:
                yield "province_first"
        solid = name.replace(" ", "")
        if solid in self.lex.known_bodies:
            yield "known_body"
        if solid[:2] in self.lex.known_body_openings and len(solid) > 2:
            yield "known_opening"
        if _LATIN.search(name):
            yield "latin"

    def _context_features(self, index: int, first: int, name: str):
        """Where the article writes it: the marks and words around it, the zone, a quote, how often."""
        words = self.people.article.words
        start, last = words[first].start, words[index]
        yield f"particle={last.particle or '-'}"
        yield f"before_mark={_MARKS.get(self.text[start - 1:start], 'other')}"
        yield f"after_mark={_MARKS.get(self.text[last.end:last.end + 1], 'other')}"
        if first > 0 and self.text[words[first - 1].end:start] == " ":
            yield f"before_word={_kind(self, words[first - 1])}"
        if index + 1 < len(words) and not last.particle and self.text[last.end:words[index + 1].start] == " ":
            yield f"next_word={_next_kind(self, words[index + 1])}"
        if self.captions.contain(start):
            yield "zone=caption"
        elif self.headlines.contain(start):
            yield "zone=headline"
        if inside_quote(self.text[max(0, start - 200):start]):
            yield "in_quote"
        yield f"mentions={min(self.text.count(name), 3)}"

def _shape(word: Word) -> str:
    if len(word.stem_tags) == 1:
        return {"NNP": "P", "NNG": "G", "SL": "L"}.get(word.stem_tags[0], "O")
    return "S"


def _kind(context: _Context, word: Word) -> str:
    if context.reading.countries.overlap(word.start, word.end):
        return "country"
    if organization_head(context.reading, word):
        return "body"
    if word.particle:
        return "particle"
    return "proper" if word.stem_tags == ("NNP",) else "other"


def _next_kind(context: _Context, word: Word) -> str:
    """What follows a body's name: its title or a role (`시장`, `대표단`), another body, a verb's noun."""
    stem = clean(word.stem)
    if split_title(stem) is not None or stem in titles().person_nouns:
        return "title"
    if organization_head(context.reading, word):
        return "body"
    return "particle" if word.particle else "other"
