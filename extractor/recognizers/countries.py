"""`kr_countries`: country mentions and whether each country is reported visiting.

Names come from `lexicons/countries.yaml` (CLDR Korean names plus press forms, built by
scripts/build_country_lexicon.py). Patterns are built from surface strings and checked
against word boundaries and Kiwi's morphemes of the article itself (running Kiwi on a
lone name gives other morphemes than in context):
- a full name (`페루`, `파라과이대사`, `주대한민국`) must start a word and end at the end
  of the word, before a particle, a glued head (`미국산`, `중국인`) or a glued ministry
  or province (`칠레과학교통부`); a name that is also a common word (`가나`, `인도`, `오만`)
  only where Kiwi tags it NNP, in a list of countries, or before a country's head (`인도 관광객`);
- a one-syllable form (`미`, `中`, `한`) only in a coordination (`한·몽`, `한-중남미`,
  `한미`), before a context word (`미 정부`, `美 실리콘밸리`), or as a lone Hanja;
- a full name may be split by a hard line wrap (`필리\n핀`);
- a country is visiting when its sentence reports a visit (`visit_cues.yaml`), or reports
  people taking part (`참가`, `참석`) who are named by their country (`몽골 등 5개국 공무원
  12명이`, `X에서 온 연수생들이`), and the country is not the host, a destination
  (`X를 방문`, `X에 수출`), a place where things happen (`X에서 열린`), merely compared
  (`X처럼`, `X에 이어 가장 먼`), talked about or aimed at (`X에 대해`, `X를 대상으로 한 제도`),
  or in a sentence datelined abroad or telling a trip to one of its own cities (`X 방문단이 X의
  현을 방문해`: the host's people), nor where it names a mission stationed there (`주일본
  총영사`). A line ending with a comma goes on after the break. A footnote line (`* 몽골,
  네팔 …`) is read with the sentence whose `*` it explains, and its list takes the role of
  the word the `*` marks;
- with no visit verb, a country is also visiting when its people are named as visitors
  before a count, a caption's or cue line's end or one person's name (`이스라엘 국적 관광객
  33명`, `(캐나다 관광객)`, `X 유학생 홍길동(22)은`), even glued (`X관광객`), or when
  it is a row of a breakdown of visitors (`일본(22만5351명)`, `중국에서 602만명`, `미국이 1위`) in
  or after a sentence that reports visits or counts visitors, not the host's people going abroad;
- a list of countries closed by their count and then the people it names (`가나, 케냐 등 12개국
  공연단이`, `… 등 14개 나라에서 모인 방문단은`) names who takes part here, with no visit verb; not
  a count that is a destination (`… 등 5개국에 보냈다`), an event there (`… 등 5개국에서 열린`),
  taking part from afar or a venue abroad;
- the role is the grammatical one of the phrase the country opens: its people (`X 공무원`,
  `X인`) or counted parties (`X 등 12개국`) as a subject of taking part or of sending people
  (`X 등 12개국에선 선수 1명을 보낸다`; in a headline, a phrase of people running to the
  line's end: `X 선수단 선발대, 11일 오후 입국`), what a subject of taking part is (`참가국은
  X, Y 등이다`, `참가국 : X, Y`, `출신국은 X, Y 등으로, …`), nationals ranked in a tally of
  visitors (`관광객은 X인이 가장 많았다`), people for whom the host does something here
  (`X 공무원들에게 구정을 소개했다`), people the host receives (`X 대표단을 접견했다`, not over
  there: `X를 방문해`, `하노이에서`), the other party of a meeting at a venue here, resident
  here or come here (`X 빈프억성과 … 목포에서 간담회`, `X 주한 대사와 간담회`, `방한한 X 총리와
  회담`, `시청에서 X 주임위원과 협력 방안을 논의`), or people told as coming from it by the
  word right after `X에서` (`X에서 온 12명의 의료진은`, `X에서 온 홍길동 씨는`, `X에서 왔다`),
  which needs no other cue. Taking part is no visit when done from afar, told in its sentence
  or in the article's lead;
- a group told by its count as taking part or visiting (`13개국 15명의 공무원이 참가했다`, `세계 40여 국가가
  참여해`) has its members named after it in sentences with no visit word: a footnote or label (`*13개국 :
  일본, 중국, …`), the people's nationality (`국적은 라오스, 캄보디아의 공무원들로`), people named by their
  country (`… 탄자니아 국회부의장을 비롯해 … 등 9명이다`) or the countries themselves doing their part at the
  event (`대만은 … 공연을 선보인다`, `스위스, 몰타 … 등이 관광 프로그램을 홍보한다`); not inside a quote,
  where a sentence between is set abroad, recalled or from afar, or tells the host's people going out.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from ..learned import load_model
from ..lexicons import foreign_cities, load
from ..model import Country, Span
from ..nlp.common import add_item, text_of
from ..nlp.korean import (WORD_CHAR, Content, Morphemes, Spans, content_of, line_sentences, longest_first,
                           morphemes_of, one_of, particles)
from ..nlp.tokenizer import Morph
from ..pattern_cache import compiled_re
from .visiting_evidence import ArticleReading, Judged, country_features, inside_quote

NOT_AFTER_WORD = f"(?<![{WORD_CHAR}])"
HANGUL_RUN = compiled_re(r"[\uac00-\ud7a3]*")
HANJA = compiled_re(r"[\u4e00-\u9fff]")
#: A foreign city itself (no official after it) with these particles is where the sentence happens.
CITY_AS_PLACE = r"(?:에서|에|으로|로|을|를)(?![가-힣])"
#: ... and with these, where the article's people travel.
CITY_AS_DESTINATION = r"(?:으로|로|을|를|에) ?(?:방문|출발|출국|향하|향해|도착|가|떠나)"
#: `옌타이와 선양을 방문`: the city may head a list of destinations.
CITY_LIST_TAIL = r"(?:(?:와|과|,) ?[가-힣]+?)?"
COORDINATION_SEPARATORS = "·ㆍ・‧•\\-–"
#: Kiwi tags that may follow a name inside its word: particles, copula, endings, suffixes.
TAIL_TAG_PREFIXES = ("J", "VCP", "E", "XSN")
#: Tags a one-syllable form gets where it names a country (`한 정부` is 한/MM: "a government").
SHORT_FORM_TAGS = ("NNP", "NNG", "SH", "XPN")
PREDICATE_TAG_PREFIXES = ("V", "E", "XSV", "XSA", "XR", "MAG")
SUBJECT_PARTICLES = particles("subject", "topic", "also")
OBJECT_PARTICLES = particles("object")
#: Particles inside a noun phrase: genitive and `and` (Kiwi tags `칠레와 페루` 와 JC or JKB).
PHRASE_PARTICLES = particles("genitive", "partner")
PARTNER_PARTICLES = particles("partner")
FOOTNOTE_HIDDEN_PARTICLES = particles("subject", "topic", "also", "genitive")
#: A word that is a name and one of these (`우간다의`, which Kiwi may read as one proper noun).
NAME_TAIL_PARTICLES = particles("subject", "topic", "also", "object", "genitive", "partner", "direction") | {"에서"}
#: `33`, `3만`, `1만2천`, `1만 2000`: a number as the press writes it before `명`.
KOREAN_NUMBER = r"[\d,]+(?:[만천](?: ?[\d,]+)?)*"
#: `37개 나라에서 총 138명이`: a count of people right after `X에서` makes X their origin.
PEOPLE_COUNT = compiled_re(rf"(?:총|약)?{KOREAN_NUMBER}(?:여)?명")
DIRECTION_PARTICLES = particles("object", "direction")
TOPIC_PARTICLES = particles("topic", "also")
#: `홍길동(22)은`, `홍 길동(여·34)씨`, `마리아 로페즈 씨는`: one person named, with an age or `씨`.
NAMED_PERSON = r" [가-힣]{2,5}(?: [가-힣]{1,5})?(?: ?\(\s*(?:\d|[남여])| ?씨(?:[는가도의와]|에게)?(?![가-힣]))"
ONE_PERSON_NAMED = compiled_re(NAMED_PERSON)
#: `2만4946명이`: a count of people as the subject of the clause.
PEOPLE_AS_SUBJECT = compiled_re(rf"{KOREAN_NUMBER}(?:여)? ?명이(?![가-힣])")
FOOTNOTE_LINE = compiled_re(r"[ \t]*[*＊]")
FOOTNOTE_MARKS = ("*", "＊")
FOOTNOTE_MARK = compiled_re(r"[^\s*＊][*＊]")  # `31명*의`: a word carrying a footnote mark
#: A list's separator between two country names (`가나, 캄보디아`, `몽골·가나`, `가나와 케냐`),
#: each name maybe with its figure (`브루나이(11명), 부탄(16명)`).
LIST_SEPARATOR_AFTER = compiled_re(r"(?:\([^()]*\))?(?:\s*[,·ㆍ]\s*|[와과] )")
LIST_SEPARATOR_BEFORE = compiled_re(r"([가-힣]+)(?:\([^()]*\))?(?:\s*[,·ㆍ]\s*|[와과] )$")
MAX_PHRASE_MORPHS = 80
#: Sentences without a country read back for the one that tells the group a list's members belong to,
#: and all sentences read back at most (a text naming countries in every sentence stays linear).
MEMBER_REACH = 3
MEMBER_SENTENCES = 12
#: Between two countries of a list that is itself a subject (`스위스, 몰타`, `체코와 일본`, `미국 일본은`).
BETWEEN_LISTED = compiled_re(r"\s*[,·ㆍ]\s*|[와과] | ")
#: A country's provinces or cities named after it inside such a list (`중국 장쑤성과 저장성, 이집트`).
REGIONS_AFTER = compiled_re(r"(?: [가-힣]+[시성주현도](?:과|와)?(?![가-힣]))*")
#: What closes a list of countries standing as the subject (`… 네팔 등이`, `대만은`, `대만까지 참석`).
LISTED_SUBJECT_TAIL = compiled_re(rf"(?: 등)?(?:{one_of([*SUBJECT_PARTICLES, '까지'])})(?![가-힣])")
#: Words after a country read for people it names (`몽골 등 5개국 공무원`).
PEOPLE_WORDS = 4
#: Characters before a particle read for the word naming people (`공무원 12명을`, `100여 명을`)
PEOPLE_WORD_REACH = 20
#: `일본(22만5351명)`, `대만(40만3천773명)`, `세네갈(1)`, `중국이 41만8703명`, `중국에서 602만3021명`,
#: `태국 2만9316명`: a country's count of people; `베트남(-7.9%)`: its change; `미국이 1위`: its rank; `중국인 41.1%`: its share.
COUNT_AFTER_COUNTRY = compiled_re(rf"\(\s*{KOREAN_NUMBER}\s*명?\s*\)"
                                 rf"|(?:\([^()]*\))?(?:[이가]|에서)? {KOREAN_NUMBER}(?:여)? ?명(?![가-힣])|[이가] {KOREAN_NUMBER}(?:여)?\s?명으로"
                                 r"|\(\s*[-+]?[\d.]+%\s*\)|[이가은는] \d+위|인? [\d.]+%")
#: What may close a count of countries whose people are named after it: nothing (`12개국 공연단`),
#: the genitive (`12개국의 학생`) or where they come from (`12개 나라에서 모인 방문단`).
COUNT_OF_ORIGIN_TAILS = ("", "의", "에서")
PARENTHESES = compiled_re(r"\([^()]*\)")
#: `40여 명`, `12 명`: a count of people spaced as the spelling rules space it, read as one word.
SPACED_PEOPLE_COUNT = compiled_re(r"(?:(?<=\d)|(?<=\d여)) (?=명(?:[이을의은과와도]|에게)?(?![가-힣]))")
#: A line's label before a colon (`참가국 : `, `▲ 참여 국가: `), the rest of the line what it names.
LABEL = compiled_re(r"[\sㅇ▲■●○◆□·*-]*[\d가-힣]+(?: [가-힣]+)?\s?:\s?(?!\d)")
#: After an inviter noun (`초청`, `초대`): being invited by the one named before it.
INVITED_BY = compiled_re(r"(?:으로|로|을 받|를 받)")
#: The lines that open an article (headline, deck, lead) and tell what kind of event it reports.
LEAD_LINES = 3
#: `주한 대사`: a diplomat resident in the host country.
RESIDENT_HERE = "주한"
#: `주일본`, `주호주`: stationed in (a mission in that country).
RESIDENT_PREFIX = "주"
#: `시즈오카현`, `산둥성`, `하노이시`: a foreign city or province with its administrative suffix.
CITY_SUFFIX = "(?:시|현|성|주|도)?"
CITY_SUFFIX_AT_END = compiled_re("(?<=..)[시현성주도]$")
_WORD_LETTER = compiled_re(f"[{WORD_CHAR}]")
_AS_PLACE_AFTER_CITY = compiled_re(f"시?{CITY_AS_PLACE}")
_DESTINATION_AFTER_CITY = compiled_re(f"시?{CITY_LIST_TAIL}{CITY_AS_DESTINATION}")


def _city_then(text: str, city: str, after: re.Pattern) -> bool:
    """Does the city stand as a word of its own somewhere in text with `after` right behind it (what
    `(?<![WORD_CHAR])city` + after would find): read at each place the city is written, with no pattern
    compiled per city (a new city's pattern cost milliseconds to compile, its class of word letters most)."""
    at = text.find(city)
    while at >= 0:
        if not (at and _WORD_LETTER.match(text, at - 1)) and after.match(text, at + len(city)):
            return True
        at = text.find(city, at + 1)
    return False
#: Where something is done: the word before `에서` (`시청 대회의실에서`).
VENUE = compiled_re(r"(?<![가-힣A-Za-z0-9])((?:[가-힣A-Za-z]+ ){0,2}[가-힣A-Za-z]+)\)?에서(?![가-힣])")
#: A word that ends with a particle: not a noun qualifying the venue after it (`대표단과 시청에서`).
WITH_PARTICLE = compiled_re(r".*(?:[과와을를은는의도]|에게)$")
LINE = compiled_re(r".*")
#: `불가리아, 이탈리아 등 22개국`: a list closed by its count, at a line's end, goes on on the next line.
LIST_COUNT_AT_END = compiled_re(r"등 \d+ ?여? ?(?:개국|개 ?나라|개 ?국가)$")
#: What may end an interviewee's description by country: the line, or its closing and the colon (`칠레인) :`).
INTERVIEWEE_AFTER = compiled_re(r"인?(?:\)[^\S\n]*[:：]|[^\S\n]*(?:\n|$))")
#: After a country, a trip to it told by a verb or a trip noun (`몽골 울란바타르를 방문해`, `베트남 출장 중인`;
#: not `대만 550.6% 증가…피부과 방문`)
TRIP_TOLD_AFTER = compiled_re(r"(?:[ ][^\s.…]+){0,2}?(?:을|를|에|으로|로)[ ](?:공식[ ])?(?:방문|출장|순방|향하|향해|도착|떠나)"
                              r"|[ ](?:출장|순방)")
HANGUL_WORD = compiled_re(r"[가-힣]+")
#: Names of at least this many syllables, one syllable off, are read as slips when listed beside a country (`네들란드`).
MIN_SLIPPABLE = 4
#: Words a sentence may open with before its earlier year (`이번 교육과정은 지난 2015년`).
EARLIER_YEAR_REACH = 2
#: models/visiting.json (scripts/train_visiting.py): a country the rules miss is visiting when it accepts it,
#: if its people are named (`몽골 공무원`, `칠레 관광객 200명`: the contract's visitors) and no sentence naming it
#: is set abroad (`29일(현지시각) 크로아티아 …`: the host's own people travel).
VISITING_MODEL = "visiting"
NAMES_PEOPLE = frozenset({"people", "counted", "people_count_after"})
SET_ABROAD = "cue=abroad"

if not Doc.has_extension("foreign_officials"):
    # (start, end, country code) of each foreign city's officials who visit (`샌프란시스코 시장을 만나`)
    Doc.set_extension("foreign_officials", default=None)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    code: str


def _first_letter(strings) -> str:
    """A lookahead for the letters the strings start with: it lets the scan skip other
    positions before trying the (costlier) lookbehinds and the long alternation."""
    return "(?=[" + "".join(re.escape(letter) for letter in sorted({s[0] for s in strings})) + "])"


class CountryLexicon:
    """The compiled form of countries.yaml and visit_cues.yaml."""

    def __init__(self, countries: dict, cues: dict, counters: dict):
        self.countries = {entry["code"]: entry for entry in countries["countries"]}
        self.code_of = {form: entry["code"] for entry in countries["countries"] for form in entry["forms"]}
        self.short_code_of = {form: entry["code"] for entry in countries["countries"] for form in entry["short_forms"]}
        self.slippable: dict[int, list[str]] = {}  # long Hangul names by length: a list member one syllable off is a slip
        for form in self.code_of:
            if len(form) >= MIN_SLIPPABLE and HANGUL_WORD.fullmatch(form):
                self.slippable.setdefault(len(form), []).append(form)
        self.host = countries["host"]
        self.compacts = countries["compact_coordinations"]
        self.ambiguous = set(countries["ambiguous"])
        self.not_followed_by = countries["not_followed_by"]
        self.not_preceded_by = countries["not_preceded_by"]
        self.glued_heads = longest_first(countries["glued_heads"])
        self.glued_head_set = frozenset(countries["glued_heads"])
        self.word_glued_heads = tuple(head for head in self.glued_heads if len(head) > 1 and head != "현지")
        self.glued_body = compiled_re(f"[가-힣]{{1,6}}?(?:{one_of(countries['glued_body_endings'])})")
        self.context_heads = longest_first([*countries["glued_heads"], *countries["short_form_heads"]])
        self.regions = set(countries["partners_not_countries"])
        self.state_words = longest_first(countries["state_words"])
        self.list_links = tuple(countries["list_links"])
        self.phrase_conjunctions = frozenset(countries["phrase_conjunctions"])
        self.list_complement = countries["list_complement"] + ","
        self.comparison_particles = set(countries["comparison_particles"])
        self.ranking_words = tuple(countries["ranking_words"])
        self.abroad_marker = compiled_re(f"(?:{one_of(countries['abroad_markers'])})"
                                        f"(?!{one_of(countries['abroad_marker_not_before'])})")
        self.cues = cues

        # 주대한민국 (대사): "resident in"; 주한가봉대사, 주한미국대사관: a mission resident here
        resident_prefix = f"(?<=(?<![{WORD_CHAR}])주)|(?<=(?<![{WORD_CHAR}])주{RESIDENT_HERE[1:]})"
        wrappable_names = one_of(self.code_of, between=r"\n?")  # a hard wrap may split a name: `필리\n핀`
        self.names = compiled_re(
            f"{_first_letter(self.code_of)}(?:{NOT_AFTER_WORD}|{resident_prefix})({wrappable_names})")
        parts = [*self.code_of, *self.short_code_of, *self.regions]
        part = one_of(parts)
        self.coordinations = compiled_re(f"{_first_letter(parts)}{NOT_AFTER_WORD}(?:{part})"
                                        f"(?:[{COORDINATION_SEPARATORS}](?:{part}))+")
        self.coordination_part = compiled_re(part)
        self.compact = compiled_re(f"{NOT_AFTER_WORD}({one_of(self.compacts)})")
        heads = one_of(countries["short_form_heads"])
        glued = one_of(countries["short_form_glued_heads"])
        shorts = one_of(self.short_code_of)
        self.short_before_head = compiled_re(f"{NOT_AFTER_WORD}({shorts})(?: (?:{heads})|(?:{glued}))")
        self.lone_hanja = compiled_re(f"{NOT_AFTER_WORD}({one_of(s for s in self.short_code_of if HANJA.match(s))})"
                                     r"(?![\u4e00-\u9fff])")
        self.visit_cue = compiled_re(one_of(cues["cues"]))
        self.participation_cue = compiled_re(
            one_of([*cues["participation_cues"], *cues["event_acts"], *cues["coming_verbs"]]))
        self.remote = compiled_re(one_of(cues["remote_markers"]))
        self.tally_cue = compiled_re(one_of(cues["tally_cues"]))
        self.tally_rank = compiled_re(one_of(cues["tally_ranks"]))
        self.outbound = compiled_re(one_of(cues["outbound_markers"]))
        self.breakdown = compiled_re(one_of(cues["breakdown_markers"]))
        self.recalled = compiled_re(one_of(cues["recall_markers"]))
        self.earlier_year = compiled_re(
            rf"^(?:\S+ ){{0,{EARLIER_YEAR_REACH}}}(?:{one_of(cues['earlier_years'])}|지난 \d{{4}}년)"
            r"(?:에는|에도|에|엔)? (?!\d{1,2}월 ?\d{1,2}일|\d{1,2}일)")  # a day told: the article's own event
        self.earlier_year_not_with = compiled_re(one_of(cues["earlier_year_not_with"]))
        self.signing_acts = tuple(cues["signing_acts"])
        self.meeting_acts = tuple(cues["meeting_acts"])
        self.audience_particles = frozenset(cues["audience_particles"])
        self.host_act = compiled_re(one_of(cues["host_acts"]))
        self.receiving_verbs = tuple(cues["receiving_verbs"])
        self.meeting_verbs = tuple(cues["meeting_cues"])
        self.audience_abroad = compiled_re(one_of(cues["audience_abroad"]))
        self.not_cue = compiled_re(one_of(cues["not_cues"]))
        self.people_heads = tuple(cues["participant_heads"])
        self.participant_heads = (*self.people_heads, *cues["delegate_heads"])
        self.participant_head = compiled_re(one_of(self.participant_heads))
        # `1명의 선수를 보낸다`, `78명을 이번 대회에 파견하는`: people as what is sent (not `작품을 보냈다`)
        self.sends_people = compiled_re(f"(?:명|{one_of(self.participant_heads)})(?:단|들)?(?:을|를)(?: [^ ]+){{0,3}} "
                                        f"(?:{one_of(cues['sending_verbs'])})")
        # after a name that is also a common word, a country's head or its people make it the country
        self.company_heads = (*self.context_heads, *self.people_heads)
        self.trip_nouns = frozenset(cues["trip_nouns"])
        self.inviter_nouns = frozenset(cues["inviter_nouns"])
        self.event_verbs = tuple(cues["event_verbs"])
        self.together_words = tuple(cues["together_words"])
        self.destination_verbs = tuple(cues["destination_verbs"])
        self.visited_object_verbs = tuple(cues["visited_object_verbs"])
        self.on_site_words = frozenset(cues["on_site_words"])
        self.origin_verbs = tuple(cues["origin_verbs"])
        self.arrival_words = frozenset(cues["arrival_words"])
        self.arrival_modifiers = frozenset(cues["arrival_modifiers"])
        self.subject_matter_words = tuple(cues["subject_matter_words"])
        self.course_target = cues["course_target"]
        # `중국인이`, `일본인들은`: the country's nationals, a word of their own (not `중국인민`)
        self.nationals = compiled_re(f"(?:{one_of(cues['national_suffixes'])})들?(?:[이가은는도의과와을를]|으?로)?(?![가-힣])")
        # `12개국이`, `120개 기업이`: counters and counted nouns of parties other than people
        self.party_counters = frozenset(c for c, unit in counters["counters"].items() if unit != "people")
        self.parties_counted_with_gae = frozenset(
            noun for noun, unit in counters["counted_with_gae"].items() if unit != "people")
        # `등 12개국`, `등을 비롯한 30개 국가`, `14개 나라`: a list of countries closed by their count
        country_counters = [c for c, unit in counters["counters"].items() if unit == "countries"]
        countries_with_gae = [noun for noun, unit in counters["counted_with_gae"].items() if unit == "countries"]
        self.countries_counted = compiled_re(
            rf"\s*(?:등(?:을|를)? (?:{one_of(self.list_links)})[가-힣]* |등 )?\d+ ?여? ?"
            rf"(?:{one_of(country_counters)}|개 ?(?:{one_of(countries_with_gae)}))")
        # `15명`, `13개국`, `40여 국가`: a group told by its count of people or countries
        self.group_count = compiled_re(rf"{KOREAN_NUMBER}(?:여)? ?(?:명|{one_of(country_counters)}"
                                       rf"|(?:개 ?)?(?:{one_of(countries_with_gae)}))")
        self.meeting_cue = compiled_re(one_of(cues["meeting_cues"]))
        # `중국 단체관광객 3000여명`: a kind of visitors glued before (not `해외여행객`, the host's abroad)
        self.visitors_after = compiled_re(f"(?:인| ?국적)? ?(?:(?!해외)[가-힣]{{1,4}}?)?(?:{one_of(cues['visitor_nouns'])})"
                                         rf"(?= ?{KOREAN_NUMBER} ?여? ?명|\)|/|[ \t]*(?:\n|$)|{NAMED_PERSON}"
                                         rf"|들?(?:{one_of(cues['crowd_verbs'])}))")
        # `▶ 인터뷰 : 홍길동 / `, `<인터뷰> 홍길동(`: a caption's interviewee, described next by their country
        self.interviewee_before = compiled_re(rf"[^\S\n]*\W*(?:{one_of(cues['interview_markers'])})\W*[^\n/()]+?(?:/ ?|\()$")
        self.city_code = foreign_cities()
        self.cities_of: dict[str, list[str]] = {}
        for city, code in self.city_code.items():
            self.cities_of.setdefault(code, []).append(city)
        self._trips_to_own_city: dict[str, re.Pattern | None] = {}
        city_heads = one_of(countries["city_official_heads"])
        self.city_officials = compiled_re(f"{_first_letter(self.city_code)}{NOT_AFTER_WORD}({one_of(self.city_code)})"
                                         f"시? ?(?:{city_heads})")

    def trip_to_own_city(self, code: str) -> re.Pattern | None:
        """A trip to one of the country's own cities (`시즈오카현을 방문해`), None for a country with none
        listed: made once per country, not for every mention judged."""
        if code not in self._trips_to_own_city:
            cities = self.cities_of.get(code)
            trip = f"(?<![{WORD_CHAR}])(?:{one_of(cities or ())}){CITY_SUFFIX}{CITY_LIST_TAIL}{CITY_AS_DESTINATION}"
            self._trips_to_own_city[code] = compiled_re(trip) if cities else None
        return self._trips_to_own_city[code]

    def country(self, code: str, mention: Span, visiting: bool) -> Country:
        entry = self.countries[code]
        return Country(code=code, name=entry["name"], name_en=entry["name_en"], visiting=visiting, mentions=[mention])


class MentionFinder:
    """Finds the country mentions of one text."""

    def __init__(self, lexicon: CountryLexicon, text: str, morphemes: Morphemes, sentences: Sentences):
        self.lexicon, self.text, self.morphemes, self.sentences = lexicon, text, morphemes, sentences

    def find(self) -> list[Mention]:
        found = {(m.start, m.end): m for m in self._names()}
        for mention in [*self._coordinations(), *self._compacts(), *self._short_forms()]:
            found.setdefault((mention.start, mention.end), mention)
        named = Spans(found.values())
        for mention in named:
            for slip in self._slips_beside(mention):
                if not named.overlap(slip.start, slip.end):
                    found.setdefault((slip.start, slip.end), slip)  # not a piece of a name (`세인트빈센트 그레나딘`)
        mentions = sorted(found.values(), key=lambda m: m.start)
        starts = [m.start for m in mentions]
        return self._as_spelled_out([m for m in mentions if not self._needs_company(m)
                                     or self._has_company(m, mentions, starts)])

    def _as_spelled_out(self, mentions: list[Mention]) -> list[Mention]:
        """`콩고` where the article writes `콩고민주공화국`: a bare name is the country the article
        spells out with a state word after it (`도미니카` beside `도미니카 연방`)."""
        spelled_out: dict[str, str] = {}
        for mention in mentions:
            name = self.text[mention.start:mention.end].replace(" ", "").replace("\n", "")
            for word in self.lexicon.state_words:
                if name.endswith(word) and len(name) > len(word):
                    spelled_out.setdefault(name.removesuffix(word), mention.code)
                    break
        return [Mention(m.start, m.end, spelled_out.get(self.text[m.start:m.end], m.code)) for m in mentions]

    def _needs_company(self, mention: Mention) -> bool:
        """A name that is also a common word (`피지 분비` = sebum) needs a country context:
        a head after it (`가나 정부`, `인도 뭄바이`) or another country in its sentence."""
        if self.text[mention.start:mention.end] not in self.lexicon.ambiguous:
            return False
        following = self.text[mention.end:mention.end + 12].lstrip(" 의")
        if following.startswith(self.lexicon.company_heads):
            return False  # `가나 정부`, `이란 선수단`
        next_morph = self.morphemes.starting_at(len(self.text) - len(following)) if following else None
        return next_morph is None or next_morph.tag != "NNP"

    def _has_company(self, mention: Mention, mentions: list[Mention], starts: list[int]) -> bool:
        """Another country starts in the mention's sentence (`mentions` sorted by their `starts`)."""
        sentence = self.sentences.around(mention.end)
        beside = mentions[bisect_left(starts, sentence[0]):bisect_left(starts, sentence[1])]
        return any(other.code != mention.code for other in beside)

    def _names(self):
        for match in self.lexicon.names.finditer(self.text):
            name = match.group(1).replace("\n", "")
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
        if name in lexicon.ambiguous and not (self._tagged(start, end, ("NNP",)) or self._listed_with_country(start, end)
                                              or self._before_context_head(end)):
            return False
        first = self.morphemes.starting_at(start)
        if first is not None and first.tag == "NR":  # 오만 원
            return False
        return self._word_ends_well(end)

    def _before_context_head(self, end: int) -> bool:
        """`인도 관광객`, `가나 정부`, `인도대사`: a head that only a country takes follows the name, glued
        only when it is a word of its own (not `인`, `산`: `이란인지`)."""
        if self.text.startswith(self.lexicon.word_glued_heads, end):
            return True
        following = self.text[end:end + 12].lstrip(" 의")
        return following.startswith(self.lexicon.context_heads) and end < len(self.text) and self.text[end] in " 의"

    def _listed_with_country(self, start: int, end: int) -> bool:
        """`가나, 캄보디아 등 8개국`, `몽골·가나`: a name that is also a common word (Kiwi reads
        `가나` as 가+나) is the country beside another country in a list."""
        after = LIST_SEPARATOR_AFTER.match(self.text, end)
        if after and self.lexicon.names.match(self.text, after.end()):
            return True
        before = LIST_SEPARATOR_BEFORE.search(self.text[max(0, start - 16):start])
        return before is not None and self.lexicon.code_of.get(before.group(1)) is not None

    def _slips_beside(self, mention: Mention) -> Iterator[Mention]:
        """`태국, 네들란드, 호주`, `과테말라, 온두리스, 니카라과`: a list member next to a
        country that is a long country name with one syllable slipped is that country (the
        contract counts misspellings a reader resolves without doubt)."""
        after = LIST_SEPARATOR_AFTER.match(self.text, mention.end)
        before = LIST_SEPARATOR_BEFORE.search(self.text, max(0, mention.start - 16), mention.start)
        starts = [after.end()] if after else []
        if before is not None and before.end() == mention.start:
            starts.append(before.start(1))
        for start in starts:
            word = HANGUL_WORD.match(self.text, start)
            slip = self._slipped_name(word.group()) if word else None
            if slip is not None and self._word_ends_well(start + len(slip)):
                yield Mention(start, start + len(slip), self.lexicon.code_of[slip])

    def _slipped_name(self, word: str) -> str | None:
        """The one long country name the word starts with but for one syllable, if no name is there."""
        if self.lexicon.names.match(word) or any(region in word for region in self.lexicon.regions):
            return None
        near = {self.lexicon.code_of[form]: form for length, forms in self.lexicon.slippable.items()
                if length <= len(word) for form in forms if sum(a != b for a, b in zip(form, word)) == 1}
        return next(iter(near.values())) if len(near) == 1 else None

    def _tagged(self, start: int, end: int, tags) -> bool:
        morph = self.morphemes.starting_at(start)
        return morph is not None and morph.end == end and morph.tag in tags

    def _word_ends_well(self, end: int) -> bool:
        """The word goes on after a name only with a particle or a glued head (`미국산은`)."""
        tail = HANGUL_RUN.match(self.text, end).group()
        if not tail or tail in NAME_TAIL_PARTICLES or self._tail_morph_at(end):
            return True
        for head in self.lexicon.glued_heads:
            if tail.startswith(head):
                rest = end + len(head)  # `미국대사관측`, `인도대사등`: a second head may follow
                return len(head) == len(tail) or self._tail_morph_at(rest) or tail[len(head):] in self.lexicon.glued_head_set
        return self._glued_body(end, tail)

    def _glued_body(self, end: int, tail: str) -> bool:
        """`우크라이나내무부장관`, `칠레과학교통부`, `중국광동성`: a ministry or province written
        together with its country; the word ends there or with a particle."""
        match = self.lexicon.glued_body.match(tail)
        first = self.morphemes.starting_at(end)
        return (match is not None and first is not None and first.tag.startswith("NN")
                and (match.end() == len(tail) or self._tail_morph_at(end + match.end())))

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
        self._trips: dict[str, bool] = {}  # city -> the article reports a trip to it
        self._roles: dict[tuple[int, int], str | None] = {}  # (end, limit) -> the phrase's role
        self.destinations: frozenset[str] = frozenset()  # countries the article reports a trip to
        self.trip_sentences: frozenset[tuple[str, tuple[int, int]]] = frozenset()  # ... and the sentences telling it
        self.trip_sentence_ranges: frozenset[tuple[int, int]] = frozenset()
        self.naming_sentences: frozenset[tuple[int, int]] = frozenset()  # the sentences naming a country
        lead = "\n".join([line for line in text.splitlines() if line.strip()][:LEAD_LINES])
        self.remote_lead = lexicon.remote.search(lead) is not None  # `8개국 경찰관에게 비대면 방식으로 전수`

    def note_destinations(self, mentions: list[Mention], sentences: Sentences) -> None:
        """The countries named as where a trip goes (`중국 자매도시인 옌타이를 방문한다`), not
        by their people (`중국 관광객 유치를 위해 파견`)."""
        trips = [(m.code, sentences.around(m.end)) for m in mentions
                 if not self.text.startswith(self.lexicon.participant_heads, m.end + 1)
                 and self.role(m.end, sentences.around(m.end)[1]) == "destination"]
        self.destinations = frozenset(code for code, _ in trips)
        self.trip_sentences = frozenset(trips)
        # sentences telling a trip abroad (not `한국을 방문한 외국인`: a visit here)
        self.trip_sentence_ranges = frozenset(sentence for code, sentence in trips if code != self.lexicon.host)
        self.naming_sentences = frozenset(sentences.around(m.end) for m in mentions)

    def is_visiting(self, mention: Mention, sentence: tuple[int, int], explained: tuple[int, int] | None) -> bool:
        """`explained`: for a footnote line, the sentence whose `*` it explains."""
        if mention.code == self.lexicon.host or self._stationed_in(mention):
            return False
        words = self.text[sentence[0]:sentence[1]]
        if explained is not None:
            words = self.text[explained[0]:explained[1]] + " " + words
        if self._told_elsewhere(mention.code, words):
            return False
        role = self.role(mention.end, sentence[1])
        if role is None and explained is not None:
            role = self._marked_role(explained)
        if role is None and LABEL.match(self.text, sentence[0], mention.start):
            role = "complement"  # `참가국 : 가나, 케냐`: what the label names
        if role in ("destination", "location", "comparison", "subject matter"):
            return False
        if role in ("received", "meeting partner"):
            return self._met_here(role, mention.code, sentence, words)
        if self.lexicon.visitors_after.match(self.text, mention.end) or self._interviewee(mention):
            return True
        if self._has_cue(self.lexicon.visit_cue, words):
            # a country the article's people travel to is, named with no role of its own, still the destination
            return role not in (None, "complement") or mention.code not in self.destinations
        return self._came_by_role(role, words)

    def _interviewee(self, mention: Mention) -> bool:
        """An interview caption's speaker described by the country alone (`▶ 인터뷰 : 홍길동 / 칠레`,
        `<인터뷰> 홍길동(칠레인) : "…"`), not where the article's people travel."""
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        return (INTERVIEWEE_AFTER.match(self.text, mention.end) is not None and mention.code not in self.destinations
                and self.lexicon.interviewee_before.fullmatch(self.text, line_start, mention.start) is not None)

    def _stationed_in(self, mention: Mention) -> bool:
        """`주일본 총영사`, `주호주 중국 대사관`: a mission stationed in the country, whose people
        are of another (the host's: `주대한민국` names the host)."""
        return mention.start > 0 and self.text[mention.start - 1] == RESIDENT_PREFIX  # a name starts a word or this

    def _told_elsewhere(self, code: str, words: str) -> bool:
        """The sentence is set abroad, recalls a visit as done before (`방문한 바 있다`), or
        tells a trip to one of the country's own cities (`일본 방문단이 시즈오카현을 방문해`:
        the host's people going there)."""
        if self.lexicon.abroad_marker.search(words) or self.recalls(words):
            return True
        trip = self.lexicon.trip_to_own_city(code)
        return trip is not None and trip.search(words) is not None

    def recalls(self, words: str) -> bool:
        """The sentence recalls a visit as done before (`방문한 바 있다`) or an earlier year's
        group as background (`지난해 9월에는 X 등 공무원 18명이 교육을 받았다`; not people who
        came then and are here: `그 학생은 지난해 X에서 왔다`)."""
        lexicon = self.lexicon
        if lexicon.recalled.search(words):
            return True
        if lexicon.earlier_year.match(words.lstrip()) is None or lexicon.earlier_year_not_with.search(words) \
                or lexicon.tally_cue.search(words):
            return False
        came = lexicon.arrival_words | lexicon.arrival_modifiers
        return not any(word.rstrip(".,") in came for word in words.split())

    def _came_by_role(self, role: str | None, words: str) -> bool:
        """With no visit cue in the sentence: a signatory signing here, people told as coming from
        the country (`X에서 온`), its people taking part, ranked in a tally of visitors, or as whom
        the host does something for here."""
        if role == "signatory":
            return self._signed_here(words)
        if role == "origin" and self._ranks_visitors(words):
            return True
        if role == "arrival":
            return not self._remote(words)
        if role == "audience":  # what the host does for them, or they take part (`입국한 X 관광객에게 꽃다발을`)
            served = self._has_cue(self.lexicon.host_act, words) or self._has_cue(self.lexicon.participation_cue, words)
            return served and not self.lexicon.audience_abroad.search(words)
        taking_part = self._has_cue(self.lexicon.participation_cue, words) or self.lexicon.sends_people.search(words)
        return role in ("origin", "complement") and taking_part and not self._remote(words)

    def ranks_after(self, mention: Judged, came: list[Judged], sentences: Sentences) -> bool:
        """The mention's sentence ranks rows (`순이다`, `뒤를 이었다`) after one of `came` named in it or
        in the sentence before, and tells no trip out (`출국자`) nor the country as a place."""
        sentence, before = mention.sentence, sentences.before(mention.sentence)
        words = self.text[sentence[0]:sentence[1]]
        tally_words = self.text[before[0]:sentence[1]] if before else words
        if mention.code == self.lexicon.host or not self.lexicon.tally_rank.search(words) \
                or self.lexicon.outbound.search(tally_words) or self._told_elsewhere(mention.code, words) \
                or self.role(mention.end, sentence[1]) in ("destination", "location", "comparison", "subject matter"):
            return False
        return any(other.sentence in (sentence, before) and other.start < mention.start
                   and other.code != self.lexicon.host for other in came)

    def _remote(self, words: str) -> bool:
        """`온라인으로 참여했다`: taking part from afar is no visit; nor, with no visit told, when
        the article's lead tells the event was held from afar (`비대면 방식으로 연수`)."""
        return self.remote_lead or self.lexicon.remote.search(words) is not None

    def _ranks_visitors(self, words: str) -> bool:
        """`외국인 관광객은 일본인이 가장 많았다`: the sentence ranks the rows of a tally of
        visitors, not of the host's people going abroad."""
        return bool(self.lexicon.tally_cue.search(words) and self.lexicon.tally_rank.search(words)) \
            and not self.lexicon.outbound.search(words)

    def _met_here(self, role: str, code: str, sentence: tuple[int, int], words: str) -> bool:
        """People received by the host came, unless the sentence tells the host's trip to their
        country (`베트남을 방문해 … 총리를 접견했다`), a foreign venue (`하노이에서`) or a call from
        afar. A meeting's other party came when the venue is here, it is resident here (`주한
        대사`) or a visit is told (`방한한 총리와 회담`)."""
        if (code, sentence) in self.trip_sentences or self.lexicon.remote.search(words) \
                or any(self._is_foreign(venue) for venue in self._venues(words)):
            return False
        return role == "received" or self._signed_here(words) or RESIDENT_HERE in words or (
            self._has_cue(self.lexicon.visit_cue, words) and code not in self.destinations)

    def _signed_here(self, words: str) -> bool:
        """The signing's venue is named and is no foreign place (`시청 대회의실에서`, not
        `하노이에서`)."""
        venues = self._venues(words)
        return bool(venues) and not any(self._is_foreign(venue) for venue in venues)

    @staticmethod
    def _venues(words: str) -> list[str]:
        """Each venue (the word before `에서`) with the bare nouns that qualify it (`하노이
        인민위원회 청사`), not the words before a particle (`X 대표단과 시청`)."""
        venues = []
        for venue in VENUE.finditer(words):
            phrase = venue.group(1).split()
            while len(phrase) > 1 and any(WITH_PARTICLE.match(word) for word in phrase[:-1]):
                phrase.pop(0)
            venues.append(" ".join(phrase))
        return venues

    def _is_foreign(self, venue: str) -> bool:
        """`하노이에서`, `현지에서`, `하노이 인민위원회 청사에서`: a place abroad."""
        *qualifiers, place = venue.split()
        return place in self.lexicon.on_site_words or any(
            place.endswith(name) for name in (*self.lexicon.code_of, *self.lexicon.city_code)) or any(
            CITY_SUFFIX_AT_END.sub("", word) in self.lexicon.city_code for word in qualifiers)

    def counted_visitors(self, mention: Mention, sentence: tuple[int, int], before: tuple[int, int] | None) -> bool:
        """A row of visitors by country (`일본(22만5351명)`, `세네갈(1)`, `태국 2만9316명`, or any
        country after `지역별로는`) in a sentence, or after one, that reports visits, participation
        or a tally of visitors (not `내국인 출국자 … 목적지별로는`)."""
        if mention.code == self.lexicon.host or not (COUNT_AFTER_COUNTRY.match(self.text, mention.end)
                                                     or self.lexicon.breakdown.search(self.text, sentence[0], mention.start)):
            return False
        words = self.text[before[0] if before else sentence[0]:sentence[1]]
        cue = (self.lexicon.visit_cue.search(words) or self.lexicon.participation_cue.search(words)
               or self.lexicon.tally_cue.search(words))
        return cue is not None and not (self.lexicon.abroad_marker.search(words) or self.lexicon.outbound.search(words))

    def listed_participants(self, mention: Mention, list_end: int, sentence: tuple[int, int]) -> bool:
        """A list of countries closed by their count and then the people it names (`가나, 케냐 등
        12개국 공연단이`, `… 등 14개 나라에서 모인 방문단은`, `… 등을 비롯한 30개 국가 대학의 학생
        95명이`): the people of every country listed take part here, with or without a visit
        verb; not where the phrase is a destination, compared or aimed at, nor where it tells an
        event there (`… 등 5개국에서 열린`), taking part from afar or a venue abroad."""
        count = self.lexicon.countries_counted.match(self.text, list_end, sentence[1])
        if count is None or mention.code == self.lexicon.host:
            return False
        words = self.text[sentence[0]:sentence[1]]
        if self.role(mention.end, sentence[1]) in ("destination", "comparison", "subject matter") \
                or self._told_elsewhere(mention.code, words) or self._remote(words) \
                or (mention.code, sentence) in self.trip_sentences \
                or any(self._is_foreign(venue) for venue in self._venues(words)):
            return False
        tail, *following = self.text[count.end():sentence[1]].split(" ")
        if tail not in COUNT_OF_ORIGIN_TAILS:
            return False  # `… 등 5개국에 전문가를 보냈다`: where the people go
        for word in following[:PEOPLE_WORDS]:
            if word.startswith(self.lexicon.event_verbs):
                return False
            if PEOPLE_COUNT.match(word) or self.lexicon.participant_head.search(word):
                return True
        return False

    def names_members(self, mention: Mention, list_end: int, sentence: tuple[int, int], sentences: Sentences) -> bool:
        """The article tells a group taking part or visiting here by its count (`13개국 15명의 공무원이
        참가했다`, `세계 40여 국가가 참여해`), then names its members by their country in a sentence of their
        own, with no visit word: as a footnote or label (`*13개국 : 일본, 중국, …`), as the people's
        nationality (`국적은 라오스, 캄보디아의 공무원들로`), as people named by their country (`홍길동
        탄자니아 국회부의장을 비롯해 … 등 9명이다`), or as the countries doing their part at the event
        (`대만은 … 공연을 선보인다`, `스위스, 몰타 … 등이 관광 프로그램을 홍보한다`). Read back from the
        members' sentence over sentences naming countries and up to MEMBER_REACH others, none set abroad,
        telling a trip there (to a country, or to a city of the mention's), recalled, from afar or of the
        host's people going out; not inside a quote, nor a destination."""
        if mention.code == self.lexicon.host or mention.code in self.destinations \
                or (mention.code, sentence) in self.trip_sentences \
                or inside_quote(self.text[sentence[0]:mention.start]) or not self._names_who(mention, list_end, sentence):
            return False
        if self._told_elsewhere(mention.code, self.text[sentence[0]:sentence[1]]) or not self._here(sentence):
            return False
        earlier, reach = sentence, MEMBER_REACH
        for _ in range(MEMBER_SENTENCES):
            earlier = sentences.before(earlier)
            if earlier is None or not self._here(earlier) or earlier in self.trip_sentence_ranges \
                    or self._told_elsewhere(mention.code, self.text[earlier[0]:earlier[1]]):
                return False  # `대표단 10명이 하노이를 방문했다`: the group went there
            if self.tells_visits(*earlier) and self.lexicon.group_count.search(self.text, *earlier):
                return True
            if earlier not in self.naming_sentences:
                reach -= 1
                if reach == 0:
                    return False
        return False

    def _names_who(self, mention: Mention, list_end: int, sentence: tuple[int, int]) -> bool:
        """The country's phrase names who someone is (`X 공무원`, `X에서 온`, a label's list) or stands
        as its subject (`X, Y 등이`)."""
        role = self.role(mention.end, sentence[1])
        if role in ("origin", "complement", "arrival"):
            return True
        return role is None and (LABEL.match(self.text, sentence[0], mention.start) is not None
                                 or self._listed_subject(mention.end) or self.people_after(list_end, sentence[1]))

    def _here(self, sentence: tuple[int, int]) -> bool:
        """The sentence is not set abroad, told from afar or about the host's people going out."""
        words = self.text[sentence[0]:sentence[1]]
        return not (self.lexicon.abroad_marker.search(words) or self._remote(words) or self.lexicon.outbound.search(words))

    def _listed_subject(self, end: int) -> bool:
        """The country, alone or in a list of countries (maybe with their provinces), is the subject."""
        at = REGIONS_AFTER.match(self.text, end).end()
        while (between := BETWEEN_LISTED.match(self.text, at)) \
                and (name := self.lexicon.names.match(self.text, between.end())):
            at = REGIONS_AFTER.match(self.text, name.end()).end()
        return LISTED_SUBJECT_TAIL.match(self.text, at) is not None

    def city_officials_visit(self, officials: re.Match, sentence: tuple[int, int],
                             explained: tuple[int, int] | None) -> bool:
        """`샌프란시스코 시장이 시청을 방문했다`, `시장은 하노이시 대표단을 접견했다`: the
        officials of a foreign city visit, or are met where the article is (not `도쿄에서`)."""
        city = officials.group(1)
        stand_in = Mention(officials.start(1), officials.end(), self.lexicon.city_code[city])
        words = self.text[sentence[0]:sentence[1]]
        if _city_then(words, city, _AS_PLACE_AFTER_CITY):
            return False  # `도쿄에서 도쿄 부시장을`, `북경을 방문, 북경시장을 만나`: met there
        if self.is_visiting(stand_in, sentence, explained):
            return True
        return (self._role(stand_in.end, sentence[1]) is None and self._has_cue(self.lexicon.meeting_cue, words)
                and not self.lexicon.abroad_marker.search(words)
                and not self.trip_to(city))

    def trip_to(self, city: str) -> bool:
        """The article reports a trip to the city (`북경으로 출발해`, `북경을 방문`): its officials
        only met (`북경시장 면담`, in a deck line) are met there."""
        if city not in self._trips:  # a scan of the whole text: once per city, not per official
            self._trips[city] = _city_then(self.text, city, _DESTINATION_AFTER_CITY)
        return self._trips[city]

    def _marked_role(self, explained: tuple[int, int]) -> str | None:
        """A footnote's list (`* 가나, 감비아 … 등 25개국`) has the role of the word its mark
        explains (`25개국 40여 명의 대학원생*이 참여했다`: where the students come from)."""
        mark = FOOTNOTE_MARK.search(self.text, *explained)
        word_start = self.text.rfind(" ", explained[0], mark.start()) + 1 or explained[0]
        return self._role(word_start, explained[1])

    def tells_visits(self, start: int, end: int) -> bool:
        """text[start:end] tells a visit or people taking part (`방문`, `참가`)."""
        words = self.text[start:end]
        return self._has_cue(self.lexicon.visit_cue, words) or self._has_cue(self.lexicon.participation_cue, words)

    def people_after(self, end: int, limit: int) -> bool:
        """The next words name people: nationals (`중국인`), a head (`공무원`), a count (`12명`)."""
        if self.lexicon.nationals.match(self.text, end):
            return True
        return any(PEOPLE_COUNT.match(word) or self.lexicon.participant_head.search(word)
                   for word in self._words_after(end, limit)[:PEOPLE_WORDS])

    def role(self, end: int, limit: int) -> str | None:
        """The role of the phrase a mention ending at `end` opens, read once per mention."""
        if (end, limit) not in self._roles:
            self._roles[(end, limit)] = self._role(end, limit)
        return self._roles[(end, limit)]

    def sentence_cues(self, sentence: tuple[int, int]) -> frozenset[str]:
        """What the sentence tells (for a learned model): a visit, taking part, a tally of
        visitors, a meeting, a call from afar, a setting abroad, people going out, a visit recalled."""
        words = self.text[sentence[0]:sentence[1]]
        lexicon = self.lexicon
        cues = {"cue=visit": self._has_cue(lexicon.visit_cue, words),
                "cue=participation": self._has_cue(lexicon.participation_cue, words),
                "cue=meeting": self._has_cue(lexicon.meeting_cue, words),
                "cue=tally": lexicon.tally_cue.search(words), "cue=remote": lexicon.remote.search(words),
                "cue=abroad": lexicon.abroad_marker.search(words), "cue=outbound": lexicon.outbound.search(words),
                "cue=recalled": lexicon.recalled.search(words)}
        return frozenset(name for name, found in cues.items() if found)

    def _has_cue(self, pattern: re.Pattern, words: str) -> bool:
        for cue in pattern.finditer(words):
            word_start = words.rfind(" ", 0, cue.start()) + 1
            word_end = words.find(" ", cue.end())
            if not self.lexicon.not_cue.search(words, word_start, word_end if word_end >= 0 else len(words)):
                return True
        return False

    def _role(self, end: int, limit: int) -> str | None:
        """What the noun phrase that the country starts does in its clause: walk on over
        nouns, lists (`페루, 가나 등 37개 나라`, `대사와 기자 60명`) and genitives to its first
        case particle. A subject that names people (`몽골 등 5개국 공무원 12명이`) is where
        they come from."""
        morphs = self.morphemes.between(end, limit)[:MAX_PHRASE_MORPHS]
        names_people = self.lexicon.nationals.match(self.text, end) is not None  # `중국인이`
        genitive = False  # `X 인사들의 센터 방문`: the trip is the people's, to the centre
        i = 0
        while i < len(morphs):
            morph = _read_past_footnote_mark(morphs, i)
            names_people = names_people or self._names_people(morphs, i)
            partner_role = self._partner_role(morph.end, limit) if morph.form in PARTNER_PARTICLES else None
            if partner_role:
                return partner_role
            if morph.tag.startswith("J") and morph.form not in PHRASE_PARTICLES and not _inside_a_name(morphs, i):
                if i + 1 < len(morphs) and morphs[i + 1].form.startswith(self.lexicon.list_links):
                    i = _after_ending(morphs, i + 1)
                    continue
                if self._closes_list_as_complement(morphs, i):
                    return "complement"  # `참가자들 출신국은 X, Y 등으로, 직업도 …`: what the subject is
                return self._case_role(morphs, i, morph, names_people, limit)
            if _is_apposition(morphs, i):
                i += 2  # `중국 자매도시인 옌타이를 방문`: the phrase goes on after `인`
                continue
            # `공무원 및 관계자 26명이`: 및 joins more people; after a country's bodies (`중국 정부 및
            # 기업 관계자`, maybe over there) it ends the phrase
            joining = self.lexicon.phrase_conjunctions if names_people else frozenset()
            if _ends_phrase(morphs, i, joining):
                return _predicated_role(morphs, i, names_people, end)
            if not (names_people or genitive) and self._visit_noun(morphs, i):
                return "destination"
            invitation_role = self._invitation_role(morph, names_people, genitive)
            if invitation_role:
                return invitation_role
            genitive = genitive or morph.form == "의"
            i += 1
        # a headline's phrase runs to the line's end with no particle: people it names are its
        # subject (`X 선수단 선발대, 11일 오후 입국`, `X 등 6개국 외국인 새마을교육 실시`)
        return "origin" if names_people and len(morphs) < MAX_PHRASE_MORPHS else None

    def _invitation_role(self, morph: Morph, names_people: bool, genitive: bool) -> str | None:
        """At an inviter noun (`초청`): people named before it are the invited, coming here (`X 관계자
        15명 초청`); the owner of the invitation is the host (`베트남 다낭시의 초청을 받아`, `케냐 정부
        초청으로`), where the article's people go."""
        if morph.tag != "NNG" or morph.form not in self.lexicon.inviter_nouns:
            return None
        if names_people and not genitive:
            return "received"
        return "destination" if genitive or (not names_people and self._invites(morph.end)) else None

    def _case_role(self, morphs: list[Morph], i: int, particle: Morph, names_people: bool, limit: int) -> str | None:
        """The role the phrase's first case particle gives it: people as its subject, or as whom a
        course is for, come from the country."""
        if particle.form in SUBJECT_PARTICLES and (names_people or self._counts_parties(morphs, i)):
            return "origin"  # `몽골 공무원 12명이`, `페루, 칠레 등 12개국이 참가했다`: they take part
        if not names_people and any(morph.form in self.lexicon.on_site_words for morph in morphs[:i]):
            return "location"  # `일본 오사카 현지 기업을 견학했다`: the visit is made there
        if names_people and particle.form in OBJECT_PARTICLES and self.text.startswith("대상으로", particle.end + 1):
            return "origin"  # `8개국 공무원 15명을 대상으로 과정을 운영한다`: they take part
        if names_people and (particle.form in self.lexicon.audience_particles or (
                particle.form in OBJECT_PARTICLES and self.text.startswith("상대로", particle.end + 1))):
            return "audience"  # `X 공무원들에게 구정을 소개했다`: what the host does is for them
        if particle.form in OBJECT_PARTICLES and self._heads_people(morphs, i, names_people):
            following = self._words_after(particle.end, limit)[:2]  # the verb, maybe after one adverb
            if any(word.startswith(self.lexicon.receiving_verbs) for word in following):
                return "received"  # `시장은 X 대표단을 접견했다`: the host receives them where it is
            if any(word.startswith(self.lexicon.meeting_verbs) for word in following):
                return "meeting partner"  # `시청에서 X 대사를 만나`
        if particle.form == "에서" and self._describes_people_from(morphs, i + 1):
            return "origin"
        if particle.form in TOPIC_PARTICLES and self._counts_its_people(particle.end, limit):
            return "origin"  # `중국은 … 2만4946명이 입국했다`: a country's row of a tally of arrivals
        return self._particle_role(particle.form, self._words_after(particle.end, limit))

    def _closes_list_as_complement(self, morphs: list[Morph], i: int) -> bool:
        """The particle at morphs[i] closes a list with `등으로` and a comma, the sentence going on."""
        return i > 0 and self.text.startswith(self.lexicon.list_complement, morphs[i - 1].start)

    def _heads_people(self, morphs: list[Morph], i: int, names_people: bool) -> bool:
        """The phrase before morphs[i] ends in a word naming people (`공무원 6명`, `교류단`,
        `일본인들`), not in what people own (`대통령의 발표`)."""
        before = SPACED_PEOPLE_COUNT.sub("", self.text[max(0, morphs[i].start - PEOPLE_WORD_REACH):morphs[i].start])
        word = before[before.rfind(" ") + 1:].removesuffix("들")  # `100여 명을`: the count as one word
        return names_people and (word.endswith(self.lexicon.participant_heads)
                                 or (word.endswith("인") and word[:-1] in self.lexicon.code_of)
                                 or PEOPLE_COUNT.fullmatch(word) is not None)

    def _counts_parties(self, morphs: list[Morph], i: int) -> bool:
        """The phrase before morphs[i] ends in a count of countries, bodies or cities (`12개국`,
        `30여개국`, `120개 기업`), not one owned by what the country names (`덴마크 대회의
        143개국`: the country is where that event was)."""
        if any(morph.tag == "JKG" for morph in morphs[:i]):
            return False
        if i >= 2 and morphs[i - 1].form in self.lexicon.party_counters:
            return morphs[i - 2].tag == "SN" or morphs[i - 2].form == "여"
        return i >= 3 and morphs[i - 1].form in self.lexicon.parties_counted_with_gae \
            and morphs[i - 2].form == "개" and morphs[i - 3].tag == "SN"

    def _counts_its_people(self, offset: int, limit: int) -> bool:
        """A count of people is the clause's subject, and the host's people are not named
        before it (not `일본은 한국인 관광객 700만명이`)."""
        count = PEOPLE_AS_SUBJECT.search(self.text, offset, limit)
        return count is not None and not any(
            self.lexicon.code_of[name.group(1).replace("\n", "")] == self.lexicon.host
            for name in self.lexicon.names.finditer(self.text, offset, count.start()))

    def _invites(self, offset: int) -> bool:
        """`초청으로`, `초청을 받아`: the noun before tells who invites (not `초청 연수`)."""
        return INVITED_BY.match(self.text, offset) is not None

    def _partner_role(self, offset: int, limit: int) -> str | None:
        """The role of a phrase joined by `와`/`과` to what follows: taking part alongside, the
        other party of an agreement or of a meeting."""
        if self._takes_part_alongside(offset, limit):
            return "origin"
        if self._partner_in(self.lexicon.signing_acts, offset, limit):
            return "signatory"  # `중국 산둥성과 … 협약을 체결했다`
        if self._partner_in(self.lexicon.meeting_acts, offset, limit):
            return "meeting partner"  # `베트남 빈프억성과 간담회를 개최했다`
        return None

    def _partner_in(self, acts: tuple[str, ...], offset: int, limit: int) -> bool:
        """`X과 우호교류 협약을 체결`, `X와 간담회를 가졌다`: X is the other party of what the
        acts name (not `칠레와 페루가`)."""
        following = self.text[offset:limit]
        return not self.lexicon.names.match(following.lstrip()) and any(act in following for act in acts)

    def _takes_part_alongside(self, offset: int, limit: int) -> bool:
        """`5개국 선수단과 공동 입촌식을`, `X와 함께 참가한`: X takes part too."""
        following = self._words_after(offset, limit)
        return bool(following) and following[0].startswith(self.lexicon.together_words)

    def _visit_noun(self, morphs: list[Morph], i: int) -> bool:
        """`독일 3개국 방문`, `미국 순방 중`: a trip to the country (not `몽골 견학단`, `일본 연수생`)."""
        morph = morphs[i]
        if morph.tag != "NNG" or morph.form not in self.lexicon.trip_nouns:
            return False
        following = morphs[i + 1] if i + 1 < len(morphs) else None
        return following is None or following.start > morph.end or not following.tag.startswith(("NN", "XSN"))

    def _describes_people_from(self, morphs: list[Morph], i: int) -> bool:
        """`9개 국가에서 전자정부 업무를 담당하는 공무원들이`: the place names the people a
        clause describes, not where an event was held (`X에서 열린 회의 참석자들이`)."""
        while i < len(morphs) and morphs[i].tag != "ETM":
            clause_ends = morphs[i].tag.startswith(("EF", "SF")) or (
                morphs[i].tag == "EC" and not (i + 1 < len(morphs) and morphs[i + 1].tag == "VX"))  # 맡고 있는
            if clause_ends:
                return False
            i += 1
        if i >= len(morphs) or self.text.startswith(self.lexicon.event_verbs, morphs[i - 1].start):
            return False
        for morph in morphs[i + 1:]:
            if morph.tag.startswith(("NN", "XSN")):
                if self.text.startswith(self.lexicon.participant_heads, morph.start):
                    return True
                continue
            return False
        return False

    def _names_people(self, morphs: list[Morph], i: int) -> bool:
        """A count of people (`12명`) or a head such as `공무원` at morphs[i]."""
        morph = morphs[i]
        if morph.tag == "NNB" and morph.form == "명" and i > 0:
            number = i - 2 if morphs[i - 1].form == "여" and i > 1 else i - 1  # `40여 명`
            return morphs[number].tag in ("SN", "NR")
        return morph.tag.startswith("NN") and self.text.startswith(self.lexicon.participant_heads, morph.start)

    def _words_after(self, offset: int, limit: int) -> list[str]:
        """The next six words, asides in parentheses left out (`X에 방문단(단장 …)을 파견`) and a
        spaced count of people as one word (`40여 명의`)."""
        return SPACED_PEOPLE_COUNT.sub("", PARENTHESES.sub("", self.text[offset:limit])).split()[:6]

    def _particle_role(self, particle: str, words: list[str]) -> str | None:
        lexicon = self.lexicon
        if particle in lexicon.comparison_particles or self._ranks_after(particle, words):
            return "comparison"
        # `X를 방문`, `X를 공식 방문해`: the verb may follow one adverb
        if particle in DIRECTION_PARTICLES and any(word.startswith(lexicon.destination_verbs) for word in words[:2]):
            return "destination"
        if particle in OBJECT_PARTICLES and words and words[0].startswith(lexicon.visited_object_verbs):
            return "destination"  # `독일의 선진 사례를 벤치마킹했다`: what the visitors see or learn
        if particle in DIRECTION_PARTICLES and words and words[0].startswith(lexicon.subject_matter_words):
            if words[0].startswith(lexicon.course_target) and self._has_cue(lexicon.visit_cue, " ".join(words[1:])):
                return "origin"  # `X 등 개도국을 대상으로 초청연수를 개최`: they are the trainees
            return "subject matter"  # `X에 대해 설명했다`, `일본·대만을 대상으로 한 제도`
        if particle == "에서":
            if words and self._tells_arrival(words):
                return "arrival"  # `4개국에서 온 의료진은`: the words tell they came
            came = any(PEOPLE_COUNT.match(word) or word.startswith(lexicon.origin_verbs) for word in words[:4])
            return "origin" if came else "location"
        return None

    def _tells_arrival(self, words: list[str]) -> bool:
        """The words after `X에서` tell people came (`왔다`; `온 12명의 의료진`, `온 참가자`,
        `온 홍길동 씨`)."""
        if words[0].rstrip(".,") in self.lexicon.arrival_words:
            return True
        if words[0] not in self.lexicon.arrival_modifiers:
            return False
        return any(PEOPLE_COUNT.match(word) or word.startswith(self.lexicon.people_heads) for word in words[1:3]) \
            or ONE_PERSON_NAMED.match(" " + " ".join(words[1:5])) is not None  # `온 홍길동 씨는`

    def _ranks_after(self, particle: str, words: list[str]) -> bool:
        """`X에 이어 한국에서 가장 먼`: X ranks first, it did not come."""
        return (particle == "에" and bool(words) and words[0].startswith("이어")
                and any(word.startswith(self.lexicon.ranking_words) for word in words[1:4]))


def _is_apposition(morphs: list[Morph], i: int) -> bool:
    """morphs[i] is the copula of `N인 M` (`자매도시인 옌타이`), a noun phrase going on."""
    return (morphs[i].tag == "VCP" and i + 2 < len(morphs) and morphs[i + 1].tag == "ETM"
            and morphs[i + 1].form in ("ᆫ", "은", "인") and morphs[i + 2].tag.startswith(("NN", "SL", "SS")))


def _predicated_role(morphs: list[Morph], i: int, names_people: bool, phrase_start: int) -> str | None:
    """The phrase ends at a predicate: with the copula (`이다`, or none left in `멕시코다`), what
    the subject is. People so named are the subject's people (`참석하는 수장은 러시아의 …
    주지사, 베트남 … 성장이다`); a country, what the subject is (`참가국은 미국, 호주 등이다`), not
    what a noun after it is (`북한의 조치 이틀째인 4일`)."""
    if morphs[i].tag != "VCP":
        noun_end = phrase_start if i == 0 else morphs[i - 1].end if morphs[i - 1].tag.startswith("NN") else None
        if not (morphs[i].tag.startswith("E") and morphs[i].start == noun_end):
            return None
    if names_people:
        return "origin"
    ending = morphs[i + 1] if morphs[i].tag == "VCP" and i + 1 < len(morphs) else morphs[i]
    return None if ending.tag == "ETM" else "complement"


def _ends_phrase(morphs: list[Morph], i: int, conjunctions: frozenset[str]) -> bool:
    """morphs[i] is a predicate or an adverb, ending the noun phrase; not an adverb that
    qualifies the count after it (`선수 각각 1명이`, `공무원 모두 12명이`), nor one of the
    joining conjunctions (`공무원 및 관계자 26명이`)."""
    if morphs[i].tag == "MAG" and i + 1 < len(morphs):
        return morphs[i].form not in conjunctions and morphs[i + 1].tag not in ("SN", "NR")
    return morphs[i].tag.startswith(PREDICATE_TAG_PREFIXES)


def _inside_a_name(morphs: list[Morph], i: int) -> bool:
    """morphs[i], read as a particle, goes on inside its word with no particle or ending after
    it: a piece of a foreign name Kiwi split (`손두이` as 손+두+이)."""
    following = morphs[i + 1] if i + 1 < len(morphs) else None
    if following is None or following.start != morphs[i].end:
        return False
    return HANGUL_RUN.match(following.form).end() > 0 and not following.tag.startswith(("J", "E", "VCP", "XS"))


def _read_past_footnote_mark(morphs: list[Morph], i: int) -> Morph:
    """morphs[i], or the particle a footnote mark hides from Kiwi (`대학원생*이`: 이 as a noun)."""
    morph = morphs[i]
    if i > 0 and morphs[i - 1].form in FOOTNOTE_MARKS and morph.start == morphs[i - 1].end \
            and morph.form in FOOTNOTE_HIDDEN_PARTICLES:
        return Morph(morph.form, "JX", morph.start, morph.end)
    return morph


def _after_ending(morphs: list[Morph], i: int) -> int:
    """The index after the ending of the predicate at morphs[i] (`비롯한`, `포함해`)."""
    while i < len(morphs) and not morphs[i].tag.startswith("E"):
        i += 1
    return i + 1


def _join_unfinished(text: str, morphemes: Morphemes, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line that cannot end a sentence goes on after the break, blank lines between included: one
    ending with a comma (`… 대사를 비롯해,` then `중국, 스웨덴, 필리핀 …`), a case particle or a list
    closed by its count (a broadcast script's wrapped lines: `불가리아, 이탈리아 등 22개국` then `대사들과
    … 총영사들과` then `함께 한 자리로, …`)."""
    joined: list[tuple[int, int]] = []
    for start, end in ranges:
        if joined and _unfinished(text, morphemes, joined[-1]):
            start = joined.pop()[0]
        joined.append((start, end))
    return joined


def _unfinished(text: str, morphemes: Morphemes, line: tuple[int, int]) -> bool:
    words = text[line[0]:line[1]].rstrip()
    if not words or words.endswith(","):
        return bool(words)
    last = morphemes.between(line[0] + len(words) - 1, line[0] + len(words))
    return (bool(last) and last[-1].tag.startswith(("JK", "JC")) and last[-1].end == line[0] + len(words)) \
        or LIST_COUNT_AT_END.search(words) is not None


class Sentences:
    """`korean.line_sentences`, a line ending with a comma joined to the next, where a footnote
    line (`* 몽골, 네팔 …`) explains the sentence before it that carries a `*` (`31명*의 수료생`)."""

    def __init__(self, doc: Doc):
        text = text_of(doc)
        self.ranges = [*_join_unfinished(text, morphemes_of(doc), line_sentences(doc)), (len(text), len(text) + 1)]
        self.ends = [end for _, end in self.ranges]
        self.text = text

    def around(self, end: int) -> tuple[int, int]:
        """The sentence of the mention that ends at `end`."""
        return self.ranges[bisect_left(self.ends, end)]

    def before(self, sentence: tuple[int, int]) -> tuple[int, int] | None:
        """The sentence before, blank lines between left out."""
        i = bisect_left(self.ends, sentence[1]) - 1
        while i >= 0 and not self.text[self.ranges[i][0]:self.ranges[i][1]].strip():
            i -= 1
        return self.ranges[i] if i >= 0 else None

    def explained_by(self, sentence: tuple[int, int]) -> tuple[int, int] | None:
        """The sentence a footnote line explains, if `sentence` is on one: the sentence
        that ends the last line before the footnotes, when it carries a `*`."""
        line_start = self.text.rfind("\n", 0, sentence[0]) + 1
        if not FOOTNOTE_LINE.match(self.text, line_start):
            return None
        while line_start > 0:
            line_end = line_start - 1
            line_start = self.text.rfind("\n", 0, line_end) + 1
            line = self.text[line_start:line_end]
            if line.strip() and not FOOTNOTE_LINE.match(line):
                explained = self.ranges[bisect_right(self.ends, line_start + len(line.rstrip()) - 1)]
                return explained if FOOTNOTE_MARK.search(self.text, *explained) else None
        return None


class Reading:
    """The article's mentions as the rules judged them, and what a learned model reads of them
    (scripts/train_visiting.py)."""

    def __init__(self, lexicon: CountryLexicon, text: str, morphemes: Morphemes, judge: VisitJudge,
                 mentions: list[Judged], sentences: Sentences):
        self.lexicon, self.text, self.morphemes, self.judge, self.mentions = lexicon, text, morphemes, judge, mentions
        self.sentences = sentences

    def lead_destinations(self) -> set[str]:
        """The countries the lead tells the article's own people travel to (`대표단이 몽골 울란바타르를
        방문해`): the story is a trip abroad, and its hosts are the destination, not visitors, wherever
        else they are named (docs/CONTRACT.md), unless a phrase tells its people coming or received."""
        nonblank = [line for line in LINE.finditer(self.text) if line.group().strip()]
        lead_end = nonblank[min(LEAD_LINES, len(nonblank)) - 1].end() if nonblank else 0
        came = {m.code for m in self.mentions if self.judge.role(m.end, m.sentence[1]) in ("origin", "arrival", "received")}
        return {m.code for m in self.mentions if m.start < lead_end and (m.code, m.sentence) in self.judge.trip_sentences
                and TRIP_TOLD_AFTER.match(self.text, m.end)} - came

    def ranked_rows(self, visiting: set[str]) -> set[str]:
        """The countries ranked after a country whose people came (`나라별로 캄보디아가 14명으로 가장
        많았다. 다음이 베트남, 중국 순으로 뒤를 이었다`, `독일이 79명이고, 이어 중국, 미국 순이다`): rows
        of the same tally, whose people came too, though no count or visit verb stands beside them."""
        came = [m for m in self.mentions if m.code in visiting]
        return {m.code for m in self.mentions if m.code not in visiting and not m.beside_host
                and self.judge.ranks_after(m, came, self.sentences)}

    def tells_visits(self) -> bool:
        """The article tells a visit or people taking part somewhere (a gate a model may be
        measured with: in a text that tells none, people named by their country are no visitors)."""
        return self.judge.tells_visits(0, len(self.text))

    def only_recalled(self) -> set[str]:
        """The countries named only in sentences recalling a visit or an earlier group as
        background: no model makes them visiting."""
        recalling = {m.code: True for m in self.mentions}
        for m in self.mentions:
            recalling[m.code] = recalling[m.code] and self.judge.recalls(self.text[m.sentence[0]:m.sentence[1]])
        return {code for code, only in recalling.items() if only}

    def features(self) -> dict[str, set[str]]:
        """visiting_evidence's features of each country named."""
        nonblank = [line for line in LINE.finditer(self.text) if line.group().strip()]
        lines_end = [line.end() for line in nonblank[:LEAD_LINES]] or [0]
        reading = ArticleReading(
            text=self.text, morphemes=self.morphemes, lead_end=lines_end[-1], title_end=lines_end[0],
            sentence_cues={m.sentence: self.judge.sentence_cues(m.sentence) for m in self.mentions},
            host=self.lexicon.host, destinations=self.judge.destinations, list_last=list_last(self.text, self.mentions),
            counted=frozenset((m.start, m.end) for m in self.mentions
                              if COUNT_AFTER_COUNTRY.match(self.text, m.end)
                              or self.lexicon.visitors_after.match(self.text, m.end)),
            roles={(m.start, m.end): self.judge.role(m.end, m.sentence[1]) for m in self.mentions},
            with_people=frozenset((m.start, m.end) for m in self.mentions
                                  if self.judge.people_after(m.end, m.sentence[1])))
        return country_features(reading, self.mentions)

def list_last(text: str, mentions: list) -> dict[tuple[int, int], tuple[int, int]]:
    """Each mention beside another in a list (`가나, 케냐`, `브루나이(11명), 부탄`, `가나와 케냐`)
    and the list's last member."""
    lists: list[list[tuple[int, int]]] = []
    for before, after in pairwise(mentions):
        separator = LIST_SEPARATOR_AFTER.match(text, before.end)
        if not (separator and separator.end() == after.start):
            continue
        if not lists or lists[-1][-1] != (before.start, before.end):
            lists.append([(before.start, before.end)])
        lists[-1].append((after.start, after.end))
    return {member: members[-1] for members in lists for member in members}


class CountryRecognizer:
    def __init__(self, lexicon: CountryLexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        reading = self.read(doc)
        model = load_model(VISITING_MODEL)
        recalled = reading.only_recalled()
        learned = {code for code, features in reading.features().items()
                   if not features.isdisjoint(NAMES_PEOPLE) and SET_ABROAD not in features and code not in recalled
                   and model.accepts(features)}
        learned |= reading.ranked_rows(learned | {mention.code for mention in reading.mentions if mention.rule})
        destinations = reading.lead_destinations()
        for mention in reading.mentions:
            span = Span(text=reading.text[mention.start:mention.end], start=mention.start, end=mention.end)
            # the model finds what the rules miss
            visiting = (mention.rule or mention.code in learned) and mention.code not in destinations
            add_item(doc, "countries", mention.start, mention.end, self.lexicon.country(mention.code, span, visiting))
        return doc

    def read(self, doc: Doc) -> Reading:
        """Every mention in the article's content with the rules' decision (and the officials of
        foreign cities who visit, in doc._.foreign_officials)."""
        text = text_of(doc)
        morphemes = morphemes_of(doc)
        content = content_of(doc)
        judge = VisitJudge(self.lexicon, text, morphemes)
        sentences = Sentences(doc)
        doc._.foreign_officials = self._visiting_officials(text, content, judge, sentences)
        visited_through_cities = {official[2] for official in doc._.foreign_officials}
        mentions = MentionFinder(self.lexicon, text, morphemes, sentences).find()
        relations = self._beside_the_host(text, mentions)
        judge.note_destinations(mentions, sentences)
        lists = list_last(text, mentions)
        judged = []
        for mention in mentions:
            if not content.contains(mention.start, mention.end):
                continue
            sentence = sentences.around(mention.end)
            list_end = lists.get((mention.start, mention.end), (0, mention.end))[1]
            visiting = mention not in relations and (
                mention.code in visited_through_cities
                or judge.is_visiting(mention, sentence, sentences.explained_by(sentence))
                or judge.counted_visitors(mention, sentence, sentences.before(sentence))
                or judge.listed_participants(mention, list_end, sentence)
                or judge.names_members(mention, list_end, sentence, sentences))
            judged.append(Judged(mention.start, mention.end, mention.code, sentence, visiting, mention in relations))
        return Reading(self.lexicon, text, morphemes, judge, judged, sentences)

    def _beside_the_host(self, text: str, mentions: list[Mention]) -> set[Mention]:
        """Countries coordinated with the host (`한·중·일 협의체`, `한중일 협의체`, `한국·중국·일본의`,
        `한-베트남 수교`) name a relation between countries, not people who came."""
        groups, group = [], [mentions[0]] if mentions else []
        for before, after in pairwise(mentions):
            gap = text[before.end:after.start]
            if gap == "" or (len(gap) == 1 and gap in COORDINATION_SEPARATORS):  # `한중일` or `한·중·일`
                group.append(after)
            else:
                groups.append(group)
                group = [after]
        groups.append(group)
        return {m for g in groups if len(g) > 1 and any(m.code == self.lexicon.host for m in g) for m in g}

    def _visiting_officials(self, text: str, content: Content, judge: VisitJudge,
                            sentences: Sentences) -> list[tuple[int, int, str]]:
        """(start, end, country) of each foreign city's officials who visit (`샌프란시스코 시장을
        만나`): their country is visiting, and the visits recognizer reads them as visitors."""
        visiting = []
        for officials in self.lexicon.city_officials.finditer(text):
            if not content.contains(officials.start(), officials.end()):
                continue
            sentence = sentences.around(officials.end())
            if judge.city_officials_visit(officials, sentence, sentences.explained_by(sentence)):
                visiting.append((officials.start(), officials.end(), self.lexicon.city_code[officials.group(1)]))
        return visiting


@Language.factory("kr_countries", assigns=["doc.spans", "doc._.foreign_officials"])
def make_country_recognizer(nlp: Language, name: str) -> CountryRecognizer:
    return CountryRecognizer(CountryLexicon(load("countries"), load("visit_cues"), load("counters")))
