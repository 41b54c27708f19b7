"""Ingest: bytes, plain text or HTML in; a Document (text, zones, metadata) out."""
from __future__ import annotations

import datetime as dt
import hashlib
import re

from ..document import Document
from ..errors import InputError
from .decode import Decoded, check_text, decode
from .html import html_to_document, looks_like_html
from .layout import analyse_layout, lead_day
from .timestamp import KST_ZONE, find_stamps

#: Larger texts are refused with a clear error rather than tying up a worker for minutes.
MAX_CHARS = 1_000_000


def stable_id(text: str) -> str:
    """The id of an article its caller named none: a hash of its text normalised (BOM, line
    endings, surrounding whitespace), so the same article gets the same id from a file, an
    archive record, the API or a browser's form (which sends CRLF), in any encoding."""
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def to_document(
    data: bytes | str,
    *,
    id: str | None = None,
    source: str | None = None,
    reference_date: dt.date | str | None = None,
    max_chars: int = MAX_CHARS,
) -> Document:
    """Decode and lay out one input. Raises InputError with a one-line reason."""
    if data is None:
        raise InputError("no input")
    # Checked before decoding as well: no encoding spends more than 4 bytes on a character.
    if len(data) > max_chars * (4 if isinstance(data, bytes) else 1):
        raise _too_large(len(data), max_chars, "bytes" if isinstance(data, bytes) else "characters")
    decoded = decode(data) if isinstance(data, bytes) else Decoded(check_text(data))  # a str can carry binary junk too
    text = decoded.text
    if not text.strip():
        raise InputError("empty input: nothing to analyse")
    if len(text) > max_chars:
        raise _too_large(len(text), max_chars, "characters")
    doc_id = id or stable_id(text)
    if looks_like_html(text):
        document = html_to_document(text, id=doc_id, source=source)
    else:
        document = analyse_layout(text, id=doc_id, source=source)
    if decoded.warning:
        document.warnings.append(decoded.warning)
    ref = as_reference_date(reference_date)
    document.reference_date = (ref or _date_of(document.published) or document.reference_date
                               or _date_in_name(source) or lead_day(document) or _date_printed_beside(document))
    return document


#: `2023-07-28`, `2023_07_28`, `20230728` in a file's or page's name; an id that opens with its day
#: (`view/20141205134748522`, `idxno=202409050852322290932`) as well, a count of 11+ digits.
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
                        r"|(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\d{3,})")
#: A folder of a page's address or an archive named by its day: `/2023/07/28/`, `/20230728/`,
#: `/2023-07-28/`, `/2023-07/28/`.
_PATH_DATE = re.compile(r"(?<=/)((?:19|20)\d\d)(?:/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])"
                        r"|-(0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?=/)")
#: A search form's range in a list page's address (`?srchBeginDt=2023-11-21&srchEndDt=2024-11-21`,
#: `&startDate=…`, `&edate=…`): the days the list was searched over, not the article's.
_SEARCH_RANGE = re.compile(r"(?i)[?&;][a-z_]*(?:begin|end|start|from|to)_?(?:dt|date|day|ymd|de)=$|[?&;][se]date=$")
#: An archive record's source (`dump.jsonl:12`): the archive's name dates the dump, not the article.
_RECORD_SOURCE = re.compile(r"\.jsonl(?:\.gz)?:\d+$")


def _date_in_name(source: str | None) -> dt.date | None:
    """The date a single article's file or page address carries (`…/2023-07-28-anyang.txt`,
    `NISX20240226_0002639695`, `/view/20141205134748522`, `/2025/07/29/…`), when the text shows none."""
    if not source or _RECORD_SOURCE.search(source):
        return None
    name = re.split(r"[/\\]", source.rstrip("/\\"))[-1]
    named = [match for match in _NAME_DATE.finditer(name) if not _SEARCH_RANGE.search(name, 0, match.start())]
    matches = [*reversed(named), *_PATH_DATE.finditer(source)]
    for match in matches:
        year, month, day = (part for part in match.groups() if part and part.isdigit())
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


#: An address or a photo's file name printed on the page (`2018062501001861700092821.jpg`).
_PRINTED_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w\-]+\.(?:jpe?g|png|gif)\b", re.IGNORECASE)
#: How much of the body's opening is read for the day it names.
_LEAD_CHARS = 300


def _date_printed_beside(document: Document) -> dt.date | None:
    """The day an address or photo file printed on the page carries, or a photo's caption stamps (`…있다.
    2024.3.29/가상뉴스`), when the body's opening names that day (`… 29일 밝혔다`): the page's links to
    other stories, and archive photos, carry other days."""
    body = next((zone for zone in document.zones if zone.kind == "body"), None)
    if body is None:
        return None
    lead = document.text[body.start:min(body.end, body.start + _LEAD_CHARS)]
    days = [_date_in_name(match.group()) for match in _PRINTED_ADDRESS.finditer(document.text)]
    days += [dt.date.fromisoformat(stamp.value[:10]) for zone in document.zones if zone.kind == "caption"
             for stamp in find_stamps(document.text[zone.start:zone.end])]
    return next((day for day in days if day and re.search(rf"(?<!\d){day.day}\s?일", lead)), None)


def _too_large(size: int, max_chars: int, unit: str) -> InputError:
    return InputError(f"input too large: {size:,} {unit} (limit {max_chars:,} characters); "
                      "split it or raise the limit (--max-chars)")


def as_reference_date(value: dt.date | str | None) -> dt.date | None:
    """The caller's reference date as a date (`2023-07-28`, or a timestamp opening so); InputError if it is none."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"bad reference date {value!r}: expected YYYY-MM-DD") from None


def _date_of(timestamp: str | None) -> dt.date | None:
    """The Korean day of a timestamp (`2024-05-03T23:30:00+00:00` is the 4th in Korea)."""
    if not timestamp:
        return None
    moment = dt.datetime.fromisoformat(timestamp)
    return moment.date() if moment.tzinfo is None else moment.astimezone(KST_ZONE).date()


__all__ = ["to_document", "stable_id", "as_reference_date", "InputError", "MAX_CHARS"]
