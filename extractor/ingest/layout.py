"""Plain text laid out in zones (headline, deck, byline, timestamps, captions,
body, furniture) and the metadata they carry (title, subtitles, reporters,
published, modified). The text itself is never altered: every character
belongs to exactly one zone.

The page is read line by line, as an editor would: widgets and copyright
lines are furniture, and a copyright line under the article closes it (what
the page prints below it is furniture too); lines made only of bylines and
timestamps are metadata (a site header's date, away from any byline, is
furniture), as is a labelled timestamp glued to a line of text; `▲…` lines and
lines ending in a photo credit or a photo desk's date stamp are captions; the
first line that reads as prose (a finished sentence, or a paragraph opening
with a lead byline) starts the body, and the short lines above it are the
headline and its decks. A byline may also open a paragraph or a caption
(`[서울=뉴스핌] 홍길동 기자 = …`) or close the last paragraph (`… 밝혔다. 홍길동
기자 hong@…`): only that part of the line is byline.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .. import lexicons
from ..document import Document, Zone
from ..learned import load_model
from ..model import Reporter
from ..pattern_cache import compiled_re
from . import furniture, headline_evidence
from .byline import (
    Byline,
    bare_name,
    byline_line,
    handoff,
    is_writer_label,
    lead_byline,
    lead_credit,
    lone_address,
    merge_reporters,
    name_before_comma,
    personal_addresses,
    presenter_cue,
    readable_email,
    trailing_address,
    trailing_byline,
    unsigned_byline,
)
from .timestamp import Stamp, find_stamps, full_year, opening_stamp, under_label

_LINE = compiled_re(r"[^\n]*\n|[^\n]+$")
_CLOSING_MARKS = r"\s*[\"'”’)\]]*\s*$"
#: A Korean sentence ending closing the line (`…밝혔다.`, `…했어요`): what a photo caption's noun phrase lacks.
_KOREAN_SENTENCE_END = compiled_re(rf"(?:다|요|죠|까)\s*[.!?]?{_CLOSING_MARKS}")
#: A finished sentence: a Korean sentence ending, or a full stop after enough words.
_SENTENCE_END = compiled_re(rf"{_KOREAN_SENTENCE_END.pattern}|[.!?]{_CLOSING_MARKS}")
#: A Korean sentence closed by a full stop (`…밝혔다.`): prose at any length; headlines have no full stop.
_FULL_STOP = compiled_re(r"[다요죠까]\s*\.\s*[\"'”’)\]]*\s*$")
#: A sentence in the polite speech of a broadcast or a notice (`…확인됐습니다.`, `…기억하시죠?`), outside
#: quotation marks: no headline speaks so.
_POLITE_SENTENCE = compiled_re(r"(?:니다|죠)\s*[.?!]$")
#: Paragraph marks of government press releases (`□ 안양시는…`, `ㅇ 이번 …`).
_BODY_MARK = compiled_re(r"^\s*[□○◦ㅇ◎]\s")
_BYLINES = lexicons.load("bylines")
#: The article's tools and counters (print, scrap, views) beside its timestamp, which make it the article's.
_ARTICLE_TOOLS = compiled_re("|".join(f"(?:{p})" for p in _BYLINES["article_tools"]))
#: Those, and the other buttons sitting beside bylines and timestamps.
_META_NOISE = compiled_re("|".join(f"(?:{p})" for p in _BYLINES["article_tools"] + _BYLINES["byline_noise"]))
_SEPARATORS = compiled_re(r"[|·/,\s•\-\[\]()【】]+")
#: Bullets and bars that may stand before a line's first word.
_LINE_MARKS = " \t•·|"
_CELL_BORDER = compiled_re(r"[|│]")
_LEFT_AFTER_TEXT = " \t|│,"
#: The headline's own form: a catchphrase in quotes (`'대박조짐' …`) or its subject before a comma
#: (`진안군, 홍삼축제 개막`); a deck goes on from the headline without restating its subject.
_HEADLINE_FORM = compiled_re(r"^\s*(?:['‘\"“][^'’\"”\n]{1,20}['’\"”]|[^,…·\s][^,…·]{1,20},\s)")
#: Shorter lines above the body are section tags and buttons (`속보`), not headlines.
_MIN_HEADLINE_CHARS = 6
#: A headline is rarely longer than this; a longer opening line is a summary deck.
_MAX_TITLE_CHARS = 80
_MIN_PROSE_CHARS = 25
#: A sentence-like line longer than this, even without a full stop, is no headline.
_MAX_HEADLINE_SENTENCE_CHARS = 50
#: A list entry's bullet before a short line (`• 세계의 경찰, 한국을 배우러 왔다.`).
_LISTED_HEADLINE = compiled_re(rf"^•\s*[^•\n]{{1,{_MAX_HEADLINE_SENTENCE_CHARS}}}$")
_LONG_PARAGRAPH_CHARS = 150
#: A quotation runs on over at most this many lines.
_MAX_QUOTE_LINES = 3
_LETTERS = compiled_re(r"[가-힣A-Za-z]+")
#: A Korean word beside a date on its line: an outlet's name, a menu (`2024-04-22  가상투데이`).
_HANGUL = compiled_re(r"[가-힣]")
#: A hard-wrapped text's lines are at most this long (a broadcast script's or an archive's column)...
_MAX_WRAPPED_LINE_CHARS = 40
#: ...a sentence runs over at most this many of them...
_MAX_WRAPPED_LINES = 6
#: ...and the text wraps at least this many sentences so.
_MIN_WRAPPED_SENTENCES = 2
#: A counter beside the article's buttons: a bare number on a line of its own (views, likes, comments).
_COUNTER = compiled_re(r"^\s*[\d,]+\s*$")
#: The lead's day in full (`2026년 2월 27일`, `2026. 2. 27.`), told in the past tense, not opening a
#: range nor looked back or forward to (`지난`, `오는`).
_FULL_DATE = compiled_re(r"(?<![\d.])(?:(?P<year>(?:19|20)\d\d)|[‘'’](?P<short_year>\d\d)(?=\s*년))\s*(?:년|\.)"
                        r"\s*(?P<month>\d{1,2})\s*(?:월|\.)\s*(?P<day>\d{1,2})(?:일|\.)?(?!\d)")
_LEAD_SENTENCE = compiled_re(r"\s*\S.*?[다요]\s*\.(?=\s|$)", re.DOTALL)
#: A verb's past-tense syllable (`했`, `밝혔`, `왔`).
_PAST = "(?:었|았|였|했|혔|됐|졌|왔|갔|웠|렸|겼|쳤)"
_PAST_TENSE = compiled_re(rf"{_PAST}(?:다|습니다)\s*\.$")
#: The reporting clause closing a lead (`…연다고 4일 밝혔다.`, `…맺었다고 4일 전했다.`), its quoted clause in the
#: past tense or not.
_REPORT_DAY = compiled_re(rf"(?P<past>{_PAST}(?=다고))?(?:다|라)고\s*(?P<day>\d{{1,2}})일\s*"
                         r"(?:밝혔|전했|말했|발표했|설명했|알렸)(?:다|습니다)\s*\.$")
_RANGE_AFTER = compiled_re(r"\s*(?:\([월화수목금토일]\)\s*)?(?:부터|까지|[~∼\-–])")
_RELATIVE_BEFORE = compiled_re(r"(?:지난|오는)\s*$")
_RANGE_MARKS = ("~", "∼", "-", "–", "부터")
#: A headline and its deck printed on one line, parted by a dash (the deck closed by one at most).
_JOINED_DECK = compiled_re(r"(?P<headline>\S.*?)\s+[-–—]\s+(?P<deck>\S.*?)(?:\s+[-–—])?\s*$")
#: Where the header holds more lines than a headline and its decks, the lines above the first restating
#: this share of its pairs of letters from the article are other stories' headlines...
_MIN_SHARED_PAIRS = 0.3
_MAX_HEADLINE_AND_DECKS = 3
#: ...and under the headline a line sharing fewer is the page's (a widget, the outlet's name), not a deck:
#: decks restate the article's words, though they may add some of their own.
_MIN_DECK_SHARED_PAIRS = 0.15
#: ...judged only against an article of at least this many pairs of letters (a few sentences).
_MIN_ARTICLE_PAIRS = 80
#: A line above a lead byline sharing this share of its pairs of letters with the lead sentence restates it.
_MIN_LEAD_RESTATED_PAIRS = 0.7
#: An unsigned timestamp under at most this many lines of text (headline, deck, outlet) is the article's.
_MAX_LINES_ABOVE_STAMP = 3
#: A deck as press releases print it under the headline, opened by a dash (`-판문점 등 방문, 호평`).
_DASHED_DECK = compiled_re(r"^\s*[-–—ㅡ]\s*[가-힣A-Za-z0-9‘'\"“]")
#: A photo's scene in the present progressive closing its sentence (`…서명하고 있다.`).
_SCENE = compiled_re(r"고\s*있다\.\s*$")
#: A board view's words standing before its date or after it and its byline, in a page flattened onto one line.
_VIEW_WORDS_BEFORE = compiled_re(rf"(?:\s*{furniture.VIEW_WORDS})+\s*$")
_VIEW_WORDS_AFTER = compiled_re(rf"(?:\s*{furniture.VIEW_WORDS})+")
_FLAT_BYLINE = compiled_re(r"\s*[가-힣]{2,4}\s?기자(?![가-힣])")
#: A finished sentence inside a line's words (`…밝혔다. `): prose, no headline.
_SENTENCE_INSIDE = compiled_re(r"[다요]\.(?:\s|$)")
#: A day of the week beside a date (`(목)`, `목요일`), as a site's clock prints it.
_WEEKDAY_MARK = compiled_re(r"[(（]\s*[월화수목금토일]|[월화수목금토일]요일")


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # end of the line's characters, before its line break
    stop: int  # after its line break
    text: str
    kind: str = "text"  # blank, furniture, meta, caption, text; later headline, deck, body
    stamps: list[Stamp] = field(default_factory=list)
    signed: bool = False  # a meta line holding a byline or an address, not only timestamps
    beside_tools: bool = False  # a meta line's timestamps sit beside the article's tools (print, scrap, views)
    reporters: tuple[Reporter, ...] = ()
    email: str | None = None
    lead_end: int = 0  # length of a lead byline prefix opening the line
    tail_start: int = 0  # where a trailing byline closing the line begins (0: none)
    quote_runs_on: bool = False  # a quotation opened on the line closes on the lines below
    wrapped: bool = False  # one of the short lines a hard-wrapped sentence runs over


def analyse_layout(text: str, *, id: str, source: str | None = None, title_hint: str | None = None) -> Document:
    """`title_hint` is the headline when known from elsewhere (an HTML page's title)."""
    lines = _classify(text)
    title, decks, body_start = _rules_headline(lines, title_hint)
    if title_hint is None:
        title, body_start = _ranked_headline(lines, body_start, title)
    decks = [deck for deck in decks if not (title and _same(deck.text, title.text))]
    decks = _mark_headline(lines, title, decks)
    _mark_body(lines, body_start)
    published, modified, dated = _timestamps(lines)
    headline, joined_deck = _joined_deck(_label(title))
    return Document(
        text=text, id=id, source=source, zones=_zones(lines),
        title=headline, subtitles=joined_deck + [_label(line) for line in decks],
        reporters=_reporters(lines), published=published, modified=modified,
        reference_date=dt.date.fromisoformat(dated[:10]) if dated else None,
        contacts=[(line.start + start, line.start + end) for line in lines if line.kind == "furniture"
                  for start, end in _people_named(line.text)],
    )


def _people_named(text: str) -> list[tuple[int, int]]:
    """Where a furniture line names people: a contact line its officers, a transcript's cue its presenter."""
    cue = presenter_cue(text)
    return furniture.contact_names(text) + ([cue] if cue else [])


def lead_day(document: Document) -> dt.date | None:
    """The day a lead sentence gives in full to what it reports in the past tense (`가상부는 2026년
    2월 27일, … 공모를 발표했다.`, the year abbreviated at most: `‘16년 3월 24일`): how a press release that prints no date of its own is dated. Not a
    day it looks back to (`지난 …`) or forward to (`오는 …`), nor a range's first day."""
    body = next((zone for zone in document.zones if zone.kind == "body"), None)
    sentence = _LEAD_SENTENCE.match(document.text, body.start, body.end) if body else None
    if not sentence or not _PAST_TENSE.search(sentence.group()):
        return None
    day = _FULL_DATE.search(sentence.group())
    if not day or _RANGE_AFTER.match(sentence.group(), day.end()) or _RELATIVE_BEFORE.search(sentence.group(), 0, day.start()):
        return None
    try:
        told = dt.date(full_year(day["year"] or day["short_year"]), int(day["month"]), int(day["day"]))
    except ValueError:
        return None
    return _reported_on(told, sentence.group())


def _reported_on(told: dt.date, sentence: str) -> dt.date | None:
    """The day of the report when the lead reports on another day of the same month (`가상시는 2019년 3월
    5일 … 협약식을 연다고 4일 밝혔다`: the 4th): before a day it announces, after a day it looks back on;
    none when the days say otherwise (another month)."""
    report = _REPORT_DAY.search(sentence)
    if report is None or int(report["day"]) == told.day:
        return told
    reported, looked_back = int(report["day"]), bool(report["past"])
    if (reported > told.day) != looked_back:
        return None
    try:
        return told.replace(day=reported)
    except ValueError:
        return None


def _classify(text: str) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(text):
        content = match.group().rstrip("\n")
        line = _Line(match.start(), match.start() + len(content), match.end(), content.rstrip("\r"))
        _classify_line(line)
        lines += _unglued(line)
    _pair_bare_names(lines)
    _join_split_bylines(lines)
    _mark_running_quotes(lines)
    _mark_hard_wrapped_sentences(lines)
    _label_stamps_under_labels(lines)
    _mark_list_tails(lines)
    _close_at_copyright(lines)
    _mark_captions_after_images(lines)
    _sign_last_paragraph(lines)
    _drop_loose_stamps(lines)
    _mark_page_description(lines)
    return lines


def _classify_line(line: _Line) -> None:
    text = line.text
    blank = not text.strip()
    stamps = [] if blank else find_stamps(text)  # read once, for a metadata line and a closing byline alike
    if blank:
        line.kind = "blank"
    elif _read_meta(line, stamps):
        line.kind = "meta"
    elif furniture.is_furniture(text) or presenter_cue(text):
        line.kind = "furniture"
    else:
        lead = lead_byline(text) or _lead_credit(text)
        if lead:
            line.lead_end, line.reporters = lead.end, lead.reporters
        if furniture.is_caption(text) or (lead and _is_dateline_caption(lead.reporters, text[lead.end:])):
            line.kind = "caption"
            address = trailing_address(text)
            line.tail_start = address.start if address and address.start > line.lead_end else 0
        elif not lead:
            _read_trailing_byline(line, stamps)


def _unglued(line: _Line) -> list[_Line]:
    """A labelled timestamp opening a line of words (`date 2025-10-03 “…”`, `입력 2024.05.02
    10:15 가상시는 …`) is a metadata line the page's scraper glued to them: two lines."""
    stamp = opening_stamp(line.text, _LINE_MARKS) if line.kind in ("text", "caption") else None
    if stamp is None:
        return _unflattened(line)
    if not line.text[stamp.end:].strip():
        return [line]
    cut = len(line.text) - len(line.text[stamp.end:].lstrip())
    head = _Line(line.start, line.start + cut, line.start + cut, line.text[:cut])
    tail = _Line(line.start + cut, line.end, line.stop, line.text[cut:])
    for part in (head, tail):
        _classify_line(part)
    return [head, tail]


def _unflattened(line: _Line) -> list[_Line]:
    """A page flattened onto one line (`headline 2014-06-03 홍길동 기자 가상대는 …`, a board's `headline
    페이지 정보 작성자 … 작성일2012.01.09 댓글0건 본문 …`): its headline, the view's words, its date with
    the byline and the article's sentences as lines of their own."""
    stamps = find_stamps(line.text) if line.kind == "text" and len(line.text) > _MAX_TITLE_CHARS else []
    if not stamps:
        return [line]
    stamp = stamps[0]
    before = _VIEW_WORDS_BEFORE.search(line.text, 0, stamp.start)
    head_end = before.start() if before else stamp.start
    headline = line.text[:head_end].rstrip()
    byline = _FLAT_BYLINE.match(line.text, stamp.end)
    meta_end = byline.end() if byline else stamp.end
    after = _VIEW_WORDS_AFTER.match(line.text, meta_end)
    body_start = after.end() if after else meta_end
    body = line.text[body_start:]
    if not (byline or before or after or stamp.field):  # a day in a sentence (`가상시는 2024.5.2 열린 …`)
        return [line]
    if (len(headline) > _MAX_TITLE_CHARS or not _headline_length(headline) or _SENTENCE_INSIDE.search(headline)
            or not _SENTENCE_INSIDE.search(body) or not body[:1].isspace()):
        return [line]
    cuts = [0, len(headline), stamp.start, meta_end, body_start + len(body) - len(body.lstrip()), len(line.text)]
    parts = []
    for start, end in zip(cuts, cuts[1:]):
        if line.text[start:end].strip():
            part = _Line(line.start + start, line.start + end, line.start + end, line.text[start:end])
            _classify_line(part)
            parts.append(part)
    parts[-1].stop = line.stop
    for part in parts[1:-1]:
        if part.kind != "meta":
            part.kind, part.stamps = ("meta", find_stamps(part.text)) if find_stamps(part.text) else ("furniture", [])
    return parts


def _lead_credit(text: str) -> Byline | None:
    """An outlet's name in brackets opening a paragraph (`[가상뉴스] 충남도는 … 밝혔다.`); a
    section tag opening a headline (`[단독] 가상시, …`) has no full stop after it, and a
    photo's mark (`[사진] …`) is no outlet."""
    credit = lead_credit(text)
    if credit is None or furniture.is_caption(text[:credit.end]):
        return None
    rest = text[credit.end:].strip()
    return credit if _FULL_STOP.search(rest) or len(rest) >= _LONG_PARAGRAPH_CHARS else None


def _is_dateline_caption(reporters: tuple[Reporter, ...], rest: str) -> bool:
    """A wire photo's caption: a dateline naming no reporter over a noun phrase closed by
    a full stop (`【진주=뉴시스】 남강변 야시장 야경.`), where a paragraph would go on with a sentence."""
    return not reporters and rest.rstrip().endswith(".") and not _KOREAN_SENTENCE_END.search(rest)


def _read_trailing_byline(line: _Line, stamps: list[Stamp]) -> None:
    """A byline closing the paragraph, and the labelled timestamp after it if any (`… 밝혔다. 홍길동기자
    hong@… 입력시간 : 2004-07-04 17:30`); `stamps` are the line's timestamps."""
    closing = stamps[-1] if stamps and stamps[-1].field and not line.text[stamps[-1].end:].strip() else None
    trailing = trailing_byline(line.text[:closing.start] if closing else line.text)
    if trailing and trailing.start > 0:
        line.tail_start, line.reporters = trailing.start, trailing.reporters
        line.stamps = [closing] if closing else []
    else:
        line.reporters = handoff(line.text)


def _read_meta(line: _Line, stamps: list[Stamp]) -> bool:
    """True when the line holds only bylines, e-mail addresses and timestamps (beside
    page furniture or a section name in table cells: `보도자료 | 배포일시 … | 담당부서 …`,
    `뉴스종합| 2021-03-02 09:15`); `stamps` are the line's timestamps."""
    rest = line.text
    for stamp in reversed(stamps):
        rest = rest[:stamp.start] + " " + rest[stamp.end:]
    if _META_NOISE.search(rest):  # the tools are noise too: a line without noise, most, is scanned once
        line.beside_tools, rest = bool(_ARTICLE_TOOLS.search(rest)), _META_NOISE.sub(" ", rest)
    if stamps:
        rest = " ".join(cell for cell in _CELL_BORDER.split(rest)
                        if not (furniture.is_furniture(cell) or furniture.is_section_name(cell)))
    if stamps and not _SEPARATORS.sub("", rest):
        line.stamps = stamps
        return True
    address = lone_address(rest)
    byline = None if address else (byline_line(rest) or unsigned_byline(rest, stamped=bool(stamps))
                                   or _word_beside_labelled_stamp(stamps, rest))
    if not (address or byline):
        line.stamps = stamps if _credit_beside_date(stamps, rest) else []
        return bool(line.stamps)
    line.stamps, line.signed, line.email = stamps, True, readable_email(address)
    line.reporters = byline.reporters if byline else ()
    return True


def _credit_beside_date(stamps: list[Stamp], rest: str) -> bool:
    """One word beside a bare date (`2011-04-22     가상투데이`): the outlet credited beside the article's
    day, a date line like a byline's; whether it is the article's is told where it stands (see
    `_drop_loose_stamps`). A section's name there (`경제 / 2019-09-03 14:05`) is navigation."""
    words = _SEPARATORS.sub(" ", rest).split()
    return (bool(stamps) and all(stamp.field is None for stamp in stamps) and len(words) == 1
            and not furniture.is_section_name(words[0]))


def _word_beside_labelled_stamp(stamps: list[Stamp], rest: str) -> Byline | None:
    """One word beside a labelled timestamp (`가상 | 입력 : 2025/07/18 [01:22]`): a writer's pen name or the
    outlet's, which the label shows to be the article's metadata; a byline naming no reporter."""
    signs = any(stamp.field for stamp in stamps) and len(_SEPARATORS.sub(" ", rest).split()) == 1
    return Byline((), 0, len(rest)) if signs else None


def _pair_bare_names(lines: list[_Line]) -> None:
    """A lone name is a byline above an address line (`박상준` / `psj@… | 2024-06-19 08:08`),
    above a timestamp with its time (`홍길동` / `| 2011-06-26 15:52:00`), or under a board's
    writer label (`- 작성자` / `- 홍길동`), or between the headline and the first paragraph."""
    for index, (above, line, following) in enumerate(zip([None, *lines], lines, [*lines[1:], None])):
        name = bare_name(line.text) if line.kind == "text" else None
        if name is None or following is None:
            continue
        if following.kind == "meta" and following.email:
            line.reporters, following.email = (Reporter(name=name, email=following.email),), None
        elif (_signs_timestamp(name, following) or (above is not None and is_writer_label(above.text))
              or _signs_under_headline(lines, index, name)):
            line.reporters = (Reporter(name=name),)
        else:
            continue
        line.kind, line.signed = "meta", True


def _join_split_bylines(lines: list[_Line]) -> None:
    """A byline the page split after a comma (`안양=남상인,` / `안양=김동우 기자`): the first
    reporter signs with the second."""
    for line, following in zip(lines, lines[1:]):
        name = name_before_comma(line.text) if line.kind == "text" else None
        if name and following.kind == "meta" and following.reporters:
            line.kind, line.signed, line.reporters = "meta", True, (Reporter(name=name),)


def _signs_under_headline(lines: list[_Line], index: int, name: str) -> bool:
    """`…자매도시 7곳으로 늘어` / `홍길동` / `가상시는 … 추가됐다.`: a name alone between a headline (or its
    deck) and the first paragraph signs the article, unless either names it (a person the article is about,
    a common noun of the name's form: `연수단`)."""
    above, below = _neighbour_index(lines, index, -1), _neighbour_index(lines, index, 1)
    if above is None or below is None or not lexicons.korean_name_form(name):
        return False
    headline, lead = lines[above], lines[below]
    return (headline.kind == "text" and _headline_length(headline.text) and not _is_prose(headline, may_be_headline=True)
            and lead.kind == "text" and _is_prose(lead) and name not in headline.text + lead.text)


def _signs_timestamp(name: str, following: _Line) -> bool:
    return (following.kind == "meta" and not following.signed and lexicons.korean_name_form(name)
            and any(stamp.has_time for stamp in following.stamps))


def _label_stamps_under_labels(lines: list[_Line]) -> None:
    """A date under a label line of its own (a release table's `배포일시` / `2024. 5. 2.(목)`,
    `입력` / `2022.06.21 15:00`, a board's `- 작성일자` / `- 2014-07-09`) is labelled by it."""
    for line, following in zip(lines, lines[1:]):
        if line.kind in ("furniture", "text") and following.kind == "meta" and following.stamps:
            following.stamps = under_label(following.stamps, furniture.trimmed(line.text))


def _mark_list_tails(lines: list[_Line]) -> None:
    """The entries under a related-articles header are furniture, up to the next paragraph of prose.
    A list the page prints above the article (`많이 본 뉴스`, `실시간 뉴스`) ends at the article's
    headline: the first entry in the words of the prose below it, or standing over the article's
    byline or timestamp."""
    first_prose = next((index for index, line in enumerate(lines) if line.kind == "text" and _is_prose(line)),
                       len(lines))
    article = _ArticleWords(lines[first_prose:])
    in_list = False
    for index, line in enumerate(lines):
        if furniture.is_list_header(line.text):
            in_list = True
        elif in_list and line.kind in ("text", "caption"):
            if _closes_list(line) or (index < first_prose and (_kind_below(lines, index) == "meta" or (
                    article.long_enough() and article.shared_by(line.text, _MIN_SHARED_PAIRS)))):
                in_list = False
            else:
                line.kind = "furniture"


def _closes_list(line: _Line) -> bool:
    """A paragraph of prose after a list's headlines; a headline quoting a sentence
    (`김가상 "…터졌다"`) is still an entry: it has no full stop of its own."""
    text = _own_words(line).strip()
    return bool(line.lead_end) or len(text) >= _LONG_PARAGRAPH_CHARS or bool(_FULL_STOP.search(text))


def _close_at_copyright(lines: list[_Line]) -> None:
    """A copyright notice under the article's prose (on a line of its own or the byline's) closes the article: what the page prints
    below it (comments, 최신뉴스, other stories' teasers) is furniture, but for the bylines,
    addresses and timestamps right under it (`2024/05/02 10:15 송고`) and a press release's
    contact block (`문의: …`, or `연락처` over lines of their own up to a blank line). A
    notice right under a photo's caption is the photo's."""
    for index, line in enumerate(lines):
        if (line.kind in ("furniture", "meta") and furniture.is_copyright_notice(line.text)
                and any(above.kind == "text" and _is_prose(above) for above in lines[:index])
                and _kind_above(lines, index) != "caption"):
            _mark_beyond_the_article(lines[index + 1:])
            return


def _mark_beyond_the_article(tail: list[_Line]) -> None:
    in_contact, in_trailer = False, True
    for line in tail:
        if line.kind == "blank":
            in_contact = False
            continue
        in_contact = in_contact or furniture.opens_contact(line.text)
        in_trailer = in_trailer and (line.kind == "meta" or in_contact)
        if not in_trailer:
            line.kind = "furniture"


def _mark_captions_after_images(lines: list[_Line]) -> None:
    """The line under an image file name (`2018062501….jpg`) is that picture's caption, as is the
    line under a converter's image placeholder that closes its table cell (`![]() |` / `…안내물. 부산시 제공 |`)."""
    for line, following in zip(lines, lines[1:]):
        if following.kind != "text" or following.lead_end:
            continue
        if furniture.is_image_file(line.text) or (furniture.is_image_placeholder(line.text)
                                                  and _CELL_BORDER.match(following.text.rstrip()[-1:])):
            following.kind = "caption"


def _sign_last_paragraph(lines: list[_Line]) -> None:
    """`…공유할 예정”이라고 밝혔다. /홍길동 기자`: a sentence signed as a photo is credited, but closing the
    article, with no prose under it, and telling no pictured scene (`…하고 있다.`), is the article's last
    paragraph and its byline."""
    for index, line in enumerate(lines):
        if line.kind != "caption" or line.lead_end:
            continue
        trailing = trailing_byline(line.text)
        words = line.text[:trailing.start] if trailing else ""
        if (trailing and trailing.start > 0 and _FULL_STOP.search(words) and not _SCENE.search(words)
                and not any(below.kind == "text" and _is_prose(below) for below in lines[index + 1:])):
            line.kind, line.tail_start, line.reporters = "text", trailing.start, trailing.reporters


def _drop_loose_stamps(lines: list[_Line]) -> None:
    """An unlabelled date, or the site's edit time (`최종편집 …`, `UPDATE. …`), is the
    article's timestamp only on or beside a byline; elsewhere (a page-header date
    beside a weather widget or above the headline) it is the page's furniture."""
    loose = [index for index, line in enumerate(lines) if line.kind == "meta" and not (line.signed or line.beside_tools)
             and all(stamp.needs_byline for stamp in line.stamps)]
    for index in loose:
        if not any(line.signed for line in _meta_block(lines, index)) and not _under_headline(lines, index):
            lines[index].kind, lines[index].stamps = "furniture", []


def _mark_page_description(lines: list[_Line]) -> None:
    """A section's description above the article (`지역 소식을 전해 드립니다.` / headline / `홍길동 기자
    2024.06.05` / …) is the page's: the page's first sentence standing over a headline and its byline or
    timestamp, with the article's prose under them."""
    first_prose = next((index for index, line in enumerate(lines) if line.kind == "text" and _is_prose(line)), None)
    if first_prose is None or not _FULL_STOP.search(_own_words(lines[first_prose])):
        return
    headline = _neighbour_index(lines, first_prose, 1)
    if headline is None or lines[headline].kind != "text" or _is_prose(lines[headline], may_be_headline=True):
        return
    byline = _neighbour_index(lines, headline, 1)
    if (byline is not None and lines[byline].kind == "meta" and _headline_length(lines[headline].text)
            and any(line.kind == "text" and _is_prose(line) for line in lines[byline + 1:])):
        lines[first_prose].kind = "furniture"


def _under_headline(lines: list[_Line], index: int) -> bool:
    """`군산시, … 연대시 방문` / `2014-10-29 09:34`: a time of day under the page's first lines of
    text (its headline, a deck, the outlet's name) is the article's, as is a date between the headline
    (or its deck, past a section's tag and the counters: `정책` / `461`) and the article's first paragraph
    or byline, whatever menus stand above them, and a
    date right under the article's last paragraph; a site header's date stands above the headline, or
    among menus."""
    above = [line for line in lines[:index] if line.kind != "blank"]
    unlabelled = [stamp for stamp in lines[index].stamps if stamp.field is None]
    if not unlabelled:
        return False
    if not above:
        return _heads_the_page(lines, index, unlabelled)
    if (len(above) <= _MAX_LINES_ABOVE_STAMP and all(line.kind == "text" for line in above)
            and any(stamp.has_time for stamp in unlabelled)):
        return True
    words = [line for line in above if not (_only_tools(line) or furniture.is_section_name(line.text))]
    heading = bool(words) and words[-1].kind == "text" and _headline_length(words[-1].text) and not _is_prose(
        words[-1], may_be_headline=True)
    return (heading and _opens_article(lines, index)) or _closes_article(lines, index)


def _heads_the_page(lines: list[_Line], index: int, unlabelled: list[Stamp]) -> bool:
    """`2005-12-01 13:33` / headline / first paragraph: a time of day alone on the text's first line, right
    over the headline and the article's first paragraph, is the article's; a site's clock prints the day
    of the week beside it (`2024-05-02 18:09 (목)`). A day with no time alone on its line (`date 2025-10-02`,
    an archive's date field) is the article's only right over its first paragraph: a site's header prints
    the day over the headline."""
    if _WEEKDAY_MARK.search(lines[index].text):
        return False
    headline = _next_words(lines, index)
    if headline is None or lines[headline].kind != "text":
        return False
    if not any(stamp.has_time for stamp in unlabelled):
        return _is_prose(lines[headline]) and not _HANGUL.search(_without_stamps(lines[index]))
    lead = _neighbour_index(lines, headline, 1)
    return (lead is not None and _headline_length(lines[headline].text)
            and not _is_prose(lines[headline], may_be_headline=True)
            and lines[lead].kind == "text" and _is_prose(lines[lead]))


def _without_stamps(line: _Line) -> str:
    kept, cursor = [], 0
    for stamp in line.stamps:
        kept.append(line.text[cursor:stamp.start])
        cursor = stamp.end
    return "".join(kept) + line.text[cursor:]


def _next_words(lines: list[_Line], index: int) -> int | None:
    """The line of words under lines[index], past the outlet's name or a button (`Donga`, `AD`)."""
    following = _neighbour_index(lines, index, 1)
    while following is not None and (lines[following].kind == "furniture" or _one_word(lines[following].text)):
        following = _neighbour_index(lines, following, 1)
    return following


def _only_tools(line: _Line) -> bool:
    """A line of nothing but the article's tools and counters (`조회 345`, `댓글 0`, a bare `461`), which may
    stand between the headline and its timestamp."""
    return not _SEPARATORS.sub("", _ARTICLE_TOOLS.sub("", _COUNTER.sub("", line.text)))


def _closes_article(lines: list[_Line], index: int) -> bool:
    """lines[index] stands right under a paragraph of prose, and no prose follows: under the article."""
    above = _neighbour_index(lines, index, -1)
    return (above is not None and lines[above].kind == "text" and _is_prose(lines[above])
            and not any(line.kind == "text" and _is_prose(line) for line in lines[index + 1:]))


def _opens_article(lines: list[_Line], index: int) -> bool:
    """The line under lines[index], past buttons, ad labels (`AD`) and decks opened by a dash, is the article's first paragraph, its
    byline, or the headline above printed again (a board's view: `제목 …` / `2017-09-01` / the title over the post)."""
    following = _next_words(lines, index)
    while following is not None and _DASHED_DECK.match(lines[following].text):
        following = _next_words(lines, following)
    return following is not None and (lines[following].kind == "meta" or _is_prose(lines[following])
                                      or any(_same(line.text, lines[following].text) for line in lines[:index]))


def _meta_block(lines: list[_Line], index: int) -> list[_Line]:
    """The run of byline and timestamp lines around lines[index], blank lines skipped."""
    block = [lines[index]]
    for step in (-1, 1):
        cursor = _neighbour_index(lines, index, step)
        while cursor is not None and lines[cursor].kind == "meta":
            block.append(lines[cursor])
            cursor = _neighbour_index(lines, cursor, step)
    return block


def _kind_above(lines: list[_Line], index: int) -> str | None:
    above = _neighbour_index(lines, index, -1)
    return None if above is None else lines[above].kind


def _kind_below(lines: list[_Line], index: int) -> str | None:
    below = _neighbour_index(lines, index, 1)
    return None if below is None else lines[below].kind


def _neighbour_index(lines: list[_Line], index: int, step: int) -> int | None:
    """The nearest non-blank line before (step -1) or after (step 1) lines[index]."""
    index += step
    while 0 <= index < len(lines):
        if lines[index].kind != "blank":
            return index
        index += step
    return None


def _is_prose(line: _Line, *, may_be_headline: bool = False) -> bool:
    """`may_be_headline`: the line opens a text whose sentences end in full stops, so a
    sentence ending without one (`…경험을 배운다`) is a headline's present tense, and a short
    sentence set as a list's entry (`• 세계의 경찰, 한국을 배우러 왔다.`) is the headline a page lists."""
    text = _own_words(line).strip()
    return (
        bool(line.lead_end)
        or bool(_BODY_MARK.match(text))
        or line.quote_runs_on
        or line.wrapped
        or len(text) >= _LONG_PARAGRAPH_CHARS
        or (bool(_FULL_STOP.search(text)) and not (may_be_headline and _LISTED_HEADLINE.match(text)))
        or bool(_POLITE_SENTENCE.search(text))
        or (len(text) >= _MIN_PROSE_CHARS and bool(_SENTENCE_END.search(text))
            and not (may_be_headline and len(text) <= _MAX_HEADLINE_SENTENCE_CHARS))
    )


def _own_words(line: _Line) -> str:
    """The line without the bylines opening or closing it (`… 밝혔다. 홍길동 기자 hong@…`), nor the table
    borders and stray commas a scraper left after its last sentence (`…밝혔습니다. | |`, `…했다.,`)."""
    return line.text[line.lead_end:line.tail_start or None].rstrip(_LEFT_AFTER_TEXT)


def _mark_running_quotes(lines: list[_Line]) -> None:
    """A quotation running on into the lines below is a sentence, not a headline; a list's headline
    cut short inside its quotation (`…전방위 대응…“체류`) never closes it."""
    for index, line in enumerate(lines):
        if line.kind == "text" and _leaves_quote_open(line.text):
            line.quote_runs_on = _quote_closes_below(lines, index)


def _quote_closes_below(lines: list[_Line], index: int) -> bool:
    text, cursor = lines[index].text, index
    for _ in range(_MAX_QUOTE_LINES):
        cursor = _neighbour_index(lines, cursor, 1)
        if cursor is None:
            return False
        text += lines[cursor].text
        if not _leaves_quote_open(text):
            return True
    return False


def _leaves_quote_open(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _mark_hard_wrapped_sentences(lines: list[_Line]) -> None:
    """A text hard-wrapped into short lines (a broadcast script, an old archive) breaks its sentences
    mid-phrase (`전남도는 일본 내 여행사와 언론인을` / `초청해 오사카에서 어제와 오늘` / `…호응을 얻었습니다.`):
    its first line is no headline. A headline over its deck and lead may look so once; a wrapped text
    does so again and again, so only a text with several such sentences is read as wrapped."""
    runs = [run for index in range(len(lines)) if (run := _wrapped_sentence(lines, index))]
    if len({run[-1].start for run in runs}) >= _MIN_WRAPPED_SENTENCES:  # sentences, told by their closing lines
        for run in runs:
            for line in run:
                line.wrapped = True


def _wrapped_sentence(lines: list[_Line], index: int) -> list[_Line]:
    """The lines of a sentence opening on lines[index] and hard-wrapped over the lines straight below
    (no blank line between): two short lines or more ending mid-sentence, then a short one closing it."""
    run = lines[index:index + _MAX_WRAPPED_LINES]
    for length, line in enumerate(run, 1):
        if line.kind != "text":
            return []
        words = _own_words(line).strip()
        if len(words) > _MAX_WRAPPED_LINE_CHARS:
            return []
        if _FULL_STOP.search(words) or _POLITE_SENTENCE.search(words):
            return run[:length] if length > 2 else []
        if _SENTENCE_END.search(words):
            return []
    return []


def _body_start(lines: list[_Line]) -> int:
    """Index of the body's first line: the first prose; without any, the first line of text
    (a fragment with no finished sentence has no headline to tell apart)."""
    texts = [i for i, line in enumerate(lines) if line.kind == "text"]
    full_stops = [i for i in texts if _FULL_STOP.search(_own_words(lines[i]))]
    headings = _heading_lines(lines, texts, full_stops[0]) if full_stops else set()
    return next((i for i in texts if _is_prose(lines[i], may_be_headline=i in headings)),
                texts[0] if texts else len(lines))


def _heading_lines(lines: list[_Line], texts: list[int], first_full_stop: int) -> set[int]:
    """The lines that may be a headline though they end as a sentence does: the first line long
    enough for one, any line above a byline or timestamp standing before the first full stop, and
    such a line printed again (a board's title over its post)."""
    first_meta = next((i for i, line in enumerate(lines) if line.kind == "meta"), len(lines))
    first_headline = next((i for i in texts if _headline_length(lines[i].text)), None)
    headings = {i for i in texts if i == first_headline or i < first_meta < first_full_stop}
    return headings | {i for i in texts for j in headings if j < i and _same(lines[i].text, lines[j].text)}


def _one_word(text: str) -> bool:
    """A headline has words: a line of one word above the body is a section's or a topic's tag
    (`인천아시아경기대회`), the outlet's name or a button."""
    return len(furniture.trimmed(text).split()) == 1


def _headline_length(text: str) -> bool:
    """Long enough for a headline, and in words: shorter lines are section tags and buttons (`속보`, `사회`),
    lines of figures a widget's counters (`5,321 12`)."""
    return len("".join(text.split())) >= _MIN_HEADLINE_CHARS and bool(_LETTERS.search(text))


def _headline_and_decks(
    lines: list[_Line], body_start: int, title_hint: str | None
) -> tuple[_Line | None, list[_Line]]:
    header = _header(lines, body_start)
    if title_hint is not None:
        title = next((line for line in header if _same(line.text, title_hint)), None)
    elif not header:
        title = _headline_under_article(lines, body_start)
    elif _decks_only(lines, header[0], body_start):
        title = None
    else:
        title = header[0]
    return title, [line for line in header if not (title and _same(line.text, title.text))]


def _header(lines: list[_Line], body_start: int) -> list[_Line]:
    """The lines of text above the body that may be its headline and decks; the others are
    marked for what they are (buttons, a photo's description, a release table's values, lines
    of the page that the article does not restate)."""
    header = [line for line in lines[:body_start] if line.kind == "text"]
    table_values = _release_table_values(lines[:body_start])
    for line in header:
        if not _headline_length(line.text) or _one_word(line.text) or any(line is value for value in table_values):
            line.kind = "furniture"
        elif furniture.is_photo_description(line.text):
            line.kind = "caption"
    header = _from_labelled_title(lines, [line for line in header if line.kind == "text"])
    article = _ArticleWords(lines[body_start:])
    if header and article.long_enough():
        crowded = len(header) > _MAX_HEADLINE_AND_DECKS
        headline = next((n for n, line in enumerate(header) if article.shared_by(line.text, _MIN_SHARED_PAIRS)), 0)
        headline = headline if crowded or _page_lines_above(lines, header[:headline + 1], article) else 0
        for line in header[:headline] + [line for line in header[headline + 1:]
                                         if not article.shared_by(line.text, _MIN_DECK_SHARED_PAIRS)]:
            line.kind = "furniture"
    return [line for line in header if line.kind == "text"]


def _from_labelled_title(lines: list[_Line], header: list[_Line]) -> list[_Line]:
    """A board labels its post's title (`제목 가상시, …`, or `제목` on a line of its own over it): the lines
    above it are the board's (its name, menus)."""
    labelled = next((n for n, line in enumerate(header) if furniture.title_label_end(line.text.strip())
                     or _under_title_label(lines, line)), 0)
    for line in header[:labelled]:
        line.kind = "furniture"
    return header[labelled:]


def _under_title_label(lines: list[_Line], line: _Line) -> bool:
    above = _neighbour_index(lines, lines.index(line), -1)
    return above is not None and furniture.is_title_label(lines[above].text)


def _page_lines_above(lines: list[_Line], header: list[_Line], article: _ArticleWords) -> bool:
    """The lines of text above the headline (`header[-1]`) are the page's own, a slogan or the outlet's
    motto (`지역과 함께 걷는 신문` / `정치 | 경제 | 사회` / headline): a menu or buttons stand between
    them and the headline, and none restates the article as a deck would."""
    if len(header) < 2 or any(article.shared_by(line.text, _MIN_DECK_SHARED_PAIRS) for line in header[:-1]):
        return False
    between = lines[lines.index(header[-2]) + 1:lines.index(header[-1])]
    return any(line.kind == "furniture" for line in between)


def _headline_under_article(lines: list[_Line], body_start: int) -> _Line | None:
    """A page printing no headline above the article may print it under the last paragraph, right
    above the article's timestamp (`…` / `정부, 바누아투에 긴급지원` / `입력 2015-03-16 19:11`)."""
    for line, following in zip(lines[body_start:], lines[body_start + 1:]):
        if (line.kind == "text" and following.kind == "meta" and following.stamps
                and any(stamp.field == "published" for stamp in following.stamps)
                and len(line.text.strip()) <= _MAX_TITLE_CHARS and not _is_prose(line, may_be_headline=True)):
            return line
    return None


class _ArticleWords:
    """The pairs of letters of the article's text, to tell its headline and decks, which restate
    its words, from lines the page prints around them (menus, widgets, other stories' headlines)."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines

    @cached_property
    def pairs(self) -> set[str]:  # read only when a page's header or list asks
        return set().union(*(_letter_pairs(line.text) for line in self.lines if line.kind in ("text", "caption")))

    def long_enough(self) -> bool:
        return len(self.pairs) >= _MIN_ARTICLE_PAIRS

    def shared_by(self, text: str, share: float) -> bool:
        pairs = _letter_pairs(text)
        return bool(pairs) and len(pairs & self.pairs) >= share * len(pairs)


def _letter_pairs(text: str) -> set[str]:
    return {word[i:i + 2] for word in _LETTERS.findall(text) for i in range(len(word) - 1)}


def _release_table_values(header: list[_Line]) -> list[_Line]:
    """The lines under a release table's labels (`담당부서` / `스마트도시과`)."""
    filled = [line for line in header if line.kind != "blank"]
    return [value for label, value in zip(filled, filled[1:]) if furniture.is_release_table_label(label.text)]


def _same(line: str, other: str) -> bool:
    return " ".join(line.split()) == " ".join(other.split())


def _decks_only(lines: list[_Line], first: _Line, body_start: int) -> bool:
    """The headline is not in the text when the opening line is a summary: too long
    for a headline, in a deck's form (`시, …`), or, unless it has the headline's own
    form (`진안군, …`) or carries its deck after a dash, sitting straight above a paragraph that opens with its
    reporter's byline (`[매체=기자]`), as article-body containers are scraped, unless it says
    what that paragraph's lead sentence says, as a headline does."""
    if len(first.text.strip()) > _MAX_TITLE_CHARS or furniture.is_deck_form(first.text):
        return True
    if _HEADLINE_FORM.match(first.text) or _joined_deck(furniture.trimmed(first.text))[1]:
        return False
    header_has_meta = any(line.kind == "meta" for line in lines[:body_start])
    if header_has_meta or body_start == len(lines):
        return False
    opening = lines[body_start]
    return bool(opening.lead_end and opening.reporters) and not _restates_lead(first, opening)


def _restates_lead(line: _Line, opening: _Line) -> bool:
    """A headline says what the lead sentence says (`…통신망 사업 이달 중 중부권부터 본격 추진` over
    `… 통신망 본사업이 이달 중 중부권을 시작으로 본격 추진된다.`); a deck adds to it."""
    lead = _LEAD_SENTENCE.match(opening.text, opening.lead_end)
    pairs = _letter_pairs(line.text)
    return bool(lead and pairs) and len(pairs & _letter_pairs(lead.group())) >= _MIN_LEAD_RESTATED_PAIRS * len(pairs)


def _cut_closing_day(lines: list[_Line], title: _Line | None, body_start: int) -> tuple[_Line | None, int]:
    """A board's view prints the post's day after its title (`10월 외래관광객 … 입국 2007-11-05`): that
    day is the article's timestamp, no part of the headline. Returns the headline and the body's first line."""
    stamp = _closing_stamp(title.text) if title else None
    if title is None or stamp is None:
        return title, body_start
    index = next(index for index, line in enumerate(lines) if line is title)
    words = title.text[:stamp.start].rstrip()
    headline = _Line(title.start, title.start + len(words), title.start + stamp.start, words)
    day = _Line(title.start + stamp.start, title.end, title.stop, title.text[stamp.start:], kind="meta",
                stamps=[dataclasses.replace(stamp, start=0, end=stamp.end - stamp.start, needs_byline=False)])
    lines[index:index + 1] = [headline, day]
    return headline, body_start + 1


def _closing_stamp(text: str) -> Stamp | None:
    """The timestamp closing a headline's line after its words, not a range's last day (`…축제 5.1~2024.05.05`)."""
    stamps = find_stamps(text)
    stamp = stamps[-1] if stamps else None
    if stamp is None or text[stamp.end:].strip():
        return None
    words = text[:stamp.start].rstrip()
    return stamp if _headline_length(words) and _LETTERS.search(words) and not words.endswith(_RANGE_MARKS) else None


def _joined_deck(title: str | None) -> tuple[str | None, list[str]]:
    """A page may print the deck on the headline's line after a dash (`…적극 유치…11곳과 협심 - 31일 폴란드
    대표단 방문`, `… 세계여행 - 연수원, 50명 대상 과정 운영 -`): the headline, and the deck if any. Each
    side has words of its own; a dash between two names (`증평군 - 중국 관남현 …`) or inside a quotation
    (`'K - 문화'`) joins nothing."""
    joined = _JOINED_DECK.match(title) if title else None
    if not joined or not all(_headline_length(part) and len(part.split()) > 1 and _quotes_closed(part)
                             for part in joined.group("headline", "deck")):
        return title, []
    return joined["headline"], [joined["deck"]]


def _quotes_closed(text: str) -> bool:
    return all(text.count(opening) == text.count(closing) for opening, closing in ("‘’", "“”")) and (
        text.count("'") % 2 == 0 and text.count('"') % 2 == 0)


def _mark_headline(lines: list[_Line], title: _Line | None, decks: list[_Line]) -> list[_Line]:
    """Marks the headline and its decks, and returns the decks; a headline printed twice is printed with its
    deck, so a deck printed again with it is that copy's deck (CONTRACT.md's ruling): page furniture."""
    printed_twice = False
    if title:
        title.kind = "headline"
        for line in lines:
            if line is not title and line.kind == "text" and _same(line.text, title.text):
                line.kind = "furniture"  # a sticky header repeating the headline
                printed_twice = True
    shown: list[_Line] = []
    for deck in decks:
        if printed_twice and any(_same(deck.text, earlier.text) for earlier in shown):
            deck.kind = "furniture"
        else:
            deck.kind = "deck"
            shown.append(deck)
    return shown


def _mark_body(lines: list[_Line], body_start: int) -> None:
    for line in lines[body_start:]:
        if line.kind == "text":
            line.kind = "body"


def _label(line: _Line | None) -> str | None:
    """A headline's or deck's words, without the marks around them or a board's label before them."""
    if line is None:
        return None
    words = furniture.trimmed(line.text)
    return words[furniture.title_label_end(words):]


def _timestamps(lines: list[_Line]) -> tuple[str | None, str | None, str | None]:
    """published, modified, and the article's date: a date with no time (`2019-05-04 홍길동
    기자`, `작성일 2016.11.11`) is no publication time, but it is the day the article's relative
    dates mean."""
    stamps = [stamp for line in lines if line.kind == "meta" or (line.kind == "body" and line.tail_start)
              for stamp in line.stamps]
    timed = [stamp for stamp in stamps if stamp.has_time]
    published = next((s.value for s in timed if s.field == "published"), None)
    published = published or next((s.value for s in timed if s.field is None), None)
    modified = next((s.value for s in stamps if s.field == "modified"), None)
    dated = published or next((s.value for s in stamps if s.field == "published"), None)
    dated = dated or next((s.value for s in stamps if s.field is None), None)
    return published, modified, dated


def _reporters(lines: list[_Line]) -> list[Reporter]:
    """The article's bylines; without any, the reporter named in a photo's dateline
    (`【진안=뉴시스】 한훈 기자 = …`), who is then the only one known. Loose addresses go to a sole
    reporter without one (see `merge_reporters`): an address line, a closing credit, the address
    closing a caption that names no photographer (`…[사진=가상시] 2023.11.16 hong@…`)."""
    found = [reporter for line in lines if line.kind in ("meta", "body") for reporter in line.reporters]
    found = found or [reporter for line in lines if line.kind == "caption" for reporter in line.reporters]
    emails = [line.email for line in lines if line.kind == "meta" and line.email and not line.reporters]
    emails += [address for line in _closing_lines(lines)
               if line.kind == "furniture" and not furniture.opens_contact(line.text)
               for address in personal_addresses(line.text)]
    emails += [address for line in lines if line.kind == "caption" and line.tail_start and not line.reporters
               for address in personal_addresses(line.text[line.tail_start:])]
    return merge_reporters(found, emails)


def _closing_lines(lines: list[_Line]) -> list[_Line]:
    """The lines under the article's last paragraph down to its copyright notice, before any
    list of other stories: where outlets print credits (`◎공감언론 뉴시스 hong@…`)."""
    last = max((index for index, line in enumerate(lines) if line.kind == "body"), default=len(lines))
    closing = []
    for line in lines[last + 1:]:
        if furniture.is_list_header(line.text):
            break
        closing.append(line)
        if furniture.is_copyright_notice(line.text):
            break
    return closing


def _zones(lines: list[_Line]) -> list[Zone]:
    zones: list[Zone] = []
    for line in lines:
        for kind, start, end in _line_parts(line):
            if zones and (zones[-1].kind == kind or kind == "blank"):
                zones[-1] = Zone(zones[-1].kind, zones[-1].start, end)
            elif kind == "blank":
                zones.append(Zone("body", start, end))
            else:
                zones.append(Zone(kind, start, end))
    return zones


def _line_parts(line: _Line) -> list[tuple[str, int, int]]:
    """(kind, start, end) pieces of one line, its line break included."""
    if line.kind == "meta":
        return _meta_parts(line)
    if line.kind not in ("body", "caption"):
        return [(line.kind, line.start, line.stop)]
    own_start = line.start + line.lead_end
    own_end = line.start + line.tail_start if line.tail_start else line.stop
    parts = [("byline", line.start, own_start), (line.kind, own_start, own_end), ("byline", own_end, line.stop)]
    return [part for part in parts if part[1] < part[2]]


def _meta_parts(line: _Line) -> list[tuple[str, int, int]]:
    rest_kind = "byline" if line.signed else "timestamp"
    parts, cursor = [], line.start
    for stamp in line.stamps:
        start, end = line.start + stamp.start, line.start + stamp.end
        if start > cursor:
            parts.append((rest_kind, cursor, start))
        parts.append(("timestamp", start, end))
        cursor = end
    parts.append((rest_kind, cursor, line.stop))
    return [part for part in parts if part[1] < part[2]]


def _rules_headline(lines: list[_Line], title_hint: str | None) -> tuple[_Line | None, list[_Line], int]:
    """The headline and decks the rules read, and the body's first line."""
    body_start = _body_start(lines)
    title, decks = _headline_and_decks(lines, body_start, title_hint)
    title, body_start = _cut_closing_day(lines, title, body_start)
    return title, decks, body_start


#: The learned headline ranker (headline_evidence.py); its `threshold` is the margin by which its choice's
#: probability must beat the rules' choice's.
HEADLINE_MODEL = "headline"


def headline_candidates(text: str) -> list[tuple[str | None, set[str]]]:
    """(title, features) of each candidate headline of a plain text as the layout reads it, the first
    the rules' choice: what scripts/train_headline.py learns from."""
    lines = _classify(text)
    title, _, body_start = _rules_headline(lines, None)
    return [(words, features) for _, words, features in _candidates(lines, body_start, title)]


def _ranked_headline(lines: list[_Line], body_start: int, title: _Line | None) -> tuple[_Line | None, int]:
    """The rules' headline, or the ranker's choice where the gate lets it replace theirs and its probability
    beats theirs by the model's margin; the body then starts under the headline chosen."""
    model = load_model(HEADLINE_MODEL)
    candidates = _candidates(lines, body_start, title)
    scored = [(model.probability(features), line) for line, _, features in candidates]
    best, chosen = max((pair for pair, (_, _, features) in zip(scored, candidates)
                        if headline_evidence.may_replace_rules(features)), key=lambda pair: pair[0], default=scored[0])
    if chosen is title or chosen is None or best - scored[0][0] < model.threshold:
        return title, body_start
    if title is not None:
        title.kind = "furniture"
    return _cut_closing_day(lines, chosen, max(body_start, lines.index(chosen) + 1))


def _candidates(lines: list[_Line], body_start: int, title: _Line | None) -> list[tuple[_Line | None, str | None, set[str]]]:
    """The rules' choice, no headline, and the lines of words above the body and its first line."""
    shown = [index for index, line in enumerate(lines) if line.kind != "blank"]
    body = next((n for n, i in enumerate(shown) if i >= body_start), len(shown))
    rule = next((n for n, i in enumerate(shown) if lines[i] is title), None)
    picks = [n for n, i in enumerate(shown) if n <= body and lines[i].kind in ("text", "furniture", "caption")
             and _headline_length(lines[i].text)]
    picks = ([rule] if rule is not None else []) + [n for n in picks if n != rule]
    views = [headline_evidence.HeaderLine(lines[i].text, "body" if i >= body_start and lines[i].kind == "text"
                                          else lines[i].kind) for i in shown]
    for n in picks:  # only a candidate's own form is read
        views[n] = dataclasses.replace(views[n], forms=_forms(lines[shown[n]]))
    opening = lines[body_start] if body_start < len(lines) else None
    body_text = "\n".join(line.text for line in lines[body_start:] if line.kind in ("text", "caption"))
    printed = Counter(line.text.strip() for line in lines if line.kind != "blank")
    words = headline_evidence.PageWords(
        lead=headline_evidence.letter_pairs(opening.text[:headline_evidence.LEAD_CHARS] if opening else ""),
        article=headline_evidence.letter_pairs(body_text[:headline_evidence.ARTICLE_CHARS]),
        printed_twice=frozenset(text for text, count in printed.items() if count > 1))
    candidates: list[tuple[_Line | None, str | None, set[str]]] = [
        (lines[shown[n]], _candidate_words(lines[shown[n]].text),
         headline_evidence.line_features(views, n, body, rule, words)) for n in picks]
    nothing = (None, None, headline_evidence.null_features(views, body, rule))
    return [nothing, *candidates] if title is None else [candidates[0], nothing, *candidates[1:]]


def _forms(line: _Line) -> frozenset[str]:
    """The layout's reading of a line's form, as the ranker's features name it."""
    if line.kind in ("blank", "meta"):
        return frozenset()
    forms = {"headline_form": bool(_HEADLINE_FORM.match(line.text)), "deck_form": furniture.is_deck_form(line.text),
             "photo": furniture.is_photo_description(line.text), "section": furniture.is_section_name(line.text),
             "joined_deck": bool(_joined_deck(furniture.trimmed(line.text))[1]),
             "prose": _is_prose(line, may_be_headline=True), "one_word": _one_word(line.text),
             "lead_byline": bool(line.lead_end), "title_label": bool(furniture.title_label_end(line.text.strip()))}
    return frozenset(name for name, holds in forms.items() if holds)


def _candidate_words(text: str) -> str | None:
    """The headline a line gives: its words before a closing day, without marks, label or joined deck."""
    stamp = _closing_stamp(text)
    words = text[:stamp.start].rstrip() if stamp else text
    return _joined_deck(_label(_Line(0, 0, 0, words)))[0]
