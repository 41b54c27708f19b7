"""Korean temporal expressions to TIMEX3 values: `parse_timex(text, reference)`.

Pieces found by timex_atoms.py are joined coarse to fine (`지난` `6월` `26일`), then
into ranges (`A부터 B까지`, `A~B`), and resolved against the reference: the
publication date for news (relative days resolve against it, clock times fall on
the day the text last spoke of), or a full datetime (then a bare clock time is its
next occurrence, as Duckling reads it). `이날`/`전날` resolve against the anchor:
the last single day the text named.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

import regex

from ..lexicons import load
from ..model import Timex
from .timex_atoms import LEXICON, PIECE_START, Piece, candidate_pieces

_HANGUL = regex.compile(r"\p{Hangul}")
_PARTICLE = regex.compile(
    "(?:" + "|".join(regex.escape(p) for p in sorted(LEXICON["particles"], key=len, reverse=True)) + r")+(?!\p{Hangul})")
_JOIN_GAP = regex.compile(r"[ \t]?(?:인[ \t])?|[ \t]?\(|\n")
_RANGE_JOIN = regex.compile(
    r"[ \t]?(?:" + "|".join(regex.escape(j) for j in LEXICON["range_joiners"]) + r")[ \t]?")
_RANGE_CLOSE = regex.compile("|".join(regex.escape(c) for c in LEXICON["range_closers"]))
_PREFIX_FIELDS = {"direction", "approximately", "every"}
_COORDINATION = regex.compile(
    r"[ \t]?(?:" + "|".join(regex.escape(c) for c in LEXICON["coordinators"]) + r")[ \t]?")
#: what a coordinated expression may take from the one before it, coarsest first
_SHARED_FIELDS = ("direction", "year", "year_shift", "month", "month_shift")
_DAILY_HOURS = regex.compile(
    "(?:" + "|".join(regex.escape(w) for w in LEXICON["daily_hours_words"]) + r")(?:은|는|이|:)?\s?$")
_SECOND_GRAINS = ("hour", "minute", "second")
_FINER = {"years": "month", "months": "day", "weeks": "day", "days": "hour", "hours": "minute",
          "minutes": "second", "seconds": "second"}
_PROGRAMS = load("name_heads")["programs"]
#: a quoted phrase ending in one of these names an event or programme (`'진주 10월 축제'`)
_EVENT_HEADS = tuple(_PROGRAMS["heads"] + _PROGRAMS["quoted_heads"])
_QUOTED = regex.compile(r"['‘](?P<name>[^'‘’\n]{2,40}?)['’]")
_GRAIN_ORDER = ["decade", "year", "half", "quarter", "season", "month", "week", "weekend", "day", "part",
                "hour", "minute", "second"]


@dataclass
class Point:
    when: dt.datetime
    grain: str
    code: str | None = None


@dataclass
class Group:
    start: int
    end: int
    fields: dict = field(default_factory=dict)
    #: holds a piece that can stand for a time by itself (not only `지난`, `(금)`, `세시`)
    anchored: bool = False
    standalone: bool = False
    open_start: bool = False

    @property
    def rank(self) -> int:
        return Piece(0, 0, {k: v for k, v in self.fields.items() if k not in _PREFIX_FIELDS}).rank


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

    @property
    def today(self) -> dt.date:
        return self.now.date()


def parse_timex(text: str, reference: dt.date | dt.datetime) -> list[Timex]:
    """Every temporal expression in `text`, normalised against `reference`."""
    return TimexParser(reference).parse(text)


class TimexParser:
    """Keeps the anchor day (`이날`) across the parts of one document."""

    def __init__(self, reference: dt.date | dt.datetime):
        has_clock = isinstance(reference, dt.datetime)
        now = reference if has_clock else dt.datetime.combine(reference, dt.time())
        offset = now.utcoffset()
        self.context = Context(now.replace(tzinfo=None), has_clock,
                               offset.total_seconds() / 3600 if offset is not None else None, now.date(),
                               now.year)
        #: the dated words of quoted event names (`10월 축제` of `'진주 10월 축제'`), as patterns
        self.name_tails: dict[str, regex.Pattern] = {}

    def learn_names(self, text: str, start: int = 0, end: int | None = None) -> None:
        """Remember quoted event names that hold a date word: the word is part of the name, also
        where the name comes back without quotes (`진주 10월 축제가`)."""
        for quoted in _event_names(text, start, len(text) if end is None else end):
            pieces = _pieces(text, quoted.start("name"), quoted.end("name"), [])
            if pieces:
                tail = regex.sub(r"\s", "", text[pieces[0].start:quoted.end("name")])
                self.name_tails[tail] = regex.compile(r"(?<!\d)" + r"\s?".join(map(regex.escape, tail)))

    def parse(self, text: str, start: int = 0, end: int | None = None) -> list[Timex]:
        end = len(text) if end is None else end
        self.learn_names(text, start, end)
        found = []
        for first, last in _ranges(text, _groups(text, _pieces(text, start, end, self._names(text, start, end)))):
            try:
                timex = self._resolve(text, first, last)
            except (ValueError, OverflowError):  # outside the calendar (`9999년 전`, `30000000일 후`): no date
                continue
            if timex is not None:
                found.append(timex)
        return found

    def _names(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        spans = [quoted.span() for quoted in _event_names(text, start, end)]
        return spans + [m.span() for tail in self.name_tails.values() for m in tail.finditer(text, start, end)]

    def _resolve(self, text: str, first: Group, last: Group | None) -> Timex | None:
        ctx = self.context
        if last is None:
            fields = _in_year_of_month_before(text, first, ctx)
            value = _single_value(fields, ctx)
            if value is None:
                return None
            kind, value, point = value
            if point is not None and point.grain in ("day", "part", "hour", "minute", "second") \
                    and not first.open_start and _moves_anchor(first.fields) and not _REPORTED.match(text, first.end):
                ctx.anchor = point.when.date()
            if point is not None and _YEAR_FIELDS & first.fields.keys():
                ctx.anchor_year = point.when.year
                if point.grain == "month":
                    ctx.dated_month = (first.end, point.when.date())
            if kind == "TIME" and _daily_hours(text, first):
                value = _without_day(value)
            return Timex(text=text[first.start:first.end], start=first.start, end=first.end, type=kind, value=value)
        points = _range_points(first.fields, last.fields, ctx)
        if points is None:
            return None
        begin, finish = points
        if begin.grain == finish.grain == "day":
            ctx.span = (begin.when.date(), finish.when.date())
        if _YEAR_FIELDS & (first.fields.keys() | last.fields.keys()):
            ctx.anchor_year = finish.when.year
        end = last.end
        closer = _RANGE_CLOSE.match(text, end)
        if closer:
            end = closer.end()
        kind = "TIME" if _has_time(first.fields) or _has_time(last.fields) else "DATE"
        value = f"{_format(begin)}/{_format(finish)}"
        if kind == "TIME" and _daily_hours(text, first):
            value = "/".join(_without_day(bound) for bound in value.split("/"))
        return Timex(text=text[first.start:end], start=first.start, end=end, type=kind, value=value)


def _in_year_of_month_before(text: str, group: Group, ctx: Context) -> dict:
    """`내년 4월에 구축하고 5월에 개시한다`: a bare later month in the same sentence as a month
    given with its year goes on in that year."""
    fields = group.fields
    if fields.keys() != {"month"} or ctx.dated_month is None:
        return fields
    end, month = ctx.dated_month
    between = text[end:group.start]
    if len(between) > 60 or _SENTENCE_BREAK.search(between) or fields["month"] <= month.month:
        return fields
    return {**fields, "year": month.year}


#: `… 연다고 24일 밝혔다. 이날 …`: the day of the report is no day `이날` can mean.
_REPORTED = regex.compile(r"\s?(?:" + "|".join(map(regex.escape, LEXICON["report_verbs"])) + ")")
_SENTENCE_BREAK = regex.compile(r"[.?!](?:\s|$)|\n")


def _moves_anchor(fields: dict) -> bool:
    """A day named outright, or the story moving on (`이튿날`); `전날` only looks back."""
    return bool({"day", "day_shift", "span_day"} & fields.keys()) or fields.get("anchor_shift", 0) > 0


def _daily_hours(text: str, group: Group) -> bool:
    """Opening hours (`운영시간은 10시에서 20시까지`) name no day of their own."""
    if _daily_clock(group.fields):
        return True
    return not _DATE_FIELDS & group.fields.keys() and bool(_DAILY_HOURS.search(text, max(0, group.start - 12),
                                                                                   group.start))


def _without_day(value: str) -> str:
    return "T" + value.split("T", 1)[1]


def _range_points(first: dict, last: dict, ctx: Context) -> tuple[Point, Point] | None:
    """Both ends of `A부터 B까지`: B lends A the month or year A leaves out (`29일부터 11월 1일까지`)."""
    begin = _point(first, ctx, None)
    if not first.keys() & _RELATIVE_FIELDS:
        finish_alone = _point(last, ctx, None)
        if finish_alone is not None and finish_alone.grain == "day" and "day" in first \
                and not first.keys() & {"month", "year"} and last.keys() & {"month", "month_shift"}:
            begin = _day_up_to(first["day"], finish_alone.when.date())
        elif finish_alone is not None and "month" in first and "year" not in first and "year" in last:
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


# --- finding pieces -------------------------------------------------------------------------

def _event_names(text: str, start: int, end: int):
    return (quoted for quoted in _QUOTED.finditer(text, start, end)
            if quoted["name"].strip().endswith(_EVENT_HEADS))


def _pieces(text: str, start: int, end: int, names: list[tuple[int, int]]) -> list[Piece]:
    """Temporal pieces in text order, none inside a name."""
    pieces: list[Piece] = []
    candidates = _Candidates(text, end)
    position = start
    while True:
        if pieces and pieces[-1].end == position and position < end:
            at = position  # straight after a piece, even inside a word (`6월26일`); PIECE_START never is
        else:
            found = PIECE_START.search(text, position, end)
            if not found:
                return pieces
            at = found.start()
        piece = _best_piece(text, at, end, candidates)
        if piece is None:
            position = at + 1
            continue
        if not any(first < piece.end and piece.start < last for first, last in names):
            pieces.append(piece)
        position = piece.end


class _Candidates(dict):
    """The candidate pieces at each position of one passage, read once: a piece's right edge is
    checked by the pieces that start there, and the next piece then starts there too."""

    def __init__(self, text: str, end: int):
        super().__init__()
        self.text = text
        self.end = end

    def __missing__(self, at: int) -> list[Piece]:
        pieces = self[at] = candidate_pieces(self.text, at, self.end)
        return pieces


def _best_piece(text: str, at: int, end: int, candidates: _Candidates) -> Piece | None:
    for piece in candidates[at]:
        if _right_edge_ok(text, piece.end, end, candidates):
            return piece
    return None


def _right_edge_ok(text: str, at: int, end: int, candidates: _Candidates) -> bool:
    if at >= end or not _HANGUL.match(text[at]):
        return True
    particle = _PARTICLE.match(text, at, end)
    if particle and (particle.end() >= end or not _HANGUL.match(text[particle.end()])):
        return True
    return bool(candidates[at])


# --- joining pieces into expressions and ranges --------------------------------------------------

def _groups(text: str, pieces: list[Piece]) -> list[Group]:
    groups: list[Group] = []
    for piece in pieces:
        if groups and _join(text, groups[-1], piece):
            continue
        groups.append(Group(piece.start, piece.end, dict(piece.fields), not piece.attach_only, piece.standalone))
    complete = [group for group in groups if _complete(group)]
    for before, after in zip(complete, complete[1:]):
        if _COORDINATION.fullmatch(text, before.end, after.start):
            _share(before, after)
    return complete


def _share(before: Group, after: Group) -> None:
    """`2023년 상반기와 하반기`: the second expression leaves out what the first said."""
    if before.standalone or after.standalone or "every" in before.fields:
        return
    rank = after.rank
    for key in _SHARED_FIELDS:
        coarser = key == "direction" or Piece(0, 0, {key: None}).rank < rank
        if key in before.fields and coarser and not after.fields.keys() & _SAME_SLOT[key]:
            after.fields[key] = before.fields[key]


_SAME_SLOT = {"direction": {"direction"}, "year": {"year", "year_shift"}, "year_shift": {"year", "year_shift"},
              "month": {"month", "month_shift"}, "month_shift": {"month", "month_shift"}}


def _join(text: str, group: Group, piece: Piece) -> bool:
    gap = text[group.end:piece.start]
    if not _JOIN_GAP.fullmatch(gap) or (group.fields.keys() & piece.fields.keys()):
        return False
    if "인" in gap and not group.fields.keys() & {"weekday", "span_day"}:
        return False
    if gap == "\n" and not text.startswith("(", piece.start):
        return False
    closing = gap.endswith("(")
    if closing and not text.startswith(")", piece.end):
        return False
    prefix_only = not (group.fields.keys() - _PREFIX_FIELDS)
    if group.standalone or (piece.standalone and not prefix_only):
        return False
    if not prefix_only and not _fits_after(group, piece):
        return False
    group.fields.update(piece.fields)
    group.end = piece.end + (1 if closing else 0)
    group.anchored = group.anchored or not piece.attach_only
    group.standalone = piece.standalone
    return True


def _fits_after(group: Group, piece: Piece) -> bool:
    keys = piece.fields.keys()
    if "quantity" in keys or "quantity" in group.fields:
        return False
    if "month_part" in keys:
        return group.fields.keys() & {"month", "month_shift"} and not group.fields.keys() & {"day", "day_shift"}
    if "zone" in keys:
        return "clock" in group.fields
    return piece.rank >= group.rank


def _complete(group: Group) -> bool:
    fields = group.fields
    if "quantity" in fields:
        return "direction" in fields
    if "season" in fields:
        return bool(fields.keys() & {"year", "year_shift", "direction"})
    if "part_of_day" in fields and fields.keys() & {"direction", "clock"}:
        return True
    return group.anchored


def _ranges(text: str, groups: list[Group]):
    """(first, last) for ranges, (group, None) for single expressions."""
    index = 0
    while index < len(groups):
        group = groups[index]
        if group.fields.keys() & _RANGE_GRAINS.keys():
            first, last = _split_range(group)
            yield first, last
            index += 1
            continue
        joiner = _RANGE_JOIN.match(text, group.end)
        following = groups[index + 1] if index + 1 < len(groups) else None
        if joiner and following and following.start == joiner.end() and _rangeable(group, following):
            yield group, following
            index += 2
            continue
        if joiner and following and following.start == joiner.end() and "every" in group.fields:
            yield group, None  # `매주 월요일부터 금요일까지`: the end is a weekday of every week too
            index += 2
            continue
        group.open_start = bool(joiner)
        yield group, None
        index += 1


def _rangeable(first: Group, last: Group) -> bool:
    if first.standalone or last.standalone or "quantity" in first.fields or "quantity" in last.fields:
        return False
    return "every" not in last.fields and ("every" not in first.fields or _daily_clock(first.fields))


def _daily_clock(fields: dict) -> bool:
    """`매일 10시부터 18시까지`: a time of every day, written like opening hours."""
    return fields.get("every") == "P1D" and _has_time(fields) and not (_DATE_FIELDS - {"every"}) & fields.keys()


_RANGE_GRAINS = {"day_range": "day", "month_range": "month", "year_range": "year"}


def _split_range(group: Group) -> tuple[Group, Group]:
    """`26~27일`, `6~7월`, `2023~2024년`: the first bound keeps what was written before the range."""
    key = next(key for key in _RANGE_GRAINS if key in group.fields)
    grain = _RANGE_GRAINS[key]
    first_value, last_value = group.fields.pop(key)
    first = Group(group.start, group.end, {**group.fields, grain: first_value}, True)
    last = Group(group.end, group.end, {grain: last_value}, True)
    return first, last


# --- resolving ------------------------------------------------------------------------------------

_DATE_FIELDS = {"decade", "year", "year_shift", "year_anchor_shift", "month", "month_shift", "day", "day_shift", "anchor_shift",
                "weekday", "week_shift", "holiday", "span_day", "every"}
_RELATIVE_FIELDS = {"direction", "day_shift", "anchor_shift", "month_shift", "year_shift", "week_shift", "span_day",
                    "year_anchor_shift"}
_YEAR_FIELDS = {"year", "year_shift", "year_anchor_shift"}


def _has_time(fields: dict) -> bool:
    return bool(fields.keys() & {"clock", "part_of_day", "clock_word"})


def _single_value(fields: dict, ctx: Context) -> tuple[str, str, Point | None] | None:
    if "duration" in fields:
        return "DURATION", _duration(fields["duration"]), None
    if "every" in fields:
        value = _set_value(fields)
        return ("SET", value, None) if value else None
    if "present" in fields:
        return "DATE", "PRESENT_REF", None
    if "offset" in fields:
        point = _offset(fields["offset"], ctx)
        return ("TIME" if point.grain in _SECOND_GRAINS else "DATE"), _format(point), point
    if "quantity" in fields:
        span = _quantity_interval(fields["quantity"], fields["direction"], ctx)
        if span is None:
            return None
        return ("TIME" if span[0].grain in _SECOND_GRAINS else "DATE"), f"{_format(span[0])}/{_format(span[1])}", None
    point = _point(fields, ctx, None)
    if point is None:
        return None
    return ("TIME" if _has_time(fields) else "DATE"), _format(point), point


def _point(fields: dict, ctx: Context, base: Point | None) -> Point | None:
    try:
        day = _date_point(fields, ctx, base)
        if not _has_time(fields):
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


def _date_point(fields: dict, ctx: Context, base: Point | None) -> Point | None:
    today = ctx.today
    direction = fields.get("direction")
    if "span_day" in fields and not fields.keys() & {"month", "month_shift", "day"}:
        return _span_day(fields, ctx)
    if "day_shift" in fields or "anchor_shift" in fields:
        origin = today if "day_shift" in fields else ctx.anchor
        day = origin + dt.timedelta(days=fields.get("day_shift", fields.get("anchor_shift", 0)))
        if "day" in fields:
            day = day.replace(day=fields["day"])
        return Point(_midnight(day), "day")
    if "holiday" in fields:
        return Point(_midnight(_holiday(fields, today, direction)), "day")
    if "decade" in fields:
        return Point(_midnight(dt.date(fields["decade"] * 10, 1, 1)), "decade")
    if "week_shift" in fields:
        return _week_point(fields, today)
    year = fields.get("year", today.year + fields["year_shift"] if "year_shift" in fields else None)
    if "year_anchor_shift" in fields:
        year = ctx.anchor_year + fields["year_anchor_shift"]
    if "quarter_shift" in fields:
        first = _add_months(dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1), 3 * fields["quarter_shift"])
        return Point(_midnight(first), "quarter")
    if "quarter" in fields:
        return Point(_midnight(dt.date(year or today.year, fields["quarter"] * 3 - 2, 1)), "quarter")
    if "half" in fields:
        return Point(_midnight(dt.date(year or today.year, 1 if fields["half"] == "H1" else 7, 1)), "half")
    if "season" in fields:
        return _season_point(fields, year, today, direction)
    if "year_part" in fields and not fields.keys() & {"month", "month_shift"}:
        month = fields["year_part"]
        return Point(_midnight(dt.date(year or today.year, month or 1, 1)), "month" if month else "year")
    month = None
    if "month_shift" in fields:
        first = _add_months(today.replace(day=1), fields["month_shift"])
        year, month = first.year, first.month
    elif "month" in fields:
        month = fields["month"]
    if month is None:
        return _without_month(fields, year, today, direction, base, ctx.anchor)
    if year is None:
        year = _year_for(month, fields.get("day"), today, direction, base)
    return _within_month(fields, year, month)


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
        return _week_of_month(year, month, fields["week_ordinal"])
    if "day" in fields:
        return Point(_midnight(dt.date(year, month, fields["day"])), "day")
    return Point(_midnight(dt.date(year, month, 1)), "month")


def _span_day(fields: dict, ctx: Context) -> Point | None:
    """`둘째 날`, `마지막 날`, `5일째인 금요일`: a day of the last stretch given, or none when a
    weekday given with it does not fall on that day. Without a stretch only the first day resolves:
    a report of an event's `첫날` is about the day in focus."""
    if ctx.span is None:
        first_day = fields["span_day"] == 1 and "weekday" not in fields
        return Point(_midnight(ctx.anchor), "day") if first_day else None
    first, last = ctx.span
    day = last if fields["span_day"] == -1 else first + dt.timedelta(days=fields["span_day"] - 1)
    if day > last or ("weekday" in fields and day.isoweekday() != fields["weekday"]):
        return None
    return Point(_midnight(day), "day")


def _set_value(fields: dict) -> str | None:
    """TIMEX3 SET values: `매년` P1Y, `매주 월요일` XXXX-WXX-1, `매월 15일` XXXX-XX-15, `매일 오전 10시` XXXX-XX-XXT10:00."""
    rest = fields.keys() - _PREFIX_FIELDS
    if not rest:
        return fields["every"]
    if rest - {"weekday", "month", "day", "clock", "part_of_day"}:
        return None
    if "weekday" in fields:
        date = f"XXXX-WXX-{fields['weekday']}"
    else:
        month = f"{fields['month']:02d}" if "month" in fields else "XX"
        date = f"XXXX-{month}" + (f"-{fields['day']:02d}" if "day" in fields else "-XX" if month == "XX" else "")
    if not _has_time(fields):
        return date
    clock = fields.get("clock")
    if clock is None:
        return f"{date}T{LEXICON['parts_of_day'][fields['part_of_day']]['code']}"
    part = LEXICON["parts_of_day"].get(fields.get("part_of_day"))
    minutes = _clock_minutes(clock, clock.get("meridiem") or (part["meridiem"] if part else None), None, None)
    return f"{date}T{minutes // 60:02d}:{minutes % 60:02d}"


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
        if direction is None and base is None and day is not None and day < today < anchor:
            day = _day_near(anchor, fields["day"]) or day
        if direction == "past" and (day is None or fields["day"] > today.day):
            day = _add_months(today.replace(day=1), -1).replace(day=fields["day"])
        elif direction == "future" and (day is None or fields["day"] < today.day):
            day = _add_months(today.replace(day=1), 1).replace(day=fields["day"])
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


def _clock_minutes(clock: dict, meridiem: str | None, zone: int | None, ctx: Context | None) -> int:
    hour = clock["hour"]
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    minutes = hour * 60 + (-(clock["minute"] or 0) if clock.get("before") else clock["minute"] or 0)
    if zone is not None and ctx is not None and ctx.utc_offset_hours is not None:
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
    if (quantity["half"] or quantity.get("hours_and_minutes")) and unit == "minutes" and amount >= 60:
        hours, minutes = divmod(int(amount), 60)
        return f"PT{hours}H{minutes}M"
    return f"PT{number}{designator}" if unit in ("hours", "minutes", "seconds") else f"P{number}{designator}"


def _format(point: Point) -> str:
    when, grain = point.when, point.grain
    if grain == "decade":
        return f"{when.year // 10:03d}"
    if grain == "year":
        return f"{when.year:04d}"
    if grain == "half":
        return f"{when.year:04d}-H{1 if when.month < 7 else 2}"
    if grain == "quarter":
        return f"{when.year:04d}-Q{(when.month - 1) // 3 + 1}"
    if grain == "season":
        return f"{when.year:04d}-{point.code}"
    if grain == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if grain in ("week", "weekend"):
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if grain == "weekend" else "")
    day = f"{when.year:04d}-{when.month:02d}-{when.day:02d}"
    if grain == "day":
        return day
    if grain == "part":
        return f"{day}T{point.code}"
    if grain == "hour":
        return f"{day}T{when.hour:02d}:00"
    if grain == "minute":
        return f"{day}T{when.hour:02d}:{when.minute:02d}"
    return f"{day}T{when.hour:02d}:{when.minute:02d}:{when.second:02d}"
