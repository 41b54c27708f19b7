"""Train and measure a learned chooser of who said each quote (features: scripts/speaker_features.py;
figures in benchmarks/README.md, "Learned quote speakers").

    python scripts/train_speakers.py rows corpus/dev --exclude /work/unread46 --out ROWS.json
    python scripts/train_speakers.py cv ROWS.json
    python scripts/train_speakers.py score ROWS.json DIR... [--strength C --margin M]   trained on ROWS, scored on DIR
    python scripts/train_speakers.py save ROWS.json --strength C [--margin M]

A row is one candidate speaker of one body quote the extractor finds and `extractor eval` matches to
a gold quote (extractor.scoring's matching); its label: the candidate is the gold speaker as the
scorer compares them (by name; nobody and an unnamed speaker are the same). The CV scores the field
as the scorer does, over every matched quote (a headline quote whose speaker the body's echo gives
keeps the rules' speaker in every variant). Variants: the rules alone; the model's top candidate;
the model overriding the rules' choice only when its top candidate's probability exceeds the
rules' choice's by a margin; and the share of quotes whose gold speaker is among the candidates.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from linear_training import (
    annotated_docs,
    article_names,
    fit,
    grouped_folds,
    rows_parser,
    save,
    top_features,
    write_records,
)
from speaker_features import attributions, candidates, key_of

from extractor.learned import LinearModel
from extractor.nlp.common import items, text_of
from extractor.nlp.pipeline import load_pipeline
from extractor.recognizers.quotes import _trimmed
from extractor.scoring import _match_quotes, _speaker_name

MODEL_NAME = "speakers"
RULE_FEATURE = "rule"
STRENGTHS = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
FILLS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def article_records(directories: list[Path], excluded: set[str]) -> list[dict]:
    """Per article, per matched quote: the gold speaker's key, the rules' key and, for a body
    quote, the candidates."""
    nlp = load_pipeline()
    records = []
    for text_path, gold, doc in annotated_docs(nlp, directories, excluded):
        read = {_trimmed(text_of(doc), a.quoted.open + 1, a.quoted.close)[0]: candidates(a) for a in attributions(doc)}
        predicted = [quote.model_dump() for quote in items(doc, "quotes")]
        quotes = []
        for p, g in _match_quotes(predicted, gold.get("quotes") or []):
            entry = {"gold": _speaker_name(g), "rule": _speaker_name(p)}
            if p["start"] in read:
                entry["candidates"] = [{"key": key_of(c.speaker), "features": sorted(c.features)}
                                       for c in read[p["start"]]]
            quotes.append(entry)
        records.append({"name": text_path.stem, "quotes": quotes})
    return records


def rows_of(records: list[dict], with_rule: bool = True
            ) -> tuple[list[tuple[list[str], bool]], list[str], list[tuple[int, int, int]]]:
    """Rows, their groups, and (article, quote, candidate) of each; without the rules' choice
    among the features unless `with_rule`."""
    rows, groups, where = [], [], []
    for a, record in enumerate(records):
        for q, quote in enumerate(record["quotes"]):
            for c, candidate in enumerate(quote.get("candidates", [])):
                features = [f for f in candidate["features"] if with_rule or not f.startswith(RULE_FEATURE)]
                rows.append((features, candidate["key"] == quote["gold"]))
                groups.append(record["name"])
                where.append((a, q, c))
    return rows, groups, where


def held_out_probabilities(records: list[dict], strength: float, with_rule: bool) -> dict[tuple[int, int, int], float]:
    rows, groups, where = rows_of(records, with_rule)
    scores = {}
    for train, test in grouped_folds(groups):
        model = fit([rows[i] for i in train], strength=strength)
        for i in test:
            scores[where[i]] = model.probability(rows[i][0])
    return scores


def choose(quote: dict, probabilities: list[float], margin: float | None, fill: float | None = None) -> str | None:
    """The model's top candidate (margin None), or it over the rules' only when its probability is
    higher by more than the margin; with `fill`, the rules' choice but where they found nobody,
    the model's top named candidate if its probability reaches `fill`."""
    if not probabilities:
        return quote["rule"]
    if fill is not None:
        named = [i for i, c in enumerate(quote["candidates"]) if c["key"] is not None]
        best = max(named, key=probabilities.__getitem__, default=None)
        if quote["rule"] is None and best is not None and probabilities[best] >= fill:
            return quote["candidates"][best]["key"]
        return quote["rule"]
    top = max(range(len(probabilities)), key=probabilities.__getitem__)
    if margin is None:
        return quote["candidates"][top]["key"]
    rule = next((i for i, c in enumerate(quote["candidates"]) if c["key"] == quote["rule"]), None)
    if rule is None or probabilities[top] - probabilities[rule] > margin:
        return quote["candidates"][top]["key"]
    return quote["rule"]


def accuracy(records: list[dict], pick) -> tuple[int, int]:
    right = total = 0
    for a, record in enumerate(records):
        for q, quote in enumerate(record["quotes"]):
            right += pick(a, q, quote) == quote["gold"]
            total += 1
    return right, total


def _gold_if_candidate(a: int, q: int, quote: dict) -> str | None:
    keys = {c["key"] for c in quote.get("candidates", [])} | {quote["rule"]}
    return quote["gold"] if quote["gold"] in keys else "(not a candidate)"


def cross_validate(records: list[dict]) -> list[tuple[str, int, int]]:
    results = [("rules", *accuracy(records, lambda a, q, quote: quote["rule"])),
               ("gold among candidates (the most a chooser can reach)", *accuracy(records, _gold_if_candidate))]
    for strength in STRENGTHS:
        for with_rule in (True, False):
            scores = held_out_probabilities(records, strength, with_rule)
            flag = " +rule" if with_rule else ""
            variants = [(f"model top C={strength}{flag}", None, None)] + [
                (f"model over rules C={strength} margin={m}{flag}", m, None) for m in MARGINS] + [
                (f"rules, model fills nobody C={strength} t={t}{flag}", None, t) for t in FILLS]
            for name, margin, fill in variants:
                def pick(a, q, quote, margin=margin, fill=fill, scores=scores):
                    count = len(quote.get("candidates", []))
                    return choose(quote, [scores[(a, q, c)] for c in range(count)], margin, fill)
                results.append((name, *accuracy(records, pick)))
    return results


def scored_on(records: list[dict], model: LinearModel, margin: float | None) -> dict[str, tuple[int, int]]:
    """The rules' and the model's right speakers on articles the model was not trained on."""
    def pick(a, q, quote):
        return choose(quote, [model.probability(c["features"]) for c in quote.get("candidates", [])], margin)
    return {"rules": accuracy(records, lambda a, q, quote: quote["rule"]), "model": accuracy(records, pick)}


def main(argv: Sequence[str] | None = None) -> None:
    parser = rows_parser(__doc__, ("rows", "cv", "score", "save"), strength=10.0, threshold=None)
    parser.add_argument("--margin", type=float, help="override the rules only by this margin (default: the top)")
    args = parser.parse_args(argv)
    if args.only:
        parser.error("--only is not supported here")
    excluded = article_names(args.exclude)
    if args.command == "rows":
        records = article_records(args.paths, excluded)
        write_records(records, args.out, "quotes", "matched quotes")
        return
    records = json.loads(args.paths[0].read_text(encoding="utf-8"))
    if args.command == "cv":
        for name, right, total in cross_validate(records):
            print(f"{right / total:.3f}  {right}/{total}  {name}")
        return
    rows, _, _ = rows_of(records)
    model = fit(rows, strength=args.strength, threshold=args.margin or 0.0)
    if args.command == "score":
        for name, (right, total) in scored_on(article_records(args.paths[1:], excluded), model, args.margin).items():
            print(f"{right / total:.3f}  {right}/{total}  {name}")
        return
    about = {"trained_on": f"{len(records)} articles of corpus/dev, {len(rows)} candidates",
             "strength": args.strength, "margin": args.margin, "script": "scripts/train_speakers.py"}
    print(save(model, MODEL_NAME, about))
    for name, weight in top_features(model):
        print(f"{weight:+.3f}  {name}")


if __name__ == "__main__":
    main()
