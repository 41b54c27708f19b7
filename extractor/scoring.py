"""Scoring of predicted Articles against gold files, exactly as docs/CONTRACT.md's Scoring section defines."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .model import Article

_SPACE = re.compile(r"\s+")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


#: Rows scored as precision/recall/F1, then rows scored as accuracy over matched items.
PRF_ROWS = ("countries_visiting", "countries_all", "headcounts", "dates", "quotes",
            "systems", "programs", "organizations", "persons", "visits")
#: `inferred_date`: the reference date read off the article itself (byline date or timestamp),
#: against the gold one the scored run is given: what relative dates rest on in real use.
ACCURACY_ROWS = ("quote_speakers", "visit_countries", "visit_headcount", "title", "published", "reporters",
                 "inferred_date")


@dataclass
class Report:
    prf: dict[str, Tally] = field(default_factory=lambda: {row: Tally() for row in PRF_ROWS})
    accuracy: dict[str, Accuracy] = field(default_factory=lambda: {row: Accuracy() for row in ACCURACY_ROWS})
    grounding_failures: dict[str, list[str]] = field(default_factory=dict)
    articles: int = 0
    errors: dict[str, str] = field(default_factory=dict)
    details: dict[str, dict] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "fields": {row: {"precision": t.precision, "recall": t.recall, "f1": t.f1,
                             "tp": t.tp, "fp": t.fp, "fn": t.fn} for row, t in self.prf.items()},
            "accuracy": {row: {"accuracy": a.value, "right": a.right, "total": a.total}
                         for row, a in self.accuracy.items()},
            "grounding_failures": self.grounding_failures,
            "errors": self.errors,
            "details": self.details,
        }


def _multiset_score(predicted: Counter, gold: Counter) -> tuple[int, int, int, dict]:
    tp = sum((predicted & gold).values())
    missed, extra = gold - predicted, predicted - gold
    return tp, sum(extra.values()), sum(missed.values()), {
        "missed": sorted(map(str, missed.elements())), "extra": sorted(map(str, extra.elements()))}


def _nospace(text: str | None) -> str:
    return _SPACE.sub("", text or "")


def quotes_match(predicted: str, gold: str) -> bool:
    a, b = _nospace(predicted), _nospace(gold)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and shorter in longer and len(shorter) >= 0.9 * len(longer)


def _match_quotes(predicted: list, gold: list) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and quotes_match(p["text"], g["text"]):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


def _speaker_name(quote: dict) -> str | None:
    speaker = quote.get("speaker") or {}
    return _nospace(speaker.get("name")) or None


def _match_visits(predicted: list, gold: list) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and p.get("date") == g.get("date"):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


def score_article(article: Article, gold: dict, report: Report, name: str,
                  inferred_date: dt.date | None = None) -> None:
    pred = article.model_dump(mode="json")
    detail: dict[str, dict] = {}

    def prf(row: str, predicted: Counter, expected: Counter) -> None:
        tp, fp, fn, diff = _multiset_score(predicted, expected)
        report.prf[row].add(tp, fp, fn)
        if diff["missed"] or diff["extra"]:
            detail[row] = diff

    prf("countries_visiting", Counter({c["code"] for c in pred["countries"] if c["visiting"]}),
        Counter({c["code"] for c in gold.get("countries") or [] if c.get("visiting")}))
    prf("countries_all", Counter({c["code"] for c in pred["countries"]}),
        Counter({c["code"] for c in gold.get("countries") or []}))
    prf("headcounts", Counter((h["value"], h["unit"]) for h in pred["headcounts"]),
        Counter((h["value"], h["unit"]) for h in gold.get("headcounts") or []))
    prf("dates", Counter(d["value"] for d in pred["dates"]), Counter(d["value"] for d in gold.get("dates") or []))
    for row in ("systems", "programs", "organizations", "persons"):
        prf(row, Counter({_nospace(n["name"]) for n in pred[row]}),
            Counter({_nospace(n["name"]) for n in gold.get(row) or []}))

    gold_quotes = gold.get("quotes") or []
    pairs = _match_quotes(pred["quotes"], gold_quotes)
    report.prf["quotes"].add(len(pairs), len(pred["quotes"]) - len(pairs), len(gold_quotes) - len(pairs))
    matched_gold = {id(g) for _, g in pairs}
    matched_pred = {id(p) for p, _ in pairs}
    missed = [g["text"][:40] for g in gold_quotes if id(g) not in matched_gold]
    extra = [p["text"][:40] for p in pred["quotes"] if id(p) not in matched_pred]
    wrong_speakers = [f"{p['text'][:20]}: {_speaker_name(p)} != {_speaker_name(g)}"
                      for p, g in pairs if _speaker_name(p) != _speaker_name(g)]
    report.accuracy["quote_speakers"].right += len(pairs) - len(wrong_speakers)
    report.accuracy["quote_speakers"].total += len(pairs)
    if missed or extra or wrong_speakers:
        detail["quotes"] = {"missed": missed, "extra": extra, "wrong_speakers": wrong_speakers}

    gold_visits = gold.get("visits") or []
    vpairs = _match_visits(pred["visits"], gold_visits)
    report.prf["visits"].add(len(vpairs), len(pred["visits"]) - len(vpairs), len(gold_visits) - len(vpairs))
    for p, g in vpairs:
        report.accuracy["visit_countries"].total += 1
        report.accuracy["visit_countries"].right += sorted(p["countries"]) == sorted(g.get("countries") or [])
        report.accuracy["visit_headcount"].total += 1
        report.accuracy["visit_headcount"].right += p["headcount"] == g.get("headcount")
    if len(vpairs) < max(len(gold_visits), len(pred["visits"])):
        detail["visits"] = {"gold": [g.get("date") for g in gold_visits], "predicted": [p["date"] for p in pred["visits"]]}

    for row in ("title", "published"):
        report.accuracy[row].total += 1
        report.accuracy[row].right += pred[row] == gold.get(row)
        if pred[row] != gold.get(row):
            detail[row] = {"predicted": pred[row], "gold": gold.get(row)}
    gold_reporters = [(r.get("name"), r.get("email")) for r in gold.get("reporters") or []]
    pred_reporters = [(r["name"], r["email"]) for r in pred["reporters"]]
    report.accuracy["reporters"].total += 1
    report.accuracy["reporters"].right += sorted(map(str, pred_reporters)) == sorted(map(str, gold_reporters))
    if sorted(map(str, pred_reporters)) != sorted(map(str, gold_reporters)):
        detail["reporters"] = {"predicted": pred_reporters, "gold": gold_reporters}
    gold_date = gold.get("reference_date")
    inferred = inferred_date.isoformat() if inferred_date else None
    report.accuracy["inferred_date"].total += 1
    report.accuracy["inferred_date"].right += inferred == gold_date
    if inferred != gold_date:
        detail["inferred_date"] = {"predicted": inferred, "gold": gold_date}

    failures = article.grounding_failures()
    if failures:
        report.grounding_failures[name] = failures
    report.details[name] = detail
    report.articles += 1


def gold_pairs(directory: Path) -> list[tuple[Path, Path]]:
    """(NAME.txt, NAME.gold.json) pairs in a directory, sorted by name."""
    pairs = []
    for gold in sorted(directory.glob("*.gold.json")):
        text = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        if text.exists():
            pairs.append((text, gold))
    return pairs


def evaluate(directory: Path) -> Report:
    from .api import extract
    from .errors import InputError
    from .ingest import to_document

    report = Report()
    for text_path, gold_path in gold_pairs(directory):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = text_path.stem
        data = text_path.read_bytes()
        try:
            article = extract(data, reference_date=gold.get("reference_date"), id=name, source=str(text_path))
        except InputError as error:
            report.errors[name] = str(error)
            continue
        score_article(article, gold, report, name, to_document(data, source=str(text_path)).reference_date)
    return report
