"""Scoring of predicted Articles against gold files, exactly as docs/CONTRACT.md's Scoring section defines."""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .model import NAMED_FIELDS, Article

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
            "systems", "systems_lenient", "programs", "programs_lenient", "organizations", "persons", "visits")
#: `inferred_date`: the reference date read off the article itself (byline date or timestamp),
#: against the gold one the scored run is given: what relative dates rest on in real use.
#: `specified_dates`: of the predicted date values with no unknown part (no `X`), how many gold has.
ACCURACY_ROWS = ("quote_speakers", "visit_countries", "visit_headcount", "title", "published", "reporters",
                 "inferred_date", "specified_dates")
#: Resamples of the articles for the 95 % intervals (fixed seed: the same report twice reads the same).
BOOTSTRAP_ROUNDS = 1000


@dataclass
class Report:
    prf: dict[str, Tally] = field(default_factory=lambda: {row: Tally() for row in PRF_ROWS})
    accuracy: dict[str, Accuracy] = field(default_factory=lambda: {row: Accuracy() for row in ACCURACY_ROWS})
    grounding_failures: dict[str, list[str]] = field(default_factory=dict)
    articles: int = 0
    errors: dict[str, str] = field(default_factory=dict)
    details: dict[str, dict] = field(default_factory=dict)
    #: per article, per row: (tp, fp, fn) for PRF rows, (right, total) for accuracy rows
    per_article: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)

    def add_prf(self, article: str, row: str, tp: int, fp: int, fn: int) -> None:
        self.prf[row].add(tp, fp, fn)
        self.per_article.setdefault(article, {})[row] = (tp, fp, fn)

    def add_accuracy(self, article: str, row: str, right: int, total: int) -> None:
        self.accuracy[row].right += right
        self.accuracy[row].total += total
        self.per_article.setdefault(article, {})[row] = (right, total)

    def intervals(self, rounds: int = BOOTSTRAP_ROUNDS, seed: int = 0) -> dict[str, tuple[float, float]]:
        """95 % percentile bootstrap interval per row (F1 or accuracy), resampling whole articles."""
        names = list(self.per_article)
        if not names:
            return {}
        rng = random.Random(seed)
        samples: dict[str, list[float]] = {row: [] for row in (*PRF_ROWS, *ACCURACY_ROWS)}
        for _ in range(rounds):
            drawn = [self.per_article[rng.choice(names)] for _ in names]
            for row, values in samples.items():
                values.append(_pooled(drawn, row, row in self.prf))
        return {row: _percentiles(values) for row, values in samples.items()}

    def as_dict(self) -> dict:
        intervals = self.intervals()
        return {
            "articles": self.articles,
            "fields": {row: {"precision": t.precision, "recall": t.recall, "f1": t.f1, "f1_95": intervals.get(row),
                             "tp": t.tp, "fp": t.fp, "fn": t.fn} for row, t in self.prf.items()},
            "accuracy": {row: {"accuracy": a.value, "accuracy_95": intervals.get(row), "right": a.right,
                               "total": a.total} for row, a in self.accuracy.items()},
            "grounding_failures": self.grounding_failures,
            "errors": self.errors,
            "details": self.details,
        }


def _pooled(articles: list[dict[str, tuple[int, ...]]], row: str, is_prf: bool) -> float:
    counts = [article[row] for article in articles if row in article]
    if is_prf:
        tally = Tally()
        for tp, fp, fn in counts:
            tally.add(tp, fp, fn)
        return tally.f1
    return Accuracy(sum(c[0] for c in counts), sum(c[1] for c in counts)).value


def _percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return ordered[int(0.025 * (len(ordered) - 1))], ordered[int(0.975 * (len(ordered) - 1))]


def _lenient_score(predicted: set[str], gold: set[str]) -> tuple[int, int, int]:
    """Names match when equal or when one contains the other; each name matches at most once."""
    unmatched = set(predicted)
    tp = 0
    for name in sorted(gold, key=len, reverse=True):
        partner = name if name in unmatched else next(
            (p for p in sorted(unmatched, key=len, reverse=True) if p in name or name in p), None)
        if partner is not None:
            unmatched.discard(partner)
            tp += 1
    return tp, len(predicted) - tp, len(gold) - tp


def _specified(value: str) -> bool:
    return "X" not in value


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
    detail = score_answer(article.model_dump(mode="json"), gold, report, name)
    gold_date = gold.get("reference_date")
    inferred = inferred_date.isoformat() if inferred_date else None
    report.add_accuracy(name, "inferred_date", int(inferred == gold_date), 1)
    if inferred != gold_date:
        detail["inferred_date"] = {"predicted": inferred, "gold": gold_date}
    failures = article.grounding_failures()
    if failures:
        report.grounding_failures[name] = failures
    report.details[name] = detail
    report.articles += 1


def score_answer(pred: dict, gold: dict, report: Report, name: str) -> dict:
    """Tally one answer (the extractor's, or a second annotator's gold) against gold; returns what differs."""
    detail: dict[str, dict] = {}

    def prf(row: str, predicted: Counter, expected: Counter) -> None:
        tp, fp, fn, diff = _multiset_score(predicted, expected)
        report.add_prf(name, row, tp, fp, fn)
        if diff["missed"] or diff["extra"]:
            detail[row] = diff

    prf("countries_visiting", Counter({c["code"] for c in pred["countries"] if c["visiting"]}),
        Counter({c["code"] for c in gold.get("countries") or [] if c.get("visiting")}))
    prf("countries_all", Counter({c["code"] for c in pred["countries"]}),
        Counter({c["code"] for c in gold.get("countries") or []}))
    prf("headcounts", Counter((h["value"], h["unit"]) for h in pred["headcounts"]),
        Counter((h["value"], h["unit"]) for h in gold.get("headcounts") or []))
    gold_dates = Counter(d["value"] for d in gold.get("dates") or [])
    prf("dates", Counter(d["value"] for d in pred["dates"]), gold_dates)
    specified = Counter(d["value"] for d in pred["dates"] if _specified(d["value"]))
    report.add_accuracy(name, "specified_dates", sum((specified & gold_dates).values()), sum(specified.values()))
    for row in NAMED_FIELDS:
        predicted_names = {_nospace(n["name"]) for n in pred[row]}
        gold_names = {_nospace(n["name"]) for n in gold.get(row) or []}
        prf(row, Counter(predicted_names), Counter(gold_names))
        if row in ("systems", "programs"):
            report.add_prf(name, f"{row}_lenient", *_lenient_score(predicted_names, gold_names))

    _score_quotes(pred, gold, report, name, detail)
    _score_visits(pred, gold, report, name, detail)

    for row in ("title", "published"):
        report.add_accuracy(name, row, int(pred[row] == gold.get(row)), 1)
        if pred[row] != gold.get(row):
            detail[row] = {"predicted": pred[row], "gold": gold.get(row)}
    gold_reporters = [(r.get("name"), r.get("email")) for r in gold.get("reporters") or []]
    pred_reporters = [(r.get("name"), r.get("email")) for r in pred["reporters"]]
    report.add_accuracy(name, "reporters", int(sorted(map(str, pred_reporters)) == sorted(map(str, gold_reporters))), 1)
    if sorted(map(str, pred_reporters)) != sorted(map(str, gold_reporters)):
        detail["reporters"] = {"predicted": pred_reporters, "gold": gold_reporters}
    return detail


def _score_quotes(pred: dict, gold: dict, report: Report, name: str, detail: dict) -> None:
    gold_quotes = gold.get("quotes") or []
    pairs = _match_quotes(pred["quotes"], gold_quotes)
    report.add_prf(name, "quotes", len(pairs), len(pred["quotes"]) - len(pairs), len(gold_quotes) - len(pairs))
    matched_gold = {id(g) for _, g in pairs}
    matched_pred = {id(p) for p, _ in pairs}
    missed = [g["text"][:40] for g in gold_quotes if id(g) not in matched_gold]
    extra = [p["text"][:40] for p in pred["quotes"] if id(p) not in matched_pred]
    wrong_speakers = [f"{p['text'][:20]}: {_speaker_name(p)} != {_speaker_name(g)}"
                      for p, g in pairs if _speaker_name(p) != _speaker_name(g)]
    report.add_accuracy(name, "quote_speakers", len(pairs) - len(wrong_speakers), len(pairs))
    if missed or extra or wrong_speakers:
        detail["quotes"] = {"missed": missed, "extra": extra, "wrong_speakers": wrong_speakers}


def _score_visits(pred: dict, gold: dict, report: Report, name: str, detail: dict) -> None:
    gold_visits = gold.get("visits") or []
    vpairs = _match_visits(pred["visits"], gold_visits)
    report.add_prf(name, "visits", len(vpairs), len(pred["visits"]) - len(vpairs), len(gold_visits) - len(vpairs))
    report.add_accuracy(name, "visit_countries",
                        sum(sorted(p["countries"]) == sorted(g.get("countries") or []) for p, g in vpairs), len(vpairs))
    report.add_accuracy(name, "visit_headcount", sum(p["headcount"] == g.get("headcount") for p, g in vpairs),
                        len(vpairs))
    if len(vpairs) < max(len(gold_visits), len(pred["visits"])):
        detail["visits"] = {"gold": [g.get("date") for g in gold_visits], "predicted": [p["date"] for p in pred["visits"]]}


def gold_pairs(directory: Path) -> list[tuple[Path, Path]]:
    """(NAME.txt, NAME.gold.json) pairs in a directory, sorted by name."""
    pairs = []
    for gold in sorted(directory.glob("*.gold.json")):
        text = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        if text.exists():
            pairs.append((text, gold))
    return pairs


def agreement(gold_dirs: list[Path], answers: Path) -> Report:
    """A second annotation (NAME.gold.json files in `answers`) scored against the gold of the same
    articles in `gold_dirs`: how far two careful annotators agree, the ceiling for any extractor."""
    golds = {text.stem: gold for directory in gold_dirs for text, gold in gold_pairs(directory)}
    report = Report()
    for answer_path in sorted(answers.glob("*.gold.json")):
        name = answer_path.name[: -len(".gold.json")]
        if name in golds:
            answer = json.loads(answer_path.read_text(encoding="utf-8"))
            gold = json.loads(golds[name].read_text(encoding="utf-8"))
            report.details[name] = score_answer(answer, gold, report, name)
            report.articles += 1
    return report


def _address(source: str | dict | None) -> str | None:
    """The page address a gold file's `source` names (a string, or `{url, outlet}`): what an
    archive keeps beside each article."""
    if isinstance(source, dict):
        source = source.get("url")
    match = re.search(r"https?://[^\s'\"]+", source or "")
    return match[0].rstrip(").,;") if match else None


def article_source(text_path: Path, gold: dict) -> str:
    """The source an annotated article is read with: its gold's page address, else its file."""
    return _address(gold.get("source")) or str(text_path)


def evaluate(directories: Path | list[Path], *, use_reference_date: bool = True) -> Report:
    """Score every NAME.txt against NAME.gold.json in one or more directories; without
    `use_reference_date` the articles get no date from the caller, as in real use, and must find
    their own."""
    from .api import extract
    from .errors import InputError
    from .ingest import to_document

    report = Report()
    for directory in [directories] if isinstance(directories, Path) else directories:
        for text_path, gold_path in gold_pairs(directory):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            name = text_path.stem
            data = text_path.read_bytes()
            source = article_source(text_path, gold)
            try:
                reference_date = gold.get("reference_date") if use_reference_date else None
                article = extract(data, reference_date=reference_date, id=name, source=source)
            except InputError as error:
                report.errors[name] = str(error)
                continue
            # the date the article shows by itself: what it resolved against when given none
            own_date = to_document(data, source=source).reference_date if use_reference_date else (
                dt.date.fromisoformat(article.reference_date) if article.reference_date else None)
            score_article(article, gold, report, name, own_date)
    return report
