"""Fit, cross-validate and save the logistic models of extractor/learned.py (imported by the
scripts/train_*.py of each field; scikit-learn is needed only here: `pip install -e '.[train]'`).

Rows are (features, label) with a group (the article): folds never split an article, so a
cross-validated figure is one of articles the model was not trained on."""
from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from extractor.ingest import to_document
from extractor.learned import MODEL_DIR, LinearModel
from extractor.scoring import article_source, gold_pairs

Row = tuple[Sequence[str], bool]


#: The regularisation strengths (C) a training run's grouped CV tries unless it needs another grid.
STRENGTHS = (0.1, 0.3, 1.0, 3.0)


def fit(rows: Sequence[Row], *, strength: float = 1.0, threshold: float = 0.5,
        weights: Sequence[float] | None = None) -> LinearModel:
    """L2-regularised logistic regression (`strength` is scikit-learn's C; `weights`, one per row,
    scale each row's share of the loss); features with a weight that rounds to zero are left out
    of the model."""
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(features, 1) for features, _ in rows])
    labels = [label for _, label in rows]
    classifier = LogisticRegression(C=strength, max_iter=2000).fit(matrix, labels, sample_weight=weights)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), classifier.coef_[0])}
    return LinearModel(bias=round(float(classifier.intercept_[0]), 4),
                       weights={name: w for name, w in weights.items() if w}, threshold=threshold)


def top_features(model: LinearModel, count: int = 15) -> list[tuple[str, float]]:
    """The model's `count` features of largest weight, either sign."""
    return sorted(model.weights.items(), key=lambda item: -abs(item[1]))[:count]


def annotated_articles(directories: Iterable[Path], left_out: set[str]) -> Iterator[tuple[Path, dict]]:
    """(text path, gold) of every annotated article in the directories but those whose names are left out."""
    for directory in directories:
        for text_path, gold_path in gold_pairs(directory):
            if text_path.stem not in left_out:
                yield text_path, json.loads(gold_path.read_text(encoding="utf-8"))


def annotated_docs(nlp, directories: Iterable[Path], left_out: set[str]) -> Iterator[tuple[Path, dict, object]]:
    """(text path, gold, Doc) of every annotated article but those left out, each run through the
    pipeline `nlp` as `extractor eval` reads it (its name, its page address, its gold's reference date)."""
    for text_path, gold in annotated_articles(directories, left_out):
        document = to_document(text_path.read_bytes(), id=text_path.stem, source=article_source(text_path, gold),
                               reference_date=gold.get("reference_date"))
        yield text_path, gold, nlp(next(nlp.tokenizer.pipe_documents([document])))


def article_names(directories: Iterable[Path]) -> set[str]:
    """The names of the annotated articles in the directories (a set scored only is left out by name)."""
    return {text_path.stem for directory in directories for text_path, _ in gold_pairs(directory)}


def rows_parser(description: str, commands: Sequence[str], *, strength: float = 1.0,
                threshold: float | None = 0.5) -> argparse.ArgumentParser:
    """The command line of a training script that writes rows first: COMMAND PATHS... --out,
    --strength, --threshold (none when `threshold` is None), and the selection options."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=tuple(commands))
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--strength", type=float, default=strength)
    if threshold is not None:
        parser.add_argument("--threshold", type=float, default=threshold)
    add_selection_options(parser)
    return parser


def write_records(records: list[dict], out: Path, items: str, noun: str) -> None:
    """Write the `rows` command's records as JSON and say how many articles and `items` of each."""
    out.write_text(json.dumps(records, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(records)} articles, {sum(len(record[items]) for record in records)} {noun} -> {out}")


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """--exclude, --only and --rest-weights: which annotated articles a training run reads and scores."""
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="leave out the articles whose names this directory holds (repeat for more)")
    parser.add_argument("--only", type=Path, help="cross-validate on the articles whose names this directory holds; "
                        "the others' rows join every training fold at each --rest-weight")
    parser.add_argument("--rest-weights", type=float, nargs="+", default=[0.0],
                        help="with --only: the weight of the other articles' rows (0: left out), one table each")


def grouped_folds(groups: Sequence[str], folds: int = 5) -> Iterator[tuple[list[int], list[int]]]:
    """(train, test) row indices; a group's fold is fixed by the hash of its name."""
    fold_of = [int(hashlib.sha256(g.encode()).hexdigest(), 16) % folds for g in groups]
    for fold in range(folds):
        yield ([i for i, f in enumerate(fold_of) if f != fold], [i for i, f in enumerate(fold_of) if f == fold])


def save(model: LinearModel, name: str, about: dict) -> Path:
    """Write extractor/models/NAME.json; `about` records how it was trained (data, figures)."""
    MODEL_DIR.mkdir(exist_ok=True)
    path = MODEL_DIR / f"{name}.json"
    data = {"about": about, "bias": model.bias, "threshold": model.threshold,
            "weights": dict(sorted(model.weights.items()))}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return path
