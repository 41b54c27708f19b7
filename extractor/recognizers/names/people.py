"""People, their titles and the bodies they head: the one parser of `[body] name title`.

`kr_names` takes its persons (and the bodies titles name) from here, `kr_quotes`
its speakers. A person phrase is read right to left from a title word
(`최대호 안양시장은`, `아방카이시(市)의 네스토르 라울 페냐 산체스 시장은`,
`박경원 주무관`): a region that belongs to a place title (`대전 중구청장`),
the body between name and title (`강호인 국토교통부 장관`), the name, then a
body before it (`…의`, an apposition `장관인`, or a word ending like an
organisation). A parenthesis names a body's head too: `광명시(시장 양기대)`,
`(장관: 서승환)`.

A Korean name is one word: a surname from the census list and two (three with a
two-syllable surname) syllables. A foreign name is a run of two or more proper
words that Kiwi cannot read as common nouns (it splits `네스토르` into 네스토+르);
a romanised gloss may follow it (`에드윈 리(Edwin M. Lee)`). A lone surname
(`최 시장`) is resolved against the people named before it.
Where Kiwi reads a transliterated name as common words or a Korean name
(`응우옌 반 안`, `다나카 히로시`, `우에다`), the name is read from where it stands:
a run of one to four words before a country or body and the title, between a
foreign body and the title, or after a title (`몽골 울란바토르시 부시장 바트
에르덴은`, `주한 라오스 대사 분낫 케오마니는`, `가수 김광석`); a name given before is
recognised as written.

Other shapes name people without a title after them: a parenthesis saying who the
person is (`카림 벤제마(알제리 내무부 차관)는`, `사미아(캐나다 관광객)`, `홍길동(45·회사원)씨`),
a broadcast's speaker label (`<인터뷰> 홍길동(○○시청 과장) : "…"`, `{홍길동/ 충남 서산/ "…"}`),
a signature after a quote (`“…”(아미나·29·케냐 유학생)`), a list of Korean names sharing one
title (`홍길동·김철수 의원`), and a name in single quotes before its title (`‘와디 알비티’ 대사`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from spacy.tokens import Doc

from ... import lexicons
from ...model import Speaker
from ...nlp.common import items
from ...nlp.korean import Spans, longest_first, pair, per_doc
from ...pattern_cache import compiled_re
from .cities import city_lexicon
from .things import Candidate, HeadIndex, Heads, Reading, has_legal_form, heads, is_organization_word, organizations
from .words import LATIN_GLOSS, NOMINAL_TAGS, ArticleWords, Word, article_words

MAX_BODY_WORDS = 2
MAX_PHRASE_WORDS = 9
MAX_NAME_WORDS = 4
_SOLID_NAME_SYLLABLES = 4  # `존스미스`: a foreign name written solid is a given name and a surname
_SHORT_PLACE = 4  # syllables of a place's own name ending like a body (`대구`, `해운대`, `동대문구`)
_GLOSS = compiled_re(r"\([^()\s]+\)")
_DIGITS = compiled_re(r"\d")
_BRACKETS = compiled_re(r"[\[\](){}<>]")
_AGE = compiled_re(r"\(\d{1,3}(?:세)?[·,)]")
_ACRONYM = compiled_re(r"[A-Z][A-Z&]{1,6}")
_COMMON_NOUN_TAGS = frozenset({"NNG", "NNB", "XSN"})
#: A word Kiwi knows as a common word, then the suffixes a word is derived with (`방문` + 하 + ㄴ).
_COMMON_WORD_TAGS = frozenset({"NNG", "MAG", "MM", "NP"})
_DERIVING_TAGS = frozenset({"XSV", "XSA", "XSN"})
_HEADED_PLACE = compiled_re(r"(?<![가-힣])(?P<place>[가-힣]{2,6})[시주현성](?:의|와|과|에서|에|은|는|이|가|을|를|로)?(?![가-힣])")


@dataclass(frozen=True)
class Titles:
    titles: HeadIndex  # finds the longest title ending a word
    title_pattern: re.Pattern  # any title, or a title's suffix (`권한대행`): a clause worth parsing
    bodies: dict             # `시장` -> `시`: 안양시장 heads 안양시
    body_titles: frozenset
    suffixes: tuple[str, ...]
    glued_titles: tuple[str, ...]  # longest first
    suffix_titles: frozenset  # titles attached to a place (`안양시장`, `화천군수`)
    homonym_titles: frozenset
    venue_nouns: frozenset  # places ending like a title (`전시장`, `연회장`): never a person's title
    anonymous_titles: frozenset
    courtesy_titles: frozenset
    surnames: frozenset
    transliterated_surnames: frozenset  # Korean surnames and Chinese ones written apart (`린 즈웨이`)
    body_shorthands: frozenset
    organization_suffixes: tuple[str, ...]
    not_name_words: frozenset
    not_name_places: frozenset
    title_modifiers: frozenset
    title_prefixes: frozenset
    regions: frozenset
    international_bodies: frozenset
    foreign_titles: frozenset  # held by foreign officials only (`주지사`, `성장`)
    city_titles: frozenset  # a city's own (`시장`, `부시장`)
    envoy_titles: frozenset  # an envoy's, glued after its post (`주부산일본국총영사`)
    ranks: frozenset  # an officer's rank (`중령`, `총경`): a person's title only, never a body's
    person_nouns: frozenset  # who someone is, not a title (`관광객`, `회사원`)
    photo_words: frozenset   # where someone stands in a picture (`사진 왼쪽 둘째`)
    aliases: dict            # short form -> official name (`국토부` -> `국토교통부`)


@lru_cache(maxsize=None)
def titles() -> Titles:
    data = lexicons.load("titles")
    every = longest_first([*data["titles"], *data["suffix_titles"], *data["courtesy_titles"]])
    return Titles(
        titles=HeadIndex(every),
        title_pattern=compiled_re("|".join(map(re.escape, [*every, *data["title_suffixes"], *data["person_nouns"]]))),
        bodies=dict(data["title_bodies"]),
        body_titles=frozenset(data["body_titles"]),
        suffixes=tuple(data["title_suffixes"]),
        glued_titles=longest_first(data["glued_titles"]),
        suffix_titles=frozenset(data["suffix_titles"]),
        homonym_titles=frozenset(data["homonym_titles"]),
        venue_nouns=frozenset(data["venue_nouns"]),
        anonymous_titles=frozenset(data["anonymous_titles"]),
        courtesy_titles=frozenset(data["courtesy_titles"]),
        surnames=frozenset(data["surnames"]),
        title_prefixes=frozenset(data["title_prefixes"]),
        transliterated_surnames=frozenset(data["surnames"] + data["transliterated_surnames"]),
        body_shorthands=frozenset(data["body_shorthands"]),
        organization_suffixes=longest_first(data["organization_suffixes"]),
        not_name_words=frozenset(data["not_name_words"]),
        not_name_places=frozenset(data["not_name_places"]),
        title_modifiers=frozenset(data["title_modifiers"]),
        regions=frozenset(data["regions"]),
        international_bodies=frozenset(data["international_bodies"]),
        foreign_titles=frozenset(data["foreign_titles"]),
        city_titles=frozenset(data["city_titles"]),
        envoy_titles=frozenset(data["envoy_titles"]),
        ranks=frozenset(data["ranks"]),
        person_nouns=frozenset(data["person_nouns"]),
        photo_words=frozenset(data["photo_words"]),
        aliases={str(k): str(v) for k, v in lexicons.load("org_aliases").items()},
    )


def clean(stem: str) -> str:
    """Without a one-word gloss: `아방카이시(市)` -> `아방카이시`, `팀장(배우명)` -> `팀장`."""
    return _GLOSS.sub("", stem)


def canonical(organization: str) -> str:
    return titles().aliases.get(organization, organization)


def _without_title_suffix(stem: str) -> str:
    return next((stem[:-len(s)] for s in titles().suffixes if stem.endswith(s) and len(stem) > len(s)), stem)


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)
def title_in(stem: str) -> str | None:
    """The lexicon title a word ends with (`안양시장` -> 시장, `사장직무대행` -> 사장)."""
    base, index = _without_title_suffix(stem), titles().titles
    return base if base in index else index.ending(base)


@lru_cache(maxsize=4096)
def split_title(stem: str) -> tuple[str, str | None] | None:
    """(title as written, the body it names) when a word ends in a title:
    `안양시장` -> (안양시장, 안양시), `사장직무대행` -> (사장직무대행, None)."""
    title = title_in(stem)
    if title is None:
        return None
    place = _without_title_suffix(stem)[: -len(title)]
    if not place or not place[-1].isalnum():  # `시·도지사` heads the cities and provinces, no one body
        return stem, None
    if _whole_body(place):  # `정보통신부장관`, `정보통신부청장`: the body is written whole
        return stem, place
    body = titles().bodies.get(title)
    return stem, (place if place.endswith(body) else place + body) if body else None


def _whole_body(place: str) -> bool:
    """Does the word before a title name a body by itself? A one-syllable head ending a short word
    is as often a place's own name (`대구`, `서울대`; `일본국토교통성` is a ministry)."""
    lex = heads()
    head = lex.organizations.ending(place)
    return bool(head) and place not in lex.not_organizations and not place.endswith(lex.common_endings) and (
        len(head) > 1 or head not in lex.proper_heads or len(place) > _SHORT_PLACE)


@dataclass
class PersonPhrase:
    speaker: Speaker
    start: int
    surname: str | None = None     # `최 시장`: to resolve against the people named earlier
    continues: bool = False        # `그는`: the previous speaker
    name_span: tuple[int, int] | None = None
    body_span: tuple[int, int] | None = None  # the body a title names, where written
    unnamed: bool = False          # `현장음>`: words heard on a broadcast, said by nobody it names


@dataclass
class People:
    """Everyone the article names with a title, in text order, with the context the parser needs."""

    article: ArticleWords
    heads: Heads
    countries: Spans  # (start, end) pairs
    organizations: list[Candidate]  # from noun phrases (things.py), for telling places from names
    entries: list[tuple[int, Speaker, set]] = field(default_factory=list)
    phrases: list[PersonPhrase] = field(default_factory=list)
    apposed: dict[int, PersonPhrase] = field(default_factory=dict)  # by where the phrase's last word's stem ends
    labelled: dict[int, PersonPhrase] = field(default_factory=dict)  # a broadcast's speaker label, by the quote mark
    signed: dict[int, PersonPhrase] = field(default_factory=dict)  # `”(김철수·45)`: by the closing mark
    soundbites: list[tuple[int, int]] = field(default_factory=list)  # words said after a caption, unmarked
    transliterations: dict[str, str] = field(default_factory=dict)  # `트롱카른드` -> `Nitiphan Trongkarndee`
    _main_bodies: dict = field(default_factory=dict)
    _known: tuple | None = None

    @cached_property
    def reading(self) -> Reading:
        return Reading(self.article, self.heads, self.countries)

    @cached_property
    def glossed_names(self) -> list[Candidate]:
        """Names followed by their Latin spelling (`아리안 탄(Alian Tan)`), found once per article."""
        return _glossed_names(self)

    @cached_property
    def one_word_glosses(self) -> list[tuple[str, str]]:
        """(Hangul, Latin) of each word glossed in one capitalised Latin word (`이브라힘(Ibrahim)`),
        found once per article."""
        return [(gloss["hangul"], gloss["latin"]) for gloss in _ONE_WORD_GLOSS.finditer(self.article.text)]

    @cached_property
    def places(self) -> set[str]:
        """Words that open two or more organisations' names (`스플리트 관광공사`,
        `스플리트 테크놀로지파크`): places, which a foreign name does not run into."""
        openers = Counter(c.name.split()[0] for c in self.organizations if " " in c.name)
        return {word for word, count in openers.items() if count > 1}

    @cached_property
    def headed_places(self) -> set[str]:
        """Words the article also writes glued to a local government's head (`멜버른` of `멜버른시와`,
        `빈프억` of `빈프억성`), where Kiwi knows no common noun: that place wherever written bare."""
        found = set()
        for match in _HEADED_PLACE.finditer(self.article.text):
            if not self.article.dictionary_nouns(match.start(), match.end("place")):
                found.add(match["place"])
        return found

    def main_body(self, shorthand: str) -> str | None:
        """The 시/구/군 the article is about: the proper noun ending in it named most often."""
        if shorthand not in self._main_bodies:
            counts = Counter(self.article.proper_nouns_ending(shorthand))
            self._main_bodies[shorthand] = counts.most_common(1)[0][0] if counts else None
        return self._main_bodies[shorthand]

    def only_one_named(self, surname: str) -> Speaker | None:
        """The one person of the article with this surname (`신 회장` before `신동빈 회장`)."""
        named = {speaker.name: speaker for _, speaker, _ in self.entries if speaker.name.startswith(surname)}
        return next(iter(named.values())) if len(named) == 1 else None

    def only_one_titled(self, title: str, organization: str | None, before: int) -> Speaker | None:
        """The one person named before with this title (`시장은` after `김철수 안양시장`), of this body
        where one is given (`다낭시 부시장은`)."""
        head = title_in(title) or title  # a role noun (`학생`) is no lexicon title: itself only
        named = {speaker.name: speaker for start, speaker, known_titles in self.entries
                 if start < before and any((title_in(known) or known) == head for known in known_titles)
                 and (organization is None or not speaker.organization or organization in speaker.organization)}
        return next(iter(named.values())) if len(named) == 1 else None

    def is_known_name(self, written: str) -> bool:
        return written in self._known_names().whole

    def word_of_known_name(self, written: str) -> bool:
        """`무자파르` of `잘랄로프 무자파르 무힛지노비치`, `모리스` of `크리스모리스`, `싱` of `싱하이밍`: a
        later short mention of a foreign name (a word of it, or an end of one written solid)."""
        return " " not in written and (len(written) > 1 and written in self.transliterations
                                       or written in self._known_names().short_forms)

    def _known_names(self) -> KnownNames:
        """The names entered so far, indexed as entries are added (rebuilt when the list is replaced):
        each word of a long text asks, and scanning every entry each time made the cost grow with the
        square of the text."""
        if self._known is None or self._known[0] is not self.entries or self._known[1] > len(self.entries):
            self._known = (self.entries, 0, KnownNames())
        _, indexed, known = self._known
        for _, speaker, _ in self.entries[indexed:]:  # entries are added at the end, or the list replaced
            known.add(speaker.name)
        self._known = (self.entries, len(self.entries), known)
        return known

    def resolve(self, surname: str, title: str, before: int) -> Speaker | None:
        """The person named before as `surname` with this title: the nearest for a Korean surname
        (`김 시장`); for a word of a foreign name, the only one (`모리스 중령` after two Morrises: none)."""
        surname = self.transliterations.get(surname, surname)
        fits = [speaker for start, speaker, known_titles in self.entries
                if start < before and _named_so(speaker, known_titles, surname, title)]
        if not fits or surname not in titles().surnames and len({speaker.name for speaker in fits}) > 1:
            return None
        return fits[-1]

    def resolve_later(self, surname: str, title: str, after: int) -> Speaker | None:
        """`김 시장 “…”` in a headline, `김민철 안양시장은` in the body below: the one person named
        after the mention with this surname (or word of a foreign name) and title."""
        surname = self.transliterations.get(surname, surname)
        named = {speaker.name: speaker for start, speaker, known_titles in self.entries
                 if start > after and _named_so(speaker, known_titles, surname, title)}
        return next(iter(named.values())) if len(named) == 1 else None


def _named_so(speaker: Speaker, known_titles: set, surname: str, title: str) -> bool:
    return (speaker.name.startswith(surname) or surname in _short_forms(speaker.name)) and any(
        t.endswith(title) or title.endswith(t) for t in known_titles)


@lru_cache(maxsize=4096)
def _short_forms(name: str) -> frozenset[str]:
    """How a foreign name is shortened: a word of it (`무자파르`), or, of one written solid, its
    first or last word (`싱` of `싱하이밍`, `모리스` of `크리스모리스`; surnames come last in Western
    names and first in Chinese and Vietnamese ones), two or more syllables shorter than the name."""
    if " " in name:
        return frozenset(word for word in name.split() if len(word) > 1)
    if lexicons.korean_name_form(name):
        return frozenset()
    return frozenset([name[:cut] for cut in range(len(name) - 1)] + [name[cut:] for cut in range(2, len(name) - 1)])


@dataclass
class KnownNames:
    whole: set[str] = field(default_factory=set)
    short_forms: set[str] = field(default_factory=set)

    def add(self, name: str) -> None:
        if name and name not in self.whole:
            self.whole.add(name)
            self.short_forms |= _short_forms(name)


def people_of(doc: Doc) -> People:
    """The article's people (`doc._.people`), parsed once per Doc for names and quotes alike."""
    return per_doc(doc, _people)


if not Doc.has_extension("people"):
    Doc.set_extension("people", getter=people_of)


def _people(doc: Doc) -> People:
    article = article_words(doc)
    lex = heads()
    countries = Spans(((m.start, m.end) for c in items(doc, "countries") for m in c.mentions), bounds=pair)
    people = People(article, lex, countries, organizations(Reading(article, lex, countries)))
    _index(people)
    return people


def _index(people: People) -> None:
    article, lex = people.article, titles()
    _parenthesised(people)  # first: `보성군(군수 이용부)` tells that 이용부 is a name, not a body (…부)
    _named_in_parenthesis(people)
    _apposed(people)
    _labelled(people)
    _listed(people)
    _quoted_names(people)
    _signed(people)
    _transliterated(people)
    _newcomers(people)
    holds_title = lex.title_pattern.search  # a literal in text[start:end], asked without copying the word out
    for index, (start, end) in enumerate(article.clause_bounds):
        if holds_title(article.text, start, end) is None:  # no title, title's suffix nor person noun: no clause to parse
            continue
        words = _predicated(article, article.clause_words_between(
            article.clause_bounds[max(0, index - MAX_PHRASE_WORDS)][0], end))
        last = clean(words[-1].stem) if words else ""
        if words and words[-1].noun_stem and (split_title(last) or last in lex.suffixes):
            # a title, or a title's suffix as a word of its own (`군수 권한대행`)
            _add_phrase(people, words, phrase_ending_at(people, words, len(words) - 1))
        elif words and words[-1].noun_stem and last in lex.person_nouns:
            _add_phrase(people, words, _named_by_role(people, words, len(words) - 1))
        if words:
            _add_phrase(people, *_name_after_title_at(people, index, len(words) - 1))
    people.entries.sort(key=lambda entry: entry[0])


def _predicated(article: ArticleWords, words: list[Word]) -> list[Word]:
    """The last word without the copula that makes it the predicate (`… 씨엠립주지사이다`)."""
    if not words or words[-1].noun_stem or not words[-1].nominal:
        return words
    last = words[-1]
    rest = last.stem_tags[len(last.tags):]
    if rest[:1] != ("VCP",) or rest[-1:] != ("EF",):  # `…주지사이다`, not the apposition `단장인`
        return words
    return [*words[:-1], article.word(last.start, last.nominal_end)]


def _add_phrase(people: People, words: list[Word], phrase: PersonPhrase | None) -> None:
    if phrase is None:
        return
    people.phrases.append(phrase)
    if phrase.speaker.name:
        known_titles = ({phrase.speaker.title} | _appositive_titles(words, phrase)) - {None}
        people.entries.append((phrase.start, phrase.speaker, known_titles))


def _name_after_title_at(people: People, index: int, position: int) -> tuple[list[Word], PersonPhrase | None]:
    """The name after the title word at clause word `index` (words[position] of its clause), up to the
    first word with a particle: `주한 베트남 대사 응우옌 부 뚱과`."""
    article = people.article
    bounds = article.clause_bounds
    words = article.clause_words_between(bounds[max(0, index - MAX_PHRASE_WORDS)][0],
                                         bounds[min(len(bounds) - 1, index + MAX_NAME_WORDS)][1])
    for head in range(position + 1, min(len(words), position + 1 + MAX_NAME_WORDS)):
        if words[head].particle:
            return words, _name_after_title(people, words, head)
    return words, None


def _appositive_titles(words: list[Word], phrase: PersonPhrase) -> set:
    """`행정안전부 장관인 윤호중 본부장`: 윤호중 is also 장관; `USCG 무관 크리스모리스 중령`: 무관 too."""
    found = set()
    name_start = phrase.name_span[0] if phrase.name_span else phrase.start
    before_name = [word for word in words if word.end <= name_start]
    for word in words:
        if word.start >= phrase.start and word.connective:
            titled = split_title(clean(word.stem[:-1] if word.stem.endswith("인") else word.stem))
            if titled:
                found.add(titled[0])
    if before_name and not before_name[-1].particle and before_name[-1].noun_stem:
        titled = split_title(clean(before_name[-1].stem))
        if titled and titled[0] not in titles().anonymous_titles:
            found.add(titled[0])
    return found


#: A body's acronym opening the parenthesis before its head (`(BPA·사장 남기찬)`, `(IPA, 사장 서정호)`).
_ACRONYM_FIRST = r"(?:[A-Z][A-Za-z&]{1,9}[·ㆍ,] ?)?"


@lru_cache(maxsize=None)
def _parenthesis() -> re.Pattern:
    """A body's head in a parenthesis, title first, opening it (after the body's acronym) or after a
    comma inside it: `(시장 최민호)`, `(장관: 서승환)`, `(총회장·김철수 목사)`, `(사장 직무대행 이학수)`,
    `(한국국제협력단, 이사장 김인식)`, `(BPA·사장 홍길동)`, `(단장 홍길동, 부단장 김철수)`."""
    suffixes = "|".join(map(re.escape, titles().suffixes))
    return compiled_re(rf"(?:(?P<body>[가-힣A-Za-z]+)?\({_ACRONYM_FIRST}|, ?)(?P<title>[가-힣]{{1,6}})"
                      rf"(?: (?P<suffix>{suffixes}))?\s?[:：·ㆍ]?\s?(?P<name>[가-힣]{{2,4}})(?=[,)\s])")


#: A body's head in a parenthesis, name first, alone or after the body's acronym: `(BPA·홍길동 사장)`.
_NAME_THEN_TITLE = compiled_re(rf"(?P<body>[가-힣A-Za-z]+)\({_ACRONYM_FIRST}(?P<name>[가-힣]{{3,4}}) (?P<title>[가-힣]{{1,8}})\)")


def _parenthesised(people: People) -> None:
    """`세종시(시장 최민호)`, `(장관: 서승환)`, `(원장 박춘란, 이하 …)`, `방문단(단장 홍만표 도 국제통상과장)`,
    `공사(BPA·홍길동 사장)`: a body's head."""
    text = people.article.text
    for match in _parenthesis().finditer(text):
        if text[match.start()] != "," or _inside_parenthesis(text, match.start()):
            _add_head(people, match, match["suffix"])
    for match in _NAME_THEN_TITLE.finditer(text):
        if split_title(match["body"]) is None \
                and is_korean_name(people, people.article.word(*match.span("name"))):  # not `단장(장시성 당서기)`
            _add_head(people, match, None)


def _add_head(people: People, match: re.Match, suffix: str | None) -> None:
    body, title, name = match.group("body", "title", "name")
    titled = split_title(title)
    if titled is None or title in titles().anonymous_titles or not lexicons.korean_name_form(name) \
            or split_title(name):  # `(회장·이사장)`: two titles
        return
    title = f"{titled[0]} {suffix}" if suffix else titled[0]
    speaker = Speaker(name=name, title=title, organization=canonical(body) if body else None)
    people.entries.append((match.start(), speaker, {title}))
    people.phrases.append(PersonPhrase(speaker, match.start(), name_span=match.span("name")))


_TITLE_THEN_NAME = compiled_re(r"(?<![가-힣])(?P<title>[가-힣]{2,10})\((?P<name>[가-힣]{3,4})\)")


def _named_in_parenthesis(people: People) -> None:
    """`상황분석계장(김민호)은`: a title word, then the holder's Korean name alone in a parenthesis."""
    for match in _TITLE_THEN_NAME.finditer(people.article.text):
        title, name = match.group("title", "name")
        titled = split_title(title)
        if titled is None or title in titles().anonymous_titles or not lexicons.korean_name_form(name) \
                or name in people.heads.participant_nouns or name in titles().not_name_words \
                or people.article.dictionary_nouns(*match.span("name")):
            continue  # `청장(차관급)`
        speaker = Speaker(name=name, title=titled[0], organization=titled[1])
        phrase = PersonPhrase(speaker, match.start(), name_span=match.span("name"))
        people.entries.append((match.start(), speaker, {titled[0]}))
        people.phrases.append(phrase)
        people.apposed[match.end()] = phrase


def _inside_parenthesis(text: str, position: int) -> bool:
    """Is text[position] inside a parenthesis opened on its line?"""
    line_start = text.rfind("\n", 0, position) + 1
    return text.rfind("(", line_start, position) > text.rfind(")", line_start, position)


#: A parenthesis glued after a word (`김철수(안양시청 과장)는`, `사미아(관광객)`, `홍길동(45·회사원)씨`).
#: A Latin spelling may stand a space apart (`폴 배레트 (Paul Barrett, 남) 소령`).
_APPOSITION = compiled_re(r"(?<=[가-힣]) ?\(([^()\n]{1,60})\)")
_APPOSITION_PARTS = compiled_re(r"[^,·/]+")
_AGE_PART = compiled_re(r"\d{1,3}세?")
_GLOSS_PART = compiled_re(r"[\u4e00-\u9fffA-Za-z .'\-]+")
_HAN = compiled_re(r"[\u4e00-\u9fff]")
_OPENING_MARKS = "“\"'‘「『([<{⊙"  # ⊙ opens a transcript line: `⊙홍길동(…):`


@dataclass(frozen=True)
class Apposition:
    """What a parenthesis after a name says of the person: a title (or a role noun) and a body."""

    title: str | None = None
    organization: str | None = None
    age: bool = False
    photo: bool = False   # `(사진 왼쪽)`: where the person stands in the picture
    place: bool = False   # `(서울 강동구)`, `(인도)`: where the person lives or comes from
    gloss: str | None = None  # `(田錫軍, …)`: the name in Chinese characters


def _apposed(people: People) -> None:
    """`김철수(안양시청 정보통신과장)는`, `카림 벤제마(알제리 내무부 차관)는`, `사미아(캐나다 관광객)`,
    `이영희(사진 오른쪽) 교수`, `김철수 안양시장(사진 왼쪽 둘째)이`: who a named person is, in a
    parenthesis right after the name (or after the name and title)."""
    for match in _APPOSITION.finditer(people.article.text):
        found = _apposition(people, match)
        if found:
            phrase, head_end = found
            people.apposed[head_end] = phrase
            _add_phrase(people, [], phrase)


def _apposition(people: People, match: re.Match) -> tuple[PersonPhrase, int] | None:
    words = _words_before(people.article, match.start())
    if not words or words[-1].particle or has_legal_form(match.group()):
        return None  # `한빛(주) 대표`: the parenthesis marks a company, not who a person is
    if split_title(clean(words[-1].stem)):  # `김철수 안양시장(사진 왼쪽)이`: the phrase before it
        phrase = phrase_ending_at(people, words, len(words) - 1)
        return (phrase, match.end()) if phrase and phrase.speaker.name else None
    said = _apposition_parts(people, match)
    title, head_end = _title_after_parenthesis(people, match.end(), aged=bool(said and said.age))
    spelt = bool(said and said.gloss) and any(c.end == words[-1].end for c in people.glossed_names)
    if match.group().startswith(" ") and not spelt:
        return None  # apart from the word, only a name's Latin spelling is about it
    if said is None or not (title or said.title or said.age or said.photo or said.place or spelt):
        return None  # a Latin spelling word for word shows a person's name (`누룰 후다(Nurul Huda)는`)
    span = _name_before_parenthesis(people, words, said, titled=bool(title or said.title or spelt))
    if span is None:
        return None
    name = people.article.text[span[0]:span[1]]
    speaker = Speaker(name=name, title=said.title or title, organization=said.organization)
    return PersonPhrase(speaker, span[0], name_span=span), head_end


#: Korean names listed before the title they share: `홍길동·김철수 의원`, `홍길동, 김철수, 이영희 의원 등`.
_NAME_LIST = compiled_re(r"(?<![가-힣])((?:[가-힣]{3,4}(?:[·ㆍ]|, ?)){1,8}[가-힣]{3,4}) (?=[가-힣])")
_LIST_MARK = compiled_re(r"[·ㆍ]|, ?")


def _listed(people: People) -> None:
    """Every name of a list of Korean names before one title is a person with that title."""
    article = people.article
    for match in _NAME_LIST.finditer(article.text):
        found = _named_title_after(people, match.end())
        if found is None:
            continue
        title_word, title = found
        spans = _list_items(match.start(1), match.group(1))
        names = [article.word(*span) for span in spans]
        if all(is_korean_name(people, name) for name in names):
            for start, end in spans:
                speaker = Speaker(name=article.text[start:end], title=title)
                _add_phrase(people, [], PersonPhrase(speaker, start, name_span=(start, end)))


def _named_title_after(people: People, end: int):
    """The clause's next word and its title, when it is a title a named person holds (not `씨`-like)."""
    article = people.article
    after = article.clause_words_between(end, min(len(article.text), end + 20))
    titled = split_title(clean(after[0].stem)) if after and after[0].noun_stem else None
    if titled is None or title_in(titled[0]) in titles().anonymous_titles:
        return None
    return after[0], titled[0]


def _list_items(start: int, written: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for mark in [*_LIST_MARK.finditer(written), None]:
        end = mark.start() if mark else len(written)
        spans.append((start + position, start + end))
        position = mark.end() if mark else end
    return spans


#: A name set in single quotes before its title: `‘실베스트르 쿠아씨 빌레’ 대사`.
_QUOTED_NAME = compiled_re(r"[‘'](?P<name>[가-힣]+(?: [가-힣]+){0,3})[’'] (?=[가-힣])")


def _quoted_names(people: People) -> None:
    """`코트디부아르 ‘실베스트르 쿠아씨 빌레’ 대사`: a transliterated name of two or more words (or a
    Korean name) quoted before its title, Kiwi reading a word of it as no common noun or a country
    named before it; one foreign word there is as often a nickname or a term."""
    article = people.article
    for match in _QUOTED_NAME.finditer(article.text):
        found = _named_title_after(people, match.end())
        if found is None:
            continue
        title_word, title = found
        words = [article.word(match.start("name") + m.start(), match.start("name") + m.end())
                 for m in re.finditer(r"\S+", match.group("name"))]
        korean = len(words) == 1 and is_korean_name(people, words[0])
        foreign = any(_foreign_looking(people, w) for w in words) or _after_country_at(people, match.start())
        if korean or len(words) > 1 and foreign and all(
                _name_shaped(people, w) or title_in(clean(w.stem)) in titles().courtesy_titles for w in words):
            span = match.span("name")
            phrase = PersonPhrase(Speaker(name=match.group("name"), title=title), span[0], name_span=span)
            people.apposed[title_word.start + len(title_word.stem)] = phrase
            _add_phrase(people, [], phrase)


#: Who said the words, in a parenthesis right after their closing mark: `“…”(사미라·29·이집트)`.
_SIGNATURE = compiled_re(r"[”\"]\((?P<inside>[^()\n]{2,40})\)")


def _signed(people: People) -> None:
    """`“한국 음식이 최고예요.”(사미라·29·이집트 유학생)`: the name first, then who the person is."""
    for match in _SIGNATURE.finditer(people.article.text):
        parts = list(_APPOSITION_PARTS.finditer(match.group("inside")))
        start = match.start("inside")
        said = [_said_in(people, start + part.start(), part.group()) for part in parts[1:]]
        described = bool(said) and all(part is not None for part in said)
        merged = {key: value for part in said if part for key, value in part.items()}
        phrase = _labelled_name(people, start + parts[0].start(), parts[0].group(), merged, described)
        if phrase:
            people.signed[match.start()] = phrase
            _add_phrase(people, [], phrase)


def _said_in(people: People, start: int, written: str) -> dict | None:
    """What one part of a signature says of the person (`29`, `이집트 유학생`), None if nothing."""
    text = written.strip()
    if not text:
        return None
    if _AGE_PART.fullmatch(text):
        return {"age": True}
    role = _role_of(people, start + written.index(text), text)
    return role or None


#: A broadcast transcript's speaker label before the words said, on their line or on the line
#: before: `<인터뷰> 사미아(캐나다 관광객) : "…"`, `{마크/ 인도 관광객/ "…"}` (`} {수퍼:…/"…"}`: a caption
#: after another on a one-line transcript), `[인터뷰] 홍길동 /
#: 안양시청 과장 : "…"`, `[홍길동/안양시청 과장]` then `"…"` on the next line.
_LABEL = compiled_re(
    r"(?:^|(?<=\}[ \t])(?=\{))[ \t]*(?P<cue>[<\[【]\s*(?:인터뷰|녹취|현장음|싱크|INT|SYNC)\s*[>\]】]|◀\s*(?:INT|SYNC|인터뷰|녹취)\s*▶)?[ \t]*"
    r"(?:(?P<open>[{\[])[ \t]*(?:(?:수퍼|자막)[ \t]*[:：][ \t]*)?)?(?P<label>[^\n\"“”{}\[\]<>:：]{2,60}?)[ \t]*"
    r"(?:[:：/][ \t]*|(?(open)\][ \t]*\n[ \t]*|(?!)))(?=[\"“])", re.MULTILINE)
#: A transcript's caption line naming who speaks the paragraph below it, which is nothing but the
#: quote: `인터뷰> 홍길동 / 안양시청 과장`, `◀INT▶홍길동/시민`, `홍길동 안양시장`, `루카 비안키 (이탈리아, 관광객)`;
#: an editor's note in parentheses may stand on a line between them (`(*말자막)`, `(자막)`).
_CUE_LINE = compiled_re(
    r"^[ \t]*(?P<cue>[<\[【]?[ \t]*(?:인터뷰|녹취|INT|SYNC)[ \t]*[>\]】]|◀[ \t]*(?:INT|SYNC|인터뷰|녹취)[ \t]*▶)?[ \t]*"
    r"(?P<label>[^\s\"“”'‘’{}\[\]<>:：][^\n\"“”'‘’{}\[\]<>:：]{1,59}?)[ \t]*\n(?:[ \t]*\n)*"
    r"(?:[ \t]*\(\*?[^()\n]{1,20}\)[ \t]*\n)?[ \t]*"
    r"(?=[\"“][^\"“”]{1,800}[\"”][ \t.]*$)", re.MULTILINE)
#: Words said with no quotation marks, after the speaker's caption (docs/CONTRACT.md: a broadcast soundbite):
#: a transcript line `⊙홍길동(안양시청 과장): …` or `⊙인터뷰: …`, a bracketed caption `[홍길동/안양시청 과장: …]`.
CAPTION_SOUNDBITES = (
    compiled_re(r"^[ \t]*⊙[ \t]*(?P<label>[^\n:：()⊙]{2,20}?(?:\([^()\n]{1,40}\))?)[ \t]*[:：][ \t]*"
                r"(?P<words>[^\s\"“”'‘][^\n]*?)[ \t]*$", re.MULTILINE),
    compiled_re(r"\[[ \t]*(?P<label>[^\]\[\n/:：]{2,20}/[^\]\[\n:：]{2,40}?)[ \t]*[:：][ \t]*"
                r"(?P<words>[^\s\]\[\"“”'‘][^\]\[\n\"“”]*?)[ \t]*\]"),
)
#: A caption cueing an interview or sound on the spot without naming its speaker: `⊙인터뷰: …`.
_UNNAMED_CAPTIONS = ("인터뷰", "녹취", "현장음", "싱크")
#: A cue word and a colon before the label, the words said on a line below (a dash may open it):
#: `[인터뷰 : 홍길동 씨 / 관광객]`, `▶ 인터뷰 : 홍길동 / 안양시청 과장` then `- "…"`.
_COLON_CUE_LABEL = compiled_re(
    r"^[ \t]*(?:(?P<open>\[)|▶)?[ \t]*(?P<cue>인터뷰|녹취|INT|SYNC)[ \t]*[:：][ \t]*"
    r"(?P<label>[^\n\"“”{}\[\]<>:：]{2,60}?)[ \t]*(?(open)\])[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:-[ \t]*)?(?=[\"“])",
    re.MULTILINE)
#: A broadcast's cue for sound heard on the spot or a sound bite, naming nobody: `현장음>`, `◀현장음▶`,
#: `[현장음]`, `◀SYN▶` alone on its line, `<녹취>` or `[인터뷰]` right before the words.
_UNNAMED_CUE = compiled_re(
    r"^[ \t]*(?:[<\[【◀]?[ \t]*현장음[ \t]*[>\]】▶]|◀[ \t]*(?:SYN|SYNC|싱크)[ \t]*▶"
    r"|[<\[【◀][ \t]*(?:녹취|인터뷰)[ \t]*[>\]】▶])[ \t]*\n?[ \t]*(?=[\"“])",
    re.MULTILINE)
_LABEL_SEGMENT = compiled_re(r"[^/]+")
_SPACED_APPOSITION = compiled_re(r"\s\(([^()\n]{1,60})\)\s*$")
_LISTED_NAMES = compiled_re(r"[^*·ㆍ,]+")


def _labelled(people: People) -> None:
    """Who speaks the words after a broadcast's speaker label: the first person it names (every
    person named is listed: `{조영철*조은별/ 충남 서산/ "…"}`)."""
    text = people.article.text
    for match in [*_LABEL.finditer(text), *_CUE_LINE.finditer(text), *_COLON_CUE_LABEL.finditer(text)]:
        phrases = [] if match.group("label").strip() in _UNNAMED_CAPTIONS else _label_phrases(people, match)
        if phrases and phrases[0].speaker.title not in _reporter_roles():  # `김정옥 기자 / “…”` is a byline
            people.labelled[match.end()] = phrases[0]
            for phrase in phrases:
                _drop_shorter_readings(people, phrase)
                _add_phrase(people, [], phrase)
        elif not phrases and match.group("cue"):  # an interview's cue: someone new speaks, unread or unnamed
            people.labelled[match.end()] = PersonPhrase(Speaker(), match.start(), unnamed=True)
    for match in _UNNAMED_CUE.finditer(text):
        people.labelled[match.end()] = PersonPhrase(Speaker(), match.start(), unnamed=True)
    for match in (match for pattern in CAPTION_SOUNDBITES for match in pattern.finditer(text)):
        _caption(people, match)


def _drop_shorter_readings(people: People, phrase: PersonPhrase) -> None:
    """The label reads its whole name (`뤽 보세니`): a shorter reading of the same words, by the
    parenthesis after them (`보세니`), is dropped."""
    if not phrase.name_span:
        return
    start, end = phrase.name_span
    people.phrases = [p for p in people.phrases if not p.name_span or p.name_span == phrase.name_span
                      or not (start <= p.name_span[0] and p.name_span[1] <= end)]
    people.apposed = {at: p for at, p in people.apposed.items() if p in people.phrases}
    people.entries = [e for e in people.entries if not (start < e[0] < end)]


def _caption(people: People, match: re.Match) -> None:
    """Who speaks the unmarked words after a caption, by where the words start: the person it names,
    nobody for an interview's cue; a caption naming no one (`⊙기자:`, `⊙앵커:`) is the newsroom's voice,
    no soundbite."""
    if match.group("label").strip() in _UNNAMED_CAPTIONS:
        people.labelled[match.start("words")] = PersonPhrase(Speaker(), match.start(), unnamed=True)
        people.soundbites.append(match.span("words"))
        return
    phrases = _label_phrases(people, match)
    if phrases and phrases[0].speaker.title not in _reporter_roles():
        people.labelled[match.start("words")] = phrases[0]
        people.soundbites.append(match.span("words"))
        for phrase in phrases:
            _add_phrase(people, [], phrase)


@lru_cache(maxsize=None)
def _reporter_roles() -> frozenset:
    return frozenset(lexicons.load("bylines")["roles"])


def _label_phrases(people: People, match: re.Match) -> list[PersonPhrase]:
    """The persons of a label: names (`홍길동*김철수`, `사미아(캐나다 관광객)`), then who they are."""
    segments = list(_LABEL_SEGMENT.finditer(match.group("label")))
    first, offset = segments[0].group(), match.start("label") + segments[0].start()
    cued = bool(match.groupdict().get("cue"))
    said: dict | None = {}
    if len(segments) > 1:
        described = segments[1].group().strip()
        said = _role_of(people, offset + segments[1].start() - segments[0].start()
                        + segments[1].group().index(described), described) if described else {}
    spaced = _SPACED_APPOSITION.search(first)
    if spaced:  # `리사 샤이디히 (독일, 명예기자단)`: the parenthesis says who, as after a slash
        parts = _apposition_parts(people, _SPACED_APPOSITION.search(people.article.text, offset + spaced.start(),
                                                                   offset + len(first)))
        said = {"title": parts.title, "organization": parts.organization} if parts else None
        first = first[:spaced.start()]
    elif "(" in first and first.rstrip().endswith(")") and cued:  # `<인터뷰> 다스(미국인) :`: who, as after a slash
        inside = _APPOSITION.search(people.article.text, offset, offset + len(first))
        parts = _apposition_parts(people, inside) if inside else None
        said = {"title": parts.title, "organization": parts.organization} if parts else {}
        first = first[:first.index("(")]
    elif "(" in first and first.rstrip().endswith(")"):
        return [phrase for phrase, _ in filter(None, [_apposition(people, m) for m in
                                                     _APPOSITION.finditer(people.article.text, offset, offset + len(first))])]
    if said is None:
        return []
    names = list(_LISTED_NAMES.finditer(first))
    described = len(segments) > 1 or len(names) > 1 or bool(spaced) or cued
    return [phrase for phrase in (_labelled_name(people, offset + name.start(), name.group(), said, described, cued)
                                  for name in names) if phrase]


def _labelled_name(people: People, start: int, written: str, said: dict, described: bool,
                   cued: bool = False) -> PersonPhrase | None:
    """One name of a label: a Korean name, a person phrase ending in a title (`홍길동 안양시장`), or,
    in a label that says who the person is or lists several, one to four name-shaped words. After an
    interview's cue (`<인터뷰>`, `인터뷰 :`) the label's place says the words are a name, however Kiwi
    reads them (`다스`, `로이어 원장`)."""
    stripped = written.strip()
    if not stripped:
        return None
    start += written.index(stripped)
    words = [people.article.word(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", stripped)]
    if split_title(clean(words[-1].stem)):
        phrase = phrase_ending_at(people, words, len(words) - 1)
        if phrase and phrase.speaker.name or not cued or len(words) < 2:
            return phrase if phrase and phrase.speaker.name else None
        said = {**said, "title": clean(words[-1].stem)}
        words = words[:-1]
        stripped = people.article.text[start:words[-1].end]
    korean = len(words) == 1 and is_korean_name(people, words[0]) and (described or words[0].tags == ("NNP",))
    shaped = _cued_name_word if cued else _name_shaped
    if not korean and not (described and len(words) <= MAX_NAME_WORDS and all(shaped(people, w) for w in words)
                           and (cued or said.get("title") or any(_foreign_looking(people, w) for w in words))):
        return None  # `[사진/안양시]`: a common noun with a place is no name; `{마크/ 인도 관광객/` is
    speaker = Speaker(name=stripped, title=said.get("title"), organization=said.get("organization"))
    return PersonPhrase(speaker, start, name_span=(start, start + len(stripped)))


def _cued_name_word(people: People, word: Word) -> bool:
    """A word of a name after an interview's cue: Hangul, no particle, none of the words that never
    stand in a name, whatever ending Kiwi reads into it (`도고` as 돋 + 고); a surname of one syllable
    is one even where it is also a common word (`코니 양`: a surname after the given name)."""
    written = _as_written(people, word)
    return bool(re.fullmatch(r"[가-힣]{1,6}", written)) and (
        written in titles().surnames or not never_in_name(people, word, written))


def _anonymised(written: str) -> bool:
    """`김모(57) 씨`: a surname and 모 stand for someone the article does not name."""
    stem = clean(written)
    return stem.endswith("모") and stem[:-1] in titles().surnames


def _words_before(article: ArticleWords, position: int) -> list[Word]:
    """The clause words ending right before text[position], the last one cut there."""
    text = article.text
    start = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position)) + 1
    while start < position and text[start] in _OPENING_MARKS:
        start += 1
    if start >= position:
        return []
    before = article.clause_words_between(max(0, start - 120), start, at_most=MAX_PHRASE_WORDS)
    return [*before, article.word(start, position)]


def _apposition_parts(people: People, match: re.Match) -> Apposition | None:
    """What the parenthesis says, part by part (`45·회사원`, `田錫軍, 통화시 부주임`), or None when it
    names the head of the body before it (`(시장 최대호)`)."""
    found: dict = {}
    for part in _APPOSITION_PARTS.finditer(match.group(1)):
        text = part.group().strip()
        if _AGE_PART.fullmatch(text):
            found["age"] = True
        elif _GLOSS_PART.fullmatch(text):
            found["gloss"] = text
        elif text:
            role = _role_of(people, match.start(1) + part.start() + part.group().index(text), text)
            if role is None:
                return None
            found.update(role)
    return Apposition(**found)


def _role_of(people: People, start: int, text: str) -> dict | None:
    """One part of a parenthesis: a title with its body (`알제리 내무부 차관`), a role noun
    (`캐나다 관광객`), a picture's position (`사진 왼쪽 둘째`), a place (`서울 강동구`), something
    else (`통화시인대상위회부주임`: {}), or None for a head named with the title (`시장 최대호`)."""
    lex = titles()
    words = [people.article.word(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text)]
    last = clean(words[-1].stem)
    if any(clean(w.stem) in lex.photo_words for w in words):
        return {"photo": True}
    if last in lex.person_nouns:
        return {"title": last}
    if split_title(last):
        phrase = phrase_ending_at(people, words, len(words) - 1)
        if phrase is None or phrase.speaker.name or phrase.surname:
            return None  # `(시장 최대호)`: the head of the body before the parenthesis
        return {"title": phrase.speaker.title, "organization": phrase.speaker.organization}
    if all(_in_country(w, people.countries) or clean(w.stem) in lex.regions or _org_suffix(clean(w.stem))
           for w in words):
        return {"place": True}
    return {}


def _title_after_parenthesis(people: People, after: int, aged: bool = False) -> tuple[str | None, int]:
    """(title, where its stem ends) right after a closing parenthesis: glued `씨`/`님`, or a title
    word after a space (`이영희(사진 오른쪽) 교수가`) or glued (`판보(Pan bo)기자는`), or, after an age, a noun saying who the person
    is (`주우식(26, 가천대학교) 학생은`; `두바이(UAE) 교민` is a place's); else (None, the parenthesis's end)."""
    text = people.article.text
    courtesy = next((t for t in titles().courtesy_titles if text.startswith(t, after)), None)
    if courtesy:
        return courtesy, after + len(courtesy)
    start = after + 1 if text[after:after + 1] == " " else after  # glued: `판보(Pan bo)기자는`
    words = people.article.clause_words_between(start, min(len(text), after + 30))
    titled = words and words[0].start == start and words[0].noun_stem and (
        split_title(clean(words[0].stem)) or aged and clean(words[0].stem) in titles().person_nouns)
    if titled and title_in(clean(words[0].stem)) not in titles().anonymous_titles:  # `공사(사장 …) 관계자`
        return clean(words[0].stem), words[0].start + len(words[0].stem)
    return None, after


def _name_before_parenthesis(people: People, words: list[Word], said: Apposition,
                             titled: bool) -> tuple[int, int] | None:
    """The name the parenthesis is about: a Korean name, or one to four transliterated words
    (after the common nouns that describe the person: `캐나다 관광객 사미아`). A transliterated
    name needs a title, a role or an age to tell it from a place (`쿠알라룸푸르(말레이시아)`), and
    one Kiwi reads as common nouns two words and an age (`태미 로스(54)`); one word spelt in
    Chinese characters after it is a name though it ends like a body (`전석군(田錫軍, …)`)."""
    last = words[-1]
    described = titled or bool(said.title) or said.age
    before = len(words) - 2
    after_part = before >= 0 and _adjacent(people, words, before, before + 1) and \
        _is_foreign_name_part(people, words[before])  # `마쓰다 이와오(69)`: no Korean name
    if is_korean_name(people, last) and (described or last.tags == ("NNP",)) and not after_part:
        return last.start, last.end  # a place or a picture alone says little: `기록관(호수공원)`
    if not described or _anonymised(last.stem):
        return None
    if said.gloss and re.fullmatch(r"[가-힣]{1,4}", clean(last.stem)):
        return _spelt_name(people, words, said.gloss)  # `전석군(田錫軍, …) 단장`, `아베 신조(安倍晋三) 총리`
    first = len(words) - 1
    while first >= 0 and len(words) - first <= MAX_NAME_WORDS and _name_shaped(people, words[first]) \
            and (first == len(words) - 1 or _adjacent(people, words, first, first + 1)):
        first -= 1
    run = words[first + 1:]
    while len(run) > 1 and (run[0].stem_tags == ("NNG",) and len(clean(run[0].stem)) > 1 or _verb_syllable(run[0])):
        run = run[1:]  # `관광객 사미아`: a common noun describing the person; `케냐에서 온`: a verb
    if not run or not (any(_foreign_looking(people, w) for w in run) or said.age and len(run) > 1):
        return None
    return run[0].start, last.end


def _spelt_name(people: People, words: list[Word], gloss: str) -> tuple[int, int]:
    """The name a gloss spells: a Hangul word for each word of a Latin spelling (`아리안 탄(Alian Tan)`);
    in Chinese characters, the word before the gloss, which has a
    syllable a character or more (`전석군(田錫軍)`, `천하이펑(陳海峰)`), else that word and the foreign
    name word before it (a given name in a Japanese reading, a surname written apart:
    `아베 신조(安倍晋三)`, `왕 리(王力)`), as are two words of a Japanese reading before a whole
    name's characters, however long the reading (`시라이 가쓰히코(白井克彦)`)."""
    last, before = words[-1], len(words) - 2
    spelt = next((c for c in people.glossed_names if c.end == last.end), None)
    if spelt:
        return spelt.start, spelt.end  # `아리안 탄(Alian Tan)`: a word for each word of the Latin spelling
    if before < 0 or not _adjacent(people, words, before, before + 1):
        return last.start, last.end
    characters = len(_HAN.findall(gloss))
    surname_before = len(clean(last.stem)) < characters and _name_shaped(people, words[before]) \
        and _foreign_looking(people, words[before])
    japanese_reading = characters > 2 and japanese_word(people, last) and japanese_word(people, words[before])
    return (words[before].start if surname_before or japanese_reading else last.start), last.end


def is_korean_name(people: People, word: Word) -> bool:
    """Surname + given name. Kiwi tags unknown names NNG as often as NNP, so common
    nouns are ruled out by what they are. A gloss in Chinese characters may follow (`조해녕(曺海寧)`)."""
    stem = clean(word.stem)
    if word.particle or not _noun_or_root(word) or not lexicons.korean_name_form(stem):
        return False
    lex = people.heads
    if stem in lex.generic or stem in lex.participant_nouns or stem in titles().not_name_words \
            or stem in titles().person_nouns:  # `조선족 동포`
        return False
    if stem[:-1] in titles().regions or _in_country(word, people.countries) or _foreign_city(stem):
        return False  # `경기도`, `서울시`, `이라크`, `하노이`: a place with a surname's first syllable
    if people.is_known_name(stem):
        return True  # named before as a person (`보성군(군수 이용부)`), though it ends like a body
    return split_title(stem) is None and not common_noun(people, word) and not is_organization_word(people.reading, word)


def common_noun(people: People, word: Word) -> bool:
    """A word that only has a Korean name's form: a common noun Kiwi knows (`연구소`, `전문가`,
    `추진단`), or a noun and a derivational suffix (`정보화`, `안전성`, `유학생`)."""
    return word.stem_tags == ("NNG", "XSN") or len(people.article.dictionary_nouns(word.start, word.start + len(word.stem))) == 1


def _noun_or_root(word: Word) -> bool:
    """A nominal word, or one Kiwi split into a root and a noun (`박정민` = 박정/XR + 민/NNG), or a
    noun before its one-word gloss (`조해녕(曺海寧)`), or a proper noun Kiwi reads with a stray
    syllable around it (`조광한` = 조광/NNP + 하 + ㄴ, `이한일` = 이/IC + 한일, `서동욱` = 서동 + 욱/MAG),
    or a noun whose last syllable Kiwi reads as a determiner before the title (`안광현` = 안광 + 현/MM)."""
    return word.full or "".join(word.forms) == clean(word.stem) or bool(word.stem_tags) and (
        word.stem_tags[0] == "XR" and all(tag in NOMINAL_TAGS for tag in word.stem_tags[1:])
        or word.stem_tags[-1] == "MM" and len(word.stem_tags) > 1 and all(tag in NOMINAL_TAGS for tag in word.stem_tags[:-1])
        or _proper_noun_misread(word))


def _proper_noun_misread(word: Word) -> bool:
    return "NNP" in word.stem_tags and len(word.stem_tags) <= 3 and not word.stem_tags[-1].startswith("V")


def _is_foreign_name_part(people: People, word: Word, glossed: bool = False) -> bool:
    """A word of a transliterated name; one syllable, or a common noun, only right before its
    romanised gloss (`리(Lee)`, `캄파이 봉사(Khamphay Vongsa)`)."""
    stem = clean(word.stem)
    # Kiwi reads some syllables of foreign names as bare verb stems (`누르`), which never stand alone.
    name_like = word.full or (word.stem_tags and word.stem_tags[-1].startswith("V")) or _misread_name_word(people, word)
    if word.particle or not name_like or has_legal_form(word.stem) \
            or not re.fullmatch(r"[가-힣]{1,}" if glossed else r"[가-힣]{2,}", stem):
        return False  # `한빛(주)`: a company
    lex = people.heads
    if stem in lex.generic or stem in people.places or stem in people.headed_places or stem in lex.participant_nouns:
        return False
    if stem in titles().not_name_words or stem in titles().international_bodies or split_title(stem) \
            or _in_country(word, people.countries) or _foreign_city(stem) \
            or _after_country(word, people) and not _before_known_place(people, word) \
            or _place_inside_known_place(people, word):
        return False  # `카밀 조셉 바를락 뉴욕 부시장`, `중국 시안 리밍위안 시장`: the city is the body
    if is_organization_word(people.reading, word) or _compound_of_known_nouns(people, word):
        return False
    # a word right before the original spelling is a name's even where it reads as a common noun (`봉사`)
    return glossed or "NNP" in word.tags or any(len(form) == 1 for form in word.forms) or not word.full \
        or _unknown_noun(people, word)


def _unknown_noun(people: People, word: Word) -> bool:
    """A noun Kiwi only guesses at, knowing no word of it (`러슬` of `러슬 가이`)."""
    morphs = people.article.morphs_in(word.start, word.start + len(word.stem))
    return bool(morphs) and all(m.oov for m in morphs)


def _compound_of_known_nouns(people: People, word: Word) -> bool:
    """`교통국` (교통+국): a compound opening with a word Kiwi knows, a body's or a thing's name;
    a name Kiwi splits into syllables (`왕리`: 왕+리) opens with one syllable."""
    nouns = people.article.dictionary_nouns(word.start, word.end)
    return len(nouns) > 1 and len(nouns[0].form) > 1


def _before_known_place(people: People, word: Word) -> bool:
    """A known foreign city or province follows the word (`중국 왕리웨이 장쑤성 부성장`): that is the
    country's place, not the word."""
    words = people.article.words
    index = people.article.index_at(word.start) + 1
    return index < len(words) and people.article.joined(word, words[index]) and _foreign_city(clean(words[index].stem))


def _place_inside_known_place(people: People, word: Word) -> bool:
    """A word ending in a local government's head after a known foreign province or city (`사천성
    면양시`): a place inside it."""
    words, stem = people.article.words, clean(word.stem)
    if not stem.endswith(_city_heads()):
        return False
    index = people.article.index_at(word.start) - 1
    return index >= 0 and people.article.joined(words[index], word) and _foreign_city(clean(words[index].stem)) \
        and not (stem.endswith("시") and _city_holding_no_city(clean(words[index].stem)))


def _city_holding_no_city(place: str) -> bool:
    """A known city (no province) of a country whose cities hold no cities (`더반`, not `쑤저우`)."""
    country = lexicons.foreign_cities().get(place)
    return country is not None and country not in lexicons.load("name_heads")["cities"]["nesting_countries"]


def _after_country(word: Word, people: People) -> bool:
    """Right after a country's name (`중국 시안`, `프랑스 니스`): a place of that country."""
    return _after_country_at(people, word.start)


def _after_country_at(people: People, position: int) -> bool:
    return people.countries.end_at(position - 1) and people.article.text[position - 1] == " "


def _in_country(word: Word, countries: Spans) -> bool:
    return countries.overlap(word.start, word.end)


def _org_suffix(stem: str) -> bool:
    return any(stem.endswith(suffix) for suffix in titles().organization_suffixes)


def _with_region(people: People, words: list[Word], head: int, title: str, organization: str | None):
    """(title, organization, its span, the index before them): a region right before an office
    is part of its title (`전북 무주군수`), and of the body where district names are shared
    (`대전 중구청장`)."""
    word = words[head]
    body_span = (word.start, word.start + len(organization)) if organization else None
    position = head - 1
    if organization and position >= 0 and _region(people, clean(words[position].stem)) \
            and not words[position].particle and _adjacent(people, words, position, head):
        region = clean(words[position].stem)
        title = f"{region} {title}"
        if organization in people.heads.shared_district_names:  # `대전 중구청장`; `전북 무주군수` heads 무주군
            organization = f"{region} {organization}"
            body_span = (words[position].start, body_span[1])
        position -= 1
    elif organization and _foreign_country_before(people, words, head):  # `요르단 물품공급청장`
        organization = f"{clean(words[position].stem)} {organization}"
        body_span = (words[position].start, body_span[1])
        position -= 1
    return title, organization, body_span, position


def _region(people: People, text: str) -> bool:
    """`전북`, `경기도`: a province, short or full."""
    return text in titles().regions or text in people.heads.provinces


def _foreign_country_before(people: People, words: list[Word], head: int) -> bool:
    """A foreign country names its body of common nouns (`이라크 정보통신부장관`), as `콜롬비아
    교통부` does; Korea's own bodies are named without it."""
    before = words[head - 1] if head > 0 else None
    return before is not None and not before.particle and _adjacent(people, words, head - 1, head) \
        and _in_country(before, people.countries) and clean(before.stem) not in lexicons.host_country_names() \
        and all(tag == "NNG" for tag in words[head].tags)



def phrase_ending_at(people: People, words: list[Word], head: int) -> PersonPhrase | None:
    """The person phrase whose last word is words[head], or None if it names nobody."""
    lex = titles()
    word = words[head]
    apposed = people.apposed.get(word.start + len(word.stem))
    if apposed and apposed.start >= (words[0].start if words else 0):
        return replace(apposed, speaker=apposed.speaker.model_copy())
    stem = clean(word.stem)
    if stem in lex.suffixes and word.noun_stem:
        return _title_with_suffix(people, words, head)
    titled = split_title(stem) if word.noun_stem and not _common_noun_title(people, words, head) else None
    if titled is None and stem in lex.person_nouns and word.noun_stem:
        return _named_by_role(people, words, head) or _name_after_title(people, words, head)
    if titled is None:  # `자카르타 주지사인 아니스 바스웨단은`: a name after its title, though it ends like a body
        body = organization_named(people, stem) if word.noun_stem else None
        named = _name_after_title(people, words, head)
        return named or (PersonPhrase(Speaker(organization=body), word.start) if body else None)
    return _titled_phrase(people, words, head, *titled)


def _lone_transliterated_name(people: People, words: list[Word], index: int) -> bool:
    """`1학년 왕쯔루이 학생은`: one proper noun of three syllables or more that Kiwi does not know, of
    no Korean name's form, naming no body or place, opening its phrase (no other name word before)."""
    word = words[index]
    return word.stem_tags == ("NNP",) and len(clean(word.stem)) > 2 and _unknown_noun(people, word) \
        and transliterated_word(people, word) and not _after_transliterated_word(people, words, index) \
        and not _in_country(word, people.countries) and clean(word.stem) not in people.places | people.headed_places


def _named_by_role(people: People, words: list[Word], head: int) -> PersonPhrase | None:
    """`송예준 생도는`, `한다온 학생이`: a Korean name right before a noun saying who the person is, where
    Kiwi knows no word of it (a word it knows is as often a place or a language: `연평도 주민`, `한국어
    교사`; one it reads with a prefix or a determiner too: `최빈국 주민`, `한부모 가정주부`), or a
    transliterated name of two words or more before the person's country and body (`로빈 오 미국 해사
    생도는`)."""
    before, role = head - 1, clean(words[head].stem)
    if before < 0 or not _adjacent(people, words, before, head):
        return None
    if is_korean_name(people, words[before]) and len(words[before].stem_tags) == 1 \
            and _unknown_noun(people, words[before]) and not _after_transliterated_word(people, words, before) \
            or _lone_transliterated_name(people, words, before):
        first, last = before, before
    else:
        foreign = _foreign_name_by_structure(people, words, before, role, aged=False)
        if not foreign or foreign[1] == foreign[0] or not foreign[2] or not _in_country(foreign[2][0], people.countries):
            return None  # one word before a country is as often a programme's (`스마트팜 베트남 연수생`)
        first, last = foreign[0], foreign[1]
    span = (words[first].start, words[last].start + len(_as_written(people, words[last])))
    speaker = Speaker(name=people.article.text[span[0]:span[1]], title=role)
    return PersonPhrase(speaker, span[0], name_span=span)


def _titled_phrase(people: People, words: list[Word], head: int, title: str,
                   organization: str | None) -> PersonPhrase | None:
    """The person phrase ending in the title word words[head]: a name glued to it, or before it."""
    lex = titles()
    word = words[head]
    glued = _without_title_suffix(title)[:-len(title_in(title))]
    if glued in lex.surnames and glued not in lex.body_shorthands | lex.title_prefixes \
            and not _names_body(people, words, head, organization):
        return PersonPhrase(Speaker(title=title[len(glued):]), word.start, surname=glued)  # `유시장은`: 유 시장
    if title_in(title) in lex.courtesy_titles:
        return _courtesy_phrase(people, words, head)
    if _glued_name(people, word, glued, title):  # `이영희의원은`
        return PersonPhrase(Speaker(name=glued, title=title[len(glued):]), word.start,
                            name_span=(word.start, word.start + len(glued)))
    title, organization, body_span, position = _with_region(people, words, head, title, organization)
    name = _name_before(people, words, position, title, aged=bool(_AGE.search(word.stem)))
    phrase = PersonPhrase(Speaker(title=title, organization=organization), word.start, body_span=body_span)
    if name is None:  # `국토부 관계자`, `신임 장관`
        _take_body_before(people, words, position, phrase)
        return phrase
    return _named_phrase(people, words, phrase, name)


def _named_phrase(people: People, words: list[Word], phrase: PersonPhrase, name: tuple) -> PersonPhrase:
    """The phrase with its name (words[first:last + 1]) and the body written between name and title."""
    lex = titles()
    title, body_span = phrase.speaker.title, phrase.body_span
    first, last, body_words = name
    body_words = [w for w in body_words if not _in_country(w, people.countries)  # `파라과이 센트럴주지사`
                  and w.stem not in lex.title_modifiers and w.stem not in lex.body_shorthands]
    if body_words:
        end = body_span[1] if body_span else body_words[-1].end
        written = clean(people.article.text[body_words[0].start:end])
        implied = lex.bodies.get(title_in(title) or "")
        if implied and not written.endswith(implied):  # `샌프란시스코 시장` heads 샌프란시스코시, never written
            phrase.speaker.organization, phrase.body_span = written + implied, None
        else:
            phrase.speaker.organization, phrase.body_span = canonical(written), (body_words[0].start, end)
    phrase.start = words[first].start
    written = " ".join(_as_written(people, w) for w in words[first:last + 1])
    if len(written) == 1 or people.word_of_known_name(written):
        phrase.surname = written  # `최 시장`, `무자파르 과장`: someone named in full before
    else:
        phrase.speaker.name = written
        phrase.name_span = (words[first].start, words[last].start + len(_as_written(people, words[last])))
    _take_body_before(people, words, first - 1, phrase)
    return phrase


def _glued_name(people: People, word: Word, glued: str, title: str) -> bool:
    """A Korean name written glued to a title of its own (`이영희의원`, `김철수교수`); not to a place's
    title, where the syllables before are as often a place (`남양주시장`)."""
    return len(glued) > 2 and title_in(title) not in titles().suffix_titles and \
        lexicons.korean_name_form(glued) and is_korean_name(people, people.article.word(word.start, word.start + len(glued)))


def _common_noun_title(people: People, words: list[Word], head: int) -> bool:
    """`관광시장`, `해외시장`: a title that is also a common noun, glued after common nouns, is that
    noun, unless a person's name stands before it. A venue Kiwi reads as one noun (`한국종합전시장`,
    `대연회장`) is a place wherever it stands."""
    word = words[head]
    if word.forms and word.forms[-1] in titles().venue_nouns:
        return True
    if len(word.forms) < 2 or word.forms[-1] not in titles().homonym_titles or \
            any(tag != "NNG" for tag in word.tags[:-1]):
        return False
    return head == 0 or not (_adjacent(people, words, head - 1, head) and is_korean_name(people, words[head - 1]))


def _courtesy_phrase(people: People, words: list[Word], head: int) -> PersonPhrase | None:
    """`김영미 씨`, `김철수(62)씨`, `아마드(34)씨`, `김씨`: a name (or a surname) right before
    the courtesy title, or no person at all (`날씨`)."""
    lex = titles()
    word = words[head]
    title = title_in(clean(word.stem))
    glued = clean(word.stem)[:-len(title)]
    if glued in lex.surnames:
        return PersonPhrase(Speaker(title=title), word.start, surname=glued)
    if _anonymised(glued) or not glued and head > 0 and _anonymised(words[head - 1].stem):
        return None  # `박모(54)씨`, `이모 씨`
    if glued and (lexicons.korean_name_form(glued) or (_AGE.search(word.stem) and len(glued) > 1)):
        return PersonPhrase(Speaker(name=glued, title=title), word.start,
                            name_span=(word.start, word.start + len(glued)))
    name = None if glued else _name_right_before(people, words, head)
    if name is None:
        return None
    first, last = name
    return PersonPhrase(Speaker(name=" ".join(clean(w.stem) for w in words[first:last + 1]), title=title),
                        words[first].start,
                        name_span=(words[first].start, words[last].start + len(clean(words[last].stem))))


def _names_body(people: People, words: list[Word], head: int, organization: str | None) -> bool:
    """`박우섭 남구청장`: the syllables before the title are a district's name (남구), not a
    surname glued to it, when the district is one many cities have or a name stands before."""
    return bool(organization) and (organization in people.heads.shared_district_names or (
        head > 0 and _adjacent(people, words, head - 1, head) and is_korean_name(people, words[head - 1])))


def _name_right_before(people: People, words: list[Word], head: int) -> tuple[int, int] | None:
    """(first, last) of a Korean name or a transliterated one (`아마드 칸`, `응우옌 티 란`) ending right
    before words[head]."""
    last = head - 1
    if last < 0 or not _adjacent(people, words, last, head):
        return None
    if is_korean_name(people, words[last]) and not (_after_transliterated_word(people, words, last) and any(
            _in_country(w, people.countries) for w in words[max(0, last - MAX_NAME_WORDS):last - 1])):
        return last, last  # `우크라이나에서 온 폴리아코바 마리나 씨`, not `인플루언서 박민수 씨`
    first = last
    while first >= 0 and last - first < MAX_NAME_WORDS and _foreign_name_word(people, words[first]) and (
            first == last or _adjacent(people, words, first, first + 1)):
        first -= 1
    while first < last and (_verb_syllable(words[first + 1]) or common_noun(people, words[first + 1])):
        first += 1  # `케냐에서 온`, `딸`: the verb or the noun before the name
    return (first + 1, last) if any(_is_foreign_name_part(people, w) for w in words[first + 1:last + 1]) else None


def _foreign_name_word(people: People, word: Word) -> bool:
    """A word of a transliterated name, or one of its syllables standing apart (`티` of `응우옌 티 란`)."""
    return _is_foreign_name_part(people, word) or len(clean(word.stem)) == 1 and _name_shaped(people, word)


def _title_with_suffix(people: People, words: list[Word], head: int) -> PersonPhrase | None:
    """`이주호 대통령 권한대행`: the phrase of the title before, its title extended."""
    if head == 0 or words[head - 1].particle or not _adjacent(people, words, head - 1, head):
        return None
    surname = clean(words[head - 1].stem)
    if surname in titles().surnames:  # `김 권한대행`: the 김 named earlier with that title
        return PersonPhrase(Speaker(title=clean(words[head].stem)), words[head - 1].start, surname=surname)
    phrase = phrase_ending_at(people, words, head - 1)
    if phrase is None or phrase.speaker.title is None:
        return None
    phrase.speaker.title = f"{phrase.speaker.title} {clean(words[head].stem)}"
    return phrase


def _name_before(people: People, words: list[Word], position: int, title: str, aged: bool = False):
    """(first, last, body words) of the name before words[position + 1], or None.
    A title followed by an age (`단장(45·차관)`) is a person's: one foreign word is then a name."""
    lex = titles()
    if position < 0 or title in lex.anonymous_titles or not _adjacent(people, words, position, position + 1):
        return None
    japanese = _japanese_name_before(people, words, position)
    if japanese:
        return japanese
    korean = _korean_name_before(people, words, position, title) or _given_name_like_city(people, words, position, title)
    if korean:
        return korean
    if _name_after_country(people, words, position, title):
        return position, position, []
    by_parts = _name_of_foreign_parts(people, words, position, title, aged)
    if by_parts and by_parts[1] > by_parts[0]:
        return by_parts
    structured = _known_name_before(people, words, position) or _surname_apart(people, words, position) \
        or _foreign_name_by_structure(people, words, position, title, aged)
    if structured and (by_parts is None or _more_of_the_name(people, words, structured, by_parts)):
        # `일본의 카바시마 이쿠오 구마모토현지사`: more of the name than Kiwi's proper nouns; `히로시마시 아키바
        # 다다토시 히로시마 시장`: a given name Kiwi's proper nouns leave to the body
        return structured
    if by_parts:
        return by_parts
    nearest = words[position]
    if not nearest.particle and len(nearest.stem) == 1 and (
            nearest.stem in lex.surnames | lex.body_shorthands or people.word_of_known_name(nearest.stem)):
        return position, position, []
    return (position, position, []) if _lone_foreign_name(people, words, position, title) else None


def _lone_foreign_name(people: People, words: list[Word], position: int, title: str) -> bool:
    """`코스타리카의 마르티네스 수사관은`, `이에 에라스모 의장은`, `지바시 … 자리에 오른 구마가이 시장은`:
    one word that is no Korean word Kiwi knows, opening the phrase of a person's title (after a
    country's or a foreign place's `의`, a relative clause, or a clause opener), is a foreign name
    written alone. It must be one Kiwi does not know at all, unless a country owns it (a proper
    noun Kiwi knows is as often a company's or an agency's: `코이카 소장`, `구글 연구원`), and
    before a place's title the sentence must have named the place already (`옌타이 시장` is the
    city's mayor)."""
    word, lex = words[position], titles()
    written = _as_written(people, word)
    if word.particle or title_in(title) != title or not re.fullmatch(r"[가-힣]{2,7}", written) \
            or lexicons.korean_name_form(written) or never_in_name(people, word, written) \
            or is_organization_word(people.reading, word):
        return False  # `굿네이버스 홍보대사`: a role of the body before it
    place_title = title in lex.suffix_titles | lex.city_titles | lex.foreign_titles
    body_title = title in lex.body_titles and not place_title
    if not _opens_subject(people, words, position, after_clause=not body_title):
        return False  # `호텔을 운영하는 X 대표`: what a relative clause describes may be the body
    if place_title:
        return unknown_to_kiwi(people, word) and _place_named_before(people, words, position, title)
    return unknown_to_kiwi(people, word) or not body_title and word.stem_tags == ("NNP",) \
        and position > 0 and _of_country(words[position - 1], people)  # not `이날 구글 연구원`


def _opens_subject(people: People, words: list[Word], position: int, after_clause: bool) -> bool:
    """Nothing that could be the name's body stands before it: a sentence or the clause opens there
    (`이에`), a relative clause ends there (`방문한`, where after_clause), or a country or foreign
    place owns it (`페루의`)."""
    if position == 0:
        return True
    text, before = people.article.text, words[position - 1]
    if text[before.start:words[position].start].rstrip().endswith((".", "!", "?")) \
            or "\n" in text[before.end:words[position].start] \
            or not _adjacent(people, words, position - 1, position):
        return True
    opener = clean(text[before.start:before.end]) in titles().not_name_words
    relative = after_clause and not before.particle and before.stem_tags[-1:] == ("ETM",)
    return opener or relative or before.particle == "의" and _foreign_owner(people, before)


def unknown_to_kiwi(people: People, word: Word) -> bool:
    """Kiwi only guesses at the word (`에라스모`), or cuts three syllables or more into single ones
    (`구마가이` read as 구 + 마 + 가 + 이; two, `양행` = 양 + 행, are as often a Korean compound)."""
    morphs = people.article.morphs_in(word.start, word.start + len(word.stem))
    return bool(morphs) and (all(m.oov for m in morphs) or len(morphs) > 2 and all(len(m.form) == 1 for m in morphs))


def _place_named_before(people: People, words: list[Word], position: int, head: str) -> bool:
    """The place a place's title belongs to, written glued to its head earlier in the phrase's
    sentence (`지바시 최고 행정 수장 자리에 오른 구마가이 시장`)."""
    body, text = titles().bodies.get(head), people.article.text
    return bool(body) and any(clean(w.stem).endswith(body) and clean(w.stem)[:-len(body)] in people.headed_places
                              and "." not in text[w.end:words[position].start] for w in words[:position])


def _more_of_the_name(people: People, words: list[Word], structured: tuple, by_parts: tuple) -> bool:
    """Does the name read by structure open earlier, or at the same word and run on, still before
    a body (not `장쑤성` of `왕리웨이 장쑤성 부성장`), over words Kiwi does not read as common
    nouns (`다다토시`, not `관광` of `다나카 관광 국장`)?"""
    longer = words[by_parts[1] + 1:structured[1] + 1]
    return structured[0] < by_parts[0] or structured[0] == by_parts[0] and bool(longer) and bool(structured[2]) \
        and all(_foreign_looking(people, word) for word in longer)


def _given_name_like_city(people: People, words: list[Word], position: int, title: str):
    """`후지타 히토시 부시장`: a given name ending like a city (`히토시`) right before a city's title,
    after a surname Kiwi reads as a foreign proper noun, is the name's, when Kiwi reads it as one
    word (not `양주` + `시`), the article names no such city outside the name and no region or
    longer run of name words stands before (`경기 포천시 부시장`). Before another title
    (`가미쿠보 미츠구 부의장`), Kiwi must know neither word, unless both are written only in Japanese
    names' syllables (`모리타 타다시 교육장`) or the title writes its own place (`오스카 츠요시
    주부산일본국총영사`)."""
    given = words[position]
    stem = clean(given.stem)
    unknown_pair = position > 0 and unknown_to_kiwi(people, given) and unknown_to_kiwi(people, words[position - 1])
    japanese_pair = position > 0 and all(map(_japanese_syllable, stem)) and japanese_word(people, words[position - 1])
    if not (title in titles().city_titles or unknown_pair or japanese_pair or _title_with_own_body(title)) \
            or given.particle \
            or position < 1 or len(stem) < 3 \
            or given.stem_tags != ("NNP",) or not stem.endswith(_city_heads()) or _foreign_city(stem) \
            or stem in people.places:
        return None
    surname = words[position - 1]
    if not (_adjacent(people, words, position - 1, position) and "NNP" in surname.tags
            and _is_foreign_name_part(people, surname) and not _region(people, clean(surname.stem))):
        return None
    longer = position > 1 and _adjacent(people, words, position - 2, position - 1) \
        and _name_shaped(people, words[position - 2]) and not _verb_syllable(words[position - 2]) \
        and not _japanese_town(clean(words[position - 2].stem))
    text = people.article.text
    named_elsewhere = text.count(stem[:-1]) > text.count(f"{clean(surname.stem)} {stem}")  # not as the name
    return None if longer or named_elsewhere else (position - 1, position, [])


def _name_of_foreign_parts(people: People, words: list[Word], position: int, title: str, aged: bool):
    """A foreign name of words Kiwi reads as proper nouns, the body between it and the title."""
    for body_length in range(0, MAX_BODY_WORDS + 1):
        last = position - body_length
        if not _body_between(people, words, last, position):
            break
        first = _before_name_parts(people, words, last, glossed=_gap(people, words, last, last + 1) == "gloss")
        first = _first_name_after_country(people, words, first, last, title)
        one_word = _one_word_name(people, words, first, title, aged) or _before_foreign_place(words, last, position)
        if last - first >= (1 if one_word else 2):
            return first + 1, last, words[last + 1:position + 1]
    return None


def _first_name_after_country(people: People, words: list[Word], first: int, last: int, title: str) -> int:
    """`러시아 알렉산더 미나이브 총영사`, `호주 브렛 쿠퍼 참사관`: before a title no place owns, the
    proper noun right after the country opens the name; before a place's title it is the place
    (`중국 시안 리밍위안 시장`, which _is_foreign_name_part leaves out)."""
    lex = titles()
    if first < 0 or first == last or last - first >= MAX_NAME_WORDS \
            or title in lex.suffix_titles | lex.city_titles | lex.foreign_titles:
        return first
    word = words[first]
    stem = clean(word.stem)
    if not _after_country(word, people) or not _adjacent(people, words, first, first + 1) or word.particle \
            or not word.full or not re.fullmatch(r"[가-힣]{2,}", stem) or _foreign_city(stem) or stem in people.places \
            or split_title(stem) or is_organization_word(people.reading, word) or _compound_of_known_nouns(people, word):
        return first
    return first - 1 if "NNP" in word.tags or _unknown_noun(people, word) else first


def _before_foreign_place(words: list[Word], last: int, position: int) -> bool:
    """One name word is enough before a foreign city or province that owns the title (`산이 랴오닝성
    부성장`, `인훙 장시성 당서기`): no Korean official is named so."""
    return last + 1 < position and _foreign_city(clean(words[last + 1].stem))


def _before_name_parts(people: People, words: list[Word], last: int, glossed: bool) -> int:
    """The index before the run of proper name words ending at words[last]. One syllable opens
    the run as a surname or a given name (`장 원더 타이베이 부시장`, `린 즈웨이 대표`, `존 스미스
    대사`), or stands inside it between words of the name (`민` of `르엉 응우옌 민 찌엣`)."""
    first = last
    while first >= 0 and _is_foreign_name_part(people, words[first], glossed and first == last) \
            and (first == last or _adjacent(people, words, first, first + 1)):
        first -= 1
        if first < last and _one_syllable_name_word(people, words, first) and _adjacent(people, words, first, first + 1):
            first -= 1
    return first


def _name_after_country(people: People, words: list[Word], position: int, title: str) -> bool:
    """`캄보디아 소피린 씨엠립주지사`: between a country and a foreign official's title that carries
    its own place, a word that is no place (`중국 산둥성 웨이하이시장`) is the official's name."""
    word = words[position]
    stem = clean(word.stem)
    if not (_foreign_title(title) and split_title(title)[1] and _after_country(word, people)):
        return False
    return not word.particle and bool(re.fullmatch(r"[가-힣]{2,8}", stem)) and not _foreign_city(stem) \
        and not stem.endswith(_city_heads()) and _foreign_looking(people, word)


def _one_word_name(people: People, words: list[Word], before: int, title: str, aged: bool) -> bool:
    """One word is a name after an age (`단장(45)`), after a country's place (`중국 시안 리밍위안
    시장`) or a country's (`러시아의 코쥐마코 아무르주지사`), before a foreign city's title
    (`천샤오왕 다롄시장`), or when it is a proper noun of no Korean name's form before a title
    glued to its place (`구마가이 지바시장`: a Korean mayor's name has a Korean form)."""
    return aged or _foreign_title(title) or (before >= 0 and _foreign_owner(people, words[before])) \
        or _foreign_word_before_place_title(words[before + 1], title) \
        or (before >= 0 and _proper_noun_after_body(people, words, before, title)) \
        or _solid_foreign_name(people, words, before + 1, title) \
        or _unknown_word_before_rank(people, words[before + 1], title)


def _unknown_word_before_rank(people: People, word: Word, title: str) -> bool:
    """`인도 육군 판트 대령`: a rank is a person's only, never a body's, so one word Kiwi does not know
    right before it, of no Korean name's form, is the officer's name, however short."""
    stem = clean(word.stem)
    return title in titles().ranks and not word.particle and unknown_to_kiwi(people, word) \
        and not lexicons.korean_name_form(stem) and stem not in people.places | people.headed_places


def _proper_noun_after_body(people: People, words: list[Word], before: int, title: str) -> bool:
    """`외사교무위원회 샤오샹양 주임위원`: between a body's name and a compound title (a rank before
    the title's head), one proper noun of no Korean name's form, which Kiwi reads whole, is the
    name of the body's officer; a unit's name stands before a plain title (`재단 마이스 팀장`), a
    village after a county (`철산군 동창리 로켓 발사장`)."""
    body, word = words[before], words[before + 1]
    stem = clean(word.stem)
    title_next = before + 2 < len(words) and clean(words[before + 2].stem) == title
    return title_next and len(title) > len(title_in(title) or title) and is_organization_word(people.reading, body) \
        and not clean(body.stem).endswith(_city_heads()) and _adjacent(people, words, before, before + 1) \
        and word.stem_tags == ("NNP",) and len(stem) > 2 and not lexicons.korean_name_form(stem) \
        and not is_organization_word(people.reading, word) and stem not in people.places


def _solid_foreign_name(people: People, words: list[Word], index: int, title: str) -> bool:
    """`크리스모리스 중령`, `야누코비치 대통령`: before a bare title (not a place's or a body's: `마쓰야마
    시장`, `야마구치현 지사`; not a role of a body's: `굿네이버스 홍보대사`), a foreign name, perhaps
    given name and surname written without their space: a proper noun of four syllables or more and no
    Korean name's form, naming no body or place, with no other name word before it (`리니 안그레이니 대위`)."""
    word, stem = words[index], clean(words[index].stem)
    name_word_before = index > 0 and _adjacent(people, words, index - 1, index) and _foreign_looking(people, words[index - 1])
    lex = titles()
    place_title = title in lex.body_titles | lex.city_titles | lex.foreign_titles | lex.suffix_titles
    return title in lex.titles and not place_title and word.stem_tags == ("NNP",) and len(stem) >= _SOLID_NAME_SYLLABLES \
        and not lexicons.korean_name_form(stem) and not name_word_before and not stem.endswith(_city_heads()) \
        and not _after_country(word, people) \
        and not is_organization_word(people.reading, word) and stem not in people.places | people.headed_places \
        and not _in_country(word, people.countries)


def _foreign_word_before_place_title(word: Word, title: str) -> bool:
    stem = clean(word.stem)
    return bool(split_title(title)[1]) and word.tags == ("NNP",) and len(stem) > 2 \
        and not lexicons.korean_name_form(stem) and stem not in titles().regions


def _foreign_owner(people: People, word: Word) -> bool:
    """A foreign place (`중국 시안`, `산둥성 웨이하이시`) or a country's (`러시아의`)."""
    return _foreign_place(people, word) or _of_country(word, people)


def _as_written(people: People, word: Word) -> str:
    """A name word as the text writes it, without a one-word gloss (`무힛지노비치(30세·사진)`)."""
    return clean(people.article.text[word.start:word.start + len(word.stem)]) if word.particle and \
        len(clean(word.stem)) > 1 and not _misread_name_word(people, word) and not _misread_korean_name(people, word) \
        else clean(people.article.text[word.start:word.end])


def _misread_name_word(people: People, word: Word) -> bool:
    """`아마도로` (아마도 + 로), `이에바` (이 + 에 + 바), `리니` (리 + 니): Kiwi cuts an unknown foreign word
    into pieces no Korean word is made of, a case particle after an adverb, a particle before a noun or a
    verb's ending straight after a noun."""
    tags = [m.tag for m in people.article.morphs_in(word.start, word.end)]
    inner_particle = any(left.startswith("J") and right.startswith("N") for left, right in zip(tags, tags[1:]))
    return inner_particle or len(tags) == 2 and (tags[0] == "MAG" and tags[1].startswith("JK")
                                                 or tags[0].startswith("NN") and tags[1] in ("EC", "EF"))


def _known_name_before(people: People, words: list[Word], position: int):
    """`우에다 후미오 시장은`, `김철한 의장은`, `무자파르 과장은`: the words before a title are a
    name the article gave before (or a word of one), however Kiwi reads them."""
    first = position
    while first >= 0 and position - first < MAX_NAME_WORDS and (first == position or _adjacent(people, words, first, first + 1)):
        written = " ".join(_as_written(people, w) for w in words[first:position + 1])
        if len(written) > 1 and (people.is_known_name(written) or people.word_of_known_name(written)):
            return first, position, []
        first -= 1
    return None


def _surname_apart(people: People, words: list[Word], position: int):
    """`남궁 영 원장`: a two-syllable surname written apart from its given name."""
    given = _as_written(people, words[position])
    if position < 1 or words[position].particle or not re.fullmatch(r"[가-힣]{1,2}", given) \
            or not _adjacent(people, words, position - 1, position):
        return None
    surname = words[position - 1]
    return (position - 1, position, []) if not surname.particle and len(surname.stem) == 2 \
        and surname.stem in titles().surnames else None


def _foreign_name_by_structure(people: People, words: list[Word], position: int, title: str, aged: bool):
    """A transliterated name of one to four words, found by where it stands rather than by
    its morphemes (Kiwi splits `응우옌 반 안`, `다나카 히로시`): before a body and the title
    (`도 황 쭝 껀터시 정보통신국장`, `다나카 히로시 일본 오사카시 부시장`), or between a
    foreign body and the title (`일본 삿포로시 우에다 후미오 시장`)."""
    for body in _body_starts(people, words, position):
        last = body - 1
        first = last
        while first >= 0 and last - first < MAX_NAME_WORDS and _name_shaped(people, words[first], cut_short=first < last) \
                and (first == last or _adjacent(people, words, first, first + 1)):
            first -= 1
        while first < last and _verb_syllable(words[first + 1]):
            first += 1  # `새로 온 응웬 반 빈`: the verb before the name
        run = words[first + 1:last + 1]
        too_long = first >= 0 and _name_shaped(people, words[first]) and not _verb_syllable(words[first]) \
            and _adjacent(people, words, first, first + 1)
        known = len(run) == 1 and (people.word_of_known_name(_as_written(people, run[0]))  # `트롱카른드 태국 …국장`
                                   or body <= position and _unknown_before_country(people, words, run[0], body))
        if too_long or len(run) < (1 if aged or known else 2):
            continue  # a run of words longer than a name, or too short to be read by place alone
        if body <= position:
            foreign = any(_foreign_looking(people, w) for w in run)
        else:
            foreign = _foreign_title(title) or first >= 0 and _adjacent(people, words, first, first + 1) and (
                (_foreign_place(people, words[first]) or _of_country(words[first], people))
                and any(_foreign_looking(people, w) for w in run)  # not `베트남의 관광 담당 국장`
                or _body_owning(people, words[first]) and any(_is_foreign_name_part(people, w) for w in run)) \
                or _opening_transliterated_run(people, words, first + 1, run)
        if foreign:
            return first + 1, last, words[last + 1:position + 1]
    return None


def _opening_transliterated_run(people: People, words: list[Word], first: int, run: list[Word]) -> bool:
    """`탄 춴진 장관은`: words opening the sentence or clause right before a title, the last a
    transliterated word, are a foreign name even where Kiwi reads one before it as a syllable
    (`탄`) or a common noun. Proper nouns Kiwi knows, all of them, are as often a company and its
    branch (`구글 코리아 대표`); a last word Kiwi knows as a noun may be the body (`욱 챠이 기획부 차관`)."""
    return len(run) > 1 and _opens_subject(people, words, first, after_clause=False) \
        and transliterated_word(people, run[-1]) \
        and not all(w.stem_tags == ("NNP",) and not unknown_to_kiwi(people, w) for w in run)


def _unknown_before_country(people: People, words: list[Word], word: Word, body: int) -> bool:
    """`쑨춘란 중국 국무원 부총리`, `싱하이밍 주한 중국대사`: one word Kiwi does not know, before a body
    opening with a country, is a name (a company Kiwi knows is none: `삼성 베트남 법인장`)."""
    country = body + 1 if clean(words[body].stem) in titles().title_modifiers else body
    if not _in_country(words[country], people.countries):
        return False
    public_office = country > body or any(_foreign_place(people, w) for w in words[country + 1:])
    return _unknown_noun(people, word) or public_office and _foreign_proper_noun(people, word)


def _foreign_proper_noun(people: People, word: Word) -> bool:
    """`왕샤오밍 중국 상하이시 부시장`, `… 주한 중국대사`: before a country's city or envoy's title, a
    proper noun Kiwi knows, of three syllables or more and no Korean name's form, naming no body or
    place (a company before a country and its branch is no name: `포스코 베트남 법인장`)."""
    stem = clean(word.stem)
    return word.stem_tags == ("NNP",) and len(stem) > 2 and not lexicons.korean_name_form(stem) \
        and not is_organization_word(people.reading, word) and stem not in people.places | people.headed_places


def _body_starts(people: People, words: list[Word], position: int) -> list[int]:
    """Where the body between a name and its title may start, most likely first: at a country
    (`일본 오사카시`), at an organisation or place word (`껀터시 정보통신국장`), or nowhere
    (position + 1: `일본 삿포로시 우에다 후미오 시장` has its body in front of the name)."""
    anchors = []
    countries = [position + 1] if position + 1 < len(words) and _in_country(words[position + 1], people.countries) else []
    index = position  # the title may open with its country (`주한 중국대사`)
    while index >= 0 and position - index < MAX_BODY_WORDS + 2 and _is_body_word(people, words[index]) \
            and (index == position or _adjacent(people, words, index, index + 1)):
        if _in_country(words[index], people.countries):
            countries.append(index)
        elif countries and countries[-1] == index + 1 and clean(words[index].stem) in titles().title_modifiers:
            countries[-1] = index  # `응우옌 부 뚱 주한 베트남 대사`: the modifier opens the body
        elif _foreign_place(people, words[index]) or len(words[index].stem_tags) > 1 and \
                is_organization_word(people.reading, words[index]):
            anchors.append(index)
        index -= 1
    return [*reversed(countries), *reversed(anchors), position + 1]


def _name_shaped(people: People, word: Word, cut_short: bool = False, subject: bool = False) -> bool:
    """Could this word be part of a transliterated name? Hangul only, no verb ending, none of
    the words that open a clause or stand for a group, a title or a place. Only the subject
    carries a particle, or a word inside a name that Kiwi cut short (`우에다` read as 우 + 에다).
    A patronymic runs to seven syllables (`가프르자노브나`), where Kiwi reads it as one proper noun."""
    written = _as_written(people, word)
    if written in people.transliterations:
        return True  # `케올라` of `Bounmy Keola(분미 케올라)`, however Kiwi reads it
    inflected = any(tag.startswith("E") for tag in word.stem_tags) and not _verb_syllable(word)
    longest = 7 if word.stem_tags == ("NNP",) else 6
    if not re.fullmatch(r"[가-힣]{1,%d}" % longest, written) or inflected \
            or word.stem_tags == ("NNB",):  # a bound noun (`등`, `측`) is never a name
        return False
    if word.particle and not subject and not (cut_short and len(clean(word.stem)) == 1) \
            and not _misread_name_word(people, word):
        return False
    return not never_in_name(people, word, written)


def never_in_name(people: People, word: Word, written: str) -> bool:
    """A word that opens a clause or stands for a group, a title, a body's head or a place."""
    lex = titles()
    return (written in lex.not_name_words or written in lex.not_name_places or written in lex.regions
            or written in lex.title_modifiers
            or written in lex.international_bodies or written in pronouns()
            or written in people.heads.generic or written in people.heads.participant_nouns or written in lex.person_nouns
            or written in people.heads.organizations  # a bare head (`의회`) ends a body, no name
            or _ends_in_body_head(people, written)  # `인민위원회`, `관광협회`
            or _body_compound(people, word)  # `내무국`
            or bool(split_title(written)) or _in_country(word, people.countries) or _foreign_place(people, word))


def _ends_in_body_head(people: People, written: str) -> bool:
    """A word ending in a body's head of two syllables or more (`…위원회`, `…협회`, `…센터`) is a body's name."""
    return len(people.heads.organizations.ending(written) or "") > 1  # the longest head that ends it


def _body_compound(people: People, word: Word) -> bool:
    """`내무국` (내무 + 국), `총무과`: a noun Kiwi knows and the one syllable a unit's chief is titled
    by (국장, 과장) read apart, a unit's name; a name Kiwi splits into syllables (`왕리`) opens with one."""
    head = word.forms[-1] if word.forms else ""
    return len(head) == 1 and split_title(f"{head}장") is not None and _compound_of_known_nouns(people, word)


def _verb_syllable(word: Word) -> bool:
    """One syllable Kiwi reads as a verb's adnominal form (`빈` of `응웬 반 빈`, 비다 + ㄴ): a
    syllable of a transliterated name inside a run of them, never the run's first word (`온`)."""
    return len(word.stem) == 1 and not word.particle and word.stem_tags[-1:] == ("ETM",)


@lru_cache(maxsize=None)
def pronouns() -> frozenset:
    """Words standing for a person already named (`그는`, `이들은`): no name."""
    return frozenset(lexicons.load("speech_verbs")["pronouns"])


def _foreign_looking(people: People, word: Word) -> bool:
    """Kiwi does not read the word as common nouns (`정상화` = 정상 + 화, `선수들`): a proper noun,
    a split into pieces that are no nouns, or one syllable."""
    return "NNP" in word.stem_tags or any(tag not in _COMMON_NOUN_TAGS for tag in word.stem_tags) \
        or len(_as_written(people, word)) == 1


def _foreign_place(people: People, word: Word) -> bool:
    """A foreign city (`반둥`, `반둥시의`), a place word, or a place of the country named right
    before (`중국 시안`, `인도네시아 반둥시의`; not `한국 대사와`)."""
    stem = clean(word.stem)
    return _foreign_city(stem) or stem in people.places or stem in people.headed_places or (
        word.particle in ("", "의") and (_after_country(word, people) or _place_inside_known_place(people, word)))


def _name_after_title(people: People, words: list[Word], head: int) -> PersonPhrase | None:
    """A title, then the name: `몽골 울란바토르시 부시장 바트 에르덴은`, `주한 베트남 대사
    응우옌 부 뚱은`, `프놈펜시 부지사인 속 쏘반은` (an apposition), `정보통신과장 김철수는`,
    `브루나이 대사, 다토 하지 하룬 이스마엘은` (a comma before a name of two words or more).
    A transliterated name after a title needs its country or city before the title."""
    first = head
    while first >= 0 and head - first < MAX_NAME_WORDS and (_name_shaped(people, words[first], subject=first == head)
                                                           or _verb_inside_name(people, words, first, head)
                                                           or _syllable_inside_name(people, words, first, head)) \
            and (first == head or _adjacent(people, words, first, first + 1)):
        first -= 1
    apart = head - first > 1 and first >= 0 and _gap(people, words, first, first + 1) == "comma"
    if first == head or first < 0 or not (_adjacent(people, words, first, first + 1) or apart):
        return None
    titled = _title_before_name(people, words, first)
    if titled is None or titled.speaker.name or titled.surname or _market(people, words, first, titled):
        return None
    run = words[first + 1:head + 1]
    korean = len(run) == 1 and _korean_name_form(people, run[0])
    before = words[max(0, first - MAX_BODY_WORDS - 1):first + 1]
    if not any(_foreign_looking(people, w) for w in run) or not korean and not any(
            _in_country(w, people.countries) or _foreign_place(people, w) for w in before):
        return None
    names = [_as_written(people, w) for w in run[:-1]] + [clean(run[-1].stem)]
    titled.speaker.name = " ".join(names)
    titled.name_span = (run[0].start, run[-1].start + len(names[-1]))
    return titled


def _verb_inside_name(people: People, words: list[Word], index: int, head: int) -> bool:
    """`다토 하지 하룬`: two syllables Kiwi reads as a verb and its ending (하 + 지) between two words of a name."""
    word = words[index]
    return 0 < index < head and word.stem_tags == ("VV", "EC") and len(word.stem) == 2 and not word.particle \
        and _name_shaped(people, words[index - 1]) and _adjacent(people, words, index - 1, index)


def _syllable_inside_name(people: People, words: list[Word], index: int, head: int) -> bool:
    """`부` of `응우옌 부 뚱`: one syllable Kiwi reads as a common noun between two words of a name."""
    word = words[index]
    return 0 < index < head and len(word.stem) == 1 and not word.particle and re.fullmatch("[가-힣]", word.stem) is not None \
        and _name_shaped(people, words[index - 1]) and _adjacent(people, words, index - 1, index)


def _market(people: People, words: list[Word], index: int, titled: PersonPhrase) -> bool:
    """`중국 시장 알리바바는`: a place's title right after a country, with no place of its own, is
    no office (a country's `시장` is its market); `자카르타 주지사인` is."""
    return title_in(titled.speaker.title or "") in titles().suffix_titles and not titled.speaker.organization \
        and index > 0 and _in_country(words[index - 1], people.countries)


def _title_before_name(people: People, words: list[Word], index: int) -> PersonPhrase | None:
    """The title phrase ending at words[index], bare (`부시장`) or as an apposition (`부지사인`), or
    a noun saying who the person is (`가수`, `관광객`)."""
    word = words[index]
    if word.connective and word.stem.endswith("인"):
        word = people.article.word(word.start, word.start + len(word.stem) - 1)
    elif word.particle:
        return None
    if clean(word.stem) in titles().person_nouns:  # `가수 김광석`, `캐나다 관광객 사미아는`
        return PersonPhrase(Speaker(title=clean(word.stem)), word.start)
    if not split_title(clean(word.stem)):
        return None
    return phrase_ending_at(people, [*words[:index], word], index)


def _korean_name_form(people: People, word: Word) -> bool:
    """A Korean name, whatever particle follows it (`김철수는`)."""
    return is_korean_name(people, people.article.word(word.start, word.start + len(word.stem)))


def _foreign_title(title: str) -> bool:
    """A title only foreign officials hold (`레닌그라드주지사`, `롱안성장`), or one glued to a foreign
    city's name (`다롄시장`)."""
    head = title_in(title)
    return head in titles().foreign_titles or _foreign_city(title[:-len(head)] if head else "")


@lru_cache(maxsize=4096)
def _foreign_city(place: str) -> bool:
    """A foreign city or province known by name, bare or with its head (`다롄`, `다롄시`, `씨엠립주`,
    `랴오닝성`). Asked ~35 times an article, mostly of the same few words: remembered per word."""
    cities, regions = lexicons.foreign_cities(), lexicons.foreign_regions()
    return place in cities or place in regions or any(
        place.endswith(head) and (place[:-len(head)] in cities or place[:-len(head)] in regions) for head in _city_heads())


@lru_cache(maxsize=None)
def _city_heads() -> tuple[str, ...]:
    return tuple(lexicons.load("name_heads")["cities"]["heads"])


def _body_owning(people: People, word: Word) -> bool:
    """A body right before a name, with 의 or bare when its head shows it (`하노이시 인민위원회 응우옌 반 남 부국장`,
    `경찰청 내무국 리나 하스투티 소령`)."""
    return _of_body(word) or not word.particle and (_ends_in_body_head(people, clean(word.stem))
                                                     or _body_compound(people, word))


def _of_body(word: Word) -> bool:
    """`비엣텔의`: a body owning the name and title that follow (`비엣텔의 응우옌 반 안 부사장`)."""
    return word.particle == "의" and word.noun_stem


def _of_country(word: Word, people: People) -> bool:
    """`러시아의`: a country owning what follows."""
    return word.particle == "의" and _in_country(word, people.countries)


def _one_syllable_surname(word: Word, lex: Titles) -> bool:
    stem = clean(word.stem)
    return (not word.particle and len(stem) == 1 and stem in lex.transliterated_surnames
            and stem not in lex.body_shorthands)


def _korean_name_before(people: People, words: list[Word], position: int, title: str):
    """A Korean name is tried first at every distance: `황우여 새누리당 대표` is 황우여 of the party;
    not where it only looks like one inside a foreign name (`일본 삿포로시 우에다 후미오 시장`). A title
    written with its own body (`주부산일본국총영사`) has no other before it: the word before it ending
    like a city (`오스카 츠요시 주부산일본국총영사`) is the name's."""
    for body_length in range(0, 1 if _title_with_own_body(title) else MAX_BODY_WORDS + 1):
        last = position - body_length
        if not _body_between(people, words, last, position):
            return None
        if _inside_foreign_name(people, words, last, position, title):
            continue
        if is_korean_name(people, words[last]) or _misread_korean_name(people, words[last]) \
                or (body_length and _name_before_place(people, words, last, position)):
            return last, last, words[last + 1:position + 1]
    return None


def _title_with_own_body(title: str) -> bool:
    head = title_in(title)
    post = _without_title_suffix(title)[:-len(head)] if head else ""
    return head in titles().envoy_titles and post.startswith("주") and len(post) > 2


def _misread_korean_name(people: People, word: Word) -> bool:
    """`이상익 함평군수`, `김효준 본부장`, `이병욱 상무`, `장종한 의장`: a word of a Korean name's form
    before a title, which Kiwi cuts into pieces no word of the language is made of (이상 + 이 + ㄱ,
    김효주 + ㄴ, 이병 + 욱, 장 + 종 + 하 + ㄴ). Not a word it reads as a common word and its grammar
    (`오전엔`, `방문한`, `이러한`), nor one ending in a particle as written (`김해의`)."""
    written = people.article.text[word.start:word.end]
    morphs = people.article.morphs_in(word.start, word.end)
    if not morphs or not lexicons.korean_name_form(written) or all(m.tag in NOMINAL_TAGS for m in morphs) \
            or split_title(written) or never_in_name(people, word, written):
        return False
    last, first = morphs[-1], morphs[0]
    if any(m.tag[:1] == "V" for m in morphs) or last.tag[:1] == "J" and written.endswith(last.form):
        return False
    known = first.tag in _COMMON_WORD_TAGS and len(first.form) > 1 and not first.oov
    return not (known and all(m.tag[:1] in "JE" or m.tag in _DERIVING_TAGS for m in morphs[1:])) \
        and not (first.tag == "NP" and len(first.form) > 1)  # `우리시`


def _japanese_name_before(people: People, words: list[Word], position: int):
    """`기시다 히로유키 회장`, `무라세 고다이 유가와라정 의장`, `사코 테루오 미토요 부시장`: two words in a row
    written only in the syllables of Japanese names, before a title (a place or a body between), are a
    surname and a given name, the first two where a place of such syllables follows. Kiwi reads many
    of them as Korean names (`기시다`, `고다이`) and would leave the other word to the body."""
    for body_length in range(MAX_BODY_WORDS + 1):
        last = position - body_length
        if last < 1 or not _body_between(people, words, last, position):
            return None
        first = last
        while first > 0 and last - first < 2 and _adjacent(people, words, first - 1, first) \
                and japanese_word(people, words[first - 1]):
            first -= 1
        if first < last and japanese_word(people, words[last]) and not (
                first > 0 and _adjacent(people, words, first - 1, first) and japanese_word(people, words[first - 1])) \
                and len(clean(words[first].stem) + clean(words[first + 1].stem)) >= 5 \
                and _body_between(people, words, first + 1, position):
            return _given_name_before(people, words, first), first + 1, words[first + 2:position + 1]
    return None


def _given_name_before(people: People, words: list[Word], surname: int) -> int:
    """Where a Japanese name opens: a transliterated word Kiwi does not know right before the
    surname and given name is a Western given name of the same person (`에두문두 스스무 후지타`)."""
    before = surname - 1
    opens_earlier = before >= 0 and _adjacent(people, words, before, surname) \
        and transliterated_word(people, words[before]) and unknown_to_kiwi(people, words[before])
    return before if opens_earlier else surname


def japanese_word(people: People, word: Word) -> bool:
    """A word only of Japanese names' syllables (`히로유키`, `무라세`) that is no Korean word, place or body."""
    stem = clean(word.stem)
    return not word.particle and word.noun_stem and len(stem) > 1 and all(map(_japanese_syllable, stem)) \
        and not _japanese_town(stem) \
        and stem not in titles().not_name_words and not common_noun(people, word) \
        and not _in_country(word, people.countries) \
        and not _foreign_city(stem) and not (stem.endswith(_city_heads()) and _after_country(word, people)) \
        and stem not in titles().regions and split_title(stem) is None \
        and not is_organization_word(people.reading, word)


def _japanese_town(stem: str) -> bool:
    """A Japanese town named in its own reading (`츠난마치`): a place, no word of a name."""
    return stem.endswith(tuple(romanization_lexicon()["japanese_place_endings"]))


def _japanese_syllable(syllable: str) -> bool:
    if not "가" <= syllable <= "힣":
        return False
    code = ord(syllable) - 0xAC00
    final = _JONGSEONG[code % 28]
    return chr(0xAC00 + code - code % 28) in romanization_lexicon()["japanese_syllables"] and (
        not final.strip() or final in romanization_lexicon()["japanese_finals"])


def _inside_foreign_name(people: People, words: list[Word], last: int, position: int, title: str) -> bool:
    """Is words[last] a word of a foreign name, or a foreign place, that has a Korean name's form?
    Before a foreign city's title (`카바시마 이쿠오 구마모토현지사`), after a foreign place
    (`삿포로시 우에다 후미오 시장`) or a country (`중국 장쑤성`: a province), or next to another word
    of the name after a foreign place (`리야드시 압둘라 알 사우드 부시장`) or before a country
    (`마힌다 라자파크세 스리랑카 총리`, `솜삭 차이왓 태국 총리`) or a foreign place (`제이슨 웨일런
    레이크우드 시장`, where the article writes 레이크우드시)."""
    if _foreign_title(title) or _after_country(words[last], people):
        return True
    if _after_transliterated_word(people, words, last) and last + 1 < len(words) \
            and _in_country(words[last + 1], people.countries) \
            and clean(words[last + 1].stem) not in lexicons.host_country_names():
        return True  # `마틴 하이어 네덜란드 환경청장`: the name runs on to the foreign country of its body
    if last > 0 and _adjacent(people, words, last - 1, last) and _foreign_place(people, words[last - 1]):
        return True
    body = words[last + 1:position + 1]
    after_part = last > 0 and _adjacent(people, words, last - 1, last) and (
        _is_foreign_name_part(people, words[last - 1]) or _one_syllable_proper(words[last - 1])
        or _misread_name_word(people, words[last - 1]))
    if after_part and any(_in_country(w, people.countries) or _foreign_place(people, w)
                          for w in words[max(0, last - MAX_NAME_WORDS):last - 1]):
        return True  # `리야드시 압둘라 알 사우드 부시장`
    if not any(_in_country(word, people.countries) for word in body) \
            and (len(body) < 2 or clean(body[0].stem) in titles().regions):
        return False
    # `솜삭 차이왓 태국 총리`; `제이슨 웨일런 레이크우드 시장`, `사이먼 스미스 주한 영국대사`: a body
    # of two words opening with a name word (not a region: `정걸기 충남 베트남사무소장`) is that word
    # and the body after it
    return after_part or _is_foreign_name_part(people, body[0])


def _after_transliterated_word(people: People, words: list[Word], index: int) -> bool:
    """Does a transliterated word stand right before words[index] (`폴리아코바 마리나`)?"""
    return index > 0 and _adjacent(people, words, index - 1, index) and transliterated_word(people, words[index - 1])


def transliterated_word(people: People, word: Word) -> bool:
    """A word of a foreign name that cannot be a Korean one: a proper noun or a word Kiwi does not
    know, of no Korean name's form, naming no body or place (`폴리아코바`, `마틴`, `그리핀`). Beside
    it, a word of a Korean name's form is the rest of that name (`마리나`, `하이어`) where a country
    tells the person is foreign and nothing reads the word as a company's or a job's (`레이톤 김철수
    대표`, `인플루언서 박민수 씨`): before a courtesy title after a country (`우크라이나에서 온 폴리아코바
    마리나 씨`), or before the country of the body (`마틴 하이어 네덜란드 환경청장`)."""
    stem = clean(word.stem)
    return not word.particle and len(stem) > 1 and not lexicons.korean_name_form(stem) \
        and _is_foreign_name_part(people, word) and _name_shaped(people, word) \
        and ("NNP" in word.stem_tags or _unknown_noun(people, word))


def _one_syllable_name_word(people: People, words: list[Word], index: int) -> bool:
    """words[index] opens a transliterated name in one syllable: a Chinese surname written apart
    (`린`), or a proper noun standing first (`존 스미스`; `압둘라 알 사우드` goes on before `알`);
    not a body's shorthand or a title's modifier (`현 스미스 대표`)."""
    lex, word = titles(), words[index]
    stem = clean(word.stem)
    if stem in lex.body_shorthands or stem in lex.title_modifiers:
        return False
    opens = index == 0 or not (_adjacent(people, words, index - 1, index)
                               and _is_foreign_name_part(people, words[index - 1]))
    return _one_syllable_surname(word, lex) or _one_syllable_proper(word) and opens


def _one_syllable_proper(word: Word) -> bool:
    """`알` of `압둘라 알 사우드`, `반` of `응우옌 반 안`: one syllable read as a proper noun."""
    return not word.particle and len(word.stem) == 1 and word.tags == ("NNP",)


def _name_before_place(people: People, words: list[Word], last: int, position: int) -> bool:
    """`이상구 동두천 부시장`: before a place and its title, a word of a name's form is the name,
    though it ends like a body (…구): a body does not stand before a place's title."""
    word = words[last]
    body = words[last + 1:position + 1]
    return (not word.particle and word.tags == ("NNP",) and lexicons.korean_name_form(clean(word.stem))
            and all(w.tags == ("NNP",) and not is_organization_word(people.reading, w) for w in body))


def _body_between(people: People, words: list[Word], last: int, position: int) -> bool:
    """Can words[last + 1:position + 1] stand between a name ending at words[last] and its title?"""
    return last >= 0 and _adjacent(people, words, last, last + 1, gloss=True) and all(
        _is_body_word(people, w) and _adjacent(people, words, i, i + 1)
        for i, w in enumerate(words[last + 1:position + 1], start=last + 1))


def _adjacent(people: People, words: list[Word], left: int, right: int, gloss: bool = False) -> bool:
    """Only spaces (or, with gloss, a romanised name) between two words: a bracket or a comma ends a phrase."""
    return right >= len(words) or _gap(people, words, left, right) in (("space", "gloss") if gloss else ("space",))


def _gap(people: People, words: list[Word], left: int, right: int) -> str:
    between = people.article.text[words[left].end:words[right].start]
    if not between.strip():
        return "space"
    if between.strip() == ",":
        return "comma"
    return "gloss" if LATIN_GLOSS.fullmatch(between) else "other"


def _is_body_word(people: People, word: Word) -> bool:
    stem = clean(word.stem)
    if (stem in titles().title_modifiers or stem in titles().body_shorthands) and not word.particle:
        return True  # `김민수 전 장관`, `박정민 도 행정부지사` (the province's)
    if has_legal_form(stem) and not word.particle:
        return True  # `김민수 ㈜한빛 대표`, `김민수 ㈔한빛협회 회장`: a body marked by its legal form
    return (word.noun_stem and not word.particle and len(stem) > 1 and not _DIGITS.search(stem)
            and not _BRACKETS.search(stem) and stem not in titles().not_name_words
            and stem not in people.heads.generic)


def _main_body_fallback(people: People, phrase: PersonPhrase) -> None:
    """`시 관계자`, `시 대변인`: the one-syllable body is the one the article is about."""
    lex = titles()
    speaker = phrase.speaker
    shorthand = lex.bodies.get(speaker.title or "")
    if phrase.surname in lex.body_shorthands:
        speaker.organization, phrase.surname = people.main_body(phrase.surname), None
    elif speaker.organization is None and shorthand in lex.body_shorthands:
        speaker.organization = people.main_body(shorthand)


def _take_body_before(people: People, words: list[Word], position: int, phrase: PersonPhrase) -> None:
    """The body named before a name or a title: `…의` (with the nouns before it), an
    apposition (`행정안전부 장관인`), or a bare organisation word (`안양시 최대호 시장`)."""
    body, start = _body_before(people, words, position)
    if body:
        phrase.speaker.organization, phrase.start = body, start
    _main_body_fallback(people, phrase)


def _body_before(people: People, words: list[Word], position: int) -> tuple[str | None, int]:
    lex = titles()
    if position < 0:
        return None, 0
    word = words[position]
    if word.connective:
        before = words[position - 1] if position > 0 else None
        if before is None or before.particle or not before.noun_stem:
            return None, 0
        return canonical(clean(before.stem)), before.start
    stem = clean(word.stem)
    if word.particle not in ("의", "") or not word.noun_stem:
        return None, 0
    if not word.particle and stem in lex.body_shorthands:
        return people.main_body(stem), word.start
    if not word.particle and _ACRONYM.fullmatch(stem) and stem not in people.heads.systems \
            and stem not in people.heads.programs:  # `LH 관계자`, `KOTRA 사장`; not `CCTV 관계자`
        return stem, word.start
    if not word.particle and not _org_suffix(stem):
        return None, 0
    parts, start = [stem], word.start
    position -= 1
    while word.particle == "의" and position >= 0 and len(parts) < 4:
        before = words[position]
        stem = clean(before.stem)
        if before.particle or not before.noun_stem or stem in lex.not_name_words or _DIGITS.search(stem):
            break
        parts.insert(0, stem)
        start = before.start
        position -= 1
    return canonical(" ".join(parts)), start


def organization_named(people: People, stem: str) -> str | None:
    """A subject that is a body (`시는`, `국토교통부는`), resolved to its full name."""
    lex = titles()
    if stem in lex.body_shorthands:
        return people.main_body(stem)
    if len(stem) > 1 and _org_suffix(stem) and stem not in lex.not_name_words:
        return canonical(stem)
    return None


# --- for kr_names -------------------------------------------------------------

def person_candidates(people: People) -> list[Candidate]:
    """Persons, their later surname mentions, and the bodies their titles name."""
    article, lex = people.article, titles()
    found: list[Candidate] = []
    for phrase in people.phrases:
        if phrase.name_span:
            found.append(_candidate("persons", article, phrase.name_span))
        elif phrase.surname:
            known = people.resolve(phrase.surname, phrase.speaker.title or "", phrase.start) or \
                people.only_one_named(phrase.surname)
            if known:
                found.append(Candidate("persons", known.name, phrase.start, phrase.start + len(phrase.surname)))
        body = phrase.speaker.organization or ""
        if _ACRONYM.fullmatch(body) and article.text.startswith(body, phrase.start):
            found.append(Candidate("organizations", body, phrase.start, phrase.start + len(body)))
        if phrase.body_span and title_in(phrase.speaker.title or "") in lex.body_titles \
                and not _government_in_title(people, phrase.body_span):
            body = _candidate("organizations", article, phrase.body_span)
            # things lists bodies with a legal form; a kind alone (`홍길동 시의회 의장`) names no body
            if not _in_country_span(body, people.countries) and not has_legal_form(body.name) \
                    and body.name not in people.heads.standalone_heads:
                found.append(body)
    glossed = people.glossed_names
    spans = Spans(glossed)  # `탄` of `아리안 탄(Alian Tan)씨`: a word of a glossed name is no person of its own
    found = [c for c in found if c.field != "persons" or not spans.cover(c.start, c.end)]
    return found + _glued_bylines(people) + glossed + _latin_names(people)


def _government_in_title(people: People, span: tuple[int, int]) -> bool:
    """`박형준 부산시장`, `우승희 영암군수`, `아무르주지사`: a local government written only glued to its
    head's titles says whose head the person is; it is listed where the article also writes it apart
    (`광주시 직동`, `센트럴주의`, `성동구청`), as the corpus's gold lists it."""
    article, lex = people.article, people.heads
    body = article.text[span[0]:span[1]]
    head = lex.organizations.ending(body)
    if not article.text[span[1]:span[1] + 1].isalpha() or not (body in lex.provinces or head in lex.local_government_heads
                                                                or head in city_lexicon().heads and head not in lex.ministry_heads):
        return False
    return all(_in_own_title(article, found.start(), body) for found in re.finditer(re.escape(body), article.text))


def _in_own_title(article: ArticleWords, offset: int, body: str) -> bool:
    """Is the body written at offset the body of the title the word there ends in (`부산시장`)?"""
    index = bisect_right(article.starts, offset) - 1
    word = article.words[index] if index >= 0 else None
    return word is not None and word.start <= offset < word.end and (split_title(clean(word.stem)) or ("", None))[1] == body


#: A romanised gloss of two to four name words (`(Tungalag Bayanduuren)`, `(Edwin M. Lee)`), or in
#: capitals (`(TAN PHUNG)`).
#: The spelling may be followed by more of who the person is (`(Paul Barrett, 남)`).
_NAME_GLOSS = compiled_re(r"\((?P<words>[A-Z][a-z'\-]+\.?(?: [A-Z](?:[a-z'\-]+|\.))+|[A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)+)"
                          r"(?:, [^()\n]{1,20})?\)")
_INITIAL = compiled_re(r"[A-Z]\.")
_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JONGSEONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def _glossed_names(people: People) -> list[Candidate]:
    """`톤갈락 바얀두렌(Tungalag Bayanduuren)`: a transliterated name and its original spelling,
    word for word, each Hangul word sounding like the Latin word's first letter. No title
    is needed: the gloss shows a person's name (an organisation's would hold `of`, acronyms
    or lower-case words)."""
    article, found = people.article, []
    for gloss in _NAME_GLOSS.finditer(article.text):
        latin = [word for word in gloss["words"].split()
                 if not _INITIAL.fullmatch(word) and word not in romanization_lexicon()["courtesy_words"]]
        if latin[0] in romanization_lexicon()["not_name_words"]:
            continue
        index = article.index_at(gloss.start())
        words = article.words[max(0, index - len(latin)):index]
        if len(words) != len(latin) or not all(
                (_is_foreign_name_part(people, word, glossed=True) or _spelt_word(people, word))
                and _sounds_like(word.stem, spelled)
                for word, spelled in zip(words, latin)):
            continue
        if any(article.text[left.end:right.start] != " " for left, right in zip(words, words[1:])) \
                or _names_a_thing(people, words):
            continue
        if gloss["words"].isupper() and not _title_after_parenthesis(people, gloss.end())[0] \
                and not _title_right_before(article, index - len(latin)):
            continue  # `스마트 시티(SMART CITY)`: capitals spell a name only next to its title (`(TAN PHUNG) 기자`,
            # `사장 아캄 파루크 하산(AKM FARUQUE HASSAN)`)
        found.append(Candidate("persons", article.text[words[0].start:words[-1].end], words[0].start, words[-1].end))
    return found


_ONE_WORD_GLOSS = compiled_re(r"(?P<hangul>[가-힣]{2,})\((?P<latin>[A-Z][a-z'\-]+)\)")


def spelt_elsewhere(people: People, word: Word) -> bool:
    """`이브라힘은 “…”` after `‘이브라힘(Ibrahim)’`: a lone word the article glosses elsewhere in one
    capitalised Latin word sounding like it, and no noun, title or body Kiwi knows, is a foreign name
    written alone (one Latin word alone spells a name only where the word speaks as a person)."""
    stem = clean(word.stem)
    if len(stem) < 2 or not re.fullmatch(r"[가-힣]+", stem) or split_title(stem) or common_noun(people, word) \
            or is_organization_word(people.reading, word) or stem in people.heads.generic:
        return False
    return any(hangul.endswith(stem) and _sounds_like(stem, latin) for hangul, latin in people.one_word_glosses)


def _title_right_before(article: ArticleWords, index: int) -> bool:
    """Is the word before article.words[index] a title, a space apart (`사장 아캄 파루크 하산`)?"""
    if index < 1:
        return False
    before = article.words[index - 1]
    return not before.particle and before.noun_stem and article.text[before.end:article.words[index].start] == " " \
        and split_title(clean(before.stem)) is not None


def _spelt_word(people: People, word: Word) -> bool:
    """`아리안(Alian)` read 아리 + 안, `마차도(Machado)` 마차 + 도, `알린(Alin)` 알 + ㄴ, `떤(Tan)` 뜨 + ㄴ: a
    word its Latin gloss spells is a name's word as written, whatever Kiwi reads in it, unless no name
    holds it or it ends a clause."""
    written = clean(people.article.text[word.start:word.end])
    clause_ending = any(m.tag in ("EC", "EF") for m in people.article.morphs_in(word.start, word.end))  # `타고`
    return bool(re.fullmatch(r"[가-힣]+", written)) and not clause_ending and not never_in_name(people, word, written)


#: Two to four capitalised Latin words, with a Hangul gloss of as many words or none, before Hangul
#: (`Nitiphan Trongkarndee(니티퐌 트롱카른드) 전략개발국장`, `Kamalia Purbani 국장`).
_LATIN_NAME = compiled_re(r"(?<![\w&.\-])(?P<words>[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){1,3})"
                         r"(?:\((?P<gloss>[가-힣]+(?: [가-힣]+){1,3})\))? (?=[가-힣])")


def _latin_names(people: People) -> list[Candidate]:
    return [Candidate("persons", match["words"], match.start(), match.start() + len(match["words"]))
            for match, _ in _latin_named(people)]


def _latin_named(people: People) -> Iterator[tuple[re.Match, str]]:
    """(match, title): a name written in Latin letters right before a title is the name as written
    (`Kamalia Purbani 국장`), its Hangul transliteration between them alike word for word in sound;
    not a body's or a thing's name (`Google Korea 대표`)."""
    romanization = romanization_lexicon()
    for match in _LATIN_NAME.finditer(people.article.text):
        latin = match["words"].split()
        gloss = (match["gloss"] or "").split()
        if latin[0] in romanization["not_name_words"] or any(w in romanization["not_name_parts"] for w in latin) \
                or gloss and not (len(gloss) == len(latin) and all(map(_sounds_like, gloss, latin))):
            continue
        title = _title_word_at(people, match.end())
        if title:
            yield match, title


_NEWCOMER = compiled_re(r"(?<![가-힣])(?P<place>[가-힣]{2,12})에서 온 (?P<name>[가-힣]{2,7})(?:은|는|이|가)(?![가-힣])")


def _newcomers(people: People) -> None:
    """`가나에서 온 크리스티나는`: a proper noun right after `[a country]에서 온`, as a subject, is a
    visitor named by the given name alone (`미국에서 온 관광객은` names a group)."""
    article = people.article
    for match in _NEWCOMER.finditer(article.text):
        word = article.word(match.start("name"), match.end())
        written = clean(word.stem)
        if people.countries.overlap(match.start("place"), match.end("place")) and word.stem_tags == ("NNP",) \
                and written == match["name"] and not never_in_name(people, word, written) \
                and not is_organization_word(people.reading, word):
            phrase = PersonPhrase(Speaker(name=written), word.start, name_span=(word.start, word.start + len(written)))
            people.apposed[word.start + len(word.stem)] = phrase
            _add_phrase(people, [], phrase)


def _transliterated(people: People) -> None:
    """`Nitiphan Trongkarndee(니티퐌 트롱카른드) 국장`: the person is known by the Latin name, and
    later by the Hangul words (`트롱카른드 국장은`)."""
    for match, title in _latin_named(people):
        speaker = Speaker(name=" ".join(match["words"].split()), title=title)
        people.entries.append((match.start(), speaker, {title}))
        for written in (match["gloss"] or "").split():
            people.transliterations[written] = speaker.name


def _title_word_at(people: People, position: int) -> str | None:
    """The title of the word opening at text[position] (`국장`, `전략개발국장이`, `사업부장이다`)."""
    article = people.article
    index = article.index_at(position)
    word = article.words[index] if index < len(article.words) else None
    nominal = clean(article.text[position:word.nominal_end]) if word and word.start == position else ""
    titled = split_title(nominal) if nominal not in titles().homonym_titles else None  # `Blue Ocean 시장에`
    return titled[0] if titled and titled[0] not in titles().anonymous_titles else None


def _names_a_thing(people: People, words: list[Word]) -> bool:
    """`테크니컬 투어(Technical Tour)`, `프리즈 서울(Frieze Seoul)`: a programme's or a system's head,
    or a Korean city, in a transliterated name make it a thing's name."""
    last = clean(words[-1].stem)
    return bool(people.heads.programs.ending_or_is(last) or people.heads.systems.ending_or_is(last)) \
        or any(clean(word.stem) in titles().regions for word in words)


def _sounds_like(hangul: str, latin: str) -> bool:
    initial = _CHOSEONG[(ord(hangul[0]) - 0xAC00) // 588] if "가" <= hangul[:1] <= "힣" else None
    return initial is not None and latin[0] in _romanized_initials().get(initial, ())


@lru_cache(maxsize=None)
def romanization_lexicon() -> dict:
    return lexicons.load("romanization")


@lru_cache(maxsize=None)
def _romanized_initials() -> dict[str, tuple[str, ...]]:
    return {initial: tuple(letters) for initial, letters in romanization_lexicon()["initials"].items()}


def _candidate(kind: str, article: ArticleWords, span: tuple[int, int]) -> Candidate:
    return Candidate(kind, article.text[span[0]:span[1]], *span)


def _in_country_span(candidate: Candidate, countries: Spans) -> bool:
    return countries.cover(candidate.start, candidate.end)


def _glued_bylines(people: People) -> list[Candidate]:
    """`[경기신문=이하늘기자]`: a reporter's name glued to the title."""
    article, lex = people.article, titles()
    found = []
    for word in people.article.words:
        text = article.text[word.start:word.nominal_end]
        if not text.endswith(lex.glued_titles):
            continue
        title = next(t for t in lex.glued_titles if text.endswith(t))
        if lexicons.korean_name_form(text[:-len(title)]):
            found.append(Candidate("persons", text[:-len(title)], word.start, word.start + len(text) - len(title)))
    return found
