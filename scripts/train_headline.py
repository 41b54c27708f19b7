"""Train and measure the learned headline ranker (extractor/models/headline.json; features:
extractor/ingest/headline_evidence.py; figures in benchmarks/README.md).

    python scripts/train_headline.py corpus/dev --exclude /work/unread46            grouped 5-fold CV table
    python scripts/train_headline.py corpus/dev --exclude /work/unread46 --save --strength C --margin M

A row is one candidate headline of an article (the rules' choice, no headline, the lines of words
above the body and its first line) with the features the layout computes for it at run time; its
label is whether its words are the gold's `title` as `extractor eval` compares them (equal strings;
no headline when the gold's is null). The CV scores the field as the scorer does: per article, the
chosen candidate's words against the gold's. Ways of choosing: the rules alone; the model's top
candidate; the model overriding the rules only when its probability beats theirs by a margin; each
with and without the rules' choice among the features, and with and without the gate
(headline_evidence.may_replace_rules: no caption, sentence or metadata line replaces the rules'
choice, nor does "no headline").

Chosen by CV and shipped (trained on dev minus /work/unread46): C=3, margin 0.0, the rules' choice
among the features, gated: measured in benchmarks/README.md.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from itertools import product
from pathlib import Path

from linear_training import (
    STRENGTHS,
    add_selection_options,
    annotated_articles,
    article_names,
    fit,
    grouped_folds,
    save,
    top_features,
)

from extractor.ingest.decode import decode
from extractor.ingest.headline_evidence import RULE_FEATURE, may_replace_rules
from extractor.ingest.layout import HEADLINE_MODEL, headline_candidates

MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def article_records(directories: list[Path], left_out: set[str]) -> list[dict]:
    """Per article: its name, the gold's title and each candidate's (words, features), the rules' first."""
    records = []
    for text_path, gold in annotated_articles(directories, left_out):
        candidates = headline_candidates(decode(text_path.read_bytes()).text)
        records.append({"name": text_path.stem, "gold": gold.get("title"), "candidates": candidates})
    return records


def rows_of(records: list[dict], with_rule: bool) -> tuple[list[tuple[list[str], bool]], list[str]]:
    rows, groups = [], []
    for record in records:
        for words, features in record["candidates"]:
            rows.append(([f for f in features if with_rule or f != RULE_FEATURE], words == record["gold"]))
            groups.append(record["name"])
    return rows, groups


def held_out_scores(records: list[dict], strength: float, with_rule: bool) -> dict[str, list[float]]:
    """Each article's candidates' probabilities from the model trained on the other folds' articles."""
    rows, groups = rows_of(records, with_rule)
    scores: dict[str, list[float]] = {record["name"]: [] for record in records}
    for train, test in grouped_folds(groups):
        model = fit([rows[i] for i in train], strength=strength)
        for i in test:
            scores[groups[i]].append(model.probability(rows[i][0]))
    return scores


def chosen(scores: list[float], margin: float | None, eligible: list[bool] | None = None) -> int:
    """The candidate chosen: the model's top (margin None), or the rules' (0) unless the top beats it by
    the margin; with `eligible`, only those candidates may replace the rules'."""
    top = max((i for i in range(len(scores)) if eligible is None or eligible[i] or i == 0), key=scores.__getitem__)
    return top if margin is None or scores[top] - scores[0] >= margin else 0


def accuracy(records: list[dict], choose) -> float:
    return sum(record["candidates"][choose(record)][0] == record["gold"] for record in records) / len(records)


def cross_validate(records: list[dict]) -> list[tuple[str, float]]:
    results = [("rules", accuracy(records, lambda record: 0)),
               ("ceiling (a candidate is right)", sum(any(words == r["gold"] for words, _ in r["candidates"])
                                                      for r in records) / len(records))]
    for with_rule in (True, False):
        for strength in STRENGTHS:
            scores = held_out_scores(records, strength, with_rule)
            for margin, gated in product((None, *MARGINS), (False, True)):
                variant = (f"{'model top' if margin is None else f'override margin {margin}'} C={strength}"
                           f"{' +rule' if with_rule else ''}{' gated' if gated else ''}")
                results.append((variant, accuracy(records, lambda r, margin=margin, gated=gated, scores=scores: chosen(
                    scores[r["name"]], margin, [may_replace_rules(set(f)) for _, f in r["candidates"]] if gated else None))))
    return results


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    add_selection_options(parser)
    parser.add_argument("--save", action="store_true", help="fit on every article read and save the model")
    parser.add_argument("--strength", type=float, default=1.0)
    parser.add_argument("--margin", type=float, default=0.3)
    parser.add_argument("--no-rule", action="store_true", help="leave the rules' choice out of the features")
    args = parser.parse_args(argv)
    records = article_records(args.paths, article_names(args.exclude))
    if not args.save:
        for variant, score in cross_validate(records):
            print(f"{score:.3f}  {variant}")
        return
    rows, _ = rows_of(records, with_rule=not args.no_rule)
    model = fit(rows, strength=args.strength, threshold=args.margin)
    about = {"trained_on": f"{len(records)} articles of corpus/dev, {len(rows)} candidates",
             "strength": args.strength, "rule_feature": not args.no_rule,
             "threshold": "the margin by which the top candidate's probability must beat the rules' choice's",
             "script": "scripts/train_headline.py"}
    print(save(model, HEADLINE_MODEL, about))
    for name, weight in top_features(model):
        print(f"{weight:+.3f}  {name}")


if __name__ == "__main__":
    main()
