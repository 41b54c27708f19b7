"""Train and measure the learned person adder (candidates and features:
extractor/recognizers/names/person_evidence.py; figures in benchmarks/README.md, "Learned person adder").

    python scripts/train_persons.py rows DIR... --out ROWS.json [--exclude DIR...]   run the pipeline, label the candidates
    python scripts/train_persons.py cv ROWS.json [--only DIR --rest-weights W...]  grouped 5-fold CV of every variant
        (with --only: CV on those articles only, the others' candidates in every training fold at each weight)
    python scripts/train_persons.py save ROWS.json --strength C --threshold T   fit on all rows, save

A row is one candidate run (person_evidence.name_runs, beside the rules' persons too: the model
learns what a person's name looks like where it stands from every run), labelled by the gold's
`persons` as `extractor eval` compares them (spaces aside). The CV scores the field as the scorer
does, per article, pooled: the rules' persons (the pipeline's output), and the rules with the
model's likeliest candidate of each place added where no person of the rules overlaps it and its
probability reaches the threshold (`rules + model`), or the model's candidates alone (`model`).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
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

from extractor.nlp.common import document_of
from extractor.nlp.convert import doc_to_article
from extractor.nlp.korean import Spans
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers import names
from extractor.recognizers.names import named_candidates
from extractor.recognizers.names.people import people_of
from extractor.recognizers.names.person_evidence import MODEL_NAME, PERSON_FIELDS, name_runs

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def solid(name: str) -> str:
    return "".join(name.split())


def article_rows(directories: list[Path], left_out: set[str]) -> list[dict]:
    """One record per article: its name, the gold's and the rules' persons, and every candidate run
    with its place, its features and whether a person of the rules overlaps it."""
    names.learned_persons = lambda doc, people, found: []  # the rules alone: what the model is trained beside
    nlp = load_pipeline()
    records = []
    for text_path, gold, doc in annotated_docs(nlp, directories, left_out):
        rule_persons = [c for c in named_candidates(doc) if c.field in PERSON_FIELDS]
        runs = name_runs(doc, people_of(doc), rule_persons, beside_rules=True)
        records.append(adder_record(text_path, gold, doc, "persons", rule_persons, runs))
    return records


def adder_record(text_path: Path, gold: dict, doc, field: str, rule_items: list, runs: list) -> dict:
    """An adder's record of one article: the gold's and the rules' names of `field`, and every
    candidate run with its place, its features and whether an item of the rules overlaps it."""
    taken = Spans(rule_items)
    article = doc_to_article(doc, document_of(doc))
    return {"name": text_path.stem, "gold": sorted({solid(item["name"]) for item in gold.get(field) or []}),
            "rules": sorted({solid(item.name) for item in getattr(article, field)}),
            "runs": [{"name": solid(r.name), "place": f"{r.place[0]}@{r.place[1]}",
                      "features": sorted(r.features), "free": not taken.overlap(r.start, r.end)} for r in runs]}


def rows_of(records: list[dict]) -> tuple[list[tuple[list[str], bool]], list[str]]:
    rows, groups = [], []
    for record in records:
        gold = set(record["gold"])
        for run in record["runs"]:
            rows.append((run["features"], run["name"] in gold))
            groups.append(record["name"])
    return rows, groups


def added(record: dict, scores: list[float], threshold: float) -> set[str]:
    """The likeliest free candidate of each place, where it reaches the threshold."""
    best: dict[str, tuple[float, str]] = {}
    for run, score in zip(record["runs"], scores):
        if run["free"] and score >= threshold and score > best.get(run["place"], (0.0, ""))[0]:
            best[run["place"]] = (score, run["name"])
    return {name for _, name in best.values()}


def field_scores(records: list[dict], decide: Callable[[dict, int], set[str]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the persons, pooled over articles as `extractor eval` does."""
    tp = fp = fn = 0
    for number, record in enumerate(records):
        predicted, gold = decide(record, number), set(record["gold"])
        tp, fp, fn = tp + len(predicted & gold), fp + len(predicted - gold), fn + len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def held_out_scores(records: list[dict], strength: float, rest: list[dict] = (), weight: float = 0.0) -> list[list[float]]:
    """Each article's candidates' probabilities from the model trained on the other folds' articles
    (and on the `rest` articles' candidates at `weight` a row, if any)."""
    rows, groups = rows_of(records)
    rest_rows = rows_of(rest)[0] if weight else []
    owner = [number for number, record in enumerate(records) for _ in record["runs"]]
    scores: list[list[float]] = [[] for _ in records]
    for train, test in grouped_folds(groups):
        model = fit([rows[i] for i in train] + rest_rows, strength=strength,
                    weights=[1.0] * len(train) + [weight] * len(rest_rows))
        for i in test:
            scores[owner[i]].append(model.probability(rows[i][0]))
    return scores


def cross_validate(records: list[dict], rest: list[dict] = (), weight: float = 0.0) -> list[tuple[str, float, float, float]]:
    results = [("rules", *field_scores(records, lambda record, number: set(record["rules"])))]
    for strength in STRENGTHS:
        scores = held_out_scores(records, strength, rest, weight)
        for threshold in THRESHOLDS:
            results.append((f"rules + model C={strength} t={threshold}", *field_scores(
                records, lambda record, number, t=threshold, s=scores: set(record["rules"]) | added(record, s[number], t))))
            results.append((f"model C={strength} t={threshold}", *field_scores(
                records, lambda record, number, t=threshold, s=scores: added(
                    {**record, "runs": [{**run, "free": True} for run in record["runs"]]}, s[number], t))))
    return results


def print_cv(records: list[dict], rest: list[dict], weight: float) -> None:
    print(f"{len(records)} articles cross-validated; {len(rest) if weight else 0} others in every fold at weight {weight}")
    results = cross_validate(records, rest, weight)
    print(f"{results[0][3]:.3f}  P {results[0][1]:.3f} R {results[0][2]:.3f}  rules")
    for variant, precision, recall, f1 in sorted(results[1:], key=lambda r: r[0]):
        print(f"{f1:.3f}  P {precision:.3f} R {recall:.3f}  {variant}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = rows_parser(__doc__, ("rows", "cv", "save"))
    args = parser.parse_args(argv)
    if args.command == "rows":
        records = article_rows(args.paths, article_names(args.exclude))
        write_records(records, args.out, "runs", "candidates")
        return
    records = json.loads(args.paths[0].read_text(encoding="utf-8"))
    if args.command == "cv":
        only = article_names([args.only]) if args.only else {record["name"] for record in records}
        for weight in args.rest_weights:
            print_cv([r for r in records if r["name"] in only], [r for r in records if r["name"] not in only], weight)
        return
    rows, _ = rows_of(records)
    model = fit(rows, strength=args.strength, threshold=args.threshold)
    about = {"trained_on": f"{len(records)} articles of corpus/dev (minus /work/unread46 and /work/fresh13), {len(rows)} candidates",
             "strength": args.strength, "combination": "rules + each place's run where no person of the rules stands",
             "script": "scripts/train_persons.py"}
    print(save(model, MODEL_NAME, about))
    for feature, weight in top_features(model):
        print(f"{weight:+.3f}  {feature}")


if __name__ == "__main__":
    main()
