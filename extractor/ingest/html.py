"""HTML pages reduced to their main text with trafilatura, keeping the metadata the page declares."""
from __future__ import annotations

import re

from ..document import Document
from ..errors import InputError
from .layout import analyse_layout

_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|article|meta|title)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML.search(text[:5000]))


def html_to_document(html: str, *, id: str, source: str | None) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    main = getattr(extracted, "text", None) if extracted is not None else None
    if not main or not main.strip():
        raise InputError("HTML page without main text: nothing to analyse")
    document = analyse_layout(main, id=id, source=source)
    title = getattr(extracted, "title", None)
    if title and not document.title:
        document.title = title.strip()
    date = getattr(extracted, "date", None)
    if date and not document.published:
        document.published = f"{date}T00:00:00+09:00" if len(date) == 10 else date
    return document
