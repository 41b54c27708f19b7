"""Train the learned filter on the visits the rules tell (extractor/models/visits.json) and measure
it against the rules alone by grouped cross-validation (figures in benchmarks/README.md).

    python scripts/train_visits.py corpus/dev --exclude /work/fresh20           cross-validate only
    python scripts/train_visits.py corpus/dev --exclude /work/fresh20 --save    then save the model
    python scripts/train_visits.py corpus/dev --save                            the shipped model: all of dev
    python scripts/train_visits.py corpus/dev --exclude /work/fresh20 --only /work/fresh12 --rest-weights 0 0.3 1
                                    CV on fresh12 only, training on its folds and the other articles' rows at 0 / 0.3 / 1

Each candidate is a visit the rules tell (VisitRecognizer.told, before the filter), with the
features of scripts/visit_features.py; its label is whether `extractor eval`
(extractor.scoring's matching of visits) matches it to a gold visit. The clause visits the rules
told and then left out (background, a retelling, a plan) may be added as training rows, labelled
by whether gold has a visit on their date: CV tries both. `--exclude DIR` leaves out the articles
whose names DIR holds (only the names are listed); `--only DIR` cross-validates on the articles
DIR names, the others' rows joining every training fold at each `--rest-weights` (0: fresh folds
only); a nested CV (setting chosen inside each fold) gives the unbiased figure. Combinations measured: the rules alone, and the
model as a filter on the rules' visits (the model sees no other candidates, so it cannot add any;
"model alone" and "rules ∪ model" are that filter), with and without sparing an article's first
visit. Also printed: the share of gold visits the rules miss entirely (no candidate on its date).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from linear_training import add_selection_options, annotated_docs, article_names, fit, grouped_folds, save, top_features

from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.visits.assembly import sentence_visits
from extractor.recognizers.visits.context import VisitContext
from visit_features import visit_features
from extractor.scoring import _match_visits

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
    for text_path, gold, doc in annotated_docs(nlp, directories, excluded):
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


def fitted(train: list[Article], rest: list[Article], weight: float, strength: float, dropped: bool,
           threshold: float = 0.5):
    """A model of the training articles' rows and, at `weight` each (0: none), the other articles' rows."""
    rows, extra = rows_of(train, dropped), rows_of(rest, dropped) if weight else []
    return fit(rows + extra, strength=strength, threshold=threshold, weights=[1.0] * len(rows) + [weight] * len(extra))


def f1(articles: list[Article], keeps) -> tuple[float, float, float]:
    """(precision, recall, F1) of the visits kept, matched as `extractor eval` matches them."""
    tp = fp = fn = 0
    for article in articles:
        kept = [{"date": c.date} for i, c in enumerate(article.candidates) if keeps(i, c)]
        matched = len(_match_visits(kept, article.gold))
        tp, fp, fn = tp + matched, fp + len(kept) - matched, fn + len(article.gold) - matched
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def cross_validate(articles: list[Article], rest: list[Article], weight: float, strength: float, dropped: bool) -> None:
    """Every candidate's probability from a model trained on the other folds' articles (and the rest)."""
    for train, test in grouped_folds([a.name for a in articles]):
        model = fitted([articles[i] for i in train], rest, weight, strength, dropped)
        for i in test:
            for candidate in articles[i].candidates:
                candidate.probability = model.probability(candidate.features)


def combinations(threshold: float) -> dict:
    return {"filter": lambda i, c: c.probability >= threshold,
            "filter sparing the first": lambda i, c: i == 0 or c.probability >= threshold}


def best_setting(articles: list[Article], rest: list[Article], weight: float, show: bool = False) -> tuple:
    """The strength, training rows and threshold of the best cross-validated filter (ties go to the
    fewest visits dropped: the highest F1, then the lowest threshold); `show` prints the table."""
    best = (-1.0, 0.0, STRENGTHS[0], False, THRESHOLDS[0])
    for dropped in (False, True):
        for strength in STRENGTHS:
            cross_validate(articles, rest, weight, strength, dropped)
            for name in combinations(0.5):
                cells = []
                for threshold in THRESHOLDS:
                    precision, recall, score = f1(articles, combinations(threshold)[name])
                    cells.append(f"{threshold}: {score:.3f} ({precision:.2f}/{recall:.2f})")
                    if name == "filter" and (round(score, 4), -threshold) > best[:2]:
                        best = (round(score, 4), -threshold, strength, dropped, threshold)
                if show:
                    print(f"{'final+dropped' if dropped else 'final'} C={strength} {name}: " + "  ".join(cells))
    if show:
        print("chosen by CV: F1 {:.4f} at C={}, dropped rows {}, threshold {}".format(best[0], *best[2:]))
    return best[2:]


def nested(articles: list[Article], rest: list[Article], weight: float) -> tuple[float, float, float]:
    """The filter's (P, R, F1) with strength, training rows and threshold chosen by an inner CV on each
    outer fold's training articles (inner folds hashed from salted names, so they differ from the outer ones)."""
    kept: dict[int, bool] = {}
    for train, test in grouped_folds([a.name for a in articles]):
        inner = [replace(articles[i], name="inner/" + articles[i].name) for i in train]
        strength, dropped, threshold = best_setting(inner, rest, weight)
        model = fitted(inner, rest, weight, strength, dropped, threshold)
        for i in test:
            kept.update((id(c), model.accepts(c.features)) for c in articles[i].candidates)
    return f1(articles, lambda i, c: kept[id(c)])


def report_cv(articles: list[Article], rest: list[Article], weight: float) -> tuple[float, bool, float]:
    """The cross-validated table and the nested figure; returns the setting chosen by CV."""
    gold = sum(len(a.gold) for a in articles)
    never = gold - sum(len(_match_visits([{"date": c.date} for c in a.candidates], a.gold)) for a in articles)
    print(f"{len(articles)} articles, {sum(len(a.candidates) for a in articles)} candidates "
          f"({sum(not c.label for a in articles for c in a.candidates)} unmatched), "
          f"{sum(len(a.dropped) for a in articles)} dropped clause visits, {gold} gold visits; "
          f"gold visits the rules miss entirely: {never} ({never / max(gold, 1):.1%}); "
          f"{len(rest) if weight else 0} other articles' rows in every training fold at weight {weight}")
    rules = f1(articles, lambda i, c: True)
    print("rules alone: P {:.3f} R {:.3f} F1 {:.3f}".format(*rules))
    setting = best_setting(articles, rest, weight, show=True)
    print("nested CV: P {:.3f} R {:.3f} F1 {:.4f}".format(*nested(articles, rest, weight)) + f"; rules {rules[2]:.4f}")
    return setting


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directories", nargs="+", type=Path)
    add_selection_options(parser)
    parser.add_argument("--save", action="store_true", help="train on every article and save the model")
    args = parser.parse_args(argv)
    articles = load_articles(args.directories, article_names(args.exclude))
    only = article_names([args.only] if args.only else [])
    scored = [a for a in articles if a.name in only] if only else articles
    rest = [a for a in articles if a.name not in only] if only else []
    for weight in args.rest_weights:
        strength, dropped, threshold = report_cv(scored, rest, weight)
    model = fitted(scored, rest, weight, strength, dropped, threshold)
    for feature, weight_of in top_features(model):
        print(f"  {weight_of:+.3f} {feature}")
    if args.save:
        about = {"trained_on": [str(d) for d in args.directories], "excluded": ", ".join(map(str, args.exclude)),
                 "cross_validated_on": str(args.only or ""), "rest_weight": weight,
                 "articles": len(scored) + (len(rest) if weight else 0), "strength": strength,
                 "dropped_rows": dropped, "threshold_by": "grouped 5-fold CV, filter F1"}
        print(f"saved {save(model, MODEL_NAME, about)}", file=sys.stderr)


if __name__ == "__main__":
    main()
