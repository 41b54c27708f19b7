"""What the learned extent ranker reads (scripts/train_extents.py; benchmarks/README.md, "Learned
extent ranker"): for each system, programme or organisation the rules name, the other extents
the same words could have, by whole words, and what tells them apart.

The rules find the place; the ranker judges only where the name begins and ends. Candidates
around a rule's name:
- extended left over one to four words joined to it in one noun phrase (a body or a place before
  its office, `제26회`, a year, a country, words joined by middle dots), or to the start of the word
  it opens inside (`북창ㆍ무학치안센터`);
- trimmed left by one or two evaluative, descriptive or generic words (`최첨단`, `주요`, `해외`);
- extended right over a year or an edition written after it (`…페스티벌 2010`) or a gloss in
  parentheses right after it (`유니패스(UNI-PASS)`), or trimmed right by its last word.

The gate of docs/CONTRACT.md comes first and is not learned: a name never runs across a particle,
a quote mark, a bracket, a line or a sentence (the words added are `ArticleWords.joined`: wholly
nominal, only spaces between), nor over a bound noun (`등`); a name drops from its front only
evaluative, descriptive or generic words; a trimmed name keeps its head word.

Features of a candidate: which way it moved and by how many words, the class of each word added
or removed (a year, an edition, digits, Latin letters, a country, a place, a body, a local
government, a generic, descriptive or superlative word, a middle dot, Kiwi's tags, another name of the
rules), the word beyond the new edge, the field, the candidate's length in words, its head, the rule
name's shape (common nouns only, a proper noun, a number), how often the article writes the
candidate's words against the rule's own, whether the rules name it elsewhere, and the mark before it.

Only organisations are decided in the pipeline (`RANKED_FIELDS`): for systems and programmes the
ranker gained nothing in cross-validation."""
from __future__ import annotations

from functools import cached_property, lru_cache
from typing import NamedTuple

from ...learned import LinearModel, load_model
from ...nlp.korean import Spans
from ...pattern_cache import compiled_re
from .things import (
    COORDINATION_MARKS,
    Candidate,
    Reading,
    heads,
    is_organization_word,
    place_name,
)
from .words import Word

MODEL_NAME = "extents"
EXTENT_FIELDS = ("systems", "programs", "organizations")
#: The fields whose extents the model decides in the pipeline (benchmarks/README.md: the others had no gain in CV).
RANKED_FIELDS = ("organizations",)
MAX_ADDED_WORDS = 4
MAX_TRIMMED_WORDS = 2
_YEAR = compiled_re(r"(?:19|20)\d\d(?:년도?)?")
_EDITION = compiled_re(r"제?\d+(?:회|차|기|주년)")
_DIGIT = compiled_re(r"\d")
_LATIN = compiled_re(r"[A-Za-z][A-Za-z0-9&.-]*")
_GLOSS = compiled_re(r"\([^()\n]{1,30}\)")
#: The classes of a word a name drops from its front (docs/CONTRACT.md: evaluative and generic words go).
_EVALUATIVE = frozenset({"generic", "descriptive", "superlative"})


class Extent(NamedTuple):
    """Another extent of a rule's name: the span, its text and its features."""

    start: int
    end: int
    name: str
    features: frozenset[str]


class ArticleNames:
    """What every candidate of one article is judged against, computed once: the text, the text
    without spaces (how often a name is written), and the rules' names of the three fields."""

    def __init__(self, reading: Reading, candidates: list[Candidate]):
        self.reading, self.text = reading, reading.article.text
        self.solid_text = _solid(self.text)
        self.names = Spans([c for c in candidates if c.field in EXTENT_FIELDS])
        self.solid_names = {_solid(c.name) for c in self.names}
        self._times_written: dict[str, int] = {}

    def times_written(self, solid_name: str) -> int:
        """How often the text writes a name, spaces aside (counted once per name: a long text's
        candidates repeat their names, and each count reads the whole text)."""
        if solid_name not in self._times_written:
            self._times_written[solid_name] = self.solid_text.count(solid_name)
        return self._times_written[solid_name]


def extents(article: ArticleNames, candidate: Candidate) -> list[Extent]:
    """Every extent but the rule's own that the gate lets through."""
    words = article.reading.article.words
    first = article.reading.article.index_at(candidate.start)
    last = article.reading.article.index_at(candidate.end) - 1
    if first >= len(words) or last < first or words[first].start != candidate.start:
        if first > 0 and words[first - 1].start < candidate.start < words[first - 1].end:
            return _inside_word(article, candidate, words[first - 1])
        return []
    context = _Context(article, candidate)
    return context.left(first, last) + context.right(first, last)


def _inside_word(article: ArticleNames, candidate: Candidate, word: Word) -> list[Extent]:
    """A name opening inside a word (a member of `북창ㆍ무학치안센터`): the word's start is its other
    left edge."""
    added = article.text[word.start:candidate.start]
    features = ("left+word", *(f"left:{c}" for c in _string_classes(added)))
    return [_Context(article, candidate).extent(word.start, candidate.end, features)]


class _Context:
    def __init__(self, article: ArticleNames, candidate: Candidate):
        self.article, self.reading, self.candidate, self.text = article, article.reading, candidate, article.text
        self.known: dict[int, list[str]] = {}  # each word's classes, by its start

    @cached_property
    def solid_name(self) -> str:
        return _solid(self.candidate.name)

    @cached_property
    def rule_count(self) -> int:
        return self.article.times_written(self.solid_name)

    @cached_property
    def rule_shape(self) -> str:
        return _shape(self.reading, self.candidate)

    def extent(self, start: int, end: int, moves: tuple[str, ...]) -> Extent:
        name = self.text[start:end]
        field = self.candidate.field
        general = [*moves, f"words={min(len(name.split()), 6)}", f"before={_mark(self.text, start)}",
                   f"rule={self.rule_shape}", f"head={name[-2:]}", f"last={name[-1:]}", *self.repetition(name)]
        if any(o is not self.candidate and o.start <= start and end <= o.end and (o.start, o.end) != (start, end)
               for o in self.article.names.overlapping(start, end)):
            general.append("inside_other")
        features = {"field=" + field, *general, *(f"{field}:{feature}" for feature in general), self.pattern(moves)}
        return Extent(start, end, name, frozenset(features))

    def pattern(self, moves: tuple[str, ...]) -> str:
        """The move, the classes of the words it adds or removes (Kiwi's tags aside) and the rule's
        shape, as one feature."""
        classes = sorted({move.split(":", 1)[1] for move in moves[1:] if ":" in move and "tags=" not in move})
        return f"{self.candidate.field}|{moves[0]}|{'+'.join(classes)}|{self.rule_shape}"

    def repetition(self, name: str) -> list[str]:
        """How often the article writes the candidate's words against the rule's own: a shorter name
        written alone more often than the longer one around it is a name of its own."""
        solid_name = _solid(name)
        count = self.article.times_written(solid_name)
        found = ["written_again"] if count > 1 else []
        rule_count = self.rule_count
        found.append("more_often" if count > rule_count else "as_often" if count == rule_count else "less_often")
        if solid_name != self.solid_name and solid_name in self.article.solid_names:
            found.append("named_by_rules")
        return found

    def holds_other(self, start: int, end: int) -> bool:
        candidate = self.candidate
        return any(start <= o.start and o.end <= end and not (candidate.start <= o.start and o.end <= candidate.end)
                   for o in self.article.names.overlapping(start, end))

    def left(self, first: int, last: int) -> list[Extent]:
        article, words, found = self.reading.article, self.reading.article.words, []
        classes: list[str] = []
        for added in range(1, MAX_ADDED_WORDS + 1):
            index = first - added
            if index < 0 or not article.joined(words[index], words[index + 1]) or words[index].tags == ("NNB",):
                break
            classes += [f"left:{c}" for c in self.classes(words[index])]
            start = words[index].start
            if self.holds_other(start, self.candidate.start):
                classes.append("left:holds_other")
            outer = [f"beyond:{c}" for c in self.classes(words[index - 1])] \
                if index and article.joined(words[index - 1], words[index]) else ["beyond:edge"]
            found.append(self.extent(start, self.candidate.end, (f"left+{added}", *classes, *outer)))
        classes = []
        for trimmed in range(1, MAX_TRIMMED_WORDS + 1):
            word = words[first + trimmed - 1]
            if first + trimmed > last or not _EVALUATIVE & set(self.facts(word)):
                break
            classes += [f"trim_left:{c}" for c in self.classes(word)]
            found.append(self.extent(words[first + trimmed].start, self.candidate.end, (f"left-{trimmed}", *classes)))
        return found

    def right(self, first: int, last: int) -> list[Extent]:
        article, words, found = self.reading.article, self.reading.article.words, []
        gloss = _GLOSS.match(self.text, self.candidate.end)
        if gloss:
            inside = gloss.group()[1:-1]
            found.append(self.extent(self.candidate.start, gloss.end(),
                                     ("right+gloss", *(f"gloss:{c}" for c in _string_classes(inside)))))
        closes = last + 1 < len(words) and words[last].end == self.candidate.end
        if closes and article.joined(words[last], words[last + 1]) \
                and _numbers_edition(self.text[words[last + 1].start:words[last + 1].nominal_end]):
            following = words[last + 1]
            classes = self.classes(following)
            if not self.holds_other(following.start, following.nominal_end):
                found.append(self.extent(self.candidate.start, following.nominal_end,
                                         ("right+1", *(f"right:{c}" for c in classes))))
        if last > first and words[last].end == self.candidate.end:
            found.append(self.extent(self.candidate.start, words[last - 1].nominal_end,
                                     ("right-1", *(f"trim_right:{c}" for c in self.classes(words[last])))))
        return found

    def classes(self, word: Word) -> list[str]:
        known = self.known.get(word.start)
        if known is None:
            known = self.known[word.start] = self.word_classes(word)
        return known

    def facts(self, word: Word) -> tuple[str, ...]:
        return _word_facts(self.text[word.start:word.nominal_end], word.tags)

    def word_classes(self, word: Word) -> list[str]:
        """What a word is: a country where the article has one, a body, and what its letters and the
        lexicons say of it wherever it stands (`_word_facts`)."""
        reading = self.reading
        text = self.text[word.start:word.nominal_end]
        found = list(self.facts(word))
        if place_name(reading, word, text):
            found.append("place")
        if reading.countries.contain(word.start):
            found.append("country")
        if is_organization_word(reading, word):
            head = reading.lex.organizations.ending_or_is(text)
            found.append("local_government" if head in reading.lex.local_government_heads else "body")
        return found


@lru_cache(maxsize=100_000)
def _word_facts(text: str, tags: tuple[str, ...]) -> tuple[str, ...]:
    """The classes of a word's nominal part that hold wherever it stands: its letters, Kiwi's tags,
    and the lexicons' generic, descriptive and superlative words and heads of things."""
    lex = heads()
    found = _string_classes(text)
    found.append("tags=" + "+".join(tags[:3]))
    if text in lex.generic:
        found.append("generic")
    if text in lex.descriptive:
        found.append("descriptive")
    if text.startswith(tuple(lex.superlatives)):
        found.append("superlative")
    if lex.systems.ending_or_is(text) or lex.programs.ending_or_is(text):
        found.append("thing_head")
    return tuple(found)


def _solid(name: str) -> str:
    return "".join(name.split())


def _shape(reading: Reading, candidate: Candidate) -> str:
    """Whether the rule's name is of common nouns only (a kind: `교통부`, `주정부`), holds a proper noun
    or Latin letters, or a number."""
    article = reading.article
    words = article.words[article.index_at(candidate.start):article.index_at(candidate.end)]
    tags = {tag for word in words for tag in word.tags}
    if tags & {"SN", "SH"}:
        return "number"
    if tags & {"NNP", "SL"}:
        return "proper"
    return "common" if tags else "none"


def _numbers_edition(text: str) -> bool:
    return bool(_YEAR.fullmatch(text) or _EDITION.fullmatch(text))


def _string_classes(text: str) -> list[str]:
    found = []
    if _YEAR.fullmatch(text):
        found.append("year")
    elif _EDITION.fullmatch(text):
        found.append("edition")
    elif _DIGIT.search(text):
        found.append("digits")
    if _LATIN.fullmatch(text):
        found.append("latin")
    if any(mark in text for mark in COORDINATION_MARKS):
        found.append("dotted")
    return found


def _mark(text: str, start: int) -> str:
    """What stands right before a candidate: the start of a line, a space, a quote mark or bracket, or a letter."""
    if start == 0 or text[start - 1] == "\n":
        return "line"
    before = text[start - 1]
    if before in " \t":
        return "space"
    return "letter" if before.isalnum() else "mark"


def learned_extents(reading: Reading, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, each organisation moved to its other extent the model scores highest, where
    that reaches the model's threshold (scripts/train_extents.py: the choice its CV measured)."""
    ranked = [c for c in candidates if c.field in RANKED_FIELDS]
    if not ranked:
        return candidates
    model, article = load_model(MODEL_NAME), ArticleNames(reading, candidates)
    moved = {candidate: _moved(model, article, candidate) for candidate in dict.fromkeys(ranked)}
    return [moved.get(candidate, candidate) for candidate in candidates]


def _moved(model: LinearModel, article: ArticleNames, candidate: Candidate) -> Candidate:
    others = extents(article, candidate)
    scores = [model.probability(extent.features) for extent in others]
    if not scores or max(scores) < model.threshold:
        return candidate
    extent = others[scores.index(max(scores))]
    return Candidate(candidate.field, extent.name, extent.start, extent.end)
