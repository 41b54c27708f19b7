"""HTML pages reduced to their main text with trafilatura, keeping the title,
bylines and dates the page declares. The Document's text is that main text."""
from __future__ import annotations

import re

from ..document import Document
from ..errors import InputError
from ..model import Reporter
from .byline import bare_name, byline_line, merge_reporters
from .layout import analyse_layout
from .timestamp import iso_offset, parse_date_value

_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|article|meta|title)\b", re.I)
_MODIFIED_META = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:modified_time|og:updated_time|dateModified)["'][^>]*>""", re.I
)
_CONTENT = re.compile(r"""content=["']([^"']+)["']""", re.I)
_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?\s*(Z|[+-]\d{2}:?\d{2})?")
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def looks_like_html(text: str) -> bool:
    return bool(_HTML.search(text[:5000]))


def html_to_document(html: str, *, id: str, source: str | None) -> Document:
    extracted = _extract(html)
    title = extracted.title.strip() if extracted and extracted.title else None
    main = (extracted.text if extracted else None) or _all_text(html)
    if not main or not main.strip():
        raise InputError("HTML page without main text: nothing to analyse")
    document = analyse_layout(main, id=id, source=source, title_hint=title)
    document.title = title or document.title
    document.published = _iso(extracted.date if extracted else None) or document.published
    document.modified = _iso(_meta_modified(html)) or document.modified
    authors = _authors(extracted.author if extracted else None)
    document.reporters = merge_reporters(document.reporters + authors, [])
    return document


def _extract(html: str):
    import trafilatura

    try:
        return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True,
                                           date_extraction_params=_DATE_PARAMS)
    except Exception:  # lxml and trafilatura raise many types on malformed markup; the fallback copes
        return None


def _all_text(html: str) -> str | None:
    """Broken markup trafilatura gives up on: every text node, in order."""
    import lxml.html

    try:
        return lxml.html.fromstring(html).text_content()
    except Exception:  # lxml raises several types on unparseable markup
        return None


def _authors(author: str | None) -> list[Reporter]:
    reporters: list[Reporter] = []
    for part in re.split(r"\s*[;|]\s*", author or ""):
        byline = byline_line(part)
        if byline:
            reporters.extend(Reporter(name=r.name, email=None) for r in byline.reporters)
        elif name := bare_name(part):
            reporters.append(Reporter(name=name))
    return reporters


def _meta_modified(html: str) -> str | None:
    tag = _MODIFIED_META.search(html)
    content = _CONTENT.search(tag.group()) if tag else None
    return content.group(1) if content else None


def _iso(value: str | None) -> str | None:
    """A page's date as ISO 8601 with an offset (Korean time when the page gives none); a date
    in another format (`2024. 5. 3. 오후 3:12`, RFC 2822, epoch seconds) is read by dateparser."""
    match = _ISO.match(value.strip()) if value else None
    if not match:
        parsed = parse_date_value(value)
        return parsed.isoformat(timespec="seconds") if parsed else None
    day, time, offset = match.groups()
    time = (time or "00:00:00") + (":00" if time and len(time) == 5 else "")
    return f"{day}T{time}{iso_offset(offset)}"
