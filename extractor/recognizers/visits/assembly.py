"""Visits told sentence by sentence: which sentences report visits, their clauses, and a
sentence with no date of its own carrying the one before."""
from __future__ import annotations

import re
from dataclasses import replace

from ...model import Span
from ...nlp.korean import sentence_parts
from ..timex.period import Dated
from .clauses import (
    carried_clause,
    clauses_of,
    compared_figures,
    departure_in,
    founding_date_in,
    of_a_comparison,
    of_the_report,
    stay_end_in,
    stay_through,
)
from .context import HOST, MAX_EVENT_DAYS, Clause, VisitContext
from .merging import CROWD, Told
from .roles import acts_out_visit, ends_a_trip, lists_origins, names_arrivals, party_clauses, visit_of

#: What pairs parties with days in order (`A와 B가 각각 3일과 5일`).
_EACH = "각각"
#: Items of a breakdown are separated by commas outside parentheses (`일본(22만5351명), 대만`), and the
#: first-ranked ends where the ranking goes on (`중국이 6만명으로 가장 많고 다음은 베트남 1만명`).
ROW_SEPARATOR = re.compile(r",(?![^()]*\))|(?<=가장 많고) (?=다음은)")
MIN_ROWS = 3
#: The grains of a period whose tally of visitors is a statistic (a month's, a year's).
STATISTICS_GRAINS = ("month", "quarter", "half", "year")


def sentence_visits(ctx: VisitContext, zones: tuple[str, ...]):
    """(visit, whether it stands alone, whether it is planned, the day its stay ends if the
    clause gives only that) for each visit clause."""
    undated_event: Clause | None = None
    founded: Dated | None = None  # `과정은 2006년 개설됐다`: tallies told after count from then
    listed_visits = False  # the line before a list reports visits: its rows do too
    arrived = False  # the sentence before named people from elsewhere (`49개국 대표단이`)
    tallied: Dated | None = None  # the date of the last visit told
    told_count: int | None = None  # and its headcount
    told_before = False  # a visit was told, dated or not
    went_abroad = False  # the last count of people was of the host's people going abroad
    for sentence in sentence_parts(ctx.doc, zones):
        came_before, arrived = arrived, names_arrivals(ctx, sentence.start, sentence.end)
        yield from _compared_visits(ctx, sentence, tallied)
        # `한국인은 995만명이 해외로 나갔다` then `가장 많이 방문한 나라는 일본(312만명)`: the host's
        # people counted going abroad, the counts after them are of their destinations
        counts_people = ctx.counts_people(sentence.start, sentence.end)
        abroad = ctx.lex.outbound.search(sentence.text) is not None and counts_people
        of_table = tallied is not None and not (abroad or went_abroad)
        went_abroad = abroad or (went_abroad and not counts_people)
        rows = _breakdown(ctx, sentence, tallied, told_count) if of_table else []
        if rows:
            # `총 247만 명이 찾았다` then `A축제가 90만 명, B축제 42만 명, …`: a visit per row
            for row in rows:
                visit = visit_of(ctx, replace(sentence, row=True), Clause(row[0], row[1], tallied))
                if visit is not None:
                    yield visit, True, False, None
            continue
        founded = founding_date_in(ctx, sentence) or founded
        # `대만에서 로드쇼를 개최하고`: holding or attending an event abroad is a trip there
        cue = "visit" if ctx.held_abroad(sentence.start, sentence.end) else ctx.lex.cue(sentence.text)
        if not sentence.row:
            listed_visits = cue is not None
        # `국가별 연수 일정은 다음과 같다.` then `- 라오스 : 10/8~10/17, 20명`
        # `과정은 2006년 개설됐다` then `지금까지 50여개국 150여명이 수료했다`
        tally_since_founding = (founded is not None and ctx.lex.is_tally(sentence.text)
                                and ctx.counts_people(sentence.start, sentence.end))
        # `베트남 대표단은 … 17명으로 구성됐다`: the visitors described tell more of their visit
        described = ctx.lex.delegation.search(sentence.text) is not None and ctx.counts_people(
            sentence.start, sentence.end)
        # `국가별로는 중국, 베트남 등 18개국이다` after a visit told names its visitors' countries
        origins = told_before and lists_origins(ctx, sentence)
        reports = cue is not None or (sentence.row and listed_visits) or tally_since_founding or described or origins
        if not reports:
            yield from _schedule_after(ctx, sentence, tallied)
            # `캠프가 15일 부산에서 개막했다` then `… 40개국 4,100여명이 참석하는`: the event's day
            undated_event = _opening_of_event(ctx, sentence) or undated_event
            continue
        clauses = clauses_of(ctx, sentence) or _implied_clauses(
            ctx, sentence, _awaiting_visitors(ctx, sentence, undated_event, tallied), founded if tally_since_founding else None,
            crowd_told=tallied is not None and told_count is not None and told_count >= CROWD,
            opens_story=tallied is None)
        # attending or meeting is a visit when those taking part or met come from elsewhere
        # (`이들은 총회에 참석했다`, `대표단과 만나`)
        told_as_visit = cue == "visit" or described or (cue in ("attendance", "meeting") and (arrived or (
            came_before and ctx.lex.pronoun.search(sentence.text) is not None)))
        told = _clause_visits(ctx, sentence, clauses, told_before)
        undated_event = _event_awaiting_visitors(ctx, sentence, told, told_as_visit, undated_event)
        for clause, visit in told:
            if visit is not None:
                clause, visit = _row_of_table(ctx, sentence, clause, visit, tallied)
                visit.of_the_tally = clause.date is None and _part_of_tally(ctx, clause)
                tallied = _table_period(ctx, sentence, tallied, clause.date)
                told_count, told_before = visit.headcount, True
                planned = any(marker in ctx.text[clause.start:clause.end] for marker in ctx.lex.plans)
                yield visit, _stands_alone(ctx, clause, visit, told_as_visit), planned, clause.until


def _part_of_tally(ctx: VisitContext, clause: Clause) -> bool:
    """The clause counts part of the crowd tallied before or the same days (`이중 외국인은`, `이 기간
    외국인 방문객은`), not a rate (`하루 평균 59만명이 찾은 꼴`)."""
    return ctx.lex.tally_part.search(ctx.text, clause.start, clause.end) is not None and not any(
        d.type == "SET" for d in ctx.within(ctx.dates, clause.start, clause.end))


def _awaiting_visitors(ctx: VisitContext, sentence, event: Clause | None, tallied: Dated | None) -> Clause | None:
    """The event whose day dates the visitors named next, unless that day is a stop inside the
    stay told before (`20일부터 열흘 동안 연수` then `오는 25일 열리는 대회에 맞춰` then `대상자는
    콜롬비아, 페루 … 공무원`): the sentence then tells more of the stay. A party counted there
    (`퍼레이드에는 몽골 공연단 20명이 참가한다` inside a festival's days) is a visit of its own."""
    if event is None or tallied is None or event.date.period == tallied.period \
            or ctx.counts_people(sentence.start, sentence.end):
        return event
    return None if event.date.period.within(tallied.period, MAX_EVENT_DAYS) else event


def _table_period(ctx: VisitContext, sentence, tallied: Dated | None, date: Dated | None) -> Dated | None:
    """The period later rows belong to: a statistic's, told before, stays against an earlier
    period told after it (`지난해 전체 입국 외국인 수(339만명)를 웃도는`, a figure compared with),
    against a sentence with no date comparing a figure (`지난해 1월 8만명이 찾았던 것과 비교하면`)
    and against one counting a part of the tally (`이 가운데 학위과정 유학생은 7만2032명`)."""
    if not _statistic(tallied):
        return date
    if date is None:
        subset = ctx.lex.tally_subset.search(sentence.text) is not None
        return tallied if subset or compared_figures(ctx, sentence) else None
    return tallied if _before(date.period, tallied.period) else date


def _row_of_table(ctx: VisitContext, sentence, clause: Clause, visit: Told,
                  tallied: Dated | None) -> tuple[Clause, Told]:
    """After a period's tally, a country's count measured against an earlier period's (`일본은
    지난해 10월 무비자 입국 시행 등 영향을 받아 지난해 같은 달(1162명)보다 늘어난 6만명이
    방한했다`) is of the tally's period: a date of the background before it dates it not."""
    if not (_statistic(tallied) and visit.countries and visit.headcount) or (
            clause.date is not None and not _before(clause.date.period, tallied.period)):
        return clause, visit
    if not compared_figures(ctx, sentence):
        return clause, visit
    return replace(clause, date=tallied), replace(visit, period=tallied.period)


def _statistic(tallied: Dated | None) -> bool:
    return tallied is not None and tallied.period.grain in STATISTICS_GRAINS


def _before(period, later) -> bool:
    return period.end is not None and later.start is not None and period.end < later.start


def _event_awaiting_visitors(ctx: VisitContext, sentence, told: list[tuple[Clause, Told | None]],
                             told_as_visit: bool, undated_event: Clause | None) -> Clause | None:
    """The dated event whose visitors a later sentence names: this sentence's, when it tells of
    visiting or holds an event but names no visitors; the one before, when this sentence tells
    no visit (`… 벤치마킹 대상이 되고 있다` between a course's days and its participants)."""
    if any(visit is not None for _, visit in told):
        return None
    # a meeting that names no visitors (`25일에는 시장을 만나`) dates no sentence after it
    dated = [clause for clause, _ in told if clause.date is not None and (
        sentence.row or told_as_visit or _holds_event(ctx, sentence, clause))]
    return dated[-1] if dated else undated_event


def _compared_visits(ctx: VisitContext, sentence, tallied: Dated | None):
    """`지난해 같은 달(1162명)보다 … 늘어난 6만명이 방한했다`: the earlier period's count, compared
    with, is a visit of its own by the sentence's visiting countries (the date of no later row),
    in a sentence telling visits or after a visit told."""
    if tallied is None and ctx.lex.cue(sentence.text) is None:
        return
    countries = list(dict.fromkeys(c.key for c in ctx.within(ctx.countries, sentence.start, sentence.end)
                                   if c.visiting and c.key != HOST))
    evidence = Span(text=sentence.text, start=sentence.start, end=sentence.end)
    for date, count in compared_figures(ctx, sentence):
        yield Told(period=date.period, countries=countries, visitors=None, headcount=count.value, purpose=None,
                   program=None, evidence=evidence, compared=True), True, False, None


def _schedule_after(ctx: VisitContext, sentence, day: Dated | None):
    """`… 수료식을 21일 개최했다` then `교육은 지난 18일부터 3박 4일 일정으로 진행됐다`: the
    schedule of the day's visit, told without its visitors, spans it (no visit alone)."""
    if day is None or day.period.day is None or not any(word in sentence.text for word in ctx.lex.schedule_words):
        return
    for clause in clauses_of(ctx, sentence):
        span = clause.date.period if clause.date is not None else None
        if span is not None and span.is_span and day.period.within(span, MAX_EVENT_DAYS):
            evidence = Span(text=sentence.text, start=sentence.start, end=sentence.end)
            yield Told(period=span, countries=[], visitors=None, headcount=None, purpose=None, program=None,
                       evidence=evidence, schedule=True), False, False, None
            return


def _clause_visits(ctx: VisitContext, sentence, clauses: list[Clause],
                   told_before: bool) -> list[tuple[Clause, Told | None]]:
    """Each clause with the visit it tells. Clauses of one sentence on other days are legs, stops
    or groups of their own (`프놈펜시에서 5일부터 14일까지, 호치민시에서 20일부터 28일까지`); a
    later leg that names no visitors is the same visitors' (`이들은` before the first). After a
    visit told, a clause naming no visitors but the event's span or end (`팸투어는 23일부터 24일
    이틀간 진행될 예정이다`, `30일까지 진행되는 초청연수는`) gives that visit's period."""
    visits = []
    for clause, parties in _with_parties(ctx, clauses):
        visit = visit_of(ctx, sentence, clause)
        before = next((v for _, v in reversed(visits) if v is not None), None)
        if visit is None and before is not None and _later_leg(before, clause):
            visit = replace(before, period=clause.date.period, headcount=None)
        elif visit is None and told_before and (clause.until or (clause.date and clause.date.period.is_span)):
            visit = _period_only(ctx, clause, sentence)
        visits.extend((clause, v) for v in _party_visits(ctx, sentence, parties) or [visit])
    periods = {v.period for _, v in visits if v is not None and v.period is not None}
    # legs are days or spans of days; a day within a span the sentence gives is a day of that
    # stay (`31일 방문은 … 연수(3.29~4.2)`), and a month (`지난 11월 1차 방문에 이은`) no leg
    legs = len(periods) > 1 and all(p.span_of_days(MAX_EVENT_DAYS) for p in periods) and not any(
        day.day is not None and day.within(span, MAX_EVENT_DAYS) for day in periods for span in periods - {day})
    for _, visit in visits:
        if visit is not None:
            visit.leg = legs
    return visits


def _with_parties(ctx: VisitContext, clauses: list[Clause]):
    """Each clause with the parties it names side by side; `각각` pairs them in order with the
    days after it (`우간다 공무원 15명과 과테말라 공무원 17명이 각각 3일과 5일`), whose clauses
    are then theirs."""
    index = 0
    while index < len(clauses):
        clause = clauses[index]
        parties = party_clauses(ctx, clause)
        days = clauses[index:index + len(parties)]
        if len(parties) > 1 and len(days) == len(parties) and all(day.date for day in days) \
                and _EACH in ctx.text[parties[-1].end:days[-1].start]:
            yield clause, [replace(party, date=day.date) for party, day in zip(parties, days)]
            index += len(parties)
        else:
            yield clause, parties
            index += 1


def _party_visits(ctx: VisitContext, sentence, parties: list[Clause]) -> list[Told]:
    """A visit per party when each names its visitors."""
    visits = [visit_of(ctx, sentence, party) for party in parties]
    if not visits or None in visits:
        return []
    for visit in visits:
        visit.party = True  # other people: none tells more of another, nor of the visit before
    return visits


def _period_only(ctx: VisitContext, clause: Clause, sentence) -> Told:
    """A visit's period told apart from its visitors: it stands alone nowhere, it dates or ends
    the visit it retells; told of this very visit (`이번 팸투어는 21일부터 4일간 진행된다`), the span
    is the visitors' own schedule, over a day of it told before."""
    return Told(period=clause.date.period if clause.date else None, countries=[], visitors=None, headcount=None,
                purpose=None, program=None, evidence=Span(text=sentence.text, start=sentence.start, end=sentence.end),
                period_only=True, schedule=sentence.text.lstrip().startswith(ctx.lex.this_event))


def _later_leg(before: Told, clause: Clause) -> bool:
    """A span of days after the last one (`…부터 14일까지, … 20일부터 28일까지`)."""
    first = clause.date.period.first_day if clause.date and clause.date.period.is_span else None
    return first is not None and before.period is not None and before.period.span_of_days(MAX_EVENT_DAYS) \
        and first > before.period.end


def _implied_clauses(ctx: VisitContext, sentence, undated_event: Clause | None,
                     founded: Dated | None, crowd_told: bool = False, opens_story: bool = False) -> list[Clause]:
    """A visit sentence whose own clauses give no visit: the event told just before dates it, a
    tally counts from the founding date told before, or the text gives the visit no day. A tally
    with no date of its own counts from nothing, unless it counts another crowd right after a
    crowd's tally (`이중 외국인은 1만574명이 다녀갔다`): the story dates it by that tally."""
    if undated_event is not None and (
            ctx.counts_people(sentence.start, sentence.end)
            or any(c.visiting for c in ctx.within(ctx.countries, sentence.start, sentence.end))
            or (names_arrivals(ctx, sentence.start, sentence.end) and ctx.near(undated_event.date.period.first_day))):
        # `이달 1일부터 14일까지 초청연수를 실시` then `이번 연수는 태국 공무원 14명을 대상으로`,
        # `대회가 18~19일 열렸다` then `이번 대회에는 … 대표단이 참석해`
        return [carried_clause(ctx, sentence, undated_event)]
    if founded is not None:
        since = founded.period.through(ctx.reference)
        return [Clause(sentence.start, sentence.end, founded.with_period(since), True)]
    if ctx.lex.is_tally(sentence.text):
        crowds = crowd_told and any(c.unit == "people" and c.value >= CROWD
                                    for c in ctx.within(ctx.counts, sentence.start, sentence.end))
        return [Clause(sentence.start, sentence.end, None)] if crowds else []
    # `… 외교관들이 도청을 방문했다고 15일 밝혔다`: a visit the text gives no day for
    until = stay_end_in(ctx, sentence)
    return [stay_through(ctx, sentence, until, opens_story)
            or Clause(sentence.start, sentence.end, None, until=until, leaves=departure_in(ctx, sentence))]


def _breakdown(ctx: VisitContext, sentence, tallied: Dated, told_count: int | None) -> list[tuple[int, int]]:
    """The rows of a sentence with no date of its own that breaks a tally down, one count of
    people per comma-separated item (`국가별로는 중국이 41만명으로 가장 많았고, 일본(22만명),
    대만(16만명) …`); none unless it has at least MIN_ROWS of them, or each row is a visiting
    country's after a month's or a year's tally (`특히 중국인 방문객이 42만명으로 늘었다`)."""
    # a date of its own ends the table; not a compared figure's (`6만4861명(작년대비 222%↑)`) nor
    # one the tally's period lies in (`미국은 올해 1만8345명` after `올해 1~5월 63만명`), nor the
    # report's (`24일 통계에 따르면 국가별로는 중국이 50만명으로 가장 많았고, …`)
    if any(not (of_a_comparison(ctx, date) or tallied.period.refines(date.period) or of_the_report(ctx, date))
           for date in ctx.within(ctx.dates, sentence.start, sentence.end)):
        return []
    rows, start = [], sentence.start
    for item in ROW_SEPARATOR.split(sentence.text):
        end = start + len(item)
        counts = [c for c in ctx.within(ctx.counts, start, end) if c.unit == "people"]
        if len(counts) == 1:
            rows.append((_row_start(ctx, start, counts[0].start), end, counts[0].value))
        start = end + 1
    values = sorted(value for _, _, value in rows)
    # not `방글라데시(2명), 필리핀(2명) … 등 12개국 15명`: one visit's people and their total, nor
    # `8개국 17명이 참가한다` then `스리랑카 3명, 동티모르 3명, …`: the group told, not a crowd's tally
    group = told_count is not None and told_count < CROWD and sum(values) == told_count
    table = len(rows) >= MIN_ROWS and values[-1] < sum(values[:-1]) and not group
    if not (table or _rows_of_countries(ctx, rows, tallied)) or _one_country_by_place(ctx, rows):
        return []
    return [(row_start, row_end) for row_start, row_end, _ in rows]


def _one_country_by_place(ctx: VisitContext, rows: list[tuple[int, int, int]]) -> bool:
    """Only the first row names a country: its visitors broken down by where they are (`중국
    유학생이 많은 학교는 고려대(3858명), 경희대(3526명), …`), headcounts of one party, no rows."""
    named = [bool([c for c in ctx.within(ctx.countries, start, end) if c.key != HOST]) for start, end, _ in rows]
    return len(rows) > 1 and named[0] and not any(named[1:])


def _row_start(ctx: VisitContext, start: int, count_start: int) -> int:
    """A row is its count's country and what follows: `일본에 이어 중국(55만명)` is China's row."""
    countries = ctx.within(ctx.countries, start, count_start)
    return countries[-1].start if countries else start


def _rows_of_countries(ctx: VisitContext, rows: list[tuple[int, int, int]], tallied: Dated) -> bool:
    """Each row names one country, the visitors' by nationality (`미국은 1만8345명`: no visiting
    role read in it), and the tally before counts a month or more."""
    return bool(rows) and tallied.period.grain in STATISTICS_GRAINS and all(
        len([c for c in ctx.within(ctx.countries, start, end) if c.key != HOST]) == 1 for start, end, _ in rows)


def _opening_of_event(ctx: VisitContext, sentence) -> Clause | None:
    """The dated clause of a sentence that opens or holds an event (`개막했다`, `열린다`) near
    the report: an event held years before (`1998년에 대회를 개최했으며`) is background."""
    if not any(word in sentence.text for word in ctx.lex.event_openings):
        return None
    return next((clause for clause in clauses_of(ctx, sentence) if _holds_event(ctx, sentence, clause)), None)


def _holds_event(ctx: VisitContext, sentence, clause: Clause) -> bool:
    return (clause.date is not None and any(word in sentence.text for word in ctx.lex.event_openings)
            and ctx.near(clause.date.period.first_day))


def _stands_alone(ctx: VisitContext, clause: Clause, visit: Told, told_as_visit: bool) -> bool:
    """A visit reported with no day needs a sentence telling the act of visiting, or people of
    named countries counted taking part; one that only meets people at home (`지역 기업인들을
    만나`) needs them to come from abroad."""
    if visit.period_only:
        return False
    if clause.date is None:
        # `5개국 공무원 20명이 참여했다`: people of named countries counted taking part came
        return acts_out_visit(ctx, clause) or (bool(visit.countries) and visit.headcount is not None and (
            ctx.lex.participation_cue.search(ctx.text, clause.start, clause.end) is not None))
    return bool(visit.countries) or told_as_visit or clause.cumulative or ends_a_trip(ctx, clause)
