"""What the visit recognizer knows of one Doc: its text, the lexicon, the reference date and
the earlier components' items, each with the character span it covers. One VisitContext is
passed to every step instead of the Doc, the items and the lexicon apart."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from ...lexicons import load
from ...nlp.common import items, reference_date, text_of
from ...nlp.korean import Spans
from ..timex.period import Dated, Period
from .lexicon import VisitLexicon

DATED_TYPES = ("DATE", "TIME")
#: The longest span one visit lasts (a month-long course); longer spans sum up many visits.
MAX_EVENT_DAYS = 31
#: The longest stay that the visitors' own later sentence may give (a months-long course).
MAX_STAY_DAYS = 366
#: A local government as a sentence's subject (`군산시가`, `가평군은`).
_LOCAL_GOVERNMENT_HEADS = tuple(load("name_heads")["organizations"]["local_government_heads"])
#: The country the articles are written in: never a visitor's (its people go abroad).
HOST = load("countries")["host"]


@dataclass
class Clause:
    start: int
    end: int
    date: Dated | None
    cumulative: bool = False
    until: Period | None = None  # an undated clause ending the stay (`이들은 26일까지 … 둘러본다`)
    leaves: Period | None = None  # the day the visitors leave (`27일 귀국한다`)
    own_stay: bool = False  # dated from the visitors' arrival to their leaving or stay's end


@dataclass(frozen=True)
class At:
    """Something found at text[start:end]: a country (`key` its code; whether it visits), a
    programme (`key` its name), the head of a phrase naming visitors, a visit cue."""
    start: int
    end: int
    key: str = ""
    visiting: bool = False


class VisitContext:
    """The Doc, the lexicon, the reference date and earlier components' items."""

    def __init__(self, doc: Doc, lex: VisitLexicon):
        self.doc, self.lex = doc, lex
        self.reference: dt.date | None = reference_date(doc)
        self.text = text_of(doc)
        self.dates = Spans(Dated.of(timex) for timex in items(doc, "dates"))
        self.counts = Spans(items(doc, "headcounts"))
        self.countries = Spans(At(c.mentions[0].start, c.mentions[0].end, c.code, c.visiting)
                               for c in items(doc, "countries") if c.mentions)
        self.programs = Spans(At(p.mentions[0].start, p.mentions[0].end, p.name)
                              for p in items(doc, "programs") if p.mentions)
        self.quotes = Spans(items(doc, "quotes"))
        self.persons = Spans(m for p in items(doc, "persons") for m in p.mentions)
        self.bodies = Spans(m for o in items(doc, "organizations") for m in o.mentions)
        self.local_governments = Spans(m for m in self.bodies if m.text.endswith(_LOCAL_GOVERNMENT_HEADS))
        #: a foreign city's officials the countries recognizer found visiting (`샌프란시스코 시장을 만나`)
        self.officials = Spans(At(start, end, code, True) for start, end, code in doc._.foreign_officials or [])

    def held_abroad(self, start: int, end: int) -> bool:
        """text[start:end] places an event near the report's day in a foreign country or city
        (`대만에서 로드쇼를 개최하고`, `베트남 하노이 현지에서`): people of the article's side
        travel there. An event abroad months before (`지난 5월 러시아에서 열린 대회 우승자`) is
        background."""
        if not any(word in self.text[start:end] for word in self.lex.abroad_events) \
                or not self.lex.abroad_after_place.search(self.text, start, end):  # after no place then
            return False
        places = [c.end for c in self.within(self.countries, start, end) if not c.visiting and c.key != HOST]
        places += [m.end() for m in self.lex.foreign_city.finditer(self.text, start, end)]
        return any(self.lex.abroad_after_place.match(self.text, place, end) and self._held_lately(start, place)
                   for place in places)

    def _held_lately(self, start: int, place: int) -> bool:
        """The last date before the place, if any, is near the report's day."""
        dates = [d for d in self.within(self.dates, start, place) if d.type in DATED_TYPES]
        return not dates or self.near(dates[-1].period.first_day)

    def near(self, day: dt.date | None) -> bool:
        """A day within the longest span of one visit from the report's day."""
        return day is not None and self.reference is not None and abs((day - self.reference).days) <= MAX_EVENT_DAYS

    def counts_people(self, start: int, end: int) -> bool:
        return any(c.unit == "people" for c in self.within(self.counts, start, end))

    def compared(self, count) -> bool:
        """A figure compared with (`75만3000명에 비해`, `지난해 1월(9489명)보다`): no count of the
        visitors a clause reports."""
        return self.lex.compared_count.match(self.text, count.end) is not None

    def quoted(self, entry) -> bool:
        """Inside a quotation: what a speaker recalls is not a visit the article reports."""
        return self.quotes.cover(entry.start, entry.end)

    @staticmethod
    def within(entries: Spans, start: int, end: int) -> list:
        """The entries inside text[start:end], in text order."""
        return entries.within(start, end)


def nominal(token) -> bool:
    return token.tag_.startswith(("NN", "SN", "SL", "SH", "XSN")) or token.text == "등"


def long_stay(first: Period, last: Period) -> bool:
    """From one day to a later day within a year: a course's trainees staying on
    (`이들은 10월 19일까지 5개월여 동안 머물며`)."""
    days = first.days_to(last)
    return days is not None and 0 < days <= MAX_STAY_DAYS


def short_stay(first: Period, last: Period) -> bool:
    """From one day to a later day, at most the longest span one visit lasts."""
    days = first.days_to(last)
    return days is not None and 0 < days <= MAX_EVENT_DAYS

