"""`kr_names`: named systems, programmes, organisations and persons.

Candidates come from noun phrases and their heads (things.py), quoted names, people
before titles (people.py) and foreign cities acting as bodies (cities.py), all over the
article's words (words.py). This component settles overlaps (a quoted name wins over the
systems and programmes inside it, not the bodies; a person is not an organisation), resolves
aliases (`국토부` -> 국토교통부, `LH` after `한국토지주택공사(LH)`), gives every name its
longest complete form, and stores one Named per mention.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ... import lexicons
from ...model import NAMED_FIELDS, Named, Span
from ...nlp.common import add_item, document_of
from ...nlp.korean import Spans, content_of, one_of, particles
from ...pattern_cache import compiled_re
from .people import People, person_candidates, titles
from .person_evidence import learned_persons
from .cities import CityRoles, city_lexicon
from .extent_evidence import learned_extents
from .lists import listed_bodies
from .things import (Candidate, Reading, acronym_programmes, heads, organization_aliases, organization_head,
                     parenthesised_aliases, place_name, quoted, things)
from .words import ArticleWords, article_words

#: Outlets named in bracketed bylines, datelines and photo credits: `[아시아경제 박종일 기자]`,
#: `[미디어투데이=안상일기자]`, `(서울=연합뉴스)`, `[수원=이데일리 홍길동 기자]`, `(사진=연합뉴스)`, `[사진-세종시]`,
#: `(사진-가람공단 제공)`, `[KPI뉴스 자료사진]`, and a credit closing a caption's line without brackets (`… 모습. / 사진=연합뉴스`,
#: `… 제공=연합뉴스`). The shared dev set's gold lists the outlet among the article's bodies
#: (docs/CONTRACT.md's rulings).
_OUTLET = compiled_re(
    r"\[([^\[\]=\s/|ㅣ]{2,15})\s*=?\s*[가-힣]{2,4}\s*기자\]"
    r"|[(<\[]사진\s*[=-]\s*([^()<>\[\]\s]{2,15})(?:\s제공)?[)>\]]"
    r"|\[([^\[\]=\s]{2,15}) 자료사진\]"
    r"|[(\[][가-힣]{1,6}\s*=\s*([가-힣A-Za-z][^()\[\]=\s]{1,14})(?:\s+[가-힣]{2,4}\s*기자)?[)\]]"
    r"|(?:^|[ \t/])(?:사진\s*제공|사진|제공)\s*=\s*([^\s()<>\[\]=/]{2,15})[ \t]*(?=\n|\Z)")
#: A byline zone's line opening with a bracket (`[뉴스스텝]`, `【가람뉴스 무안=홍길동 기자】`, `[여성종합뉴스/홍길동 기자]`, `(아주경제 홍길동 기자)`),
#: after a dashed dateline's place at most (`서울--(뉴스와이어)--`); a wire's credit line under the article
#: (`/연합뉴스` alone on its line) is a byline line at the end, no credit the gold lists (docs/CONTRACT.md).
_BYLINE_BRACKET = compiled_re(r"^[\s•·-]*(?:[가-힣]{1,6}\s*--\s*)?[\[(【]([^\[\]()【】\n]{2,40})[\])】]", re.MULTILINE)
_BYLINE_WORD = compiled_re(r"[^\s=/|ㅣ]+")
#: A photo's credit closing its caption: the outlet's archive (`(가람일보DB)`) or the outlet after the
#: caption's sentence (`… 모습. 연합뉴스`).
_CAPTION_CREDIT = compiled_re(r"\(([가-힣A-Za-z0-9]{2,15}?)\s*DB\)[ \t]*$|[.!?][ \t]+([가-힣A-Za-z0-9]{2,15})[ \t]*$", re.MULTILINE)
#: More words than a place, an outlet, its edition and a reporter with the role make no byline's bracket
#: (`(한국 주재 본 방송국 홍길동 특파기자)` says where the reporter works).
_BYLINE_WORDS = 4
_BYLINES = lexicons.load("bylines")
_ROLES = tuple(_BYLINES["roles"])
_SECTION_TAGS = frozenset(_BYLINES["section_tags"])
_OUTLET_ENDINGS = tuple(lexicons.load("name_heads")["organizations"]["outlet_endings"])
_SPACE = compiled_re(r"\s+")
_NAME_PARTICLES = particles("subject", "topic", "object", "direction", "genitive", "partner", "also")
_PARENTHESISED = compiled_re(r"\([^()]*\)")
#: `趙시`, `李구` read off `趙시장`, `李구청장`: one Chinese character, a headline's surname, and a head.
_HANJA_SURNAME_HEAD = compiled_re(r"[\u4e00-\u9fff][가-힣]")
#: Bylines and contact lines are not content, but their reporters, outlets and officers are named.
_BYLINE_FIELDS = {"reporters": "persons", "contacts": "persons", "outlets": "organizations"}


@Language.factory("kr_names", requires=["doc.spans"], assigns=["doc.spans", "doc._.people"])
class NameRecognizer:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        heads(), titles(), organization_aliases()  # the lexicons are read as the pipeline loads, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        text = article_words(doc).text
        for candidate in named_candidates(doc):
            field = _BYLINE_FIELDS.get(candidate.field, candidate.field)
            mention = Span(text=text[candidate.start:candidate.end], start=candidate.start, end=candidate.end)
            add_item(doc, field, candidate.start, candidate.end, Named(name=candidate.name, mentions=[mention]))
        return doc


def named_candidates(doc: Doc) -> list[Candidate]:
    """Every name the component stores, one Candidate per mention (bylines' outlets and contacts in their own
    fields), the organisations at the extent the learned ranker prefers (extent_evidence.py), and the persons
    the learned adder finds where the rules name none (person_evidence.py)."""
    content = content_of(doc)
    people = doc._.people
    found = [c for c in _resolve(article_words(doc), learned_extents(people.reading, _candidates(doc, people)))
             if content.contains(c.start, c.end) or c.field in _BYLINE_FIELDS]
    return found + learned_persons(doc, people, found)


def _candidates(doc: Doc, people: People) -> list[Candidate]:
    reading, article = people.reading, people.article
    claims = quoted(reading) + acronym_programmes(reading)
    found_people = person_candidates(people)
    persons = [c for c in found_people if c.field == "persons"] + _reporters(doc, article.text) + [
        Candidate("contacts", article.text[start:end], start, end) for start, end in document_of(doc).contacts]
    cities = CityRoles(reading)
    phrase_named = _without_headline_verbs(doc, reading, things(reading)) + [
        c for c in people.organizations if cities.keeps(c)]
    phrase_named += cities.acting_cities() + listed_bodies(reading)
    outlets = _outlets(article) + _byline_outlets(doc, article.text)
    phrase_named = _credited_apart(phrase_named, outlets) + [c for c in found_people if c.field == "organizations"] + outlets
    phrase_named = [_without_country_mark(c) for c in phrase_named + _glossed_names(article.text)
                    if not _describes(reading, c)]
    # a quoted name wins over the systems and programmes inside it; a body named inside it is still named;
    # a person's name ending like a body (`이용부`, `이상구`), or a surname in a Chinese character before
    # a title (`趙시장`: Mayor Cho), names the person wherever it stands
    person_names = {c.name for c in persons}
    person_spans, claim_spans = Spans(persons), Spans(claims)
    phrase_named = [c for c in phrase_named if not person_spans.overlap(c.start, c.end) and c.name not in person_names
                    and not _HANJA_SURNAME_HEAD.fullmatch(c.name)
                    and (c.field in ("organizations", "outlets") or not claim_spans.overlap(c.start, c.end))]
    # named as words of their own, not glued to a title nor after an owner
    bodies_alone = {c.name for c in people.organizations if not _after_owner(reading, c)}
    return [c for c in claims if c.field != "claimed"] + persons + _named_apart(reading, phrase_named, bodies_alone)


#: Zones written in a headline's clipped style, and zones of running text.
_HEADLINE_ZONES = frozenset({"headline", "deck"})
_TEXT_ZONES = frozenset({"body", "caption"})


def _without_headline_verbs(doc: Doc, reading: Reading, found: list[Candidate]) -> list[Candidate]:
    """`한경대, 개도국 농업공무원 연수`, `국제교육진흥원, 10개국 대학생 초청 연수`: a headline clips its clause,
    and a general head in it (`연수`, `사업`) is its verb (trains, invites) or a gist, no programme's
    name, unless the article's text names the programme so again."""
    document, lex = document_of(doc), reading.lex
    headlines = [(z.start, z.end) for z in document.zones if z.kind in _HEADLINE_ZONES]
    running = "".join(document.text[z.start:z.end] for z in document.zones if z.kind in _TEXT_ZONES)
    running = _SPACE.sub("", running)
    return [c for c in found if not (
        c.field == "programs" and lex.programs.ending(c.name) in lex.kind_heads
        and any(start <= c.start and c.end <= end for start, end in headlines)
        and _SPACE.sub("", c.name) not in running)]


#: After a body's kind, the copula that makes it say what a named body is: apposed before the name
#: (`종합교통관제센터인 교통정보센터`), or predicated of it (`… 행정협력기구이다`).
_APPOSED = compiled_re(r"인\s")
_PREDICATED = compiled_re(r"(?:이다|입니다)(?![가-힣])")


#: After a body named by its kind, the noun of building or bringing it in (`정보접근센터 구축`).
_BUILT = compiled_re(r"(?:을|를)?\s*" + one_of(lexicons.load("name_heads")["organizations"]["building_nouns"]))


def _describes(reading: Reading, candidate: Candidate) -> bool:
    """`서울시의 종합교통관제센터인 교통정보센터`, `부산 전시컨벤션센터인 벡스코`, `…로 구성된
    행정협력기구이다`: a body's kind said of a body named beside it describes it and names none;
    predicated, a name of its own (`주관사는 한빛재단이다`) still names one."""
    text = reading.article.text
    if candidate.field != "organizations":
        return False
    if _APPOSED.match(text, candidate.end) or _being_built(reading, candidate):
        return True
    words = reading.article.words[reading.article.index_at(candidate.start):reading.article.index_at(candidate.end)]
    return bool(_PREDICATED.match(text, candidate.end)) and all(set(word.tags) <= {"NNG"} for word in words)


def _being_built(reading: Reading, candidate: Candidate) -> bool:
    """`정보접근센터 구축을 지원했다`, `통합관제센터를 건립한다`: a body named by its kind alone, before the
    noun of building or bringing it in, is the facility a project makes, no body yet (a name with a proper
    noun is one: `한빛연구소 설립`, `한-베트남 과학기술연구원 설립`)."""
    article = reading.article
    if not _BUILT.match(article.text, candidate.end):
        return False
    words = article.words[article.index_at(candidate.start):article.index_at(candidate.end)]
    return bool(words) and all(word.tags and set(word.tags) == {"NNG"} for word in words)


def _without_country_mark(candidate: Candidate) -> Candidate:
    """`韓전시산업진흥회`: a headline's country in one Chinese character, glued before a body's name,
    says whose the body is; the name follows it."""
    name = candidate.name
    if len(name) > 3 and name[0] in _hanja_countries() and "가" <= name[1] <= "힣":
        return Candidate(candidate.field, name[1:], candidate.start + 1, candidate.end)
    return candidate


@lru_cache(maxsize=None)
def _hanja_countries() -> frozenset[str]:
    """Countries' short forms in one Chinese character (`韓`, `中`, `日`), as headlines write them."""
    return frozenset(form for entry in lexicons.load("countries")["countries"] for form in entry["short_forms"]
                     if len(form) == 1 and "\u4e00" <= form <= "\u9fff")


def _owner(reading: Reading, text: str, start: int) -> bool:
    """A local government or a country, which may stand before a body it owns."""
    lex = reading.lex
    return lex.organizations.ending(text) in lex.local_government_heads or reading.countries.contain(start)


def _after_owner(reading: Reading, candidate: Candidate) -> bool:
    article = reading.article
    index = article.index_at(candidate.start)
    if index == 0 or index == len(article.words) or article.words[index].start != candidate.start:
        return False  # a member of a coordination inside a word (`북창ㆍ무학치안센터`) has no owner before it
    before = article.words[index - 1]
    return article.joined(before, article.words[index]) and \
        _owner(reading, article.text[before.start:before.nominal_end], before.start)


def _named_apart(reading: Reading, candidates: list[Candidate], names: set[str]) -> list[Candidate]:
    """`안양시 스마트도시통합센터`, `몽골 내각사무처`, `송도 경제자유구역청` where the article also names
    `스마트도시통합센터`, `내각사무처`, `경제자유구역청` by itself (in `names`, however spaced): that is
    the body's name; the government, country or place before it only says whose it is."""
    alone = {_SPACE.sub("", name) for name in names}
    kept = []
    for candidate in candidates:
        owner, _, rest = candidate.name.partition(" ")
        if candidate.field == "organizations" and _SPACE.sub("", rest) in alone \
                and (_owner(reading, owner, candidate.start) or _place_before(reading, owner, rest, candidate.start)):
            candidate = Candidate(candidate.field, rest, candidate.end - len(rest), candidate.end)
        kept.append(candidate)
    return kept


def _place_before(reading: Reading, text: str, body: str, start: int) -> bool:
    """`화성 동탄센터`: a place's name (a city written without its head) as a word of its own, before
    a body named by its head (not a body before its unit: `한국농어촌공사 인재개발원`; not a city before
    its district: `대전 중구청`)."""
    lex = reading.lex
    word = reading.article.words[reading.article.index_at(start)]
    head = lex.organizations.ending(body)
    return reading.article.text[word.start:word.nominal_end] == text and place_name(reading, word, text) \
        and organization_head(reading, word) is None and head is not None \
        and head not in lex.local_government_heads and head not in lex.office_heads


#: `캉푸(Cola) 여행사`, `마르틴루터(Martin Luther)대학`: a proper name glossed in Latin letters as it
#: is spelt (a word in small letters, not an acronym: `인공지능(AI) 센터` is a kind), then the word of
#: its kind (the name's head).
_GLOSSED = compiled_re(
    r"(?<![가-힣A-Za-z0-9])[가-힣]{2,12}\([A-Z]?[a-z]+(?:[ .&'-]+[A-Za-z]+)*\)\s?(?P<head>[가-힣]{2,10})(?![가-힣])")


def _glossed_names(text: str) -> list[Candidate]:
    """A name with its Latin gloss inside, before a head of two or more syllables (`여행사`, `대학`,
    `서울사무소`), its particle apart, not a common noun ending like one (`행복도시`): the gloss stays
    in the name (docs/CONTRACT.md's rulings)."""
    found = []
    for match in _GLOSSED.finditer(text):
        word = match["head"]
        stem = next((stem for stem in _without_particles(word) if _body_head(stem)), None)
        if stem:
            end = match.start("head") + len(stem)
            found.append(Candidate("organizations", text[match.start():end], match.start(), end))
    return found


def _without_particles(word: str) -> list[str]:
    """The word, then the word without each particle it may end in, two at most (`대학과도`)."""
    once = [word[:-len(p)] for p in _NAME_PARTICLES if word.endswith(p) and len(word) - len(p) > 1]
    twice = [stem[:-len(p)] for stem in once for p in _NAME_PARTICLES if stem.endswith(p) and len(stem) - len(p) > 1]
    return [word, *once, *twice]


def _body_head(word: str) -> bool:
    lex = heads()
    head = lex.organizations.ending_or_is(word)
    return bool(head) and len(head) > 1 and word not in lex.not_organizations and not word.endswith(lex.common_endings)


def _credited_apart(candidates: list[Candidate], outlets: list[Candidate]) -> list[Candidate]:
    """`[사진-세종시]`: a credit's words around the body it credits (`사진-`) are no part of its name."""
    credits = Spans(outlets)
    return [c for c in candidates if not any((o.start, o.end) != (c.start, c.end) for o in credits.within(c.start, c.end))]


def _reporters(doc: Doc, text: str) -> list[Candidate]:
    """Bylines' reporters are people of the article too (the gold lists them among persons)."""
    found = []
    for reporter in document_of(doc).reporters:
        position = text.find(reporter.name)
        if reporter.name and position >= 0:
            found.append(Candidate("reporters", reporter.name, position, position + len(reporter.name)))
    return found


def _outlets(article: ArticleWords) -> list[Candidate]:
    found = []
    for match in _OUTLET.finditer(article.text):
        group = next(g for g in range(1, _OUTLET.groups + 1) if match.group(g))
        found.append(Candidate("outlets", match.group(group), match.start(group), match.end(group)))
    return found


def _byline_outlets(doc: Doc, text: str) -> list[Candidate]:
    """The outlet a byline zone credits in a bracket or a credit line (the shared dev set's gold lists it:
    docs/CONTRACT.md's rulings)."""
    document = document_of(doc)
    reporters = {reporter.name for reporter in document.reporters}
    found = []
    for zone in document.zones:
        if zone.kind == "caption":
            found += _caption_credit(text, zone.start, zone.end)
        if zone.kind != "byline":
            continue
        for credit in _BYLINE_BRACKET.finditer(text, zone.start, zone.end):
            outlet = _outlet_word(text, credit, reporters)
            if outlet:
                found.append(Candidate("outlets", outlet.group(), *outlet.span()))
    return found


def _caption_credit(text: str, start: int, end: int) -> list[Candidate]:
    """`(가람일보DB)`, `… 모습. 연합뉴스`: the outlets credited for the photos of a caption's lines (one
    named as outlets are, after the line's sentence)."""
    found = []
    for credit in _CAPTION_CREDIT.finditer(text, start, end):
        group = 1 if credit.group(1) else 2
        if group == 1 or credit.group(2).endswith(_OUTLET_ENDINGS):
            found.append(Candidate("outlets", credit.group(group), credit.start(group), credit.end(group)))
    return found


def _outlet_word(text: str, credit: re.Match, reporters: set[str]) -> re.Match | None:
    """In `[성북구 가람타임즈=홍길동 기자]`, `[더팩트ㅣ내포=홍길동 기자]`, `[가람뉴스]`: the word ending as
    outlets' names do, else the first that is neither a dateline's place (before `=` or `/`: `[충남=가람]`)
    nor the reporter with the role, nor a section's tag (`[포토]`)."""
    words = list(_BYLINE_WORD.finditer(text, credit.start(1), credit.end(1)))
    if len(words) > _BYLINE_WORDS:
        return None
    words = [word for word in words if not _names_reporter(word.group(), reporters) and word.group() not in _SECTION_TAGS]
    ending = next((word for word in words if word.group().endswith(_OUTLET_ENDINGS)), None)
    return ending or next((word for word in words if len(word.group()) > 1
                           and text[word.end():credit.end(1)].lstrip()[:1] not in ("=", "/")), None)


def _names_reporter(word: str, reporters: set[str]) -> bool:
    """`기자`, `홍길동`, `홍길동기자`: the reporter's name or role."""
    return word in _ROLES or any(word.removesuffix(role) in reporters for role in ("", *_ROLES))


def _resolve(article: ArticleWords, candidates: list[Candidate]) -> list[Candidate]:
    """Alias resolution and canonical names: every mention renamed to its name's longest form."""
    orgs = [c for c in candidates if c.field == "organizations"]
    aliases = {alias: target for alias, target in parenthesised_aliases(article, orgs).items()}
    candidates = candidates + [t for t in aliases.values() if t not in orgs] + _alias_mentions(article, aliases)
    written = {c.name for c in candidates if c.field == "organizations"}
    shortened = _short_forms(written) | _headless_forms(written) | _short_head_forms(written)
    credited = {(c.start, c.end) for c in candidates if c.field == "outlets"}
    renamed = [_renamed(c, aliases, written, shortened, (c.start, c.end) in credited) for c in candidates]
    for field in NAMED_FIELDS + tuple(_BYLINE_FIELDS):
        names = {c.name for c in renamed if c.field == field}
        canonical = _canonical_names(names, merge_suffixes=field not in ("persons", "reporters"))
        renamed = [Candidate(c.field, canonical[c.name], c.start, c.end) if c.field == field else c
                   for c in renamed]
    return list(dict.fromkeys(renamed))


def _renamed(candidate: Candidate, aliases: dict[str, Candidate], written: set[str],
             shortened: dict[str, str], credited: bool) -> Candidate:
    """A short form (`국토부`) takes the official name only when the article writes that name too:
    the canonical name is always a mention."""
    if candidate.field not in ("organizations", "outlets"):
        return candidate
    official = organization_aliases().get(candidate.name)
    if credited:
        official = official or _government_of_office(candidate.name)
    name = official if official in written else shortened.get(candidate.name, candidate.name)
    target = aliases.get(name)
    if target is not None and target.name != name:
        name = target.name
    return Candidate(candidate.field, name, candidate.start, candidate.end)


def _government_of_office(name: str) -> str | None:
    """`<사진=연천군청>`: a local government's office credited for a photo is the government itself
    (elsewhere `안양시청` is as often the building visited)."""
    government = name.removesuffix("청")
    lex = heads()
    local = government in lex.provinces or lex.organizations.ending(government) in lex.local_government_heads
    return government if government != name and local else None


def _short_forms(written: set[str]) -> dict[str, str]:
    """`행자부` -> 행정자치부, `국가인재원` -> 국가공무원인재개발원: a name of three or more syllables
    that keeps, in order, syllables of one other name the article writes, its first and its head
    (a name holding the short form whole, `국가인재원 과천분원`, is another body)."""
    found = {}
    for short in written:
        if len(short) < 3 or " " in short:
            continue
        longer = [name for name in written
                  if name[0] == short[0] and name[-1] == short[-1] and short not in name
                  and _keeps_in_order(short, _SPACE.sub("", name))]
        if len(longer) == 1:
            found[short] = longer[0]
    return found


def _headless_forms(written: set[str]) -> dict[str, str]:
    """`옌타이` -> 옌타이시, `남양주` -> 남양주시: a place's name written without the head of the
    local government the article also names by it is that government."""
    local_heads = (*heads().local_government_heads, *city_lexicon().heads)
    return {name: name + head for name in written for head in local_heads if name + head in written}


def _short_head_forms(written: set[str]) -> dict[str, str]:
    """`숭실대` -> 숭실대학교, `서울과기대` -> 서울과학기술대학교: a name ending in a short head whose stem
    is the stem of one other name the article writes with the full head, or, clipped to three syllables
    or more, keeps its syllables in order from its first (`서울대` is not `서울과학기술대학교`)."""
    found = {}
    for short_head, full_heads in heads().short_heads:
        full_stems = {_SPACE.sub("", name).removesuffix(full): name for name in written for full in full_heads
                      if _SPACE.sub("", name).endswith(full)}
        for short in written:
            stem = short.removesuffix(short_head)
            if stem == short or len(stem) < 2 or " " in short:
                continue
            longer = {name for full_stem, name in full_stems.items() if full_stem == stem
                      or (len(stem) > 2 and full_stem[0] == stem[0] and _keeps_in_order(stem, full_stem))}
            if len(longer) == 1:
                found[short] = longer.pop()
    return found


def _keeps_in_order(short: str, name: str) -> bool:
    letters = iter(name)
    return all(letter in letters for letter in short)


def _alias_mentions(article: ArticleWords, aliases: dict[str, Candidate]) -> list[Candidate]:
    """Later bare uses of an alias (`LH는`) are mentions of the organisation."""
    if not aliases:
        return []
    acronyms = {target.name for target in aliases.values()}
    found = []
    for word in article.words:
        text = article.text[word.start:word.nominal_end]
        if (text in aliases or text in acronyms) and re.fullmatch(r"[A-Za-z]+", text):
            found.append(Candidate("organizations", text, word.start, word.nominal_end))
    return found


def _canonical_names(names: set[str], merge_suffixes: bool) -> dict[str, str]:
    """Name -> canonical: the longest spelling of the same words; with merge_suffixes, a name
    that ends one longer name (`통합센터` in `스마트도시통합센터`), or longer names that each end
    the longest (`운영센터`, `스마트시티 운영센터`), is that name."""
    def key(name: str) -> str:
        return _SPACE.sub("", name)

    longest: dict[str, str] = {}
    for name in sorted(names, key=lambda name: (len(name), name)):  # ties broken by text: same output every run
        longest[key(name)] = name
    glossed = {_PARENTHESISED.sub("", k): k for k in longest if ")" in k}
    canonical = {}
    for name in names:
        target = key(name)
        if merge_suffixes:
            target = glossed.get(target, target)  # `버스정보시스템` after `버스정보시스템(BIS)`, `드론 시범사업` after `드론(무인비행장치) 시범사업`
            containers = sorted((k for k in longest if k != target and k.endswith(target)), key=len)
            if containers and all(containers[-1].endswith(k) for k in containers):
                target = containers[-1]
        canonical[name] = longest[target]
    return canonical
