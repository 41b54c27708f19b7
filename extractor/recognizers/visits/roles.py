"""Who visited and how many, in a dated clause: the visitors' countries and phrase, the
headcount, the purpose and programme; an official's or a local government's own trip."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...model import Count, Span
from ...nlp.korean import SentencePart, one_of, particles
from ...pattern_cache import compiled
from .clauses import stay_length_in
from .context import HOST, At, Clause, VisitContext, nominal
from .merging import CROWD, Told

_SUBJECT = one_of(particles("topic", "subject"))
_SUBJECT_AFTER_BODY = compiled(rf"{_SUBJECT}(?!\p{{Hangul}})")
#: A title and a subject particle after a name (`홍 시장은`, `유한식 세종시장이`).
_TITLED_SUBJECT = compiled(rf" ?(?P<title>\p{{Hangul}}+?){_SUBJECT}(?!\p{{Hangul}})")
#: `관광객이 75만여명`: the visitors' noun may carry its subject particle before their count.
_SUBJECT_PARTICLE = compiled(rf"(?<=\p{{Hangul}}){_SUBJECT}$")
#: What closes the phrase before the visitors' noun phrase (`…으로 한국을 방문한 | 페루의 … 시장이`).
_PHRASE_BREAK_TAGS = ("JKB", "JKO", "EC", "ETM", "EF", "SF", "JX", "JKS")
_PHRASE_BREAK_WORDS = ("이래", "이후", "부터", "까지")
#: People counted as going along with the subject (`100여 명의 직원들과 함께 맞이하고`): hosts.
_COMPANIONS = compiled(r"(?:의 \p{Hangul}+?)?(?:과|와) 함께")
#: `대만 수학여행단 30여 명도`: a count of people "too", a group besides those told before.
_ALSO = compiled(r"도(?!\p{Hangul})")
#: `특히 일본 하기(萩)시에서는 시민대표단 70여명이 참석한다`: people counted from one country's place, a
#: group of their own besides those told before.
_FROM_THERE = compiled(r"(?:\s?[^\s,.]{1,10}?)?에서[는도](?!\p{Hangul})")
#: A count the total after it includes (`외국인 5만6000여명을 포함해 123만여명`).
_PART_OF_TOTAL = compiled(r"[을를]?\s?포함")


def visit_of(ctx: VisitContext, sentence: SentencePart, clause: Clause) -> Told | None:
    """The visit a clause tells, if it names visitors (a visiting country, a count of people, a
    visitor noun, or an official on a trip of their own)."""
    text = ctx.text[clause.start:clause.end]
    # a row of a visit list is labelled with the visitors' country; the host's is never one
    countries = [c for c in ctx.within(ctx.countries, clause.start, clause.end)
                 if c.visiting or sentence.row]
    countries = [c for c in countries + ctx.within(ctx.officials, clause.start, clause.end) if c.key != HOST]
    counts = ctx.within(ctx.counts, clause.start, clause.end)
    people = [c for c in counts if c.unit == "people" and not _COMPANIONS.match(ctx.text, c.end)
              and not ctx.compared(c)]
    # counts of bodies and countries alone name visitors only in a tally (`118개국에서 다녀가며`)
    bodies = counts if clause.cumulative else []
    official = None
    if not (countries or people or bodies or ctx.lex.visitor_word.search(text)):
        official = _visiting_official(ctx, sentence, clause)
        if official is None:
            return None
    programs = ctx.within(ctx.programs, clause.start, clause.end) or ctx.within(
        ctx.programs, sentence.start, sentence.end)
    return Told(
        period=clause.date.period if clause.date else None,
        countries=list(dict.fromkeys(c.key for c in countries)),
        visitors=_visitors_phrase(ctx.doc, clause, official or _visitors_head(ctx, text, clause, people, countries)),
        headcount=_headcount(ctx, people),
        purpose=_purpose(ctx, clause),
        program=programs[0].key if programs else None,
        evidence=Span(text=sentence.text, start=sentence.start, end=sentence.end),
        another_group=any(_ALSO.match(ctx.text, c.end) for c in people)
        or any(_FROM_THERE.match(ctx.text, c.end) for c in countries),
        schedule=clause.date is not None and clause.date.period.is_span and (clause.own_stay or any(
            word in text for word in ctx.lex.schedule_words)),
        leaves=clause.leaves,
        days=stay_length_in(ctx, sentence) if clause.date is None or clause.date.period.day is not None else None,
        recalled=not clause.cumulative and (any(marker in text for marker in ctx.lex.recalls)
                                            or _group_of_an_earlier_year(ctx, clause, text, people)),
        of_the_story=sentence.text.lstrip().startswith(ctx.lex.this_event) or lists_origins(ctx, sentence),
    )


#: A party's own words after its country, up to the `과`, `와` or comma before the next party's
#: (`싱가포르 | 바이어 방문단 35명과 | 중국 …`); no list of countries (`미국, 영국 등`) nor an origin.
_PARTY_BEFORE_NEXT = compiled(r" (?P<own>[^,\n]+?)(?:과|와|,) ?")
#: The last party's own words, up to its subject particle or copula (`중국 | 정부 대표단 6명이다`).
_LAST_PARTY = compiled(r" (?P<own>[^,\n]+?)(?:이다|[이가은는도])(?=[\s.,]|$)")
#: Words that make the list one group (`A시, B시 등 3개국 대표단`) or tie a party to what follows.
#: A country with only a count (`필리핀 8명, 인도네시아 6명`) is a row of one group by nationality.
_COUNT_ONLY = compiled(r"[\d,.]+(?:만 ?[\d,]*)?(?:천 ?[\d,]*)? ?(?:여 ?)?명")
_ONE_GROUP = compiled(r"(?:^|\s)등(?:\s|$)|개국|에서|의 |\p{Hangul}(?:과|와) ")


def party_clauses(ctx: VisitContext, clause: Clause) -> list[Clause]:
    """The parties a clause names side by side, each of its own country and with words of its
    own (`싱가포르 바이어 방문단 35명과 중국 정부 대표단 6명`, `싱가포르 SMU, 미국 TAMU, 독일 UE가`):
    one clause each. None for a list of countries one group comes from (`미국, 영국 등 17개국에서
    온 90명`, `미국 햄튼시, 일본 고마끼시 등 3개국 대표단`)."""
    counted = _country_counts(ctx, clause.start, clause.end)
    if counted:
        return [replace(clause, start=start, end=end) for start, end, _ in counted]
    countries = [c for c in ctx.within(ctx.countries, clause.start, clause.end) if c.visiting and c.key != HOST]
    if len({c.key for c in countries}) != len(countries) or len(countries) < 2:
        return []
    parties = []
    for country, following in zip(countries, countries[1:] + [None]):
        own = (_PARTY_BEFORE_NEXT.fullmatch(ctx.text, country.end, following.start) if following
               else _LAST_PARTY.match(ctx.text, country.end, clause.end))
        if own is None or _ONE_GROUP.search(own.group("own")) or _COUNT_ONLY.fullmatch(own.group("own")):
            return []
        parties.append(replace(clause, start=country.start, end=own.end("own")))
    return parties


#: How far after a country its own count of people may end (`러시아 환자는 지난해 2만4026명`).
_OWN_COUNT_REACH = 24


def _country_counts(ctx: VisitContext, start: int, end: int) -> list[tuple[int, int, int]]:
    """A statistic ranking countries by a crowd's count each (`일본이 351만명으로 가장 많았으나
    중국이 283만명`, `일본(57만명)이 1위를 기록했고 중국(36만명)이 2위를 차지했다`): (start, end, count) of each country
    with its own count before the next country's; none unless two countries or more have one and
    every count of people in text[start:end] is one of theirs (not a total told beside them)."""
    if ctx.lex.ranking.search(ctx.text, start, end) is None:
        return []
    countries = [c for c in ctx.within(ctx.countries, start, end) if c.key != HOST]
    people = [c for c in ctx.within(ctx.counts, start, end) if c.unit == "people" and not ctx.compared(c)]
    rows, keys = [], set()
    for country, following in zip(countries, countries[1:] + [None]):
        limit = min(following.start if following else end, country.end + _OWN_COUNT_REACH)
        own = [c for c in people if country.end <= c.start and c.end <= limit]
        if len(own) == 1 and own[0].value >= CROWD and country.key not in keys:
            rows.append((country.start, own[0].end, own[0].value))
            keys.add(country.key)
    return rows if len(rows) >= 2 and len(rows) == len(people) else []


def _group_of_an_earlier_year(ctx: VisitContext, clause: Clause, text: str, people: list[Count]) -> bool:
    """`지난해에는 대표단 36명이 방문하기도 했다`, `지난 2015년 7개국 11명을 대상으로 실시해`: a group
    dated by a year before the report's only is background; not a tally of that year (a total,
    `지난해에만 총 568명`, or a crowd) nor a row of years (`2009년 417명, 2010년 281명`)."""
    date = clause.date
    if date is None or ctx.reference is None or date.period.is_span or date.period.grain != "year":
        return False
    if date.period.end is None or date.period.end.year >= ctx.reference.year:
        return False
    if any(marker in text for marker in ctx.lex.totals) or any(c.value >= CROWD for c in people):
        return False
    return not any(c.start - date.end <= 1 for c in ctx.within(ctx.counts, date.end, date.end + 16))


def lists_origins(ctx: VisitContext, sentence: SentencePart) -> bool:
    """`국가별로는 중국, 베트남 등 18개국이다`: the visitors' countries named, no count of people."""
    return ctx.lex.origin_list.search(sentence.text) is not None and not ctx.counts_people(sentence.start, sentence.end)


def _visiting_official(ctx: VisitContext, sentence: SentencePart, clause: Clause) -> At | None:
    """`홍 시장은 4일부터 7일까지 호치민시를 방문한다`: a named person with a title, the
    subject of the sentence up to the dated clause, who visits (an official's trip): the
    span of name and title."""
    if clause.date is None:
        return None  # `최 시장은 이어 … 방문해`: a stop of a trip told before, not a trip
    abroad = ctx.held_abroad(sentence.start, sentence.end)
    if not (abroad or acts_out_visit(ctx, clause) or ends_a_trip(ctx, clause)):
        return None
    for person in ctx.within(ctx.persons, sentence.start, clause.end):
        subject = _TITLED_SUBJECT.match(ctx.text, person.end)
        if subject and not ctx.quoted(person):
            return At(person.start, subject.end("title"))
    # `군산시가 지난 26일부터 30일까지 … 연대시를 방문하고 있다`: a local government's delegation;
    # `국토교통부가 … 하노이 현지에서 로드쇼를 개최한다`: any body holding an event abroad
    for body in ctx.within(ctx.bodies if abroad else ctx.local_governments, sentence.start, clause.end):
        if _SUBJECT_AFTER_BODY.match(ctx.text, body.end) and not ctx.quoted(body):
            return At(body.start, body.end)
    return None


def ends_a_trip(ctx: VisitContext, clause: Clause) -> bool:
    """`지난 17일부터 … 참석했고 19일 귀국했다`: a span of days closed by coming back is a trip."""
    return clause.date.period.is_span and any(
        word in ctx.text[clause.start:clause.end] for word in ctx.lex.trip_ends)


def _headcount(ctx: VisitContext, people: list[Count]) -> int | None:
    """The total when the clause gives one (`총 2만1633명`, `모두 78만 명`), else the one
    count naming the visitors (`전형식 부지사와 외교관 31명 등 50여 명이 참석`: the 50
    include the hosts), else the largest count of people. A count the total includes
    (`외국인 관광객 1만5천여 명을 포함해 … 65만여 명`) is a part of it."""
    if not people:
        return None
    people = [p for p in people if not _PART_OF_TOTAL.match(ctx.text, p.end)] or people
    totals = [p for p in people if p.text.startswith(ctx.lex.totals)
              or _words_before(ctx.text, p.start).endswith(ctx.lex.totals)]
    if totals:
        return max(p.value for p in totals)
    visitors = [p for p in people
                if _SUBJECT_PARTICLE.sub("", _words_before(ctx.text, p.start)).endswith(ctx.lex.visitor_nouns)]
    return visitors[0].value if len(visitors) == 1 else max(p.value for p in people)


#: How far back the words before a count are read: longer than any total marker, visitors'
#: noun and subject particle together.
_WORDS_BEFORE_REACH = 64


def _words_before(text: str, position: int) -> str:
    """The last characters before `position`, trailing whitespace dropped: a copy of the
    whole text before it for each count would make a long text's cost quadratic."""
    end = position
    while end and text[end - 1].isspace():
        end -= 1
    return text[max(0, end - _WORDS_BEFORE_REACH):end]


def _purpose(ctx: VisitContext, clause: Clause) -> str | None:
    """The activity that reports the visit with what it is about:
    `스마트도시 우수사례 견학`, and `통합센터를 견학했다` -> `통합센터 견학`."""
    match = ctx.lex.activity.search(ctx.text, clause.start, clause.end)
    if match is None:
        return None
    first = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand").start
    start = _noun_chain_start(ctx.doc, first, clause.start)
    if start == first and start > 0 and ctx.doc[start - 1].tag_ == "JKO":
        object_start = _noun_chain_start(ctx.doc, start - 1, clause.start)
        if object_start < start - 1:
            return f"{ctx.doc[object_start:start - 1].text} {match.group()}"
    return ctx.text[ctx.doc[start].idx:match.end()]


def _visitors_head(ctx: VisitContext, text: str, clause: Clause, people: list[Count], countries: list[At]) -> At | None:
    """The count of people, else the last visiting country, else the first word for visitors."""
    if people:
        return max(people, key=lambda p: p.value)
    if countries:
        return countries[-1]
    word = ctx.lex.visitor_word.search(text)
    if word is None:
        return None
    return At(clause.start + word.start(), clause.start + word.end())


def acts_out_visit(ctx: VisitContext, clause: Clause) -> bool:
    """The clause uses a visit cue as its verb (`방문했다고`, `찾아왔다`), outside quotes: it
    reports people coming, not visitors as a noun (`방문객 수는`) or attendance (`참석했다`)."""
    for match in ctx.lex.visit_verb.finditer(ctx.text, clause.start, clause.end):
        if ctx.quoted(At(match.start(), match.end())):
            continue
        # the cue's own tokens: `찾았` is 찾/VV + 았/EP, `방문했` is 방문/NNG + 하/XSV
        tokens = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        following = ctx.doc[tokens.end] if tokens.end < len(ctx.doc) else None
        if any(token.tag_.startswith("VV") for token in tokens) or (
                following is not None and following.tag_.startswith("XSV")):
            return True
    return False


def names_arrivals(ctx: VisitContext, start: int, end: int) -> bool:
    """People from elsewhere: a delegation or foreign visitors (`대표단`, `외교관`), or a count
    of the countries or cities they come from (`49개국 67개 도시`)."""
    return (ctx.lex.arrival_word.search(ctx.text, start, end) is not None
            or any(c.unit in ("countries", "cities") for c in ctx.within(ctx.counts, start, end)))


def _visitors_phrase(doc: Doc, clause: Clause, anchor) -> str | None:
    """The noun phrase naming who came, grown around its head up to the phrase before it;
    an origin `…에서` stays inside (`37개 나라에서 총 138명`)."""
    if anchor is None:
        return None
    head = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    end = head.end
    while end < len(doc) and doc[end].idx < clause.end and nominal(doc[end]):
        end += 1
    start = head.start
    while start > 0 and not _breaks_phrase(doc[start - 1], clause):
        start -= 1
    return doc[start:end].text.strip(" ,") or None


def _noun_chain_start(doc: Doc, index: int, limit: int) -> int:
    """Start of the run of nouns ending just before token `index`."""
    while index > 0 and doc[index - 1].tag_.startswith(("NN", "SL", "SN")) and doc[index - 1].idx >= limit:
        index -= 1
    return index


def _breaks_phrase(token, clause: Clause) -> bool:
    in_date = clause.date is not None and clause.date.start <= token.idx < clause.date.end
    if token.idx < clause.start or in_date or "\n" in token.text:
        return True
    if token.text == "에서":
        return False
    return token.text in _PHRASE_BREAK_WORDS or any(tag in token.tag_ for tag in _PHRASE_BREAK_TAGS)
