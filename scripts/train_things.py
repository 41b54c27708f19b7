"""Train a small spaCy span model (`--kind ner` or `spancat`) for system and programme names and
measure it against the rules (issue 16; figures in benchmarks/README.md).

    python scripts/train_things.py stats DIR...                   how many gold names align to our tokens
    python scripts/train_things.py train FIT... --model MODEL     train on gold of FIT (fixed seed)
    python scripts/train_things.py measure CHECK --model MODEL    score the variants on CHECK

Gold gives names, not offsets: every occurrence of a gold name in the article's laid-out text
(spaces ignored, as the scorer ignores them) is a training span, when it begins and ends on a
token boundary of our own Kiwi tokenizer. The model never sees pretrained vectors: its tok2vec
is learnt from scratch on the training articles.

The variants of `measure` (systems and programmes each, strict and lenient, the scorer of
`extractor eval`): the rules alone; the model alone; their union (a model span overlapping a
rule mention gives way to it); the model as a filter on the rules' names (a rule name is kept
when the model scores one of its mentions at or above a threshold; for `ner`, when one of its
entities overlaps a mention); the rules as a filter on
the model's spans (a model span is kept when it overlaps a rule mention).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from functools import cache
from pathlib import Path

import numpy
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, fix_random_seed, minibatch
from thinc.api import Ragged

from extractor.api import extract
from extractor.ingest import to_document
from extractor.nlp.pipeline import COMPONENTS, build_pipeline
from extractor.scoring import Report, gold_pairs, score_answer

LABELS = {"systems": "SYS", "programs": "PRG"}
SPANS_KEY = "things"
ROWS = ("systems", "systems_lenient", "programs", "programs_lenient")


def _tok2vec(width: int, embed_rows: int, tags: bool) -> dict:
    """Learnt from scratch: hashed embeddings of each token's form, prefix, suffix and shape (and,
    with `tags`, of Kiwi's part-of-speech tag and whether a space follows), then a CNN."""
    if not tags:
        return {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": width, "depth": 3,
                "embed_size": embed_rows, "window_size": 1, "maxout_pieces": 3, "subword_features": True}
    return {"@architectures": "spacy.Tok2Vec.v2",
            "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                      "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "SPACY"],
                      "rows": [embed_rows, embed_rows // 2, embed_rows // 2, embed_rows // 4, 100, 10],
                      "include_static_vectors": False},
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": 3,
                       "window_size": 1, "maxout_pieces": 3}}


def component_config(kind: str, max_tokens: int, width: int, embed_rows: int, tags: bool) -> dict:
    if kind == "ner":
        return {"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                          "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2, "use_upper": True,
                          "nO": None, "tok2vec": _tok2vec(width, embed_rows, tags)}}
    return {
        "spans_key": SPANS_KEY,
        "threshold": 0.5,
        "suggester": {"@misc": "spacy.ngram_range_suggester.v1", "min_size": 1, "max_size": max_tokens},
        "model": {"@architectures": "spacy.SpanCategorizer.v1",
                  "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 64},
                  "scorer": {"@layers": "spacy.LinearLogistic.v1"}, "tok2vec": _tok2vec(width, embed_rows, tags)},
    }


class Article:
    """One corpus article: its laid-out text tokenized by our tokenizer, and its gold."""

    def __init__(self, name: str, data: bytes, gold: dict, doc: Doc):
        self.name, self.data, self.gold, self.doc = name, data, gold, doc


@cache
def _blank():
    """Our Kiwi tokenizer and no component: what the span categorizer is added to."""
    return build_pipeline(exclude=tuple(factory for factory, _ in COMPONENTS))


def load_articles(directories: list[Path]) -> list[Article]:
    tokenizer = _blank().tokenizer
    articles = []
    for directory in directories:
        for text_path, gold_path in gold_pairs(directory):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            data = text_path.read_bytes()
            document = to_document(data, reference_date=gold.get("reference_date"))
            doc = next(tokenizer.pipe_documents([document]))
            articles.append(Article(text_path.stem, data, gold, doc))
    return articles


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    letters = [re.escape(c) for c in name if not c.isspace()]
    if not letters:
        return []
    return [m.span() for m in re.finditer(r"\s*".join(letters), text)]


def gold_spans(doc: Doc, gold: dict, tally: Counter) -> list[Span]:
    """Every token-aligned occurrence of every gold name; `tally` counts names found, names
    absent from the text, and occurrences that cut a token."""
    spans = {}
    for field, label in LABELS.items():
        for name in {n["name"] for n in gold.get(field) or []}:
            found = _occurrences(doc.text, name)
            tally[f"{field} names"] += 1
            if not found:
                tally[f"{field} names not in text"] += 1
            aligned = [doc.char_span(s, e, label=label) for s, e in found]
            tally[f"{field} occurrences"] += len(found)
            tally[f"{field} occurrences cutting a token"] += sum(span is None for span in aligned)
            if found and all(span is None for span in aligned):
                tally[f"{field} names never aligned"] += 1
            for span in filter(None, aligned):
                spans[(span.start, span.end, label)] = span
                tally[f"{field} span tokens {min(len(span), 16)}"] += 1
    return sorted(spans.values(), key=lambda s: (s.start, s.end))


def examples_of(articles: list[Article], kind: str, tally: Counter) -> list[Example]:
    examples = []
    for article in articles:
        reference = article.doc.copy()
        spans = gold_spans(reference, article.gold, tally)
        if kind == "ner":  # entities cannot overlap: the longest of overlapping names is kept
            kept = filter_spans(spans)
            tally["spans dropped as overlapping (ner)"] += len(spans) - len(kept)
            reference.ents = kept
        else:
            reference.spans[SPANS_KEY] = spans
        examples.append(Example(article.doc.copy(), reference))
    return examples


def train(articles: list[Article], kind: str, seed: int, epochs: int, learn_rate: float, *shape: int):
    fix_random_seed(seed)
    tally: Counter = Counter()
    examples = examples_of(articles, kind, tally)
    nlp = _blank()
    component = nlp.add_pipe(kind, config=component_config(kind, *shape))
    for label in LABELS.values():
        component.add_label(label)
    optimizer = nlp.initialize(lambda: examples)
    optimizer.learn_rate = learn_rate
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=4):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.2)
        print(f"epoch {epoch + 1}: loss {losses[kind]:.2f}", file=sys.stderr)
    return component, tally


def _span_scores(spancat, doc: Doc, bounds: list[tuple[int, int]]) -> numpy.ndarray:
    """The span categorizer's score of each label for each token span (start, end) of `doc`."""
    if not bounds:
        return numpy.zeros((0, len(spancat.labels)))
    indices = spancat.model.ops.asarray2i(bounds)
    lengths = spancat.model.ops.asarray1i([len(bounds)])
    return spancat.model.ops.to_numpy(spancat.model.predict(([doc], Ragged(indices, lengths))))


class Predictions:
    """What the model makes of one article: its spans per label (character offsets and score, the
    best of overlapping ones kept), and a score for any span the rules found."""

    def __init__(self, component, doc: Doc, floor: float):
        self.component, self.doc = component, doc
        if component.name == "ner":
            tagged = component(doc.copy())
            self.spans = {label: [(e.start_char, e.end_char, 1.0) for e in tagged.ents if e.label_ == label]
                          for label in LABELS.values()}
        else:
            self.spans = self._best_spans(floor)

    def _best_spans(self, floor: float) -> dict[str, list[tuple[int, int, float]]]:
        ops = self.component.model.ops
        bounds = [tuple(map(int, row)) for row in ops.to_numpy(self.component.suggester([self.doc], ops=ops).data)]
        scores = _span_scores(self.component, self.doc, bounds)
        spans = {}
        for label in LABELS.values():
            column = scores[:, self.component.labels.index(label)]
            chosen: list[tuple[int, int, float]] = []
            for i in numpy.argsort(-column):
                if column[i] < floor:
                    break
                if not _overlaps(*bounds[i], [(s, e) for s, e, _ in chosen]):
                    chosen.append((*bounds[i], float(column[i])))
            spans[label] = [(self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1]), p) for s, e, p in chosen]
        return spans

    def score(self, item: dict, label: str) -> float:
        """The model's best score over a rule name's mentions (for the entity recognizer: 1 when one
        of its entities of that label overlaps a mention)."""
        mentions = [(m["start"], m["end"]) for m in item["mentions"]]
        if self.component.name == "ner":
            return float(any(_overlaps(s, e, mentions) for s, e, _ in self.spans[label]))
        bounds = []
        for start, end in mentions:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                bounds.append((span.start, span.end))
        scores = _span_scores(self.component, self.doc, bounds)
        return float(scores[:, self.component.labels.index(label)].max()) if bounds else 0.0


def _overlaps(start: int, end: int, mentions: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in mentions)


def _named(text: str, spans) -> list[dict]:
    return [{"name": text[s:e], "mentions": [{"text": text[s:e], "start": s, "end": e}]} for s, e, *_ in spans]


def variants(predictions: Predictions, rules: dict, thresholds: list[float]) -> dict[str, dict[str, list]]:
    """For each variant, the names it gives for each field."""
    out: dict[str, dict[str, list]] = {}
    text = predictions.doc.text
    for field, label in LABELS.items():
        rule_items = rules[field]
        mentions = [(m["start"], m["end"]) for item in rule_items for m in item["mentions"]]
        scores = [predictions.score(item, label) for item in rule_items]
        out.setdefault("a rules", {})[field] = rule_items
        for t in thresholds:
            spans = [span for span in predictions.spans[label] if span[2] >= t]
            out.setdefault(f"b model@{t}", {})[field] = _named(text, spans)
            out.setdefault(f"c union@{t}", {})[field] = rule_items + _named(
                text, [s for s in spans if not _overlaps(s[0], s[1], mentions)])
            out.setdefault(f"d model filters rules@{t}", {})[field] = [
                item for item, score in zip(rule_items, scores) if score >= t]
            out.setdefault(f"e rules filter model@{t}", {})[field] = _named(
                text, [s for s in spans if _overlaps(s[0], s[1], mentions)])
    return out


def measure(component, articles: list[Article], thresholds: list[float]) -> tuple[dict[str, Report], float]:
    """The variants' reports, and the model's seconds per article (its predictions, once)."""
    reports: dict[str, Report] = {}
    model_seconds = 0.0
    for article in articles:
        answer = extract(article.data, reference_date=article.gold.get("reference_date"), id=article.name)
        rules = answer.model_dump(mode="json")
        began = time.perf_counter()
        predictions = Predictions(component, article.doc, min(thresholds))
        model_seconds += time.perf_counter() - began
        for variant, fields in variants(predictions, rules, thresholds).items():
            score_answer({**rules, **fields}, article.gold, reports.setdefault(variant, Report()), article.name)
    return reports, model_seconds / max(len(articles), 1)


def row_figures(report: Report) -> dict[str, tuple]:
    return {row: (t.precision, t.recall, t.f1, t.tp, t.fp, t.fn) for row, t in report.prf.items() if row in ROWS}


def save(component, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(component.to_bytes(exclude=["vocab"]))


def load(path: Path, kind: str, *shape: int):
    component = _blank().add_pipe(kind, config=component_config(kind, *shape))
    return component.from_bytes(path.read_bytes(), exclude=["vocab"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("stats", "train", "measure"))
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--kind", choices=("ner", "spancat"), default="ner")
    parser.add_argument("--model", type=Path, default=Path("/tmp/things.model"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--max-tokens", type=int, default=10, help="spancat: longest candidate, in tokens")
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--embed-rows", type=int, default=2000)
    parser.add_argument("--tags", action="store_true", help="embed Kiwi's tags and the spaces too")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.5, 0.7], help="spancat only")
    args = parser.parse_args(argv)
    articles = load_articles(args.dirs)
    shape = (args.max_tokens, args.width, args.embed_rows, args.tags)
    thresholds = args.thresholds if args.kind == "spancat" else [1.0]
    if args.command == "stats":
        tally: Counter = Counter()
        examples_of(articles, args.kind, tally)
        print(json.dumps(dict(sorted(tally.items())), ensure_ascii=False, indent=1))
    elif args.command == "train":
        began = time.perf_counter()
        component, tally = train(articles, args.kind, args.seed, args.epochs, args.learn_rate, *shape)
        save(component, args.model)
        print(json.dumps(dict(sorted(tally.items())), ensure_ascii=False, indent=1))
        print(f"trained in {time.perf_counter() - began:.0f} s; {args.model.stat().st_size / 1e6:.1f} MB")
    else:
        began = time.perf_counter()
        component = load(args.model, args.kind, *shape)
        cold = time.perf_counter() - began
        reports, per_article = measure(component, articles, thresholds)
        print(f"model load {cold * 1000:.0f} ms; model {per_article * 1000:.0f} ms per article")
        for variant, report in reports.items():
            cells = [f"{row} {f[2]:.3f} (P {f[0]:.2f} R {f[1]:.2f} tp {f[3]} fp {f[4]} fn {f[5]})"
                     for row, f in row_figures(report).items()]
            print(f"{variant:28} | " + " | ".join(cells))


if __name__ == "__main__":
    main()
