"""One visit per event: a clause dated within a visit already told retells it; the story
keeps the visits an article's body tells, in reading order."""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from ...model import Span, Visit
from ..timex.period import Period
from .context import MAX_EVENT_DAYS, long_stay, short_stay

#: The least rounding a lead's count takes (`3천여 명` for 3,245): smaller counts are exact.
MIN_ROUNDING = 1000
#: A visit that ended this many days before the report is recalled, not news (unless a tally).
RECALLED_AFTER_DAYS = 120
#: From this many people a count is a crowd's (`일일 최다 관광객 … 18만6천724명`): a tally.
CROWD = 1000


@dataclass
class Told:
    """A visit as the article tells it, dated by a Period until it becomes a contract Visit."""
    period: Period | None
    countries: list[str]
    visitors: str | None
    headcount: int | None
    purpose: str | None
    program: str | None
    evidence: Span
    #: its span is the visitors' own schedule (`4일부터 10일 일정으로`), not a course's
    schedule: bool = False
    #: the day the visitors leave (`27일 귀국한다`)
    leaves: Period | None = None
    #: the stay's number of days, told apart from its first day (`2일 입국했다` and `4박 5일간 머물며`)
    days: int | None = None
    #: one of several visits its sentence tells on other days (legs, stops, groups)
    leg: bool = False
    #: one of several parties its clause names side by side (`싱가포르 SMU, 미국 TAMU가`)
    party: bool = False
    #: told as done before (`방문한 바 있다`)
    recalled: bool = False
    #: its sentence points to the article's own visit (`이번 방문에는`)
    of_the_story: bool = False
    #: an earlier period's figure the news is compared with (`전년 동월(111만명) 대비`)
    compared: bool = False
    #: a period told apart from its visitors (`30일까지 진행되는 연수는`): it dates or ends a visit, alone it is none
    period_only: bool = False
    #: undated, it counts part of the crowd tallied before or the same days (`이중 외국인은`, `이 기간`)
    of_the_tally: bool = False
    #: its people are counted as "too" (`대만 수학여행단 30여 명도`): a group besides those told
    another_group: bool = False

    def as_visit(self) -> Visit:
        return Visit(date=self.period.value if self.period else None, countries=self.countries,
                     visitors=self.visitors, headcount=self.headcount, purpose=self.purpose,
                     program=self.program, evidence=self.evidence)


class _NearDays:
    """The visits told so far, by their first day, so that a new one is compared only with those
    that could tell the same event: dated within MAX_EVENT_DAYS of it (one period within the
    other starts so), and every undated visit or one with an odd period (months, times, years),
    which all are compared as before. Comparing each visit with all before it made a long
    text's cost grow with the square of its visits."""

    _BUCKET = MAX_EVENT_DAYS + 1

    def __init__(self) -> None:
        self._order: dict[int, int] = {}  # id(visit) -> its place in the story
        self._key: dict[int, int | None] = {}  # id(visit) -> its bucket, None for always compared
        self._buckets: dict[int | None, list[Told]] = defaultdict(list)

    def add(self, visit: Told) -> None:
        self._order.setdefault(id(visit), len(self._order))
        key = _first_ordinal(visit.period)
        key = None if key is None else key // self._BUCKET
        if id(visit) in self._key:
            if self._key[id(visit)] == key:
                return
            self._buckets[self._key[id(visit)]].remove(visit)
        self._key[id(visit)] = key
        self._buckets[key].append(visit)

    def near(self, day: int | None) -> list[Told]:
        """In story order, the visits that could retell one starting on this day (an ordinal)."""
        found = list(self._buckets[None])
        if day is not None:
            for key in range(day // self._BUCKET - 1, day // self._BUCKET + 2):
                found += self._buckets.get(key, [])
        return sorted(found, key=lambda visit: self._order[id(visit)])


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _first_ordinal(period: Period | None) -> int | None:
    """The ordinal of a period's first day, where both its bounds begin with days in order."""
    if period is None:
        return None
    first, last = period.first_bound[:10], period.last_bound[:10]
    if not (_ISO_DAY.fullmatch(first) and _ISO_DAY.fullmatch(last)) or first > last:
        return None
    try:
        return dt.date.fromisoformat(first).toordinal()
    except ValueError:
        return None


class Story:
    """The visits an article's body tells, in reading order: a clause dated within a visit
    already told retells it, and a sentence with no date of its own tells more of the visit
    before it. Weak reports add to the visit they follow or take the date of the one that
    follows them, but are no visit alone: `해외 바이어 300여 명이 참석했다` with no day is
    attendance (`방문했다고 15일 밝혔다` is a visit), meeting people at home is no visit, and
    a plan told after a visit (`내년에는 … 초청할 계획이다`) is the outlook, not news, unless
    it names a day in the weeks ahead."""

    def __init__(self, reported: dt.date | None):
        self._reported = reported
        self._visits: list[Told] = []
        self._near = _NearDays()
        self._alone: set[int] = set()
        self._last: Told | None = None

    def add(self, visit: Told, stands_alone: bool, planned: bool, until: Period | None = None) -> None:
        """`until`: the undated visit ends its stay that day (`이들은 26일까지 머문다`): the
        day-long visit it tells more of lasts until then. A visit recalled as background is
        left out: the sentences after it with no date tell more of the story's visit."""
        if self._recalled(visit) or self._another_tally(visit) or self._another_group(visit):
            return
        stands_alone = stands_alone and not (planned and self._alone and not self._soon(visit))
        if visit.period is None and self._last is not None and not visit.party:
            target = self._visits[0] if visit.of_the_story else self._last
            if target.countries and not set(target.countries) < set(visit.countries):
                # the visitors' countries are told: others named later are context, unless they
                # list them all again (`가나, 감비아 등 25개국` then the 25 names)
                visit.countries = []
        else:  # a leg is a visit of its own, within a trip told before or beside another leg
            target = next((e for e in self._comparable(visit) if self._retells(visit, e) and not (
                visit.leg and e.period != visit.period)), None)
        if target is None:
            self._store(visit)
            target = visit
        else:
            _merge_into(target, visit)
        if until and target.period and long_stay(target.period, until):
            target.period = target.period.through(until)
        if visit.leaves and target.period and short_stay(target.period, visit.leaves) and self._one_visit_told():
            # `26일 … 방문을 끝으로 27일 귀국한다` ends the visit; after several stops, the trip
            target.period = target.period.through(visit.leaves)
        if target.days:
            target.period = _lasting(target.period, target.days)
        if stands_alone:
            self._alone.add(id(target))
        if not visit.compared:  # the sentences after tell more of the news, not of a figure compared
            self._last = target
        self._near.add(target)  # its period may have changed

    def _store(self, visit: Told) -> None:
        self._visits.append(visit)
        self._near.add(visit)

    def _comparable(self, visit: Told) -> list[Told]:
        """The visits told before that `_retells` could find this one retelling."""
        if visit.period is None:
            return self._near.near(self._reported.toordinal() if self._reported else None)
        day = _first_ordinal(visit.period)
        return self._visits if day is None else self._near.near(day)

    def _another_tally(self, visit: Told) -> bool:
        """`1일 개막 이후 33만명이 찾은 것으로 집계됐다` then `이중 외국인은 1만574명이 다녀갔다`:
        the undated crowd is told as a visit of its own on the tally's days."""
        if visit.period is not None or not _another_crowd(visit, self._last):
            return False
        visit.period = self._last.period
        self._store(visit)
        self._alone.add(id(visit))
        return True

    def _another_group(self, visit: Told) -> bool:
        """`주한 대사 3명이 참석했다` then `대만 수학여행단 30여 명도 축제를 찾았다`: people of a
        country counted "too" are a group of their own at the same event: a visit on its date."""
        last = self._last
        if not (visit.period is None and visit.another_group and visit.countries and visit.headcount is not None
                and last is not None):
            return False
        visit.period = last.period
        self._store(visit)
        self._alone.add(id(visit))
        return True

    def _one_visit_told(self) -> bool:
        return sum(v.period is not None for v in self._visits) == 1

    def _soon(self, visit: Told) -> bool:
        """A planned visit on a day within weeks of the report (`오는 20일에는 … 도착할 예정이다`)
        is news of the story, not its outlook (`내년에는 … 초청할 계획이다`)."""
        days = visit.period is not None and visit.period.span_of_days(MAX_EVENT_DAYS)
        first = visit.period.first_day if days else None
        return first is not None and 0 <= (first - self._reported).days <= MAX_EVENT_DAYS

    def _recalled(self, visit: Told) -> bool:
        """An earlier visit recalled as background: told as done before (`방문한 바 있다`), or it
        ended months before the report (`지난해 9월에는 … 공무원 18명이 교육을 받았다`, `2001년 …
        참가했던 방한 연수에 이어`) and is no tally of visitors (a crowd's count, or a count over
        a period longer than a visit). A compared figure is an earlier tally, never background."""
        if visit.compared:
            return False
        if visit.recalled:
            return True
        if visit.period is None or self._reported is None or visit.period.end is None:
            return False
        if (self._reported - visit.period.end).days <= RECALLED_AFTER_DAYS:
            return False
        return visit.headcount is None or not (
            visit.headcount >= CROWD or visit.period.calendar_days > MAX_EVENT_DAYS)

    def visits(self) -> list[Told]:
        told = [v for v in self._visits if id(v) in self._alone]
        dated = sorted((v for v in told if v.period is not None), key=lambda v: v.period.value)
        values = [v.period.value for v in dated]
        return [v for v in told if not _told_twice(v, dated, values)]

    def _retells(self, visit: Told, earlier: Told) -> bool:
        """`same_event`, where a visit told without a day takes the date of one near the
        report only (`이들은 지난해 5월에도 도를 찾은 바 있다` is another visit)."""
        if (visit.period is None) != (earlier.period is None):
            first = (visit.period or earlier.period).first_day
            if first is None or self._reported is None or abs((first - self._reported).days) > MAX_EVENT_DAYS:
                return False
        return same_event(visit, earlier)


def _told_twice(visit: Told, dated: list[Told], values: list[str]) -> bool:
    """A visit with no date, or dated by a period only one other visit falls in or starts on,
    that names no other people than it: a lead `견학 코스가 되고 있다` then the tally since the
    opening; `올해에는 … 찾는다` beside the visit's days; a course's first day beside its span.
    A period over several visits sums them up and stays. `dated`: the dated visits sorted by
    their values (`values`), so those a period refines are one slice (`Period.refines`)."""
    if visit.period is None:
        return any(_adds_nothing(visit, other) for other in dated)
    value = visit.period.value
    inside = dated[bisect_left(values, value):bisect_left(values, value + "\uffff")]
    finer = [other for other in inside if other.period != visit.period]
    return len(finer) == 1 and _adds_nothing(visit, finer[0])


def _another_crowd(visit: Told, tally: Told | None) -> bool:
    """A crowd counted with no date of its own right after the tally of an event's days (a
    festival's, not a month's statistics), as part of it or of the same days, not retelling its
    count: another tally of those days (`이중 외국인은 1만574명`, `이 기간 외국인 방문객은 31만명`)."""
    return tally is not None and tally.period is not None and tally.period.is_span \
        and tally.period.span_of_days(MAX_EVENT_DAYS) and visit.of_the_tally and not tally.compared and None not in (
        visit.headcount, tally.headcount) and min(visit.headcount, tally.headcount) >= CROWD \
        and not _same_count(visit.headcount, tally.headcount)


def same_event(visit: Told, earlier: Told) -> bool:
    """A clause retelling a reported visit: one date lies within the other (a day of a week-long
    course, or the course's span given after its first day) and one adds nothing to the other,
    or one is not given (a lead that names no day of the visit, then its schedule) and they tell
    of no other people.
    A summary (`37개국 138명`, 6/26-7/27) and the visits it sums up stay apart."""
    undated = visit.period is None or earlier.period is None
    if not (undated or _within(visit.period, earlier.period) or _within(earlier.period, visit.period)):
        return False
    if (undated or visit.period == earlier.period) and not _conflicts(visit, earlier):
        # one day's visit told in parts: `대표단이 방문` then `이날 대표단 6명을 만나`; a lead with
        # no day, then the visit's day: `아르헨티나, 중국 … 경찰관들이 방문한다` then `4일부터 …
        # 아르헨티나 등 7개국 경찰관 8명을 초청해`
        return True
    if not undated and visit.period.continues(earlier.period) and not _conflicts(visit, earlier):
        return True  # the stay that began that day: `23일부터 … 연수` then `이날 입교해 5일까지`
    if not undated and _stop_of_schedule(visit, earlier) and not _conflicts(visit, earlier):
        return True  # `4일부터 3박 4일 일정` then `마지막 날 만찬에는 대표단 20여명이`: a stop of the stay
    return _adds_nothing(visit, earlier) or _adds_nothing(earlier, visit)


def _stop_of_schedule(visit: Told, other: Told) -> bool:
    """One lies within the other, the visitors' own schedule (not a course's or a festival's span)."""
    return (other.schedule and _within(visit.period, other.period)) or (
        visit.schedule and _within(other.period, visit.period))


def _conflicts(visit: Told, other: Told) -> bool:
    """Different people: other countries, or another number of them."""
    other_countries = visit.countries and other.countries and not set(visit.countries) & set(other.countries)
    other_count = None not in (visit.headcount, other.headcount) and not _same_count(visit.headcount, other.headcount)
    return bool(other_countries or other_count)


def _same_count(one: int, other: int) -> bool:
    """Equal, or one rounds the other: a lead's `126만 명을 넘어서` is the body's 126만5658명."""
    if one == other:
        return True
    rounded, exact = sorted((one, other), key=_trailing_zeros, reverse=True)
    unit = 10 ** _trailing_zeros(rounded)
    return unit >= MIN_ROUNDING and rounded <= exact < rounded + unit


def _trailing_zeros(number: int) -> int:
    return len(str(number)) - len(str(number).rstrip("0"))


def _adds_nothing(visit: Told, other: Told) -> bool:
    return set(visit.countries) <= set(other.countries) and (
        visit.headcount is None or other.headcount is not None and _same_count(visit.headcount, other.headcount))


def _lasting(first: Period | None, days: int) -> Period | None:
    """A stay of `days` days from a single day (`2일 입국` and `4박 5일간`: the 2nd to the 6th)."""
    if first is None or first.day is None or days < 2:
        return first
    return first.through(first.plus_days(days - 1))


def _within(inner: Period | None, outer: Period | None) -> bool:
    """`inner` falls within `outer`, an event's span of days (not a season or years of visits)."""
    if inner is None or outer is None or inner == outer:
        return inner == outer
    return inner.within(outer, MAX_EVENT_DAYS)


def _merge_into(earlier: Told, visit: Told) -> None:
    """Keep one visit per event: its date as first reported (a stay's span given later widens
    its first day: `31일 방문길에` then `31일부터 3일까지`, or any of its days when the span is
    the visitors' schedule: `5일 간담회` then `4일부터 10일 일정으로`; a course's span does not:
    `29일 방문` then `17일부터 21일간 연수`), every visiting country, the known headcount."""
    if earlier.period is None or (_within(earlier.period, visit.period) and (
            visit.schedule or visit.period.continues(earlier.period))):
        earlier.period = visit.period
    earlier.countries = list(dict.fromkeys(earlier.countries + visit.countries))
    if earlier.headcount is None or (visit.headcount is not None and _same_count(earlier.headcount, visit.headcount)
                                     and _trailing_zeros(visit.headcount) < _trailing_zeros(earlier.headcount)):
        earlier.headcount = visit.headcount  # the exact count over a lead's rounded one (`126만 명`)
    earlier.program = earlier.program or visit.program
    earlier.days = earlier.days or visit.days
    earlier.visitors = earlier.visitors or visit.visitors
