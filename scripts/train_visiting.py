"""Train and measure the learned visiting-country classifier (extractor/models/visiting.json;
features: extractor/recognizers/visiting_evidence.py; figures in benchmarks/README.md).

    python scripts/train_visiting.py rows DIR... --out ROWS.json [--leave-out DIR]...   run the recognizer, label its countries
    python scripts/train_visiting.py cv ROWS.json                                   grouped 5-fold CV of every variant
    python scripts/train_visiting.py save ROWS.json --strength C --threshold T [--no-rule]   fit on all rows, save

A row is one country the countries recognizer finds in an article's content: its features
(computed by the recognizer itself, so as at run time), the rules' decision, and its label, the
gold's `visiting` for that code as `extractor eval` compares them (a country the gold does not list
is not visiting). `--leave-out DIR` (repeatable) drops the articles whose names are in DIR (a fresh
set scored only: `--leave-out /work/fresh12 --leave-out /work/fresh20`), reading nothing but their names. The CV scores the field as the scorer does: per article,
the set of visiting codes against the gold's, pooled; gold countries the recognizer never finds
count as missed in every variant. Variants: the rules alone; the model alone, the rules OR the
model, the rules AND the model (a filter), each at several thresholds, with and without the
rules' decision among the features, and with and without a gate (the model accepts a country
only in an article that tells a visit or people taking part somewhere, by visit_cues.yaml).

The shipped model (trained on dev minus the 93 articles annotated last, `--leave-out /work/fresh12
--leave-out /work/fresh20`, C=3, t=0.5, rules' decision among its features) adds to the rules a country whose people are named and that no sentence set
abroad names (extractor/recognizers/countries.py): measured in benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from linear_training import STRENGTHS, annotated_articles, article_names, fit, grouped_folds, save, write_records

from extractor.ingest import to_document
from extractor.nlp.pipeline import COMPONENTS, build_pipeline

MODEL_NAME = "visiting"
RULE_FEATURE = "rule"
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)
COMBINATIONS: dict[str, Callable[[bool, bool], bool]] = {
    "model": lambda rule, model: model,
    "rules OR model": lambda rule, model: rule or model,
    "rules AND model": lambda rule, model: rule and model,
}


def article_rows(directories: list[Path], left_out: set[str]) -> list[dict]:
    """One record per article: its name, the gold's visiting codes, and per country found its
    features and the rules' decision."""
    nlp = build_pipeline(exclude=tuple(factory for factory, _ in COMPONENTS if factory != "kr_countries"))
    recognizer = nlp.get_pipe("kr_countries")
    records = []
    for text_path, gold in annotated_articles(directories, left_out):
        document = to_document(text_path.read_bytes(), reference_date=gold.get("reference_date"))
        reading = recognizer.read(next(nlp.tokenizer.pipe_documents([document])))
        rules = {m.code for m in reading.mentions if m.rule}
        records.append({"name": text_path.stem, "tells_visits": reading.tells_visits(),
                        "gold": sorted({c["code"] for c in gold.get("countries") or [] if c.get("visiting")}),
                        "countries": {code: {"features": sorted(features), "rule": code in rules}
                                      for code, features in reading.features().items()}})
    return records


def rows_of(records: list[dict], with_rule: bool) -> tuple[list[tuple[list[str], bool]], list[str]]:
    rows, groups = [], []
    for record in records:
        for code, country in record["countries"].items():
            features = [f for f in country["features"] if with_rule or f != RULE_FEATURE]
            rows.append((features, code in record["gold"]))
            groups.append(record["name"])
    return rows, groups


def field_f1(records: list[dict], decide: Callable[[str, str, bool], bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the visiting codes, pooled over articles as `extractor eval` does."""
    tp = fp = fn = 0
    for record in records:
        predicted = {code for code, c in record["countries"].items() if decide(record["name"], code, c["rule"])}
        gold = set(record["gold"])
        tp, fp, fn = tp + len(predicted & gold), fp + len(predicted - gold), fn + len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def held_out_probabilities(records: list[dict], strength: float, with_rule: bool) -> dict[tuple[str, str], float]:
    """Each country's probability from the model trained on the other folds' articles."""
    rows, groups = rows_of(records, with_rule)
    keys = [(record["name"], code) for record in records for code in record["countries"]]
    scores = {}
    for train, test in grouped_folds(groups):
        model = fit([rows[i] for i in train], strength=strength)
        for i in test:
            scores[keys[i]] = model.probability(rows[i][0])
    return scores


def cross_validate(records: list[dict]) -> list[tuple[str, float, float, float]]:
    """(variant, P, R, F1) of the rules and of every combination, strength, threshold, with and
    without the rules' decision as a feature, with and without the gate."""
    results = [("rules", *field_f1(records, lambda name, code, rule: rule))]
    telling = {record["name"]: record["tells_visits"] for record in records}
    for with_rule in (False, True):
        for strength in STRENGTHS:
            scores = held_out_probabilities(records, strength, with_rule)
            for gated in (False, True):
                for threshold in THRESHOLDS:
                    for combination, combine in COMBINATIONS.items():
                        variant = (f"{combination} C={strength} t={threshold}{' +rule' if with_rule else ''}"
                                   f"{' gated' if gated else ''}")
                        results.append((variant, *field_f1(
                            records, lambda name, code, rule, combine=combine, scores=scores, threshold=threshold,
                            gated=gated: combine(rule, scores[(name, code)] >= threshold
                                                 and (telling[name] or not gated)))))
    return results


def best_of_each(results: list[tuple[str, float, float, float]]) -> list[tuple[str, float, float, float]]:
    """The best strength and threshold of each combination (with or without the rule feature, gated or not)."""
    best: dict[str, tuple[str, float, float, float]] = {}
    for result in results:
        family = result[0].split(" C=")[0] + "".join(f" {flag}" for flag in ("+rule", "gated")
                                                     if f" {flag}" in result[0])
        if family not in best or result[3] > best[family][3]:
            best[family] = result
    return list(best.values())


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("rows", "cv", "save"))
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--leave-out", type=Path, action="append", default=[],
                        help="a folder whose articles' names are left out (repeatable; only names are read)")
    parser.add_argument("--strength", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--no-rule", action="store_true", help="leave the rules' decision out of the features")
    parser.add_argument("--combination", default="rules OR model", choices=tuple(COMBINATIONS))
    args = parser.parse_args(argv)
    if args.command == "rows":
        left_out = article_names(args.leave_out)
        records = article_rows(args.paths, left_out)
        write_records(records, args.out, "countries", "countries")
        return
    records = json.loads(args.paths[0].read_text(encoding="utf-8"))
    if args.command == "cv":
        results = cross_validate(records)
        for variant, precision, recall, f1 in [*best_of_each(results), *sorted(results[1:], key=lambda r: -r[3])[:12]]:
            print(f"{f1:.3f}  P {precision:.3f} R {recall:.3f}  {variant}")
        return
    rows, _ = rows_of(records, with_rule=not args.no_rule)
    model = fit(rows, strength=args.strength, threshold=args.threshold)
    about = {"trained_on": f"{len(records)} articles of corpus/dev, {len(rows)} countries",
             "strength": args.strength, "rule_feature": not args.no_rule, "combination": args.combination,
             "script": "scripts/train_visiting.py"}
    print(save(model, MODEL_NAME, about))


if __name__ == "__main__":
    main()
