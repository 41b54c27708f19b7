"""What a worker does with one shard: turn raw records into inputs, analyse them with the
public API, and hand back JSON lines and failures. Runs in local worker processes and on
Dask workers alike; it never raises for a bad record."""
from __future__ import annotations

import json
import os
import resource
from collections.abc import Callable
from dataclasses import dataclass, field

from ..api import Failure, Input, extract_many
from ..ingest import MAX_CHARS
from ..ingest.timestamp import parse_date_value
from .records import RawRecord, Shard

#: A file this many bytes per allowed character is too large in any encoding (UTF-32 at most).
MAX_BYTES_PER_CHAR = 4


@dataclass(frozen=True)
class FieldMap:
    """Which keys of a JSON record hold what; the first present key wins."""

    text: tuple[str, ...] = ("body", "text", "content")
    id: tuple[str, ...] = ("id", "url")
    date: tuple[str, ...] = ("date", "published")
    title: tuple[str, ...] = ("title", "headline")
    url: tuple[str, ...] = ("url", "link")  # the page's address: its source, which may date it


@dataclass(frozen=True)
class Settings:
    fields: FieldMap = field(default_factory=FieldMap)
    reference_date: str | None = None
    max_chars: int = MAX_CHARS
    batch_size: int = 32


@dataclass(slots=True)
class ShardResult:
    index: int
    articles: list[str]  # one contract JSON object per line
    failures: list[dict]  # {"id", "source", "reason"}
    worker: str = ""
    peak_rss_mb: float = 0.0

    @property
    def size(self) -> int:
        return len(self.articles) + len(self.failures)


def analyse_shard(shard: Shard, settings: Settings, announce: Callable[[int], None] | None = None) -> ShardResult:
    """Analyse a shard. In careful mode each record goes alone and `announce(position)` is
    called before it, so that whoever watches knows which record a crash happened on."""
    prepared = [
        Failure(record_id(record, settings.fields), record.source, shard.poisoned[position])
        if position in shard.poisoned
        else to_input(record, settings)
        for position, record in enumerate(shard.records)
    ]
    inputs = [item for item in prepared if isinstance(item, Input)]
    analysed = extract_many(inputs, reference_date=settings.reference_date, on_error="return",
                            batch_size=1 if shard.careful else settings.batch_size, max_chars=settings.max_chars)
    result = ShardResult(shard.index, [], [], worker=f"{os.uname().nodename}:{os.getpid()}")
    for position, item in enumerate(prepared):
        if isinstance(item, Input):
            if announce:
                announce(position)
            item = next(analysed)
        if isinstance(item, Failure):
            result.failures.append({"id": item.id, "source": item.source, "reason": item.reason})
        else:
            result.articles.append(item.model_dump_json())
    result.peak_rss_mb = peak_rss_mb()
    return result


def failed_shard(shard: Shard, settings: Settings, reason: str) -> ShardResult:
    """The result of a shard that could not be analysed at all: every record fails with `reason`."""
    failures = [{"id": record_id(record, settings.fields), "source": record.source, "reason": reason}
                for record in shard.records]
    return ShardResult(shard.index, [], failures)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def to_input(record: RawRecord, settings: Settings) -> Input | Failure:
    if record.error:
        return Failure(record_id(record, settings.fields), record.source, record.error)
    if not record.is_json:
        limit = settings.max_chars * MAX_BYTES_PER_CHAR
        if len(record.data) > limit:
            return Failure(record.source, record.source,
                           f"file too large: {len(record.data):,} bytes (limit {limit:,}); raise --max-chars")
        return Input(record.data, source=record.source)  # the id: a hash of the text, as for the API
    try:
        return _json_input(record, settings)
    except _BadRecord as error:
        return Failure(error.record_id or record.source, record.source, str(error))


class _BadRecord(ValueError):
    def __init__(self, reason: str, record_id: str | None = None):
        super().__init__(reason)
        self.record_id = record_id


def _json_input(record: RawRecord, settings: Settings) -> Input:
    fields = settings.fields
    entry = _parse(record.data)
    record_id = _first_value(entry, fields.id)
    record_id = str(record_id) if record_id not in (None, "") else None
    key, text = _first_item(entry, fields.text)
    if key is None:
        raise _BadRecord(f"no text field: the record has none of {', '.join(fields.text)} "
                         f"(its fields: {', '.join(list(entry)[:10]) or 'none'}; map one with --text-field)", record_id)
    if not isinstance(text, str):
        raise _BadRecord(f"field {key!r} is {type(text).__name__}, not text", record_id)
    if len(text) > settings.max_chars:
        raise _BadRecord(f"text too large: {len(text):,} characters in {key!r} "
                         f"(limit {settings.max_chars:,}); split it or raise --max-chars", record_id)
    title = _first_value(entry, fields.title)
    if isinstance(title, str) and title.strip() and not text.lstrip().startswith(title.strip()):
        text = f"{title.strip()}\n\n{text}"
    try:
        data = text.encode("utf-8")  # bytes get the full decoding checks (binary, control characters)
    except UnicodeEncodeError:
        raise _BadRecord(f"field {key!r} holds invalid Unicode (unpaired surrogates)", record_id) from None
    url = _first_value(entry, fields.url)
    return Input(data, id=record_id, source=url if isinstance(url, str) and url.strip() else record.source,
                 reference_date=_as_date(_first_value(entry, fields.date)))


def _parse(line: bytes) -> dict:
    try:
        entry = json.loads(line)
    except UnicodeDecodeError:
        raise _BadRecord("invalid JSON line: the bytes are not UTF-8 text") from None
    except ValueError as error:  # json.JSONDecodeError
        message = getattr(error, "msg", str(error))
        raise _BadRecord(f"invalid JSON line: {message} (column {getattr(error, 'colno', '?')})") from None
    except RecursionError:
        raise _BadRecord("invalid JSON line: nested too deeply") from None
    if not isinstance(entry, dict):
        raise _BadRecord(f"invalid JSON line: expected an object, got {type(entry).__name__}")
    return entry


def _first_item(entry: dict, keys: tuple[str, ...]) -> tuple[str | None, object]:
    for key in keys:
        if entry.get(key) is not None:
            return key, entry[key]
    return None, None


def _first_value(entry: dict, keys: tuple[str, ...]) -> object:
    return _first_item(entry, keys)[1]


def _as_date(value: object) -> str | None:
    """The record's date field as YYYY-MM-DD (any common format, epoch seconds too); a value that
    is no date goes through as text, so that the API reports it as a bad reference date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = parse_date_value(value)
    return parsed.date().isoformat() if parsed else str(value)


def record_id(record: RawRecord, fields: FieldMap) -> str:
    """The id a record is reported under: its id field when it has a readable one, else where it came from."""
    if record.is_json and record.data:
        try:
            entry = json.loads(record.data)
        except (ValueError, RecursionError):
            return record.source
        value = _first_value(entry, fields.id) if isinstance(entry, dict) else None
        if value not in (None, ""):
            return str(value)
    return record.source
