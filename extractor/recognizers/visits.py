"""Visits: who came where, when, how many — one per visit event a sentence reports.

Reads what earlier components found (dates, headcounts, countries, programs) and
groups it by sentence: a body sentence with a visit cue (방문, 견학, 연수 …) is
cut into clauses at each date it names, and every clause that names visitors
(a visiting country, a count of people, a visitor noun) is a visit on that date.
A clause reporting visits accumulated since a past date (`개소한 이래 … 다녀갔다`)
is dated as the interval from that date to the reference date.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import load
from ..model import Span, Visit
from ..nlp.common import add_item, document_of, items, reference_date

DATED_TYPES = ("DATE", "TIME")


@dataclass
class _Clause:
    start: int
    end: int
    date: dict | None


@Language.factory("kr_visits")
def create_visits(nlp: Language, name: str):
    return VisitRecognizer()


class VisitRecognizer:
    def __init__(self):
        lexicon = load("visits")
        cues = load("visit_cues")
        self.cues = tuple(cues["cues"]) + tuple(lexicon["extra_cues"])
        self.not_cues = tuple(cues["not_cues"])
        self.visitor_nouns = tuple(lexicon["visitor_nouns"])
        self.cumulative = tuple(lexicon["cumulative"])
        self.attribution = tuple(lexicon["attribution_after_date"])

    def __call__(self, doc: Doc) -> Doc:
        found = _Found(doc)
        seen: dict[tuple, Visit] = {}
        for sentence in _body_sentences(doc):
            if not self._reports_visit(doc.text[sentence.start_char:sentence.end_char]):
                continue
            for clause in self._clauses(doc, sentence, found):
                visit = self._visit(doc, sentence, clause, found)
                if visit is None:
                    continue
                key = (visit.date, tuple(visit.countries), visit.headcount)
                if key not in seen:
                    seen[key] = visit
                    add_item(doc, "visits", sentence.start_char, sentence.end_char, visit)
        return doc

    def _reports_visit(self, text: str) -> bool:
        for word in self.not_cues:
            text = text.replace(word, "")
        return any(cue in text for cue in self.cues)

    def _clauses(self, doc: Doc, sentence, found: "_Found") -> list[_Clause]:
        """The sentence cut at each date it names; report dates (`28일 시에 따르면`) are dropped."""
        dates = [d for d in found.within(found.dates, sentence.start_char, sentence.end_char)
                 if d["type"] in DATED_TYPES]
        event_dates = [d for d in dates if not self._is_attribution(doc.text, d)] or dates
        if not event_dates:
            return []
        clauses = []
        for i, date in enumerate(event_dates):
            start = sentence.start_char if i == 0 else date["start"]
            end = event_dates[i + 1]["start"] if i + 1 < len(event_dates) else sentence.end_char
            clauses.append(_Clause(start, end, date))
        return clauses

    def _is_attribution(self, text: str, date: dict) -> bool:
        following = text[date["end"]:date["end"] + 12]
        return any(marker in following for marker in self.attribution)

    def _visit(self, doc: Doc, sentence, clause: _Clause, found: "_Found") -> Visit | None:
        text = doc.text[clause.start:clause.end]
        countries = [c for c in found.within(found.countries, clause.start, clause.end) if c["visiting"]]
        people = [c for c in found.within(found.counts, clause.start, clause.end) if c["unit"] == "people"]
        counts = found.within(found.counts, clause.start, clause.end)
        if not (countries or people or counts or any(noun in text for noun in self.visitor_nouns)):
            return None
        programs = found.within(found.programs, clause.start, clause.end) or found.within(
            found.programs, sentence.start_char, sentence.end_char)
        return Visit(
            date=self._date_value(doc, clause, sentence),
            countries=list(dict.fromkeys(c["code"] for c in countries)),
            visitors=_visitors_phrase(doc.text, countries + counts),
            headcount=_headcount(people),
            purpose=None,
            program=programs[0]["name"] if programs else None,
            evidence=Span(text=doc.text[sentence.start_char:sentence.end_char],
                          start=sentence.start_char, end=sentence.end_char),
        )

    def _date_value(self, doc: Doc, clause: _Clause, sentence) -> str:
        value = clause.date["value"]
        sentence_text = doc.text[sentence.start_char:sentence.end_char]
        reference = reference_date(doc).isoformat()
        if "/" not in value and value < reference and any(m in sentence_text for m in self.cumulative):
            return f"{value}/{reference}"
        return value


class _Found:
    """Earlier components' items, each with the character span it covers."""

    def __init__(self, doc: Doc):
        self.dates = items(doc, "dates")
        self.counts = items(doc, "headcounts")
        self.countries = [dict(c, start=c["mentions"][0]["start"], end=c["mentions"][0]["end"])
                          for c in items(doc, "countries") if c["mentions"]]
        self.programs = [dict(p, start=p["mentions"][0]["start"], end=p["mentions"][0]["end"])
                         for p in items(doc, "programs") if p["mentions"]]

    @staticmethod
    def within(entries: list[dict], start: int, end: int) -> list[dict]:
        return sorted((e for e in entries if start <= e["start"] and e["end"] <= end), key=lambda e: e["start"])


def _body_sentences(doc: Doc):
    """Sentences in the body: headlines, decks and captions repeat what the body reports."""
    document = document_of(doc)
    body = [(z.start, z.end) for z in document.zones if z.kind == "body"] or [(0, len(doc.text))]
    for sentence in doc.sents:
        if any(s <= sentence.start_char and sentence.end_char <= e for s, e in body):
            yield sentence


def _headcount(people: list[dict]) -> int | None:
    """The total when the clause gives one (`총 2만1633명`), else the largest count of people."""
    if not people:
        return None
    totals = [p for p in people if p["text"].startswith("총")]
    return max(p["value"] for p in totals or people)


def _visitors_phrase(text: str, mentions: list[dict]) -> str | None:
    if not mentions:
        return None
    return text[min(m["start"] for m in mentions):max(m["end"] for m in mentions)]
