"""Bylines: who wrote the article and how to reach them.

Three shapes: a byline line of its own (`유진상 기자 (yjs@dailian.co.kr)`,
`/안양=장순철기자 jsc@`, `KPI뉴스 / 박상준 기자 psj@kpinews.kr`, `[한예경 기자]`);
a lead byline opening the first paragraph (`[뉴스핌=김지유 기자] …`,
`(서울=연합뉴스) 홍길동 기자 = …`, `아주경제 박재천 기자 =광명시…`), of which only
the prefix is byline; and a trailing byline after a paragraph's last sentence
(`… 밝혔다. 홍길동 기자 hong@example.com`). A cut-off (`jsc@`) or hidden
(`[email protected]`) address gives no e-mail. An outlet's credit where a byline
would stand (`[가상뉴스] 충남도는 …`, `(서울=가상뉴스) …`, `/가상뉴스` under the
article) is a byline naming nobody.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicons
from ..model import Reporter
from ..pattern_cache import compiled_re

_LEXICON = lexicons.load("bylines")
#: longest first, roles of one length in alphabetical order: the same patterns in every process, whatever
#: the hash seed, so that the pattern cache holds them (a set's order changes from one start to the next)
_ROLES = sorted(set(_LEXICON["roles"]) - set(_LEXICON["presenters"]), key=lambda role: (-len(role), role))
#: A reporter's speciality before `전문기자`, glued or set apart (`의학전문기자`, `의료/바이오 전문기자`).
_SPECIALIST = r"(?<=\s)[가-힣]{1,6}(?:/[가-힣]{1,6})?\s?전문기자"
_ROLE = "(?:" + "|".join([_SPECIALIST, *map(re.escape, _ROLES)]) + ")"
_HANGUL_NAME = r"[가-힣]{2,4}"
#: A name in Hangul, or in Chinese characters as older bylines print it before their role (`<金泰植 기자>`).
_NAME = rf"(?:{_HANGUL_NAME}|[\u4e00-\u9fff]{{2,4}})"
_NEWSROOM_SUFFIX = "(?:" + "|".join(map(re.escape, _LEXICON["newsroom_suffixes"])) + ")"
_NEWSROOM_WORD = rf"{_NEWSROOM_SUFFIX}(?![가-힣])"
#: A reporter's name, never the role word itself (`홍길동 기자 기자`, `홍길동 선임기자`) nor a newsroom's
#: department signing (`<가상일보 편집국 기자>`).
_REPORTER = rf"(?!{_ROLE})(?!{_NEWSROOM_WORD}){_NAME}"
#: Between two reporters' names: a dot or a comma, after the first one's role at most (`홍길동 기자, 김철수 기자`).
_BETWEEN_NAMES = rf"\s*(?:{_ROLE}\s*)?[·ㆍ,]\s*"
_NAMES = rf"(?P<names>{_REPORTER}(?:{_BETWEEN_NAMES}{_REPORTER})*)"
#: Reporters after a wire dateline may be set apart by spaces alone (`(서울=가상통신) 홍길동 김철수 기자 =`).
_SPACED_NAMES = rf"(?P<names>{_REPORTER}(?:(?:{_BETWEEN_NAMES}|\s+){_REPORTER})*)"
EMAIL = compiled_re(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_HIDDEN_ADDRESS = _LEXICON["hidden_address"]
_SHARED_MAILBOXES = frozenset(_LEXICON["shared_mailboxes"])
#: A cut-off address keeps what the page printed of its domain (`hong@`, `hong@exam`).
_ADDRESS = rf"(?:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]*|{_HIDDEN_ADDRESS})"
_OPEN, _CLOSE = r"[\[【(〔<]", r"[\]】)〕>]"
_MEDIA = r"[^\s/=|\[\](),]{1,15}"
_CREDIT = "(?:" + "|".join(_LEXICON["credit_prefixes"]) + ")"
_DESK_SUFFIX = "(?:" + "|".join(map(re.escape, _LEXICON["desk_suffixes"])) + ")"
_DESK = rf"[가-힣A-Za-z0-9]{{0,12}}{_DESK_SUFFIX}"
#: What may follow a byline on its line: the reporter's social handle (`<홍길동 기자 @hong_news>`), its
#: address (after a separator or a label: `홍길동 기자 / hong@…`, `홍길동 기자 ㅣ hong@…`, `홍길동 기자 (이메일: hong@…)`), closing
#: marks, separators and dashes (`- 홍길동 기자 -`), scraping residue (`˝`), a copyright notice.
#: A copyright notice the page printed on the byline's line (`홍길동 기자 hong@… ⓒ 가상일보 무단전재 …`).
_NOTICE_AFTER = r"(?:(?:[ⓒ©]|[<\[]?\s*저작권자|[Cc]opyright).*)?"
_ADDRESS_LABEL = r"(?:이메일|메일|[Ee]-?[Mm]ail)\s*[:：]?\s*"
_AFTER_NAME = (rf"(?:\s*@[A-Za-z0-9_]{{2,30}})?\s*{_CLOSE}?\s*(?:[/|·ㅣ]\s*)?"
               rf"(?:{_OPEN}?\s*(?:{_ADDRESS_LABEL})?(?P<address>{_ADDRESS})\s*{_CLOSE}?)?"
               rf"\s*{_CLOSE}?[\s|/·,˝\"'”’\-–]*{_NOTICE_AFTER}$")
#: A wire dateline before a byline of its own (`(서울=뉴스1) 홍길동 기자 | 2024-05-02 …`).
_DATELINE = rf"{_OPEN}[^\]】)〕=\n]{{1,20}}=[^\]】)〕\n]{{1,15}}{_CLOSE}"
_OPENER = "(?:" + "|".join(_LEXICON["byline_openers"]) + ")"
_LINE_OPENING = rf"^[/\s•·\-–]*{_OPENER}?(?:{_DATELINE}\s*)?{_OPEN}?\s*(?:{_CREDIT}\s*)?"

_WRITER_LABELS = frozenset(_LEXICON["writer_labels"])
#: A template's writer field (`기자명 홍길동`, `작성자 : 관리자`, `기자명 가상신문 (webmaster@…)`): a byline,
#: naming its writer if a person.
_WRITER_FIELD = compiled_re(
    rf"^[\s•·\-]*(?:{'|'.join(sorted(_WRITER_LABELS, key=lambda label: (-len(label), label)))})\s*[:：]?\s*(?P<writer>[^\s:：()<>]{{2,15}})"
    rf"(?:\s*[(<]\s*{EMAIL.pattern}\s*[)>])?\s*$")
_NEWSROOM = rf"[가-힣]{{0,8}}{_NEWSROOM_SUFFIX}"
#: An outlet's name may take a second word before the reporter's: its brand (`가상투데이 더리더 홍길동 기자`) or its
#: name in Latin letters in parentheses (`가상저널 (Virtual Journal) 홍길동 기자 | …`).
_OUTLET_SECOND_WORD = r"(?:[가-힣A-Za-z0-9]{2,12}|\([A-Za-z][A-Za-z .&'-]{1,30}\))"
#: A line that is nothing but a byline (after its timestamps are taken out); a page template may
#: print the role twice (`홍길동 기자 기자`); in brackets, the outlet's words and its place may stand before
#: the name (`[가상경제 가상판 부산(해운대)=홍길동 기자 hong@…]`).
_BYLINE_LINE = compiled_re(
    rf"{_LINE_OPENING}(?:{_MEDIA}\s*[/=]\s*|{_MEDIA}{_CLOSE}?\s+(?:{_OUTLET_SECOND_WORD}\s+)?(?:{_NEWSROOM}\s+)?(?={_NAME}\s*{_ROLE})"
    rf"|(?<={_OPEN})[^\]】)〕=\n]{{1,20}}{_CLOSE}\s*(?={_NAME}\s*{_ROLE})"
    rf"|(?<={_OPEN})[^\]】)〕=/|\n(]{{1,20}}?\([^()\n]{{1,8}}\)\s*=\s*)?{_NAMES}\s*{_ROLE}(?:\s+{_ROLE})?"
    rf"{_AFTER_NAME}"
)
#: The reporter's name before the outlet's (`진도|홍길동 가상스포츠 기자 hong@…`, `글 : 홍길동 가상월간 기자`),
#: after the place at most: read so when the name has a person's form and the outlet's word has none.
_NAME_BEFORE_OUTLET = compiled_re(
    rf"{_LINE_OPENING}(?:{_MEDIA}\s*[/=|]\s*)?(?P<names>{_HANGUL_NAME})\s+(?P<outlet>[가-힣A-Za-z0-9]{{2,12}})\s*{_ROLE}"
    rf"{_AFTER_NAME}"
)
#: A foreign reporter's name in Hangul with its Latin spelling before the role (`떤 풍(TAN PHUNG) 기자`): the
#: name whole, its syllables spaced as the language writes them.
_ROMANIZED_BYLINE = compiled_re(
    rf"{_LINE_OPENING}(?P<name>[가-힣]{{1,4}}(?:\s[가-힣]{{1,4}}){{0,3}})\s*\(\s*[A-Za-z][A-Za-z .\-]{{1,30}}\)\s*{_ROLE}"
    rf"{_AFTER_NAME}"
)
#: A byline closing the article in parentheses after words saying where the reporter works
#: (`(가상 주재 본사 홍길동 특파원)`).
#: A byline giving the reporter's address before the name (`hong@example.com 홍길동 기자`).
_ADDRESS_FIRST = compiled_re(rf"^\s*(?P<address>{EMAIL.pattern})\s+{_NAMES}\s*{_ROLE}\s*$")
_WRAPPED_BYLINE = compiled_re(rf"^\s*\(\s*[^()\n]{{1,20}}\s{_NAMES}\s*{_ROLE}\s*\)\s*$")
_SITE_WRITER = "(?:" + "|".join(map(re.escape, _LEXICON["site_writers"])) + ")"
#: A desk or outlet signing alone (`서울포커스 기자`), a newsroom department signing before its
#: timestamp (`편집부 / 2015-06-22 10:00`), or a board's administrator (`관리자`): a byline that names nobody.
_DESK_LINE = compiled_re(rf"{_LINE_OPENING}(?:{_DESK}\s*{_ROLE}{_AFTER_NAME}|{_NEWSROOM}\s*[/|]\s*$|{_SITE_WRITER}[\s|/]*$)")
#: Lead bylines, tried in order; each match ends where the article's own words begin.
_LEADS = tuple(compiled_re(pattern) for pattern in (
    # [세종=가상일보 김지유 기자], [함양/홍길동기자], [가상신문=세종/홍길동 기자], an outlet and the name split by a
    # bar (`[가상신문|홍길동 기자]`, `[가상신문ㅣ세종=홍길동 기자]`), the outlet's place in parentheses (`[가상경제(여수)=홍길동 기자]`)
    rf"^\s*{_OPEN}\s*[^\]】)〕=/|ㅣ(\n]{{1,20}}?(?:\([^()\n]{{1,8}}\))?\s*[=/|ㅣ]\s*(?:{_MEDIA}(?:\s+|\s*[=/]\s*))?{_NAMES}\s*{_ROLE}\s*{_CLOSE}\s*",
    rf"^\s*{_OPEN}\s*(?:[^\]】)〕=\n]{{1,15}}?\s+)?{_NAMES}\s*{_ROLE}\s*{_CLOSE}\s*",  # [아시아경제 박종일 기자], [홍길동 기자]
    rf"^\s*{_OPEN}(?!\s*사진)[^\]】)〕\n]{{1,20}}=\s*[가-힣A-Za-z][^\]】)〕=\n]{{1,14}}{_CLOSE}\s*(?:{_SPACED_NAMES}\s*{_ROLE}\s*=\s*)?",
    # 아주경제 박재천 기자 =, [가상뉴스] 박재천 기자 =, 가상타임즈 기자 |
    rf"^\s*(?:(?:[가-힣A-Za-z0-9]{{2,12}}\s+(?:{_OUTLET_SECOND_WORD}\s+)?|{_OPEN}\s*{_MEDIA}\s*{_CLOSE}\s*)?{_NAMES}|{_DESK})\s*{_ROLE}\s*[=|/]\s*",
    r"^\s*[가-힣A-Za-z]{1,10}\s*--\s*\([^()\n]{1,20}\)\s*--\s*",                              # 서울--(뉴스와이어)--
))
#: An outlet's name alone in brackets opening a paragraph (`[가상뉴스] 충남도는 …`).
_LEAD_CREDIT = compiled_re(r"^\s*[\[【]\s*(?P<outlet>[^\s/=|\[\]()【】]{2,15})\s*[\]】]\s*")
_SECTION_TAGS = frozenset(_LEXICON["section_tags"])
#: An outlet's credit on a line of its own under the article (`/연합뉴스`).
_CREDIT_LINE = compiled_re(r"^\s*/\s*[가-힣A-Za-z][가-힣A-Za-z0-9]{1,14}\s*$")
#: A byline closing the last paragraph (`… 밝혔다. 홍길동 기자 hong@example.com`, `… 있다. /김재욱기자`),
#: after its dateline's place (`… 말했다. 성남=홍길동기자`, `… 밝혔다. 수원/홍길동기자 hong@…`) or a wire's
#: whole dateline (`… 밝혔다. (영종도=연합뉴스) 홍길동 기자 hong@…`) at most.
_AFTER_SENTENCE = r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))"
_TRAILING_PLACE = r"(?:/\s*|[가-힣]{1,6}\s*[/=]\s*)?"
_TRAILING = compiled_re(rf"{_AFTER_SENTENCE}\s*(?:{_DATELINE}\s*)?{_TRAILING_PLACE}{_OPEN}?\s*{_NAMES}\s*{_ROLE}{_AFTER_NAME}")
#: ...or, with its address, after the outlet's name at most (`… 밝혔다. 가상일보 가상뉴스 홍길동 기자 hong@…`), followed
#: by what a page run together prints under the article (`…밝혔습니다.홍길동기자 hong@example.com가상TV 핫뉴스…`).
_OUTLET_WORDS = r"(?:[가-힣A-Za-z]{2,10}\s+){0,2}"
_TRAILING_ADDRESSED = compiled_re(
    rf"{_AFTER_SENTENCE}\s*{_TRAILING_PLACE}{_OPEN}?\s*{_OUTLET_WORDS}{_NAMES}\s*{_ROLE}\s*{_OPEN}?\s*(?P<address>{EMAIL.pattern})")
#: Bylines that sign without `기자`, where something else shows a byline: the outlet in
#: brackets (`[아시아경제 전세종 ]`), an address (`전국팀 전세종 sejong108@asiae.co.kr`, `<홍길동 hong@…>`), or
#: (`stamped`) a timestamp on the same line (`입력 2018년02월19일 23시16분 민일녀`).
_UNSIGNED = (
    compiled_re(rf"^\s*{_OPEN}\s*{_MEDIA}\s+(?P<names>{_NAME})\s*{_CLOSE}\s*$"),
    compiled_re(rf"^\s*{_OPEN}?\s*(?:{_DESK}\s+)?(?P<names>{_NAME})\s*{_OPEN}?\s*(?P<address>{EMAIL.pattern})\s*{_CLOSE}?"
               r"\s*(?:[ⓒ©].*)?$"),
)
_ISSUER_SUFFIX = "(?:" + "|".join(map(re.escape, lexicons.load("titles")["organization_suffixes"])) + ")"
#: An outlet, a desk or the body issuing a release, named in full beside a timestamp (`가상뉴스 |`,
#: `온라인뉴스팀 /`, a government portal's `2014.08.19 문화체육관광부`), not a section (`경제 /`).
_STAMPED_DESK = compiled_re(rf"^[\s|/·•]*(?:[가-힣A-Za-z0-9]{{1,12}}{_DESK_SUFFIX}|{_NEWSROOM}"
                           rf"|[가-힣A-Za-z0-9]{{3,20}}{_ISSUER_SUFFIX})[\s|/·]*$")
_BARE = compiled_re(rf"^[\s|/·]*(?P<names>{_NAME})[\s|/·]*$")
#: The photographer's address closing a caption (`…있다. 2019.10.09. photo@example.com`).
_TRAILING_ADDRESS = compiled_re(rf"(?<=\s)(?P<address>{_ADDRESS})[\s˝|]*$")
_SIGN_OFFS = tuple(compiled_re(pattern) for pattern in _LEXICON["sign_offs"])
_LONE_ADDRESS = compiled_re(rf"^[\s/]*{_OPEN}?\s*(?P<address>{EMAIL.pattern}|{_HIDDEN_ADDRESS})\s*{_CLOSE}?[\s|]*$")


@dataclass(frozen=True, slots=True)
class Byline:
    reporters: tuple[Reporter, ...]
    start: int  # where the byline begins in its line
    end: int  # where it ends: for a lead byline, where the body text starts


def byline_line(line: str) -> Byline | None:
    """The reporters of a line that is only a byline (`유진상 기자 (yjs@…)`, `[한예경 기자]`,
    `KBS 뉴스 이수진입니다.`, `기자명 홍길동`; none for a desk's `온라인뉴스팀 기자`, an outlet's `/연합뉴스`
    or a writer field naming no person, `기자명 가상일보`), else None."""
    writer = _WRITER_FIELD.match(line)
    if writer:
        return Byline((Reporter(name=writer["writer"]),) if _personal_name(writer["writer"]) else (), 0, len(line))
    if _DESK_LINE.match(line):
        return Byline((), 0, len(line))
    romanized = _ROMANIZED_BYLINE.match(line)
    if romanized:
        return Byline((Reporter(name=romanized["name"], email=readable_email(romanized["address"])),), 0, len(line))
    before_outlet = _NAME_BEFORE_OUTLET.match(line)
    if before_outlet and _personal_name(before_outlet["names"]) and not lexicons.korean_name_form(before_outlet["outlet"]):
        return Byline(_reporters(before_outlet), 0, len(line))
    match = (_BYLINE_LINE.match(line) or _WRAPPED_BYLINE.match(line) or _ADDRESS_FIRST.match(line)
             or next(filter(None, (sign_off.match(line.strip()) for sign_off in _SIGN_OFFS)), None))
    if match:
        return Byline(_reporters(match), 0, len(line))
    return Byline((), 0, len(line)) if _CREDIT_LINE.match(line) else _bylines_side_by_side(line)


#: Between bylines set side by side on one line (`글=홍길동 기자 / 사진=김철수 기자`, `홍길동 기자 hong@…, 김철수 기자 kim@…`).
_BYLINE_SEPARATOR = compiled_re(r"\s+[/|]\s+|,\s+")


def _bylines_side_by_side(line: str) -> Byline | None:
    """The reporters of a line of two or more bylines, each a byline line of its own, else None."""
    cells = _BYLINE_SEPARATOR.split(line)
    matches = [_BYLINE_LINE.match(cell) for cell in cells] if len(cells) > 1 else [None]
    if not all(matches):
        return None
    return Byline(tuple(reporter for match in matches for reporter in _reporters(match)), 0, len(line))


def unsigned_byline(line: str, stamped: bool) -> Byline | None:
    """A byline naming its reporter without `기자` (see `_UNSIGNED`), or the outlet or desk beside a
    timestamp (`가상뉴스 | 2021-03-02 15:15`), which names nobody; else None."""
    for pattern in (*_UNSIGNED, _BARE) if stamped else _UNSIGNED:
        match = pattern.match(line)
        if _signs(match):
            return Byline(_reporters(match), 0, len(line))
    return Byline((), 0, len(line)) if stamped and _STAMPED_DESK.match(line) else None


def lead_byline(line: str) -> Byline | None:
    """The byline prefix opening a paragraph (`[뉴스핌=김지유 기자] …`), else None."""
    for pattern in _LEADS:
        match = pattern.match(line)
        if match and match.end() < len(line.rstrip()):
            return Byline(_reporters(match), 0, match.end())
    return None


def lead_credit(line: str) -> Byline | None:
    """An outlet's name in brackets opening a line (`[가상뉴스] …`), a byline naming nobody, else
    None. Section tags take the same form (`[단독]`): the caller checks that a paragraph follows."""
    match = _LEAD_CREDIT.match(line)
    if not match or match["outlet"] in _SECTION_TAGS or match.end() >= len(line.rstrip()):
        return None
    return Byline((), 0, match.end())


#: ...or in brackets with its address and no role (`…밝혔다.<홍길동 hong@example.com>`).
_TRAILING_UNSIGNED = compiled_re(rf"{_AFTER_SENTENCE}\s*{_OPEN}\s*(?P<names>{_NAME})\s+(?P<address>{EMAIL.pattern})\s*{_CLOSE}\s*$")


def trailing_byline(line: str) -> Byline | None:
    """The byline after the last sentence of a paragraph (`… 했다. 홍길동 기자 hong@…`), else None."""
    unsigned = _TRAILING_UNSIGNED.search(line)
    match = _TRAILING.search(line) or _TRAILING_ADDRESSED.search(line) or (unsigned if _signs(unsigned) else None)
    if not match:
        return None
    start = match.start() + len(match.group()) - len(match.group().lstrip())
    return Byline(_reporters(match), start, len(line))


_HANDOFFS = tuple(compiled_re(pattern) for pattern in _LEXICON["handoffs"])


def handoff(line: str) -> tuple[Reporter, ...]:
    """The reporter an anchor hands over to at the close of a sentence (`…현장을 홍길동 기자가 다녀왔습니다.`):
    the anchor's words stay the article's; the name, of a Korean name's form, is the report's byline,
    spaced as the broadcaster spaced it (`김 석`)."""
    match = next(filter(None, (pattern.search(line) for pattern in _HANDOFFS)), None)
    signs = match and (_personal_name(match["names"]) or lexicons.spaced_two_syllable_name(match["names"]))
    return (Reporter(name=match["names"]),) if signs else ()


#: A transcript's cue for its presenter (`홍길동 앵커>`): no byline, though it names a person of the article.
_PRESENTER_CUE = compiled_re(
    rf"^\s*(?P<name>{_HANGUL_NAME})\s*(?:{'|'.join(map(re.escape, _LEXICON['presenters']))})\s*>\s*$")


def presenter_cue(line: str) -> tuple[int, int] | None:
    """Where a presenter's cue line (`홍길동 앵커>`) names the presenter, else None."""
    match = _PRESENTER_CUE.match(line)
    return match.span("name") if match else None


def trailing_address(line: str) -> Byline | None:
    """The address closing a caption line, a byline naming nobody, else None."""
    match = _TRAILING_ADDRESS.search(line)
    return Byline((), match.start(), len(line)) if match else None


def lone_address(line: str) -> str | None:
    """The address of a line holding only an e-mail address (`hong@yna.co.kr`, or one the
    page hid: `[email protected]`) as written, else None."""
    match = _LONE_ADDRESS.match(line)
    return match["address"] if match else None


def readable_email(address: str | None) -> str | None:
    return address if address and EMAIL.fullmatch(address) else None


def personal_addresses(line: str) -> list[str]:
    """The e-mail addresses in a line that may be a reporter's: not a desk's or the site's (`jebo@…`)."""
    return [address for address in EMAIL.findall(line) if address.split("@")[0].lower() not in _SHARED_MAILBOXES]


#: A name alone on its line, after a writer's label or the outlet's name at most (`- 구동우`,
#: `기자명 홍길동`, `• 가상일보 홍길동`).
#: A label is a word, not a phrase ending in a particle (`일정을 마치고` is a wrapped sentence's line).
_LONE_NAME = compiled_re(rf"(?P<label>[가-힣A-Za-z0-9]{{2,15}}(?<![을를은는의에])\s*[:：]?\s+)?(?P<name>{_HANGUL_NAME})")


def bare_name(line: str) -> str | None:
    """The name of a line holding nothing but a name, after a writer's label or the outlet's name at most
    (then a Korean name's form: `이번 행사` names nobody). A role alone is a label (`취재기자` over the address)."""
    match = _LONE_NAME.fullmatch(line.strip(" \t-•·|"))
    if not match or re.fullmatch(f"{_DESK}|{_NEWSROOM}|{_ROLE}", match["name"]):
        return None
    return match["name"] if not match["label"] or lexicons.korean_name_form(match["name"]) else None


#: A reporter's name closed by a comma, after the dateline's place at most (`안양=남상인,`).
_NAME_BEFORE_COMMA = compiled_re(rf"^\s*(?:[^\s=]{{1,10}}\s*=\s*)?(?P<name>{_NAME})\s*,\s*$")


def name_before_comma(line: str) -> str | None:
    """The name of a line holding a reporter's name and a comma, a byline going on below, else None."""
    match = _NAME_BEFORE_COMMA.match(line)
    return match["name"] if match and lexicons.korean_name_form(match["name"]) else None


def is_writer_label(line: str) -> bool:
    """A board's label over its poster's name (`- 작성자` / `- 홍길동`)."""
    return line.strip(" \t-•·|:：") in _WRITER_LABELS


def _signs(match: re.Match | None) -> bool:
    """A byline without its role names a person: a Korean name's form, or a name in Chinese characters
    (whose form no census list tells), not a desk's (`홍보과`), and a personal address if any (`<문의처 help@…>`
    names nobody)."""
    if match is None:
        return False
    name, address = match["names"], match.groupdict().get("address")
    return (_personal_name(name) or not re.search("[가-힣]", name)) and not (address and not personal_addresses(address))


def _personal_name(name: str) -> bool:
    """A Korean name's form that is no desk's or office's name (`홍보과`, `편집부`)."""
    return lexicons.korean_name_form(name) and not re.fullmatch(f"{_DESK}|{_NEWSROOM}", name)


def _reporters(match: re.Match) -> tuple[Reporter, ...]:
    names = match.groupdict().get("names")
    if not names:
        return ()
    people = re.split(rf"{_BETWEEN_NAMES}|\s+", names)
    email = readable_email(match.groupdict().get("address")) if len(people) == 1 else None
    return tuple(Reporter(name=name, email=email) for name in people)


def merge_reporters(found: list[Reporter], loose_emails: list[str]) -> list[Reporter]:
    """One entry per name, keeping an e-mail where any byline gave one; a loose address
    (a line `hong@yna.co.kr` under the article, a closing credit `◎공감언론 뉴시스 hong@…`)
    goes to a sole reporter without one when it is the only one."""
    merged: dict[str, Reporter] = {}
    for reporter in found:
        known = merged.get(reporter.name)
        if known is None or (known.email is None and reporter.email):
            merged[reporter.name] = reporter
    people = list(merged.values())
    if len(people) == 1 and people[0].email is None and len(set(loose_emails)) == 1:
        people = [Reporter(name=people[0].name, email=loose_emails[0])]
    return people
