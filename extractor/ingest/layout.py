"""Plain text laid out in zones (headline, deck, byline, timestamps, captions, body, furniture)."""
from __future__ import annotations

from ..document import Document, Zone


def analyse_layout(text: str, *, id: str, source: str | None = None) -> Document:
    return Document(text=text, id=id, source=source, zones=[Zone("body", 0, len(text))])
