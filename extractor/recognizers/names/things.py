"""Named systems, programmes and organisations found from noun phrases and their heads.

A name is a noun phrase ending in a head (`시스템`, `포럼`, `협회`), read right to
left from the head until a word that cannot belong to a name: a generic
modifier (`이번`, `관련`), a count (`10개`), an organisation before a system or
programme. Quoted names (`‘스마트도시 체감도 증진사업’`) are taken whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field as dataclass_field
from functools import lru_cache
from typing import NamedTuple

from ... import lexicons
from ...nlp.korean import Spans, longest_first, one_of, particles
from ...pattern_cache import compiled_re
from .words import ArticleWords, Word

MAX_NAME_WORDS = 7
#: Counters: `10명`, `6개월간` (a duration), `2단계` (a phase), `850만달러` (an amount), `5층` (a floor) open no name.
_COUNTERS = frozenset({"명", "개", "곳", "년", "월", "일", "회", "차", "번", "개국", "개소", "개교", "대", "건", "세", "주년",
                       "개월", "간", "단계", "년도", "원", "달러", "유로", "엔", "위안", "층"})
#: Counts that number an event's edition, part of its quoted name (`창립 40주년 기념 총회`, `제5회 포럼`),
#: and a corps' or course's intake (`제6기 해외봉사단`).
_EDITION_COUNTERS = frozenset({"주년", "회", "차", "기"})
_EDITION_APART = "제 "
_COURSE = "과정"
#: Suffixes that make a word describe what follows: `나라별` (for each), `열흘간`, `국가간` (for a time, between).
_DESCRIBING_SUFFIXES = (("별",), ("간",))
_GENITIVE = "의"
_SENTENCE_END = compiled_re(r"다[.\s]|[.!?]\s|\n")
#: `시민참여형`, `맞춤형`: the suffix making a word a type of something (`유형`, `모형` are too short to carry it).
_TYPE_SUFFIX = "형"
#: A month, a day or a time as written (`5월`, `23일`, `4시 30분`): when something happens, not how many.
_DATE_UNITS = frozenset({"월", "일", "시", "분"})
#: A year as written (`2023`, `2023년`, `2023년도`, `2016~2018`): a date too, and the edition of an event
#: whose name it opens (`2023년 대백제전`).
_YEAR = compiled_re(r"(?:19|20)\d\d(?:[~∼-](?:19|20)?\d\d)?(?:년도?)?")
#: A year written after an event's name, its edition (`경주 술과 떡 잔치 2009`, `서울거리예술축제2017`).
_TRAILING_YEAR = compiled_re(r" ?(?:19|20)\d\d$")
#: Counters of bodies or of a body's meetings, before a body named by its kind (`30여개 센터`, `제33차 위원회`).
_BODY_COUNTERS = frozenset({"개", "곳", "개소", "차", "회"})
_COUNTRY_COUNTER = "개국"
#: Middle dots joining conjuncts, as typed in Korean text (`통합관제·스마트도시`, `경천․양지천`, `아프리카・아시아`).
COORDINATION_MARKS = "·ㆍ․・‧∙"
_COORDINATION = compiled_re(f"[{COORDINATION_MARKS}]")
CONJUNCT = compiled_re(f"[^{COORDINATION_MARKS}]+")
#: Kiwi's tags of proper nouns joined by middle dots (SP: the dot).
_PROPER_LIST_TAGS = frozenset({"NNP", "SP"})
#: A legal form marking a body's name, before it (`㈜`, `(재)`, `주식회사 `) or right after it (`(주)`).
_LEGAL_FORM_MARK = r"[㈜㈔㈕]|\((?:주|재|사|유|합|株|財|社)\)"
_LEGAL_FORM_WORD = r"주식회사|재단법인|사단법인|유한회사"
_LEGAL_FORM = compiled_re(f"{_LEGAL_FORM_MARK}|(?:{_LEGAL_FORM_WORD}) ?")
_NAME_RUN = compiled_re(f"[^\\s{COORDINATION_MARKS}()\\[\\],.]+")
_NAME_RUN_BEFORE = compiled_re(f"[^\\s{COORDINATION_MARKS}()\\[\\],.]+$")
_NAME_REACH = 30
_DIGIT = compiled_re(r"\d")
#: what may follow an evaluation's head in its word: a gloss, a particle, nothing (not `평가했다`)
_EVALUATION_TAIL = compiled_re(r"(?:\([A-Za-z]+\))?(?:에서|에|의|를|결과|은|는|이|가)?$")
_LATIN_WORD = compiled_re(r"[A-Za-z]+")
#: the rank the evaluation gave, within a few words of the same sentence (`… 결과 3회 연속 1위`)
_RANK_AFTER = compiled_re(r"[^.\n]{0,24}?\d+위")
_SPACE = compiled_re(r"\s+")
_CITY_ENDINGS = frozenset(lexicons.load("name_heads")["cities"]["heads"])
_PLACE_HEAD_TITLES = tuple(lexicons.load("titles")["suffix_titles"])  # `시장`, `군수`, `구청장`
_PROPER_TAGS = frozenset({"NNP", "SL", "SO", "SP"})
#: common nouns, their suffixes (`품목별`, `방범용`) and the marks coordinating them
_COMMON_NOUN_TAGS = frozenset({"NNG", "XSN", "SP", "SW"})
#: An acronym right before a parenthesised name (`LH(한국토지주택공사)`), looked for only in the
#: characters it can span: 8 letters, the bracket, and the newline `$` may stand before.
_ACRONYM_BEFORE = compiled_re(r"([A-Z][A-Za-z]{1,7})\($")
_ACRONYM_REACH = 10
_CAPITALISED = compiled_re(r"[A-Z][a-z]{2,}")
_TRAILING_GLOSS = compiled_re(r"(?<=\S)\(([^()]+)\)$")
#: An abbreviation or translation in Latin letters (`(UNI-PASS)`, `(K-City Network)`), not an address (`ucity.paju.go.kr`).
_LATIN_ALIAS = compiled_re(r"[A-Za-z][A-Za-z0-9 +&'\-]{0,59}")
_ALIAS_AFTER = compiled_re(r"\(([^()\n]{1,60})\)")
#: A parenthesised gloss right before a phrase (`드론(무인비행장치) 시범사업`): `(`, the gloss, `)`, a space or none.
_GLOSS_BEFORE = compiled_re(r"\(([^()\n]{1,30})\) ?$")
_GLOSS_REACH = 34
#: Words glued before a known system that name it more closely (`자동크린넷`, `서울TOPIS`): letters, no digits.
_NAMING_PREFIX = compiled_re(r"[가-힣A-Za-z]{1,6}")
_STEM_PUNCTUATION = ".,·"
#: After a quoted phrase, what makes it a theme or a topic: `‘…’이란 주제로`, `‘…’를 주제로`, `‘…’ 등에 관한 강의`.
_THEME = compiled_re(r" ?(?:(?:이란|란|이라는|라는|을|를) ?주제|등?(?:에 관한|에 대한|에 관해))")
#: After a phrase, what makes it an epithet the article gives a name, no name itself: `‘마술계의 올림픽’으로
#: 불리는 …챔피언십`, `경제올림픽축제로 불리우는 …대회`, `‘바다의 축제’라는 별칭`.
_NICKNAME = compiled_re(r" ?(?:(?:이)?라(?:고)?|(?:으)?로) ?불리(?:는|우는|운|던|며|고)|(?:이)?(?:라는|란) ?(?:별칭|애칭|별명)")
#: a label of the page's contact lines (`▷ 뉴스홈페이지 : www.…`): the page's furniture, no system of the story
_CONTACT_LABEL = compiled_re(r" ?[:：] ?(?:https?://|www\.)")
#: A body's legal form written before or after a name (`㈜`, `(주)`, `주식회사`): a company's, no system's.
_COMPANY_BEFORE = compiled_re(f"(?:{_LEGAL_FORM_MARK}|{_LEGAL_FORM_WORD}) ?$")
_COMPANY_AFTER = compiled_re(f" ?(?:{_LEGAL_FORM_MARK})")
_OPENING_QUOTES = ("‘", "'", "“", "\"")
#: `‘…’라는`, `‘…’이라는`: what follows says what the quoted name is.
_CALLED = compiled_re(r"^\s?(?:이)?라는")
#: What stands between two quoted names of one list: a space, a comma, `과`/`와`, `및`.
_QUOTE_CONJUNCTION = compiled_re(r"(?:과|와|,)? ?(?:및 )?")
#: What stands between a quoted name and the word right after it: its gloss (`'…'(Unboxing Korea) 사업의`).
_BEFORE_TAKEN_HEAD = compiled_re(r"(?:\([^()\n]{1,60}\))? ?")
#: A head taken after a quoted name is a word of its own: a particle or a mark follows it.
_AFTER_TAKEN_HEAD = compiled_re(r"(?:[을를이가은는의에도과와 ,.]|으로|로|$)")
#: `(이하 “행복청”)`: the short name an article gives a body `hereafter`.
_HEREAFTER = compiled_re(r"^이하\s*")
_QUOTES = " '\"‘’“”"
#: An address in parentheses after a name (`박종문(서울 강동구)`): a few place words before the last.
_ADDRESS_REACH = 20
#: The longest word of variety or totality before a name (`여러 가지 `).
_DETERMINER_REACH = 8
#: The longest tally of times before a name (`총 130차례에 걸쳐 `).
_TALLY_REACH = 14
_PLACE_WORDS = compiled_re(r"(?:[가-힣]+ )*")


@dataclass(frozen=True)
class Candidate:
    field: str
    name: str
    start: int
    end: int


_ENDINGS_REMEMBERED = 100_000


def _remember(memory: dict, key: str, value):
    """Store a word's answer in a memory kept across articles, emptied at a bound (the same words
    recur in one article and the next), and return it."""
    if len(memory) >= _ENDINGS_REMEMBERED:
        memory.clear()
    memory[key] = value
    return value


class HeadIndex(frozenset):
    """The heads of one field, a set that also finds the head ending a text by its last character."""

    def __new__(cls, words):
        index = super().__new__(cls, words)
        by_last: dict[str, list[str]] = {}
        for head in longest_first(index):
            by_last.setdefault(head[-1], []).append(head)
        index._longest_first_by_last = {last: tuple(heads) for last, heads in by_last.items()}
        index._endings = {}
        return index

    def ending(self, text: str) -> str | None:
        """The longest head that ends text, if text is more than its head. Remembered per text (up to
        a bound): the same words are asked about again and again, in one article and the next."""
        try:
            return self._endings[text]
        except KeyError:
            return _remember(self._endings, text, self._find_ending(text))

    def _find_ending(self, text: str) -> str | None:
        return next((head for head in self._longest_first_by_last.get(text[-1:], ())
                     if len(head) < len(text) and text.endswith(head)), None)

    def ending_or_is(self, text: str) -> str | None:
        """The head that ends text, else text itself if it is a head."""
        return self.ending(text) or (text if text in self else None)


@dataclass(frozen=True)
class Reading:
    """What finding names reads: the article's words, the heads lexicon and the countries'
    spans; one object passed along instead of the three apart."""

    article: ArticleWords
    lex: Heads
    countries: Spans = Spans()  # (start, end) pairs


@dataclass(frozen=True)
class Heads:
    systems: HeadIndex
    programs: HeadIndex
    organizations: HeadIndex
    proper_heads: frozenset
    name_like_heads: frozenset
    standalone_heads: frozenset
    branch_heads: frozenset
    local_government_heads: frozenset
    shared_district_names: frozenset
    ministry_heads: tuple
    bureau_heads: tuple[str, ...]
    outlet_heads: frozenset
    address_nouns: frozenset
    location_verbs: tuple[str, ...]
    office_heads: frozenset
    address_endings: tuple[str, ...]
    provinces: frozenset
    not_organizations: frozenset
    generic_owners: tuple[str, ...]
    state_heads: tuple[str, ...]
    common_endings: tuple[str, ...]
    place_nouns: frozenset
    mission_heads: tuple[str, ...]
    resident: str
    resident_words: frozenset
    place_offices: tuple[str, ...]
    body_kinds: tuple[str, ...]
    body_counters: tuple[str, ...]
    school_kinds: tuple[str, ...]
    school_short_heads: tuple[str, ...]
    short_heads: tuple[tuple[str, tuple[str, ...]], ...]  # (short head, its full heads)
    scheme_modifiers: frozenset
    field_modifiers: frozenset
    field_links: frozenset
    praise_words: frozenset
    service_sectors: tuple[str, ...]
    system_kind_heads: frozenset
    nation_words: frozenset
    known_systems: HeadIndex
    device_heads: frozenset
    equipment_words: tuple[str, ...]
    owned_pages: frozenset
    known_bodies: frozenset  # written without spaces
    site_nouns: tuple[str, ...]
    plant_nouns: tuple[str, ...]
    always_on_numbers: frozenset
    consulting_verbs: frozenset
    participant_nouns: frozenset
    audience_words: frozenset
    container_heads: frozenset
    inviting_words: tuple[str, ...]
    group_heads: tuple[str, ...]
    kind_heads: frozenset
    languages: frozenset
    generic_activities: frozenset
    standing_assemblies: tuple[str, ...]
    scoped_activity: re.Pattern
    reach_words: frozenset
    event_parts: frozenset
    generic: frozenset
    descriptive: frozenset
    list_closers: frozenset
    quoted_followers: tuple[str, ...]
    quoted_leaders: frozenset
    quoted_heads: tuple[str, ...]
    taken_heads: frozenset
    anniversary_heads: frozenset
    agreement_heads: frozenset
    tie_agreements: frozenset
    ties: frozenset
    plan_heads: frozenset
    described_heads: frozenset
    meeting_bodies: tuple[str, ...]
    evaluation_heads: tuple[str, ...]
    evaluation_stops: tuple[str, ...]
    opening_ceremonies: frozenset
    process_nouns: frozenset
    course_levels: frozenset
    edition_parts: frozenset
    activity_event_head: str
    event_classes: tuple[str, ...]
    event_activities: tuple[str, ...]
    superlatives: frozenset
    dedicated_year: str
    group_companies: frozenset = frozenset()  # a business group's companies, named in one word (`현대중공업`)
    known_body_openings: frozenset = frozenset()  # every opening of a known body's name (`포스코` of `포스코ICT`)
    known_system_endings: frozenset = frozenset()  # every ending of a known system's name (`쉼터` of `스마트쉼터`)
    _noun_facts: dict = dataclass_field(default_factory=dict, compare=False, repr=False)

    def of(self, field: str) -> HeadIndex:
        return getattr(self, field)

    def noun_facts(self, noun: str) -> NounFacts:
        """What the lexicon says of a word's nominal part wherever it stands, remembered per noun
        (up to a bound): the words of one article recur, and so do those of the next."""
        try:
            return self._noun_facts[noun]
        except KeyError:
            return _remember(self._noun_facts, noun, _noun_facts(noun, self))


class NounFacts(NamedTuple):
    """Whether a word's nominal part can be what each rule over all the words looks for; a word
    that cannot is passed over without asking the rule (each is a necessary condition of its rule)."""

    body_head: bool    # ends a body's name (`_organization_at`, `_place_office`, `_latin_name_after_place`)
    thing_head: bool   # ends a system's or programme's name, an anniversary's event or a meeting body's
    counted: bool      # holds a digit: may count a list's bodies (`4개교`)
    known_body: bool   # opens a known body's name


def _noun_facts(noun: str, lex: Heads) -> NounFacts:
    body_head = (noun in lex.provinces or noun in lex.standalone_heads or lex.organizations.ending(noun) is not None
                 or noun.endswith(lex.ministry_heads) or noun.endswith(lex.bureau_heads)
                 or noun.endswith(lex.place_offices) or _CAPITALISED.fullmatch(noun) is not None)
    thing_head = (lex.systems.ending_or_is(noun) is not None or lex.programs.ending_or_is(noun) is not None
                  or noun in lex.anniversary_heads or noun.endswith(lex.meeting_bodies))
    return NounFacts(body_head, thing_head, _DIGIT.search(noun) is not None, noun in lex.known_body_openings)


class WordTable:
    """The name words each rule over all the words needs to read, found in one pass over the
    article's words and each distinct noun's facts (`Heads.noun_facts`), for organisations, systems
    and programmes, lists and known bodies alike."""

    def __init__(self, article: ArticleWords, lex: Heads):
        text, words = article.text, article.words
        facts = [lex.noun_facts(text[word.start:word.nominal_end]) for word in words]
        self.list_closers = [index for index, word in enumerate(words) if index and (
            facts[index].counted or word.stem == "등" and not word.particle)]
        self.known_body_starts = [index for index, fact in enumerate(facts) if fact.known_body]
        thing_words = [fact.thing_head or _may_name_thing(text, word, lex) for fact, word in zip(facts, words)]
        #: (first, end, positions) of each noun phrase (words[first:end]) with a word a rule may read
        self.body_phrases, self.thing_phrases = [], []
        for first, end in article.phrase_bounds:
            bodies = [index - first for index in range(first, end) if facts[index].body_head]
            if bodies:
                self.body_phrases.append((first, end, bodies))
            things = [index - first for index in range(first, end) if thing_words[index]]
            if things:
                self.thing_phrases.append((first, end, things))


def _may_name_thing(text: str, word: Word, lex: Heads) -> bool:
    """What, beside its noun, lets a word end a thing's name: the genitive of a dedicated year
    (`방문의 해`), a known system's name (`_known_system_at`), `…라는` (`_called_system`), an event glued to
    its activity (`개방행사`, `_activity_event`)."""
    stem = word.stem.rstrip(_STEM_PUNCTUATION)
    return (word.particle == _GENITIVE or word.tags[-1:] == ("SN",) or stem.endswith(lex.activity_event_head)
            or bool(stem) and (stem in lex.known_system_endings or lex.known_systems.ending_or_is(stem) is not None)
            or word.nominal and text.startswith(("라는", "이라는"), word.nominal_end))


def word_table(reading: Reading) -> WordTable:
    """The article's word table, built once per Doc (the lexicon is the same for every reading of it)."""
    tables = reading.article.tables
    if WordTable not in tables:
        tables[WordTable] = WordTable(reading.article, reading.lex)
    return tables[WordTable]


@lru_cache(maxsize=None)
def organization_aliases() -> dict[str, str]:
    """Short forms and their official names (`국토부` -> 국토교통부)."""
    return {str(k): str(v) for k, v in lexicons.load("org_aliases").items()}


def _group_companies(known: dict) -> frozenset:
    return frozenset(group + business for group in known["business_groups"] for business in known["group_businesses"])


def _known_body_names(known: dict, group_companies: frozenset) -> frozenset:
    """The names of known_bodies.yaml, written without spaces, with each business group's companies."""
    names = [name for section, names in known.items() if section not in ("business_groups", "group_businesses")
             for name in names]
    return frozenset(_SPACE.sub("", name) for name in names) | group_companies


@lru_cache(maxsize=None)
def heads() -> Heads:
    data = lexicons.load("name_heads")
    org = data["organizations"]
    known_systems = HeadIndex([entry["name"] for entry in lexicons.load("public_systems")["systems"]]
                              + data["systems"]["device_names"])
    known = lexicons.load("known_bodies")
    group_companies = _group_companies(known)
    known_bodies = _known_body_names(known, group_companies)
    return Heads(
        systems=HeadIndex(data["systems"]["heads"]),
        programs=HeadIndex(data["programs"]["heads"]),
        organizations=HeadIndex(org["heads"]),
        proper_heads=frozenset(org["proper_heads"]),
        name_like_heads=frozenset(org["name_like_heads"]),
        standalone_heads=frozenset(org["standalone_heads"]),
        branch_heads=frozenset(org["branch_heads"]),
        local_government_heads=frozenset(org["local_government_heads"]),
        shared_district_names=frozenset(org["shared_district_names"]),
        ministry_heads=tuple(org["ministry_heads"]),
        bureau_heads=tuple(org["bureau_heads"]),
        outlet_heads=frozenset(org["outlet_heads"]),
        address_nouns=frozenset(org["address_nouns"]),
        location_verbs=tuple(org["location_verbs"]),
        office_heads=frozenset(org["office_heads"]),
        address_endings=tuple(org["address_endings"]),
        provinces=frozenset(org["provinces"]),
        not_organizations=frozenset(org["not_organizations"]),
        generic_owners=tuple(org["generic_owners"]),
        state_heads=tuple(org["state_heads"]),
        common_endings=tuple(org["common_endings"]),
        place_nouns=frozenset(org["place_nouns"]),
        mission_heads=tuple(org["mission_heads"]),
        resident=org["resident"],
        resident_words=frozenset(org["resident_words"]),
        place_offices=tuple(org["place_offices"]),
        body_kinds=tuple(org["body_kinds"]),
        body_counters=tuple(org["body_counters"]),
        school_kinds=tuple(org["school_kinds"]),
        school_short_heads=tuple(org["school_short_heads"]),
        short_heads=tuple((short, tuple(full)) for short, full in org["short_heads"].items()),
        scheme_modifiers=frozenset(data["systems"]["scheme_modifiers"]),
        field_modifiers=frozenset(data["systems"]["field_modifiers"]),
        field_links=frozenset(data["systems"]["field_links"]),
        praise_words=frozenset(data["systems"]["praise_words"]),
        service_sectors=tuple(data["systems"]["service_sectors"]),
        system_kind_heads=frozenset(data["systems"]["kind_heads"]),
        nation_words=frozenset(data["systems"]["nation_words"]),
        device_heads=frozenset(data["systems"]["device_heads"]),
        equipment_words=tuple(data["systems"]["equipment_words"]),
        owned_pages=frozenset(data["systems"]["owned_pages"]),
        known_bodies=known_bodies,
        group_companies=group_companies,
        site_nouns=tuple(org["site_nouns"]),
        plant_nouns=tuple(org["plant_nouns"]),
        known_systems=known_systems,
        always_on_numbers=frozenset(str(n) for n in data["systems"]["always_on_numbers"]),
        consulting_verbs=frozenset(data["systems"]["consulting_verbs"]),
        participant_nouns=frozenset(data["programs"]["participant_nouns"]),
        audience_words=frozenset(data["programs"]["audience_words"]),
        container_heads=frozenset(data["programs"]["container_heads"]),
        inviting_words=tuple(data["programs"]["inviting_words"]),
        group_heads=tuple(longest_first(data["programs"]["group_heads"])),
        kind_heads=frozenset(data["programs"]["kind_heads"]),
        languages=frozenset(data["programs"]["languages"]),
        generic_activities=frozenset(data["programs"]["generic_activities"]),
        standing_assemblies=tuple(data["programs"]["standing_assemblies"]),
        scoped_activity=compiled_re("(?:{})+(?:{})".format("|".join(data["programs"]["scope_words"]),
                                                         "|".join(data["programs"]["scoped_activities"]))),
        reach_words=frozenset(data["programs"]["reach_words"]),
        event_parts=frozenset(data["programs"]["event_parts"]),
        generic=frozenset(data["generic_modifiers"]),
        descriptive=frozenset(data["descriptive_modifiers"]),
        list_closers=frozenset(data["list_closers"]),
        quoted_followers=tuple(data["programs"]["quoted_followers"]),
        quoted_leaders=frozenset(data["programs"]["quoted_leaders"]),
        quoted_heads=tuple(data["programs"]["quoted_heads"]),
        taken_heads=frozenset(data["programs"]["taken_heads"]),
        anniversary_heads=frozenset(data["programs"]["anniversary_heads"]),
        agreement_heads=frozenset(data["programs"]["agreement_heads"]),
        tie_agreements=frozenset(data["programs"]["tie_agreements"]),
        ties=frozenset(data["programs"]["ties"]),
        plan_heads=frozenset(data["programs"]["plan_heads"]),
        described_heads=frozenset(data["programs"]["described_heads"]),
        opening_ceremonies=frozenset(data["programs"]["opening_ceremonies"]),
        meeting_bodies=tuple(data["programs"]["meeting_bodies"]),
        evaluation_heads=tuple(data["programs"]["evaluation_heads"]),
        evaluation_stops=tuple(data["programs"]["evaluation_stops"]),
        process_nouns=frozenset(data["programs"]["process_nouns"]),
        course_levels=frozenset(data["programs"]["course_levels"]),
        edition_parts=frozenset(data["programs"]["edition_parts"]),
        activity_event_head=data["programs"]["activity_event_head"],
        event_classes=tuple(data["programs"]["event_classes"]),
        event_activities=tuple(longest_first(data["programs"]["event_activities"])),
        superlatives=frozenset(data["superlatives"]),
        dedicated_year=data["programs"]["dedicated_year"],
        known_body_openings=frozenset(name[:end] for name in known_bodies for end in range(1, len(name) + 1)),
        known_system_endings=frozenset(name[start:] for name in known_systems for start in range(1, len(name))),
    )


def is_count(word: Word) -> bool:
    return "SN" in word.tags and word.forms[-1] in _COUNTERS


def is_organization_word(reading: Reading, word: Word) -> bool:
    return organization_head(reading, word) is not None


def organization_head(reading: Reading, word: Word) -> str | None:
    """The organisation head ending a word (`국토교통부` -> 부), checked against Kiwi's morphemes."""
    article, lex = reading.article, reading.lex
    text = article.text[word.start:word.nominal_end]
    if text in lex.provinces:
        return "도"
    head = lex.organizations.ending(text)
    if head is None or not word.forms or text in lex.not_organizations or text.endswith(lex.common_endings):
        return None
    last_form, last_tag = word.forms[-1], word.tags[-1]
    if head in lex.outlet_heads:  # `요미우리신문`, `NHK방송`: an outlet named by a proper noun, not `지역신문`
        return head if word.tags[0] in _PROPER_TAGS and not reading.countries.contain(word.start) else None
    if len(head) > 1:
        return head
    if last_form == head and len(word.forms) > 1:
        separate_ok = head not in lex.proper_heads or word.tags[-2] == "NNP"
        return head if separate_ok else None
    if head in lex.name_like_heads and len(text) == 3 and lexicons.korean_name_form(text) \
            and not _written_as_local_government(article.text, text, lex):
        return None  # `김무성`, `박지성`, `이상주`: a person
    # a two-syllable proper noun is a place or a name (`대구`, `제주`, `영주`), save the districts many cities share
    if last_tag == "NNP" and (len(last_form) > 2 or text in lex.shared_district_names):
        return head
    # a two-syllable common noun ending like a body (`경청`, `간부`) is that noun
    if head in lex.proper_heads or last_form in lex.not_organizations or len(last_form) < 3:
        return None
    return head


def _written_as_local_government(text: str, word: str, lex) -> bool:
    """`남양주`, which the article also writes `남양주시`: the city, though it has a name's form."""
    return any(f"{word}{head}" in text for head in lex.local_government_heads)


# --- systems and programmes -------------------------------------------------

def things(reading: Reading) -> list[Candidate]:
    words = reading.article.words
    found = [candidate for first, end, positions in word_table(reading).thing_phrases
             for candidate in _outermost(_phrase_things(reading, words[first:end], positions), reading.lex)
             if not _company(reading, candidate) and not _NICKNAME.match(reading.article.text, candidate.end)
             and not _CONTACT_LABEL.match(reading.article.text, candidate.end)
             and not _kind_by_role(reading, candidate) and not _national_way(reading, candidate)]
    studied = _studied_systems(reading.article.text, {c.name for c in found if c.field == "systems"})
    return _ranked_evaluations(reading) + [c for c in found if not (c.field == "systems" and c.name in studied)]


def _studied_systems(text: str, names: set[str]) -> set[str]:
    """`한국경찰 치안시스템 과정을 개설했다`, `공항서비스(ASQ) 평가에서 1위`: a system named before a course,
    training or evaluation is what that teaches or rates, not one the story reports built or used, and so
    is the same name elsewhere in the article (`… 한국경찰 치안시스템을 직접 경험하고`). The text before
    each course word is read once, not searched for each name."""
    if not names:
        return set()
    longest = max(map(len, names))
    before_courses = {text[max(0, at - length):at] for at in (m.start() for m in _studied_in().finditer(text))
                      for length in range(1, longest + 1)}
    return names & before_courses


@lru_cache(maxsize=1)
def _studied_in() -> re.Pattern:
    """The course word after a system, past a gloss in brackets; not a body named by it (`교육청`, `연수원`)."""
    return compiled_re(r"(?=(?:\([^()\n]{1,20}\))? ?" + one_of(lexicons.load("name_heads")["systems"]["studied_in"])
                       + "(?![청원생단]))")


def _ranked_evaluations(reading: Reading) -> list[Candidate]:
    """`UN 세계 전자정부 평가에서 1위`, `공항서비스평가 세계 1위`: a named evaluation, read where the
    article gives the rank it awarded (CONTRACT's rulings: named evaluations and rankings are programmes)."""
    article, lex = reading.article, reading.lex
    found = []
    for index, word in enumerate(article.words):
        noun = article.text[word.start:word.end]
        head_end = max((noun.rfind(head) + len(head) for head in lex.evaluation_heads if head in noun), default=0)
        if not head_end or not _EVALUATION_TAIL.match(noun, head_end) or not _RANK_AFTER.match(
                article.text, word.start + head_end):
            continue
        first = index
        while first and _rated_word(reading, article.words[first - 1], article.words[first]):
            first -= 1
        if first == index and noun[:head_end] in lex.evaluation_heads:
            continue  # a bare `평가` names nothing
        start = article.words[first].start
        found.append(Candidate("programs", article.text[start:word.start + head_end], start, word.start + head_end))
    return found


def _rated_word(reading: Reading, word: Word, following: Word) -> bool:
    """A word naming what an evaluation rates: a bare noun joined to the next word, not a count, a time
    or who runs it."""
    article, lex = reading.article, reading.lex
    stem = article.text[word.start:word.end]
    return (_glued_or_glossed(article, word, following) and not word.particle and not is_count(word)
            and stem not in lex.generic and not stem.endswith(lex.evaluation_stops) and not _DIGIT.fullmatch(stem))


def _glued_or_glossed(article: ArticleWords, word: Word, following: Word) -> bool:
    """Neighbours in one noun phrase, a gloss in brackets between or after them included
    (`유엔(UN) 전자정부평가`, `공항서비스(ASQ) 평가`)."""
    gap = article.text[word.end:following.start]
    return article.joined(word, following) or (0 < len(gap) <= 2 and gap.strip(" ()") == "" and (
        word.full or _LATIN_WORD.fullmatch(article.text, word.start, word.end) is not None))


@lru_cache(maxsize=None)
def _capacity_particle() -> re.Pattern:
    """`으로`, `로서`, with a topic or `도` after them (`사업으로는`), ending the word."""
    return compiled_re(one_of(particles("capacity")) + "[은는도]?(?![가-힣])")


@lru_cache(maxsize=1)
def _sought_after() -> re.Pattern:
    return compiled_re("(?:을|를)? ?" + one_of(lexicons.load("name_heads")["programs"]["sought_words"]))


def _kind_by_role(reading: Reading, candidate: Candidate) -> bool:
    """A general head after common nouns named by its role in the clause as a kind, not one programme
    or service; a proper noun names one (`광주형ODA(공적개발원조)사업으로`)."""
    article, lex = reading.article, reading.lex
    kinds = lex.kind_heads if candidate.field == "programs" else lex.system_kind_heads
    if lex.of(candidate.field).ending(candidate.name) not in kinds:
        return False
    words = article.words[article.index_at(candidate.start):article.index_at(candidate.end)]
    return not any("NNP" in word.tags for word in words) and (
        _in_capacity(reading, candidate.end)
        or (candidate.field == "programs" and _sought_after().match(article.text, candidate.end) is not None))


def _national_way(reading: Reading, candidate: Candidate) -> bool:
    """`대한민국의 최첨단 재난안전 시스템을 견학했다`, `한국 병원 의료시스템 현황`, `다른 나라의 해양경찰
    시스템`: a system of common nouns owned by Korea or a nation is how that nation does something, no
    system built; one the sentence brings in, builds, runs or exports is one (`우리나라 전자통관시스템을 도입했다`)."""
    article = reading.article
    if candidate.field != "systems":
        return False
    index = article.index_at(candidate.start)
    words = article.words[index:article.index_at(candidate.end)]
    if not words or any(set(word.tags) - {"NNG"} for word in words):
        return False
    owner = _owner_before(reading, index)
    return owner is not None and owner.stem.removesuffix(_GENITIVE) in reading.lex.nation_words \
        and not _adopted_after(reading, candidate.end)


def _owner_before(reading: Reading, index: int) -> Word | None:
    """The word owning the name that starts at word index, bare or in the genitive, past evaluative and
    generic words (`대한민국의 최첨단 …`)."""
    article = reading.article
    while index > 0 and article.joined(article.words[index - 1], article.words[index]) and \
            article.text[article.words[index - 1].start:article.words[index - 1].nominal_end] in reading.lex.generic:
        index -= 1
    if index == 0 or article.words[index - 1].particle not in ("", _GENITIVE):
        return None
    return article.words[index - 1]


def _adopted_after(reading: Reading, end: int) -> bool:
    """Does the rest of the sentence bring in, build, run or export what ends at end?"""
    text = reading.article.text
    sentence_end = _SENTENCE_END.search(text, end)
    return _adopting_word().search(text, end, sentence_end.start() if sentence_end else len(text)) is not None


@lru_cache(maxsize=1)
def _adopting_word() -> re.Pattern:
    return compiled_re(one_of(lexicons.load("name_heads")["systems"]["adopting_words"]))


def _in_capacity(reading: Reading, end: int) -> bool:
    """`예비타당성 면제 사업으로 선정`, `국비 지원 사업으로 신청`, `맞춤형 민원 서비스로 제공`: in the case of
    a capacity a general head says what something is taken as; held or run as it (`… 분야 초빙 연수로
    진행됐다`), it is the programme held."""
    capacity = _capacity_particle().match(reading.article.text, end)
    return capacity is not None and not _held_after(reading, capacity.end())


def _company(reading: Reading, candidate: Candidate) -> bool:
    """`한화시스템`, `용인 한화시스템`, `㈜대한정보시스템`, `미래시스템(주)`: a company named like a system is an
    organisation, a place before it says where it is."""
    text = reading.article.text
    return candidate.field == "systems" and (
        _SPACE.sub("", candidate.name) in reading.lex.known_bodies
        or candidate.name.split()[-1] in reading.lex.known_bodies or candidate.name.startswith(("㈜", "(주)"))
        or _COMPANY_AFTER.match(text, candidate.end) is not None
        or _COMPANY_BEFORE.search(text, max(0, candidate.start - 5), candidate.start) is not None)


def _phrase_things(reading: Reading, phrase: list[Word], positions: list[int]) -> list[Candidate]:
    """The things named in a phrase, read at the positions of words that may end one (`WordTable`)."""
    article, lex = reading.article, reading.lex
    found: list[Candidate] = []
    fields = [(field, lex.of(field)) for field in ("systems", "programs")]
    for position in positions:
        word = phrase[position]
        word_text = article.text[word.start:word.nominal_end]
        known = _known_system_at(reading, phrase, position)
        if known is not None:
            start, end = known
            end += _alias_length(reading, end, "systems")
            found.append(Candidate("systems", article.text[start:end], start, end))
        found.extend(_anniversary_event(reading, phrase, position) + _dedicated_year(reading, phrase, position)
                     + _numbered_meeting(reading, phrase, position) + _activity_event(reading, phrase, position))
        found.extend(_called_system(reading, word))
        for field, field_heads in fields:
            head = field_heads.ending_or_is(word_text)
            if head is not None and position == 0 and word_text == head:
                found.extend(_glossed_name(reading, word, field, head))
            elif head is not None:
                found.extend(_thing_at(reading, phrase, position, field, head))
    return found


def _outermost(found: list[Candidate], lex: Heads) -> list[Candidate]:
    """`외국 지방공무원 초청연수 프로그램`: a name whose head is followed, in the same phrase, by another head
    of its field is part of the longer name, no name of its own; but a ceremony opening or closing a named
    event is a part of that event, whose name stands (`울산세계옹기문화엑스포 개막식` → the expo; CONTRACT.md)."""
    return [c for c in found
            if not any(_inside(c, other) and not _event_part(other, c, lex) for other in found)
            and not any(_event_part(c, inner, lex) for inner in found)]


def _inside(inner: Candidate, outer: Candidate) -> bool:
    return outer.field == inner.field and outer.start <= inner.start and outer.end > inner.end


def _event_part(outer: Candidate, inner: Candidate, lex: Heads) -> bool:
    """`다롄 아카시아 축제 개막식`: the longer programme only adds a ceremony of the event named before it."""
    return outer.field == "programs" and _inside(inner, outer) and outer.start == inner.start \
        and outer.name.startswith(inner.name) and outer.name[len(inner.name):].strip() in lex.event_parts


def _thing_at(reading: Reading, phrase: list[Word], position: int, field: str, head: str) -> list[Candidate]:
    article, lex, countries = reading.article, reading.lex, reading.countries
    word = phrase[position]
    word_text = article.text[word.start:word.nominal_end]
    first, stop = _name_start(reading, phrase, position, lex.descriptive if field == "programs" else frozenset())
    if head in lex.kind_heads and word_text == head and _after_country(phrase, first, position, countries) == position:
        return []  # `한국 연수`: a country before a general head says where, not which
    if position + 1 < len(phrase) and is_organization_word(reading, phrase[position + 1]):
        return []  # `여수세계박람회 조직위원회`: the name of a body, not a mention of its event
    first = _without_owner_country(reading, phrase, first, position, field)
    coordinated = _coordinated_at(reading, phrase, first, position, stop, field, head)
    if coordinated is not None:
        return coordinated
    apposed = _apposition(reading, word, field) if word.connective else None
    if apposed is not None:
        return apposed
    start = _opening(reading, phrase, first, stop, field)
    text = article.text[start:word.nominal_end]
    if not _is_name(text, head, field, lex) or stop in ("list", "description") or (stop == "count" and field == "systems"):
        return []
    if _names_a_kind(reading, phrase, first, position, text, field, head):
        return []
    if field == "programs" and start == phrase[first].start:
        start = _with_year(reading, phrase, first, head) if first else _with_left_conjunct(reading, phrase[0])
    end = _name_end(reading, phrase, position, field)
    found = [Candidate(field, article.text[start:end], start, end)]
    if field == "systems" and word_text == head and first < position:
        found.extend(_comma_conjuncts(reading, phrase[first], head))
    return found


def _opening(reading: Reading, phrase: list[Word], first: int, stop: str | None, field: str) -> int:
    """Where the name opening with phrase[first] starts: before its gloss (`드론(무인비행장치) 시범사업`), or
    a programme's at the ordinal `제` written apart from its edition (`제 11회 …`)."""
    if field == "programs" and _is_edition(reading.article, phrase[first]):
        return _edition_start(reading.article, phrase[first])
    return _glossed_start(reading, phrase[first].start) if first == 0 and stop is None else phrase[first].start


def _name_end(reading: Reading, phrase: list[Word], position: int, field: str) -> int:
    """Where the name ending in phrase[position] ends: after its alias (`버스정보시스템(BIS)`), or a
    system after the proper name it is given right after its description (`자율주행 순찰로봇 스팟(SPOT)`)."""
    end = phrase[position].nominal_end
    if field == "systems" and position + 2 == len(phrase) and _proper(reading, phrase[-1]):
        end = phrase[-1].nominal_end
    return end + _alias_length(reading, end, field)


def _proper(reading: Reading, word: Word) -> bool:
    """A proper noun or Latin word that is no country, city or body (`스팟`, not `KT`, `서울`)."""
    text = reading.article.text[word.start:word.nominal_end]
    return word.full and word.tags[:1] in (("NNP",), ("SL",)) and len(text) > 1 and not (
        reading.countries.contain(word.start) or is_organization_word(reading, word)
        or _SPACE.sub("", text) in reading.lex.known_bodies or text in lexicons.foreign_cities())


def _with_year(reading: Reading, phrase: list[Word], first: int, head: str) -> int:
    """Where a programme's name starts with the year written before it, the edition it names
    (`2023년 대백제전`, `2024 세계잼버리 대회`), over the countries and the part of the year between
    them (`2005년 이라크 재난관리과정`, `2019 상반기 … 현장설명회`); an agreement's year is when it was signed,
    and a year and country before the city an event is named by say when and where it was held
    (`2009년 덴마크 코펜하겐대회`)."""
    opening = first
    while opening > 0 and _opens_edition(reading, phrase[opening - 1]):
        opening -= 1
    place = reading.article.text[phrase[first].start:phrase[first].nominal_end].removesuffix(head)
    if opening < first and (place in lexicons.foreign_cities() or _city_name(place, reading.lex)):
        opening = first
    if opening == 0 or head in reading.lex.agreement_heads or not _is_year(reading.article, phrase[opening - 1]) \
            or _is_edition(reading.article, phrase[first]):
        return phrase[first].start  # `1993년 제1회 파리 대회`: the edition numbers it, the year says when
    return phrase[opening - 1].start


def _opens_edition(reading: Reading, word: Word) -> bool:
    """A country or a part of the year (`상반기`) standing between an edition's year and its title."""
    text = reading.article.text[word.start:word.nominal_end]
    return text in reading.lex.edition_parts or reading.countries.cover(word.start, word.nominal_end)


def _with_left_conjunct(reading: Reading, word: Word) -> int:
    """`국제 가구 및 인테리어 산업전`, `자매결연 및 협력 프로젝트 체결식`: a programme's title joins with
    `및` nouns that are no name of their own; where the name starts then."""
    article, lex = reading.article, reading.lex
    index = article.index_at(word.start)
    if index < 2 or article.text[article.words[index - 2].end:word.start] != " 및 ":
        return word.start
    left = article.words[index - 2]
    left_text = article.text[left.start:left.end]
    if not left.full or lex.programs.ending_or_is(left_text) or left_text in lex.generic \
            or is_organization_word(reading, left):
        return word.start
    first = index - 2
    while first > 0 and article.joined(article.words[first - 1], article.words[first]):
        first -= 1
    if first > 0 and article.words[first - 1].particle == "의":
        return word.start  # `관광교류의 밤 및 트래블마트 행사`: a name of its own on the left
    phrase = article.words[first:index - 1]
    name_first, stop = _name_start(reading, phrase, len(phrase) - 1)
    return word.start if stop else phrase[name_first].start


def _without_owner_country(reading: Reading, phrase: list[Word], first: int, position: int, field: str) -> int:
    """Where the name starts once its owner country goes (`요르단 나라장터 도입사업`); for a
    system only a leading country, for a programme every country word (two partners name the
    event: `한국·페루 혁신경제포럼`)."""
    countries = reading.countries
    if field == "systems":
        if _national_type(reading, phrase, first, position):
            return first
        owned = _after_country(phrase, first, position, countries)
        while first < owned < position and _owner_place(reading, phrase[owned]):
            owned += 1  # `케냐 콘자 스마트시티 통합관제시스템`: the country's place owns it too
        return owned
    while first < position and countries.cover(phrase[first].start, phrase[first].nominal_end):
        first += 1
    return first


def _national_type(reading: Reading, phrase: list[Word], first: int, position: int) -> bool:
    """`한국형 열차제어시스템(KTCS)`: a country's type before a system that is named without it is the
    system's own word, no owner; before a kind it names no use (`한국형 CCTV`, `한국형 교통 시스템`)."""
    text, word = reading.article.text, phrase[first]
    if first == position or not text[word.start:word.nominal_end].endswith(_TYPE_SUFFIX):
        return False
    rest = text[phrase[first + 1].start:phrase[position].nominal_end]
    head = reading.lex.systems.ending_or_is(_SPACE.sub("", rest))
    return head is not None and _is_name(rest, head, "systems", reading.lex)


def _owner_place(reading: Reading, word: Word) -> bool:
    text = reading.article.text[word.start:word.nominal_end]
    return word.tags == ("NNP",) and not word.particle and reading.lex.known_systems.ending_or_is(text) is None


def _coordinated_at(reading: Reading, phrase: list[Word], first: int, position: int, stop: str | None,
                    field: str, head: str) -> list[Candidate] | None:
    """One system per member of a coordination sharing the head, glued (`교통·방범CCTV`) or with
    the head a word of its own (`교통·방범 CCTV`); None when the name is no coordination. A programme
    is named by its title as written (`홍천 인삼·한우축제`, `행정서비스 통합·연계 사업`)."""
    text, lex, word = reading.article.text, reading.lex, phrase[position]
    if field != "systems":
        return None
    conjuncts = _COORDINATION.split(text[word.start:word.nominal_end])
    if len(conjuncts) > 1 and conjuncts[-1].endswith(head) and len(conjuncts[-1]) > len(head):
        members = _coordinated(word, conjuncts, head, field, lex)
        return _with_lead(text, phrase[first], word, members) if first < position and stop is None else members
    if len(conjuncts) == 1 and first == position - 1 and stop is None:
        before = phrase[first]
        members = _COORDINATION.split(text[before.start:before.nominal_end])
        if len(members) > 1 and before.full:  # `교통·재난 통합관제시스템`: the word after shared as well
            shared = conjuncts[0][: len(conjuncts[0]) - len(head)]
            return _coordinated(before, members, head, field, lex, f" {shared}" if shared else "")
    return None


def _with_lead(text: str, lead: Word, word: Word, members: list[Candidate]) -> list[Candidate]:
    """`인터넷 민원발급·열람시스템`: the words before a coordination stay with its first member."""
    if not members or members[0].start != word.start:
        return members
    first = members[0]
    return [Candidate(first.field, text[lead.start:word.start] + first.name, lead.start, first.end), *members[1:]]


def _names_a_kind(reading: Reading, phrase: list[Word], first: int, position: int, text: str, field: str,
                  head: str) -> bool:
    """An activity (`관광 프로그램`), a kind of service, an owner's page (`코트파 홈페이지`), or the head after
    a service always on (`보조금24 서비스` is 보조금24): no name of its own."""
    lex, words = reading.lex, phrase[first:position + 1]
    if _kind_determiner_before(reading.article.text, phrase[first].start) \
            or any(_tallied(reading.article.text, word.start) for word in phrase[:first + 1]):
        return True
    if field == "programs":
        return _kind_of_activity(words, text, head, lex)
    if field != "systems":
        return False
    word_text = reading.article.text[phrase[position].start:phrase[position].nominal_end]
    return _kind_of_service(words, text, head, lex) or _owners_page(reading, phrase, first, position) or (
        head in lex.system_kind_heads and position > 0 and word_text == head
        and _always_on_service(phrase[position - 1], lex))


def _owners_page(reading: Reading, phrase: list[Word], first: int, position: int) -> bool:
    """`코트파 홈페이지`: a page named only by its owner's proper name, written apart, is no system."""
    text, owner, page = reading.article.text, phrase[first], phrase[position]
    return first + 1 == position and text[page.start:page.nominal_end] in reading.lex.owned_pages \
        and _proper(reading, owner) and not _known_system(reading, owner, text[owner.start:owner.nominal_end])


def _kind_determiner_before(text: str, start: int) -> bool:
    """`각종 민원 대응 서비스`, `다양한 국제 협력 사업`, `모든 교육 과정`: after words of variety or totality
    a phrase says every thing of a kind, no one named thing."""
    return _kind_determiners().search(text, max(0, start - _DETERMINER_REACH), start) is not None


@lru_cache(maxsize=1)
def _kind_determiners() -> re.Pattern:
    return compiled_re("(?<![가-힣])" + one_of(lexicons.load("name_heads")["kind_determiners"]) + " $")


def _tallied(text: str, start: int) -> bool:
    """`27회의 외국인 초청연수`, `총 19차례 교육`: how many times a kind of activity was done, written
    before the phrase or opening it; no edition (`제5회`) and no name."""
    tally = _frequency()
    return tally.match(text, start) is not None \
        or any(m.end() == start for m in tally.finditer(text, max(0, start - _TALLY_REACH), start))


@lru_cache(maxsize=1)
def _frequency() -> re.Pattern:
    return compiled_re(r"(?<![제\dA-Za-z])\d+ ?" + one_of(lexicons.load("name_heads")["frequency_counters"]) + " ")


def _next_word(reading: Reading, word: Word) -> Word | None:
    """The word after one space, opening quotes skipped (`시스템인 ‘…’`)."""
    article = reading.article
    index = article.index_at(word.end)
    if index == len(article.words):
        return None
    following = article.words[index]
    return following if article.text[word.end:following.start].strip(" ‘'“\"") == "" and \
        following.start - word.end <= 2 else None


def _apposition(reading: Reading, word: Word, field: str) -> list[Candidate] | None:
    """`교통정보시스템인 토피스`, `아트페어인 프리즈 서울`: the name, not its description; `민원 플랫폼인
    ‘온통세종’`: none here, the quoted name is named (quoted()); None when no name follows."""
    apposed = _apposed_name(reading, word, field)
    if apposed is not None:
        return [apposed]
    return [] if reading.article.text.startswith(_OPENING_QUOTES, word.end + 1) else None


def _apposed_name(reading: Reading, word: Word, field: str) -> Candidate | None:
    """`교통정보시스템인 토피스(TOPIS)`, `아트페어인 프리즈 서울`: the proper name (one to three proper
    words ending their phrase) a system or programme word is predicated of."""
    article = reading.article
    following = _next_word(reading, word)
    if following is None:
        return None
    index = article.index_at(following.start)
    while reading.countries.contain(article.words[index].start) and index + 1 < len(article.words) \
            and article.joined(article.words[index], article.words[index + 1]):
        index += 1  # `대회인 덴마크 오르후스대회`: the owner country goes
    following, last = article.words[index], index
    while last < index + 3 and _proper_or_known(reading, article.words[last]):
        if last + 1 == len(article.words) or not article.joined(article.words[last], article.words[last + 1]):
            end = article.words[last].nominal_end
            end += _alias_length(reading, end, field)
            return Candidate(field, article.text[following.start:end], following.start, end)
        last += 1
    return None


def _proper_or_known(reading: Reading, word: Word) -> bool:
    """A proper noun or Latin word, or a system known by its name (`토피스`, read as a common noun)."""
    return word.nominal and (word.tags[0] in ("NNP", "SL")
                             or reading.article.text[word.start:word.nominal_end] in reading.lex.known_systems)


def _called_system(reading: Reading, word: Word) -> list[Candidate]:
    """`‘안심이’라는 앱`, `스마트파주라는 플랫폼`: a name said to be what a general system head names."""
    article, lex = reading.article, reading.lex
    if not word.nominal or not article.text.startswith(("라는", "이라는"), word.nominal_end) \
            or word.end - word.nominal_end > 3:
        return []
    index = article.index_at(word.end)
    if index == len(article.words):
        return []
    following = article.words[index]
    if article.text[following.start:following.nominal_end] not in lex.systems:
        return []
    return [Candidate("systems", article.text[word.start:word.nominal_end], word.start, word.nominal_end)]


def _anniversary_event(reading: Reading, phrase: list[Word], position: int) -> list[Candidate]:
    """`개청 15주년 행사`, `시제 시행 45주년 기념행사`: an event after an anniversary, with the words
    naming what is celebrated."""
    article, lex = reading.article, reading.lex
    word = phrase[position]
    if article.text[word.start:word.nominal_end] not in lex.anniversary_heads or position == 0:
        return []
    count = position - 1
    if count > 0 and article.text[phrase[count].start:phrase[count].nominal_end] == "기념":
        count -= 1
    if not (is_count(phrase[count]) and phrase[count].forms[-1] == "주년"):
        return []
    first, stop = _name_start(reading, phrase, count - 1) if count > 0 else (count, None)
    while first < count and (article.text[phrase[first].start:phrase[first].nominal_end] in lex.generic or (
            first < count - 1 and _city_name(article.text[phrase[first].start:phrase[first].nominal_end], lex))):
        first += 1  # `올해`; `조요시 시제 시행 45주년 기념식`: the city whose anniversary it is goes, as an owner
    if stop or first == count:
        return []  # `15주년 행사` alone says which anniversary, not of what
    return [Candidate("programs", article.text[phrase[first].start:word.nominal_end],
                      phrase[first].start, word.nominal_end)]


def _activity_event(reading: Reading, phrase: list[Word], position: int) -> list[Candidate]:
    """`관세행정 현장체험행사`, `군함 개방행사`, `종로탐방 행사`, `한글날 경축 행사`: an event named by the
    activity it holds (what is experienced, opened, toured or celebrated), with the words naming its object;
    `체험 행사` alone, or one named for whom it is (`공무원 초청 탐방행사`), describes."""
    article, lex = reading.article, reading.lex
    word = phrase[position]
    text = article.text[word.start:word.nominal_end]
    if not text.endswith(lex.activity_event_head):
        return []
    activity_at = position if text != lex.activity_event_head else position - 1
    if activity_at < 0:
        return []
    activity = article.text[phrase[activity_at].start:phrase[activity_at].nominal_end].removesuffix(
        lex.activity_event_head)
    if not activity.endswith(lex.event_activities):
        return []
    first, stop = _name_start(reading, phrase, activity_at)
    while first < activity_at and article.text[phrase[first].start:phrase[first].nominal_end] in lex.generic:
        first += 1
    modifier_words = [article.text[w.start:w.nominal_end] for w in phrase[first:activity_at]]
    if stop or (first == activity_at and activity in lex.event_activities) \
            or _describes_participants(modifier_words, lex.activity_event_head, lex):
        return []
    return [Candidate("programs", article.text[phrase[first].start:word.nominal_end],
                      phrase[first].start, word.nominal_end)]


def _numbered_meeting(reading: Reading, phrase: list[Word], position: int) -> list[Candidate]:
    """`제33차 안전정책조정위원회를 열고`: a body that meets, numbered by an edition, is its meeting."""
    article, word = reading.article, phrase[position]
    if position == 0 or not _is_edition(article, phrase[position - 1]) \
            or not article.text.endswith(reading.lex.meeting_bodies, word.start, word.nominal_end):
        return []
    start = _edition_start(article, phrase[position - 1])
    return [Candidate("programs", article.text[start:word.nominal_end], start, word.nominal_end)]


def _city_name(text: str, lex: Heads) -> bool:
    """`조요시`, `관남현`: a word of three or more syllables ending as a local government does
    (not a common noun ending so: `자매도시`)."""
    return len(text) > 2 and text[-1] in _CITY_ENDINGS and not text.endswith(lex.common_endings)


def _dedicated_year(reading: Reading, phrase: list[Word], position: int) -> list[Candidate]:
    """`2024 한국방문의 해`, `부산·울산·경남 방문의 해`: a year dedicated to something, a campaign."""
    article, lex = reading.article, reading.lex
    word = phrase[position]
    if position + 1 != len(phrase) or word.particle != "의":
        return []
    index = article.index_at(word.end)
    if index == len(article.words) or article.text[word.end:article.words[index].start] != " ":
        return []
    year = article.words[index]
    if article.text[year.start:year.nominal_end] != lex.dedicated_year:
        return []
    first, stop = _name_start(reading, phrase, position)
    start = _with_year(reading, phrase, first, lex.dedicated_year)
    return [] if stop else [Candidate("programs", article.text[start:year.nominal_end], start, year.nominal_end)]


def _always_on_service(word: Word, lex: Heads) -> bool:
    """`정부24`, `보조금24`: a noun glued to a number of hours or days the service is open."""
    return (len(word.forms) > 1 and word.tags[-1] == "SN" and word.forms[-1] in lex.always_on_numbers
            and word.tags[-2] in ("NNG", "NNP"))


def _known_system_at(reading: Reading, phrase: list[Word], position: int) -> tuple[int, int] | None:
    """Where a system known by its name alone stands in phrase[position], its words before it that
    name it too (`자동크린넷`, `서울TOPIS`, `스마트 쉼터`): a public service, a device named by its use,
    or a service always on (`정부24`)."""
    article, lex, word = reading.article, reading.lex, phrase[position]
    if _always_on_service(word, lex):
        return word.start, word.nominal_end
    stem = word.stem.rstrip(_STEM_PUNCTUATION)
    if article.text[word.start - 1:word.start] == "(" or not stem:
        return None  # `유니패스(UNI-PASS)`: an alias, named with its system
    if position > 0 and article.text[phrase[position - 1].start:phrase[position - 1].end] + stem in lex.known_systems:
        return phrase[position - 1].start, word.start + len(stem)  # `스마트 쉼터`
    known = lex.known_systems.ending_or_is(stem)
    if known is None or (known != stem and not _NAMING_PREFIX.fullmatch(stem[: len(stem) - len(known)])):
        return None
    return word.start, word.start + len(stem)


def _known_system(reading: Reading, word: Word, word_text: str) -> bool:
    """`나라장터`, `홈택스`: a public service known by its proper name alone (public_systems.yaml),
    unless it stands in parentheses as another name's alias."""
    return word_text in reading.lex.known_systems and reading.article.text[word.start - 1:word.start] != "("


def _glossed_name(reading: Reading, word: Word, field: str, head: str) -> list[Candidate]:
    """`부산형ODA(공적개발원조)사업`: a head glued after a gloss in parentheses ends the name the
    gloss explains, read back from the word before the gloss."""
    article, lex = reading.article, reading.lex
    index = article.index_at(word.start)
    if index < 2:
        return []
    gloss, named = article.words[index - 1], article.words[index - 2]
    if not named.full or article.text[named.end:gloss.start] != "(" or article.text[gloss.end:word.start] != ")" \
            or is_organization_word(reading, named) or is_organization_word(reading, gloss):
        return []  # `KOICA(한국국제협력단)사업`: a body's work, not a programme's name
    first = index - 2
    while first > 0 and article.joined(article.words[first - 1], article.words[first]):
        first -= 1
    phrase = article.words[first:index - 1]
    name_first, stop = _name_start(reading, phrase, len(phrase) - 1)
    start = phrase[name_first].start
    text = article.text[start:word.nominal_end]
    return [] if stop or not _is_name(text, head, field, lex) else [Candidate(field, text, start, word.nominal_end)]


def _glossed_start(reading: Reading, start: int) -> int:
    """`드론(무인비행장치) 시범사업`, `지능형 교통(ITS) 기반 신호제어시스템`: a name that opens its phrase
    right after a parenthesised gloss begins with the words the gloss explains; a body glossed
    (`KOICA(한국국제협력단) 사업`) is the body's work, and a gloss of several clauses is no gloss."""
    article = reading.article
    match = _GLOSS_BEFORE.search(article.text, max(0, start - _GLOSS_REACH), start)
    if match is None or "," in match.group(1):
        return start
    index = article.index_at(match.start()) - 1
    if index < 0 or article.words[index].end != match.start():
        return start
    named = article.words[index]
    if not named.full or is_organization_word(reading, named) or named.tags[:1] == ("SN",) \
            or article.text[named.start:named.nominal_end] in reading.lex.generic:
        return start  # `2024년(1분기) 재난안전통신망`, `오후(현지시간) 포럼`: a date or a time glossed opens no name
    first = index
    while first > 0 and article.joined(article.words[first - 1], article.words[first]):
        first -= 1
    phrase = article.words[first:index + 1]
    name_first, stop = _name_start(reading, phrase, len(phrase) - 1)
    return start if stop else phrase[name_first].start


def _alias_length(reading: Reading, end: int, field: str) -> int:
    """`양해각서(MOU)`, `버스정보시스템(BIS)`, `유니패스(UNI-PASS)`: a head repeated in parentheses, or the
    name's abbreviation or translation in Latin letters, belongs to the name; a Korean explanation
    (`크린넷(쓰레기 자동집하시설)`) does not."""
    match = _ALIAS_AFTER.match(reading.article.text, end)
    return len(match.group(0)) if match and _is_alias(match.group(1), field, reading.lex) else 0


def _is_alias(gloss: str, field: str, lex: Heads) -> bool:
    return gloss in lex.of(field) or _LATIN_ALIAS.fullmatch(gloss) is not None


def _name_start(reading: Reading, phrase: list[Word], position: int,
                inside: frozenset = frozenset()) -> tuple[int, str | None]:
    """Index of the first word of the name ending at phrase[position], and what stopped it
    ("count" for `10개 업무용 CCTV`, "list" for `A 등 공무원 연수`, "description" for `최대 규모 전람회`).
    Words of `inside` may stand inside the name, never open it (`청년 해외 인턴십 프로그램`)."""
    article = reading.article
    first, stop = position, None
    while first > 0 and position - first < MAX_NAME_WORDS - 1:
        boundary = _boundary(reading, phrase, first, inside)
        if boundary is not None:
            first, stop = boundary
            break
        first -= 1
    while first < position and article.text[phrase[first].start:phrase[first].nominal_end] in inside:
        first += 1
    return first, stop


def _boundary(reading: Reading, phrase: list[Word], first: int, inside: frozenset) -> tuple[int, str | None] | None:
    """None when the word before phrase[first] may belong to the name, else where the name starts
    and what stopped it."""
    article, lex = reading.article, reading.lex
    before = phrase[first - 1]
    text = article.text[before.start:before.nominal_end]
    if _is_edition(article, before):
        return first - 1, None  # `제3회 세계밀리터리룩 페스티벌`: the edition is part of an event's name
    if _is_date(article, before):
        return first, None  # `2023년 교통신호 시스템`: a date says when (a year may still open a programme: _with_year)
    if is_count(before) or (first > 1 and _counts(article, phrase[first - 2]) and common_noun(before)):
        return first, "count"  # `4개 도시 공무원 연수`: the noun a count counts opens no name either
    if before.forms[:1] and before.forms[0] in lex.superlatives:
        return first, "description"  # `국내 최대 규모 전람회`, `역대 최다국 참가 대회`: described, not named
    if text in lex.list_closers:
        # `측정하는 등 재난안전 상황관제체계`: 등 after a clause ends it, no list of names
        return first, None if first == 1 and _after_clause(article, before) else "list"
    if text in inside:
        return None
    if text in lex.generic or before.tags == ("NNB",) or before.forms[-1:] in _DESCRIBING_SUFFIXES \
            or is_organization_word(reading, before) or text in lex.known_bodies or _owner_genitive(text, lex):
        # a bound noun standing alone (`연수기간 중`, `방문 때`), a distribution (`나라별 맞춤형 연수`), a span
        # of time (`열흘간 정책 연수`)
        return first, None  # ends the words before it
    return None


def _owner_genitive(text: str, lex: Heads) -> bool:
    """`안양시의`, `도시의`: a place with its genitive, which Kiwi may read as one noun (시의 a city
    councillor), is the owner of what follows, no part of its name."""
    return len(text) > 2 and text.endswith(_GENITIVE) and text[-2] in lex.local_government_heads


def _after_clause(article: ArticleWords, word: Word) -> bool:
    """Does a verb (`측정하는`), not a noun, stand right before word?"""
    index = article.index_at(word.start)
    if index == 0:
        return False
    previous = article.words[index - 1]
    return article.text[previous.end:word.start] == " " and not previous.noun_stem


def _is_edition(article: ArticleWords, word: Word) -> bool:
    """`제3회`, `제10차`, `제6기`, `제 11회`: an ordinal numbering an event's editions or a course's intakes."""
    return "SN" in word.tags and word.forms[-1] in _EDITION_COUNTERS and _edition_start(article, word) is not None


def _edition_start(article: ArticleWords, word: Word) -> int | None:
    """Where the ordinal `제` opening word starts, glued (`제11회`) or written apart (`제 11회`)."""
    if article.text.startswith("제", word.start):
        return word.start
    return word.start - 2 if article.text.startswith(_EDITION_APART, max(word.start - 2, 0)) else None


def _is_date(article: ArticleWords, word: Word) -> bool:
    return _is_year(article, word) or ("SN" in word.tags and word.forms[-1] in _DATE_UNITS)


def _is_year(article: ArticleWords, word: Word) -> bool:
    return _YEAR.fullmatch(article.text, word.start, word.nominal_end) is not None


def _counts(article: ArticleWords, word: Word) -> bool:
    """`4개 도시 공무원 연수`: a count of the noun after it; a date or an edition counts nothing
    (`제12회 세계 한상대회`, `2023년 세계잼버리 대회`)."""
    return is_count(word) and not _is_date(article, word) and not _is_edition(article, word)


def _after_country(phrase: list[Word], first: int, position: int, countries: Spans) -> int:
    """`한국 전자조달 시스템`: a country before a system says whose it is, not which."""
    while first < position and countries.contain(phrase[first].start):
        first += 1
    return first


def _is_name(text: str, head: str, field: str, lex: Heads) -> bool:
    modifier = text[: len(text) - len(head)]
    modifier_words = modifier.split()
    if not modifier_words or modifier[-1] in COORDINATION_MARKS or all(w in lex.generic for w in modifier_words):
        return False
    if all(w in lex.of(field) for w in modifier_words):  # `연수 과정`, `프로그램 과정`: heads only
        return False
    if field == "programs" and (_describes_participants(modifier_words, head, lex)
                                or "".join(text.split()) in lex.generic_activities
                                or "".join(text.split()).endswith(lex.event_classes)
                                or text.endswith(lex.standing_assemblies)
                                or _scoped_activity(modifier, head, lex)
                                or _reach_only(modifier, lex)
                                or (head in lex.plan_heads and _ends_in_programme_word(modifier.rstrip(), lex))
                                or _no_course(modifier_words, head, lex)
                                or _names_a_tie(modifier_words, head, lex)
                                or _taught_language(modifier_words, head, lex)):
        return False  # `시범사업 계획`: the plan of a programme named apart; `추진 과정`: a process, no course
    if field == "systems" and (any(w in lex.scheme_modifiers for w in modifier_words)
                               or all(w in lex.praise_words or w in lex.generic for w in modifier_words)
                               or "".join(modifier_words).endswith(lex.service_sectors) or (
            _only_fields(modifier_words, lex) and head not in lex.device_heads)):
        return False
    return True


def _reach_only(modifier: str, lex: Heads) -> bool:
    """`국제축제`, `세계적 축제`, `글로벌 축제`: how far an event reaches alone before its head says what kind
    of event, not which."""
    words = modifier.split()
    return bool(words) and all(w in lex.reach_words for w in words)


def _only_fields(modifier_words: list[str], lex: Heads) -> bool:
    """`교통시스템`, `정부 주요포털`, `모바일 기반 서비스`: fields, channels and generic words before a
    head say what kind of system it is, not which."""
    fields = [w for w in modifier_words if w not in lex.generic and w not in lex.field_links]
    return bool(fields) and ("".join(fields) in lex.field_modifiers or all(w in lex.field_modifiers for w in fields))


def _names_a_tie(modifier_words: list[str], head: str, lex: Heads) -> bool:
    """`자매결연 협약`, `방문 우호도시 협약`, `자매‧우호도시 협약`: an agreement named by the tie it
    founds between two cities or bodies is the act of tying them, no named agreement."""
    return head in lex.tie_agreements and _COORDINATION.split(modifier_words[-1])[-1] in lex.ties


def _taught_language(modifier_words: list[str], head: str, lex: Heads) -> bool:
    """`한국어 교육`, `영어 강좌`, `한국어 연수 프로그램`: a language and general heads alone say what is
    taught, a kind of course, as `한국어교육` glued does (`한국어 말하기 대회` is named)."""
    return head in lex.kind_heads and modifier_words[0] in lex.languages and all(
        w in lex.languages or w in lex.kind_heads for w in modifier_words)


def _no_course(modifier_words: list[str], head: str, lex: Heads) -> bool:
    """`추진 과정`: a process, no course. `정규 과정`, `석·박사 과정`, `단기연수 과정`, `한국어 학부과정`, `국내
    병원 연수 프로그램`: a course told only by its level or length or the kind of body holding it (a
    language or a kind of training besides) is a kind of course; what is taught or for whom names one
    (`소화기내과 연수 프로그램`, `한국어 연수 과정`, `외국인 공무원 연수 프로그램`)."""
    if head == _COURSE and modifier_words[-1] in lex.process_nouns:
        return True
    parts = [part for word in modifier_words for conjunct in CONJUNCT.findall(word)
             if (part := _without_kind(conjunct, lex))]
    kinds = [part for part in parts if part in lex.course_levels or part in lex.body_kinds]
    return head in lex.container_heads and bool(kinds) and all(part in kinds or part in lex.languages for part in parts)


def _without_kind(word: str, lex: Heads) -> str:
    """`단기연수` -> `단기`, `연수` -> ``: a word without the general head it ends in."""
    kind = next((kind for kind in lex.kind_heads if word.endswith(kind)), "")
    return word[: len(word) - len(kind)]


def _scoped_activity(modifier: str, head: str, lex: Heads) -> bool:
    """`국제 협력 사업`, `민간교류사업`, `상호 업무협약`: an activity and how widely or with whom it is
    done, before a general head or an agreement, name a kind of programme (`한중 미래지향 교류사업`,
    `정책협력 MOU` say which)."""
    return (head in lex.kind_heads or head in lex.agreement_heads) and \
        lex.scoped_activity.fullmatch("".join(modifier.split())) is not None


def _ends_in_programme_word(text: str, lex: Heads) -> bool:
    return lex.programs.ending_or_is(text) is not None or text.endswith(lex.quoted_heads)


def _describes_participants(modifier_words: list[str], head: str, lex: Heads) -> bool:
    """`파라과이 고위 대표단 연수`, `외국 공무원 대상 교육과정`: who takes part describes an activity;
    a programme or course is named for whom it is (`외국인 공무원 연수 프로그램`), and so is an invitation
    for whom it invites (`자매도시 공무원 초청 연수`; `장차관급 초청연수` alone says only their rank)."""
    if any(w in lex.audience_words for w in modifier_words):
        return True
    participant = next((i for i, w in enumerate(modifier_words) if w in lex.participant_nouns), None)
    return head not in lex.container_heads and participant is not None and not (
        participant > 0 and any(w.endswith(lex.inviting_words) for w in modifier_words[participant + 1:]))


def _kind_of_activity(words: list[Word], text: str, head: str, lex: Heads) -> bool:
    """`지원사업`, `농업연수`, `무역박람회`: a head written as one word with one common noun is a
    compound naming a kind of programme (`화천산천어축제`, `U-city 사업`, `서울포럼` are named);
    the most general heads say so written apart too (`협력 사업`, `사회·문화 교육`), and plans and
    meetings after any common nouns (`교류 확대 계획`, `투자 유치 회의`: named ones are glued,
    `국가안전관리 집행계획`, or numbered, `제18회 세계 겨울도시 시장 회의`)."""
    modifier = text[: len(text) - len(head)]
    if len(words) == 1:
        return _one_common_noun(words[0], modifier) or _coordinated_common_nouns(words[0], modifier, head, lex) \
            or _place_and_kind(words[0], head, lex)
    written_apart = words[-1].forms == (head,) and all(tag in _COMMON_NOUN_TAGS for w in words[:-1] for tag in w.tags)
    described = head in lex.described_heads and not (  # `외국인 공무원 연수 프로그램`: a programme holding one
        head in lex.container_heads and any(lex.programs.ending_or_is(w) for w in modifier.split()))
    return written_apart and (len(words) == 2 and head in lex.kind_heads or described)


def _one_common_noun(word: Word, modifier: str) -> bool:
    """`기념사업` (one morpheme for Kiwi), `농업연수`, `정보화교육`, `주문형과정`: one common noun,
    with its suffix, glued before the head."""
    if word.tags == ("NNG",):
        return True
    return word.tags[0] == "NNG" and (word.forms[:1] == (modifier,) or (
        word.tags[1:2] == ("XSN",) and "".join(word.forms[:2]) == modifier))


def _place_and_kind(word: Word, head: str, lex: Heads) -> bool:
    """`서울연수`, `대구연수`: a place glued before a general head says where, not which."""
    return head in lex.kind_heads and word.tags == ("NNP", "NNG") and word.forms[-1] == head


def _coordinated_common_nouns(word: Word, modifier: str, head: str, lex: Heads) -> bool:
    """`정책·시민·미래교육`: common nouns coordinated before a general head name kinds of it."""
    return head in lex.kind_heads and _COORDINATION.search(modifier) is not None and all(
        tag in _COMMON_NOUN_TAGS for tag in word.tags)


def _kind_of_service(words: list[Word], text: str, head: str, lex: Heads) -> bool:
    """`공공서비스`, `자율주행 서비스`, `스마트폰 앱`, `방범용 CCTV`: one word of common nouns before
    the most general heads names a kind of service or device; a name says more
    (`고령자 돌봄 안심 서비스`, `카카오T 서비스`, `24시간 방범 CCTV`)."""
    modifiers = words[:-1] if words[-1].forms == (head,) else words
    return (head in lex.system_kind_heads and len(text[: len(text) - len(head)].split()) == 1
            and all(tag in _COMMON_NOUN_TAGS for word in modifiers for tag in word.tags))


def _coordinated(word: Word, conjuncts: list[str], head: str, field: str, lex: Heads,
                 shared: str = "") -> list[Candidate]:
    """`통합관제·스마트도시시스템` names 통합관제시스템 and 스마트도시시스템, `교통·재난 통합관제시스템`
    교통 통합관제시스템 and 재난 통합관제시스템 (`shared` the words between the members and the head);
    each member must be a name of its own (`스마트도시·공공서비스`: 공공서비스 is a kind of service,
    and so is 스마트도시서비스)."""
    found, offset = [], word.start
    kind = field == "systems" and head in lex.system_kind_heads  # one glued word before it names a kind
    for conjunct in conjuncts:
        name = conjunct if conjunct.endswith(head) else conjunct + shared + head
        if conjunct and _is_name(name, head, field, lex) and not (kind and " " not in conjunct + shared):
            found.append(Candidate(field, name, offset, offset + len(conjunct)))
        offset += len(conjunct) + 1
    return found


def _comma_conjuncts(reading: Reading, first: Word, head: str) -> list[Candidate]:
    """`스마트주차, 스마트가로등 시스템`, `방범 및 교통 CCTV`, `방범용과 교통용 CCTV` name 스마트주차
    시스템, 방범 CCTV, 방범용 CCTV too: one word coordinated before a name shares its head; a
    conjunct ending a longer phrase is that phrase's head (`기술 교류, 자율주행 안내 시스템`: an
    exchange, no system)."""
    article, lex = reading.article, reading.lex
    found = []
    index = article.index_at(first.start)
    while index > 0:
        conjunct = _conjunct_before(article, index)
        if conjunct is None:
            break
        before = article.words[conjunct]
        text = article.text[before.start:before.nominal_end]
        spelled_out = conjunct < index - 1 or bool(before.particle)  # `A 및 B`, `A와 B`
        if text in lex.generic or _holds_head(text, lex) or not before.nominal \
                or (conjunct > 0 and article.joined(article.words[conjunct - 1], before)) \
                or (spelled_out and (text in lex.known_systems or not all(t in _COMMON_NOUN_TAGS for t in before.tags))):
            break  # `LG CNS와 스마트 교통 시스템`, `토피스와 민원 플랫폼`: a partner, not a use
        found.append(Candidate("systems", f"{text} {head}", before.start, before.nominal_end))
        index = conjunct
    return found


def _conjunct_before(article: ArticleWords, index: int) -> int | None:
    """Index of the word coordinated before words[index]: `A, B`, `A 및 B`, `A와 B`."""
    before = article.words[index - 1]
    gap = article.text[before.end:article.words[index].start]
    if gap.strip() == "," and before.full:
        return index - 1
    if gap == " " and before.particle in particles("partner") and before.noun_stem:
        return index - 1
    if gap == " " and article.text[before.start:before.end] == "및" and index > 1 \
            and article.words[index - 2].full and article.text[article.words[index - 2].end:before.start] == " ":
        return index - 2
    return None


def _holds_head(text: str, lex: Heads) -> bool:
    return any(head in text for field in ("systems", "programs", "organizations") for head in lex.of(field)
               if len(head) > 1)


# --- quoted names -----------------------------------------------------------

def quoted(reading: Reading) -> list[Candidate]:
    """Quoted names, classified by their head or, without one, by the words around them; a quoted
    name coordinated with the next one (`‘풍물난장’과 ‘폐막 대동제’가 열렸다`, `'마을공동체' '약초
    알아보기' 등 신규강좌`) is a programme when that one is."""
    article = reading.article
    found: list[Candidate] = []
    following: Candidate | None = None
    shared_head: str | None = None
    for match in reversed(article.quoted()):
        text = match.group(1).strip()
        start = match.start(1) + match.group(1).index(text)
        candidate = _classify_quoted(reading, text, start, match.end())
        coordinated = following is not None and following.field == "programs" \
            and _QUOTE_CONJUNCTION.fullmatch(article.text, match.end(), following.start - 1) is not None
        if candidate is None and coordinated:
            candidate = _unclassified_quote(reading, text, start, "programs")
        head = None
        if candidate and candidate.field != "organizations":
            end = candidate.end + _alias_length(reading, candidate.end, candidate.field)
            candidate, head = _with_taken_head(reading, Candidate(candidate.field, article.text[start:end], start, end),
                                               match.end(), shared_head if coordinated else None)
        following, shared_head = candidate, head
        if candidate:
            found.append(candidate)
    return found[::-1]


def _with_taken_head(reading: Reading, candidate: Candidate, after: int,
                     shared: str | None) -> tuple[Candidate, str | None]:
    """`'너도나도 한국알기(Unboxing Korea)' 사업`: a quoted programme with no head of its own is named
    with the generic head right after its quotes, as written (CONTRACT's rulings: `…사업`); quoted
    names coordinated before it share that head (`‘한·일’ ‘한·중’ 프로젝트`). Returns the head taken."""
    lex = reading.lex
    own = _taken_head_at(reading, after)
    head = own[0] if own else shared
    if candidate.field != "programs" or head is None \
            or lex.programs.ending_or_is(_SPACE.sub("", candidate.name)) or candidate.name.endswith(lex.quoted_heads):
        return candidate, None
    return Candidate("programs", f"{candidate.name} {head}", candidate.start, own[1] if own else candidate.end), head


def _taken_head_at(reading: Reading, after: int) -> tuple[str, int] | None:
    """The generic head written right after a quoted name (its gloss skipped), with where it ends."""
    text = reading.article.text
    at = _BEFORE_TAKEN_HEAD.match(text, after).end()
    for head in reading.lex.taken_heads:
        if text.startswith(head, at) and _AFTER_TAKEN_HEAD.match(text, at + len(head)):
            return head, at + len(head)
    return None


def _unclassified_quote(reading: Reading, text: str, start: int, field: str) -> Candidate | None:
    text = _without_gloss(text, reading.lex)
    inside = reading.article.words_between(start, start + len(text))
    return Candidate(field, text, start, start + len(text)) if inside and inside[-1].end == start + len(text) else None


def _classify_quoted(reading: Reading, text: str, start: int, after: int) -> Candidate | None:
    article, lex = reading.article, reading.lex
    text = _without_gloss(text, lex)
    inside = article.words_between(start, start + len(text))
    if not inside or inside[-1].end != start + len(text) or _THEME.match(article.text, after) \
            or _NICKNAME.match(article.text, after):
        return None  # `‘한국의 새마을운동’이란 주제로`, `‘…’등에 관한 강의`: a theme or a lecture's topic; an epithet
    if _named_by_system_word(reading, start) or (len(inside) == 1 and (
            _always_on_service(inside[0], lex) or _known_system(reading, inside[0], text))):
        return Candidate("systems", text, start, start + len(text))  # `‘정부24’(www.gov.kr) 개통식`
    field = _field_of_head(reading, text, inside, after)
    if field is None:
        field = _field_of_context(reading, text, inside, start, after)
    if field is None and _kind_before_quote(reading, start).endswith(reading.lex.equipment_words):
        field = "systems"  # `항공 장비 '밤비버켓'`, `치료장비인 ‘…’`: equipment given its name
    return Candidate(field, text, start, start + len(text)) if field else None


def _named_by_system_word(reading: Reading, start: int) -> bool:
    """`온라인민원처리시스템 ‘e-OK민원센터’`, `민원안내 로봇 ‘동동이’`: a quoted name right after a
    system word is that system's name, whatever its own last word."""
    kind = _kind_before_quote(reading, start)
    return bool(kind) and reading.lex.systems.ending_or_is(kind) is not None


def _kind_before_quote(reading: Reading, start: int) -> str:
    """The noun written right before a quoted name, alone or linked by `인` (`민원 플랫폼인 ‘온통세종’`); "" if none."""
    article = reading.article
    index = article.index_at(start) - 1
    if index < 0 or article.text[article.words[index].end:start] != " ‘" and \
            article.text[article.words[index].end:start] not in (" '", " \"", " “"):
        return ""
    word = article.words[index]
    named = word.nominal_end if word.connective else word.end
    return article.text[word.start:named] if word.full or word.connective else ""


def _field_of_head(reading: Reading, text: str, inside: list[Word], after: int) -> str | None:
    """The field of the head ending a quoted name; "" when the name is an epithet of the next word."""
    article, lex = reading.article, reading.lex
    for field in ("systems", "programs", "organizations"):
        head = lex.of(field).ending(text)
        if head and _epithet(article, after, head):
            return ""
        if head and field == "programs" and _reach_only(text[: len(text) - len(head)], lex):
            return ""  # `‘국제축제’로서의 위상`
        if head and field == "organizations" and _held_after(reading, after):
            return "programs"  # `‘2024년(1분기) 재난안전통신망 이용기관 협의회’를 개최하고`: a body's meeting
        if head and (field != "organizations" or is_organization_word(reading, inside[-1])):
            return field
    if _named_group(reading, text, inside) or _dedicated_time().search(text):
        return "programs"
    edition = _TRAILING_YEAR.search(text)
    return "programs" if edition and lex.programs.ending(text[:edition.start()]) else None  # `‘서울거리예술축제 2017’`


@lru_cache(maxsize=1)
def _dedicated_time() -> re.Pattern:
    """`‘베트남의 날’`, `‘경요세계의 밤’`: a quoted day or night dedicated to something, an event."""
    return compiled_re(r"\S의 ?" + one_of(lexicons.load("name_heads")["programs"]["dedicated_times"]) + "$")


def _named_group(reading: Reading, text: str, inside: list[Word]) -> bool:
    """`‘제6기 부산해외봉사단’`, `‘한국 선진정보화사회견학단’`: a quoted corps or mission with common words of
    its own before its group noun is a programme run as a group; a place's group is none (`‘유가와라정 교류단’`)."""
    group = next((group for group in reading.lex.group_heads if text.endswith(group) and len(text) > len(group)), None)
    return group is not None and any(
        morph.tag == "NNG" and not morph.oov for morph in reading.article.morphs_in(inside[0].start, inside[-1].end - len(group)))


def _field_of_context(reading: Reading, text: str, inside: list[Word], start: int, after: int) -> str | None:
    article, lex = reading.article, reading.lex
    if any(is_count(w) and w.forms[-1] not in _EDITION_COUNTERS for w in inside):
        return None  # a count without a head is a quoted phrase (`'100대 과제'`), a name with one (`'… 25개 자치구 개통식'`)
    if len(inside) == 1 and len(text) > 2 and text.endswith(_TYPE_SUFFIX):
        return None  # `‘시민참여형’ 사업`, `‘맞춤형’ 사업`: a type of what follows, no name
    if _consulted(article.text[max(0, start - 20):start - 1].split(), lex):
        return "systems"
    gloss = _ALIAS_AFTER.match(article.text, after)  # `‘코리아 인바이트 유’(KOREA invites U) 행사`
    following_at = gloss.end() if gloss else after
    following = _CALLED.sub("", article.text[following_at:following_at + 16], count=1).lstrip()
    if following.removeprefix("모바일").lstrip().startswith(tuple(lex.systems)):
        return "systems"  # `‘스마트 파주’ 모바일 앱`, `‘스마트 파주’라는 플랫폼`
    leader = article.text[max(0, start - 12):start - 1].split()
    if text.endswith(lex.quoted_heads) or following.startswith(lex.quoted_followers) or (
            leader and (leader[-1] in lex.quoted_leaders or _names_an_event(leader[-1], lex))):
        return "programs"
    if _held_after(reading, following_at) or _programme_word_after(reading, following_at):
        return "programs"
    return None


def _held_after(reading: Reading, after: int) -> bool:
    """`‘풍물난장’이 열렸다`, `‘…’을 실시한다`, `‘…’를 개최하고`: what is held, run or opened is a programme."""
    return _held_verbs().match(reading.article.text, after) is not None


@lru_cache(maxsize=1)
def _held_verbs() -> re.Pattern:
    return compiled_re("(?:을|를|이|가|은|는|도|에)? ?" + one_of(lexicons.load("name_heads")["programs"]["held_verbs"]))


def _programme_word_after(reading: Reading, after: int) -> bool:
    """`'물관리 핵심역량' 교육`, `'…' 등 신규강좌`: a quoted name before a programme word (its list's
    too) is that programme's name."""
    article, lex = reading.article, reading.lex
    index = article.index_at(after)
    if index < len(article.words) and article.text[article.words[index].start:article.words[index].end] == "등":
        index += 1
    if index == len(article.words) or article.text[after:article.words[index].start].strip(" 등"):
        return False  # `'거침없는 질주'…화천산천어축제`: a headline's phrase, not the festival's name
    word = article.words[index]
    head = lex.programs.ending_or_is(article.text[word.start:word.nominal_end])
    return head is not None and head not in lex.opening_ceremonies  # `‘스마트 민원 창구’ 개통식`: a system opened


def _epithet(article: ArticleWords, after: int, head: str) -> bool:
    """`‘대한민국 5년 연속 대표축제’ 화천산천어축제`: a quoted phrase right before a name with the
    same head is that name's epithet."""
    index = article.index_at(after)
    if index == len(article.words) or article.text[after:article.words[index].start].strip():
        return False
    following = article.words[index]
    return article.text.endswith(head, following.start, following.nominal_end)


def _without_gloss(text: str, lex: Heads) -> str:
    """`‘크린넷(쓰레기 자동집하시설)’`, `‘… 프로그램(GLP)’`: the name is read from what stands before its
    parenthesised gloss or alias (an alias is given back by `_alias_length`), unless the parentheses
    repeat the head (`‘… 양해각서(MOU)’`)."""
    match = _TRAILING_GLOSS.search(text)
    if match is None or any(match.group(1) in lex.of(field) for field in ("systems", "programs")):
        return text
    return text[:match.start()]


def _consulted(leader: list[str], lex: Heads) -> bool:
    """`한눈에 볼 수 있는 ‘…’`, `비교 체험할 수 있는 ‘…’`: what one looks things up in is a service."""
    return leader[-2:] == ["수", "있는"] and any(
        word.removesuffix("할") in lex.consulting_verbs for word in leader[-4:-2])


def _names_an_event(leader: str, lex: Heads) -> bool:
    """`AI 행사인 ‘…’`, `국제포럼인 ‘…’`: the quoted name is what the word before it says it is."""
    noun = leader.removesuffix("인")
    return noun != leader and (noun.endswith(lex.quoted_heads) or lex.programs.ending_or_is(noun) is not None)


def acronym_programmes(reading: Reading) -> list[Candidate]:
    """`KSP(Knowledge Sharing Project, 지식공유프로젝트)`: one programme, named by its acronym;
    the expansion is claimed too, so that it is not read as a second programme."""
    article, lex = reading.article, reading.lex
    found = []
    for match in re.finditer(r"([A-Z][A-Za-z0-9]{1,7})\(([^()]{3,80})\)", article.text):
        expansion = match.group(2).split(",")[-1].strip()
        if lex.programs.ending(expansion):
            found.append(Candidate("programs", match.group(1), match.start(1), match.end(1)))
            found.append(Candidate("claimed", "", match.start(2), match.end(2)))
    return found


# --- organisations ----------------------------------------------------------

def organizations(reading: Reading) -> list[Candidate]:
    article = reading.article
    found = []
    for first, end, positions in word_table(reading).body_phrases:
        phrase = article.words[first:end]
        for position in positions:
            candidate = _organization_at(reading, phrase, position) or \
                _place_office(reading, phrase, position) or _latin_name_after_place(article, phrase, position)
            if candidate and not _address(reading, phrase, position, candidate) \
                    and not _coordinated_with_kind(reading, candidate) and not _any_countrys_body(candidate, reading.lex):
                found.append(candidate)
    found = [member for candidate in _drop_contained(found) for member in _coordinated_bodies(reading, candidate)]
    found += _coordinated_words(reading, found)
    return found + _coordinated_names(reading, found) + _named_after_kind(reading) + _known_bodies(reading) \
        + _legal_entities(reading)


def _any_countrys_body(candidate: Candidate, lex: Heads) -> bool:
    """`외국정부`, `개발도상국 보건부`, `주한외국대사관`: a government, ministry or mission of an owner
    that names no one country is a kind of body, also after the countries it stands for (`아·중 외국정부`);
    one named by what it does keeps its name (`외국문헌선정관리부`)."""
    text = "".join(candidate.name.split())
    bodies = [text.rpartition(owner)[2] for owner in lex.generic_owners if owner in text]
    return any(body in lex.standalone_heads or (len(body) <= 3 and body.endswith(lex.state_heads)) for body in bodies)


def _coordinated_with_kind(reading: Reading, candidate: Candidate) -> bool:
    """`지역의 소방본부 및 경찰청`: a body coordinated after a kind of body (`소방본부`, `지자체`,
    `보건소`) is meant as a kind too, any such office."""
    article = reading.article
    index = article.index_at(candidate.start) - 1
    if index > 0 and article.text[article.words[index].start:article.words[index].end] == "및":
        index -= 1
    elif index < 0 or article.words[index].particle not in particles("partner"):
        return False
    before = article.words[index]
    named = index > 0 and article.joined(article.words[index - 1], before)  # `도산면 행정복지센터와`
    return not named and article.text[before.start:before.nominal_end] in reading.lex.not_organizations


def _coordinated_words(reading: Reading, found: list[Candidate]) -> list[Candidate]:
    """`고려대·홍익대·한국영상대 세종캠퍼스`: bodies joined by middle dots are bodies wherever they stand,
    also before a word that is no head (not nouns ending like a province: `투명성·효율성`)."""
    article, lex, claimed = reading.article, reading.lex, {c.start for c in found}
    words = [word for word in article.words
             if word.start not in claimed and _COORDINATION.search(article.text, word.start, word.nominal_end)]
    members = []
    for word in words:
        candidate = Candidate("organizations", "", word.start, word.nominal_end)
        split = _coordinated_bodies(reading, candidate)
        if len(split) > 1 and all((_is_body_name(c.name, lex) or c.name in lex.known_bodies) and not _DIGIT.search(c.name)
                                  and lex.organizations.ending(c.name) not in lex.name_like_heads for c in split):
            members += split
    return members


def _known_bodies(reading: Reading) -> list[Candidate]:
    """`코엑스`, `KT`, `유네스코`, `LG CNS`: bodies known by a name without a head (known_bodies.yaml),
    in one word or two, not an alias in parentheses (`한국국제협력단(KOICA)` names one body) nor
    the owner opening a longer proper name (`KDI 국제정책대학원`, `KBS 월드`); a site of theirs
    does not hide them (`삼성전자 평택캠퍼스`), and their plant named by its place is named with them
    (`LG전자 평택공장`)."""
    article = reading.article
    found = []
    for index in word_table(reading).known_body_starts:
        word = article.words[index]
        end = _known_name_end(reading, index)
        if end is None or article.text[word.start - 1:word.start] == "(":
            continue
        following = article.index_at(end)
        if following < len(article.words) and article.joined(article.words[following - 1], article.words[following]):
            if _placed_plant(reading, article.words[following]):
                end = article.words[following].nominal_end
            elif _opens_longer_name(reading, article.words[following]):
                continue
        found.append(Candidate("organizations", article.text[word.start:end], word.start, end))
    return found


def _placed_plant(reading: Reading, word: Word) -> bool:
    """`울산공장`, `광양제철소`: a place glued before a plant's noun."""
    text = reading.article.text[word.start:word.nominal_end]
    plant = next((noun for noun in reading.lex.plant_nouns if text.endswith(noun)), None)
    return plant is not None and len(text) > len(plant) and word.tags[:1] == ("NNP",)


def has_legal_form(word: str) -> bool:
    """`㈜한빛`, `한빛(주)`: a word marked as a body's name by its legal form."""
    return _LEGAL_FORM.search(word) is not None


def _legal_entities(reading: Reading) -> list[Candidate]:
    """`㈜한빛솔루션`, `(재)그린닥터스`, `누리테크(주)`: a name marked with its legal form (a company,
    a foundation, an association) is a body's, written without the mark."""
    article = reading.article
    found = []
    for mark in _LEGAL_FORM.finditer(article.text):
        if mark.start() > 0 and article.text[mark.start() - 1].isalnum():  # `누리테크(주)`: the name before
            name = _NAME_RUN_BEFORE.search(article.text, max(0, mark.start() - _NAME_REACH), mark.start())
            span = name.span() if name else None
        else:
            name = _NAME_RUN.match(article.text, mark.end())
            span = (name.start(), name.end() - len(article.word(*name.span()).particle)) if name else None
        if span and span[1] - span[0] > 1:
            found.append(Candidate("organizations", article.text[span[0]:span[1]], *span))
    return found


def _known_name_end(reading: Reading, index: int) -> int | None:
    """Where the known body's name opening at words[index] ends, if one does (`포스코 ICT`: two words)."""
    article, known = reading.article, reading.lex.known_bodies
    word = article.words[index]
    text = article.text[word.start:word.nominal_end]
    following = article.words[index + 1] if index + 1 < len(article.words) else None
    pair = text + article.text[following.start:following.nominal_end] if following else ""
    if following and article.joined(word, following) and pair in known and pair not in reading.lex.group_companies:
        return following.nominal_end
    return word.nominal_end if text in known else None


def _opens_longer_name(reading: Reading, word: Word) -> bool:
    lex = reading.lex
    text = reading.article.text[word.start:word.nominal_end]
    return ("NNP" in word.tags[:1] or is_organization_word(reading, word) or text in lex.standalone_heads) \
        and not text.endswith(lex.site_nouns)


def _coordinated_bodies(reading: Reading, candidate: Candidate) -> list[Candidate]:
    """`고흥군·여수시`, `안행부·미래부·기재부`: bodies joined by middle dots are one body each;
    members without a head share the last one's (`북창ㆍ무학치안센터`: 북창치안센터, 무학치안센터);
    a member that is no body even so is none (`(사)이태석기념사업회·인제대학교 의과대학`), nor shares the
    head of a last member naming a kind (`국민문화제·지방정부`)."""
    text = reading.article.text
    conjuncts = _COORDINATION.split(text[candidate.start:candidate.end])
    if len(conjuncts) == 1:
        conjuncts = _paired_governments(text[candidate.start:candidate.end], reading.lex)
    if len(conjuncts) == 1 or not all(conjuncts) or _joint_body(reading, candidate.start, conjuncts):
        return [candidate]
    last_member = reading.article.words[reading.article.index_at(candidate.end) - 1]
    shared = _shared_head(last_member) if _is_body_name(conjuncts[-1], reading.lex) else ""
    if " " in conjuncts[-1] and _places_first(reading, candidate.start, conjuncts[:-1] + [conjuncts[-1].split()[0]]):
        # `시애틀·타코마 항만청`: the words after the last place are the head the places share
        shared = conjuncts[-1][conjuncts[-1].index(" "):]
    elif not shared:
        shared = _places_office(conjuncts, reading.lex)
    found, offset = [], candidate.start
    for conjunct in conjuncts:
        # a member already ending in the shared head, or a body known by its name alone (`행정안전부·UN·지식경제부`),
        # takes it no second time (`읍·면사무소`)
        known = conjunct in reading.lex.known_bodies
        name = conjunct if known or _is_body_name(conjunct, reading.lex) or conjunct.endswith(shared) \
            else _with_shared_head(conjunct, shared, reading.lex)
        if known or _is_body_name(name, reading.lex):
            found.append(Candidate("organizations", name, offset, offset + len(conjunct)))
        offset += len(conjunct) + 1
    return found


def _with_shared_head(conjunct: str, shared: str, lex: Heads) -> str:
    """`서면` + `면사무소` -> `서면사무소`: a town's ending read into the shared head is written once."""
    if shared[:1] in lex.address_endings and conjunct.endswith(shared[:1]):
        return conjunct + shared[1:]
    return conjunct + shared


def _places_office(conjuncts: list[str], lex: Heads) -> str:
    """`울진읍·북면·후포면사무소`: towns joined before the last one's office share the office's head
    (`사무소`), though the last is read as one word."""
    head = lex.organizations.ending(conjuncts[-1]) or ""
    places = conjuncts[:-1] + [conjuncts[-1][:-len(head)] if head else ""]
    endings = tuple(lex.address_endings) + tuple(lex.local_government_heads)
    return head if all(len(place) > 1 and place.endswith(endings) and not lex.organizations.ending(place)
                       for place in places) else ""


def _joint_body(reading: Reading, start: int, conjuncts: list[str]) -> bool:
    """`한·중·일 3국 협력 사무국`, `일·한 친선협회`: countries joined before a body's name are the
    parties of one joint body, no coordination of bodies."""
    if reading.lex.organizations.ending(conjuncts[-1]) in reading.lex.state_heads \
            or conjuncts[-1].endswith(reading.lex.mission_heads):
        return False  # `칠레·페루 경찰청`: a state's office or mission is one country's
    offset = start
    for conjunct in conjuncts[:-1]:
        if not reading.countries.cover(offset, offset + len(conjunct)):
            return False
        offset += len(conjunct) + 1
    return True


def _paired_governments(text: str, lex: Heads) -> list[str]:
    """`안양시-의왕시`: local governments a headline pairs with a hyphen (partners) are one body each;
    a hyphen inside one name stays (`U-영등포구`, `한-베트남 협력센터`)."""
    parts = text.split("-")
    local = len(parts) > 1 and all(
        _is_body_name(part, lex) and lex.organizations.ending(part) in lex.local_government_heads for part in parts)
    return parts if local else [text]


def _shared_head(word: Word) -> str:
    """The morphemes of the last member after its first (`무학치안센터` -> 치안센터)."""
    marks = [i for i, form in enumerate(word.forms) if _COORDINATION.fullmatch(form)]
    last_member = word.forms[marks[-1] + 1:] if marks else ()
    return "".join(last_member[1:])


def _is_body_name(text: str, lex: Heads) -> bool:
    head = lex.organizations.ending(text)
    return (head is not None and text not in lex.not_organizations and not text.endswith(lex.common_endings)
            and (len(head) > 1 or len(text) > 2))


def _named_after_kind(reading: Reading) -> list[Candidate]:
    """`참여업체 세종플렉스, 영남메탈`, `관련 업체인 도요타·닛산·혼다`: proper names right after a noun
    saying what kind of body they are (a company, an agency) name such bodies, each conjunct too."""
    article, lex = reading.article, reading.lex
    found = []
    for index, word in enumerate(article.words[:-1]):
        if not article.text.endswith(lex.body_kinds, word.start, word.nominal_end) \
                or not _apposed(article, word, article.words[index + 1]):
            continue
        following = index + 1
        while following is not None and _proper_body_name(reading, article.words[following]):
            named = article.words[following]
            found.extend(Candidate("organizations", part.group(0), part.start(), part.end())
                         for part in CONJUNCT.finditer(article.text, named.start, named.nominal_end))
            following = conjunct_after(article, following)
    return found


def _apposed(article: ArticleWords, kind: Word, following: Word) -> bool:
    """`참여업체 세종플렉스`, `업체인 도요타`: a kind noun right before a name, or predicated of it."""
    return article.joined(kind, following) or (
        kind.connective and article.text[kind.end:following.start] == " ")


def _proper_body_name(reading: Reading, word: Word) -> bool:
    """Proper nouns or Latin words (`도요타·닛산`: each conjunct) that are no place and no other body's name."""
    article, countries = reading.article, reading.countries
    text = article.text[word.start:word.nominal_end]
    parts = _COORDINATION.split(text)
    return (all(len(part) > 1 for part in parts) and bool(word.tags) and all(tag in ("NNP", "SL", "SP") for tag in word.tags)
            and organization_head(reading, word) is None and not _named_place(reading, word)
            and not any(part in lexicons.foreign_cities() for part in parts) and not countries.contain(word.start))


def _place_office(reading: Reading, phrase: list[Word], position: int) -> Candidate | None:
    """`풍산면 행정복지센터`, `수성경찰서`: an office every place has is named by the place before it."""
    article, lex = reading.article, reading.lex
    word = phrase[position]
    text = article.text[word.start:word.nominal_end]
    if not text.endswith(lex.place_offices):
        return None
    if text in lex.place_offices:
        place = phrase[position - 1] if position > 0 else None
        if place is None or not _named_place(reading, place):
            return None
        return Candidate("organizations", article.text[place.start:word.nominal_end], place.start, word.nominal_end)
    return Candidate("organizations", text, word.start, word.nominal_end) if word.tags[0] == "NNP" else None


def _named_place(reading: Reading, word: Word) -> bool:
    """`풍산면`, `역삼1동`, `안동시`: a proper name ending as a town, district or city does."""
    article, lex = reading.article, reading.lex
    text = article.text[word.start:word.nominal_end]
    return word.tags[:1] == ("NNP",) and (
        text.endswith(lex.address_endings) or organization_head(reading, word) in lex.local_government_heads)


def _latin_name_after_place(article: ArticleWords, phrase: list[Word], position: int) -> Candidate | None:
    """`바르셀로나 Activa`: a capitalised Latin word after a place is a body there, as a company."""
    word = phrase[position]
    if position == 0 or position + 1 < len(phrase) or "NNP" not in phrase[position - 1].tags:
        return None
    match = _CAPITALISED.fullmatch(article.text, word.start, word.nominal_end)
    return match and Candidate("organizations", match.group(0), word.start, word.nominal_end)


def _coordinated_names(reading: Reading, found: list[Candidate]) -> list[Candidate]:
    """`카탈루냐 무역투자청 및 독일 지멘스`, `Activa와 비엔나 어반이노베이션`: a place and one proper
    word coordinated after a body (not a city: `부산시와 일본 후쿠오카` are places) name another
    body at that place."""
    article, lex, countries = reading.article, reading.lex, reading.countries
    named = []
    for candidate in found:
        index = article.index_at(candidate.end) - 1
        if index < 0 or article.words[index].nominal_end != candidate.end \
                or organization_head(reading, article.words[index]) in lex.local_government_heads:
            continue
        following = conjunct_after(article, index)
        if following is None or following + 1 >= len(article.words):
            continue
        place, word = article.words[following], article.words[following + 1]
        text = article.text[word.start:word.nominal_end]
        if (place.full and "NNP" in place.tags and article.joined(place, word) and len(text) > 1
                and word.nominal and all(tag in ("NNP", "SL") for tag in word.tags)
                and _ends_phrase(reading, following + 1) and text not in lexicons.foreign_cities()
                and not countries.contain(word.start)):
            named.append(Candidate("organizations", text, word.start, word.nominal_end))
    return named


def _ends_phrase(reading: Reading, index: int) -> bool:
    article, lex = reading.article, reading.lex
    word = article.words[index]
    if word.particle or index + 1 == len(article.words) or not article.joined(word, article.words[index + 1]):
        return True
    after = article.words[index + 1]
    return article.text[after.start:after.end] in lex.list_closers


def conjunct_after(article: ArticleWords, index: int) -> int | None:
    """Index of the word opening the conjunct after words[index] (`…와 X`, `… 및 X`, `…, X`)."""
    word = article.words[index]
    if word.particle in particles("partner") and index + 1 < len(article.words):
        return index + 1
    if index + 2 < len(article.words) and word.full:
        after = article.words[index + 1]
        if article.text[after.start:after.end] == "및":
            return index + 2
        if article.text[word.end:after.start].strip() == ",":
            return index + 1
    return None


def _address(reading: Reading, phrase: list[Word], position: int, candidate: Candidate) -> bool:
    """`경기도 성남시 분당구 새마을운동중앙연수원`, `울란바토르시 항올구`, `종로구 계동`, `경기도 가평`,
    `서울 중구 소재`: a local government before a body, a smaller place or an address noun locates it,
    as one that something stands in (`중구에 위치한`),
    as one before `한` (`안산시 단원구 한 공장`, `파주시의 한 공장`) or in parentheses after a name
    (`박종문(서울 강동구)`, `중앙연수원(경기 성남시)`)."""
    article, lex = reading.article, reading.lex
    word = phrase[position]
    head = organization_head(reading, word)
    if head not in lex.local_government_heads and head not in _CITY_ENDINGS:  # `흑룡강성 대경시`
        return False
    return _before_indefinite(article, word) or _parenthesised_address(article, word) or _located_in(reading, word) \
        or (position + 1 < len(phrase) and _locates(reading, phrase[position + 1])) \
        or _written_as_address(reading, phrase, position)


def _written_as_address(reading: Reading, phrase: list[Word], position: int) -> bool:
    """`부산 해운대구 벡스코`, `대구 달성군 마비정 벽화마을`, `경기도 화성시 향남읍`: a district or city
    written after the place it lies in and before a place of its own, as an address is written
    (not before its people or its official: `경남 밀양시 관계자`, `경남 밀양시 홍길동 시장`)."""
    article, lex = reading.article, reading.lex
    if position == 0 or position + 1 >= len(phrase) or phrase[position].particle:
        return False
    before, following = phrase[position - 1], phrase[position + 1]
    before_text = article.text[before.start:before.nominal_end]
    following_text = article.text[following.start:following.nominal_end]
    in_place = before_text in lex.provinces or (before.tags == ("NNP",) and not reading.countries.contain(before.start))
    own_place = following_text.endswith(lex.address_endings) or following_text in lex.known_bodies or (
        following.tags[:1] == ("NNP",) and not lexicons.korean_name_form(following_text))
    return in_place and own_place


def _located_in(reading: Reading, word: Word) -> bool:
    """`서울 중구에 설치된 CCTV`, `대구 중구에 위치한 골목`: a place something stands in."""
    return word.particle == "에" and reading.article.text.startswith(reading.lex.location_verbs, word.end + 1) \
        and reading.article.text[word.end:word.end + 1] == " "


def _locates(reading: Reading, following: Word) -> bool:
    """Is the word after a local government a body, a smaller place or an address noun?"""
    lex = reading.lex
    text = reading.article.text[following.start:following.nominal_end]
    return (is_organization_word(reading, following) or text in lex.address_nouns
            or _district_name(text, lex) or place_name(reading, following, text) or _place_head_title(text)
            or (text.endswith(lex.address_endings) and all(t == "NNP" for t in following.tags)))


def place_name(reading: Reading, word: Word, text: str) -> bool:
    """`가평`, `파주의`, `수안보온천`, `이천·장호원`: proper nouns (each of a list joined by middle dots)
    that name no body and no person."""
    return bool(word.tags) and set(word.tags) <= _PROPER_LIST_TAGS and word.tags[0] == "NNP" \
        and text not in reading.lex.known_bodies and not any(
            lexicons.korean_name_form(part) or part in lexicons.foreign_cities() for part in CONJUNCT.findall(text))


def _place_head_title(text: str) -> bool:
    """`의왕시장`, `무주군수`: a place glued to its head's title."""
    return any(text.endswith(title) and len(text) > len(title) + 1 for title in _PLACE_HEAD_TITLES)


def _before_indefinite(article: ArticleWords, word: Word) -> bool:
    following = article.words[article.index_at(word.end)] if article.index_at(word.end) < len(article.words) else None
    return word.particle in ("", "의") and following is not None and article.text[following.start:following.end] == "한"


def _parenthesised_address(article: ArticleWords, word: Word) -> bool:
    opening = article.text.rfind("(", max(0, word.start - _ADDRESS_REACH), word.start)
    return (opening > 0 and not article.text[opening - 1].isspace() and article.text[word.nominal_end:word.nominal_end + 1] == ")"
            and _PLACE_WORDS.fullmatch(article.text, opening + 1, word.start) is not None)


def _district_after_city(reading: Reading, phrase: list[Word], position: int) -> str | None:
    """`자카르타시 멘텡구`: a district after its city, though Kiwi reads the district as a common noun."""
    article, lex = reading.article, reading.lex
    text = article.text[phrase[position].start:phrase[position].nominal_end]
    if position > 0 and _district_name(text, lex) and _is_local_government(reading, phrase[position - 1]):
        return text[-1]
    return None


def _ministry_after_country(reading: Reading, phrase: list[Word], position: int) -> str | None:
    """`일본 총무성`, `일본 외무성`: right after a country, a word of common nouns ending in a ministry
    head is the country's ministry, though Kiwi reads the head as a noun of its own (a province's
    stem is proper: `중국 산둥성`; a quality ends in a suffix: `한국 정체성`)."""
    article, lex = reading.article, reading.lex
    word = phrase[position]
    text = article.text[word.start:word.nominal_end]
    if position == 0 or len(text) < 3 or not text.endswith(lex.ministry_heads) or text in lex.not_organizations:
        return None
    before = phrase[position - 1]
    after_country = not before.particle and reading.countries.cover(before.start, before.nominal_end)
    return text[-1] if after_country and set(word.tags) == {"NNG"} else None  # no suffix: `한국 정체성`


def _bureau_after_body(reading: Reading, phrase: list[Word], position: int) -> str | None:
    """`천진시 해양국`, `경찰청 내무국`: right after a body (a local government, an agency), a word of
    common nouns ending in a bureau's head is its bureau, though the head alone ends countries' words
    (`선진국`, `회원국`) and names none."""
    article, lex = reading.article, reading.lex
    word = phrase[position]
    text = article.text[word.start:word.nominal_end]
    if position == 0 or len(text) < 3 or not text.endswith(lex.bureau_heads) or not _descriptive_body(word):
        return None
    before = phrase[position - 1]
    owned = not before.particle and organization_head(reading, before) is not None \
        and not reading.countries.cover(before.start, before.nominal_end)
    return text[-1] if owned else None


def _district_name(text: str, lex: Heads) -> bool:
    """A word read as a district whatever Kiwi tags it (`항올구`, `울주군`)."""
    return (len(text) > 2 and lex.organizations.ending(text) in lex.local_government_heads
            and text not in lex.not_organizations and not text.endswith(lex.common_endings))


def _organization_at(reading: Reading, phrase, position) -> Candidate | None:
    article, lex, countries = reading.article, reading.lex, reading.countries
    word = phrase[position]
    text = article.text[word.start:word.nominal_end]
    head = organization_head(reading, word) or _district_after_city(reading, phrase, position) \
        or _ministry_after_country(reading, phrase, position) or _bureau_after_body(reading, phrase, position)
    standalone = text in lex.standalone_heads and position > 0 and _belongs_to_organization(reading, phrase, position - 1, position)
    if (head is None or text in lex.standalone_heads) and not standalone:
        return None
    if countries.cover(word.start, word.nominal_end):
        return None
    first = position
    while first > 0 and _belongs_to_organization(reading, phrase, first - 1, position):
        first -= 1
    while first < position and _reference_word(reading, phrase[first], word):
        first += 1
    if first > 0 and (first == position or _resident_prefix(reading, phrase[first], word)) \
            and _counts_kind(reading, phrase[first - 1], word):
        return None  # `30여개 전시컨벤션센터`, `4개국 전력청`, `11개국 주한 대사관`: a kind of body; `제33차 …위원회`: its meeting
    start = phrase[first].start
    while article.text[start] in COORDINATION_MARKS:  # `A대학 ·B대학`: the mark written apart joins, names nothing
        start += 1
    return Candidate("organizations", article.text[start:word.nominal_end], start, word.nominal_end)


def _belongs_to_organization(reading: Reading, phrase, index, head_index) -> bool:
    """May phrase[index] open the organisation ending at phrase[head_index]?
    Places before a local government locate it (`경남 밀양시`, `몽골 울란바토르시 항올구`) unless
    its name is shared by many cities (`대전 중구`). A country names its bodies of common nouns
    (`콜롬비아 교통부`, `칠레 정부`), not one with a proper name of its own (`필리핀 세부주`).
    A body described by its head takes the nouns before it (`스마트시티 추진본부`), also the local
    government right before it (`진천군 농업기술센터`)."""
    article, lex, countries = reading.article, reading.lex, reading.countries
    if _is_local_government(reading, phrase[head_index]) or _placed_body(reading, phrase[head_index]):
        return False
    if _apart_by_marks(reading, phrase, index, head_index):
        return False
    word = phrase[index]
    if _resident_prefix(reading, word, phrase[head_index]) \
            or (index == head_index - 1 and _coordinated_places(reading, word)):
        return True  # `시애틀·타코마 항만청`: each place's own body, split by _coordinated_bodies
    text = article.text[word.start:word.nominal_end]
    if countries.contain(word.start):
        return _country_body(reading, phrase, index, head_index)
    head = organization_head(reading, word)
    if head in lex.local_government_heads:  # `진천군 농업기술센터`: the county's own centre, named by its kind
        return index == head_index - 1 and _named_by_kind(reading, phrase[head_index])
    if _is_local_government(reading, phrase[index + 1]):
        return False  # `충북 진천군 농업기술센터`: what locates the government is no part of the name
    if head is None and len(text) == 3 and word.tags == ("NNP",) and lexicons.korean_name_form(text) \
            and text not in lexicons.foreign_cities():
        return False  # `류철호 한국도로공사 사장`: a person named before the body
    if head is not None and (organization_head(reading, phrase[head_index]) in lex.branch_heads
                             or _bureau_after_body(reading, phrase, head_index)):
        return True  # `국가인재원 과천분원`, `경찰청 내무국`: a branch or a bureau is named with its body
    if head is None and head_index - index <= 2 and _descriptive_body(phrase[head_index]):
        # `오전 11시30분 행정중심복합도시건설청`: a time is no part; nor a bound noun standing alone
        # (`관제센터 내 종합상황실`: the room inside the centre), as for programmes and systems
        return not (is_count(word) or _DIGIT.search(text) or text in lex.generic or text in lex.list_closers
                    or text in lex.address_nouns or word.tags == ("NNB",))
    return text in lex.place_nouns or (bool(word.tags) and all(t in _PROPER_TAGS for t in word.tags))


def _apart_by_marks(reading: Reading, phrase, index, head_index) -> bool:
    """`A대학 ·B대학`: a new conjunct opens after a mark written apart; `서강대·충남대 세종캠퍼스`: bodies
    joined by middle dots before a branch they each have are named alone."""
    text, word = reading.article.text, phrase[index]
    if text[phrase[index + 1].start] in COORDINATION_MARKS:
        return True
    return _COORDINATION.search(text, word.start, word.nominal_end) is not None \
        and organization_head(reading, phrase[head_index]) in reading.lex.branch_heads


def _coordinated_places(reading: Reading, word: Word) -> bool:
    """`시애틀·타코마`, `멕시코·페루`: places joined by middle dots, the first a country or a known foreign
    city, none a body or a generic word (not regions: `아시아·태평양`)."""
    conjuncts = _COORDINATION.split(reading.article.text[word.start:word.nominal_end])
    return len(conjuncts) > 1 and word.forms[0] == conjuncts[0] and _places_first(reading, word.start, conjuncts)


def _places_first(reading: Reading, start: int, conjuncts: list[str]) -> bool:
    lex = reading.lex
    first_is_place = reading.countries.cover(start, start + len(conjuncts[0])) \
        or conjuncts[0] in lexicons.foreign_cities()
    return first_is_place and all(conjuncts) and not any(
        lex.organizations.ending(c) or c in lex.generic or c in lex.not_organizations for c in conjuncts[:-1])


def _country_body(reading: Reading, phrase, index, head_index) -> bool:
    """`콜롬비아 교통부`, `인도네시아 경찰청 내무국`: a country right before its body of common nouns (or
    before the body whose bureau ends the name) belongs to the name; not before a body with a proper
    name of its own (`필리핀 세부주`, `일본 요미우리신문`), nor one read as a proper noun whole that is no
    ministry, agency or mission (`과테말라 국립산카를로스대학교`, `호주 남호주대학교`; `중국 주부산총영사관` keeps it)."""
    if index == head_index - 2 and _bureau_after_body(reading, phrase, head_index):
        head_index -= 1
    body = phrase[head_index]
    head = organization_head(reading, body)
    text = reading.article.text[body.start:body.nominal_end]
    proper_whole = body.tags == ("NNP",) and head not in reading.lex.state_heads \
        and not text.endswith(reading.lex.mission_heads)
    return index == head_index - 1 and "NNP" not in body.tags[:-1] and not proper_whole \
        and head not in reading.lex.proper_heads and head not in reading.lex.outlet_heads


def _counts_kind(reading: Reading, before: Word, body: Word) -> bool:
    """`30여개 전시컨벤션센터`: a body named by its kind after a count of bodies is that kind; one of common
    nouns after a count of countries or an owner naming no one country (`동남아 4개국 전력청`, `33개국
    사법부`, `각국 관광청`) is each country's body of that kind, no one body."""
    if is_count(before) and before.forms[-1] in _BODY_COUNTERS:
        return _descriptive_body(body)
    owner = reading.article.text[before.start:before.nominal_end]
    of_countries = (is_count(before) and before.forms[-1] == _COUNTRY_COUNTER) or owner in reading.lex.generic_owners
    return of_countries and common_noun(body)


def _reference_word(reading: Reading, word: Word, head: Word) -> bool:
    """`군 농업기술센터`: the county's own centre, named without the word referring to the county."""
    text = reading.article.text[word.start:word.nominal_end]
    return text in reading.lex.place_nouns and not _resident_prefix(reading, word, head)


def _resident_prefix(reading: Reading, word: Word, head: Word) -> bool:
    """`주인도네시아 대사관`, `주 니가타 총영사관`, `주한 베트남 대사관`: `주` (resident in) and the
    country or city a diplomatic mission is in open its name."""
    article, lex = reading.article, reading.lex
    text = article.text[word.start:word.nominal_end]
    if not article.text.endswith(lex.mission_heads, head.start, head.nominal_end) or not text.startswith(lex.resident):
        return False
    return text in lex.resident_words or reading.countries.cover(word.start + len(lex.resident), word.nominal_end)


def _placed_body(reading: Reading, word: Word) -> bool:
    """`부천시청`, `성동구의회`: a body whose own word opens with its local government (a proper noun
    naming a district, or a place before its office) is placed by it; the places before it do not
    belong to its name (`경기 부천시청`), save a district many cities share (`대전 중구청`)."""
    lex = reading.lex
    if len(word.forms) < 2 or word.tags[0] != "NNP" or word.forms[0] in lex.shared_district_names:
        return False
    return _district_name(word.forms[0], lex) or word.forms[1] in lex.office_heads


def _descriptive_body(word: Word) -> bool:
    """`운영센터`, `추진본부`: a head after a common noun says what a body does, not which one it
    is; the nouns before it name it (`스마트시티 추진본부`)."""
    return len(word.forms) > 1 and common_noun(word)


def _named_by_kind(reading: Reading, word: Word) -> bool:
    """`농업기술센터`, `교통상황실`: a body named by what it does, or an office every place has;
    not a district Kiwi reads as common nouns (`북경시 회유구`)."""
    text = reading.article.text[word.start:word.nominal_end]
    return (_descriptive_body(word) and not _district_name(text, reading.lex)) or text in reading.lex.place_offices


def common_noun(word: Word) -> bool:
    return all(tag == "NNG" for tag in word.tags)


def _is_local_government(reading: Reading, word: Word) -> bool:
    article, lex = reading.article, reading.lex
    text = article.text[word.start:word.nominal_end]
    return organization_head(reading, word) in lex.local_government_heads and text not in lex.shared_district_names


def _drop_contained(found: list[Candidate]) -> list[Candidate]:
    """`서울대학교 행정대학원` is one organisation: drop names inside a longer one that contains them
    at its start (a local government before a facility was already kept apart)."""
    longest_end: dict[int, int] = {}
    for candidate in found:
        longest_end[candidate.start] = max(candidate.end, longest_end.get(candidate.start, candidate.end))
    return [c for c in found if c.end == longest_end[c.start]]


def parenthesised_aliases(article: ArticleWords, found: list[Candidate]) -> dict[str, Candidate]:
    """`한국지능정보사회진흥원(NIA)`, `LH(한국토지주택공사)`, `…인재개발원(원장 박재민, 이하 자치인재원)`:
    alias -> the organisation written first."""
    aliases: dict[str, Candidate] = {}
    for candidate in found:
        after = article.text[candidate.end:candidate.end + 40]
        match = re.match(r"\(([^()]{1,30})\)", after)
        if match:
            for alias in match.group(1).split(","):
                aliases.setdefault(_HEREAFTER.sub("", alias.strip()).strip(_QUOTES), candidate)
        acronym = _ACRONYM_BEFORE.search(article.text, max(0, candidate.start - _ACRONYM_REACH), candidate.start)
        if acronym and article.text[candidate.end:candidate.end + 1] == ")":
            aliases.setdefault(candidate.name, Candidate(
                "organizations", acronym.group(1), acronym.start(1), acronym.end(1)))
    return aliases
