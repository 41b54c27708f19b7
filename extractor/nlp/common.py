"""What every recognizer component shares: the document behind a Doc, its
reference date, the zones it may extract from, and how results are stored.

A component writes its results as spans in `doc.spans[FIELD]` (FIELD is the
contract field: "dates", "headcounts", "countries", ...); each span carries the
contract item in `span._.item`, with exact character offsets (token boundaries
may be wider than the item). Items are stored as plain dicts (so Docs still
serialise for `nlp.pipe(n_process=...)`) and validated into models when the
Article is built. Items live in one list on the Doc and the span's id indexes
it: spaCy keys span extensions by offsets alone, and two items can cover the same
tokens. A span's label says what it is (`DATE`, `DURATION`, `people`, `visiting`,
`person`), so `displacy.render(doc, style="span", options={"spans_key": "dates"})`
reads well.
"""
from __future__ import annotations

import datetime as dt

import srsly
from spacy.tokens import Doc, Span

from ..document import Document
from ..model import ITEM_FIELDS

FIELDS = tuple(ITEM_FIELDS)
_DOCUMENT_KEY = "extractor.Document"

if not Doc.has_extension("document"):
    Doc.set_extension("document", default=None)
if not Span.has_extension("item"):
    Span.set_extension("item", getter=lambda span: _item_list(span.doc)[span.id])


@srsly.msgpack_encoders("extractor.Document")
def _encode_document(obj, chain=None):
    if isinstance(obj, Document):
        return {_DOCUMENT_KEY: obj.to_dict()}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("extractor.Document")
def _decode_document(obj, chain=None):
    if _DOCUMENT_KEY in obj:
        return Document.from_dict(obj[_DOCUMENT_KEY])
    return obj if chain is None else chain(obj)


def _item_list(doc: Doc) -> list:
    return doc.user_data.setdefault("extractor.items", [])


def span_label(field: str, item: dict) -> str:
    """`DATE`/`TIME`/`DURATION`/`SET` for dates, the unit for headcounts, `visiting` for a
    visiting country's mention, else the field's kind (`person`, `system`, `quote`)."""
    if field == "dates":
        return item["type"]
    if field == "headcounts":
        return item["unit"]
    if field == "countries" and item["visiting"]:
        return "visiting"
    return ITEM_FIELDS[field].span_label


def document_of(doc: Doc) -> Document:
    """The ingest document behind a Doc; a bare Doc (a user's own pipeline) is all body."""
    return doc._.document or Document(text=text_of(doc), id="")


def reference_date(doc: Doc) -> dt.date | None:
    """The day relative dates mean: the caller's or the article's own; None when the input
    carries none (never today: a wrong date is worse than an open one)."""
    return document_of(doc).reference_date


def add_item(doc: Doc, field: str, start: int, end: int, item) -> Span:
    """Store one contract item, grounded at text[start:end], in doc.spans[field]."""
    if hasattr(item, "model_dump"):
        item = item.model_dump()
    store = _item_list(doc)
    span = doc.char_span(start, end, label=span_label(field, item), alignment_mode="expand", span_id=len(store))
    store.append(item)
    group = doc.spans[field] if field in doc.spans else None
    if group is None:
        doc.spans[field] = [span]
    else:
        group.append(span)
    return span


def items(doc: Doc, field: str) -> list:
    """What earlier components stored in doc.spans[field], as fresh models of extractor/model.py."""
    if field not in doc.spans:
        return []
    store, model = _item_list(doc), ITEM_FIELDS[field].model
    return [model.model_validate(store[span.id]) for span in doc.spans[field]]


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every sentence, from the tokenizer (or, for a Doc made elsewhere, doc.sents once)."""
    if doc._.sentences is None:
        doc._.sentences = [(span.start_char, span.end_char) for span in doc.sents]
    return doc._.sentences


def text_of(doc: Doc) -> str:
    """doc.text, read once: spaCy joins every token's text on each access of Doc.text."""
    document = doc._.document
    if document is not None:
        return document.text
    if "extractor.text" not in doc.user_data:
        doc.user_data["extractor.text"] = doc.text
    return doc.user_data["extractor.text"]
