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
from dataclasses import dataclass
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


class StoreError(Exception):
    """The store cannot be opened or the input is not extractor output; the message is one line."""


@dataclass(frozen=True)
class Loaded:
    stored: int
    duplicates: list[str]  # ids given more than once in the input (the last record was kept)


#: Analysts' queries see the store and nothing else: no writes, no files, no extensions.
_QUERY_ONLY = {"enable_external_access": False, "lock_configuration": True}


class Store:
    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False, sandboxed: bool = False):
        """A store to load articles into (created if missing), or, `read_only`, one to query or
        export; `sandboxed` (read-only) also shuts out files, extensions and configuration changes."""
        try:
            if read_only:
                self.connection = duckdb.connect(str(path), read_only=True, config=_QUERY_ONLY if sandboxed else {})
            else:
                self.connection = duckdb.connect(str(path))
                self.connection.execute(_SCHEMA)
        except duckdb.Error as error:
            raise StoreError(f"{path}: cannot open the store: {_first_line(error)}") from None

    def add(self, articles: Iterable[Article | dict]) -> int:
        """Insert (or replace) articles; returns how many were stored."""
        return self.load(articles).stored

    def load(self, articles: Iterable[Article | dict]) -> Loaded:
        """Insert (or replace) articles in one transaction. An id given twice is stored once,
        as its last record, and reported in `Loaded.duplicates`."""
        by_id: dict[str, dict] = {}
        duplicates: list[str] = []
        for article in articles:
            data = article.model_dump(mode="json") if isinstance(article, Article) else article
            if data["id"] in by_id:
                duplicates.append(data["id"])
                del by_id[data["id"]]  # the last record keeps its place in input order
            by_id[data["id"]] = data
        if not by_id:
            return Loaded(0, duplicates)
        rows: dict[str, list[tuple]] = {table: [] for table in _TABLES}
        for article_id, data in by_id.items():
            try:
                article_rows = _rows(data)
            except (KeyError, TypeError, AttributeError) as error:
                raise StoreError(f"not extractor output (article {article_id!r}: "
                                 f"{type(error).__name__}: {error})") from None
            for table, table_rows in article_rows.items():
                rows[table].extend(table_rows)
        ids = list(by_id)
        with self.connection.cursor() as cursor:
            cursor.execute("BEGIN")
            for table in _TABLES:
                cursor.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
            for table, table_rows in rows.items():
                if table_rows:
                    marks = ", ".join("?" * len(table_rows[0]))
                    cursor.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
            cursor.execute("COMMIT")
        return Loaded(len(ids), duplicates)

    def query(self, sql: str, parameters: list | None = None) -> tuple[list[str], list[tuple]]:
        result = self.connection.execute(sql, parameters or [])
        return [column[0] for column in result.description or []], result.fetchall()

    def query_one_statement(self, sql: str) -> tuple[list[str], list[tuple]]:
        """An analyst's query: exactly one statement (`SELECT 1; DROP …` is refused whole)."""
        try:
            statements = self.connection.extract_statements(sql)
        except duckdb.Error as error:
            raise StoreError(f"query failed: {_first_line(error)}") from None
        if len(statements) != 1:
            raise StoreError(f"query failed: one statement per call, got {len(statements)}")
        try:
            return self.query(sql)
        except duckdb.Error as error:
            raise StoreError(f"query failed: {_first_line(error)}") from None

    def export(self, directory: Path, file_format: str) -> list[Path]:
        """Every table as DIR/<table>.<format> (parquet or csv)."""
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        for table in _TABLES:
            target = directory / f"{table}.{file_format}"
            escaped = str(target).replace("'", "''")
            try:
                self.connection.execute(f"COPY {table} TO '{escaped}' (FORMAT {file_format})")
            except duckdb.Error as error:
                raise StoreError(f"export failed: {_first_line(error)}") from None
            written.append(target)
        return written

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


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _speaker(speaker: dict | None) -> tuple:
    speaker = speaker or {}
    return speaker.get("name"), speaker.get("title"), speaker.get("organization")


def read_articles(path: Path) -> list[dict]:
    """The articles of one file as `extractor extract` or `batch` wrote it: JSON Lines (.jsonl,
    .jsonl.gz), or JSON in any layout (`--pretty`, one object or a list, several objects in a row).
    Raises StoreError saying why (without the path) when the file holds anything else."""
    try:
        if path.name.endswith((".jsonl", ".jsonl.gz")):
            values = list(_json_lines(path))
        else:
            values = list(_json_values(path.read_text(encoding="utf-8-sig")))
    except UnicodeDecodeError:
        raise StoreError("not extractor output (not UTF-8 text)") from None
    except ValueError as error:
        raise StoreError(f"not extractor output (invalid JSON: {error})") from None
    except OSError as error:
        raise StoreError(f"cannot read: {error.strerror or error}") from None
    articles = [article for value in values for article in (value if isinstance(value, list) else [value])]
    for number, article in enumerate(articles, 1):
        missing = [key for key in ("id", "text") if not isinstance(article, dict) or key not in article]
        if missing:
            raise StoreError(f"not extractor output (record {number} has no {' or '.join(missing)})")
    return articles


def input_files(path: Path) -> list[Path]:
    """A file as it is; a directory: a batch's part files, else the *.json files `extract -o` writes."""
    if not path.is_dir():
        return [path]
    files = sorted(path.glob("part-*.jsonl*")) or sorted(path.glob("*.json"))
    if not files:
        raise StoreError(f"{path}: no extractor output in this directory "
                         "(expected part-*.jsonl from `extractor batch` or *.json from `extractor extract -o`)")
    return files


def _json_lines(path: Path) -> Iterator[object]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _json_values(text: str) -> Iterator[object]:
    """Every JSON value in `text`, one after another (whitespace between them)."""
    decoder = json.JSONDecoder()
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            return
        value, position = decoder.raw_decode(text, position)
        yield value
