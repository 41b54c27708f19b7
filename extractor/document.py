"""What ingest hands to the NLP pipeline: the text, its layout zones and metadata."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .model import Reporter

ZoneKind = Literal["headline", "deck", "byline", "timestamp", "caption", "body", "furniture"]

#: Zones whose words are the article's own: recognizers extract only from these.
CONTENT_ZONES: frozenset[str] = frozenset({"headline", "deck", "caption", "body"})


@dataclass(frozen=True, slots=True)
class Zone:
    kind: ZoneKind
    start: int
    end: int


@dataclass(slots=True)
class Document:
    text: str
    id: str
    source: str | None = None
    zones: list[Zone] = field(default_factory=list)
    title: str | None = None
    subtitles: list[str] = field(default_factory=list)
    reporters: list[Reporter] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    reference_date: dt.date | None = None
    #: where the page's furniture names people: a press release's contact lines their officers
    #: (`문의: 홍보과 김민수 주무관`), a broadcast transcript's cue its presenter (`김민수 앵커>`)
    contacts: list[tuple[int, int]] = field(default_factory=list)
    #: what the caller should know about how the input was read (bad bytes replaced)
    warnings: list[str] = field(default_factory=list)

    def content_ranges(self) -> list[tuple[int, int]]:
        """Character ranges recognizers may extract from; the whole text when no zones are known."""
        if not self.zones:
            return [(0, len(self.text))]
        return [(z.start, z.end) for z in self.zones if z.kind in CONTENT_ZONES]

    def analysed_ranges(self) -> list[tuple[int, int]]:
        """What Kiwi reads: everything but page furniture (bylines name reporters)."""
        if not self.zones:
            return [(0, len(self.text))]
        return [(z.start, z.end) for z in self.zones if z.kind != "furniture"]

    def to_dict(self) -> dict:
        """Plain data (for msgpack: Docs carry their Document through `Doc.to_bytes`)."""
        return {"text": self.text, "id": self.id, "source": self.source,
                "zones": [[zone.kind, zone.start, zone.end] for zone in self.zones],
                "title": self.title, "subtitles": self.subtitles,
                "reporters": [reporter.model_dump() for reporter in self.reporters],
                "published": self.published, "modified": self.modified,
                "reference_date": self.reference_date.isoformat() if self.reference_date else None,
                "contacts": [list(contact) for contact in self.contacts]}

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        return cls(**{**data, "zones": [Zone(*zone) for zone in data["zones"]],
                      "reporters": [Reporter.model_validate(reporter) for reporter in data["reporters"]],
                      "reference_date": dt.date.fromisoformat(data["reference_date"]) if data["reference_date"] else None,
                      "contacts": [tuple(contact) for contact in data["contacts"]]})
