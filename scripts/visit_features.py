"""What the learned visit filter (trained by scripts/train_visits.py; measured, not wired in:
benchmarks/README.md) reads of each visit the rules tell: named binary features of the visit, its
date against the report's day, where its sentence stands, and the sentence's wording (Kiwi's verbs
and endings, cue words). Kept beside the training script, as nothing at run time reads them."""
from __future__ import annotations

from extractor.nlp.common import sentence_ranges
from extractor.nlp.korean import morphemes_of, zone_at
from extractor.recognizers.visits.context import VisitContext
from extractor.recognizers.visits.merging import Told

#: Upper bounds of the bins a number falls in (the last bin is open).
DAYS_BEFORE_BINS = (1, 7, 31, 120, 365)
HEADCOUNT_BINS = (9, 99, 999)
COUNTRY_BINS = (1, 4)
VISIT_COUNT_BINS = (1, 2, 3, 5)
#: Body sentences from the first: the lead, the next few, the rest; the last ones close the article.
LEAD_BINS = (0, 2, 5)
CLOSING_SENTENCES = 2
#: Kiwi's tags of morphemes whose forms name what a sentence does or how it ends.
PREDICATE_TAGS = ("VV", "XSV", "VA")
ENDING_TAGS = ("EP", "EF", "ETM", "EC")
#: Nouns after a modifier ending that tell of a plan (`방문할 예정이다`).
PLAN_NOUNS = ("예정", "계획")
FLAGS = ("schedule", "leg", "recalled", "of_the_story", "compared", "period_only")


def binned(name: str, number: int, bounds: tuple[int, ...]) -> str:
    return f"{name}<={next((b for b in bounds if number <= b), f'{bounds[-1]}+')}"


def visit_features(ctx: VisitContext, visits: list[Told], index: int) -> set[str]:
    visit = visits[index]
    features = {f"flag={flag}" for flag in FLAGS if getattr(visit, flag)}
    features |= _date_features(ctx, visit)
    features |= _content_features(visit)
    features |= _position_features(ctx, visits, index)
    features |= _wording_features(ctx, visit)
    return features


def _date_features(ctx: VisitContext, visit: Told) -> set[str]:
    period = visit.period
    if period is None:
        return {"date=none"}
    features = {f"grain={period.grain}"} | ({"date=range"} if period.is_span else set())
    if ctx.reference is None or period.end is None:
        return features
    ends_before = (ctx.reference - period.end).days
    starts_before = (ctx.reference - period.start).days
    features.add("ends=ahead" if ends_before < 0 else binned("ends_days_before", ends_before, DAYS_BEFORE_BINS))
    if starts_before > DAYS_BEFORE_BINS[-1]:
        features.add("starts=years_before")
    return features


def _content_features(visit: Told) -> set[str]:
    features = {f"{name}={'yes' if value else 'no'}"
                for name, value in (("visitors", visit.visitors), ("purpose", visit.purpose), ("program", visit.program))}
    features.add("headcount=none" if visit.headcount is None else binned("headcount", visit.headcount, HEADCOUNT_BINS))
    features.add(binned("countries", len(visit.countries), COUNTRY_BINS) if visit.countries else "countries=none")
    return features


def _position_features(ctx: VisitContext, visits: list[Told], index: int) -> set[str]:
    visit = visits[index]
    features = {binned("visits", len(visits), VISIT_COUNT_BINS),
                "rank=first" if index == 0 else "rank=last" if index == len(visits) - 1 else "rank=middle"}
    if any(other.evidence.start == visit.evidence.start for other in visits[:index] + visits[index + 1:]):
        features.add("evidence=shared")
    if visit.period is not None and any(other.period == visit.period for other in visits[:index]):
        features.add("date=told_before")
    zone = zone_at(ctx.doc, visit.evidence.start)
    features.add(f"zone={zone.kind if zone else 'none'}")
    body = [start for start, _ in sentence_ranges(ctx.doc) if _in_body(ctx, start)]
    before = sum(start < visit.evidence.start for start in body)
    features.add(binned("sentence", before, LEAD_BINS))
    if zone is not None and zone.kind == "body" and len(body) - before <= CLOSING_SENTENCES:
        features.add("sentence=closing")
    if ctx.quotes.overlapping(visit.evidence.start, visit.evidence.end):
        features.add("quoted")
    return features


def _in_body(ctx: VisitContext, offset: int) -> bool:
    zone = zone_at(ctx.doc, offset)
    return zone is None or zone.kind == "body"


def _wording_features(ctx: VisitContext, visit: Told) -> set[str]:
    text = visit.evidence.text
    features = {f"cue={cue}" for cue in ctx.lex.visit_cue.findall(text)}
    features |= {f"marker={name}" for name, words in (("plan", ctx.lex.plans), ("recall", ctx.lex.recalls),
                                                      ("total", ctx.lex.totals), ("report", ctx.lex.attribution))
                 if any(word in text for word in words)}
    if ctx.lex.is_tally(text):
        features.add("marker=tally")
    morphs = morphemes_of(ctx.doc).between(visit.evidence.start, visit.evidence.end)
    verbs = []
    for before, morph in zip([None, *morphs], morphs):
        if morph.tag in PREDICATE_TAGS:
            # `방문`/NNG + `하`/XSV: the noun names what is done
            verbs.append(before.form if morph.tag == "XSV" and before is not None else morph.form)
        elif morph.tag in ENDING_TAGS:
            features.add(f"ending={morph.form}/{morph.tag}")
        elif morph.form in PLAN_NOUNS and before is not None and before.tag == "ETM":
            features.add("plan=modifier+noun")
    features |= {f"verb={verb}" for verb in verbs}
    if verbs:
        features.add(f"last_verb={verbs[-1]}")
    return features

