"""What the learned visit-countries model (trained by scripts/train_visit_countries.py; measured,
not wired in: benchmarks/README.md) reads of one candidate country of one visit the rules tell:
named binary features of where the country is named against the visit's clause (the clause
itself, its sentence, its paragraph, the headline or lead, how many sentences away), whether it
is listed beside a country the rules give the visit, what the countries recognizer read of it
(visiting, the grammatical role of its mentions, people named after it), the visit's own kind of
evidence (a clause, a tally, a statistics row, a leg), how many visits and countries the article
has, and whether the rules put the country in the visit. Kept beside the training script, as
nothing at run time reads them."""
from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp.common import sentence_ranges
from extractor.nlp.korean import zone_at
from extractor.recognizers.countries import Reading, list_last
from extractor.recognizers.visits.context import VisitContext
from extractor.recognizers.visits.merging import Told

#: Upper bounds of the bins a number falls in (the last bin is open).
SENTENCE_DISTANCE_BINS = (1, 2, 4, 8)
VISIT_COUNT_BINS = (1, 2, 4)
COUNTRY_COUNT_BINS = (1, 2, 4, 8)
#: The countries recognizer's features of a country that say how the article reads it.
COUNTRY_FEATURE_PREFIXES = ("role=", "people", "counted", "people_count_after", "trip_destination", "host",
                            "in_title", "in_lead", "in_list", "mentions=")
VISITING = {"visiting", "sole_visiting"}
FLAGS = ("schedule", "leg", "recalled", "of_the_story", "compared", "period_only")


def binned(name: str, number: int, bounds: tuple[int, ...]) -> str:
    return f"{name}<={next((b for b in bounds if number <= b), f'{bounds[-1]}+')}"


def read_visits(nlp: Language, doc: Doc) -> tuple[list[Told], ArticleCandidates]:
    """The visits the rules tell of a Doc the pipeline finished, and their candidates (the
    countries recognizer's reading taken again; its officials left as the pipeline set them)."""
    ctx = VisitContext(doc, nlp.get_pipe("kr_visits").lexicon)
    told = nlp.get_pipe("kr_visits").told(ctx)
    officials = doc._.foreign_officials
    reading = nlp.get_pipe("kr_countries").read(doc)
    doc._.foreign_officials = officials
    return told, ArticleCandidates(ctx, reading, told)


class ArticleCandidates:
    """The candidates of every visit of one article: each country the article names."""

    def __init__(self, ctx: VisitContext, reading: Reading, visits: Sequence[Told]):
        self.ctx, self.reading, self.visits = ctx, reading, visits
        self.sentences = sentence_ranges(ctx.doc)
        self.country_features = reading.features()
        self.visiting = {c.key for c in ctx.countries if c.visiting}
        self.list_last = list_last(reading.text, reading.mentions)
        self.codes = sorted({m.code for m in reading.mentions} | {c for v in visits for c in v.countries})
        self.article = {binned("visits", len(visits), VISIT_COUNT_BINS),
                        binned("countries", len(self.codes), COUNTRY_COUNT_BINS),
                        binned("visiting_countries", len(self.visiting), COUNTRY_COUNT_BINS)}

    def _sentence_index(self, offset: int) -> int:
        return next((i for i, (start, end) in enumerate(self.sentences) if start <= offset < end), -1)

    def _paragraph(self, offset: int) -> tuple[int, int]:
        text = self.ctx.text
        return text.rfind("\n", 0, offset), text.find("\n", offset)

    def _zone(self, offset: int) -> str:
        zone = zone_at(self.ctx.doc, offset)
        return zone.kind if zone else "none"

    def of_visit(self, index: int) -> dict[str, set[str]]:
        """Each candidate's features for visits[index]."""
        visit = self.visits[index]
        start, end = visit.evidence.start, visit.evidence.end
        sentence = self._sentence_index(start)
        paragraph = self._paragraph(start)
        own = self._visit_features(visit)
        listed_with_rules = self._listed_with(visit)
        candidates = {}
        for code in self.codes:
            features = set(own) | set(self.article)
            mentions = [m for m in self.reading.mentions if m.code == code]
            if code in visit.countries:
                features.add("rule")
                features.add(f"rule&{len(visit.countries) > 1 and 'several' or 'one'}")
            if code in self.visiting:
                features.add("visiting" if len(self.visiting) > 1 else "sole_visiting")
            if code in listed_with_rules:
                features.add("listed_with_rule_country")
            features |= self._where(mentions, start, end, sentence, paragraph)
            features |= {f"c:{f}" for f in self.country_features.get(code, ())
                         if f.startswith(COUNTRY_FEATURE_PREFIXES)}
            near = {f for f in features if f.startswith("where=")}
            features |= {f"{f}&rule" for f in near if "rule" in features}
            features |= {f"{f}&visiting" for f in near if not features.isdisjoint(VISITING)}
            if not visit.countries:
                features |= {f"{f}&none_by_rule" for f in near | (features & VISITING)}
            candidates[code] = features
        return candidates

    def _visit_features(self, visit: Told) -> set[str]:
        text = visit.evidence.text
        features = {f"flag={flag}" for flag in FLAGS if getattr(visit, flag)}
        if self.ctx.lex.is_tally(text):
            features.add("kind=tally")
        elif len(visit.countries) == 1 and visit.headcount is not None and len(text) < 30:
            features.add("kind=row")
        else:
            features.add("kind=clause")
        features.add(f"zone={self._zone(visit.evidence.start)}")
        features.add(binned("rule_countries", len(visit.countries), COUNTRY_COUNT_BINS)
                     if visit.countries else "rule_countries=none")
        return features

    def _listed_with(self, visit: Told) -> set[str]:
        """Codes named in one list of countries with a country the rules give the visit."""
        by_last: dict[tuple[int, int], set[str]] = {}
        for mention in self.reading.mentions:
            last = self.list_last.get((mention.start, mention.end))
            if last is not None:
                by_last.setdefault(last, set()).add(mention.code)
        return {code for members in by_last.values() if members & set(visit.countries) for code in members}

    def _where(self, mentions, start: int, end: int, sentence: int, paragraph: tuple[int, int]) -> set[str]:
        if not mentions:
            return {"where=unnamed"}
        features = set()
        distances = []
        for mention in mentions:
            if start <= mention.start < end:
                features.add("where=clause")
            here = self._sentence_index(mention.start)
            if here == sentence:
                features.add("where=sentence")
            if paragraph[0] < mention.start < (paragraph[1] if paragraph[1] >= 0 else len(self.ctx.text)):
                features.add("where=paragraph")
            zone = self._zone(mention.start)
            if zone in ("headline", "deck"):
                features.add(f"where={zone}")
            if here >= 0 and sentence >= 0:
                distances.append((abs(here - sentence), here < sentence))
        if distances:
            distance, before = min(distances)
            features.add(binned("distance", distance, SENTENCE_DISTANCE_BINS))
            if distance:
                features.add("nearest=before" if before else "nearest=after")
        return features
