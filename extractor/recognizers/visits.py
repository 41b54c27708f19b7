"""Visits: who came where, when, how many — one per visit event a sentence reports.

Reads what earlier components found (dates, headcounts, countries, programs) and
groups it by sentence: a body sentence with a visit cue (방문, 견학, 연수 …) is
cut into clauses at each date it names, and every clause that names visitors
(a visiting country, a count of people, a visitor noun) is a visit on that date.
A clause reporting visits accumulated since a past date (`개소한 이래 … 다녀갔다`)
is dated as the interval from that date to the reference date. A sentence with no
date of its own tells more of the visit before it (`대표단은 7명으로 구성됐다`); one
before any dated visit (`… 방문했다고 15일 밝혔다`: the day of the report) is a visit
without a day, unless the schedule that follows dates it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import load
from ..model import Span, Visit
from ..nlp.common import add_item, document_of, items, reference_date, sentence_ranges, text_of

DATED_TYPES = ("DATE", "TIME")
#: The longest span one visit lasts (a month-long course); longer spans sum up many visits.
MAX_EVENT_DAYS = 31


@dataclass
class _Clause:
    start: int
    end: int
    date: dict | None
    cumulative: bool = False
    until: str | None = None  # an undated clause ending the stay (`이들은 26일까지 … 둘러본다`)


@Language.factory("kr_visits")
def create_visits(nlp: Language, name: str):
    return VisitRecognizer()


class VisitRecognizer:
    def __init__(self):
        lexicon = load("visits")
        cues = load("visit_cues")
        self.visitor_nouns = tuple(cues["participant_heads"])
        # `이들은 … 총회에 참석했다`: a pronoun for the visitors named before names them too
        self.pronoun = regex.compile(rf"(?<!\p{{Hangul}})(?:{_alternation(lexicon['visitor_pronouns']).pattern})")
        self.visitor_word = regex.compile(rf"{_alternation(self.visitor_nouns).pattern}|{self.pronoun.pattern}")
        # `대표단` names visitors; it does not report that they came (`대표단은 포럼에 참석해`)
        visiting = tuple(c for c in cues["cues"] if c not in self.visitor_nouns)
        # meeting visitors (`대표단 6명을 만나`) tells of a visit reported elsewhere, or of a foreign one
        self.meeting_cue = _alternation(cues["meeting_cues"])
        self.cue = _alternation(visiting + tuple(lexicon["extra_cues"]))
        self.participation_cue = _alternation(cues["participation_cues"])
        self.arrival_word = _alternation(lexicon["arrival_heads"])
        self.visit_verb = _alternation(visiting)
        self.not_cue = _alternation(cues["not_cues"])
        self.cumulative = tuple(lexicon["cumulative"])
        self.attribution = tuple(lexicon["attribution_after_date"])
        self.quotative = regex.compile("|".join(lexicon["quotative_endings"]))
        self.comparison = tuple(lexicon["comparison_after_date"])
        self.departure = tuple(lexicon["departure_after_date"])
        self.trip_starts = tuple(lexicon["trip_start_after_date"])
        self.trip_ends = tuple(lexicon["trip_end_after_date"])
        self.until = tuple(lexicon["until_after_date"])
        self.since = tuple(lexicon["since_after_date"])
        self.ongoing = tuple(lexicon["ongoing_after_since"])
        self.founding = tuple(lexicon["founding_after_date"])
        self.events = tuple(lexicon["event_modifiers"])
        heads = "|".join(map(regex.escape, lexicon["edition_heads"]))
        self.edition = regex.compile(rf"(?:\s[^\s,.]+){{0,4}}?\s?(?:{heads})"
                                     r"(?:에서는|에서|에는|에|의|을|를|은|는|이|가|과|와|도)?(?!\p{Hangul})")
        self.plans = tuple(lexicon["plan_markers"])
        self.totals = tuple(lexicon["total_markers"])
        self.this_year = frozenset(lexicon["this_year"])
        # `연수원`, `연수생`, `견학단` name places and people, not the activity
        self.activity = regex.compile("(?:" + "|".join(map(regex.escape, lexicon["activities"])) + r")(?![원생단])")

    def __call__(self, doc: Doc) -> Doc:
        found = _Found(doc)
        story = _Story(reference_date(doc))
        for visit, stands_alone, planned, until in self._sentence_visits(doc, found, ("body",)):
            story.add(visit, stands_alone, planned, until)
        visits = story.visits()
        # a headline or deck may report a dated visit the (cut) body never reaches; a coarser
        # date there (`10월 축제` over the body's 10월 1~13일) retells a body visit
        for visit, stands_alone, _, _ in self._sentence_visits(doc, found, ("headline", "deck")):
            if stands_alone and visit.date is not None and not any(
                    _same_event(visit, e) or (e.date or "").startswith(visit.date) for e in visits):
                visits.append(visit)
        for visit in visits:
            add_item(doc, "visits", visit.evidence.start, visit.evidence.end, visit)
        return doc

    def _sentence_visits(self, doc: Doc, found: "_Found", zones: tuple[str, ...]):
        """(visit, whether it stands alone, whether it is planned, the day its stay ends if the
        clause gives only that) for each visit clause."""
        undated_event: _Clause | None = None
        founded: dict | None = None  # `과정은 2006년 개설됐다`: tallies told after count from then
        listed_visits = False  # the line before a list reports visits: its rows do too
        arrived = False  # the sentence before named people from elsewhere (`49개국 대표단이`)
        for sentence in _sentences_in(doc, found.text, zones):
            came_before, arrived = arrived, self._names_arrivals(found, sentence.start, sentence.end)
            founded = self._founding_date(found, sentence) or founded
            cue = self._cue(sentence.text)
            if not sentence.row:
                listed_visits = cue is not None
            # `국가별 연수 일정은 다음과 같다.` then `- 라오스 : 10/8~10/17, 20명`
            # `과정은 2006년 개설됐다` then `지금까지 50여개국 150여명이 수료했다`
            tally_since_founding = (founded is not None and self._is_tally(sentence.text)
                                    and found.counts_people(sentence.start, sentence.end))
            reports = cue is not None or (sentence.row and listed_visits) or tally_since_founding
            if not reports:
                undated_event = None
                continue
            clauses = self._clauses(doc, sentence, found)
            if not clauses and undated_event is not None and found.counts_people(sentence.start, sentence.end):
                # `이달 1일부터 14일까지 초청연수를 실시` then `이번 연수는 태국 공무원 14명을 대상으로`
                clauses = [self._carried_clause(doc, sentence, undated_event)]
            elif not clauses and tally_since_founding:
                since = f"{founded['value']}/{reference_date(doc).isoformat()}"
                clauses = [_Clause(sentence.start, sentence.end, dict(founded, value=since), True)]
            elif not clauses and not self._is_tally(sentence.text):
                # `… 외교관들이 도청을 방문했다고 15일 밝혔다`: a visit the text gives no day for
                clauses = [_Clause(sentence.start, sentence.end, None, until=self._stay_end(found, sentence))]
            undated_event = None
            # attendance is a visit when those taking part come from elsewhere (`이들은 총회에 참석했다`)
            told_as_visit = cue == "visit" or (cue == "attendance" and (arrived or (
                came_before and self.pronoun.search(sentence.text) is not None)))
            for clause in clauses:
                visit = self._visit(doc, sentence, clause, found)
                if visit is not None:
                    planned = any(marker in found.text[clause.start:clause.end] for marker in self.plans)
                    yield visit, self._stands_alone(doc, found, clause, visit, told_as_visit), planned, clause.until
                elif clause.date is not None and (sentence.row or told_as_visit):
                    # a meeting that names no visitors (`25일에는 시장을 만나`) dates no sentence after it
                    undated_event = clause

    def _names_arrivals(self, found: "_Found", start: int, end: int) -> bool:
        """People from elsewhere: a delegation or foreign visitors (`대표단`, `외교관`), or a count
        of the countries or cities they come from (`49개국 67개 도시`)."""
        return (self.arrival_word.search(found.text, start, end) is not None
                or any(c["unit"] in ("countries", "cities") for c in found.within(found.counts, start, end)))

    def _stands_alone(self, doc: Doc, found: "_Found", clause: _Clause, visit: Visit, told_as_visit: bool) -> bool:
        """A visit reported with no day needs a sentence telling the act of visiting; one that
        only meets people at home (`지역 기업인들을 만나`) needs them to come from abroad."""
        if clause.date is None:
            return self._acts_out_visit(doc, found, clause)
        return bool(visit.countries) or told_as_visit or clause.cumulative

    def _acts_out_visit(self, doc: Doc, found: "_Found", clause: _Clause) -> bool:
        """The clause uses a visit cue as its verb (`방문했다고`, `찾아왔다`), outside quotes: it
        reports people coming, not visitors as a noun (`방문객 수는`) or attendance (`참석했다`)."""
        for match in self.visit_verb.finditer(found.text, clause.start, clause.end):
            if found.quoted({"start": match.start(), "end": match.end()}):
                continue
            token = doc.char_span(match.start(), match.end(), alignment_mode="expand")[-1]
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if token.tag_.startswith("VV") or (following is not None and following.tag_.startswith("XSV")):
                return True
        return False

    def _cue(self, text: str) -> str | None:
        """"visit" when the text reports visiting, "attendance" when people only take part
        (`농업인 2천여 명이 참석했다`: a visit only if they come from abroad), "meeting" when it
        only meets people (`대표단 6명을 만나`), else None."""
        text = self.not_cue.sub("", text)
        if self.cue.search(text):
            return "visit"
        if self.participation_cue.search(text):
            return "attendance"
        return "meeting" if self.meeting_cue.search(text) else None

    def _clauses(self, doc: Doc, sentence: "_Sentence", found: "_Found") -> list[_Clause]:
        """The sentence cut at each date of an event it names.

        Dropped: report dates (`28일 시에 따르면`, `5일 밝혔다`) and dates inside a noun's
        modifier (`지난 4월 신축 이전한 센터`), unless the modifier is the visit itself
        (`19일 방문한 대표단`) or the sentence counts visits since then (`개소한 이래`).
        A time range on the report date (`13시부터 18시까지`) dates the visit by its day.
        """
        dates = found.within(found.dates, sentence.start, sentence.end)
        # `2015년 개소 이후 30개국 1200명이 방문했다` counts visits since then
        counted_since = any(self._starts_a_period(found.text, d) for d in dates) and bool(
            found.within(found.counts, sentence.start, sentence.end))
        cumulative = (self._is_tally(sentence.text) or _open_range(found.text, dates) or counted_since
                      or any(self._goes_on_since(found.text, d) for d in dates))
        trip = None if cumulative else self._trip(found.text, dates)
        if trip is not None:
            return [_Clause(sentence.start, sentence.end, trip)]
        event_dates = []
        for date in dates:
            if (date["type"] not in DATED_TYPES or found.quoted(date) or self._edition_year(found.text, date)
                    or self._not_the_visit(found.text, date)):
                continue
            if not cumulative and (self._ends_a_stay(found.text, date) or self._starts_a_period(found.text, date)
                                   or self._dates_something_else(doc, found, date)):
                continue
            if date["type"] == "TIME":
                if date["value"].startswith("T"):  # hours of no particular day (`10시에서 20시까지`)
                    continue
                date = dict(date, value=date["value"].split("T")[0])
            event_dates.append(date)
        if cumulative and event_dates:
            zone = document_of(doc).zone_at(sentence.start)
            if zone is not None and zone.kind != "body":
                return []  # a headline's `다녀가` is news of the day, not a tally
            return [self._cumulative_clause(doc, found.text, sentence, event_dates, dates)]
        # one clause per distinct date: `9일 … 3만명을 넘어서 이날 오후 4시 기준 8만명` is one day's visit
        event_dates = [d for i, d in enumerate(event_dates) if i == 0 or d["value"] != event_dates[i - 1]["value"]]
        stay_end = self._stay_end(found, sentence) or self._end_after_days(found, dates, event_dates)
        if len(event_dates) == 1 and stay_end and 0 < _days(event_dates[0]["value"], stay_end) <= MAX_EVENT_DAYS:
            # `이날 연수원에 입교했고, 다음 달 5일까지 교육받는다`
            event_dates = [dict(event_dates[0], value=f"{event_dates[0]['value']}/{stay_end}")]
        clauses = []
        for i, date in enumerate(event_dates):
            start = sentence.start if i == 0 else date["start"]
            end = event_dates[i + 1]["start"] if i + 1 < len(event_dates) else sentence.end
            clauses.append(_Clause(start, end, date))
        return clauses

    def _trip(self, text: str, dates: list[dict]) -> dict | None:
        """`31일 저녁 북경으로 출발해 4일 새벽에 귀국하는 일정으로`, `10일 입국해 15일 출국한다`:
        a day of setting off and a later day of coming back span the trip."""
        days = [dict(d, value=d["value"].split("T")[0]) for d in dates
                if d["type"] in DATED_TYPES and not d["value"].startswith("T")]
        for first in (d for d in days if _followed_by(text, d, self.trip_starts)):
            for last in days:
                if (last["start"] > first["end"] and _followed_by(text, last, self.trip_ends)
                        and 0 < _days(first["value"], last["value"]) <= MAX_EVENT_DAYS):
                    return dict(first, value=f"{first['value']}/{last['value']}")
        return None

    def _dates_something_else(self, doc: Doc, found: "_Found", date: dict) -> bool:
        """A date inside a modifier of another noun (`지난 4월 신축 이전한 센터`) dates that noun;
        it still dates the visit when the modifier is the visit (`19일 방문한 대표단`) or the event
        visited (`3일 열린 포럼`), or modifies the visitors (`1월 21일에 세운 18만6천724명`)."""
        modifier = _adnominal_verb(doc, date["end"])
        if modifier is None:
            return False
        verb, phrase = modifier
        words = found.text[date["end"]:verb.idx + len(verb)]
        if self._cue(words) is not None or words.endswith(self.events):
            return False
        if not len(phrase):
            return True
        head = phrase[-1]  # the modified noun phrase's head: `… 공무원 등 인력 국내 초청 연수` is a course
        names_visitors = head.text.endswith(self.visitor_nouns) or any(
            c["unit"] == "people" and c["start"] <= head.idx < c["end"] for c in found.counts)
        return not names_visitors

    def _is_tally(self, text: str) -> bool:
        return any(marker in text for marker in self.cumulative)

    def _carried_clause(self, doc: Doc, sentence: "_Sentence", event: _Clause) -> _Clause:
        """The previous sentence's date for visitors named next (`지난해 9월부터 운영` then
        `지금까지 27개국에서 100여명이 참여했다`: a tally from that date)."""
        value = event.date["value"]
        if self._is_tally(sentence.text) and "/" not in value:
            value = f"{value}/{reference_date(doc).isoformat()}"
        return _Clause(sentence.start, sentence.end, dict(event.date, value=value), "/" in value)

    def _cumulative_clause(self, doc: Doc, text: str, sentence: "_Sentence", dates: list[dict],
                           all_dates: list[dict]) -> _Clause:
        """Visits counted since the earliest date named, up to a `…까지` date, through a number of
        days (`개막(6일) 이후 8일간 누적관광객이`), or up to the reference date."""
        since = min(dates, key=lambda d: d["value"])
        until = [d for d in dates if d is not since and text[d["end"]:d["end"] + 2] == "까지"
                 and d["value"] > since["value"]]
        end = until[-1]["value"] if until else _last_of_days(since, all_dates, reach=8) or reference_date(doc).isoformat()
        return _Clause(sentence.start, sentence.end, dict(since, value=f"{since['value'].split('/')[0]}/{end}"), True)

    def _ends_a_stay(self, text: str, date: dict) -> bool:
        """`오는 5월까지 머물며`: the end of a stay whose start is not given, no visit's day."""
        return text.startswith(self.until, date["end"])

    def _edition_year(self, text: str, date: dict) -> bool:
        """`올해 포럼에는`: the year of an annual event's edition; `올해는 46개국 2215명이
        방문했다` (the year as the topic) is the period the count covers."""
        return date["text"] in self.this_year and not text.startswith(("는", "에는", "에만", "에도", " 들어"), date["end"])

    def _founding_date(self, found: "_Found", sentence: "_Sentence") -> dict | None:
        """`2006년 개설됐다`, `2009년부터 이어지고 있는 사업`: where later tallies count from."""
        dates = [d for d in found.within(found.dates, sentence.start, sentence.end)
                 if d["type"] == "DATE" and "/" not in d["value"]
                 and (_followed_by(found.text, d, self.founding) or self._goes_on_since(found.text, d))]
        return dates[-1] if dates else None

    def _goes_on_since(self, text: str, date: dict) -> bool:
        """`2005년부터 지속되고 있는 사업으로 매년 … 초청해`: visits every year since then."""
        return text.startswith("부터", date["end"]) and _followed_by(text, dict(date, end=date["end"] + 2), self.ongoing)

    def _end_after_days(self, found: "_Found", dates: list[dict], event_dates: list[dict]) -> str | None:
        """`17일부터 3박 5일 일정으로`, `27일부터 11일간`: a first day and a number of days."""
        if len(event_dates) != 1 or not found.text.startswith("부터", event_dates[0]["end"]):
            return None
        return _last_of_days(event_dates[0], dates, reach=4)

    def _stay_end(self, found: "_Found", sentence: "_Sentence") -> str | None:
        ends = [d["value"] for d in found.within(found.dates, sentence.start, sentence.end)
                if d["type"] == "DATE" and "/" not in d["value"] and self._ends_a_stay(found.text, d)]
        return ends[0] if ends else None

    def _starts_a_period(self, text: str, date: dict) -> bool:
        """`2011년 자매결연 체결 이후`: the start of a period, no visit's day (with a count in
        the sentence, a tally since then)."""
        return any(marker in text[date["end"]:date["end"] + 12] for marker in self.since)

    def _not_the_visit(self, text: str, date: dict) -> bool:
        """The date of the report (`28일 시에 따르면`, not `22일 방한했다고 밝혔다`: the date
        is the reported clause's), of a comparison (`지난해보다`), of the visitors'
        departure (`4일 출국했다`), or the year naming an event's edition (`2022년 대전
        세계지방정부연합 총회에 참가한`)."""
        following = text[date["end"]:date["end"] + 12]
        return (any(marker in self.quotative.split(following)[0] for marker in self.attribution)
                or following.startswith(self.comparison)
                or any(word in following for word in self.departure)
                or (len(date["value"]) == 4 and self.edition.match(text, date["end"]) is not None))

    def _visit(self, doc: Doc, sentence: "_Sentence", clause: _Clause, found: "_Found") -> Visit | None:
        text = found.text[clause.start:clause.end]
        # a row of a visit list is labelled with the visitors' country
        countries = [c for c in found.within(found.countries, clause.start, clause.end)
                     if c["visiting"] or sentence.row]
        officials = found.within(found.officials, clause.start, clause.end)
        countries += [{"code": o["code"], "start": o["start"], "end": o["end"]} for o in officials]
        counts = found.within(found.counts, clause.start, clause.end)
        people = [c for c in counts if c["unit"] == "people"]
        # counts of bodies and countries alone name visitors only in a tally (`118개국에서 다녀가며`)
        bodies = counts if clause.cumulative else []
        official = None
        if not (countries or people or bodies or self.visitor_word.search(text)):
            official = self._visiting_official(doc, found, sentence, clause)
            if official is None:
                return None
        programs = found.within(found.programs, clause.start, clause.end) or found.within(
            found.programs, sentence.start, sentence.end)
        return Visit(
            date=clause.date["value"] if clause.date else None,
            countries=list(dict.fromkeys(c["code"] for c in countries)),
            visitors=_visitors_phrase(doc, clause, official or self._visitors_head(text, clause, people, countries)),
            headcount=self._headcount(found.text, people),
            purpose=self._purpose(doc, found.text, clause),
            program=programs[0]["name"] if programs else None,
            evidence=Span(text=sentence.text, start=sentence.start, end=sentence.end),
        )

    def _visiting_official(self, doc: Doc, found: "_Found", sentence: "_Sentence", clause: _Clause) -> dict | None:
        """`홍 시장은 4일부터 7일까지 호치민시를 방문한다`: a named person with a title, the
        subject of the sentence up to the dated clause, who visits (an official's trip): the
        span of name and title."""
        if clause.date is None:
            return None  # `최 시장은 이어 … 방문해`: a stop of a trip told before, not a trip
        for person in found.within(found.persons, sentence.start, clause.end):
            subject = _TITLED_SUBJECT.match(found.text, person["end"])
            if subject and not found.quoted(person) and self._acts_out_visit(doc, found, clause):
                return {"start": person["start"], "end": subject.end("title")}
        # `군산시가 지난 26일부터 30일까지 … 연대시를 방문하고 있다`: a local government's delegation
        for body in found.within(found.local_governments, sentence.start, clause.end):
            if _SUBJECT_AFTER_BODY.match(found.text, body["end"]) and not found.quoted(body) \
                    and self._acts_out_visit(doc, found, clause):
                return {"start": body["start"], "end": body["end"]}
        return None

    def _headcount(self, text: str, people: list[dict]) -> int | None:
        """The total when the clause gives one (`총 2만1633명`, `모두 78만 명`), else the one
        count naming the visitors (`전형식 부지사와 외교관 31명 등 50여 명이 참석`: the 50
        include the hosts), else the largest count of people."""
        if not people:
            return None
        totals = [p for p in people if p["text"].startswith(self.totals)
                  or text[:p["start"]].rstrip().endswith(self.totals)]
        if totals:
            return max(p["value"] for p in totals)
        visitors = [p for p in people if _SUBJECT_PARTICLE.sub("", text[:p["start"]].rstrip()).endswith(self.visitor_nouns)]
        return visitors[0]["value"] if len(visitors) == 1 else max(p["value"] for p in people)

    def _purpose(self, doc: Doc, text: str, clause: _Clause) -> str | None:
        """The activity that reports the visit with what it is about:
        `스마트도시 우수사례 견학`, and `통합센터를 견학했다` -> `통합센터 견학`."""
        match = self.activity.search(text, clause.start, clause.end)
        if match is None:
            return None
        first = doc.char_span(match.start(), match.end(), alignment_mode="expand").start
        start = _noun_chain_start(doc, first, clause.start)
        if start == first and start > 0 and doc[start - 1].tag_ == "JKO":
            object_start = _noun_chain_start(doc, start - 1, clause.start)
            if object_start < start - 1:
                return f"{doc[object_start:start - 1].text} {match.group()}"
        return text[doc[start].idx:match.end()]

    def _visitors_head(self, text: str, clause: _Clause, people: list[dict], countries: list[dict]) -> dict | None:
        """The count of people, else the last visiting country, else the first word for visitors."""
        if people:
            return max(people, key=lambda p: p["value"])
        if countries:
            return countries[-1]
        word = self.visitor_word.search(text)
        if word is None:
            return None
        return {"start": clause.start + word.start(), "end": clause.start + word.end()}


class _Story:
    """The visits an article's body tells, in reading order: a clause dated within a visit
    already told retells it, and a sentence with no date of its own tells more of the visit
    before it. Weak reports add to the visit they follow or take the date of the one that
    follows them, but are no visit alone: `해외 바이어 300여 명이 참석했다` with no day is
    attendance (`방문했다고 15일 밝혔다` is a visit), meeting people at home is no visit, and
    a plan told after a visit (`내년에는 … 초청할 계획이다`) is the outlook, not news."""

    def __init__(self, reported: dt.date):
        self._reported = reported
        self._visits: list[Visit] = []
        self._alone: set[int] = set()
        self._last: Visit | None = None

    def add(self, visit: Visit, stands_alone: bool, planned: bool, until: str | None = None) -> None:
        """`until`: the undated visit ends its stay that day (`이들은 26일까지 머문다`): the
        day-long visit it tells more of lasts until then."""
        stands_alone = stands_alone and not (planned and self._alone)
        if visit.date is None and self._last is not None:
            target = self._last
            if target.countries:  # the visitors' countries are told: others named later are context
                visit.countries = []
        else:
            target = next((e for e in self._visits if self._retells(visit, e)), None)
        if target is None:
            self._visits.append(visit)
            target = visit
        else:
            _merge_into(target, visit)
        if until and target.date and len(target.date) == 10 and 0 < _days(target.date, until) <= MAX_EVENT_DAYS:
            target.date = f"{target.date}/{until}"
        if stands_alone:
            self._alone.add(id(target))
        self._last = target

    def visits(self) -> list[Visit]:
        return [v for v in self._visits if id(v) in self._alone]

    def _retells(self, visit: Visit, earlier: Visit) -> bool:
        """`_same_event`, where a visit told without a day takes the date of one near the
        report only (`이들은 지난해 5월에도 도를 찾은 바 있다` is another visit)."""
        if (visit.date is None) != (earlier.date is None):
            first = _first_day(visit.date or earlier.date)
            if first is None or abs((first - self._reported).days) > MAX_EVENT_DAYS:
                return False
        return _same_event(visit, earlier)


class _Found:
    """Earlier components' items, each with the character span it covers."""

    def __init__(self, doc: Doc):
        self.text = text_of(doc)
        self.dates = items(doc, "dates")
        self.counts = items(doc, "headcounts")
        self.countries = [dict(c, start=c["mentions"][0]["start"], end=c["mentions"][0]["end"])
                          for c in items(doc, "countries") if c["mentions"]]
        self.programs = [dict(p, start=p["mentions"][0]["start"], end=p["mentions"][0]["end"])
                         for p in items(doc, "programs") if p["mentions"]]
        self.quotes = items(doc, "quotes")
        self.persons = [dict(m) for p in items(doc, "persons") for m in p["mentions"]]
        self.local_governments = [dict(m) for o in items(doc, "organizations") for m in o["mentions"]
                                  if m["text"].endswith(_LOCAL_GOVERNMENT_HEADS)]
        #: a foreign city's officials the countries recognizer found visiting (`샌프란시스코 시장을 만나`)
        self.officials = [{"start": start, "end": end, "code": code}
                          for start, end, code in doc._.foreign_officials or []]

    def counts_people(self, start: int, end: int) -> bool:
        return any(c["unit"] == "people" for c in self.within(self.counts, start, end))

    def quoted(self, entry: dict) -> bool:
        """Inside a quotation: what a speaker recalls is not a visit the article reports."""
        return any(q["start"] <= entry["start"] and entry["end"] <= q["end"] for q in self.quotes)

    @staticmethod
    def within(entries: list[dict], start: int, end: int) -> list[dict]:
        return sorted((e for e in entries if start <= e["start"] and e["end"] <= end), key=lambda e: e["start"])


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    row: bool = False


_SUBJECT = "(?:은|는|이|가)"
#: A local government as a sentence's subject (`군산시가`, `가평군은`).
_LOCAL_GOVERNMENT_HEADS = tuple(load("name_heads")["organizations"]["local_government_heads"])
_SUBJECT_AFTER_BODY = regex.compile(rf"{_SUBJECT}(?!\p{{Hangul}})")
#: A title and a subject particle after a name (`홍 시장은`, `유한식 세종시장이`).
_TITLED_SUBJECT = regex.compile(rf" ?(?P<title>\p{{Hangul}}+?){_SUBJECT}(?!\p{{Hangul}})")
#: `관광객이 75만여명`: the visitors' noun may carry its subject particle before their count.
_SUBJECT_PARTICLE = regex.compile(rf"(?<=\p{{Hangul}}){_SUBJECT}$")
_DAYS = regex.compile(r"P(\d+)D")


def _last_of_days(first: dict, dates: list[dict], reach: int) -> str | None:
    """The last day of a number of days (`3박 5일`, `8일간`) given within `reach` characters
    after the first day: `17일부터 3박 5일` ends on the 21st."""
    if len(first["value"]) != 10:
        return None
    for date in dates:
        days = _DAYS.fullmatch(date["value"]) if date["type"] == "DURATION" else None
        if days and 0 <= date["start"] - first["end"] <= reach:
            try:
                return (dt.date.fromisoformat(first["value"]) + dt.timedelta(days=int(days[1]) - 1)).isoformat()
            except (ValueError, OverflowError):  # more days than the calendar holds
                return None
    return None


def _followed_by(text: str, date: dict, words: tuple[str, ...]) -> bool:
    following = text[date["end"]:date["end"] + 12]
    return any(word in following for word in words)


def _alternation(words) -> regex.Pattern:
    return regex.compile("|".join(map(regex.escape, sorted(words, key=len, reverse=True))))


def _sentences_in(doc: Doc, text: str, zones: tuple[str, ...]):
    """Each sentence's part in the given zones (a byline may open the first sentence of the
    body; a bare Doc is all body), cut where a list row starts."""
    document = document_of(doc)
    body = [(z.start, z.end) for z in document.zones if z.kind in zones]
    if not document.zones and "body" in zones:
        body = [(0, len(text))]
    for sentence_start, sentence_end in sentence_ranges(doc):
        for zone_start, zone_end in body:
            start, end = max(sentence_start, zone_start), min(sentence_end, zone_end)
            cuts = [m.start() for m in _LIST_MARK.finditer(text, start, end) if m.start() > start]
            for part_start, part_end in zip([start] + cuts, cuts + [end]):
                part = text[part_start:part_end]
                if part.strip(_LIST_MARK_CHARS):
                    part_start += len(part) - len(part.lstrip())
                    part_end -= len(part) - len(part.rstrip())
                    yield _Sentence(part_start, part_end, text[part_start:part_end],
                                    _is_row(doc, text, part_start, part_end))


#: Marks opening list items and paragraphs (`- 라오스 : 10/8~10/17, 20명`, `□ 시는 …`).
_LIST_MARK_CHARS = "-·•▪*□○◦ㅇ◎ \t\n"
_LIST_MARK = regex.compile(r"(?m)^[ \t]*[-·•▪*□○◦ㅇ◎][ \t]")


def _is_row(doc: Doc, text: str, start: int, end: int) -> bool:
    """A list item that is no sentence (`- 라오스 : 10/8~10/17, 20명`): a line opening with a
    list mark, with no final ending (`다.`) of a verb."""
    line_start = text.rfind("\n", 0, start) + 1
    mark = _LIST_MARK.match(text, line_start)
    if mark is None or text[mark.end():start].strip():
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any("EF" in token.tag_ for token in span)


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
        if "ETM" in tok.tag_:
            return tok, _noun_phrase_after(doc, tok.i + 1)
        closes_clause = tok.text not in ("부터", "까지") and any(
            tag in tok.tag_ for tag in ("JKS", "JKC", "JKG", "JX", "EC", "EF", "SF", "SP"))
        if closes_clause or seen >= reach:
            return None
        seen += 1
    return None


def _noun_phrase_after(doc: Doc, index: int):
    end = index
    while end < len(doc) and (_nominal(doc[end]) or doc[end].tag_ in ("_SP", "SP", "SC")):
        end += 1
    return doc[index:end]


def _open_range(text: str, dates: list[dict]) -> bool:
    """`2000년부터 시작해 … ‘07년도까지 39개국 135명`: a start and a later end given apart."""
    starts = [d for d in dates if text.startswith("부터", d["end"])]
    return any(text.startswith("까지", d["end"]) and d["start"] > starts[0]["end"] for d in dates) if starts else False


def _same_event(visit: Visit, earlier: Visit) -> bool:
    """A clause retelling a reported visit: one date lies within the other (a day of a week-long
    course, or the course's span given after its first day), or one is not given (a lead that
    names no day of the visit, then its schedule), and one adds nothing to the other.
    A summary (`37개국 138명`, 6/26-7/27) and the visits it sums up stay apart."""
    undated = visit.date is None or earlier.date is None
    if not (undated or _within(visit.date, earlier.date) or _within(earlier.date, visit.date)):
        return False
    if visit.date == earlier.date and not _conflicts(visit, earlier):
        return True  # one day's visit told in parts: `대표단이 방문` then `이날 대표단 6명을 만나`
    if (visit.date or "").startswith(f"{earlier.date}/") and not _conflicts(visit, earlier):
        return True  # the stay that began that day: `23일부터 … 연수` then `이날 입교해 5일까지`
    return _adds_nothing(visit, earlier) or _adds_nothing(earlier, visit)


def _conflicts(visit: Visit, other: Visit) -> bool:
    """Different people: other countries, or another number of them."""
    other_countries = visit.countries and other.countries and not set(visit.countries) & set(other.countries)
    other_count = None not in (visit.headcount, other.headcount) and visit.headcount != other.headcount
    return bool(other_countries or other_count)


def _adds_nothing(visit: Visit, other: Visit) -> bool:
    return set(visit.countries) <= set(other.countries) and visit.headcount in (None, other.headcount)


def _within(inner: str | None, outer: str | None) -> bool:
    """`inner` falls within `outer`, an event's span of days (not a season or years of visits)."""
    if inner is None or outer is None or inner == outer:
        return inner == outer
    first, _, last = outer.partition("/")
    if len(first) != 10 or len(last or first) != 10 or _days(first, last or first) > MAX_EVENT_DAYS:
        return False
    inner_first, _, inner_last = inner.partition("/")
    return first <= inner_first[:len(first)] and (inner_last or inner_first)[:len(last or first)] <= (last or first)


def _first_day(value: str) -> dt.date | None:
    """The first day of a day, month or span of days (`2024-05`, `2024-05-03/2024-05-09`)."""
    first = value.split("/")[0]
    try:
        return dt.date.fromisoformat(first if len(first) == 10 else f"{first}-01")
    except ValueError:
        return None


def _days(first: str, last: str) -> int:
    try:
        return (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days
    except ValueError:
        return MAX_EVENT_DAYS + 1


def _merge_into(earlier: Visit, visit: Visit) -> None:
    """Keep one visit per event: its date as first reported (a stay's span given later widens
    its first day only: `31일 방문길에` then `31일부터 3일까지`; `27일 찾아왔다` then
    `26일부터 7일까지` dates the visit the lead reports), every visiting country, the known
    headcount."""
    if earlier.date is None or (_within(earlier.date, visit.date) and visit.date.startswith(earlier.date + "/")):
        earlier.date = visit.date
    earlier.countries = list(dict.fromkeys(earlier.countries + visit.countries))
    earlier.headcount = earlier.headcount if earlier.headcount is not None else visit.headcount
    earlier.program = earlier.program or visit.program
    earlier.visitors = earlier.visitors or visit.visitors


#: What closes the phrase before the visitors' noun phrase (`…으로 한국을 방문한 | 페루의 … 시장이`).
_PHRASE_BREAK_TAGS = ("JKB", "JKO", "EC", "ETM", "EF", "SF", "JX", "JKS")
_PHRASE_BREAK_WORDS = ("이래", "이후", "부터", "까지")


def _visitors_phrase(doc: Doc, clause: _Clause, anchor: dict | None) -> str | None:
    """The noun phrase naming who came, grown around its head up to the phrase before it;
    an origin `…에서` stays inside (`37개 나라에서 총 138명`)."""
    if anchor is None:
        return None
    head = doc.char_span(anchor["start"], anchor["end"], alignment_mode="expand")
    end = head.end
    while end < len(doc) and doc[end].idx < clause.end and _nominal(doc[end]):
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


def _nominal(token) -> bool:
    return token.tag_.startswith(("NN", "SN", "SL", "SH", "XSN")) or token.text == "등"


def _breaks_phrase(token, clause: _Clause) -> bool:
    in_date = clause.date is not None and clause.date["start"] <= token.idx < clause.date["end"]
    if token.idx < clause.start or in_date or "\n" in token.text:
        return True
    if token.text == "에서":
        return False
    return token.text in _PHRASE_BREAK_WORDS or any(tag in token.tag_ for tag in _PHRASE_BREAK_TAGS)
