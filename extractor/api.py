"""The public API: extract one input or many. The CLI, batch runner and web app all call these."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from .collector import collector_paused
from .document import Document
from .errors import InputError
from .ingest import MAX_CHARS, to_document
from .model import Article
from .nlp.convert import doc_to_article
from .nlp.korean import forget_analyses
from .nlp.pipeline import load_pipeline


@dataclass(slots=True)
class Input:
    """One input with what the caller knows about it."""

    data: bytes | str
    id: str | None = None
    source: str | None = None
    reference_date: dt.date | str | None = None


@dataclass(slots=True)
class Failure:
    """An input that could not be analysed, and why (one line). An input given without an id or
    source is named by its position among the inputs (`id` "3", `source` "inputs[3]")."""

    id: str | None
    source: str | None
    reason: str


def extract(
    data: bytes | str,
    *,
    reference_date: dt.date | str | None = None,
    id: str | None = None,
    source: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Article:
    """Analyse one article (plain text, HTML, or bytes in any common Korean encoding)."""
    document = to_document(data, id=id, source=source, reference_date=reference_date, max_chars=max_chars)
    return _analyse([document])[0]


def extract_many(
    inputs: Iterable[bytes | str | Input],
    *,
    reference_date: dt.date | str | None = None,
    batch_size: int = 32,
    on_error: str = "raise",
    max_chars: int = MAX_CHARS,
) -> Iterator[Article | Failure]:
    """Analyse many inputs lazily, feeding Kiwi a batch at a time.

    With on_error="return", an input that cannot be analysed yields a Failure
    in its place and the run goes on; with "raise" it raises InputError once
    the inputs before it have been yielded.
    """
    if on_error not in ("raise", "return"):
        raise ValueError("on_error must be 'raise' or 'return'")
    batch: list[Document | Failure] = []
    for position, raw in enumerate(inputs):
        item = raw if isinstance(raw, Input) else Input(raw)
        try:
            batch.append(to_document(item.data, id=item.id, source=item.source,
                                     reference_date=item.reference_date or reference_date, max_chars=max_chars))
        except InputError as error:
            if on_error == "raise":
                yield from _analyse_batch(batch, on_error)
                raise
            batch.append(Failure(item.id or str(position), item.source or f"inputs[{position}]", str(error)))
        if len(batch) >= batch_size:
            yield from _analyse_batch(batch, on_error)
            batch = []
    if batch:
        yield from _analyse_batch(batch, on_error)


def _analyse_batch(batch: list[Document | Failure], on_error: str) -> Iterator[Article | Failure]:
    documents = [entry for entry in batch if isinstance(entry, Document)]
    try:
        results = iter(_analyse(documents))
    except Exception:
        yield from _analyse_one_by_one(batch, on_error)
        return
    for entry in batch:
        yield entry if isinstance(entry, Failure) else next(results)


def _analyse_one_by_one(batch: list[Document | Failure], on_error: str) -> Iterator[Article | Failure]:
    """After a batch failed, find the culprit: every document before it (with "raise") or every
    other document (with "return") still gets its result."""
    for entry in batch:
        if isinstance(entry, Failure):
            yield entry
            continue
        try:
            yield _analyse([entry])[0]
        except Exception as error:  # a bug of ours must not end the batch
            if on_error == "raise":
                raise
            yield Failure(entry.id, entry.source, f"internal error: {type(error).__name__}: {error}")


def _analyse(documents: list[Document]) -> list[Article]:
    nlp = load_pipeline()
    with collector_paused():
        docs = list(nlp.tokenizer.pipe_documents(documents))
        articles = [_article(doc, document) for doc, document in zip(nlp.pipe(docs), documents)]
        del docs  # freed while the collector is paused: collection resumes without them to walk
    return articles


def _article(doc: Doc, document: Document) -> Article:
    forget_analyses(doc)
    return doc_to_article(doc, document)
