"""Recognises page furniture (share bars, comment and weather widgets, related
lists, copyright lines), photo captions and decks' form line by line, from
`lexicons/furniture.yaml`."""
from __future__ import annotations

import re

from .. import lexicons
from ..pattern_cache import compiled_re

_LEXICON = lexicons.load("furniture")
_EXACT = frozenset(str(line) for line in _LEXICON["exact_lines"])
_PREFIXES = tuple(_LEXICON["line_prefixes"])
#: The line patterns opening with `^`, tried at the line's start only (`re` would try each at every
#: position of every line), and the others.
_LINE_START_PATTERNS, _PATTERNS = (
    compiled_re("|".join(f"(?:{pattern})" for pattern in _LEXICON["line_patterns"]
                         if pattern.startswith("^") == opening) or "(?!)")  # none: a pattern matching nothing
    for opening in (True, False))
_COPYRIGHT = compiled_re("|".join(f"(?:{pattern})" for pattern in _LEXICON["copyright_notices"]))
_CONTACT = compiled_re(r"^[*※\s]*(?:" + "|".join(map(re.escape, _LEXICON["contact_labels"])) + r")(?:\s*[:：]|\s|$)")
_LIST_HEADERS = frozenset(_LEXICON["list_headers"])
_LIST_HEADER_ENDINGS = tuple(_LEXICON["list_header_endings"])
_RELEASE_TABLE_LABELS = frozenset(_LEXICON["release_table_labels"])
_WEATHER = compiled_re(
    r"(?:" + "|".join(map(re.escape, _LEXICON["weather_conditions"])) + r").{0,20}?-?\d+(?:\.\d+)?\s*(?:℃|°C?)"
)
_CAPTION_MARKS = tuple(_LEXICON["caption_marks"])
_CAPTION_CREDITS = compiled_re("|".join(f"(?:{pattern})" for pattern in _LEXICON["caption_credits"]))
_CELL_CAPTION = compiled_re(_LEXICON["cell_caption"])
_IMAGE_FILE = compiled_re(_LEXICON["image_file"])
_IMAGE_PLACEHOLDER = compiled_re(_LEXICON["image_placeholder"])
_DECK_SUBJECT = compiled_re(r"^(?:" + "|".join(map(re.escape, _LEXICON["deck_subjects"])) + r")\s*,\s")
_DECK_ENDING = compiled_re("|".join(f"(?:{pattern})" for pattern in _LEXICON["deck_endings"]))
_DECK_OPENING = compiled_re(r"^[◆◇■□▶▷●○]?\s*(?:" + "|".join(f"(?:{p})" for p in _LEXICON["deck_openings"]) + ")")
_TITLE_LABEL = compiled_re(r"^(?:" + "|".join(map(re.escape, _LEXICON["title_labels"])) + r")(?:\s*[:：|]\s*|\s+)(?=\S)")
VIEW_WORDS = "(?:" + "|".join(_LEXICON["view_words"]) + ")"
_TITLE_LABELS = frozenset(_LEXICON["title_labels"])
_PHOTO_DESCRIPTIONS = compiled_re("|".join(f"(?:{pattern})" for pattern in _LEXICON["photo_descriptions"]))
_SPEAKER_CUE = compiled_re("|".join(f"(?:{pattern})" for pattern in _LEXICON["speaker_cues"]))

#: List bullets, separator dashes and trailing arrows around a widget's label; the table borders and
#: heading marks a converter leaves around a line (`| 가상시, … |`, `# 가상시, …`).
_SPACES = " \t\r\n\f\v\u00a0\u2002\u2003\u2009\u3000"
_LEADING_MARKS, _TRAILING_MARKS = _SPACES + "•·∙*-–—ㅡ|│#", _SPACES + ">›»-–—ㅡ|│"
_SEPARATOR = compiled_re(r"^[\s\-–—ㅡ_=*~·]+$")
#: A notice names the outlet first at most: its wording starts within this many characters.
_MAX_NOTICE_OPENING = 40
#: A reporting sentence's predicate (`…전재했다.`): a line about copyright, not a notice, which
#: is a noun phrase or polite (`무단전재 및 재배포를 금합니다`).
_PREDICATE = compiled_re(r"(?<!니)다[.!?]?(?=$|[\s\"'”’)\]>〉])")
#: Marks around a list header: `[관련기사]`, `▶ 관련기사`, `<많이 본 뉴스>`, `■ 주요기사`.
_HEADER_MARKS = compiled_re(r"^[\s\[<【〈▶▷►■□◆◇●○]+|[\s\]>】〉]+$")


def trimmed(line: str) -> str:
    return line.lstrip(_LEADING_MARKS).rstrip(_TRAILING_MARKS)


def title_label_end(line: str) -> int:
    """Where a board's post title begins after its label on the line (`제목 가상시, …`: 3), else 0."""
    label = _TITLE_LABEL.match(line)
    return label.end() if label else 0


def is_title_label(line: str) -> bool:
    """A board's title label on a line of its own (`제목`), the title on the line under it."""
    return trimmed(line).rstrip(" :：") in _TITLE_LABELS


def is_separator(line: str) -> bool:
    """A line of dashes or rules (`-`, `───`): layout, not words."""
    return bool(_SEPARATOR.match(line))


def is_furniture(line: str) -> bool:
    label = trimmed(line)
    return not _SPEAKER_CUE.match(line.lstrip()) and (
        label in _EXACT
        or label.startswith(_PREFIXES)
        or bool(_LINE_START_PATTERNS.match(label) or _PATTERNS.search(label))
        or _is_notice(label)
        or is_list_header(line)
        or is_release_table_label(line)
        or is_separator(line)
        or is_image_placeholder(line)
        or (len(label) <= 40 and bool(_WEATHER.search(label)))
        or _is_breadcrumb(label)
        or _is_controls(label)
    )


_SECTIONS = frozenset(_LEXICON["section_names"])
#: A word between a breadcrumb's marks and spaces.
_BREADCRUMB_WORD = compiled_re(r"[^\s>|/·»›]+")


def is_section_name(line: str) -> bool:
    """One of the site's section names alone (`뉴스종합`, `경제`), or in brackets as a print edition tags its page (`[문화]`)."""
    return _HEADER_MARKS.sub("", trimmed(line)) in _SECTIONS


def _is_breadcrumb(label: str) -> bool:
    """`종합뉴스 사회`, `홈 > 사회 > 지역`, a menu bar `정치 | 경제 | 사회 | 국제 | 스포츠 | 연예`, a section
    over its subsection `사회 사회일반`: a line of nothing but the site's section names."""
    words = 0
    for match in _BREADCRUMB_WORD.finditer(label):  # a paragraph's first word ends the reading
        if not (match.group() in _SECTIONS or _subsection(match.group())):
            return False
        words += 1
    return words > 1


def _subsection(word: str) -> bool:
    """A subsection's name compounding two sections' (`사회일반`, `지역경제`)."""
    return any(word[:cut] in _SECTIONS and word[cut:] in _SECTIONS for cut in range(1, len(word)))


_CONTROL_WORDS = frozenset(_LEXICON["control_words"])
_CONTROL_SEPARATORS = frozenset(_LEXICON["control_separators"])


def _is_controls(label: str) -> bool:
    """`통합검색 바로가기`, `기사 메일전송`, `위로가기 버튼`: a line of nothing but buttons' words, glued as a
    page may print them (`기사글확대 기사글축소`, `글자 확대축소 영역`) and set apart by bars (`확대 l 축소`)."""
    words = [word for word in label.split() if word not in _CONTROL_SEPARATORS]
    return len(words) > 1 and all(_control_word(word) for word in words)


def _control_word(word: str) -> bool:
    """A button's word, or two or three of them glued (`확대축소`, `기사글확대`, `쪽지신고하기`)."""
    if word in _CONTROL_WORDS:
        return True
    return any(word[:cut] in _CONTROL_WORDS and (word[cut:] in _CONTROL_WORDS or any(
        word[cut:more] in _CONTROL_WORDS and word[more:] in _CONTROL_WORDS for more in range(cut + 1, len(word))))
        for cut in range(1, len(word)))


def is_copyright_notice(line: str) -> bool:
    """A copyright line (`[저작권자ⓒ 가상일보. 무단전재-재배포 금지]`, `Copyright ⓒ 가상일보
    All rights reserved`): its wording opens the line, after the outlet's name at most, and
    no sentence or photo says it (a caption or a report on piracy may hold the same words)."""
    label = trimmed(line)
    return (_is_notice(label) and _COPYRIGHT.search(label).start() <= _MAX_NOTICE_OPENING
            and not label.startswith(_CAPTION_MARKS))


def _is_notice(label: str) -> bool:
    """A notice's words on a line that is no paragraph: no reporting sentence's predicate, and not
    the article's sentences run together with the notice the page prints under them (`…습니다.ⓒ …`)."""
    return (bool(_COPYRIGHT.search(label)) and not _PREDICATE.search(label)
            and len(_SENTENCE_END.findall(label)) < _MIN_PARAGRAPH_SENTENCES)


#: The officer a contact line names: a Korean name before a title, a phone number or the end
#: (`문의: 정보화총괄과 김국현 사무관 02-2100-2940`, `국제교육협력과 정윤종 031-250-5332`).
_CONTACT_NAME = compiled_re(r"(?<![가-힣])([가-힣]{3,4})(?=\s*(?:[가-힣]{1,4}(?:관|장|원|사)\b|\(?0\d{1,2}[-)\s.]|[,/(]|$))")
_TITLES = lexicons.load("titles")
#: Words of a contact line that are no name: titles (`사무관`) and offices (`홍보팀`).
_NOT_NAMES = tuple(_TITLES["titles"] + _TITLES["suffix_titles"] + _TITLES["organization_suffixes"] + ["과", "팀", "실"])


def contact_names(line: str) -> list[tuple[int, int]]:
    """Where a contact line names its officers (`문의: 홍보과 김민수 주무관 02-…`: 김민수)."""
    if not opens_contact(line):
        return []
    return [match.span(1) for match in _CONTACT_NAME.finditer(line.rstrip())
            if lexicons.korean_name_form(match.group(1)) and not match.group(1).endswith(_NOT_NAMES)]


def opens_contact(line: str) -> bool:
    """A press release's contact line (`문의: 홍보과 02-000-0000`, `연락처`)."""
    return bool(_CONTACT.match(trimmed(line)))


def is_list_header(line: str) -> bool:
    label = _HEADER_MARKS.sub("", trimmed(line))
    return label in _LIST_HEADERS or label.endswith(_LIST_HEADER_ENDINGS)


def is_release_table_label(line: str) -> bool:
    return trimmed(line).rstrip(" :：") in _RELEASE_TABLE_LABELS


def is_caption(line: str) -> bool:
    """A photo's caption: opened by a photo mark, a scene told in an image's table cell, or closed by a
    credit (`…시민들 /뉴시스`) on a line of one sentence at most (a paragraph of sentences signed `/홍길동기자` is the article's)."""
    label = trimmed(line)
    return (label.startswith(_CAPTION_MARKS) or is_image_file(line) or bool(_CELL_CAPTION.search(line))
            or (bool(_CAPTION_CREDITS.search(label)) and len(_SENTENCE_END.findall(label)) < 2))


#: The end of a declarative sentence (`…했다. `, `…했습니다.다음 문장` as a page run together prints it).
_SENTENCE_END = compiled_re(r"[다요]\.(?:\s|$|(?=[가-힣]))")
#: Sentences that make a line a paragraph, whatever notice follows them.
_MIN_PARAGRAPH_SENTENCES = 3


def is_photo_description(line: str) -> bool:
    """A line describing a pictured scene (`…서명하고 있다`, `…야간 전경`): a caption
    when it stands above the body, where no sentence has started yet."""
    return bool(_PHOTO_DESCRIPTIONS.search(trimmed(line)))


def is_deck_form(line: str) -> bool:
    """A line opening with the bare noun that stands for the headline's subject (`시, 유럽 교류 …`) or with
    the detail a headline leaves out (`26일 …`, `일본·중국 순…`), or closing a list of the programme with
    `등` and the doing (`… 양조장 등 견학`)."""
    label = trimmed(line)
    return bool(_DECK_SUBJECT.match(label) or _DECK_OPENING.match(label) or _DECK_ENDING.search(label))


def is_image_file(line: str) -> bool:
    return bool(_IMAGE_FILE.match(line.strip()))


def is_image_placeholder(line: str) -> bool:
    return bool(_IMAGE_PLACEHOLDER.match(line.strip()))
