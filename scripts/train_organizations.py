"""Train the learned filter on the organisations the rules name (scripts/organization_features.py).

Rows: every organisation name the rules produce on a dev article (the names component's candidates,
read again from the Doc the pipeline left, each with its features), labelled by whether the article's gold lists
the name, compared as `extractor eval` compares them (spaces ignored). Grouped 5-fold cross-validation
(folds never split an article) scores the field's F1 for the rules alone and for the model filtering
the rules' names at several strengths and thresholds; the chosen ones are those of the best CV F1.
That best cell is chosen on the very folds it is scored on, so a nested cross-validation (strength
and threshold chosen again inside each outer fold's training articles) gives the unbiased figure.
The filter did not beat the rules (benchmarks/README.md): nothing reads a saved model.

    python scripts/train_organizations.py --exclude /work/fresh20           # CV, then a model of dev minus the set
    python scripts/train_organizations.py --save                            # a model of all of dev, saved
    python scripts/train_organizations.py --exclude /work/fresh20 --only /work/fresh12 --rest-weights 0 0.3 1
        # CV on fresh12 only, training on its folds and the other articles' names at weight 0 / 0.3 / 1
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from linear_training import STRENGTHS, add_selection_options, annotated_articles, article_names, fit, grouped_folds, save, top_features

from extractor.ingest import to_document
from extractor.learned import LinearModel
from extractor.nlp.pipeline import load_pipeline
from organization_features import (
    MODEL_NAME,
    stored_organization_features,
)

DEV = Path(__file__).resolve().parent.parent / "corpus" / "dev"
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
_SPACE = re.compile(r"\s+")


@dataclass
class Article:
    name: str
    names: dict[str, list[str]]  # each name the rules give, squeezed -> its features
    gold: set[str]               # the gold's names, squeezed


def read_articles(directory: Path, excluded: set[str]) -> list[Article]:
    nlp = load_pipeline()
    articles = []
    for text_path, gold in annotated_articles([directory], excluded):
        document = to_document(text_path.read_bytes(), id=text_path.stem, source=str(text_path),
                               reference_date=gold.get("reference_date"))
        doc = next(nlp.pipe(nlp.tokenizer.pipe_documents([document])))
        names: dict[str, set[str]] = {}
        for name, features in stored_organization_features(doc).items():
            names.setdefault(_SPACE.sub("", name), set()).update(features)
        articles.append(Article(text_path.stem, {k: sorted(v) for k, v in names.items()},
                                {_SPACE.sub("", n["name"]) for n in gold.get("organizations") or []}))
    return articles


def rows_of(articles: list[Article]) -> tuple[list, list[str]]:
    rows, groups = [], []
    for article in articles:
        for name, features in article.names.items():
            rows.append((features, name in article.gold))
            groups.append(article.name)
    return rows, groups


def f1(kept: list[set[str]], articles: list[Article]) -> tuple[float, float, float]:
    tp = sum(len(k & a.gold) for k, a in zip(kept, articles))
    fp = sum(len(k - a.gold) for k, a in zip(kept, articles))
    fn = sum(len(a.gold - k) for k, a in zip(kept, articles))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def fitted(train: list[Article], rest: list[Article], weight: float, strength: float, threshold: float = 0.5) -> LinearModel:
    """A model of the training articles' names and, at `weight` each (0: none), the other articles' names."""
    rows, extra = rows_of(train)[0], rows_of(rest)[0] if weight else []
    return fit(rows + extra, strength=strength, threshold=threshold, weights=[1.0] * len(rows) + [weight] * len(extra))


def cross_validated(articles: list[Article], rest: list[Article], weight: float, strength: float) -> list[dict[str, float]]:
    """Per article, each name's probability from a model trained on the other folds (and the rest)."""
    probabilities: list[dict[str, float]] = [{} for _ in articles]
    for train, test in grouped_folds([a.name for a in articles]):
        model = fitted([articles[i] for i in train], rest, weight, strength)
        for i in test:
            probabilities[i] = {name: model.probability(features) for name, features in articles[i].names.items()}
    return probabilities


def best_setting(articles: list[Article], rest: list[Article], weight: float, show: bool = False) -> tuple[float, float, float]:
    """(F1, strength, threshold) of the best cross-validated filter; `show` prints the table."""
    best = (-1.0, 1.0, 0.5)
    for strength in STRENGTHS:
        probabilities = cross_validated(articles, rest, weight, strength)
        cells = []
        for threshold in THRESHOLDS:
            score = f1([{n for n, p in probs.items() if p >= threshold} for probs in probabilities], articles)
            cells.append(f"{threshold:.2f}: {score[0]:.3f} ({score[1]:.2f}/{score[2]:.2f})")
            best = max(best, (score[0], strength, threshold))
        if show:
            print(f"filter, C={strength}: " + "  ".join(cells))
    return best


def report(articles: list[Article], rest: list[Article], weight: float) -> tuple[float, float]:
    rules = f1([set(a.names) for a in articles], articles)
    print(f"rules alone: F1 {rules[0]:.3f} (P {rules[1]:.3f} R {rules[2]:.3f}), {len(articles)} articles; "
          f"{len(rest) if weight else 0} other articles' names in every training fold at weight {weight}")
    best = best_setting(articles, rest, weight, show=True)
    print(f"best CV F1 {best[0]:.3f} at C={best[1]}, threshold {best[2]}")
    print("nested CV (strength and threshold chosen inside each fold): F1 {:.4f} (P {:.3f} R {:.3f}); rules {:.4f}"
          .format(*nested(articles, rest, weight), rules[0]))
    return best[1], best[2]


def nested(articles: list[Article], rest: list[Article], weight: float) -> tuple[float, float, float]:
    """F1 of the filter with strength and threshold chosen by an inner CV on each outer fold's training
    articles (inner folds hashed from salted names, so they differ from the outer ones)."""
    kept: list[set[str]] = [set() for _ in articles]
    for train, test in grouped_folds([a.name for a in articles]):
        inner = [Article("inner/" + articles[i].name, articles[i].names, articles[i].gold) for i in train]
        _, strength, threshold = best_setting(inner, rest, weight)
        model = fitted(inner, rest, weight, strength, threshold)
        for i in test:
            kept[i] = {name for name, features in articles[i].names.items() if model.accepts(features)}
        fold = [articles[i] for i in test]
        print(f"  fold of {len(test)} articles: C={strength}, threshold {threshold}: rules "
              f"{f1([set(a.names) for a in fold], fold)[0]:.3f}, filter {f1([kept[i] for i in test], fold)[0]:.3f}, "
              f"names dropped {sum(len(articles[i].names) - len(kept[i]) for i in test)}")
    return f1(kept, articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_selection_options(parser)
    parser.add_argument("--save", action="store_true", help="save the model of the articles read (extractor/models/)")
    parser.add_argument("--strength", type=float, help="skip the search: this C ...")
    parser.add_argument("--threshold", type=float, help="... and this threshold")
    args = parser.parse_args()
    excluded = article_names(args.exclude)
    only = article_names([args.only] if args.only else [])
    began = time.perf_counter()
    articles = read_articles(DEV, excluded)
    print(f"read {len(articles)} articles in {time.perf_counter() - began:.0f} s")
    scored = [a for a in articles if a.name in only] if only else articles
    rest = [a for a in articles if a.name not in only] if only else []
    for weight in args.rest_weights:
        if args.strength is None:
            strength, threshold = report(scored, rest, weight)
        else:
            strength, threshold = args.strength, args.threshold
    model = fitted(scored, rest, weight, strength, threshold)
    for feature, weight_of in top_features(model):
        print(f"  {weight_of:+.3f} {feature}")
    if args.save:
        about = {"trained_on": f"corpus/dev ({len(articles)} articles)" + (f" minus {', '.join(d.name for d in args.exclude)}" if excluded else ""),
                 "cross_validated_on": args.only.name if only else "", "rest_weight": weight,
                 "strength": strength, "script": "scripts/train_organizations.py"}
        print(f"saved {save(model, MODEL_NAME, about)}")


if __name__ == "__main__":
    main()
