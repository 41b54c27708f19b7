"""Train and measure a learned programme adder (features: scripts/program_evidence.py; figures in
benchmarks/README.md, "Learned programme adder"; measured, not wired in).

    python scripts/train_programs.py rows DIR... --out ROWS.json [--exclude DIR...]   run the pipeline, label the candidates
    python scripts/train_programs.py cv ROWS.json                                   grouped 5-fold CV of every variant
    python scripts/train_programs.py score TRAIN.json HELD.json --strength C --threshold T
        fit on TRAIN's rows, score the rules and rules + model on HELD's articles (figures only)

A row is one candidate (program_evidence.programme_runs, beside the rules' programmes too),
labelled by the gold's `programs` as `extractor eval` compares them (spaces aside). The CV and its
variants are those of the person adder (scripts/train_persons.py): rules, rules + the likeliest
free candidate of each place at a threshold, the model alone.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from linear_training import annotated_docs, article_names, fit, rows_parser, top_features, write_records
import program_evidence
from program_evidence import programme_runs
from train_persons import adder_record, added, field_scores, print_cv, rows_of

from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.names import named_candidates
from extractor.recognizers.names.people import people_of


def article_rows(directories: list[Path], left_out: set[str]) -> list[dict]:
    """One record per article: its name, the gold's and the rules' programmes, and every candidate
    with its place, its features and whether a programme of the rules overlaps it."""
    nlp = load_pipeline()
    records = []
    for text_path, gold, doc in annotated_docs(nlp, directories, left_out):
        rule_programmes = [c for c in named_candidates(doc) if c.field == "programs"]
        runs = programme_runs(doc, people_of(doc), rule_programmes, beside_rules=True)
        records.append(adder_record(text_path, gold, doc, "programs", rule_programmes, runs))
    return records


def score_held(train: list[dict], held: list[dict], strength: float, threshold: float) -> None:
    """The rules and rules + model on articles the model was not trained on; right and false added."""
    model = fit(rows_of(train)[0], strength=strength, threshold=threshold)
    scores = [[model.probability(run["features"]) for run in record["runs"]] for record in held]
    right = wrong = 0
    for record, score in zip(held, scores):
        new = added(record, score, threshold) - set(record["rules"])
        right, wrong = right + len(new & set(record["gold"])), wrong + len(new - set(record["gold"]))
    rules = field_scores(held, lambda record, number: set(record["rules"]))
    both = field_scores(held, lambda record, number: set(record["rules"]) | added(record, scores[number], threshold))
    print(f"rules          P {rules[0]:.3f} R {rules[1]:.3f} F {rules[2]:.3f}")
    print(f"rules + model  P {both[0]:.3f} R {both[1]:.3f} F {both[2]:.3f}  (+{right} right, +{wrong} false)")
    for feature, weight in top_features(model):
        print(f"{weight:+.3f}  {feature}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = rows_parser(__doc__, ("rows", "cv", "score"))
    parser.add_argument("--wide", action="store_true", help="rows: a run needs no proper word (a feature only)")
    args = parser.parse_args(argv)
    if args.command == "rows":
        program_evidence.REQUIRE_PROPER = not args.wide
        records = article_rows(args.paths, article_names(args.exclude))
        write_records(records, args.out, "runs", "candidates")
        return
    records = [json.loads(path.read_text(encoding="utf-8")) for path in args.paths]
    if args.command == "cv":
        print_cv(records[0], [], 0.0)
    else:
        score_held(records[0], records[1], args.strength, args.threshold)


if __name__ == "__main__":
    main()
