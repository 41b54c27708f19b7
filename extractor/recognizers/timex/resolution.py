"""Resolving a Korean temporal expression to a TIMEX3 value: fields of the pieces grammar.py
joined (`지난` `6월` `26일`) become a Point (a datetime and its grain) against the context (the
reference date, the anchor day `이날` means, the year last named), then a value."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import Timex
from ...nlp.korean import SENTENCE_END, one_of, report_verbs
from ...pattern_cache import compiled
from .atoms import COMPARED_AFTER, LEXICON

if TYPE_CHECKING:
    from .grammar import Group

_RANGE_CLOSE = compiled(one_of(LEXICON["range_closers"]))
PREFIX_FIELDS = {"direction", "approximately", "every"}
_DAILY_HOURS = compiled(one_of(LEXICON["daily_hours_words"]) + r"(?:은|는|이|:)?\s?$")
_SECOND_GRAINS = ("hour", "minute", "second")
#: a past or coming stretch of one of these units is that one year, month or day (`지난 한 해` → `2008`, not
#: `2008/2008`); one hour stays an interval of hours, as the duckling peer suite writes `지난 1시간`
_CALENDAR_GRAINS = ("year", "month", "day")
_FINER = {"years": "month", "months": "day", "weeks": "day", "days": "hour", "hours": "minute",
          "minutes": "second", "seconds": "second"}
_GRAIN_ORDER = ["century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend", "day", "part",
                "hour", "minute", "second"]


@dataclass
class Point:
    when: dt.datetime
    grain: str
    code: str | None = None


@dataclass
class Context:
    now: dt.datetime
    has_clock: bool
    utc_offset_hours: float | None
    anchor: dt.date
    #: the year the text last named (`이듬해`, `그해` count from it)
    anchor_year: int
    #: the first and last day of the last stretch of days the text gave (`첫째 날` counts from it)
    span: tuple[dt.date, dt.date] | None = None
    #: where the last month given with its year ended, and that month (`내년 4월`)
    dated_month: tuple[int, dt.date] | None = None
    #: where the last year named alone ended, and that year (`지난해 관광객은 … 12월에`)
    dated_year: tuple[int, int] | None = None
    #: whether a day of the story has been named (till then the report's own day stands for it)
    anchor_named: bool = False
    #: the month, day or stretch the text is about (`전년 동월`, `같은 기간` say it again)
    focus: tuple[Point, Point | None] | None = None
    #: a whole year was named outright after the focus (`1~9월 … 금년 관광객은 전년보다`)
    year_after_focus: bool = False
    #: where a day that opens a stretch ended (`10일부터 …`), and that day
    opened: tuple[int, dt.date] | None = None
    #: where a day that closes a stretch ended, after its `까지` (`17일까지 …`), and that day
    closed: tuple[int, dt.date] | None = None
    #: where the last day named ended, and the first and last day of the run of days told one after the
    #: next it ends (`26일과 27일 양일에 걸쳐`)
    run: tuple[int, dt.date, dt.date] | None = None

    @property
    def today(self) -> dt.date:
        return self.now.date()


def resolve(text: str, first: Group, last: Group | None, ctx: Context) -> Timex | None:
    """The Timex of an expression (`first` alone) or a range, resolved in `ctx` (which it moves on:
    the anchor day, the year last named)."""
    return _resolve_one(text, first, ctx) if last is None else _resolve_range(text, first, last, ctx)


def _resolve_one(text: str, first: Group, ctx: Context) -> Timex | None:
    fields = _compared_with_focus(text, first, _in_year_of_month_before(text, first, ctx), ctx)
    value = _single_value(fields, ctx)
    if value is None:
        return None
    kind, value, point = value
    if point is not None and kind == "DATE" and fields.keys() == {"day"} and _told_ahead(text, first, point, ctx):
        point = _next_month_day(fields["day"], point.when.date())
        value = point.when.date().isoformat()
    if point is not None and not _COMPARED.match(text, first.end):
        _move_context(text, first, point, ctx)
    if "duration" in fields:
        _stretch_of_days(text, first, fields["duration"], ctx)
    if kind == "TIME" and _daily_hours(text, first):
        value = _without_day(value)
    return Timex(text=text[first.start:first.end], start=first.start, end=first.end, type=kind, value=value)


#: How far before the report a bare day's reading in the report's month lies, and how near after it its
#: reading in the next month, for a day told of what is still to come to be the next month's.
_FAR_BEHIND, _NEAR_AHEAD = 14, 7
#: The verb of a date's clause: the first word ending in 다 (`들어온다`, `예정이다`, `방문했다고`).
_CLAUSE_VERB = compiled(r"(\p{Hangul}*)(\p{Hangul})다(?:고|며|는)?(?!\p{Hangul})")
#: A Hangul syllable's final consonant ㄴ before 다 (`온다`, `연다`, `갖는다`): the plain present, told of
#: what is to come; the past (`왔다`) and the copula (`차이다`) are not.
_FINAL_N = 4
_PLANNED = ("예정", "계획")


def _told_ahead(text: str, group: Group, point: Point, ctx: Context) -> bool:
    """A bare day said near a month's end whose reading in that month lies weeks behind, in a clause
    telling what is to come (`1일부터 3박 4일간 … 부산항에 들어온다` on 28 February): the next month's."""
    day = point.when.date()
    following = _next_month_day(day.day, day)
    if following is None or (ctx.today - day).days <= _FAR_BEHIND \
            or not 0 <= (following.when.date() - ctx.today).days <= _NEAR_AHEAD:
        return False
    sentence_end = SENTENCE_END.search(text, group.end)
    verb = _CLAUSE_VERB.search(text, group.end, sentence_end.start() if sentence_end else len(text))
    return verb is not None and (verb[1].endswith(_PLANNED) or (ord(verb[2]) - 0xAC00) % 28 == _FINAL_N)


def _move_context(text: str, group: Group, point: Point, ctx: Context) -> None:
    """A day named outright becomes the anchor (`이날`); a year named, the year last named. The
    report's own day (`… 22일 밝혔다. 이날 오전 …`) is the anchor only until a day of the story is named.
    A month of an earlier year than the one in focus is background (`올해 1월 … 지난해 10월 시행된 무비자
    덕에 지난해 같은 달보다`), not the period a later `같은 달` says again."""
    if point.grain in ("day", "part", "hour", "minute", "second") and _in_focus(text, group):
        reported = bool(_REPORTED.match(text, group.end))
        if not (reported and ctx.anchor_named):
            ctx.anchor = point.when.date()
            ctx.anchor_named = not reported
    if _YEAR_FIELDS & group.fields.keys():
        ctx.anchor_year = point.when.year
        if point.grain == "month":
            ctx.dated_month = (group.end, point.when.date())
        if point.grain == "year" and not _BOUNDS_A_STRETCH.match(text, group.end):
            ctx.dated_year = (group.end, point.when.year)
        ctx.year_after_focus = point.grain == "year"
    if _GRAIN_ORDER.index(point.grain) > _GRAIN_ORDER.index("year") and not _report_day(text, group, point) \
            and (ctx.focus is None or point.when.year >= ctx.focus[0].when.year):
        ctx.focus = (point, None)
        ctx.year_after_focus = False
    if group.open_start and point.grain == "day":
        ctx.opened = (group.end, point.when.date())
    closer = _RANGE_CLOSE.match(text, group.end)
    if closer and point.grain == "day":
        ctx.closed = (closer.end(), point.when.date())
    if point.grain == "day":
        _run_of_days(text, group, point.when.date(), ctx)


def _report_day(text: str, group: Group, point: Point) -> bool:
    """`21일 발표한`, `24일 시에 따르면`: the day of the report is no period the figures are about; the
    month of a report (`2월 통계월보에 따르면`) is."""
    return _GRAIN_ORDER.index(point.grain) >= _GRAIN_ORDER.index("day") and bool(_REPORTED.match(text, group.end))


def _run_of_days(text: str, group: Group, day: dt.date, ctx: Context) -> None:
    """Days named together one after the next (`26일과 27일`, `5·6·7일`) are the stretch a trip's
    `1일 차`, `둘째 날` count in."""
    run = ctx.run
    if run is not None and day == run[2] + dt.timedelta(days=1) and _COORDINATED.fullmatch(text, run[0], group.start):
        ctx.span = (run[1], day)
        ctx.run = (group.end, run[1], day)
    else:
        ctx.run = (group.end, day, day)


_COORDINATED = compiled(rf"[ \t]?{one_of(LEXICON['coordinators'])}[ \t]?")
#: `10일부터 사흘 일정으로`, `17일부터 2박 3일간`: a day and the days from it
_OPENS_STRETCH = compiled(rf"[ \t]?{one_of(LEXICON['range_joiners'])}[ \t]?")
#: `17일까지 이틀간`: a day and the days up to it (what follows its `까지`)
_CLOSES_STRETCH = compiled(r"[ \t]?")
_DAYS_IN = {"days": 1, "weeks": 7}


def _stretch_of_days(text: str, group: Group, quantity: dict, ctx: Context) -> None:
    """The stretch of days a first or last day and a count of days give (`16일부터 이틀간`, `17일까지
    이틀간`): `첫째 날`, `둘째 날` count in it. The story is told on the first day the text opened
    the stretch with (`이튿날`)."""
    unit, amount = _unit(quantity)
    if unit not in _DAYS_IN or not isinstance(amount, int):
        return
    days = dt.timedelta(days=amount * _DAYS_IN[unit] - 1)
    if ctx.opened is not None and _OPENS_STRETCH.fullmatch(text, ctx.opened[0], group.start):
        first_day = ctx.opened[1]
        ctx.span = (first_day, first_day + days)
        ctx.anchor, ctx.anchor_named = first_day, True
    elif ctx.closed is not None and _CLOSES_STRETCH.fullmatch(text, ctx.closed[0], group.start):
        ctx.span = (ctx.closed[1] - days, ctx.closed[1])


def _resolve_range(text: str, first: Group, last: Group, ctx: Context) -> Timex | None:
    points = _range_points(first.fields, last.fields, ctx)
    if points is None:
        return None
    begin, finish = points
    end = last.end
    if not _COMPARED.match(text, end):
        _move_context_to_range(first, last, begin, finish, ctx)
    closer = _RANGE_CLOSE.match(text, end)
    if closer:
        end = closer.end()
    kind = "TIME" if has_time(first.fields) or has_time(last.fields) else "DATE"
    value = f"{_format(begin)}/{_format(finish)}"
    if kind == "TIME" and _daily_hours(text, first):
        value = "/".join(_without_day(bound) for bound in value.split("/"))
    return Timex(text=text[first.start:end], start=first.start, end=end, type=kind, value=value)


def _move_context_to_range(first: Group, last: Group, begin: Point, finish: Point, ctx: Context) -> None:
    if begin.grain == finish.grain == "day":
        ctx.span = (begin.when.date(), finish.when.date())
    if _YEAR_FIELDS & (first.fields.keys() | last.fields.keys()):
        ctx.anchor_year = finish.when.year
    ctx.focus = (begin, finish)
    ctx.year_after_focus = False


def _compared_with_focus(text: str, group: Group, fields: dict, ctx: Context) -> dict:
    """`8월 관광객은 1년 전보다 8% 늘었다`: a year back, as what the months in focus are compared with,
    is those months a year earlier (as `전년 동월`); `전월 대비`, the month before the one in focus. A
    bare `전년` compared with stays the year before (CONTRACT.md rulings: `전년대비` → the year)."""
    if ctx.focus is None or ctx.year_after_focus or ctx.focus[0].grain != "month" \
            or ctx.focus[0].when.date() > ctx.today or not _COMPARED.match(text, group.end):
        return fields  # (months yet to come are no figures reported and compared)
    if _a_year_back(fields):
        return {"year_anchor_shift": -1, "same_period": "period"}
    if text[group.start:group.end] in _MONTH_BEFORE_FOCUS and ctx.focus[1] is None:
        month = _add_months(ctx.focus[0].when.date().replace(day=1), -1)
        return {"year": month.year, "month": month.month}
    return fields


def _a_year_back(fields: dict) -> bool:
    """`1년 전보다`: as what the months in focus are compared with, the same months a year earlier."""
    offset = fields.get("offset")
    return fields.keys() == {"offset"} and _unit(offset) == ("years", 1) and offset["sign"] < 0


def _in_year_of_month_before(text: str, group: Group, ctx: Context) -> dict:
    """`내년 4월에 구축하고 5월에 개시한다`: a bare later month in the same sentence as a month
    given with its year goes on in that year; so does any bare month after a year named alone
    (`지난해 관광객은 12월에 가장 많았다`), unless a month with its year came between."""
    fields = group.fields
    if fields.keys() != {"month"}:
        return fields
    year_end, year = ctx.dated_year or (-1, None)
    month_end, month = ctx.dated_month or (-1, None)
    if year is not None and year_end > month_end and _same_sentence(text, year_end, group.start):
        return {**fields, "year": year}
    if month is not None and _same_sentence(text, month_end, group.start) and fields["month"] > month.month:
        return {**fields, "year": month.year}
    return fields


def _same_sentence(text: str, end: int, start: int) -> bool:
    between = text[end:start]
    return len(between) <= 60 and not SENTENCE_END.search(between)


#: `… 연다고 24일 밝혔다. 이날 …`, `24일 시에 따르면`: the day of the report is no day `이날` can mean.
_REPORTED = compiled(rf"\s?(?:{one_of(report_verbs())}|\S{{1,20}}?{one_of(LEXICON['report_sources'])})")
#: `2019년 1월 대비`, `전년보다`, `작년(37만명)보다`: a date compared with is no date the story is told on
_COMPARED = compiled(COMPARED_AFTER)
#: `2030년까지`, `2019년부터`, `2019년 이후`: a year that bounds a stretch is no year a later month is in
_BOUNDS_A_STRETCH = compiled(rf"\s?{one_of(LEXICON['range_joiners'] + LEXICON['range_closers'] + list(LEXICON['offset_suffixes']))}")
_MONTH_BEFORE_FOCUS = frozenset(LEXICON["month_before_focus"]) | LEXICON["compared_months"].keys()


def _in_focus(text: str, group: Group) -> bool:
    """A day the story is told on: not the start of a range nor a day as a deadline (`26일까지 실시하는
    연수에 … 참석했다고 22일 밝혔다. 이날 오전 …`; an hour as one, `어젯밤 9시까지 접수된`, is on it)."""
    deadline = _RANGE_CLOSE.match(text, group.end) and not has_time(group.fields)
    return not group.open_start and _moves_anchor(group.fields) and not deadline


def _moves_anchor(fields: dict) -> bool:
    """A day named outright, or the story moving on (`이튿날`); `전날` only looks back."""
    return bool({"day", "day_shift", "span_day"} & fields.keys()) or fields.get("anchor_shift", 0) > 0


def _daily_hours(text: str, group: Group) -> bool:
    """Opening hours (`운영시간은 10시에서 20시까지`) name no day of their own."""
    if group.daily:
        return True
    return not DATE_FIELDS & group.fields.keys() and bool(_DAILY_HOURS.search(text, max(0, group.start - 12),
                                                                                   group.start))


def _without_day(value: str) -> str:
    """`2024-05-02T09:00` → `T09:00`; a bound with no time of day (`~이날` closing hours) stays as it is."""
    _, time_mark, time = value.partition("T")
    return time_mark + time if time_mark else value


def _range_points(first: dict, last: dict, ctx: Context) -> tuple[Point, Point] | None:
    """Both ends of `A부터 B까지`: B lends A the month or year A leaves out (`29일부터 11월 1일까지`)."""
    begin = _point(first, ctx, None)
    if not first.keys() & _RELATIVE_FIELDS:
        finish_alone = _point(last, ctx, None)
        if finish_alone is not None and finish_alone.grain == "day" and "day" in first \
                and not first.keys() & {"month", "year"} and last.keys() & {"month", "month_shift"}:
            begin = _day_up_to(first["day"], finish_alone.when.date())
        elif finish_alone is not None and "month" in first and "year" not in first and last.keys() & _FIXES_YEAR:
            year = finish_alone.when.year - (first["month"] > finish_alone.when.month)
            begin = _point({**first, "year": year}, ctx, None)
    finish = _point(last, ctx, begin) if begin else None
    if begin is not None and finish is not None and finish.when < begin.when and "month" in last \
            and not last.keys() & _YEAR_FIELDS:  # `12월 31일부터 1월 2일까지`: the end is in the next year
        finish = _point({**last, "year": begin.when.year + 1}, ctx, begin)
    if begin is not None and finish is not None and finish.when < begin.when and last.keys() == {"day"}:
        finish = _next_month_day(last["day"], begin.when.date())  # `29일부터 1일까지`: the 1st after the 29th
    if begin is None or finish is None or finish.when < begin.when:
        return None
    return begin, finish


def _next_month_day(day: int, after: dt.date) -> Point | None:
    month = _add_months(after.replace(day=1), 1)
    if day > calendar.monthrange(month.year, month.month)[1]:
        return None
    return Point(_midnight(month.replace(day=day)), "day")


def _day_up_to(day: int, last: dt.date) -> Point | None:
    """The latest date on `day` that is not after `last` (in its month or the month before)."""
    month = last.replace(day=1) if day <= last.day else _add_months(last.replace(day=1), -1)
    if day > calendar.monthrange(month.year, month.month)[1]:
        return None
    return Point(_midnight(month.replace(day=day)), "day")


# --- resolving ------------------------------------------------------------------------------------

DATE_FIELDS = {"century", "decade", "year", "year_shift", "year_anchor_shift", "month", "month_shift", "day", "day_shift", "anchor_shift",
                "weekday", "week_shift", "holiday", "span_day", "every"}
_RELATIVE_FIELDS = {"direction", "day_shift", "anchor_shift", "month_shift", "year_shift", "week_shift", "span_day",
                    "year_anchor_shift"}
_YEAR_FIELDS = {"year", "year_shift", "year_anchor_shift"}
#: what fixes the year of a range's end, so that a bare month before it takes the year that makes the
#: range run forward (`10월부터 지난달까지`, `11월부터 2024년 2월까지`)
_FIXES_YEAR = {"year", "month_shift"}


def has_time(fields: dict) -> bool:
    return bool(fields.keys() & {"clock", "part_of_day", "clock_word"})


def _single_value(fields: dict, ctx: Context) -> tuple[str, str, Point | None] | None:
    if "duration" in fields:
        return ("SET" if fields.get("recurring") else "DURATION"), _duration(fields["duration"]), None
    if "every" in fields:
        value = _set_value(fields)
        return ("SET", value, None) if value else None
    if "present" in fields:
        return "DATE", "PRESENT_REF", None
    if "same_period" in fields:
        return _same_period(fields, ctx)
    if "offset" in fields:
        point = _offset(fields["offset"], ctx)
        return ("TIME" if point.grain in _SECOND_GRAINS else "DATE"), _format(point), point
    if "quantity" in fields:
        span = _quantity_interval(fields["quantity"], fields["direction"], ctx)
        if span is None:
            return None
        if span[0] == span[1] and span[0].grain in _CALENDAR_GRAINS:
            return "DATE", _format(span[0]), None
        return ("TIME" if span[0].grain in _SECOND_GRAINS else "DATE"), f"{_format(span[0])}/{_format(span[1])}", None
    point = _point(fields, ctx, None)
    if point is None:
        return None
    return ("TIME" if has_time(fields) else "DATE"), _format(point), point


def _same_period(fields: dict, ctx: Context) -> tuple[str, str, None] | None:
    """`같은 기간` is the stretch in focus again; `전년 동월`, `2019년 같은 달`, `지난해 동기` the month
    or stretch in focus in another year."""
    if ctx.focus is None:
        return _year_of_no_focus(fields, ctx)
    first, last = ctx.focus
    if fields["same_period"] == "month":
        first, last = Point(_truncate(first.when, "month"), "month"), None
    years = _year_of_same_period(fields, ctx, first.when.year) - first.when.year
    if years and last is None and first.grain == "day":
        first, last = Point(_truncate(first.when, "year"), "day"), first
    points = [Point(_shift(point.when, "years", years), point.grain, point.code) for point in (first, last) if point]
    kind = "TIME" if points[0].grain in _SECOND_GRAINS else "DATE"
    return kind, "/".join(_format(point) for point in points), None


def _year_of_no_focus(fields: dict, ctx: Context) -> tuple[str, str, None] | None:
    """`지난해 방문객은 전년 동기 대비 늘었다`: with no month or stretch in focus, a year's same period
    is that year."""
    if not fields.keys() & _YEAR_FIELDS:
        return None
    year = _year_of_same_period(fields, ctx, ctx.anchor_year)
    return "DATE", _format(Point(dt.datetime(year, 1, 1), "year")), None


def _year_of_same_period(fields: dict, ctx: Context, focus_year: int) -> int:
    if "year" in fields:
        return fields["year"]
    if "year_shift" in fields:
        return ctx.today.year + fields["year_shift"]
    return focus_year + fields.get("year_anchor_shift", 0)


def _point(fields: dict, ctx: Context, base: Point | None) -> Point | None:
    try:
        day = _date_point(fields, ctx, base)
        if not has_time(fields):
            return day
        return _time_point(fields, ctx, day, base)
    except ValueError:  # an impossible date such as 2월 30일
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


#: what a step of _date_point returns when its fields are not there
_NOT_HERE = object()


def _date_point(fields: dict, ctx: Context, base: Point | None) -> Point | None:
    point = _day_or_span_point(fields, ctx)
    if point is not _NOT_HERE:
        return point
    year = fields.get("year", ctx.today.year + fields["year_shift"] if "year_shift" in fields else None)
    if "year_anchor_shift" in fields:
        year = ctx.anchor_year + fields["year_anchor_shift"]
    point = _part_of_year_point(fields, year, ctx)
    if point is not _NOT_HERE:
        return point
    return _month_point(fields, year, ctx, base)


def _day_or_span_point(fields: dict, ctx: Context):
    """A day counted from today or the anchor, a holiday, a decade, a week (or _NOT_HERE)."""
    today = ctx.today
    if "span_day" in fields and not fields.keys() & {"month", "month_shift", "day"}:
        return _span_day(fields, ctx)
    if "day_shift" in fields or "anchor_shift" in fields:
        origin = today if "day_shift" in fields else ctx.anchor
        day = origin + dt.timedelta(days=fields.get("day_shift", fields.get("anchor_shift", 0)))
        if "day" in fields:
            day = day.replace(day=fields["day"])
        return Point(_midnight(day), "day")
    if "holiday" in fields and "month" not in fields:  # `8월 15일 광복절`: the date says it
        return Point(_midnight(_holiday(fields, today, fields.get("direction"))), "day")
    if "decade" in fields:
        return Point(_midnight(dt.date(fields["decade"] * 10, 1, 1)), "decade")
    if "century" in fields:
        return Point(_midnight(dt.date(max(fields["century"] * 100, 1), 1, 1)), "century")
    if "week_shift" in fields:
        return _week_point(fields, today)
    return _NOT_HERE


def _part_of_year_point(fields: dict, year: int | None, ctx: Context):
    """A quarter, a half, a season or a part of the year (or _NOT_HERE)."""
    today = ctx.today
    if "quarter_shift" in fields:
        first = _add_months(dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1), 3 * fields["quarter_shift"])
        return Point(_midnight(first), "quarter")
    if "quarter" in fields:
        return Point(_midnight(dt.date(year or today.year, fields["quarter"] * 3 - 2, 1)), "quarter")
    if "half" in fields:
        first_month = {"H1": 1, "H2": 7, "current": 1 if today.month < 7 else 7}[fields["half"]]
        return Point(_midnight(dt.date(year or today.year, first_month, 1)), "half")
    if "season" in fields:
        return _season_point(fields, year, today, fields.get("direction"))
    if "year_part" in fields and not fields.keys() & {"month", "month_shift"}:
        month = fields["year_part"]
        return Point(_midnight(dt.date(year or today.year, month or 1, 1)), "month" if month else "year")
    return _NOT_HERE


def _month_point(fields: dict, year: int | None, ctx: Context, base: Point | None) -> Point | None:
    today, direction = ctx.today, fields.get("direction")
    month = None
    if "month_shift" in fields:
        first = _add_months(today.replace(day=1), fields["month_shift"])
        year, month = first.year, first.month
    elif "month" in fields:
        month = fields["month"]
    if month is None:
        return _without_month(fields, year, today, direction, base, _latest_named_day(ctx, fields.get("day")))
    if year is None:
        year = _year_for(month, fields.get("day"), today, direction, base)
    return _within_month(fields, year, month)


def _latest_named_day(ctx: Context, day: int | None) -> dt.date:
    """The anchor, or a later day a stretch opened on (`다음달 1일부터 입촌한다. 입촌식은 7일 …`), or the
    end of the stretch just told when the day falls within a week after it (`31일부터 다음달 3일까지 일정을
    마친 뒤 4일 출국`): a schedule told from it goes on from it."""
    latest = max(ctx.anchor, ctx.opened[1]) if ctx.opened else ctx.anchor
    if ctx.span is None or day is None:
        return latest
    after = _day_in_month(ctx.span[1], day)
    return max(latest, ctx.span[1]) if after is not None and 0 < (after - ctx.span[1]).days <= 7 else latest


def _year_for(month: int, day: int | None, today: dt.date, direction: str | None, base: Point | None) -> int:
    if base is not None and direction is None:
        return base.when.year
    year = today.year
    if direction == "past" and (month, day or 0) > (today.month, today.day):
        year -= 1
    elif direction == "future" and ((month, day or 32) < (today.month, today.day) if day else month <= today.month):
        year += 1
    return year


def _within_month(fields: dict, year: int, month: int) -> Point:
    if "weekday_ordinal" in fields:
        rank, weekday = fields["weekday_ordinal"]
        days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
                if dt.date(year, month, d).isoweekday() == weekday]
        return Point(_midnight(dt.date(year, month, days[rank - 1 if rank > 0 else -1])), "day")
    if fields.get("span_day") == -1 and "day" not in fields:
        return Point(_midnight(dt.date(year, month, calendar.monthrange(year, month)[1])), "day")
    if "span_day" in fields and "day" not in fields:
        return Point(_midnight(dt.date(year, month, fields["span_day"])), "day")
    if "week_ordinal" in fields:
        week = _week_of_month(year, month, fields["week_ordinal"])
        if "weekday" in fields:  # `10월 첫째 주 월요일`: a day of that week
            return Point(week.when + dt.timedelta(days=fields["weekday"] - 1), "day")
        return week
    if "day" in fields:
        return Point(_midnight(dt.date(year, month, fields["day"])), "day")
    return Point(_midnight(dt.date(year, month, 1)), "month")


def _span_day(fields: dict, ctx: Context) -> Point | None:
    """`둘째 날`, `마지막 날`, `2일 차`, `5일째인 금요일`: a day of the last stretch given, or none when
    a weekday given with it does not fall on that day. A stretch given by one end alone (`오는 10일부터
    실시한다 … 첫날`, `17일까지 … 마지막 날`) counts from it; with neither given, `첫날` is a day of the story
    named before (`25일 개막했다. 첫날 …`), and an undated trip's days are no dates."""
    if ctx.span is None:
        return _day_from_one_end(fields, ctx)
    first, last = ctx.span
    day = last if fields["span_day"] == -1 else first + dt.timedelta(days=fields["span_day"] - 1)
    if day > last or ("weekday" in fields and day.isoweekday() != fields["weekday"]):
        return None
    return Point(_midnight(day), "day")


def _day_from_one_end(fields: dict, ctx: Context) -> Point | None:
    """A day of a stretch given by its first day alone, or `마지막 날` of one given by its last (`17일까지`)."""
    rank = fields["span_day"]
    if "weekday" in fields:
        return None
    if rank < 1:
        return Point(_midnight(ctx.closed[1]), "day") if ctx.closed is not None else None
    if ctx.opened is not None:
        return Point(_midnight(ctx.opened[1] + dt.timedelta(days=rank - 1)), "day")
    return Point(_midnight(ctx.anchor), "day") if rank == 1 and ctx.anchor_named else None


def _set_value(fields: dict) -> str | None:
    """TIMEX3 SET values: `매년` P1Y, `매주 월요일` XXXX-WXX-1, `매월 15일` XXXX-XX-15 (the hours of a
    SET's days are a time of their own: `매일` P1D, `오전 10시` T10:00)."""
    rest = fields.keys() - PREFIX_FIELDS
    if not rest:
        return fields["every"]
    if rest - {"weekday", "month", "day"}:
        return None
    if "weekday" in fields:
        return f"XXXX-WXX-{fields['weekday']}"
    month = f"{fields['month']:02d}" if "month" in fields else "XX"
    return f"XXXX-{month}" + (f"-{fields['day']:02d}" if "day" in fields else "-XX" if month == "XX" else "")


def _week_of_month(year: int, month: int, rank: int) -> Point:
    """The first week starts on the month's first Monday; the last is the week of its last Sunday."""
    days = [dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    if rank > 0:
        monday = [d for d in days if d.isoweekday() == 1][rank - 1]
    else:
        monday = [d for d in days if d.isoweekday() == 7][-1] - dt.timedelta(days=6)
    return Point(_midnight(monday), "week")


def _without_month(fields: dict, year: int | None, today: dt.date, direction: str | None,
                   base: Point | None, anchor: dt.date) -> Point | None:
    if "day" in fields:
        origin = base.when.date() if base is not None and direction is None else today
        day = _day_in_month(origin, fields["day"])
        if direction is None and base is None and day is not None:
            day = _in_story_month(fields["day"], day, today, anchor)
        if direction == "past" and (day is None or fields["day"] > today.day):
            day = _month_with_day(today, fields["day"], -1)
        elif direction == "future" and (day is None or fields["day"] < today.day):
            day = _month_with_day(today, fields["day"], 1)
        elif day is None:
            day = _month_with_day(origin, fields["day"], -1)
        if day is None:
            return None
        if year is not None:
            day = day.replace(year=year)
        return Point(_midnight(day), "day")
    if "weekday" in fields:
        return Point(_midnight(_weekday(fields["weekday"], today, direction)), "day")
    if year is not None:
        return Point(_midnight(dt.date(year, 1, 1)), "year")
    return None


def _day_in_month(month: dt.date, day: int) -> dt.date | None:
    return month.replace(day=day) if day <= calendar.monthrange(month.year, month.month)[1] else None


def _month_with_day(origin: dt.date, day: int, step: int) -> dt.date | None:
    """The day numbered `day` in the nearest month before (step -1) or after (step 1) origin's that has
    one: `31일` told in June is 31 May, `지난 30일` told in March is 30 January."""
    for months in (step, 2 * step):
        if found := _day_in_month(_add_months(origin.replace(day=1), months), day):
            return found
    return None


def _in_story_month(number: int, day: dt.date, today: dt.date, story_day: dt.date) -> dt.date:
    """A bare day whose reading in the report's month falls across the report's day from the story's
    last named day: after a future day (`오는 31일 출발해 4일 귀국`) the schedule goes on from it; after a
    day of an earlier month, a day up to a week later stays in that month (`지난달 28일에는 …, 30일에는`)."""
    if day < today < story_day:
        return _day_near(story_day, number) or day
    if story_day < today < day and story_day.month != today.month:
        earlier = _day_in_month(story_day, number)
        if earlier is not None and 0 <= (earlier - story_day).days <= 7:
            return earlier
    return day


def _day_near(anchor: dt.date, day: int) -> dt.date | None:
    """The day numbered `day` closest to `anchor`, within a fortnight: a schedule told after a
    future day (`오는 31일 출발해 4일 귀국`, then `이틀째인 2일`) goes on from it, across a month's
    end, rather than back before the report."""
    candidates = [_day_in_month(_add_months(anchor.replace(day=1), shift), day) for shift in (-1, 0, 1)]
    near = [c for c in candidates if c is not None and abs((c - anchor).days) <= 15]
    return min(near, key=lambda c: abs((c - anchor).days)) if near else None


def _weekday(weekday: int, today: dt.date, direction: str | None) -> dt.date:
    if direction == "past":
        return today - dt.timedelta(days=(today.isoweekday() - weekday) % 7 or 7)
    if direction == "this":
        return today + dt.timedelta(days=weekday - today.isoweekday())
    return today + dt.timedelta(days=(weekday - today.isoweekday()) % 7 or 7)


def _week_point(fields: dict, today: dt.date) -> Point:
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=fields["week_shift"])
    if "weekday" in fields:
        return Point(_midnight(monday + dt.timedelta(days=fields["weekday"] - 1)), "day")
    return Point(_midnight(monday), "weekend" if "weekend" in fields else "week")


def _holiday(fields: dict, today: dt.date, direction: str | None) -> dt.date:
    month, day = fields["holiday"]
    if "year" in fields or "year_shift" in fields:
        return dt.date(fields.get("year", today.year + fields.get("year_shift", 0)), month, day)
    this_year = dt.date(today.year, month, day)
    if direction == "past":
        return this_year if this_year < today else this_year.replace(year=today.year - 1)
    return this_year if this_year >= today else this_year.replace(year=today.year + 1)


def _season_point(fields: dict, year: int | None, today: dt.date, direction: str | None) -> Point:
    season = LEXICON["seasons"][fields["season"]]
    if year is None:
        year = today.year
        for candidate in (today.year - 1, today.year, today.year + 1):
            first, last = _season_bounds(season, candidate)
            if direction == "past" and last < today:
                year = candidate
            elif direction != "past" and last >= today:
                year = candidate
                break
    return Point(_midnight(dt.date(year, 1, 1)), "season", season["code"])


def _season_bounds(season: dict, year: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, *season["first"])
    last_year = year + 1 if tuple(season["last"]) < tuple(season["first"]) else year
    return first, dt.date(last_year, *season["last"])


def _time_point(fields: dict, ctx: Context, day: Point | None, base: Point | None) -> Point:
    part = LEXICON["parts_of_day"].get(fields.get("part_of_day"))
    if "clock" not in fields and "clock_word" not in fields:
        origin = day.when.date() if day else base.when.date() if base else ctx.anchor
        return Point(_midnight(origin), "part", part["code"])
    clock = fields.get("clock") or {"hour": fields["clock_word"], "minute": None, "second": None}
    meridiem = clock.get("meridiem") or (part["meridiem"] if part else None)
    minutes = _clock_minutes(clock, meridiem, fields.get("zone"), ctx)
    grain = "second" if clock["second"] is not None else "minute" if clock["minute"] is not None else "hour"
    seconds = clock["second"] or 0
    hours_ambiguous = meridiem is None and "clock_word" not in fields and 60 <= minutes < 12 * 60
    choices = [minutes, minutes + 12 * 60] if hours_ambiguous else [minutes]
    if day is not None:
        return Point(_at(day.when.date(), choices[0], seconds), grain)
    if base is not None and base.grain in _SECOND_GRAINS:
        return Point(_earliest(base.when.date(), choices, seconds, base.when), grain)
    if base is not None:
        return Point(_at(base.when.date(), choices[0], seconds), grain)
    if ctx.has_clock:
        return Point(_earliest(ctx.today, choices, seconds, ctx.now), grain)
    return Point(_at(ctx.anchor, choices[0], seconds), grain)


def _clock_minutes(clock: dict, meridiem: str | None, zone: int | None, ctx: Context) -> int:
    hour = clock["hour"]
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    minutes = hour * 60 + (-(clock["minute"] or 0) if clock.get("before") else clock["minute"] or 0)
    if zone is not None and ctx.utc_offset_hours is not None:
        minutes += round((ctx.utc_offset_hours - zone) * 60)
    return minutes


def _at(day: dt.date, minutes: int, seconds: int) -> dt.datetime:
    return _midnight(day) + dt.timedelta(minutes=minutes, seconds=seconds)


def _earliest(day: dt.date, choices: list[int], seconds: int, not_before: dt.datetime) -> dt.datetime:
    candidates = [_at(d, m, seconds) for d in (day, day + dt.timedelta(days=1)) for m in choices]
    return min(c for c in candidates if c >= not_before)


def _unit(quantity: dict) -> tuple[str, float]:
    """The unit name and amount, with a trailing half (`한시간반`) folded into a finer unit."""
    unit = LEXICON["units"][quantity["unit"]]["unit"]
    number = quantity["number"]
    if not quantity["half"]:
        return unit, number
    finer = {"years": ("months", 12), "days": ("hours", 24), "hours": ("minutes", 60), "minutes": ("seconds", 60)}
    if unit not in finer:
        return unit, number
    name, size = finer[unit]
    return name, number * size + size // 2


def _shift(when: dt.datetime, unit: str, amount: float) -> dt.datetime:
    if unit in ("years", "months"):
        months = int(amount * (12 if unit == "years" else 1))
        return dt.datetime.combine(_add_months(when.date(), months), when.time())
    return when + dt.timedelta(**{unit: amount})


def _offset(quantity: dict, ctx: Context) -> Point:
    unit, amount = _unit(quantity)
    when = _shift(ctx.now, unit, quantity["sign"] * amount)
    grain = _FINER[unit]
    if not ctx.has_clock:  # news: `10년 전` is a year, `3개월 전` a month, `2시간 전` the day
        grain = {"years": "year", "months": "month"}.get(unit, grain)
        if _GRAIN_ORDER.index(grain) > _GRAIN_ORDER.index("day"):
            grain = "day"
    return Point(_truncate(when, grain), grain)


def _quantity_interval(quantity: dict, direction: str, ctx: Context) -> tuple[Point, Point] | None:
    unit, amount = _unit(quantity)
    grain = {"years": "year", "months": "month", "weeks": "week", "days": "day", "hours": "hour",
             "minutes": "minute", "seconds": "second"}[unit]
    if (grain in _SECOND_GRAINS and not ctx.has_clock) or direction == "this" or amount != int(amount):
        return None
    now = _truncate(ctx.now, grain)
    first = _shift(now, unit, -amount) if direction == "past" else _shift(now, unit, 1)
    last = _shift(first, unit, amount - 1)
    return Point(first, grain), Point(last, grain)


def _truncate(when: dt.datetime, grain: str) -> dt.datetime:
    if grain == "year":
        return when.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if grain == "month":
        return when.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if grain == "week":
        return _midnight(when.date() - dt.timedelta(days=when.weekday()))
    if grain == "day":
        return _midnight(when.date())
    if grain == "hour":
        return when.replace(minute=0, second=0, microsecond=0)
    if grain == "minute":
        return when.replace(second=0, microsecond=0)
    return when.replace(microsecond=0)


def _duration(quantity: dict) -> str:
    unit, amount = _unit(quantity)
    designator = {"years": "Y", "months": "M", "weeks": "W", "days": "D", "hours": "H", "minutes": "M",
                  "seconds": "S"}[unit]
    number = amount if amount == "X" else f"{amount:g}"
    if (quantity["half"] or quantity.get("two_units")) and unit == "months" and amount >= 12:
        years, months = divmod(int(amount), 12)
        return f"P{years}Y{months}M"
    if (quantity["half"] or quantity.get("two_units")) and unit == "minutes" and amount >= 60:
        hours, minutes = divmod(int(amount), 60)
        return f"PT{hours}H{minutes}M"
    return f"PT{number}{designator}" if unit in ("hours", "minutes", "seconds") else f"P{number}{designator}"


def _day(when: dt.datetime) -> str:
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"


def _week(point: Point) -> str:
    year, week, _ = point.when.isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if point.grain == "weekend" else "")


#: The TIMEX3 value of a point, by its grain (finer than a minute: to the second).
_FORMATS = {
    "century": lambda p: f"{p.when.year // 100:02d}",
    "decade": lambda p: f"{p.when.year // 10:03d}",
    "year": lambda p: f"{p.when.year:04d}",
    "half": lambda p: f"{p.when.year:04d}-H{1 if p.when.month < 7 else 2}",
    "quarter": lambda p: f"{p.when.year:04d}-Q{(p.when.month - 1) // 3 + 1}",
    "season": lambda p: f"{p.when.year:04d}-{p.code}",
    "month": lambda p: f"{p.when.year:04d}-{p.when.month:02d}",
    "week": _week,
    "weekend": _week,
    "day": lambda p: _day(p.when),
    "part": lambda p: f"{_day(p.when)}T{p.code}",
    "hour": lambda p: f"{_day(p.when)}T{p.when.hour:02d}:00",
    "minute": lambda p: f"{_day(p.when)}T{p.when.hour:02d}:{p.when.minute:02d}",
}


def _format(point: Point) -> str:
    format_ = _FORMATS.get(point.grain)
    if format_ is not None:
        return format_(point)
    return f"{_day(point.when)}T{point.when.hour:02d}:{point.when.minute:02d}:{point.when.second:02d}"
