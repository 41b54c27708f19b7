"""Train and measure a learned model of which countries belong to each visit (`visit_countries`;
features: scripts/visit_country_features.py; figures in benchmarks/README.md; not wired in).

    python scripts/train_visit_countries.py rows corpus/dev --exclude /work/unread46 --exclude /work/fresh13 \
        --out ROWS.json
    python scripts/train_visit_countries.py cv ROWS.json          grouped 5-fold CV of every combination
    python scripts/train_visit_countries.py save ROWS.json --strength C --threshold T   fit on all rows, save

A candidate is one country the article names (or the rules give a visit) for one visit the rules
tell (VisitRecognizer.told, as `extractor` outputs them); its label is whether the gold visit
that `extractor eval` matches to that visit lists the country (unmatched visits give no rows).
The CV scores the field as the scorer does: a matched visit is right when its set of countries
equals the gold's. Visits match on their date alone, so no combination changes visits F1.
Combinations: the rules alone; the model deciding membership; the rules plus the model's
additions within a gate (the country is named in the visit's sentence; or listed beside a country
the rules give the visit); the rules minus the model's removals within a gate (the country is
not named in the visit's clause); the rules, or for a visit they give no country the model's
choice (among the countries the countries recognizer calls visiting, or any). Each model is
trained with or without the rules' decision among its features, or only on the visits the
rules give no country. Chosen by CV (benchmarks/README.md): the rules, else the model's visiting
countries, C=1, t=0.4, no rule feature; it ties with the rules on /work/unread46 and is not
wired in (`save` writes extractor/models/visit_countries.json for a measurement only).
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
from visit_country_features import VISITING, read_visits

from extractor.nlp.pipeline import load_pipeline
from extractor.scoring import _match_visits

MODEL_NAME = "visit_countries"
#: (name, the rules' decision among the features, trained on the visits the rules give no country only)
SETTINGS = (("rule feature", True, False), ("no rule feature", False, False), ("empty visits' rows", False, True))
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
ADDITION_GATE = ("where=sentence", "where=clause")
REMOVAL_GATE = "where=clause"
#: the country is listed beside one the rules give the visit; the rules give the visit none
LISTED, EMPTY = "listed_with_rule_country", "rule_countries=none"


def gated_addition(features: set[str]) -> bool:
    return any(f in features for f in ADDITION_GATE)


COMBINATIONS: dict[str, Callable[[set[str], bool, bool], bool]] = {
    "model": lambda features, rule, model: model,
    "rules + gated additions": lambda features, rule, model: rule or (model and gated_addition(features)),
    "rules - gated removals": lambda features, rule, model: rule and (model or REMOVAL_GATE in features),
    "rules + additions - removals": lambda features, rule, model: (
        (rule and (model or REMOVAL_GATE in features)) or (model and gated_addition(features))),
    "rules + listed additions": lambda features, rule, model: rule or (model and LISTED in features),
    "rules, else the model": lambda features, rule, model: rule or (model and EMPTY in features),
    "rules + listed additions, else the model": lambda features, rule, model: rule or (
        model and (LISTED in features or EMPTY in features)),
    "rules, else the model's visiting countries": lambda features, rule, model: rule or (
        model and EMPTY in features and not VISITING.isdisjoint(features)),
}


def article_records(directories: list[Path], excluded: set[str]) -> list[dict]:
    """Per article: per visit, its gold countries (None if unmatched), date, and its candidates."""
    nlp = load_pipeline()
    records = []
    for text_path, gold, doc in annotated_docs(nlp, directories, excluded):
        told, candidates = read_visits(nlp, doc)
        predicted = [{"date": v.period.value if v.period else None} for v in told]
        gold_of = {id(p): g for p, g in _match_visits(predicted, gold.get("visits") or [])}
        visits = []
        for i, visit in enumerate(told):
            matched = gold_of.get(id(predicted[i]))
            visits.append({"date": predicted[i]["date"], "rules": sorted(visit.countries),
                           "gold": sorted(matched.get("countries") or []) if matched is not None else None,
                           "candidates": {code: sorted(f) for code, f in candidates.of_visit(i).items()}})
        records.append({"name": text_path.stem, "visits": visits, "gold_visits": len(gold.get("visits") or [])})
    return records


def rows_of(records: list[dict], with_rule: bool = True,
            only_empty: bool = False) -> tuple[list[tuple[list[str], bool]], list[str], list]:
    """Rows of the matched visits (`only_empty`: of those the rules give no country)."""
    rows, groups, keys = [], [], []
    for a, record in enumerate(records):
        for v, visit in enumerate(record["visits"]):
            if visit["gold"] is None or (only_empty and visit["rules"]):
                continue
            for code, features in visit["candidates"].items():
                kept = [f for f in features if with_rule or not f.startswith("rule") and not f.endswith("&rule")]
                rows.append((kept, code in visit["gold"]))
                groups.append(record["name"])
                keys.append((a, v, code))
    return rows, groups, keys


def accuracy(records: list[dict], decide: Callable[[int, int, str, set[str], bool], bool]) -> tuple[int, int]:
    """(right, matched): matched visits whose decided countries equal the gold's."""
    right = matched = 0
    for a, record in enumerate(records):
        for v, visit in enumerate(record["visits"]):
            if visit["gold"] is None:
                continue
            matched += 1
            chosen = {code for code, features in visit["candidates"].items()
                      if decide(a, v, code, set(features), code in visit["rules"])}
            right += chosen == set(visit["gold"])
    return right, matched


def held_out(records: list[dict], strength: float, with_rule: bool, only_empty: bool) -> dict:
    rows, groups, keys = rows_of(records, with_rule, only_empty)
    scores = {}
    for train, test in grouped_folds(groups):
        model = fit([rows[i] for i in train], strength=strength)
        for i in test:
            scores[keys[i]] = model.probability(rows[i][0])
    return scores


def deciding(combine: Callable, scores: dict, threshold: float) -> Callable:
    """A candidate's decision: the combination of the rules' and the held-out model's at `threshold`."""
    return lambda a, v, code, features, rule: combine(features, rule, scores.get((a, v, code), 0.0) >= threshold)


def grid(records: list[dict]) -> dict[tuple, int]:
    """Right visits of every (setting, strength, combination, threshold), by grouped CV."""
    results = {}
    for setting, with_rule, only_empty in SETTINGS:
        for strength in STRENGTHS:
            scores = held_out(records, strength, with_rule, only_empty)
            for name, combine in COMBINATIONS.items():
                if only_empty and "else" not in name:  # that model scores no other visit's candidates
                    continue
                for threshold in THRESHOLDS:
                    results[(setting, strength, name, threshold)] = accuracy(
                        records, deciding(combine, scores, threshold))[0]
    return results


def nested(records: list[dict]) -> tuple[int, list[tuple]]:
    """Right visits when each outer fold's setting is chosen by a CV on its training articles
    (the rules unless a setting beats them there; inner folds hashed from salted names), and the choices."""
    decided, choices = {}, []
    for train, test in grouped_folds([r["name"] for r in records]):
        inner = [dict(records[i], name="inner/" + records[i]["name"]) for i in train]
        results = grid(inner)
        key = max(results, key=results.get)
        if results[key] <= accuracy(inner, lambda a, v, code, features, rule: rule)[0]:
            choices.append(("rules",))
            decided.update({(i, v, code): code in visit["rules"] for i in test
                            for v, visit in enumerate(records[i]["visits"]) for code in visit["candidates"]})
            continue
        choices.append(key)
        setting, strength, name, threshold = key
        with_rule, only_empty = next((w, o) for s, w, o in SETTINGS if s == setting)
        model = fit(rows_of(inner, with_rule, only_empty)[0], strength=strength)
        for i in test:
            for v, visit in enumerate(records[i]["visits"]):
                for code, features in visit["candidates"].items():
                    kept = [f for f in features if with_rule or not f.startswith("rule") and not f.endswith("&rule")]
                    decided[(i, v, code)] = COMBINATIONS[name](
                        set(features), code in visit["rules"], model.probability(kept) >= threshold)
    return accuracy(records, lambda a, v, code, features, rule: decided[(a, v, code)])[0], choices


def cross_validate(records: list[dict]) -> None:
    right, matched = accuracy(records, lambda a, v, code, features, rule: rule)
    reachable = sum(set(v["gold"]) <= set(v["candidates"])
                    for r in records for v in r["visits"] if v["gold"] is not None)
    print(f"{len(records)} articles, {matched} matched visits ({reachable} with every gold country a candidate), "
          f"{len(rows_of(records)[0])} rows")
    print(f"rules alone: {right / matched:.3f} ({right}/{matched})")
    results = grid(records)
    best: dict[str, tuple] = {}
    for (setting, strength, name, threshold), got in results.items():
        family = f"{name} ({setting})"
        if family not in best or got > best[family][0]:
            best[family] = (got, strength, threshold)
    for setting, strength, name in dict.fromkeys(key[:3] for key in results):
        print(f"{setting} C={strength} {name}: "
              + " ".join(f"{t}:{results[(setting, strength, name, t)]}" for t in THRESHOLDS))
    print("best of each (right of matched, C, t):")
    for family, (got, strength, threshold) in best.items():
        print(f"  {got / matched:.3f} ({got}/{matched}) C={strength} t={threshold}  {family}")
    got, choices = nested(records)
    print(f"nested CV: {got / matched:.3f} ({got}/{matched}); chosen per outer fold: {choices}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = rows_parser(__doc__, ("rows", "cv", "save"))
    parser.add_argument("--no-rule", action="store_true", help="leave the rules' decision out of the features")
    args = parser.parse_args(argv)
    if args.only:
        parser.error("--only is not supported here")
    if args.command == "rows":
        records = article_records(args.paths, article_names(args.exclude))
        write_records(records, args.out, "visits", "visits")
        return
    records = json.loads(args.paths[0].read_text(encoding="utf-8"))
    if args.command == "cv":
        cross_validate(records)
        return
    rows, _, _ = rows_of(records, with_rule=not args.no_rule)
    model = fit(rows, strength=args.strength, threshold=args.threshold)
    for feature, weight in top_features(model):
        print(f"  {weight:+.3f} {feature}")
    about = {"trained_on": f"{len(records)} articles of corpus/dev, {len(rows)} candidates",
             "strength": args.strength, "rule_feature": not args.no_rule,
             "combination": "rules, else the model's visiting countries", "script": "scripts/train_visit_countries.py"}
    print(save(model, MODEL_NAME, about))


if __name__ == "__main__":
    main()
