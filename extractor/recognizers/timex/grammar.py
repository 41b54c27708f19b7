"""Korean temporal expressions to TIMEX3 values: `parse_timex(text, reference)`.

Pieces found by atoms.py are joined coarse to fine (`지난` `6월` `26일`), then
into ranges (`A부터 B까지`, `A~B`), and resolved against the reference: the
publication date for news (relative days resolve against it, clock times fall on
the day the text last spoke of), or a full datetime (then a bare clock time is its
next occurrence, as Duckling reads it). `이날`/`전날` resolve against the anchor:
the last single day the text named. This module joins; resolution.py resolves.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from ...lexicons import load
from ...model import Timex
from ...nlp.korean import one_of
from ...pattern_cache import compiled
from ..quotes import quoted_passages
from .atoms import LEXICON, PIECE_START, Piece, candidate_pieces
from .resolution import PREFIX_FIELDS, Context, has_time, resolve

_HANGUL = compiled(r"\p{Hangul}")
_PARTICLE = compiled(one_of(LEXICON["particles"]) + r"+(?!\p{Hangul})")
_JOIN_GAP = compiled(r"[ \t]?(?:인[ \t])?|[ \t]?\(|\n")
_RANGE_JOIN = compiled(rf"[ \t]?{one_of(LEXICON['range_joiners'])}[ \t]?")
_COORDINATION = compiled(rf"[ \t]?{one_of(LEXICON['coordinators'])}[ \t]?")
#: `평일 오전 9시`, `주말에는 10시부터`: the clock time of a set, right after it or after its topic particle
_SET_TO_HOURS = compiled(rf"[ \t]?(?:{one_of(LEXICON['set_topic_particles'])}[ \t])?")
#: what a coordinated expression may take from the one before it, coarsest first
_SHARED_FIELDS = ("direction", "year", "year_shift", "month", "month_shift")
_YEAR_END_PARTS = LEXICON["year_end_parts"]
_YEAR_KEYS = {"year", "year_shift", "year_anchor_shift"}
_PROGRAMS = load("name_heads")["programs"]
#: a quoted phrase ending in one of these names an event or programme (`'진주 10월 축제'`, `“2008년 세계 도시 포럼”`)
_EVENT_HEADS = tuple(_PROGRAMS["heads"] + _PROGRAMS["quoted_heads"])
#: a page's stamp, not a date of the story (Bylines' timestamps are no Timexes: CONTRACT.md): a
#: numeric date with a clock time (`수정 : 2017-04-18 18:41`, `홍길동 2017-04-04 13:41`) or a print
#: page (`2023-06-22 12면`), unless a range joins it (`2024.05.02 09:00 ~ 05.10 18:00`)
_STAMP = compiled(rf"(?<![~∼\-–][ \t]?)(?<!\d)\d{{4}}[-./][ \t]?\d{{1,2}}[-./][ \t]?\d{{1,2}}\.?[ \t]"
                       rf"(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?|\d{{1,3}}{LEXICON['print_page_word']}(?!\p{{Hangul}}))"
                       r"(?![ \t]?[~∼\-–])")
_BYLINES = load("bylines")
_LABELS = one_of(_BYLINES["published_labels"] + _BYLINES["modified_labels"])
_BYLINE_ROLE = one_of(_BYLINES["roles"] + LEXICON["latin_byline_roles"])
#: more of a page's own lines: its numeric date right before the byline (`2014-06-03 홍길동 기자`,
#: `2013-03-25 intl Editor Hong Gil-dong`), a date after a timestamp label and its colon (`최초등록일 :
#: 1996년`), and a wire's embargo notice (`이 기사는 2017년 09월 11일 11시 31분부터 사용할 수 있습니다`)
_PAGE_DATES = compiled(rf"""
    (?<!\d)\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}\.?[ \t]
        (?:\p{{Hangul}}{{2,4}}[ \t]?{_BYLINE_ROLE}(?!\p{{Hangul}})|(?:[A-Za-z]+[ \t])?{_BYLINE_ROLE}[ \t][A-Z])
    |(?<=(?<!\p{{Hangul}}){_LABELS}[ \t]?[:：][ \t]?)\d{{4}}[ \t]?년
    |이[ \t]?기사는[ \t][^\n]{{5,40}}?부터[ \t]?사용할[ \t]?수[ \t]?있
    """, regex.VERBOSE)
_QUOTED = compiled(r"['‘](?P<name>[^'‘’\n]{2,40}?)['’]|[\"“](?P<name>[^\"“”\n]{2,40}?)[\"”]"
                   r"|「(?P<name>[^「」\n]{2,40}?)」")
#: a year written right before an event's or course's name is part of the name (CONTRACT.md rulings:
#: `2030년 항구축제`, `2017년 대장경세계문화축전을`, `2016년 세토우치 국제예술제 행사`): up to three words
#: without digits, the last a compound that ends in the head of an event held in editions (a bare head,
#: `2019년 축제`, is generic and the year stays a date; so are projects, `2025년 농림사업 예산`), or a quoted
#: name right after the year (`2015년 ‘한·몽 연수 프로젝트’`); inside quotation marks the quoted name
#: decides, and a year closing a range of years is no edition. A range of years before a name is the
#: name's as a single year is (`2025-2026년 충남 방문의 해`), and so is a year before a campaign year
#: (`2019년 순천 방문의 해`). The head may stand as a word of its own after two words that name the
#: event (`2022년 대전 세계지방정부연합 총회`, `2024년 가상시민의 날 기념식`; after one, `이 대회`, `파리
#: 대회`, it is the event in general), and the year may carry its edition in brackets (`2024년(1분기) …
#: 협의회`) or its school term (`2016년 2학기 … 환영식`).
_YEARS = r"\d{4}(?:\s?년도?)?\s?[~∼\-–]\s?\d{4}\s?년도?|\d{4}\s?년도?"
_CAMPAIGN_YEAR = rf"[\p{{Hangul}}A-Za-z·]*{one_of(LEXICON['campaign_years'])}"
_EDITION_HEAD = one_of(LEXICON["edition_heads"])
_YEAR_BEFORE_NAME = compiled(rf"""
    (?<![\d~∼\-–'‘"“「]\s?)(?<!\d\.\s?)(?:{_YEARS})(?:\([^()\n]{{1,8}}\))?[ \t]
    (?:{one_of(LEXICON["terms"])}[ \t])?(?:제[ \t]?\d+[ \t]?[회차][ \t])?
    (?:(?:[\p{{Hangul}}A-Za-z·]+[ \t]){{0,2}}(?:[\p{{Hangul}}A-Za-z·]+?{_EDITION_HEAD}|{_CAMPAIGN_YEAR})
      |(?:[\p{{Hangul}}A-Za-z·]+[ \t]){{2}}{_EDITION_HEAD})
    (?:{one_of(LEXICON["name_particles"])})?(?![\p{{Hangul}}A-Za-z])
    """, regex.VERBOSE)
_YEAR_BEFORE_QUOTE = compiled(rf"(?<![\d.])(?:{_YEARS})[ \t]?$")
#: a quoted name that ends in a campaign year (`‘충남방문의 해’`), or whose head comes before its English
#: name in brackets (`「2019년 한국 체험방문 행사(Experience Korea 2019)」`; a date in brackets, `(9.5)`, is none)
_CAMPAIGN_YEAR_END = compiled(rf"{_CAMPAIGN_YEAR}$")
_GLOSS = compiled(r"\s?\([A-Za-z][^()]*\)$")


@dataclass
class Group:
    start: int
    end: int
    fields: dict = field(default_factory=dict)
    #: holds a piece that can stand for a time by itself (not only `지난`, `(금)`, `세시`)
    anchored: bool = False
    standalone: bool = False
    open_start: bool = False
    #: a time of any day: the hours of a SET just before it (`평일 오전 9시~오후 6시`)
    daily: bool = False

    @property
    def rank(self) -> int:
        return Piece(0, 0, {k: v for k, v in self.fields.items() if k not in PREFIX_FIELDS}).rank


def parse_timex(text: str, reference: dt.date | dt.datetime | None) -> list[Timex]:
    """Every temporal expression in `text`, normalised against `reference` (None: no date is
    known, and what depends on one is left open: `7월 28일` -> `XXXX-07-28`)."""
    parser = TimexParser(reference)
    parser.learn_names(text)
    return parser.parse(text)


#: Without a reference date an expression is resolved against each of these days: what comes
#: out the same from all of them is what the text fixes; what differs is open (`X`). Leap years
#: (`2월 29일` resolves in each), and days, months, weekdays and years that differ pairwise.
_OPEN_REFERENCES = (dt.date(2004, 3, 15), dt.date(2012, 8, 9), dt.date(2016, 11, 26))


def _context(reference: dt.date | dt.datetime) -> Context:
    has_clock = isinstance(reference, dt.datetime)
    now = reference if has_clock else dt.datetime.combine(reference, dt.time())
    offset = now.utcoffset()
    return Context(now.replace(tzinfo=None), has_clock,
                   offset.total_seconds() / 3600 if offset is not None else None, now.date(), now.year)


class TimexParser:
    """Keeps the anchor day (`이날`) across the parts of one document."""

    def __init__(self, reference: dt.date | dt.datetime | None):
        self.contexts = [_context(day) for day in (_OPEN_REFERENCES if reference is None else [reference])]
        #: the dated words of quoted event names (`10월 축제` of `'진주 10월 축제'`), as patterns
        self.name_tails: dict[str, regex.Pattern] = {}

    def learn_names(self, text: str, start: int = 0, end: int | None = None) -> None:
        """Remember quoted event names that hold a date word: the word is part of the name, also
        where the name comes back without quotes (`진주 10월 축제가`)."""
        for quoted in _event_names(text, start, len(text) if end is None else end):
            pieces = _pieces(text, quoted.start("name"), quoted.end("name"), [])
            if pieces:
                tail = regex.sub(r"\s", "", text[pieces[0].start:quoted.end("name")])
                self.name_tails[tail] = compiled(r"(?<!\d)" + r"\s?".join(map(regex.escape, tail)))

    def parse(self, text: str, start: int = 0, end: int | None = None) -> list[Timex]:
        """The expressions of text[start:end]; names learnt beforehand (`learn_names`) are respected."""
        end = len(text) if end is None else end
        found = []
        spoken = [(start + quoted.open, start + quoted.close) for quoted in quoted_passages(text[start:end])
                  if quoted.double]
        for first, last in _ranges(text, _groups(text, _pieces(text, start, end, self._names(text, start, end)))):
            if last is None and any(open_ < first.start < close for open_, close in spoken):
                _said_on_anchor(first)
            found += self._resolve_range_or_bounds(text, first, last)
        return found

    def _resolve_range_or_bounds(self, text: str, first: Group, last: Group | None) -> list[Timex]:
        """The expression or range; two bounds that make no range (`지난해 6월부터 전년 동기보다`: the second
        is no day, month or year of the calendar) are two expressions."""
        timex = self._resolve(text, first, last)
        if timex is not None or last is None or last.start == first.end:
            return [timex] if timex is not None else []
        return [timex for timex in (self._resolve(text, first, None), self._resolve(text, last, None)) if timex]

    def _resolve(self, text: str, first: Group, last: Group | None) -> Timex | None:
        readings = []
        for context in self.contexts:
            try:
                readings.append(resolve(text, first, last, context))
            except (ValueError, OverflowError):  # outside the calendar (`9999년 전`, `30000000일 후`): no date
                readings.append(None)
        if any(reading is None for reading in readings):
            return None
        value = open_value([reading.value for reading in readings])
        return readings[0].model_copy(update={"value": value}) if value else None

    def _names(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """What holds date words but names no date: quoted event names, and page stamps."""
        spans = [(_year_before(text, start, quoted.start()), quoted.end()) for quoted in _event_names(text, start, end)]
        spans += [name.span() for name in _YEAR_BEFORE_NAME.finditer(text, start, end)]
        spans += [stamp.span() for stamp in _STAMP.finditer(text, start, end)]
        spans += [line.span() for line in _PAGE_DATES.finditer(text, start, end)]
        return spans + [m.span() for tail in self.name_tails.values() for m in tail.finditer(text, start, end)]


def _said_on_anchor(group: Group) -> None:
    """`오늘 이 만남이 …` in a quotation is the day it was said, the day of the story (the anchor),
    not the day the report came out."""
    if "day_shift" in group.fields:
        group.fields["anchor_shift"] = group.fields.pop("day_shift")


_DIGITS = compiled(r"\d+")


def open_value(values: list[str]) -> str | None:
    """One TIMEX3 value from the readings of an expression against several days: the digits
    that differ between them are unknown (`2004-07-28`, `2012-07-28` -> `XXXX-07-28`), a whole
    number at a time; None when the readings do not even share a form."""
    first = values[0]
    if all(value == first for value in values):
        return first
    forms = {_DIGITS.sub(lambda number: "9" * len(number.group()), value) for value in values}
    if len(forms) > 1:
        return None
    numbers = [_DIGITS.findall(value) for value in values]
    parts = iter(zip(*numbers))
    return _DIGITS.sub(lambda number: number.group() if len(set(next(parts))) == 1 else "X" * len(number.group()),
                       first)


# --- finding pieces -------------------------------------------------------------------------

def _year_before(text: str, start: int, quote: int) -> int:
    """Where a quoted event name starts with the year written just before its quotation mark."""
    year = _YEAR_BEFORE_QUOTE.search(text, max(start, quote - 8), quote)
    return year.start() if year else quote


def _event_names(text: str, start: int, end: int):
    return (quoted for quoted in _QUOTED.finditer(text, start, end) if _names_event(quoted["name"]))


def _names_event(name: str) -> bool:
    name = _GLOSS.sub("", name.strip())
    return name.endswith(_EVENT_HEADS) or bool(_CAMPAIGN_YEAR_END.search(name))


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
        daily = bool(groups) and _hours_of_set(text, groups[-1], piece)
        groups.append(Group(piece.start, piece.end, dict(piece.fields), not piece.attach_only, piece.standalone,
                            daily=daily))
    complete = [group for group in groups if _complete(group)]
    for before, after in zip(complete, complete[1:]):
        if _COORDINATION.fullmatch(text, before.end, after.start):
            _share(before, after)
    return complete


def _hours_of_set(text: str, group: Group, piece: Piece) -> bool:
    return "every" in group.fields and has_time(piece.fields) and bool(_SET_TO_HOURS.fullmatch(text, group.end,
                                                                                                piece.start))


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
    if "인" in gap and not group.fields.keys() & {"weekday", "span_day", "day_shift", "anchor_shift", "holiday"}:
        return False
    if gap == "\n" and not text.startswith("(", piece.start):
        return False
    closing = gap.endswith("(")
    if closing and not text.startswith(")", piece.end):
        return False
    prefix_only = not (group.fields.keys() - PREFIX_FIELDS)
    if group.standalone or (piece.standalone and not prefix_only):
        return False
    if "every" in group.fields and (piece.standalone or has_time(piece.fields)):
        return False  # `매일 1시간씩`, `매주 화요일 오전 10시`: the SET, then the time of its days
    if not prefix_only and not _fits_after(group, piece) and not _names_it_again(gap, group, piece):
        return False
    group.fields.update(_joined_fields(group, piece))
    group.end = piece.end + (1 if closing else 0)
    group.anchored = group.anchored or not piece.attach_only
    group.standalone = piece.standalone
    return True


def _joined_fields(group: Group, piece: Piece) -> dict:
    """`올해 말`, `지난해말까지`: the end of a year names its month, as 연말 does; its start (`2021년 초`)
    keeps the year."""
    if _ends_year(group, piece):
        return {"year_part": _YEAR_END_PARTS[piece.fields["month_part"]]}
    return piece.fields


def _ends_year(group: Group, piece: Piece) -> bool:
    return (piece.fields.get("month_part") in _YEAR_END_PARTS and bool(group.fields.keys() & _YEAR_KEYS)
            and not group.fields.keys() & {"month", "month_shift", "day", "day_shift"})


def _fits_after(group: Group, piece: Piece) -> bool:
    keys = piece.fields.keys()
    if "quantity" in keys or "quantity" in group.fields:
        return False
    if "month_part" in keys:
        in_month = group.fields.keys() & {"month", "month_shift"} and not group.fields.keys() & {"day", "day_shift"}
        return bool(in_month) or _ends_year(group, piece)
    if "zone" in keys:
        return "clock" in group.fields
    return piece.rank >= group.rank


def _names_it_again(gap: str, group: Group, piece: Piece) -> bool:
    """`첫째날인 7월 2일`, `이튿날인 5월 31일`: a trip's day or a day told from the one before, set beside
    its date in full, is that one date."""
    return ("인" in gap and len(group.fields) == 1 and group.fields.keys() & {"span_day", "anchor_shift"}
            and "month" in piece.fields)


def _complete(group: Group) -> bool:
    fields = group.fields
    if "quantity" in fields:
        return "direction" in fields
    if "season" in fields:
        return bool(fields.keys() & {"year", "year_shift", "direction"})
    if "part_of_day" in fields and fields.keys() & {"direction", "clock"}:
        return True
    if "year_part" in fields and fields.keys() & _YEAR_KEYS:
        return True  # `올 초`, `올말`: a year's start or end, though `올` and `초` only attach
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
    return "every" not in last.fields and "every" not in first.fields





_RANGE_GRAINS = {"day_range": "day", "month_range": "month", "year_range": "year"}


def _split_range(group: Group) -> tuple[Group, Group]:
    """`26~27일`, `6~7월`, `2023~2024년`: the first bound keeps what was written before the range."""
    key = next(key for key in _RANGE_GRAINS if key in group.fields)
    grain = _RANGE_GRAINS[key]
    first_value, last_value = group.fields.pop(key)
    first = Group(group.start, group.end, {**group.fields, grain: first_value}, True)
    last = Group(group.end, group.end, {grain: last_value}, True)
    return first, last
