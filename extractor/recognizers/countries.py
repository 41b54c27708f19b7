"""`kr_countries`: country mentions and whether each country is reported visiting.

Names come from `lexicons/countries.yaml` (CLDR Korean names plus press forms, built by
scripts/build_country_lexicon.py). Patterns are built from surface strings and checked
against word boundaries and Kiwi's morphemes of the article itself (running Kiwi on a
lone name gives other morphemes than in context):
- a full name (`페루`, `파라과이대사`, `주대한민국`) must start a word and end at the end
  of the word, before a particle, or before a glued head (`미국산`, `중국인`); a name
  that is also a common word (`가나`, `인도`, `오만`) only where Kiwi tags it NNP;
- a one-syllable form (`미`, `中`, `한`) only in a coordination (`한·몽`, `한-중남미`,
  `한미`), before a context word (`미 정부`, `美 실리콘밸리`), or as a lone Hanja;
- a country is visiting when its sentence reports a visit (`visit_cues.yaml`) and the
  country is not the host, a destination (`X를 방문`), a place where things happen
  (`X에서 열린`), merely compared (`X처럼`), or in a sentence datelined abroad.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import load
from ..model import Country, Span
from ..nlp.common import add_item, content_index
from ..nlp.tokenizer import Morph

WORD_CHAR = r"0-9A-Za-z\uac00-\ud7a3\u3131-\u318e\u4e00-\u9fff"
NOT_AFTER_WORD = f"(?<![{WORD_CHAR}])"
HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]*")
HANJA = re.compile(r"[\u4e00-\u9fff]")
COORDINATION_SEPARATORS = "·ㆍ・‧•\\-–"
#: Kiwi tags that may follow a name inside its word: particles, copula, endings, suffixes.
TAIL_TAG_PREFIXES = ("J", "VCP", "E", "XSN")
#: Tags a one-syllable form gets where it names a country (`한 정부` is 한/MM: "a government").
SHORT_FORM_TAGS = ("NNP", "NNG", "SH", "XPN")
PREDICATE_TAG_PREFIXES = ("V", "E", "XSV", "XSA", "XR", "MAG")
#: `37개 나라에서 총 138명이`: a count of people right after `X에서` makes X their origin.
PEOPLE_COUNT = re.compile(r"(?:총|약)?[\d,]+(?:여)?명")
DIRECTION_PARTICLES = ("을", "를", "에", "에게", "로", "으로")
MAX_PHRASE_MORPHS = 40


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    code: str


def _alternation(strings) -> str:
    return "|".join(re.escape(s) for s in sorted(set(strings), key=len, reverse=True))


class CountryLexicon:
    """The compiled form of countries.yaml and visit_cues.yaml."""

    def __init__(self, countries: dict, cues: dict):
        self.countries = {entry["code"]: entry for entry in countries["countries"]}
        self.code_of = {form: entry["code"] for entry in countries["countries"] for form in entry["forms"]}
        self.short_code_of = {form: entry["code"] for entry in countries["countries"] for form in entry["short_forms"]}
        self.host = countries["host"]
        self.compacts = countries["compact_coordinations"]
        self.ambiguous = set(countries["ambiguous"])
        self.not_followed_by = countries["not_followed_by"]
        self.not_preceded_by = countries["not_preceded_by"]
        self.glued_heads = sorted(countries["glued_heads"], key=len, reverse=True)
        self.context_heads = tuple(sorted({*countries["glued_heads"], *countries["short_form_heads"]}, key=len, reverse=True))
        self.regions = set(countries["partners_not_countries"])
        self.list_links = tuple(countries["list_links"])
        self.comparison_particles = set(countries["comparison_particles"])
        self.abroad_markers = countries["abroad_markers"]
        self.cues = cues

        resident_prefix = f"(?<=(?<![{WORD_CHAR}])주)"  # 주대한민국 (대사): "resident in"
        self.names = re.compile(f"(?:{NOT_AFTER_WORD}|{resident_prefix})({_alternation(self.code_of)})")
        part = _alternation([*self.code_of, *self.short_code_of, *self.regions])
        self.coordinations = re.compile(f"{NOT_AFTER_WORD}(?:{part})(?:[{COORDINATION_SEPARATORS}](?:{part}))+")
        self.coordination_part = re.compile(part)
        self.compact = re.compile(f"{NOT_AFTER_WORD}({_alternation(self.compacts)})")
        heads = _alternation(countries["short_form_heads"])
        glued = _alternation(countries["short_form_glued_heads"])
        shorts = _alternation(self.short_code_of)
        self.short_before_head = re.compile(f"{NOT_AFTER_WORD}({shorts})(?: (?:{heads})|(?:{glued}))")
        self.lone_hanja = re.compile(f"{NOT_AFTER_WORD}({_alternation(s for s in self.short_code_of if HANJA.match(s))})"
                                     r"(?![\u4e00-\u9fff])")
        self.visit_cue = re.compile(_alternation(cues["cues"]))
        self.participation_cue = re.compile(_alternation(cues["participation_cues"]))
        self.not_cue = re.compile(_alternation(cues["not_cues"]))

    def country(self, code: str, mention: Span, visiting: bool) -> Country:
        entry = self.countries[code]
        return Country(code=code, name=entry["name"], name_en=entry["name_en"], visiting=visiting, mentions=[mention])


class Morphemes:
    """Kiwi's morphemes of one Doc, looked up by character offset."""

    def __init__(self, morphs: list[Morph]):
        self.morphs = sorted(morphs, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.morphs]

    def starting_at(self, offset: int) -> Morph | None:
        i = bisect_left(self.starts, offset)
        return self.morphs[i] if i < len(self.morphs) and self.morphs[i].start == offset else None

    def between(self, start: int, end: int) -> list[Morph]:
        return self.morphs[bisect_left(self.starts, start):bisect_left(self.starts, end)]


class MentionFinder:
    """Finds the country mentions of one text."""

    def __init__(self, lexicon: CountryLexicon, text: str, morphemes: Morphemes, sentences: Sentences):
        self.lexicon, self.text, self.morphemes, self.sentences = lexicon, text, morphemes, sentences

    def find(self) -> list[Mention]:
        found = {(m.start, m.end): m for m in self._names()}
        for mention in [*self._coordinations(), *self._compacts(), *self._short_forms()]:
            found.setdefault((mention.start, mention.end), mention)
        mentions = sorted(found.values(), key=lambda m: m.start)
        return [m for m in mentions if not self._needs_company(m) or self._has_company(m, mentions)]

    def _needs_company(self, mention: Mention) -> bool:
        """A name that is also a common word (`피지 분비` = sebum) needs a country context:
        a head after it (`가나 정부`, `인도 뭄바이`) or another country in its sentence."""
        if self.text[mention.start:mention.end] not in self.lexicon.ambiguous:
            return False
        following = self.text[mention.end:mention.end + 12].lstrip(" 의")
        if following.startswith(self.lexicon.context_heads):
            return False
        next_morph = self.morphemes.starting_at(len(self.text) - len(following)) if following else None
        return next_morph is None or next_morph.tag != "NNP"

    def _has_company(self, mention: Mention, mentions: list[Mention]) -> bool:
        sentence = self.sentences.around(mention)
        return any(other.code != mention.code and sentence[0] <= other.start < sentence[1] for other in mentions)

    def _names(self):
        for match in self.lexicon.names.finditer(self.text):
            name = match.group(1)
            if self._name_fits(name, match.start(1), match.end(1)):
                yield Mention(match.start(1), match.end(1), self.lexicon.code_of[name])

    def _name_fits(self, name: str, start: int, end: int) -> bool:
        lexicon = self.lexicon
        before = self.text[max(0, start - 6):start].rstrip()
        after = self.text[end:end + 4].lstrip()
        if any(before.endswith(word) for word in lexicon.not_preceded_by.get(name, ())):
            return False
        if any(after.startswith(word) for word in lexicon.not_followed_by.get(name, ())):
            return False
        if name in lexicon.ambiguous and not self._tagged(start, end, ("NNP",)):
            return False
        first = self.morphemes.starting_at(start)
        if first is not None and first.tag == "NR":  # 오만 원
            return False
        return self._word_ends_well(end)

    def _tagged(self, start: int, end: int, tags) -> bool:
        morph = self.morphemes.starting_at(start)
        return morph is not None and morph.end == end and morph.tag in tags

    def _word_ends_well(self, end: int) -> bool:
        """The word goes on after a name only with a particle or a glued head (`미국산은`)."""
        tail = HANGUL_RUN.match(self.text, end).group()
        if not tail or self._tail_morph_at(end):
            return True
        for head in self.lexicon.glued_heads:
            if tail.startswith(head):
                rest = end + len(head)
                return len(head) == len(tail) or self._tail_morph_at(rest)
        return False

    def _tail_morph_at(self, offset: int) -> bool:
        morph = self.morphemes.starting_at(offset)
        return morph is not None and morph.tag.startswith(TAIL_TAG_PREFIXES)

    def _coordinations(self):
        """`한·몽`, `한-중남미`, `美·中`: every part a country or region, at least one a country."""
        for match in self.lexicon.coordinations.finditer(self.text):
            if not self._word_ends_well(match.end()):
                continue
            for part in self.lexicon.coordination_part.finditer(self.text, match.start(), match.end()):
                code = self.lexicon.code_of.get(part.group()) or self.lexicon.short_code_of.get(part.group())
                if code:
                    yield Mention(part.start(), part.end(), code)

    def _compacts(self):
        """`한미 정상회담`, `미중 갈등`: one mention per syllable."""
        for match in self.lexicon.compact.finditer(self.text):
            start, end = match.span(1)
            if self._word_ends_well(end) and self._tagged_as_short_form(start):
                for offset, code in enumerate(self.lexicon.compacts[match.group(1)]):
                    yield Mention(start + offset, start + offset + 1, code)

    def _short_forms(self):
        for pattern in (self.lexicon.short_before_head, self.lexicon.lone_hanja):
            for match in pattern.finditer(self.text):
                start, end = match.span(1)
                if self._tagged_as_short_form(start) and (pattern is self.lexicon.short_before_head
                                                          or self._word_ends_well(end)):
                    yield Mention(start, end, self.lexicon.short_code_of[match.group(1)])

    def _tagged_as_short_form(self, start: int) -> bool:
        morph = self.morphemes.starting_at(start)
        return morph is not None and morph.tag in SHORT_FORM_TAGS


class VisitJudge:
    """Decides, sentence by sentence, which mentions report their country visiting."""

    def __init__(self, lexicon: CountryLexicon, text: str, morphemes: Morphemes):
        self.lexicon, self.text, self.morphemes = lexicon, text, morphemes

    def is_visiting(self, mention: Mention, sentence: tuple[int, int]) -> bool:
        if mention.code == self.lexicon.host:
            return False
        words = self.text[sentence[0]:sentence[1]]
        if any(marker in words for marker in self.lexicon.abroad_markers):
            return False
        role = self._role(mention.end, sentence[1])
        if role in ("destination", "location", "comparison"):
            return False
        if self._has_cue(self.lexicon.visit_cue, words):
            return True
        return role == "origin" and self._has_cue(self.lexicon.participation_cue, words)

    def _has_cue(self, pattern: re.Pattern, words: str) -> bool:
        for cue in pattern.finditer(words):
            word_start = words.rfind(" ", 0, cue.start()) + 1
            word_end = words.find(" ", cue.end())
            if not self.lexicon.not_cue.search(words, word_start, word_end if word_end >= 0 else len(words)):
                return True
        return False

    def _role(self, end: int, limit: int) -> str | None:
        """What the noun phrase that the country starts does in its clause: walk on over
        nouns, lists (`페루, 가나 등 37개 나라`) and genitives to its first case particle."""
        morphs = self.morphemes.between(end, limit)[:MAX_PHRASE_MORPHS]
        i = 0
        while i < len(morphs):
            morph = morphs[i]
            if morph.tag.startswith("J") and morph.form != "의":
                if i + 1 < len(morphs) and morphs[i + 1].form.startswith(self.lexicon.list_links):
                    i = _after_ending(morphs, i + 1)
                    continue
                return self._particle_role(morph.form, self._words_after(morph.end, limit))
            if morph.tag.startswith(PREDICATE_TAG_PREFIXES):
                return None
            i += 1
        return None

    def _words_after(self, offset: int, limit: int) -> list[str]:
        return self.text[offset:limit].split()[:3]

    def _particle_role(self, particle: str, words: list[str]) -> str | None:
        cues = self.lexicon.cues
        if particle in self.lexicon.comparison_particles:
            return "comparison"
        if particle in DIRECTION_PARTICLES and words and words[0].startswith(tuple(cues["destination_verbs"])):
            return "destination"
        if particle == "에서":
            came = any(PEOPLE_COUNT.match(word) or word.startswith(tuple(cues["origin_verbs"])) for word in words)
            return "origin" if came else "location"
        return None


def _after_ending(morphs: list[Morph], i: int) -> int:
    """The index after the ending of the predicate at morphs[i] (`비롯한`, `포함해`)."""
    while i < len(morphs) and not morphs[i].tag.startswith("E"):
        i += 1
    return i + 1


class Sentences:
    """Kiwi's sentences, cut again at line breaks (headlines and decks are lines of their own)."""

    def __init__(self, doc: Doc):
        self.ranges = []
        for sentence in doc.sents:
            start = sentence.start_char
            for line in re.finditer(r"[^\n]+\n?", doc.text[sentence.start_char:sentence.end_char]):
                self.ranges.append((start + line.start(), start + line.end()))
        self.ranges.append((len(doc.text), len(doc.text) + 1))
        self.ends = [end for _, end in self.ranges]

    def around(self, mention: Mention) -> tuple[int, int]:
        return self.ranges[bisect_left(self.ends, mention.end)]


class CountryRecognizer:
    def __init__(self, lexicon: CountryLexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        morphemes = Morphemes(doc._.morphs or [])
        content = content_index(doc)
        judge = VisitJudge(self.lexicon, text, morphemes)
        sentences = Sentences(doc)
        for mention in MentionFinder(self.lexicon, text, morphemes, sentences).find():
            if not content.contains(mention.start, mention.end):
                continue
            span = Span(text=text[mention.start:mention.end], start=mention.start, end=mention.end)
            visiting = judge.is_visiting(mention, sentences.around(mention))
            add_item(doc, "countries", mention.start, mention.end, self.lexicon.country(mention.code, span, visiting))
        return doc


@Language.factory("kr_countries")
def make_country_recognizer(nlp: Language, name: str) -> CountryRecognizer:
    return CountryRecognizer(CountryLexicon(load("countries"), load("visit_cues")))
