"""What a learned programme adder would read (scripts/train_programs.py; benchmarks/README.md,
"Learned programme adder"): places where the press names a programme, course, project, event or
agreement that the rules (things.py, quoted names) leave out. Measured, not wired in: it stays
beside its training script, out of the package.

Places and their candidates (one per place is kept, the likeliest):
- a quoted stretch (‘…’, “…”, 「…」, <…>, 《…》) holding a programme head or followed by one
  (`‘한마음’ 축제`): the quoted words, and the quoted words with the head after them;
- a word ending in a programme head (name_heads.yaml `programs.heads`, `사업`, `프로그램`, `협약`)
  with one to four words joined before it: every run ending at the head;
- an edition or a year (`제5회`, `2019`) opening a run of words that ends in a programme head.

The gate of docs/CONTRACT.md comes first and is not learned: a programme is a proper name, so a run
is no generic activity alone (`교류`, `연수`, `견학`), no head alone, holds a proper word (a proper
noun, Latin letters, a number, an edition or a year) or is quoted, and no programme the rules found
overlaps it.
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from extractor.nlp.common import document_of
from extractor.nlp.korean import Spans, pair
from extractor.pattern_cache import compiled_re
from extractor.recognizers.names.people import People
from extractor.recognizers.names.things import Candidate, is_organization_word
from extractor.recognizers.names.words import Word
from extractor.recognizers.visiting_evidence import inside_quote

MAX_RUN_WORDS = 5
_EXTRA_HEADS = ("사업", "프로그램", "협약", "협정", "프로젝트", "양해각서", "MOU", "행사", "환영식", "리셉션", "기념식", "쇼")
#: Whether the gate asks a proper word of a run (the brief's narrow gate); without it the run's
#: proper words are a feature only.
REQUIRE_PROPER = True
_QUOTES = compiled_re(r"[‘“「<《〈\"']([^‘’“”「」<>《》〈〉\"'\n]{2,50})[’”」>》〉\"']")
_EDITION = compiled_re(r"(?:제\s?\d+\s?(?:회|차|기)|(?:19|20)\d\d(?:년)?|\d+(?:회|차))$")
_PROPER_TAGS = frozenset({"NNP", "SL", "SN", "SH"})
_DIGIT = compiled_re(r"\d")
_LATIN = compiled_re(r"[A-Za-z]")


class ProgrammeRun(NamedTuple):
    start: int
    end: int
    name: str
    place: tuple[str, int]
    features: frozenset[str]


def programme_runs(doc: Doc, people: People, rule_programmes: list[Candidate],
                   beside_rules: bool = False) -> list[ProgrammeRun]:
    context = _Context(doc, people, rule_programmes, beside_rules)
    return context.head_runs() + context.quoted_runs()


class _Context:
    def __init__(self, doc: Doc, people: People, rule_programmes: list[Candidate], beside_rules: bool):
        document = document_of(doc)
        self.people, self.reading = people, people.reading
        self.lex = self.reading.lex
        self.article = people.article
        self.text = self.article.text
        self.zones = [(z.start, z.end, z.kind) for z in document.zones]
        self.rule_spans = Spans([] if beside_rules else rule_programmes)
        self.rule_names = {c.name.replace(" ", "") for c in rule_programmes}
        self.bodies = Spans(((c.start, c.end) for c in people.organizations), bounds=pair)

    def head_of(self, stem: str) -> str | None:
        head = self.lex.programs.ending_or_is(stem)
        if head:
            return head
        return next((h for h in _EXTRA_HEADS if stem.endswith(h)), None)

    def head_runs(self) -> list[ProgrammeRun]:
        words, runs = self.article.words, []
        for index, word in enumerate(words):
            stem = word.stem.strip(".,·")
            head = self.head_of(stem) if stem else None
            if not head:
                continue
            best = []
            for first in range(index, max(-1, index - MAX_RUN_WORDS), -1):
                if first < index and not self._joined(words[first], words[first + 1]):
                    break
                run = words[first:index + 1]
                name = self.text[run[0].start:word.start + len(stem)]
                if self._gate(run, name, head):
                    best.append(self._run("head", index, run, name, head))
            runs.extend(r for r in best if r is not None)
        return runs

    def quoted_runs(self) -> list[ProgrammeRun]:
        runs = []
        for match in _QUOTES.finditer(self.text):
            inner = match.group(1).strip()
            if not inner or self.rule_spans.overlap(match.start(1), match.end(1)):
                continue
            start = match.start(1) + match.group(1).index(inner)
            head = self.head_of(inner)
            following = self._word_at(match.end())
            if head:
                runs.append(self._quoted(match, inner, start, start + len(inner), head, "inside"))
            if following is not None:
                stem = following.stem.strip(".,·")
                after_head = self.head_of(stem)
                if after_head:
                    name = inner + " " + stem
                    runs.append(self._quoted(match, name, start, following.start + len(stem), after_head, "after"))
        return [r for r in runs if r is not None]

    def _word_at(self, position: int) -> Word | None:
        """The word one space after position, if any."""
        index = self.article.index_at(position)
        words = self.article.words
        if index >= len(words) or self.text[position:words[index].start] != " ":
            return None
        return words[index]

    def _quoted(self, match, name: str, start: int, end: int, head: str, where: str) -> ProgrammeRun | None:
        if name.replace(" ", "") in self.lex.generic_activities or self.rule_spans.overlap(start, end):
            return None
        features = {f"place=quote_{where}", f"head={head}", f"quote={match.group(0)[0]}",
                    f"syllables={min(len(name.replace(' ', '')), 20) // 3}", f"words={min(name.count(' ') + 1, 6)}"}
        if _LATIN.search(name):
            features.add("latin")
        if _DIGIT.search(name):
            features.add("digit")
        features.update(self._where(start, end, name))
        return ProgrammeRun(start, end, name, ("quote", match.start()), frozenset(features))

    def _joined(self, left: Word, right: Word) -> bool:
        return self.text[left.end:right.start] == " " and not left.particle and left.full

    def _gate(self, run: list[Word], name: str, head: str) -> bool:
        solid = name.replace(" ", "")
        if solid == head or solid in self.lex.generic_activities or solid in self.lex.programs:
            return False
        if self.rule_spans.overlap(run[0].start, run[-1].end):
            return False
        return len(solid) > len(head) + 1 and (not REQUIRE_PROPER or any(self._proper(word) for word in run))

    def _proper(self, word: Word) -> bool:
        return bool(_PROPER_TAGS.intersection(word.stem_tags)) or bool(_EDITION.search(word.stem))

    def _run(self, kind: str, index: int, run: list[Word], name: str, head: str) -> ProgrammeRun:
        last = run[-1]
        first_word = run[0]
        features = {f"place={kind}", f"head={head}", f"words={len(run)}", f"place&words={kind}{len(run)}",
                    f"first_tags={'+'.join(first_word.stem_tags[:2])}", f"last_particle={last.particle or '-'}",
                    f"head_alone={last.stem.strip('.,·') == head}"}
        proper = sum(1 for w in run if self._proper(w))
        features.add(f"proper={'all' if proper == len(run) else min(proper, 3)}")
        if _EDITION.search(first_word.stem):
            features.add("edition_first")
        if self.people.countries.overlap(first_word.start, first_word.end):
            features.add("country_first")
        if any(is_organization_word(self.reading, w) for w in run[:-1]):
            features.add("body_word_inside")
        if any(self.bodies.overlap(w.start, w.end) for w in run):
            features.add("in_body_name")
        first = self.article.index_at(first_word.start)
        before = self.article.words[first - 1] if first > 0 else None
        features.add(f"before={self._before_kind(before, first_word)}")
        if _LATIN.search(name):
            features.add("latin")
        features.update(self._where(first_word.start, last.end, name))
        return ProgrammeRun(first_word.start, first_word.start + len(name), name, (kind, index), frozenset(features))

    def _before_kind(self, word: Word | None, following: Word) -> str:
        if word is None:
            return "start"
        gap = self.text[word.end:following.start]
        if gap != " ":
            return "quote" if gap.strip() and gap.strip()[-1] in "’”'\">》」" else "apart"
        if word.particle:
            return f"particle={word.particle}"
        if self.people.countries.overlap(word.start, word.end):
            return "country"
        if is_organization_word(self.reading, word):
            return "body"
        return "proper" if _PROPER_TAGS.intersection(word.stem_tags) else "other"

    def _where(self, start: int, end: int, name: str):
        kind = next((k for s, e, k in self.zones if s <= start < e), "none")
        yield f"zone={kind}"
        if inside_quote(self.text[max(0, start - 200):start]):
            yield "in_quote"
        if self.text.count(name) > 1:
            yield "repeated"
        solid = name.replace(" ", "")
        if any(solid in known and solid != known for known in self.rule_names):
            yield "inside_rule_programme"
        if any(known in solid and solid != known for known in self.rule_names):
            yield "holds_rule_programme"
