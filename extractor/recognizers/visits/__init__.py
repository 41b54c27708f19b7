"""Visits: who came where, when, how many — one per visit event a sentence reports.

Reads what earlier components found (dates, headcounts, countries, programs) and
groups it by sentence: a body sentence with a visit cue (방문, 견학, 연수 …) is
cut into clauses at each date it names, and every clause that names visitors
(a visiting country, a count of people, a visitor noun) is a visit on that date.
A clause reporting visits accumulated since a past date (`개소한 이래 … 다녀갔다`)
is dated as the interval from that date to the reference date. A sentence with no
date of its own tells more of the visit before it (`대표단은 7명으로 구성됐다`); one
before any dated visit (`… 방문했다고 15일 밝혔다`: the day of the report) is a visit
without a day, unless the schedule that follows dates it, an event held just before dates
it (`15일 개막했다` then `40개국 4,100여명이 참석하는`), or it goes on from the report's day
to a stated end (`26일까지 실시하는 연수에 … 참석했다고 22일 밝혔다`). A sentence with no date
that breaks the last tally down (`중국이 41만명으로 가장 많았고, 일본(22만명), …`) is one
visit per row, as is, after a month's or a year's tally, one giving a visiting country's count
(`특히 중국인 방문객이 42만명으로 늘었다`, `미국은 올해 1만8345명으로`: a year the tally's months lie
in is no period of its own), and a row is its count's country (`일본에 이어 중국(55만명)`); an earlier
period told after the tally keeps no rows, nor do counts after the host's people going abroad
(`한국인은 … 해외로 나갔다`: their destinations). Visitors counted with a tally noun (`외래 관광객
전체로는 45만명`) report a tally as a visit verb does. Clauses of one sentence on other days are legs or groups of their own
(`프놈펜시에서 5일부터 14일까지, 호치민시에서 20일부터 28일까지`); holding or attending an event
abroad is a trip there (`대만에서 로드쇼를 개최`); a visit recalled as background (`방문한 바
있다`, a delegation's visit months before the report) is no visit of the article. An earlier
period's count compared with (`전년 동월(111만명) 대비`) is a visit of its own dated by that period.
An event's range told in its own sentence (`31일부터 11월 4일까지 … 교육을 실시`) dates the
participants a later sentence names (`교육 대상은 9개국 공무원 12명`); after a visit told, a
sentence naming no visitors but the event's span or end (`30일까지 진행되는 연수는`) dates or ends it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp.common import add_item
from .assembly import sentence_visits
from .context import VisitContext
from .lexicon import VisitLexicon
from .merging import Story, Told, same_event


@Language.factory("kr_visits", requires=["doc.spans", "doc._.foreign_officials"], assigns=["doc.spans"])
def create_visits(nlp: Language, name: str):
    return VisitRecognizer()


class VisitRecognizer:
    """Body sentences make the story; a headline or deck adds a dated visit the body lacks."""

    def __init__(self):
        self.lexicon = VisitLexicon()

    def __call__(self, doc: Doc) -> Doc:
        for visit in self.told(VisitContext(doc, self.lexicon)):
            add_item(doc, "visits", visit.evidence.start, visit.evidence.end, visit.as_visit())
        return doc

    def told(self, ctx: VisitContext) -> list[Told]:
        """The visits the rules tell, in the order the article gives them."""
        story = Story(ctx.reference)
        for visit, stands_alone, planned, until in sentence_visits(ctx, ("body",)):
            story.add(visit, stands_alone, planned, until)
        visits = story.visits()
        # a headline or deck may report a dated visit the (cut) body never reaches; a coarser
        # date there (`10월 축제` over the body's 10월 1~13일) retells a body visit, and the
        # report's own day there dates the report when the body dates its visits
        dated = any(e.period is not None for e in visits)
        for visit, stands_alone, _, _ in sentence_visits(ctx, ("headline", "deck")):
            if stands_alone and visit.period is not None and not (dated and self._of_the_report(visit, ctx)) \
                    and not any(same_event(visit, e) or (e.period is not None and e.period.refines(visit.period))
                                for e in visits):
                visits.append(visit)
        return visits

    @staticmethod
    def _of_the_report(visit, ctx: VisitContext) -> bool:
        return ctx.reference is not None and visit.period.day == ctx.reference
