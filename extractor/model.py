"""The output contract (docs/CONTRACT.md) as pydantic models.

`schemas/article.schema.json` is generated from `Article` by `extractor schema`.
Offsets are Unicode code-point offsets into `Article.text`, end exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A grounded piece of text: `text == article.text[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Reporter(_Model):
    name: str
    email: str | None = None


class Country(_Model):
    code: str = Field(description="ISO 3166-1 alpha-2", pattern=r"^[A-Z]{2}$")
    name: str = Field(description="Korean name as CLDR spells it")
    name_en: str | None = None
    visiting: bool = Field(description="the country's people or bodies visit the place the article is about")
    mentions: list[Span] = Field(default_factory=list)


class Count(Span):
    value: int
    unit: Literal["people", "countries", "organizations", "cities"]
    approximate: bool = False


class Timex(Span):
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str = Field(description="TIMEX3 value, normalised against the reference date")


class Speaker(_Model):
    name: str | None = None
    title: str | None = None
    organization: str | None = None


class Quote(Span):
    """`text` is the words inside the quotation marks, without the marks."""

    speaker: Speaker | None = None
    verb: str | None = Field(default=None, description="the reporting verb as written")


class Named(_Model):
    name: str = Field(description="canonical form: the longest complete mention")
    mentions: list[Span] = Field(default_factory=list)


class Visit(_Model):
    date: str | None = Field(default=None, description="TIMEX3 value")
    countries: list[str] = Field(default_factory=list, description="ISO codes of the visitors' countries")
    visitors: str | None = None
    headcount: int | None = None
    purpose: str | None = None
    program: str | None = None
    evidence: Span | None = None


@dataclass(frozen=True)
class ItemField:
    """One list field of an Article: its item model, the key its entries merge by (one entry per
    country code, per name: their mentions joined), its name on the web page, and the label of
    its spans in doc.spans when the item says no more (common.span_label)."""

    model: type[_Model]
    merged_by: str | None
    label: str
    span_label: str


#: The item fields of an Article, in contract order: the one table recognizers (common.FIELDS,
#: items, span labels), conversion, the store, scoring and the web page (static/app.js,
#: checked by a test) read.
ITEM_FIELDS: dict[str, ItemField] = {
    "countries": ItemField(Country, "code", "국가", "country"),
    "headcounts": ItemField(Count, None, "인원·수", "count"),
    "dates": ItemField(Timex, None, "날짜", "DATE"),
    "quotes": ItemField(Quote, None, "인용", "quote"),
    "systems": ItemField(Named, "name", "시스템", "system"),
    "programs": ItemField(Named, "name", "사업·행사", "program"),
    "organizations": ItemField(Named, "name", "기관", "organization"),
    "persons": ItemField(Named, "name", "인물", "person"),
    "visits": ItemField(Visit, None, "방문", "visit"),
}
#: The fields of named things (one Named per name).
NAMED_FIELDS = tuple(name for name, spec in ITEM_FIELDS.items() if spec.model is Named)


class Article(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    id: str
    source: str | None = None
    reference_date: str | None = Field(default=None, description="YYYY-MM-DD the relative dates resolved against")
    text: str
    title: str | None = None
    subtitles: list[str] = Field(default_factory=list)
    published: str | None = Field(default=None, description="ISO 8601 with offset")
    modified: str | None = None
    reporters: list[Reporter] = Field(default_factory=list)
    countries: list[Country] = Field(default_factory=list)
    headcounts: list[Count] = Field(default_factory=list)
    dates: list[Timex] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    systems: list[Named] = Field(default_factory=list)
    programs: list[Named] = Field(default_factory=list)
    organizations: list[Named] = Field(default_factory=list)
    persons: list[Named] = Field(default_factory=list)
    visits: list[Visit] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list,
                                description="how the input was read, e.g. bad bytes replaced by U+FFFD")

    def grounding_failures(self) -> list[str]:
        """Every span whose text differs from `self.text[start:end]`."""
        return [
            f"{where}: {span.text!r} != {self.text[span.start:span.end]!r} at {span.start}:{span.end}"
            for where, span in self.spans()
            if self.text[span.start:span.end] != span.text
        ]

    def spans(self):
        """(field, span) for every grounded item of the article."""
        for field in ("headcounts", "dates", "quotes"):
            for item in getattr(self, field):
                yield field, item
        for country in self.countries:
            for mention in country.mentions:
                yield "countries", mention
        for field in ("systems", "programs", "organizations", "persons"):
            for named in getattr(self, field):
                for mention in named.mentions:
                    yield field, mention
        for visit in self.visits:
            if visit.evidence is not None:
                yield "visits", visit.evidence


def json_schema() -> dict:
    return Article.model_json_schema()
