"""DuckDB store: extracted articles as tables analysts can query with SQL.

The store reads Articles (or their contract JSON, e.g. a batch run's JSONL
shards); it never re-runs NLP. Loading an article id again replaces it.

Tables (one row per item, `article_id` joins them):
  articles(article_id, source, title, published, reference_date, reporters, text)
  countries(article_id, code, name, name_en, visiting, mentions)
  headcounts(article_id, value, unit, approximate, text, start, "end")
  dates(article_id, type, value, first_day, last_day, grain, text, start, "end")
  quotes(article_id, text, speaker_name, speaker_title, speaker_organization, verb, start, "end")
  names(article_id, field, name, mentions)        -- systems, programs, organizations, persons
  visits(article_id, date, first_day, last_day, grain, countries, visitors, headcount, purpose, program, evidence)

`first_day`/`last_day` are the DATEs a TIMEX3 value covers (`2023-06` → June 1 to June 30) and `grain`
how precise it is (day, month, year, ...; see extractor.timex_days); NULL for durations and sets.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb

from .model import NAMED_FIELDS, Article
from .timex_days import timex_days

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles(article_id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR,
    published VARCHAR, reference_date DATE, reporters VARCHAR[], text VARCHAR);
CREATE TABLE IF NOT EXISTS countries(article_id VARCHAR, code VARCHAR, name VARCHAR, name_en VARCHAR,
    visiting BOOLEAN, mentions INTEGER);
CREATE TABLE IF NOT EXISTS headcounts(article_id VARCHAR, value BIGINT, unit VARCHAR, approximate BOOLEAN,
    text VARCHAR, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS dates(article_id VARCHAR, type VARCHAR, value VARCHAR, first_day DATE, last_day DATE,
    grain VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS quotes(article_id VARCHAR, text VARCHAR, speaker_name VARCHAR,
    speaker_title VARCHAR, speaker_organization VARCHAR, verb VARCHAR, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS names(article_id VARCHAR, field VARCHAR, name VARCHAR, mentions INTEGER);
CREATE TABLE IF NOT EXISTS visits(article_id VARCHAR, date VARCHAR, first_day DATE, last_day DATE, grain VARCHAR,
    countries VARCHAR[], visitors VARCHAR,
    headcount BIGINT, purpose VARCHAR, program VARCHAR, evidence VARCHAR);
"""
_TABLES = ("articles", "countries", "headcounts", "dates", "quotes", "names", "visits")


class Store:
    def __init__(self, path: str | Path = ":memory:"):
        self.connection = duckdb.connect(str(path))
        self.connection.execute(_SCHEMA)

    def add(self, articles: Iterable[Article | dict]) -> int:
        """Insert (or replace) articles; returns how many were stored."""
        rows: dict[str, list[tuple]] = {table: [] for table in _TABLES}
        ids = []
        for article in articles:
            data = article.model_dump(mode="json") if isinstance(article, Article) else article
            ids.append(data["id"])
            for table, table_rows in _rows(data).items():
                rows[table].extend(table_rows)
        if not ids:
            return 0
        with self.connection.cursor() as cursor:
            cursor.execute("BEGIN")
            for table in _TABLES:
                cursor.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
            for table, table_rows in rows.items():
                if table_rows:
                    marks = ", ".join("?" * len(table_rows[0]))
                    cursor.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
            cursor.execute("COMMIT")
        return len(ids)

    def query(self, sql: str, parameters: list | None = None) -> tuple[list[str], list[tuple]]:
        result = self.connection.execute(sql, parameters or [])
        return [column[0] for column in result.description or []], result.fetchall()

    def close(self) -> None:
        self.connection.close()


def _rows(a: dict) -> dict[str, list[tuple]]:
    article_id = a["id"]
    return {
        "articles": [(article_id, a.get("source"), a.get("title"), a.get("published"), a.get("reference_date"),
                      [r["name"] for r in a.get("reporters", [])], a["text"])],
        "countries": [(article_id, c["code"], c["name"], c.get("name_en"), c["visiting"], len(c["mentions"]))
                      for c in a.get("countries", [])],
        "headcounts": [(article_id, h["value"], h["unit"], h["approximate"], h["text"], h["start"], h["end"])
                       for h in a.get("headcounts", [])],
        "dates": [(article_id, d["type"], d["value"], *timex_days(d["value"]), d["text"], d["start"], d["end"])
                  for d in a.get("dates", [])],
        "quotes": [(article_id, q["text"], *_speaker(q.get("speaker")), q.get("verb"), q["start"], q["end"])
                   for q in a.get("quotes", [])],
        "names": [(article_id, field, n["name"], len(n["mentions"]))
                  for field in NAMED_FIELDS for n in a.get(field, [])],
        "visits": [(article_id, v.get("date"), *timex_days(v.get("date")), v.get("countries", []), v.get("visitors"), v.get("headcount"),
                    v.get("purpose"), v.get("program"), (v.get("evidence") or {}).get("text"))
                   for v in a.get("visits", [])],
    }


def _speaker(speaker: dict | None) -> tuple:
    speaker = speaker or {}
    return speaker.get("name"), speaker.get("title"), speaker.get("organization")


def read_jsonl(path: Path) -> Iterator[dict]:
    """Articles from a JSON Lines file (as `extractor extract`/`batch` write it), .gz allowed."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
