"""Timestamps of article pages (`입력 2023.07.28 11:26`, `승인 2016.11.16 09:07`,
`입력 : 2024/09/27 [17:16]`, `등록 2023-07-28 오후 3:05`, `UPDATE. 2024-03-29 18:48 (금)`)
read as ISO 8601.

Korean outlets publish in Korea Standard Time, so a timestamp without an
offset gets `+09:00`.

Standalone date strings (an archive record's date field, a page's metadata) come in every
format (`2024. 5. 3. 오후 3:12`, `May 3, 2024`, RFC 2822, epoch seconds): `parse_date_value`
reads them with dateparser under fixed settings. Dates inside running text never go
there: dateparser misreads them (`15일` as fifteen days ago); the TIMEX rules read those.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .. import lexicons
from ..pattern_cache import compiled_re

KST = "+09:00"
#: dateparser, told everything it would otherwise guess from the machine or the clock: Korean or
#: English words, year-month-day order, Korean time unless the string says otherwise, a full day
#: required (`2024-05` is no reference date), no relative expressions (`yesterday`, `3일 전`).
_DATEPARSER_LANGUAGES = ["ko", "en"]
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "YMD",
    "TIMEZONE": "Asia/Seoul",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["year", "month", "day"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}
#: Longer values are not a date string (a whole text put in the date field).
_MAX_DATE_STRING = 100
KST_ZONE = dt.timezone(dt.timedelta(hours=9))

_LEXICON = lexicons.load("bylines")


def _label_key(label: str) -> str:
    """A label as looked up: templates space its words as they please (`보도 일시`, `보도일시`)."""
    return re.sub(r"\s+", "", label)


def _spaced(label: str) -> str:
    """A label's pattern, a space allowed between its syllables (`보도일시` reads `보도 일시` too)."""
    pattern = ""
    for char, following in zip(label, label[1:] + " "):
        syllables = "가" <= char <= "힣" and "가" <= following <= "힣"
        pattern += r"\s*" if char == " " else re.escape(char) + (r"\s?" if syllables else "")
    return pattern


def _label_alternation(labels: list[str]) -> str:
    unique = {_label_key(label): label for label in labels}
    return "|".join(_spaced(unique[key]) for key in sorted(unique, key=len, reverse=True))


_LABEL_FIELD: dict[str, str | None] = {_label_key(label): "published" for label in _LEXICON["published_labels"]}
_LABEL_FIELD.update({_label_key(label): "modified" for label in _LEXICON["modified_labels"] + _LEXICON["edit_labels"]})
_LABEL_FIELD.update({_label_key(label): None for label in _LEXICON["date_labels"]})
#: Labels whose date is the article's own only beside a byline: the site's edit time, a bare `date`.
_LOOSE_LABELS = frozenset(map(_label_key, _LEXICON["edit_labels"] + _LEXICON["date_labels"]))
_LABELS = _label_alternation(_LEXICON["published_labels"] + _LEXICON["modified_labels"] + _LEXICON["edit_labels"]
                             + _LEXICON["date_labels"])
#: `(금)`, `금요일`, a print edition's `(金)`; a bare day letter only as a word of its own (`12수정 …` is the next label).
_WEEKDAY = r"(?:\s*(?:\([월화수목금토일月火水木金土日](?:요일)?\)|[월화수목금토일](?:요일)?(?![가-힣])))?"

#: What every stamp holds: its year, four digits or two before a date's separator.
_YEAR_LIKE = compiled_re(r"(?:19|20)\d\d|\d\d[.\-/]")
_STAMP = compiled_re(
    rf"(?:(?<![가-힣A-Za-z])[\[(]?(?P<label>{_LABELS})[\])]?\s*[:：.|\-]?\s*)?"  # `보도일시 | 2024. 5. 2.`: a table's cells; `작성일시 - 2019-10-05`
    r"(?:[\[(]\s*(?=\d))?(?P<year>(?:19|20)\d{2}|(?<!\d)\d{2}(?=[.\-/]))(?:\s*(?:[.\-/]|년)\s*|(?P<spaced>\s)(?=\d{1,2}\s\d{1,2}(?!\d)))"
    r"(?P<month>\d{1,2})(?:\s*(?:[.\-/]|월)\s*|(?(spaced)\s))(?P<day>\d{1,2})(?!\d)\s*(?:일|\.)?"
    rf"{_WEEKDAY}"
    r"(?:(?:\s*|T)[\[(]?\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*"
    r"(?P<hour>\d{1,2})\s*(?::|시\s*)(?P<minute>\d{2})분?(?:\s*(?::|분\s*)(?P<second>\d{2})초?)?(?:\.\d+)?"
    r"(?:\s*(?P<ampm_after>AM|PM|am|pm)(?![A-Za-z]))?\s*[\])]?"
    r"(?:\s*(?P<offset>Z|[+-]\d{2}:?\d{2}))?(?:\s*(?:KST|\(KST\)))?"
    rf"{_WEEKDAY})?"
    rf"(?:\s*(?P<after>{_LABELS})(?![가-힣])(?!\s*[:：]?\s*\d)"  # 2024/05/02 10:15 송고
    r"|(?:\s*0:0:0)?\s*(?P<print_page>[(\[]?[A-Z]?\d{1,2}\s*면[)\]]?)(?![가-힣\d]))?"  # the print edition's day and page: 2013-02-19 22면, 2009-4-15 0:0:0 24면 (no time)
)


@dataclass(frozen=True, slots=True)
class Stamp:
    field: Literal["published", "modified"] | None  # None: a date with no label
    value: str  # ISO 8601 with offset
    has_time: bool
    start: int
    end: int
    needs_byline: bool  # unlabelled, or the site's edit time: the article's own only beside a byline


def find_stamps(line: str) -> list[Stamp]:
    """Every readable timestamp in a line, labelled or not (none in a line without a year's digits:
    the long pattern would be tried at every letter of the line)."""
    if not _YEAR_LIKE.search(line):
        return []
    return [stamp for stamp in map(_stamp, _STAMP.finditer(line)) if stamp]


def opening_stamp(line: str, marks: str) -> Stamp | None:
    """A labelled timestamp opening the line after any of `marks` (`입력 2024.05.02 10:15 …`), else None."""
    match = _STAMP.match(line, len(line) - len(line.lstrip(marks)))
    return _stamp(match) if match and (match["label"] or match["after"]) else None


def _stamp(match: re.Match) -> Stamp | None:
    label = _label_key(match["label"] or match["after"] or "")
    # `21.03.02` and `2018 07 25` only where labelled
    value = _iso(match) if label or (len(match["year"]) == 4 and not match["spaced"]) else None
    if not value:
        return None
    if match["print_page"]:  # the day the article ran in print: its own day
        return Stamp("published", value, match["hour"] is not None, match.start(), match.end(), needs_byline=False)
    return Stamp(_LABEL_FIELD[label] if label else None, value, match["hour"] is not None,
                 match.start(), match.end(), needs_byline=not label or label in _LOOSE_LABELS)


def under_label(stamps: list[Stamp], label: str) -> list[Stamp]:
    """The stamps of a line under a label standing on the line above (`배포일시` /
    `2024. 5. 2.(목) 09:00`): labelled by it when it is a timestamp label."""
    key = _label_key(label.strip(" :："))
    field = _LABEL_FIELD.get(key)
    if field is None or key in _LOOSE_LABELS:
        return stamps
    return [dataclasses.replace(stamp, field=stamp.field or field, needs_byline=False) for stamp in stamps]


def _iso(match: re.Match) -> str | None:
    hour = int(match["hour"] or 0)
    ampm = match["ampm"] or match["ampm_after"]
    if ampm in ("오후", "PM", "pm") and hour < 12:
        hour += 12
    elif ampm in ("오전", "AM", "am") and hour == 12:
        hour = 0
    try:
        moment = dt.datetime(full_year(match["year"]), int(match["month"]), int(match["day"]),
                             hour, int(match["minute"] or 0), int(match["second"] or 0))
    except ValueError:
        return None
    return moment.isoformat() + iso_offset(match["offset"])


def full_year(year: str) -> int:
    """`2021`, or `21` as a page's template abbreviates it (the 1900s from `70`)."""
    return int(year) if len(year) == 4 else int(year) + (1900 if int(year) >= 70 else 2000)


def iso_offset(raw: str | None) -> str:
    """A written offset (`Z`, `+0900`, `+09:00`, none: Korean time) as ISO 8601's `+09:00`."""
    if not raw:
        return KST
    if raw == "Z":
        return "+00:00"
    return raw if ":" in raw else f"{raw[:3]}:{raw[3:]}"


def parse_date_value(value: object) -> dt.datetime | None:
    """A standalone date: a string in any common format, or epoch seconds (milliseconds when
    larger than any date in seconds), as an aware datetime; None when it is no date."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    if not isinstance(value, str) or not value.strip() or len(value) > _MAX_DATE_STRING:
        return None
    iso = _iso_moment(value.strip())
    if iso is not None:
        return iso
    import dateparser  # imported on first use: it costs a second and most runs never need it

    try:
        return dateparser.parse(value.strip(), languages=_DATEPARSER_LANGUAGES, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None


def _iso_moment(value: str) -> dt.datetime | None:
    """`2024-05-03`, `2024-05-03T09:00:00Z`: ISO 8601 read directly, in Korean time (most archives'
    date fields are ISO: no need to run dateparser on each)."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=KST_ZONE) if moment.tzinfo is None else moment.astimezone(KST_ZONE)


def _from_epoch(seconds: float) -> dt.datetime | None:
    if seconds > 100_000_000_000:  # after the year 5138 in seconds: milliseconds
        seconds /= 1000
    try:
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).astimezone(KST_ZONE)
    except (ValueError, OverflowError, OSError):
        return None
