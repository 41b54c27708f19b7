"""Bylines: who wrote the article and how to reach them.

Two shapes: a byline line of its own (`유진상 기자 (yjs@dailian.co.kr)`,
`/안양=장순철기자 jsc@`, `KPI뉴스 / 박상준 기자 psj@kpinews.kr`), and a lead
byline opening the first paragraph (`[뉴스핌=김지유 기자] …`,
`(서울=연합뉴스) 홍길동 기자 = …`, `아주경제 박재천 기자 =광명시…`), of which only
the prefix is byline. A cut-off address (`jsc@`) gives no e-mail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicons
from ..model import Reporter

_LEXICON = lexicons.load("bylines")
_ROLES = sorted(_LEXICON["roles"], key=len, reverse=True)
_ROLE = "(?:" + "|".join(map(re.escape, _ROLES)) + ")"
_NAME = r"[가-힣]{2,4}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*[·ㆍ,]\s*{_NAME})*)"
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_ADDRESS = r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})?"
_OPEN, _CLOSE = r"[\[【(〔<]", r"[\]】)〕>]"
_MEDIA = r"[^\s/=|\[\]()]{1,15}"

#: A line that is nothing but a byline (after its timestamps are taken out).
_BYLINE_LINE = re.compile(
    rf"^[/\s]*(?:{_MEDIA}\s*[/=]\s*|{_MEDIA}\s+(?={_NAME}\s*{_ROLE}))?{_NAMES}\s*{_ROLE}"
    rf"\s*(?:{_OPEN}?\s*(?P<address>{_ADDRESS})\s*{_CLOSE}?)?[\s|/·,]*$"
)
#: Lead bylines, tried in order; each match ends where the article's own words begin.
_LEADS = tuple(re.compile(pattern) for pattern in (
    rf"^\s*{_OPEN}\s*[^\]】)〕=\n]{{1,20}}?\s*=\s*{_NAMES}\s*{_ROLE}\s*{_CLOSE}\s*",          # [뉴스핌=김지유 기자]
    rf"^\s*{_OPEN}\s*[^\]】)〕=\n]{{1,15}}?\s+{_NAMES}\s*{_ROLE}\s*{_CLOSE}\s*",             # [아시아경제 박종일 기자]
    rf"^\s*{_OPEN}(?!\s*사진)[^\]】)〕\n]{{1,20}}={_NAME}[^\]】)〕\n]{{0,10}}{_CLOSE}\s*(?:{_NAMES}\s*{_ROLE}\s*=\s*)?",
    rf"^\s*(?:[가-힣A-Za-z0-9]{{2,12}}\s+)?{_NAMES}\s*{_ROLE}\s*=\s*",                      # 아주경제 박재천 기자 =
))
_SIGN_OFF = re.compile(_LEXICON["sign_off"])
_LONE_EMAIL = re.compile(rf"^[\s/]*{_OPEN}?\s*(?P<address>{EMAIL.pattern})\s*{_CLOSE}?[\s|]*$")


@dataclass(frozen=True, slots=True)
class Byline:
    reporters: tuple[Reporter, ...]
    end: int  # for a lead byline: where the body text starts in the line


def byline_line(line: str) -> Byline | None:
    """The reporters of a line that is only a byline (`유진상 기자 (yjs@…)`,
    `KBS 뉴스 이수진입니다.`), else None."""
    match = _BYLINE_LINE.match(line) or _SIGN_OFF.match(line.strip())
    return Byline(_reporters(match), len(line)) if match else None


def lead_byline(line: str) -> Byline | None:
    """The byline prefix opening a paragraph (`[뉴스핌=김지유 기자] …`), else None."""
    for pattern in _LEADS:
        match = pattern.match(line)
        if match and match.end() < len(line.rstrip()):
            return Byline(_reporters(match), match.end())
    return None


def lone_email(line: str) -> str | None:
    """The address of a line holding only an e-mail address (`hong@yna.co.kr`)."""
    match = _LONE_EMAIL.match(line)
    return match["address"] if match else None


def is_bare_name(line: str) -> bool:
    return re.fullmatch(_NAME, line.strip()) is not None


def _reporters(match: re.Match) -> tuple[Reporter, ...]:
    names = match.groupdict().get("names")
    if not names:
        return ()
    people = re.split(r"\s*[·ㆍ,]\s*", names)
    address = match.groupdict().get("address")
    email = address if address and EMAIL.fullmatch(address) and len(people) == 1 else None
    return tuple(Reporter(name=name, email=email) for name in people)


def merge_reporters(found: list[Reporter], loose_emails: list[str]) -> list[Reporter]:
    """One entry per name, keeping an e-mail where any byline gave one; a lone
    address line (`hong@yna.co.kr` under the article) goes to a sole reporter without one."""
    merged: dict[str, Reporter] = {}
    for reporter in found:
        known = merged.get(reporter.name)
        if known is None or (known.email is None and reporter.email):
            merged[reporter.name] = reporter
    people = list(merged.values())
    if len(people) == 1 and people[0].email is None and len(set(loose_emails)) == 1:
        people = [Reporter(name=people[0].name, email=loose_emails[0])]
    return people
