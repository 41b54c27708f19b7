"""Train and measure a learned organisation adder (candidates and features: scripts/organization_evidence.py;
figures in benchmarks/README.md, "Learned organisation adder").

    python scripts/train_organization_adder.py rows DIR... --out ROWS.json [--exclude DIR...]  run the pipeline, label
    python scripts/train_organization_adder.py cv ROWS.json                      grouped 5-fold CV of every variant
    python scripts/train_organization_adder.py score ROWS.json HELD.json --strength C --threshold T
        fit on ROWS, add to the rules of the articles of HELD (scored only: pooled counts, nothing else printed)

A row is one candidate run (organization_evidence.body_runs, beside the rules' bodies too), labelled by the
gold's `organizations` as `extractor eval` compares them (spaces aside). The field is scored as the scorer
does, pooled: the rules' bodies (the pipeline's output), and the rules with the likeliest free run of each
place added where its probability reaches the threshold (`rules + model`).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from linear_training import annotated_docs, article_names, fit, rows_parser, top_features, write_records
from organization_evidence import body_runs
from train_persons import added, held_out_scores, rows_of, solid

from extractor.nlp.common import document_of
from extractor.nlp.convert import doc_to_article
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.names import named_candidates
from extractor.recognizers.names.people import people_of

STRENGTHS = (0.1, 0.3, 1.0)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def article_rows(directories: list[Path], left_out: set[str]) -> list[dict]:
    nlp = load_pipeline()
    records = []
    for text_path, gold, doc in annotated_docs(nlp, directories, left_out):
        runs = body_runs(doc, people_of(doc), named_candidates(doc))
        article = doc_to_article(doc, document_of(doc))
        records.append({"name": text_path.stem,
                        "gold": sorted({solid(o["name"]) for o in gold.get("organizations") or []}),
                        "rules": sorted({solid(o.name) for o in article.organizations}),
                        "runs": [{"name": solid(r.name), "place": r.place, "features": sorted(r.features), "free": r.free}
                                 for r in runs]})
    return records


def counts(records: list[dict], decide: Callable[[dict, int], set[str]]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for number, record in enumerate(records):
        predicted, gold = decide(record, number), set(record["gold"])
        tp, fp, fn = tp + len(predicted & gold), fp + len(predicted - gold), fn + len(gold - predicted)
    return tp, fp, fn


def line(label: str, tp: int, fp: int, fn: int) -> str:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{f1:.3f}  P {precision:.3f} R {recall:.3f}  ({tp}/{fp}/{fn})  {label}"




def print_cv(records: list[dict]) -> None:
    rules = counts(records, lambda record, number: set(record["rules"]))
    print(f"{len(records)} articles, {sum(len(r['runs']) for r in records)} candidates")
    print(line("rules", *rules))
    for strength in STRENGTHS:
        scores = held_out_scores(records, strength)
        for threshold in THRESHOLDS:
            tp, fp, fn = counts(records, lambda record, number, t=threshold, s=scores:
                                set(record["rules"]) | added(record, s[number], t))
            print(line(f"rules + model C={strength} t={threshold}  (+{tp - rules[0]} right, +{fp - rules[1]} false)",
                       tp, fp, fn))


def main(argv: Sequence[str] | None = None) -> None:
    parser = rows_parser(__doc__, ("rows", "cv", "score"), strength=0.3, threshold=0.7)
    args = parser.parse_args(argv)
    if args.command == "rows":
        records = article_rows(args.paths, article_names(args.exclude))
        write_records(records, args.out, "runs", "candidates")
        return
    records = json.loads(args.paths[0].read_text(encoding="utf-8"))
    if args.command == "cv":
        print_cv(records)
        return
    model = fit(rows_of(records)[0], strength=args.strength, threshold=args.threshold)
    held = json.loads(args.paths[1].read_text(encoding="utf-8"))
    rules = counts(held, lambda record, number: set(record["rules"]))
    print(line("rules", *rules))
    tp, fp, fn = counts(held, lambda record, number: set(record["rules"]) | added(
        record, [model.probability(run["features"]) for run in record["runs"]], args.threshold))
    print(line(f"rules + model C={args.strength} t={args.threshold}  (+{tp - rules[0]} right, +{fp - rules[1]} false)",
               tp, fp, fn))
    for feature, weight in top_features(model):
        print(f"{weight:+.3f}  {feature}")


if __name__ == "__main__":
    main()
