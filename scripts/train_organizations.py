"""Train the learned filter on the organisations the rules name (extractor/recognizers/names/learned_bodies.py).

Rows: every organisation name the rules produce on a dev article (the names component in training
mode keeps them all and records each name's features), labelled by whether the article's gold lists
the name, compared as `extractor eval` compares them (spaces ignored). Grouped 5-fold cross-validation
(folds never split an article) scores the field's F1 for the rules alone and for the model filtering
the rules' names at several strengths and thresholds; the chosen ones are those of the best CV F1.
That best cell is chosen on the very folds it is scored on, so a nested cross-validation (strength
and threshold chosen again inside each outer fold's training articles) gives the unbiased figure.
The filter did not beat the rules (benchmarks/README.md): nothing reads a saved model.

    python scripts/train_organizations.py --exclude /work/fresh20           # CV, then a model of dev minus the set
    python scripts/train_organizations.py --save                            # a model of all of dev, saved
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from linear_training import fit, grouped_folds, save

from extractor.ingest import to_document
from extractor.learned import LinearModel
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.names.learned_bodies import FEATURES_KEY, MODEL_NAME
from extractor.scoring import gold_pairs

DEV = Path(__file__).resolve().parent.parent / "corpus" / "dev"
STRENGTHS = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
_SPACE = re.compile(r"\s+")


@dataclass
class Article:
    name: str
    names: dict[str, list[str]]  # each name the rules give, squeezed -> its features
    gold: set[str]               # the gold's names, squeezed


def read_articles(directory: Path, excluded: set[str]) -> list[Article]:
    nlp = load_pipeline()
    nlp.get_pipe("kr_names").training = True
    articles = []
    for text_path, gold_path in gold_pairs(directory):
        if text_path.stem in excluded:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = to_document(text_path.read_bytes(), id=text_path.stem, source=str(text_path),
                               reference_date=gold.get("reference_date"))
        doc = next(nlp.pipe(nlp.tokenizer.pipe_documents([document])))
        names: dict[str, set[str]] = {}
        for name, features in doc.user_data.get(FEATURES_KEY, {}).items():
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


def cross_validated(articles: list[Article], strength: float) -> list[dict[str, float]]:
    """Per article, each name's probability from a model trained on the other folds."""
    rows, groups = rows_of(articles)
    by_article = {a.name: i for i, a in enumerate(articles)}
    probabilities: list[dict[str, float]] = [{} for _ in articles]
    keys = [(group, name) for a in articles for name in a.names for group in [a.name]]
    for train, test in grouped_folds(groups):
        model = fit([rows[i] for i in train], strength=strength)
        for i in test:
            group, name = keys[i]
            probabilities[by_article[group]][name] = model.probability(rows[i][0])
    return probabilities


def report(articles: list[Article]) -> tuple[float, float]:
    rules = f1([set(a.names) for a in articles], articles)
    print(f"rules alone: F1 {rules[0]:.3f} (P {rules[1]:.3f} R {rules[2]:.3f}), {len(articles)} articles")
    best = (0.0, 1.0, 0.5)
    for strength in STRENGTHS:
        probabilities = cross_validated(articles, strength)
        cells = []
        for threshold in THRESHOLDS:
            kept = [{n for n, p in probs.items() if p >= threshold} for probs in probabilities]
            score = f1(kept, articles)
            cells.append(f"{threshold:.2f}: {score[0]:.3f} ({score[1]:.2f}/{score[2]:.2f})")
            best = max(best, (score[0], strength, threshold))
        print(f"filter, C={strength}: " + "  ".join(cells))
    print(f"best CV F1 {best[0]:.3f} at C={best[1]}, threshold {best[2]}")
    print("nested CV (strength and threshold chosen inside each fold): F1 {:.4f} (P {:.3f} R {:.3f}); rules {:.4f}"
          .format(*nested(articles), rules[0]))
    return best[1], best[2]


def nested(articles: list[Article]) -> tuple[float, float, float]:
    """F1 of the filter with strength and threshold chosen by an inner CV on each outer fold's training
    articles (inner folds hashed from salted names, so they differ from the outer ones)."""
    kept: list[set[str]] = [set() for _ in articles]
    for train, test in grouped_folds([a.name for a in articles]):
        inner = [Article("inner/" + articles[i].name, articles[i].names, articles[i].gold) for i in train]
        best = (-1.0, 1.0, 0.5)
        for strength in STRENGTHS:
            probabilities = cross_validated(inner, strength)
            for threshold in THRESHOLDS:
                score = f1([{n for n, p in probs.items() if p >= threshold} for probs in probabilities], inner)[0]
                best = max(best, (score, strength, threshold))
        model = fit(rows_of(inner)[0], strength=best[1], threshold=best[2])
        for i in test:
            kept[i] = {name for name, features in articles[i].names.items() if model.accepts(features)}
    return f1(kept, articles)


def top_features(model: LinearModel, count: int = 15) -> list[tuple[str, float]]:
    return sorted(model.weights.items(), key=lambda item: -abs(item[1]))[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exclude", type=Path, help="a folder of dev articles (by name) to leave out of training")
    parser.add_argument("--save", action="store_true", help="save the model of the articles read (extractor/models/)")
    parser.add_argument("--strength", type=float, help="skip the search: this C ...")
    parser.add_argument("--threshold", type=float, help="... and this threshold")
    args = parser.parse_args()
    excluded = {p.stem for p in args.exclude.glob("*.txt")} if args.exclude else set()
    began = time.perf_counter()
    articles = read_articles(DEV, excluded)
    print(f"read {len(articles)} articles in {time.perf_counter() - began:.0f} s")
    if args.strength is None:
        strength, threshold = report(articles)
    else:
        strength, threshold = args.strength, args.threshold
    rows, _ = rows_of(articles)
    model = fit(rows, strength=strength, threshold=threshold)
    for feature, weight in top_features(model):
        print(f"  {weight:+.3f} {feature}")
    if args.save:
        about = {"trained_on": f"corpus/dev ({len(articles)} articles)" + (f" minus {args.exclude.name}" if excluded else ""),
                 "rows": len(rows), "strength": strength, "script": "scripts/train_organizations.py"}
        print(f"saved {save(model, MODEL_NAME, about)}")


if __name__ == "__main__":
    main()
