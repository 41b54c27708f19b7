"""Doc -> Article: the recognizers' spans become the contract's fields."""
from __future__ import annotations

from spacy.tokens import Doc

from ..document import Document
from ..model import ITEM_FIELDS, Article, Country
from .common import items


def doc_to_article(doc: Doc, document: Document) -> Article:
    fields = {field: items(doc, field) for field in ITEM_FIELDS}
    for field, spec in ITEM_FIELDS.items():
        if spec.merged_by:
            fields[field] = _merge_mentions(fields[field], spec.merged_by)
    for field in ("headcounts", "dates", "quotes"):
        fields[field].sort(key=lambda item: (item.start, item.end))
    return Article(
        id=document.id,
        source=document.source,
        reference_date=document.reference_date.isoformat() if document.reference_date else None,
        text=document.text,
        title=document.title,
        subtitles=document.subtitles,
        published=document.published,
        modified=document.modified,
        reporters=document.reporters,
        **fields,
        warnings=document.warnings,
    )


def _merge_mentions(entries: list, key: str) -> list:
    """One entry per key, mentions in text order; a country is visiting if any mention says so.
    The entries are freshly validated, so the first of each key is extended in place."""
    merged: dict[str, object] = {}
    for entry in entries:
        seen = merged.get(getattr(entry, key))
        if seen is None:
            merged[getattr(entry, key)] = entry
            continue
        seen.mentions.extend(entry.mentions)
        if isinstance(seen, Country):
            seen.visiting = seen.visiting or entry.visiting
    for entry in merged.values():
        entry.mentions = sorted({(m.start, m.end): m for m in entry.mentions}.values(), key=lambda m: m.start)
    return list(merged.values())

