"""Train and measure the learned extent ranker (candidates and features:
extractor/recognizers/names/extent_evidence.py; figures in benchmarks/README.md, "Learned extent ranker").

    python scripts/train_extents.py rows DIR... --out ROWS.json [--exclude DIR...]   run the pipeline, label the extents
    python scripts/train_extents.py cv ROWS.json                                     grouped 5-fold CV per field
    python scripts/train_extents.py save ROWS.json --strength C --threshold T         fit on all rows, save

A record is one article: the gold's and the rules' names of the three fields, and for every
mention the rules name in them (before aliases and canonical names are settled) the name it ends
as and its candidate extents, each labelled by whether the gold of the field holds it (spaces
aside, as `extractor eval` compares). The CV scores each field as the scorer does, pooled over
articles: the rules' names, and the rules with each mention moved to its likeliest other extent
where that reaches the threshold and outscores the rule's own (a name leaves the output when
every mention of it moved).
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

from extractor.nlp.common import document_of
from extractor.nlp.convert import doc_to_article
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers import names
from extractor.recognizers.names.extent_evidence import (
    EXTENT_FIELDS,
    MODEL_NAME,
    ArticleNames,
    extents,
)

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def solid(name: str) -> str:
    return "".join(name.split())


def article_rows(directories: list[Path], left_out: set[str]) -> list[dict]:
    seen: list = []

    def recording(reading, candidates):  # the rules alone: what the ranker is trained beside
        seen[:] = candidates
        return candidates

    names.learned_extents = recording
    nlp = load_pipeline()
    records = []
    for text_path, gold, doc in annotated_docs(nlp, directories, left_out):
        final = {(c.field, c.start, c.end): c.name for c in names.named_candidates(doc)}
        names_of_article = ArticleNames(doc._.people.reading, seen)
        article = doc_to_article(doc, document_of(doc))
        items = []
        for candidate in seen:
            name = final.get((candidate.field, candidate.start, candidate.end))
            if candidate.field not in EXTENT_FIELDS or name is None:
                continue
            found = extents(names_of_article, candidate)
            if found:  # the rule's own extent first, as the CV's choice 0
                items.append({"field": candidate.field, "final": solid(name), "text": candidate.name,
                              "extents": [{"name": solid(candidate.name), "features": []}] +
                                         [{"name": solid(e.name), "features": sorted(e.features)} for e in found]})
        records.append({"name": text_path.stem,
                        "gold": {f: sorted({solid(i["name"]) for i in gold.get(f) or []}) for f in EXTENT_FIELDS},
                        "rules": {f: sorted({solid(i.name) for i in getattr(article, f)}) for f in EXTENT_FIELDS},
                        "items": items})
    return records


def rows_of(records: list[dict], field: str | None, every_item: bool) -> tuple[list, list[str], list[tuple[int, int]]]:
    """Rows of the other extents of each item (of one field, or all), each labelled right when the gold
    holds it and not the rule's own extent (moving there gains a name); without `every_item` only the
    items where some extent is right."""
    rows, groups, owners = [], [], []
    for number, record in enumerate(records):
        gold = record["gold"]
        for item_number, item in enumerate(record["items"]):
            if field and item["field"] != field:
                continue
            names = [extent["name"] for extent in item["extents"]]
            rule_right = item["final"] in gold[item["field"]]
            if not every_item and not any(name in gold[item["field"]] for name in names):
                continue
            for extent in item["extents"][1:]:
                rows.append((extent["features"], extent["name"] in gold[item["field"]] and not rule_right))
                groups.append(record["name"])
                owners.append((number, item_number))
    return rows, groups, owners


def field_output(record: dict, field: str, scores: dict, threshold: float) -> set[str]:
    """The rules' names of the field with each mention moved where the model prefers another extent."""
    kept: dict[str, int] = {}
    moved_from: dict[str, int] = {}
    added = set()
    for item_number, item in enumerate(record["items"]):
        if item["field"] != field:
            continue
        probabilities = scores.get(item_number)
        choice = 0
        if probabilities:
            best = max(range(len(probabilities)), key=probabilities.__getitem__)
            if probabilities[best] >= threshold:
                choice = best + 1
        if choice:
            moved_from[item["final"]] = moved_from.get(item["final"], 0) + 1
            added.add(item["extents"][choice]["name"])
        else:
            kept[item["final"]] = 1
    gone = {name for name in moved_from if name not in kept}
    return (set(record["rules"][field]) - gone) | added


def prf(records: list[dict], field: str, decide) -> tuple[float, float, float, int, int, int]:
    tp = fp = fn = 0
    for number, record in enumerate(records):
        predicted, gold = decide(number, record), set(record["gold"][field])
        tp, fp, fn = tp + len(predicted & gold), fp + len(predicted - gold), fn + len(gold - predicted)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


def held_out(records: list[dict], field: str | None, strength: float, every_item: bool) -> list[dict]:
    """Per article, per item: its extents' probabilities from the model trained on the other folds."""
    rows, groups, _ = rows_of(records, field, every_item)
    all_rows, all_groups, owners = rows_of(records, field, True)
    scores: list[dict] = [{} for _ in records]
    train_folds = list(grouped_folds(groups))
    test_folds = list(grouped_folds(all_groups))
    for (train, _), (_, test) in zip(train_folds, test_folds, strict=True):
        training = [rows[i] for i in train]
        if len({label for _, label in training}) < 2:
            continue  # a field with no right extent in these folds moves nothing
        model = fit(training, strength=strength)
        for i in test:
            number, item = owners[i]
            scores[number].setdefault(item, []).append(model.probability(all_rows[i][0]))
    return scores


def cross_validate(records: list[dict], per_field: bool, every_item: bool) -> None:
    for field in EXTENT_FIELDS:
        base = prf(records, field, lambda n, r, f=field: set(r["rules"][f]))
        print(f"{field}: rules F {base[2]:.3f} P {base[0]:.3f} R {base[1]:.3f} tp {base[3]} fp {base[4]} fn {base[5]}")
        for strength in STRENGTHS:
            scores = held_out(records, field if per_field else None, strength, every_item)
            for threshold in THRESHOLDS:
                result = prf(records, field, lambda n, r, f=field, s=scores, t=threshold: field_output(r, f, s[n], t))
                print(f"  C={strength} t={threshold}: F {result[2]:.3f} P {result[0]:.3f} R {result[1]:.3f} "
                      f"tp {result[3]} fp {result[4]} fn {result[5]}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = rows_parser(__doc__, ("rows", "cv", "save"), strength=0.3)
    parser.add_argument("--per-field", action="store_true", help="one model per field (default: one for the three)")
    parser.add_argument("--every-item", action="store_true",
                        help="train on every item, not only those some extent of is right")
    args = parser.parse_args(argv)
    if args.command == "rows":
        records = article_rows(args.paths, article_names(args.exclude))
        write_records(records, args.out, "items", "rule mentions with other extents")
        return
    records = json.loads(args.paths[0].read_text(encoding="utf-8"))
    if args.command == "cv":
        cross_validate(records, args.per_field, args.every_item)
        return
    rows, _, _ = rows_of(records, None, args.every_item)
    model = fit(rows, strength=args.strength, threshold=args.threshold)
    about = {"trained_on": f"{len(records)} articles of corpus/dev (minus /work/unread46 and /work/fresh13), "
                           f"{len(rows)} extents",
             "strength": args.strength, "combination": "each rule mention moved to its likeliest other extent "
             "where that reaches the threshold and outscores the rule's own", "script": "scripts/train_extents.py"}
    print(save(model, MODEL_NAME, about))
    for feature, weight in top_features(model):
        print(f"{weight:+.3f}  {feature}")


if __name__ == "__main__":
    main()
