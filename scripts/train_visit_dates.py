"""Train and measure the learned visit adder (candidates and features: scripts/visit_date_features.py;
figures in benchmarks/README.md, "Learned visit adder").

    python scripts/train_visit_dates.py rows corpus/dev --out ROWS.json --exclude /work/unread46 --exclude /work/fresh13
    python scripts/train_visit_dates.py cv ROWS.json                          grouped 5-fold CV of every variant
    python scripts/train_visit_dates.py score ROWS.json SCORED.json --strength C --threshold T
        fit on ROWS, add to the rules of SCORED's articles (rows of a score-only set): pooled figures only
    python scripts/train_visit_dates.py save ROWS.json --strength C --threshold T   fit on all rows, save
        extractor/models/visit_dates.json (for a measurement with the adder wired in) and print the top features

A row is one date mention the rules made no visit of, in a sentence naming people who come (the
gate of visit_date_features.date_candidates), labelled true when gold has a visit on that date the
rules' visits leave unmatched (`extractor eval`'s matching of visits: by date). The CV scores the
visits as the scorer does, pooled over articles: the rules' visits, and the rules with each new
date's likeliest mention added where its probability reaches the threshold (`rules + model`).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from linear_training import (
    STRENGTHS,
    annotated_docs,
    article_names,
    fit,
    grouped_folds,
    rows_parser,
    save,
    top_features,
    write_records,
)
from visit_date_features import date_candidates

from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.visits.context import VisitContext
from extractor.scoring import _match_visits

MODEL_NAME = "visit_dates"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def article_rows(directories: list[Path], left_out: set[str]) -> list[dict]:
    """One record per article: the gold's and the rules' visit dates and every candidate date mention."""
    nlp = load_pipeline()
    recognizer = nlp.get_pipe("kr_visits")
    records = []
    for text_path, gold, doc in annotated_docs(nlp, directories, left_out):
        ctx = VisitContext(doc, recognizer.lexicon)
        told = recognizer.told(ctx)
        records.append({"name": text_path.stem, "gold": [v.get("date") for v in gold.get("visits") or []],
                        "rules": [v.period.value if v.period else None for v in told],
                        "mentioned": sorted({d.period.value for d in ctx.dates}),
                        "candidates": [{"date": c.date.period.value, "features": sorted(c.features)}
                                       for c in date_candidates(ctx, told)]})
    return records


def unmatched_gold(record: dict) -> set:
    rules = [{"date": d} for d in record["rules"]]
    gold = [{"date": d} for d in record["gold"]]
    matched = {id(g) for _, g in _match_visits(rules, gold)}
    return {g["date"] for g in gold if id(g) not in matched}


def rows_of(records: list[dict]) -> tuple[list[tuple[list[str], bool]], list[str]]:
    rows, groups = [], []
    for record in records:
        missed = unmatched_gold(record)
        for candidate in record["candidates"]:
            rows.append((candidate["features"], candidate["date"] in missed))
            groups.append(record["name"])
    return rows, groups


def added(record: dict, scores: list[float], threshold: float) -> list:
    """Each new date once, where its likeliest mention reaches the threshold."""
    best: dict[str, float] = {}
    for candidate, score in zip(record["candidates"], scores):
        best[candidate["date"]] = max(score, best.get(candidate["date"], 0.0))
    return [date for date, score in best.items() if score >= threshold]


def field_scores(records: list[dict], predictions: list[list]) -> tuple[float, float, float, int, int, int]:
    tp = fp = fn = 0
    for record, predicted in zip(records, predictions):
        matched = len(_match_visits([{"date": d} for d in predicted], [{"date": d} for d in record["gold"]]))
        tp, fp, fn = tp + matched, fp + len(predicted) - matched, fn + len(record["gold"]) - matched
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9), tp, fp, fn


def held_out_scores(records: list[dict], strength: float) -> list[list[float]]:
    rows, groups = rows_of(records)
    owner = [number for number, record in enumerate(records) for _ in record["candidates"]]
    scores: list[list[float]] = [[] for _ in records]
    for train, test in grouped_folds(groups):
        model = fit([rows[i] for i in train], strength=strength)
        for i in test:
            scores[owner[i]].append(model.probability(rows[i][0]))
    return scores


def print_cv(records: list[dict]) -> None:
    rows, _ = rows_of(records)
    gold = sum(len(r["gold"]) for r in records)
    missed = sum(len(r["gold"]) - len(_match_visits([{"date": d} for d in r["rules"]], [{"date": d} for d in r["gold"]]))
                 for r in records)
    print(f"{len(records)} articles, {gold} gold visits, {missed} missed by the rules; {len(rows)} candidates, "
          f"{sum(label for _, label in rows)} positive; gold dates among the candidates: "
          f"{sum(len(unmatched_gold(r) & {c['date'] for c in r['candidates']}) for r in records)}")
    missed_dates = [d for r in records for d in unmatched_gold(r)]
    mentioned = [d for r in records for d in unmatched_gold(r) if d in r["mentioned"]]
    print(f"missed gold dates: {len(missed_dates)} distinct per article, {len(mentioned)} of them written as a date mention "
          f"of the article (the rest: a visit without a day, or a value the text gives otherwise)")
    line = "{:.3f}  P {:.3f} R {:.3f}  ({} / {} / {})  {}"
    rules = field_scores(records, [r["rules"] for r in records])
    print(line.format(*[rules[i] for i in (2, 0, 1, 3, 4, 5)], "rules"))
    for strength in STRENGTHS:
        scores = held_out_scores(records, strength)
        for threshold in THRESHOLDS:
            result = field_scores(records, [r["rules"] + added(r, s, threshold) for r, s in zip(records, scores)])
            print(line.format(*[result[i] for i in (2, 0, 1, 3, 4, 5)], f"rules + model C={strength} t={threshold}"))


def main(argv: Sequence[str] | None = None) -> None:
    parser = rows_parser(__doc__, ("rows", "cv", "score", "save"), strength=0.3)
    args = parser.parse_args(argv)
    if args.command == "rows":
        records = article_rows(args.paths, article_names(args.exclude))
        write_records(records, args.out, "candidates", "candidates")
        return
    records = json.loads(args.paths[0].read_text(encoding="utf-8"))
    if args.command == "cv":
        print_cv(records)
        return
    model = fit(rows_of(records)[0], strength=args.strength, threshold=args.threshold)
    if args.command == "score":
        scored = json.loads(args.paths[1].read_text(encoding="utf-8"))
        for name, predictions in (("rules", [r["rules"] for r in scored]), ("rules + model", [
                r["rules"] + added(r, [model.probability(c["features"]) for c in r["candidates"]], args.threshold)
                for r in scored])):
            result = field_scores(scored, predictions)
            print("{:.3f}  P {:.3f} R {:.3f}  ({} / {} / {})  ".format(*[result[i] for i in (2, 0, 1, 3, 4, 5)]) + name)
        return
    about = {"trained_on": f"{len(records)} articles of corpus/dev (minus /work/unread46 and /work/fresh13)",
             "strength": args.strength, "combination": "rules + each new date's likeliest gated mention",
             "script": "scripts/train_visit_dates.py"}
    print(save(model, MODEL_NAME, about))
    for feature, weight in top_features(model):
        print(f"{weight:+.3f}  {feature}")


if __name__ == "__main__":
    main()
