"""Train the learned filter on the visits the rules tell (extractor/models/visits.json) and measure
it against the rules alone by grouped cross-validation (figures in benchmarks/README.md).

    python scripts/train_visits.py corpus/dev --exclude /work/fresh20           cross-validate only
    python scripts/train_visits.py corpus/dev --exclude /work/fresh20 --save    then save the model
    python scripts/train_visits.py corpus/dev --save                            the shipped model: all of dev

Each candidate is a visit the rules tell (VisitRecognizer.told, before the filter), with the
features of extractor/recognizers/visits/features.py; its label is whether `extractor eval`
(extractor.scoring's matching of visits) matches it to a gold visit. The clause visits the rules
told and then left out (background, a retelling, a plan) may be added as training rows, labelled
by whether gold has a visit on their date: CV tries both. `--exclude DIR` leaves out the articles
whose names DIR holds (only the names are listed). Combinations measured: the rules alone, and the
model as a filter on the rules' visits (the model sees no other candidates, so it cannot add any;
"model alone" and "rules ∪ model" are that filter), with and without sparing an article's first
visit. Also printed: the share of gold visits the rules miss entirely (no candidate on its date).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from linear_training import fit, grouped_folds, save

from extractor.ingest import to_document
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.visits.assembly import sentence_visits
from extractor.recognizers.visits.context import VisitContext
from extractor.recognizers.visits.features import visit_features
from extractor.scoring import _address, _match_visits, gold_pairs

STRENGTHS = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
MODEL_NAME = "visits"


@dataclass
class Candidate:
    features: set[str]
    date: str | None
    label: bool
    probability: float = 1.0


@dataclass
class Article:
    name: str
    candidates: list[Candidate]
    gold: list[dict]
    #: visits the rules told and then left out (background, a retelling, a plan): training rows only
    dropped: list[tuple[set[str], bool]]


def load_articles(directories: list[Path], excluded: set[str]) -> list[Article]:
    nlp = load_pipeline()
    recognizer = nlp.get_pipe("kr_visits")
    articles = []
    for directory in directories:
        for text_path, gold_path in gold_pairs(directory):
            if text_path.stem in excluded:
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            source = _address(gold.get("source")) or str(text_path)
            document = to_document(text_path.read_bytes(), id=text_path.stem, source=source,
                                   reference_date=gold.get("reference_date"))
            doc = nlp(next(nlp.tokenizer.pipe_documents([document])))
            ctx = VisitContext(doc, recognizer.lexicon)
            visits = recognizer.told(ctx)
            dates = [v.period.value if v.period else None for v in visits]
            predicted = [{"date": d} for d in dates]
            matched = {id(p) for p, _ in _match_visits(predicted, gold.get("visits") or [])}
            candidates = [Candidate(visit_features(ctx, visits, i), dates[i], id(predicted[i]) in matched)
                          for i in range(len(visits))]
            articles.append(Article(text_path.stem, candidates, gold.get("visits") or [],
                                    dropped_rows(ctx, visits, {g.get("date") for g in gold.get("visits") or []})))
    return articles


def dropped_rows(ctx: VisitContext, visits: list, gold_dates: set) -> list[tuple[set[str], bool]]:
    """The clause visits the rules told on dates none of their final visits has, each with the
    features it would have among the final ones; labelled by whether gold has a visit that day."""
    final_dates = {v.period.value if v.period else None for v in visits}
    rows = []
    for zones in (("body",), ("headline", "deck")):
        for visit, *_ in sentence_visits(ctx, zones):
            date = visit.period.value if visit.period else None
            if date not in final_dates:
                among = sorted([*visits, visit], key=lambda v: v.evidence.start)
                rows.append((visit_features(ctx, among, among.index(visit)), date in gold_dates))
    return rows


def rows_of(articles: list[Article], dropped: bool) -> list[tuple[set[str], bool]]:
    return [(c.features, c.label) for a in articles for c in a.candidates] + (
        [row for a in articles for row in a.dropped] if dropped else [])


def f1(articles: list[Article], keeps) -> tuple[float, float, float]:
    """(precision, recall, F1) of the visits kept, matched as `extractor eval` matches them."""
    tp = fp = fn = 0
    for article in articles:
        kept = [{"date": c.date} for i, c in enumerate(article.candidates) if keeps(i, c)]
        matched = len(_match_visits(kept, article.gold))
        tp, fp, fn = tp + matched, fp + len(kept) - matched, fn + len(article.gold) - matched
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def cross_validate(articles: list[Article], strength: float, dropped: bool) -> None:
    """Every candidate's probability from a model trained on the other folds' articles."""
    for train, test in grouped_folds([a.name for a in articles]):
        model = fit(rows_of([articles[i] for i in train], dropped), strength=strength)
        for i in test:
            for candidate in articles[i].candidates:
                candidate.probability = model.probability(candidate.features)


def combinations(threshold: float) -> dict:
    return {"filter": lambda i, c: c.probability >= threshold,
            "filter sparing the first": lambda i, c: i == 0 or c.probability >= threshold}


def report_cv(articles: list[Article]) -> tuple[float, bool, float]:
    """The cross-validated table; returns the strength, training rows and threshold of the best
    filter (ties go to the fewest visits dropped: the highest F1, then the lowest threshold)."""
    gold = sum(len(a.gold) for a in articles)
    never = gold - sum(len(_match_visits([{"date": c.date} for c in a.candidates], a.gold)) for a in articles)
    print(f"{len(articles)} articles, {sum(len(a.candidates) for a in articles)} candidates "
          f"({sum(not c.label for a in articles for c in a.candidates)} unmatched), "
          f"{sum(len(a.dropped) for a in articles)} dropped clause visits, {gold} gold visits; "
          f"gold visits the rules miss entirely: {never} ({never / max(gold, 1):.1%})")
    print("rules alone: P {:.3f} R {:.3f} F1 {:.3f}".format(*f1(articles, lambda i, c: True)))
    best = (0.0, 0.0, STRENGTHS[0], False, THRESHOLDS[0])
    for dropped in (False, True):
        for strength in STRENGTHS:
            cross_validate(articles, strength, dropped)
            for threshold in THRESHOLDS:
                for name, keeps in combinations(threshold).items():
                    precision, recall, score = f1(articles, keeps)
                    print(f"{'final+dropped' if dropped else 'final'} C={strength} t={threshold} {name}: "
                          f"P {precision:.3f} R {recall:.3f} F1 {score:.3f}")
                    if name == "filter" and (round(score, 4), -threshold) > best[:2]:
                        best = (round(score, 4), -threshold, strength, dropped, threshold)
    print("chosen by CV: F1 {:.4f} at C={}, dropped rows {}, threshold {}".format(best[0], *best[2:]))
    return best[2:]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directories", nargs="+", type=Path)
    parser.add_argument("--exclude", type=Path, help="leave out the articles whose names this directory holds")
    parser.add_argument("--save", action="store_true", help="train on every article and save the model")
    args = parser.parse_args(argv)
    excluded = {path.stem for path, _ in gold_pairs(args.exclude)} if args.exclude else set()
    articles = load_articles(args.directories, excluded)
    strength, dropped, threshold = report_cv(articles)
    if args.save:
        model = fit(rows_of(articles, dropped), strength=strength, threshold=threshold)
        about = {"trained_on": [str(d) for d in args.directories], "excluded": str(args.exclude or ""),
                 "articles": len(articles), "strength": strength, "dropped_rows": dropped,
                 "threshold_by": "grouped 5-fold CV, filter F1"}
        print(f"saved {save(model, MODEL_NAME, about)}", file=sys.stderr)


if __name__ == "__main__":
    main()
