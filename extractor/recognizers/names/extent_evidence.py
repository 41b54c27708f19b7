"""What the learned extent ranker reads (scripts/train_extents.py; benchmarks/README.md, "Learned
extent ranker"): for each system, programme or organisation the rules name, the other extents
the same words could have, by whole words, and what tells them apart.

The rules find the place; the ranker judges only where the name begins and ends. Candidates
around a rule's name (`Extent.keep` marks the rule's own):
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

from typing import NamedTuple

from ...learned import load_model
from ...pattern_cache import compiled_re
from .things import (
    COORDINATION_MARKS,
    Candidate,
    Reading,
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
_SPACE = compiled_re(r"\s+")
#: The classes of a word a name drops from its front (docs/CONTRACT.md: evaluative and generic words go).
_EVALUATIVE = frozenset({"generic", "descriptive", "superlative"})


class Extent(NamedTuple):
    """One extent of a rule's name: the span, its text, its features, and whether it is the rule's own."""

    start: int
    end: int
    name: str
    features: frozenset[str]
    keep: bool


def extents(reading: Reading, candidate: Candidate, others: list[Candidate]) -> list[Extent]:
    """The rule's own extent first, then every other extent the gate lets through."""
    article = reading.article
    words = article.words
    first = article.index_at(candidate.start)
    last = article.index_at(candidate.end) - 1
    if first >= len(words) or last < first or words[first].start != candidate.start:
        if first > 0 and words[first - 1].start < candidate.start < words[first - 1].end:
            return _inside_word(reading, candidate, words[first - 1], others)
        return []
    context = _Context(reading, candidate, others)
    found = [context.extent(candidate.start, candidate.end, ("keep",), keep=True)]
    found += context.left(first, last) + context.right(first, last)
    return found


def _inside_word(reading: Reading, candidate: Candidate, word: Word, others: list[Candidate]) -> list[Extent]:
    """A name opening inside a word (a member of `북창ㆍ무학치안센터`): the word's start is its other left edge."""
    context = _Context(reading, candidate, others)
    added = reading.article.text[word.start:candidate.start]
    features = ("left+word", *(f"left:{c}" for c in _string_classes(added)))
    return [context.extent(candidate.start, candidate.end, ("keep",), keep=True),
            context.extent(word.start, candidate.end, features)]


class _Context:
    def __init__(self, reading: Reading, candidate: Candidate, others: list[Candidate]):
        self.reading, self.candidate = reading, candidate
        self.text = reading.article.text
        self.solid_text = _SPACE.sub("", self.text)
        self.others = [o for o in others if o is not candidate and o.field in EXTENT_FIELDS]
        self.rule_count = self.solid_text.count(_SPACE.sub("", candidate.name))
        self.other_names = {_SPACE.sub("", o.name) for o in self.others if o.name != candidate.name}
        self.rule_shape = _shape(reading, candidate)

    def extent(self, start: int, end: int, moves: tuple[str, ...], keep: bool = False) -> Extent:
        name = self.text[start:end]
        field = self.candidate.field
        words = len(name.split())
        general = [*moves, f"words={min(words, 6)}", f"before={_mark(self.text, start)}", f"rule={self.rule_shape}",
                   f"head={name[-2:]}", f"last={name[-1:]}"]
        general += self.repetition(name, keep)
        if any(o.start <= start and end <= o.end and (o.start, o.end) != (start, end) for o in self.others):
            general.append("inside_other")
        features = {"field=" + field, *general, *(f"{field}:{feature}" for feature in general), self.pattern(moves)}
        return Extent(start, end, name, frozenset(features), keep)

    def pattern(self, moves: tuple[str, ...]) -> str:
        """The move, the classes of the words it adds or removes (Kiwi's tags aside) and the rule's shape, as one feature."""
        classes = sorted({move.split(":", 1)[1] for move in moves[1:] if ":" in move and "tags=" not in move})
        return f"{self.candidate.field}|{moves[0]}|{'+'.join(classes)}|{self.rule_shape}"

    def repetition(self, name: str, keep: bool) -> list[str]:
        """How often the article writes the candidate's words against the rule's own: a shorter name
        written alone more often than the longer one around it is a name of its own."""
        count = self.solid_text.count(_SPACE.sub("", name))
        found = ["written_again"] if count > 1 else []
        if not keep:
            rule_count = self.rule_count
            found.append("more_often" if count > rule_count else "as_often" if count == rule_count else "less_often")
        if _SPACE.sub("", name) in self.other_names:
            found.append("named_by_rules")
        return found

    def holds_other(self, start: int, end: int) -> bool:
        return any(start <= o.start and o.end <= end and not (o.start >= self.candidate.start
                                                             and o.end <= self.candidate.end) for o in self.others)

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
            removed = self.classes(words[first + trimmed - 1])
            if first + trimmed > last or not _EVALUATIVE & set(removed):
                break
            classes += [f"trim_left:{c}" for c in removed]
            found.append(self.extent(words[first + trimmed].start, self.candidate.end, (f"left-{trimmed}", *classes)))
        return found

    def right(self, first: int, last: int) -> list[Extent]:
        article, words, found = self.reading.article, self.reading.article.words, []
        gloss = _GLOSS.match(self.text, self.candidate.end)
        if gloss:
            inside = gloss.group()[1:-1]
            found.append(self.extent(self.candidate.start, gloss.end(),
                                     ("right+gloss", *(f"gloss:{c}" for c in _string_classes(inside)))))
        if last + 1 < len(words) and words[last].end == self.candidate.end and article.joined(words[last], words[last + 1]):
            following = words[last + 1]
            classes = self.classes(following)
            if {"year", "edition"} & set(classes) and not self.holds_other(following.start, following.nominal_end):
                found.append(self.extent(self.candidate.start, following.nominal_end,
                                         ("right+1", *(f"right:{c}" for c in classes))))
        if last > first and words[last].end == self.candidate.end:
            found.append(self.extent(self.candidate.start, words[last - 1].nominal_end,
                                     ("right-1", *(f"trim_right:{c}" for c in self.classes(words[last])))))
        return found

    def classes(self, word: Word) -> list[str]:
        reading, lex = self.reading, self.reading.lex
        text = self.text[word.start:word.nominal_end]
        found = _string_classes(text)
        found.append("tags=" + "+".join(word.tags[:3]))
        if reading.countries.contain(word.start):
            found.append("country")
        if place_name(reading, word, text):
            found.append("place")
        if is_organization_word(reading, word):
            head = lex.organizations.ending_or_is(text)
            found.append("local_government" if head in lex.local_government_heads else "body")
        if text in lex.generic:
            found.append("generic")
        if text in lex.descriptive:
            found.append("descriptive")
        if text.startswith(tuple(lex.superlatives)):
            found.append("superlative")
        if lex.systems.ending_or_is(text) or lex.programs.ending_or_is(text):
            found.append("thing_head")
        return found


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
    """The candidates, each system, programme or organisation moved to the extent the model prefers
    to the rule's own, where that reaches the model's threshold."""
    model = load_model(MODEL_NAME)
    moved = []
    for candidate in candidates:
        if candidate.field in RANKED_FIELDS:
            found = extents(reading, candidate, candidates)
            if len(found) > 1:
                scores = [model.probability(extent.features) for extent in found]
                best = max(range(1, len(found)), key=scores.__getitem__)
                if scores[best] >= model.threshold and scores[best] > scores[0]:
                    extent = found[best]
                    candidate = Candidate(candidate.field, extent.name, extent.start, extent.end)
        moved.append(candidate)
    return moved
