"""A sentence cut into clauses, one per date of the visit it tells; which dates are no day
of a visit (the report's, a comparison's, a founding's, …) is one table, DATE_CHECKS."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc

from ...model import Count
from ...nlp.korean import SentencePart, zone_at
from ...pattern_cache import compiled_re
from ..timex.period import Dated, Period
from .context import DATED_TYPES, MAX_EVENT_DAYS, Clause, VisitContext, long_stay, nominal, short_stay


PARENTHESES = compiled_re(r"\([^()]*\)")
#: `개막 전날인 16일`: a date named again as the day it is.
_APPOSITION = compiled_re(r"인 ?")
#: A count compared with: `75만3000명에 비해`, `8만1851명이 우리나라를 찾았던 것과 비교하면`.
_COMPARED_COUNT = compiled_re(r"(?:에 비해|보다|(?:[이가] [^,.]{0,20}?)?(?:던|한|은) 것(?:과 비교|에 비해|보다))")
#: How far after a date its compared figure is looked for, within its clause.
_COMPARED_REACH = 40
_CLAUSE_END = compiled_re(r"[,.\n]")
#: Counts of where people come from (`14개국 122명과 비교해`), not of the people compared.
_ORIGIN_UNITS = ("countries", "cities")
#: A figure in parentheses after a date, maybe after a short noun (`전년 동월(111만7243명) 대비`).
_ASIDE = compiled_re(r"(?: ?[가-힣]{1,2})?\([^()]*\)")


def clauses_of(ctx: VisitContext, sentence: SentencePart) -> list[Clause]:
    """The sentence cut at each date of an event it names.

    Dropped: report dates (`28일 시에 따르면`, `5일 밝혔다`) and dates inside a noun's
    modifier (`지난 4월 신축 이전한 센터`), unless the modifier is the visit itself
    (`19일 방문한 대표단`) or the sentence counts visits since then (`개소한 이래`).
    A time range on the report date (`13시부터 18시까지`) dates the visit by its day.
    """
    dates = ctx.within(ctx.dates, sentence.start, sentence.end)
    # `2009년 417명, 2010년 281명, 2011년 262명 등 현재까지 1000명`: a row per date, no one tally
    cumulative = _counts_since(ctx, sentence, dates) and len(_dated_counts(ctx, dates)) < MIN_DATED_ROWS
    trip = None if cumulative else _trip(ctx, dates)
    if trip is not None:
        return [Clause(sentence.start, sentence.end, trip, own_stay=_arrival(ctx, trip))]
    event_dates = _visit_days(ctx, dates, cumulative)
    if cumulative:  # `내년까지 누적 초청자는 1만명을 넘어설 전망이다`: a projection bounds no tally
        event_dates = [d for d in event_dates if not _after_the_report(ctx, d)]
    if cumulative and event_dates:
        zone = zone_at(ctx.doc, sentence.start)
        if zone is not None and zone.kind != "body":
            return []  # a headline's `다녀가` is news of the day, not a tally
        return [_cumulative_clause(ctx, sentence, event_dates, dates)]
    # one clause per distinct date: `9일 … 3만명을 넘어서 이날 오후 4시 기준 8만명` is one day's visit
    event_dates = [d for i, d in enumerate(event_dates) if i == 0 or d.period != event_dates[i - 1].period]
    rows = {d.start: end for d, end in _dated_counts(ctx, dates)}
    event_dates = _span_of_days(ctx, sentence, dates, _days_of_one_event(ctx, _finest(event_dates, rows), dates))
    stay_end = stay_end_in(ctx, sentence)
    # `이들은 오는 12월20일까지 오전에는 …`: a stay of months ends the visit it tells more of
    staying = len(event_dates) == 1 and stay_end is not None and long_stay(event_dates[0].period, stay_end)
    if staying and short_stay(event_dates[0].period, stay_end):
        # `이날 연수원에 입교했고, 다음 달 5일까지 교육받는다`
        event_dates = [event_dates[0].with_period(event_dates[0].period.through(stay_end))]
    clauses = [replace(c, until=stay_end if staying else None, own_stay=_own_stay(ctx, c))
               for c in _dated_clauses(ctx, sentence, dates, event_dates)]
    if len(rows) < MIN_DATED_ROWS:
        return clauses
    # a row ends with its count: `2012년 75명 | 등 현재까지 1000명` (the total is no row's)
    return [replace(c, end=rows[c.date.start]) if c.date and c.date.start in rows else c for c in clauses]


def _finest(dates: list[Dated], rows: dict[int, int]) -> list[Dated]:
    """`올해 10월 … 해비타트Ⅲ(10월17일∼20일)에 참여`: the event's days tell its month again; a
    table's row keeps its date (`2012년 75명 등 … 2월중에`)."""
    return [d for d in dates if d.start in rows or not any(
        e.period != d.period and e.period.refines(d.period) for e in dates)]


def _counts_since(ctx: VisitContext, sentence: SentencePart, dates: list[Dated]) -> bool:
    """The sentence counts visits over time: `2015년 개소 이후 30개국 1200명이 방문했다`,
    `지금까지`, `2000년부터 … ‘07년도까지`; not `지난 22일 19명이 다녀갔으며` (a visit on a day)."""
    counted_since = any(_starts_a_period(ctx, d) for d in dates) and bool(
        ctx.within(ctx.counts, sentence.start, sentence.end))
    tally = ctx.lex.is_tally(sentence.text) and not (
        ctx.lex.is_visit_on_a_day(sentence.text) and any(d.period.day is not None for d in dates))
    return tally or _open_range(ctx.text, dates) or counted_since or any(_goes_on_since(ctx, d) for d in dates)


#: How many dates, each with its count of people, make a sentence a list of rows (a table).
MIN_DATED_ROWS = 3


def _dated_counts(ctx: VisitContext, dates: list[Dated]) -> list[tuple[Dated, int]]:
    """The dates right before a count of people (`2009년 417명`), each with the end of its
    count: rows of a table told in a line."""
    rows = []
    for date in dates:
        count = next((c for c in ctx.within(ctx.counts, date.end, date.end + _ROW_REACH)
                      if c.unit == "people" and c.start - date.end <= 1), None)
        if count is not None:
            rows.append((date, count.end))
    return rows


#: How far after a row's date its count of people may end (`2012년 1만2345명`).
_ROW_REACH = 16


def _dated_clauses(ctx: VisitContext, sentence: SentencePart, dates: list[Dated],
                   event_dates: list[Dated]) -> list[Clause]:
    """One clause per date of an event, after the visits since a date told before them."""
    leaves = departure_in(ctx, sentence)
    tally = _tally_before(ctx, sentence, dates, event_dates)
    starts = [tally.end if tally else sentence.start] + [
        _clause_start(ctx.text, before, date) for before, date in pairwise(event_dates)]
    ends = starts[1:] + [sentence.end]
    clauses = [Clause(start, end, date, leaves=leaves) for start, end, date in zip(starts, ends, event_dates)]
    return [tally, *clauses] if tally else clauses


def _tally_before(ctx: VisitContext, sentence: SentencePart, dates: list[Dated],
                  event_dates: list[Dated]) -> Clause | None:
    """`2015년 개관 이후 여러 나라 공무원들이 줄줄이 방문한 데 이어 지난 17일엔 …`: the visits
    since a date, told before a day's visit, are a tally of their own up to the report."""
    if not event_dates:
        return None
    first = event_dates[0]
    since = next((d for d in dates if d.end <= first.start and _starts_a_period(ctx, d)), None)
    if since is None or ctx.lex.visit_verb.search(ctx.text, since.end, first.start) is None:
        return None
    return Clause(sentence.start, first.start, since.with_period(since.period.through(ctx.reference)), True)


#: A comma closing a clause that ends with its date (`문화봉사단은 22∼31일, 의료봉사단은 22∼28일`,
#: `프놈펜시에서 5일부터 14일까지 10일간, 호치민시에서 …`).
_AFTER_CLAUSE_DATE = compiled_re(r"[^,\s]{0,4}(?: [^,\s]{1,4})?,")


def _clause_start(text: str, before: Dated, date: Dated) -> int:
    """Where the clause of `date` begins: after a comma closing the clause of the date before,
    else at the date itself (`23일에는 A가, 24일에는 B가`)."""
    comma = _AFTER_CLAUSE_DATE.match(text, before.end, date.start)
    return comma.end() if comma else date.start


#: How far after a first day its number of days may be told (`18일 개막해 6일간`).
_DAYS_REACH = 8
#: What joins the days of one event (`10일과 12일`, `3일, 5일`).
_DAY_LINK = compiled_re(r"(?:과|와|,|및)? ?")


def _days_of_one_event(ctx: VisitContext, days: list[Dated], dates: list[Dated]) -> list[Dated]:
    """`오는 10일과 12일 이틀간 … 로드쇼를 개최한다`: days joined and then counted are the days of
    one event, from the first to the last."""
    if len(days) < 2 or any(_DAY_LINK.fullmatch(ctx.text, a.end, b.start) is None for a, b in pairwise(days)):
        return days
    # right after the days, or later in their clause when it counts them (`19일과 20일 오후 4시부터
    # 10시까지 이틀간`)
    clause_end = _CLAUSE_END.search(ctx.text, days[-1].end)
    counted = any(d.type == "DURATION" and (0 <= d.start - days[-1].end <= 1 or (
        d.start > days[-1].end and (clause_end is None or d.end <= clause_end.start())
        and d.period.duration_days == len(days))) for d in dates)
    both = len(days) == 2 and ctx.text[days[-1].end:days[-1].end + 4].lstrip(" ").startswith(ctx.lex.both_days)
    if both or counted:
        return [days[0].with_period(days[0].period.through(days[-1].period))]
    return days


def _trip(ctx: VisitContext, dates: list[Dated]) -> Dated | None:
    """`31일 저녁 북경으로 출발해 4일 새벽에 귀국하는 일정으로`, `10일 입국해 15일 출국한다`,
    `지난 17일부터 … 참석했고 19일 귀국했다`: a day of setting off (or from which the trip is
    told) and a later day of coming back span the trip."""
    days = [d.with_period(d.period.on_its_day()) for d in dates
            if d.type in DATED_TYPES and not _hours_of_no_day(ctx, d)]
    for first in (d for d in days if ctx.text.startswith("부터", d.end)
                  or _followed_by(ctx.text, d.end, ctx.lex.trip_starts)):
        for last in days:
            if (last.start > first.end and _followed_by(ctx.text, last.end, ctx.lex.trip_ends)
                    and short_stay(first.period, last.period)):
                return first.with_period(first.period.through(last.period))
    return None


def _own_stay(ctx: VisitContext, clause: Clause) -> bool:
    """The clause's span is the visitors' own stay: from their arrival, or going on since a day up to
    the report (`지난 6일부터 … 기관을 방문하고 있다`)."""
    date = clause.date
    if date is None or not date.period.is_span:
        return False
    going_on = ctx.reference is not None and date.period.last_day == ctx.reference and any(
        verb in ctx.text[date.end:clause.end] for verb in ctx.lex.ongoing_verbs)
    return going_on or _arrival(ctx, date)


def _arrival(ctx: VisitContext, date: Dated) -> bool:
    """The date (a span's first day) is the visitors' arrival (`17일 입국한 이들은 21일까지`)."""
    return _followed_by(ctx.text, date.end, ctx.lex.arrivals)


def _dates_something_else(ctx: VisitContext, date: Dated) -> bool:
    """A date inside a modifier of another noun (`지난 4월 신축 이전한 센터`) dates that noun;
    it still dates the visit when the modifier is the visit (`19일 방문한 대표단`) or the event
    visited (`3일 열린 포럼`) or only relates its noun to another (`6일부터 …와 관련된 기관을 방문`),
    or modifies the visitors (`1월 21일에 세운 18만6천724명`)."""
    modifier = _adnominal_verb(ctx.doc, date.end)
    if modifier is None:
        return False
    verb, phrase = modifier
    words = ctx.text[date.end:verb.idx + len(verb)]
    if ctx.lex.cue(words) is not None or words.endswith(ctx.lex.events + ctx.lex.relational):
        return False
    if not len(phrase):
        return True
    if ctx.text.startswith(ctx.lex.plans, phrase.start_char):  # `진행할 예정이다`: the clause's own verb
        return False
    # the modified noun phrase's head with its suffixes (`손님들`, plural 들 aside): `… 공무원 등
    # 인력 국내 초청 연수` is a course
    head = next((i for i in range(len(phrase) - 1, -1, -1) if not phrase[i].tag_.startswith("XSN")), 0)
    names_visitors = phrase[head:].text.removesuffix("들").endswith(ctx.lex.visitor_nouns) or any(
        c.unit == "people" for c in ctx.counts.overlapping(phrase[head].idx, phrase[head].idx + 1))
    return not names_visitors


def carried_clause(ctx: VisitContext, sentence: SentencePart, event: Clause) -> Clause:
    """The previous sentence's date for visitors named next (`지난해 9월부터 운영` then
    `지금까지 27개국에서 100여명이 참여했다`: a tally from that date)."""
    period = event.date.period
    if ctx.lex.is_tally(sentence.text) and not period.is_span:
        period = period.through(ctx.reference)
    # `14일 입교식에 … 12명이 참석했다` then `이들은 오는 12월20일까지 … 강의를 듣는다`: the stay's end
    return Clause(sentence.start, sentence.end, event.date.with_period(period), period.is_span,
                  until=stay_end_in(ctx, sentence))


def _cumulative_clause(ctx: VisitContext, sentence: SentencePart, dates: list[Dated], all_dates: list[Dated]) -> Clause:
    """Visits counted since the earliest date named, up to a `…까지` or `… 기준` date, through a
    number of days (`개막(6일) 이후 8일간 누적관광객이`), or up to the reference date; a range
    given whole (`10일부터 19일까지 … 다녀갔다`) is the tally's own."""
    since = min(dates, key=lambda d: d.period)
    if ctx.text.startswith(ctx.lex.tally_ends, since.end) and since.period.grain == "month":
        # `올들어 11월까지 누적 외래 관광객은`: a month the tally runs to, from its year's first
        january = Period(f"{since.period.first_bound[:4]}-01")
        return Clause(sentence.start, sentence.end, since.with_period(january.through(since.period)), True)
    until = [d for d in dates if d is not since and ctx.text.startswith(ctx.lex.tally_ends, d.end)
             and d.period > since.period]
    if not until and since.period.is_span and since.period.end is not None:
        return Clause(sentence.start, sentence.end, since, True)
    if not until and _closed_before_the_report(ctx, sentence, since):
        return Clause(sentence.start, sentence.end, since, True)  # `지난해 120만명이 다녀갔다`: that year's
    end = until[-1].period if until else _last_of_days(since, all_dates, reach=8) or ctx.reference
    return Clause(sentence.start, sentence.end, since.with_period(_year_from_its_start(since.period, end).through(end)),
                  True)


def _year_from_its_start(since: Period, end: Period | dt.date | None) -> Period:
    """`올해 들어 현재까지`: a year counted up to a day of its own runs from its first day
    (`2006-01-01/2006-08-29`), as up to a month from its first month."""
    last = Period(end.isoformat()) if isinstance(end, dt.date) else end
    year = since.first_bound[:4]
    if last is None or since.grain != "year" or not last.first_bound.startswith(year):
        return since
    return {"day": Period(f"{year}-01-01"), "month": Period(f"{year}-01")}.get(last.grain, since)


def _closed_before_the_report(ctx: VisitContext, sentence: SentencePart, date: Dated) -> bool:
    """A period over before the report (`지난해`, `지난달`) counted only by a visit verb
    (`다녀갔다`), with nothing saying the count runs on from it (`이후`, `부터`, `지금까지`, a
    founding: `2009년 3월 구축된 상황실에는 … 다녀가며`)."""
    end = date.period.end
    return (end is not None and ctx.reference is not None and end < ctx.reference
            and ctx.lex.is_visit_on_a_day(sentence.text) and not ctx.text.startswith("부터", date.end)
            and not _starts_a_period(ctx, date) and not _dates_something_else(ctx, date))


def _ends_a_stay(ctx: VisitContext, date: Dated) -> bool:
    """`오는 5월까지 머물며`: the end of a stay whose start is not given, no visit's day."""
    return ctx.text.startswith(ctx.lex.until, date.end)


#: How far after `올해` the visit verb and the count of a year's tally are looked for.
_YEAR_VERB_REACH, _YEAR_COUNT_REACH = 12, 60


def _edition_year(ctx: VisitContext, date: Dated) -> bool:
    """`올해 포럼에는`, `올해 안에`: the year of an annual event's edition, or of no visit;
    `올해는 46개국 2215명이 방문했다` (the year as the topic) and `올해 우리나라를 찾은
    외국인들이 1천5백만 명을 넘어` (the year's visits counted) are the period the count covers."""
    if date.text not in ctx.lex.this_year or ctx.text.startswith(("는", "에는", "에만", "에도", " 들어"), date.end):
        return False
    counted = ctx.lex.visit_verb.search(ctx.text, date.end, date.end + _YEAR_VERB_REACH) is not None \
        and ctx.counts_people(date.end, date.end + _YEAR_COUNT_REACH)
    return not counted


def founding_date_in(ctx: VisitContext, sentence: SentencePart) -> Dated | None:
    """`2006년 개설됐다`, `2009년부터 이어지고 있는 사업`: where later tallies count from."""
    dates = [d for d in ctx.within(ctx.dates, sentence.start, sentence.end)
             if d.type == "DATE" and not d.period.is_span
             and (_followed_by(ctx.text, d.end, ctx.lex.founding) or _goes_on_since(ctx, d))]
    return dates[-1] if dates else None


def _goes_on_since(ctx: VisitContext, date: Dated) -> bool:
    """`2005년부터 지속되고 있는 사업으로 매년 … 초청해`: visits every year since then."""
    return ctx.text.startswith("부터", date.end) and _followed_by(ctx.text, date.end + 2, ctx.lex.ongoing)


def _span_of_days(ctx: VisitContext, sentence: SentencePart, dates: list[Dated],
                  event_dates: list[Dated]) -> list[Dated]:
    """`17일부터 3박 5일 일정으로`, `27일부터 11일간`, `지난 18일 개막해 6일간 열렸던 … 23일`: a first
    day (from which, or of arriving or opening) and a number of days span the days within;
    `지난 6일부터 … 방문하고 있다`: a stay going on since a day lasts up to the report;
    `오는 23일까지 3주 동안`: a last day and a number of days span the days before it."""
    for first in event_dates:
        end = _past_aside(ctx.text, first.end)  # `내일(10/16)부터 나흘 동안`
        if ctx.text.startswith("부터", end) or _followed_by(ctx.text, first.end, ctx.lex.trip_starts):
            last = _last_of_days(first, dates, _DAYS_REACH, end) or _going_on(ctx, sentence, first)
            if last is not None:
                return _spanning(first.with_period(first.period.through(last)), first, event_dates)
    for last in dates:
        first_day = _first_of_days(ctx, last, dates)
        if first_day is not None:
            return _spanning(last.with_period(first_day.through(last.period.on_its_day())), last, event_dates)
    return event_dates


def _spanning(span: Dated, bound: Dated, event_dates: list[Dated]) -> list[Dated]:
    """The span, and the other dates of events outside it."""
    return [span, *(d for d in event_dates if d is not bound and not d.period.within(span.period, MAX_EVENT_DAYS))]


def _past_aside(text: str, end: int) -> int:
    aside = _ASIDE.match(text, end)
    return aside.end() if aside else end


#: How far after a last day its number of days may be told (`7일 오전 … 방문을 끝으로 3박 4일`).
_LAST_DAY_REACH = 24


def _first_of_days(ctx: VisitContext, last: Dated, dates: list[Dated]) -> Period | None:
    """The first day of a stay told by its last day and, after it in the same clause, its number
    of days (`오는 23일까지 3주 동안` began on the 3rd)."""
    if last.type not in DATED_TYPES or last.period.on_its_day().day is None:
        return None
    following = ctx.text[last.end:last.end + _LAST_DAY_REACH]
    marker = ctx.lex.last_day.search(following)
    clause_end = _CLAUSE_END.search(following)
    if marker is None or (clause_end is not None and clause_end.start() < marker.start()):
        return None
    within = last.end + (clause_end.start() if clause_end else _LAST_DAY_REACH)
    for date in dates:
        days = date.period.duration_days if date.type == "DURATION" else None
        if days and last.end + marker.end() <= date.start < within:
            return last.period.on_its_day().plus_days(1 - days)
    return None


def _going_on(ctx: VisitContext, sentence: SentencePart, first: Dated) -> Period | None:
    """The report's day, when the stay from `first` goes on then (`부터 … 방문하고 있다`)."""
    if len(ctx.within(ctx.dates, first.end, sentence.end)) or ctx.reference is None:
        return None
    reported = Period(ctx.reference.isoformat())
    ongoing = any(marker in ctx.text[first.end:sentence.end] for marker in ctx.lex.ongoing_verbs)
    return reported if ongoing and short_stay(first.period, reported) else None


def stay_end_in(ctx: VisitContext, sentence: SentencePart) -> Period | None:
    """The last day of a stay told by its end (`26일까지`; `다음 주까지`: that week's last day)."""
    ends = [d.period for d in ctx.within(ctx.dates, sentence.start, sentence.end)
            if d.type == "DATE" and not d.period.is_span and _ends_a_stay(ctx, d)]
    if ends and ends[0].grain == "week" and ends[0].end is not None:
        return Period(ends[0].end.isoformat())
    return ends[0] if ends else None


def stay_length_in(ctx: VisitContext, sentence: SentencePart) -> int | None:
    """The number of days of a stay told in nights and days (`4박 5일간 머물며`)."""
    for date in ctx.within(ctx.dates, sentence.start, sentence.end):
        if date.type == "DURATION" and date.period.duration_days and ctx.lex.nights_of_stay.search(
                ctx.text, date.start, date.end):
            return date.period.duration_days
    return None


def departure_in(ctx: VisitContext, sentence: SentencePart) -> Period | None:
    """The day the visitors leave (`27일 인천공항을 통해 귀국하게 된다`)."""
    days = [d.period for d in ctx.within(ctx.dates, sentence.start, sentence.end)
            if d.type == "DATE" and d.period.day is not None and _of_the_departure(ctx, d)]
    return days[0] if days else None


def stay_through(ctx: VisitContext, sentence: SentencePart, until: Period | None,
                 opens_story: bool = False) -> Clause | None:
    """`26일까지 실시하는 연수에 … 참석했다고 22일 밝혔다`: a stay going on when reported
    lasts from the report's day to its end; so does a visit told with no start, only an end
    within weeks, after no dated visit (`오는 27일까지 … 세관직원 14명을 초청해 연수를 진행한다`)."""
    if until is None:
        return None
    dates = ctx.within(ctx.dates, sentence.start, sentence.end)
    for date in dates:
        if date.type == "DATE" and of_the_report(ctx, date) and short_stay(date.period, until):
            return Clause(sentence.start, sentence.end, date.with_period(date.period.through(until)))
    end = next((date for date in dates if date.period == until), None)
    if not opens_story or end is None or ctx.reference is None or until.day is None:
        return None
    reported = Period(ctx.reference.isoformat())
    return Clause(sentence.start, sentence.end, end.with_period(reported.through(until))) \
        if short_stay(reported, until) else None


def _starts_a_period(ctx: VisitContext, date: Dated) -> bool:
    """`2011년 자매결연 체결 이후`: the start of a period, no visit's day (with a count in
    the sentence, a tally since then)."""
    return any(marker in ctx.text[date.end:date.end + 12] for marker in ctx.lex.since)


def _not_a_day(ctx: VisitContext, date: Dated) -> bool:
    """A duration, a recurring time or the present (`3일간`, `매주`, `현재`)."""
    return date.type not in DATED_TYPES or date.period.value.endswith("_REF")


def _quoted(ctx: VisitContext, date: Dated) -> bool:
    """Inside a quotation: what a speaker recalls is not a visit the article reports."""
    return ctx.quoted(date)


def of_the_report(ctx: VisitContext, date: Dated) -> bool:
    """`28일 시에 따르면`, `15일 밝혔다`, `22일 "…"라고 말했다`; not `22일 방한했다고 밝혔다`
    (the reported clause's date)."""
    following = _following(ctx.text, date.end)
    if following.lstrip().startswith(ctx.lex.quote_openings) and ctx.quotes.overlap(date.end, date.end + len(following)):
        return True  # `단장은 22일 "… 참가한다"며`: the day of the speech (not `20일 '행사명' 행사를`)
    return any(marker in ctx.lex.quotative.split(following)[0] for marker in ctx.lex.attribution) \
        or _source_after(ctx, date)


#: How far after a report's date the source's name may reach (`28일 울산시와 엑스포조직위원회에 따르면`).
_SOURCE_REACH = 40


def _source_after(ctx: VisitContext, date: Dated) -> bool:
    """Only nouns (the source's name) between the date and its attribution: `28일 울산시와
    엑스포조직위원회에 따르면`; not `28일 방문한 대표단에 따르면` (a verb: the visit's day)."""
    clause = _CLAUSE_END.split(ctx.text[date.end:date.end + _SOURCE_REACH], 1)[0]
    at = min((clause.find(m) for m in ctx.lex.attribution if m in clause), default=-1)
    span = ctx.doc.char_span(date.end, date.end + at, alignment_mode="expand") if at > 0 else None
    return span is not None and not any(
        tok.tag_.startswith("V") or any(ending in tok.tag_ for ending in ("ETM", "EC", "EF")) for tok in span)


def of_a_comparison(ctx: VisitContext, date: Dated) -> bool:
    """`지난해보다 14만명 증가`, `전년 대비`, `전년 동월(111만명) 대비`, `지난해 관람객 75만명에
    비해`, `지난해 1월 8만명이 찾았던 것과 비교하면`: the date of the figure compared with."""
    aside = _ASIDE.match(ctx.text, date.end)
    if ctx.text.startswith(ctx.lex.comparison, aside.end() if aside else date.end):
        return True
    return _compared_count(ctx, date) is not None


def _compared_count(ctx: VisitContext, date: Dated) -> Count | None:
    """The count compared with in the clause of `date` (`지난해 같은 달(1162명)보다`, `2028년
    153만명보다`, `지난해 1월 8만명이 찾았던 것과 비교하면`), if any."""
    clause = _CLAUSE_END.search(ctx.text, date.end, date.end + _COMPARED_REACH)
    end = clause.start() if clause else date.end + _COMPARED_REACH
    later = next((d.start for d in ctx.within(ctx.dates, date.end, end)), end)
    counts = [c for c in ctx.within(ctx.counts, date.end, later) if c.unit not in _ORIGIN_UNITS]
    compared = next((count for count in counts if _COMPARED_COUNT.match(ctx.text, count.end)), None)
    if compared is not None:
        return compared
    # `전년 동월(111만명) 대비`: the date's own figure, not a later one (`126만명으로 전년 동월(…)`)
    return counts[0] if counts and ctx.compared(counts[0]) else None


def compared_figures(ctx: VisitContext, sentence: SentencePart) -> list[tuple[Dated, Count]]:
    """Each earlier period or day a count of people is compared with, and that count: a
    visit of its own (`전년 동월(111만명) 대비`, `지난해 상반기 14개국 122명과 비교해`)."""
    figures = []
    if ctx.lex.outbound.search(sentence.text):
        return figures  # the host's people going abroad (`내국인 출국자는 전년(…)보다`)
    for date in ctx.within(ctx.dates, sentence.start, sentence.end):
        count = _compared_count(ctx, date) if date.type in DATED_TYPES and not _quoted(ctx, date) else None
        if count is not None and count.unit == "people":
            figures.append((date, count))
    return figures


def _of_the_departure(ctx: VisitContext, date: Dated) -> bool:
    """`4일 출국했다`: the visitors leave that day."""
    return any(word in ctx.text[date.end:date.end + 12] for word in ctx.lex.departure)


def _naming_an_edition(ctx: VisitContext, date: Dated) -> bool:
    """`2022년 대전 세계지방정부연합 총회에 참가한`: the year names the event's edition."""
    return date.period.grain == "year" and ctx.lex.edition.match(ctx.text, date.end) is not None


def _apposed_to_a_day(ctx: VisitContext, date: Dated) -> bool:
    """`개막 전날인 16일`: the day named right after (`…인`) is the one the date means."""
    apposition = _APPOSITION.match(ctx.text, date.end)
    return apposition is not None and any(d.start == apposition.end() for d in ctx.dates.overlapping(
        apposition.end(), apposition.end() + 1))


def _of_a_founding(ctx: VisitContext, date: Dated) -> bool:
    """`상황실을 리모델링해 지난 12일 오픈하고`, `15일 개관한 센터`: the day a place opened, no
    visit's day (in a tally, its start)."""
    return _followed_by(ctx.text, date.end, ctx.lex.founding)


def _as_of(ctx: VisitContext, date: Dated) -> bool:
    """`이달 현재 60개국에서 참가 신청을 했다`, `8월 5일 기준`: the day a count stands at, no
    visit's day (in a tally, its end); but the month a stock of visitors is counted at dates that
    count (`지난해 4월 현재 외국인 유학생은 12만3858명`; a day's count since the year's start is a tally)."""
    return ctx.text.startswith(ctx.lex.as_of, date.end) and not _stock_counted(ctx, date)


#: How far after its as-of day a stock's count may come (`4월 현재 국내 외국인 유학생은 12만명`).
_STOCK_REACH = 40


def _stock_counted(ctx: VisitContext, date: Dated) -> bool:
    if date.period.grain != "month":
        return False
    following = _CLAUSE_END.split(ctx.text[date.end:date.end + _STOCK_REACH], 1)[0]
    return ctx.lex.stock_count.match(following) is not None


def _hours_of_no_day(ctx: VisitContext, date: Dated) -> bool:
    """Hours of no particular day (`운영시간은 10시에서 20시까지`)."""
    return date.type == "TIME" and date.period.grain != "time"


#: Why a date of a sentence is no day of the visit it tells: (check, whether it also holds in a
#: tally). In a tally (`개소한 이래 … 다녀갔다`) a stay's end, a period's start or a modified
#: noun's date bounds the count instead.
DATE_CHECKS = (
    (_not_a_day, True),
    (_hours_of_no_day, True),
    (_apposed_to_a_day, True),
    (_quoted, True),
    (_edition_year, True),
    (of_the_report, True),
    (of_a_comparison, True),
    (_of_the_departure, True),
    (_naming_an_edition, True),
    (_ends_a_stay, False),
    (_as_of, False),
    (_of_a_founding, False),
    (_starts_a_period, False),
    (_dates_something_else, False),
)


def _visit_days(ctx: VisitContext, dates: list[Dated], cumulative: bool) -> list[Dated]:
    """The dates no check of DATE_CHECKS rules out; a time as the day it falls on."""
    checks = [check for check, in_tally in DATE_CHECKS if in_tally or not cumulative]
    return [date.with_period(date.period.on_its_day()) if date.type == "TIME" else date
            for date in dates if not any(check(ctx, date) for check in checks)]


def _last_of_days(first: Dated, dates: list[Dated], reach: int, end: int | None = None) -> Period | None:
    """The last day of a number of days or months (`3박 5일`, `8일간`, `한 달간`) given within
    `reach` characters after the first day (or `end`, past an aside): `17일부터 3박 5일` ends on
    the 21st."""
    if first.period.day is None:
        return None
    end = first.end if end is None else end
    for date in dates:
        last = first.period.last_day_of_stay(date.period) if date.type == "DURATION" else None
        if last is not None and 0 <= date.start - end <= reach:
            return last
    return None

def _followed_by(text: str, end: int, words: tuple[str, ...]) -> bool:
    following = text[end:end + 12]
    return any(word in following for word in words)


def _following(text: str, end: int) -> str:
    """The sixteen characters after `end`, asides in parentheses left out (`30일 구의회(의장 …)에
    따르면`, `10일 전국 지자체 등에 따르면`)."""
    return PARENTHESES.sub("", text[end:end + 40])[:16]


def _adnominal_verb(doc: Doc, offset: int, reach: int = 10):
    """The noun modifier right after `offset`, if any: (its verb token, the noun phrase it
    modifies). `지난 4월 [신축 이전한] 센터`, `2020년초 [코로나19 확산으로 중단했던] 연수`:
    the first ending after the date closes either a modifier (ETM) or the clause."""
    text_end = doc[-1].idx + len(doc[-1]) if len(doc) else 0
    span = doc.char_span(offset, offset + 1, alignment_mode="expand") if offset < text_end else None
    index = span.start if span is not None else len(doc)
    seen = 0
    for tok in doc[index:]:
        if tok.tag_ == "_SP" or tok.idx < offset:
            continue
        # `자매도시인 옌타이` is an apposition; `다롄` read as 다례+ᆫ is a name Kiwi split
        if "ETM" in tok.tag_ and not tok.tag_.startswith(("VCP", "NN")):
            return tok, _noun_phrase_after(doc, tok.i + 1)
        goes_on = tok.i + 1 < len(doc) and doc[tok.i + 1].tag_.startswith("VX")  # `실시되고 있는`
        closes_clause = tok.text not in ("부터", "까지") and not goes_on and any(
            tag in tok.tag_ for tag in ("JKS", "JKC", "JKG", "JX", "EC", "EF", "SF", "SP"))
        if closes_clause or seen >= reach:
            return None
        seen += 1
    return None


def _noun_phrase_after(doc: Doc, index: int):
    end = index
    while end < len(doc) and (nominal(doc[end]) or doc[end].tag_ in ("_SP", "SP", "SC")):
        end += 1
    return doc[index:end]


def _after_the_report(ctx: VisitContext, date: Dated) -> bool:
    start = date.period.start
    return start is not None and ctx.reference is not None and start > ctx.reference


def _open_range(text: str, dates: list[Dated]) -> bool:
    """`2000년부터 시작해 … ‘07년도까지 39개국 135명`: a start and a later end given apart."""
    starts = [d for d in dates if text.startswith("부터", d.end)]
    return any(text.startswith("까지", d.end) and d.start > starts[0].end for d in dates) if starts else False
