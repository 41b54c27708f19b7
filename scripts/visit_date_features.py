"""What the learned visit adder (trained by scripts/train_visit_dates.py; measured, not wired in:
benchmarks/README.md, "Learned visit adder") reads of each date mention the rules made no visit of.

A candidate is a specified date (a DATE or TIME with a calendar start: no duration, set or bare
present) in a sentence that names people who come (a visiting country, a count of people, a
visitor noun, an official on a trip: the rules' own `visit_of` on the whole sentence decides, so
the candidate's countries and headcount are those the rules' assembly reads there) whose value no
visit of the rules carries. Features: the date's grain and distance from the report's day, the
words around it (`지난`, `부터`, `까지`), which of the rules' DATE_CHECKS call it no day of a visit
(the report's day, a comparison's, a founding's, …), the sentence's cue, zone and place, the
visitors it names, its wording (as the visit filter reads it), and the rules' visits of the article."""
from __future__ import annotations

from dataclasses import dataclass

from extractor.nlp.korean import sentence_parts, zone_at
from extractor.recognizers.timex.period import Dated
from extractor.recognizers.visits.clauses import DATE_CHECKS
from extractor.recognizers.visits.context import DATED_TYPES, Clause, VisitContext
from extractor.recognizers.visits.merging import Told
from extractor.recognizers.visits.roles import visit_of
from visit_features import DAYS_BEFORE_BINS, VISIT_COUNT_BINS, _content_features, _wording_features, binned

ZONES = ("body", "headline", "deck")
#: How many characters around a date its role words are looked for in.
REACH = 4
ROLE_WORDS = {"before": ("지난", "오는", "올해", "이번", "이날"), "after": ("부터", "까지", "에", "일", "간", "께", "쯤", "인", "의")}


@dataclass
class DateCandidate:
    date: Dated
    visit: Told
    features: set[str]


def date_candidates(ctx: VisitContext, told: list[Told]) -> list[DateCandidate]:
    """Every gated date mention whose value no visit of the rules carries, with its features."""
    taken = {v.period.value for v in told if v.period is not None}
    candidates = []
    for sentence in sentence_parts(ctx.doc, ZONES):
        for date in ctx.within(ctx.dates, sentence.start, sentence.end):
            if date.type not in DATED_TYPES or date.period.grain == "other" or date.period.start is None \
                    or date.period.value in taken:
                continue
            visit = visit_of(ctx, sentence, Clause(sentence.start, sentence.end, date))
            if visit is not None:
                candidates.append(DateCandidate(date, visit, _features(ctx, sentence, date, visit, told)))
    return candidates


def _features(ctx: VisitContext, sentence, date: Dated, visit: Told, told: list[Told]) -> set[str]:
    features = _date_features(ctx, date) | _content_features(visit) | _wording_features(ctx, visit)
    features |= {f"check={check.__name__.lstrip('_')}" for check, _ in DATE_CHECKS if check(ctx, date)}
    features.add(f"sentence_cue={ctx.lex.cue(sentence.text)}")
    zone = zone_at(ctx.doc, sentence.start)
    features.add(f"zone={zone.kind if zone else 'none'}")
    features.add(binned("rule_visits", len(told), VISIT_COUNT_BINS) if told else "rule_visits=none")
    if any(v.evidence.start == sentence.start for v in told):
        features.add("sentence_has_rule_visit")
    if any(v.period is not None and v.period.start and v.period.end and date.period.end
           and v.period.start <= date.period.start
           and date.period.end <= v.period.end for v in told):
        features.add("within_rule_visit")
    if ctx.quotes.overlapping(date.start, date.end):
        features.add("quoted")
    if sentence.row:
        features.add("row")
    before, after = ctx.text[max(0, date.start - REACH):date.start], ctx.text[date.end:date.end + REACH]
    features |= {f"before={w}" for w in ROLE_WORDS["before"] if w in before}
    features |= {f"after={w}" for w in ROLE_WORDS["after"] if after.lstrip().startswith(w)}
    return features


def _date_features(ctx: VisitContext, date: Dated) -> set[str]:
    period = date.period
    features = {f"grain={period.grain}", f"type={date.type}"} | ({"date=range"} if period.is_span else set())
    if ctx.reference is None or period.end is None:
        return features
    ends_before = (ctx.reference - period.end).days
    if period.day == ctx.reference:
        features.add("date=report_day")
    features.add("ends=ahead" if ends_before < 0 else binned("ends_days_before", ends_before, DAYS_BEFORE_BINS))
    return features
