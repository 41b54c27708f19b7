"""Direct quotations and who said them (component `kr_quotes`, field `quotes`).

A passage in quotation marks is a quote when the sentence treats it as
speech: a quotative ending follows the closing mark (`”고 말했다`, `”라며`,
`”이라고 밝혔다`), or a speaker stands right before it (a headline
`최대호 안양시장 “…”`), or it is a whole spoken sentence set apart in double
marks. The mark alone decides nothing: `'스마트도시통합센터'를` is a name.
Quotes inside a quote are part of it. The speaker is the subject before the
quote (or between it and the verb); a clause without one continues the
previous quote's speaker (`그러면서 “…”고 말했다`). A quote may also come
first and be taken up after: `“…” 김 단장은 3일 이같이 밝혔다`, `“…”는 게 시
관계자의 설명이다`, or be announced before: `김 군수는 이렇게 말했다.\n“…”`.
A headline or deck condenses a body's or a group's words after its name
(`외교부 "…"`, `베트남 공무원들 “…”`), or with no name the words a body quote says
(then its speaker's); an unechoed quote opening a headline with nobody named is a slogan,
whether it fills the line or the headline goes on after an ellipsis (`“세계 춤 즐겨요”…축제 인기`).
A broadcast transcript labels the speaker (`<인터뷰> 홍길동(○○시청 과장) : "…"`).
A quote the stored page cuts off before its closing mark is no quote
(docs/CONTRACT.md: only closed marks quote someone).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicons
from ..model import Quote, Speaker
from ..nlp.common import add_item, text_of
from ..nlp.korean import SENTENCE_END, content_of, one_of, particles, zone_at
from ..pattern_cache import compiled_re
from .names.people import CAPTION_SOUNDBITES, People, PersonPhrase
from .speakers import (
    find_subject,
    owner_of,
    paragraph_subject,
    resolve,
    speaker_right_before,
)

FIELD = "quotes"
#: (opening, closing) marks, the double ones first: quotes inside them are part of them. Pages
#: converted in part mix curly and straight marks (`"…”`, `“…"`): paired last, as a fallback.
DOUBLE_MARKS = (("“", "”"), ("「", "」"), ("『", "』"), ('"', '"'), ("“", '"'), ('"', "”"))
SINGLE_MARKS = (("‘", "’"), ("'", "'"), ("`", "`"), ("‘", "'"), ("'", "’"))  # backquotes: plain-text quotes
OPENING_MARKS = "“「『‘\"'`"
MAX_QUOTE_CHARS = 2000
HEADLINE_ZONES = ("headline", "deck")
_PARAGRAPH_BREAK = compiled_re(r"\n[ \t\u3000]*\n")
_UNINFLECTED = compiled_re(r"[.]?(?:\s|$)")
#: After a spoken sentence set apart: the line ends, or another one follows (`“…” “…”`).
_ENDS_SPOKEN_LINE = compiled_re(r"[.]?[ \t]*(?:\n|$|“)")


@dataclass(frozen=True)
class Quoted:
    open: int     # offset of the opening mark
    close: int    # offset of the closing mark
    double: bool


@dataclass(frozen=True)
class Ending:
    """What the sentence does with the quote after its closing mark."""

    kind: str            # "quotative", "connective", "attributed", "echo", "spoken" or "none"
    verb: str | None
    verb_end: int        # where the attribution clause ends
    tail: tuple[int, int] | None  # words between the ending and the verb (may hold the subject)


@lru_cache(maxsize=None)
def _patterns():
    speech = lexicons.load("speech_verbs")
    ha_verbs = rf"{one_of(speech['ha_verb_nouns'])}?{one_of(speech['ha_verb_endings'])}"
    verbs = rf"(?<!\S)(?:{one_of(speech['other_verbs'])}|{ha_verbs})(?=[\s.,]|$)"
    spoken = rf"(?:[{''.join(speech['spoken_endings'])}]|\s{one_of(speech['headline_endings'])})"
    return {
        "quotative": compiled_re(rf"[ ]?({one_of(speech['quotative_endings'])})(?=[\s,.“\"‘']|$)"),
        "connective": compiled_re(rf"[ ]?({one_of(speech['connective_endings'])})(?=[\s,.“\"‘']|$)"),
        "verb": compiled_re(verbs),
        "naming": compiled_re(rf"\s*{one_of(speech['naming_verbs'])}"),
        "echo": compiled_re(rf"(?<![가-힣]){one_of(speech['echo_words'])}\s*(?P<verb>{verbs})"),
        "spoken": compiled_re(rf"{spoken}[.!?]?\s*$"),
        "reported": compiled_re(rf"(?:{one_of(speech['reported_links'])})?[ ]"
                                rf"(?:[^\s.“”\"]+[ ]){{0,{speech['reported_words_before_verb']}}}(?={verbs})"),
        "object": compiled_re(rf"({one_of(particles('object'))})(?=\s)"),
        "noun_particle": compiled_re(
            rf"{one_of(particles('genitive', 'partner', 'object', 'direction'))}(?=[\s,.]|$)"),
        "attributed": compiled_re(
            rf"{one_of(speech['topic_endings'])}\s+{one_of(speech['quote_nominals'])}\s+"
            rf"(?P<owner>[^.“”\"\n]*?의)\s+(?P<verb>{one_of(speech['speech_nouns'])}"
            rf"{one_of(speech['copula_endings'])})(?=[\s.,]|$)"),
        "said_by": compiled_re(
            rf"[.]?[ \t]+(?P<owner>(?:[^\s.“”\"]+[ \t]){{0,3}}[^\s.“”\"]+의)[ \t]+"
            rf"(?P<verb>{one_of(speech['speech_nouns'])}{one_of(speech['copula_endings'])})(?=[\s.,]|$)"),
    }


def quoted_passages(text: str) -> list[Quoted]:
    """Every closed pair of marks, outermost only, that stays within one paragraph."""
    found: list[Quoted] = []
    inside = bytearray(len(text) + 1)  # 1 where a found pair's marks or words are: no scan of them all per pair
    passes = [(_turned_closings(text), True)]
    passes += [(_pairs(text, opening, closing), double)
               for marks, double in ((DOUBLE_MARKS, True), (SINGLE_MARKS, False)) for opening, closing in marks]
    for pairs, double in passes:
        for pair in pairs:
            if not inside[pair[0]] and not inside[pair[1]]:  # nor crossing one: `‘…“…’…”`
                found.append(Quoted(pair[0], pair[1], double))
                inside[pair[0]:pair[1] + 1] = b"\x01" * (pair[1] + 1 - pair[0])
    return sorted(found, key=lambda q: q.open)


_TURNED_QUOTE = compiled_re(r"(?:(?<=\s)|^)[“”](?=\S)[^“”\"\n]{1,%d}(?<=\S)“" % MAX_QUOTE_CHARS)


def _turned_closings(text: str):
    """A quotation closed by an opening mark, a typo an editor reads through when a quoting particle
    follows: `그는 “…되겠다“고 말했다`, `관계자는 ”…바란다“고`. The opening mark (either way round) must
    stand before a word after a space, with no mark between: `“…도시”며 …바란다“고` opens nothing."""
    patterns = _patterns()
    for match in _TURNED_QUOTE.finditer(text):
        after = match.end()
        if patterns["quotative"].match(text, after) or patterns["connective"].match(text, after):
            yield match.start(), after - 1


#: A straight mark's passage holding a curly one of its weight pairs marks of two quotes (`"A” … “B"`).
_CURLY_OF = {'"': "“”", "'": "‘’"}
_STRAIGHT_MARKS = "\"'`"
_STRAIGHT_OF = {"“": '"', "‘": "'"}


def _pairs(text: str, opening: str, closing: str):
    if opening == closing:
        positions = [match.start() for match in re.finditer(re.escape(opening), text)]
        curly = _CURLY_OF.get(opening, "")
        index = 0
        while index + 1 < len(positions):
            start, end = positions[index], positions[index + 1]
            if _closable(text, start, end) and not any(mark in text[start:end] for mark in curly):
                yield start, end
                index += 2
            else:
                index += 1
        return
    for match in re.finditer(re.escape(opening), text):
        start = match.start()
        end = text.find(closing, start + 1)
        reopened = text.find(opening, start + 1)
        if end > 0 and (reopened < 0 or reopened > end) and _closable(text, start, end) \
                and not _closed_straight_inside(text, start, end):
            yield start, end


def _closed_straight_inside(text: str, start: int, end: int) -> bool:
    """Does a straight mark of the curly opening's weight close something inside its passage? In
    `“…챙기겠다"며 "…늘리겠다”` the first straight mark comes right after a word with nothing to open it:
    the curly marks belong to two quotes. A quote set inside opens first: `“그는 "안전"이라 했다”`."""
    straight = _STRAIGHT_OF.get(text[start])
    first = text.find(straight, start + 1, end) if straight else -1
    return first > start + 1 and not text[first - 1].isspace()


def _closable(text: str, start: int, end: int) -> bool:
    inside = text[start + 1:end]
    return bool(inside.strip()) and len(inside) <= MAX_QUOTE_CHARS and not _PARAGRAPH_BREAK.search(inside) \
        and _flanks_words(text, start, end)


def _flanks_words(text: str, start: int, end: int) -> bool:
    """A straight mark, which looks the same at both ends, opens only before a word and closes only
    after one: in `“…든다"며 "내년에는…"고` the marks around `며 ` close one quote and open the next."""
    return not (text[start] in _STRAIGHT_MARKS and text[start + 1].isspace()) and \
        not (text[end] in _STRAIGHT_MARKS and text[end - 1].isspace())


def read_ending(text: str, after: int, quoted: Quoted) -> Ending:
    clause_end = _clause_end(text, after)
    return _quotative(text, after, clause_end) or _requested(text, after, quoted, clause_end) \
        or _attributed(text, after, quoted) or _echoed(text, after, quoted) \
        or _reported(text, after, quoted, clause_end) or _set_apart(text, after, quoted)


def _quotative(text: str, after: int, clause_end: int) -> Ending | None:
    """`”고 말했다`, `”라며`, `”이라고 밝혔다`: a quotative or connective ending after the mark."""
    patterns = _patterns()
    for kind in ("quotative", "connective"):
        match = patterns[kind].match(text, after)
        if not match:
            continue
        if kind == "quotative" and patterns["naming"].match(text, match.end()):
            return Ending("none", None, after, None)
        written = match.group(1)
        rest = text[match.end():clause_end]
        if kind == "connective" and not rest.strip(" ,\t"):
            return Ending(kind, written, match.end(), None)
        verb = patterns["verb"].search(rest)
        if verb:
            return Ending(kind, verb.group(0), match.end() + verb.end(),
                          (match.end(), match.end() + verb.start()))
        return Ending(kind, written if kind == "connective" else _last_predicate(rest), match.end(),
                      (match.end(), clause_end))
    return None


def _attributed(text: str, after: int, quoted: Quoted) -> Ending | None:
    """Words named as someone's by the predicate: `“…”는 게 시 관계자의 설명이다`, or a spoken
    sentence followed by `김 시장의 말이다`."""
    patterns = _patterns()
    attributed = patterns["attributed"].match(text, after)
    if attributed is None and quoted.double and patterns["spoken"].search(text, quoted.open + 1, quoted.close):
        attributed = patterns["said_by"].match(text, after)
    if attributed is None:
        return None
    return Ending("attributed", attributed.group("verb"), attributed.end(), attributed.span("owner"))


def _set_apart(text: str, after: int, quoted: Quoted) -> Ending:
    """Words said standing alone: a whole spoken sentence ending its line."""
    if quoted.double and _patterns()["spoken"].search(text, quoted.open + 1, quoted.close) and \
            _ENDS_SPOKEN_LINE.match(text, after):
        return _introduced(text, quoted) or Ending("spoken", None, after, None)
    return Ending("none", None, after, None)


def _requested(text: str, after: int, quoted: Quoted, clause_end: int) -> Ending | None:
    """`“…방문해줄 것”을 요청했다`, `“…해 달라”를 당부했다`: a spoken clause in double marks as the
    object of a speech verb. A term there is no quote: `“스마트시티”를 소개했다`."""
    patterns = _patterns()
    particle = patterns["object"].match(text, after)
    inside = text[quoted.open + 1:quoted.close]
    if not (particle and quoted.double and len(inside.split()) > 1 and patterns["spoken"].search(inside)):
        return None
    verb = patterns["verb"].search(text, particle.end(), clause_end)
    if verb is None:
        return None
    return Ending("quotative", verb.group(0), verb.end(), (particle.end(), verb.start()))


def _reported(text: str, after: int, quoted: Quoted, clause_end: int) -> Ending | None:
    """`“…”는 소감을 밝혔다`, `“…”으로 기대했다`, `“…” 전하며`: a spoken sentence in double marks,
    then a speech verb close after it with no quotative 고."""
    patterns = _patterns()
    link = patterns["reported"].match(text, after, clause_end)
    if not (link and quoted.double and patterns["spoken"].search(text, quoted.open + 1, quoted.close)):
        return None
    verb = patterns["verb"].match(text, link.end(), clause_end)
    return Ending("quotative", verb.group(0), verb.end(), (link.end(), verb.start()))


def _echoed(text: str, after: int, quoted: Quoted) -> Ending | None:
    """`“…” 김 단장은 3일 이같이 밝혔다`: a quote opening its sentence, taken up by the
    next sentence's `이같이 밝혔다`, whose subject (before any quote of its own: `… 과장은
    “…”이라며 이 같이 말했다`) is the speaker."""
    if text[_sentence_start(text, quoted.open):quoted.open].strip() or not _UNINFLECTED.match(text, after):
        return None
    start = len(text) - len(text[after:].lstrip(" .\t\n"))
    sentence = SENTENCE_END.search(text, start)
    echo = _patterns()["echo"].search(text, start, sentence.start() if sentence else len(text))
    if echo is None:
        return None
    return Ending("echo", echo.group("verb"), echo.end(), (start, _clause_end(text, start, echo.start())))


def _introduced(text: str, quoted: Quoted) -> Ending | None:
    """`김 구청장은 이렇게 말했다.\n“…”`: a spoken sentence on a line of its own after
    the clause that announces it, whose subject is the speaker."""
    line_start = _sentence_start(text, quoted.open)
    if text[line_start:quoted.open].strip():
        return None
    lead_end = len(text[:line_start].rstrip(" \t\n.:"))
    lead_start = _sentence_start(text, lead_end)
    echo = _patterns()["echo"].search(text, lead_start, lead_end)
    if echo is None or echo.end() != lead_end:
        return None
    return Ending("spoken", echo.group("verb"), quoted.close + 1, (lead_start, echo.start()))


def _clause_end(text: str, start: int, end: int | None = None) -> int:
    """The end of the attribution clause: the sentence end (or `end`) or the next quote."""
    if end is None:
        sentence = SENTENCE_END.search(text, start)
        end = sentence.start() if sentence else len(text)
    for mark in OPENING_MARKS:
        found = text.find(mark, start, end)
        if found >= 0:
            end = found
    return end


def _last_predicate(rest: str) -> str | None:
    words = rest.strip(" ,").split()
    return words[-1] if words and re.search(r"(?:다|습니다|며|면서)$", words[-1]) else None


class QuoteRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        content = content_of(doc)
        people: People | None = None
        previous: Speaker | None = None
        previous_labelled = False
        last_end = 0
        found: list[Quote] = []
        headlines: list[tuple[Quoted, Ending]] = []
        for quoted in quoted_passages(text):
            if not content.prose_contains(quoted.open, quoted.close + 1):
                continue
            ending = read_ending(text, quoted.close + 1, quoted)
            people = people or doc._.people
            prefix = (max(_sentence_start(text, quoted.open), last_end), quoted.open)
            phrase, said = _speaker_phrase(doc, people, quoted, ending, prefix)
            if phrase is None and ending.kind in ("none", "spoken") and _in_headline(doc, quoted):
                headlines.append((quoted, ending))  # whose words, the body tells
                continue
            if not said:
                continue
            if phrase is None and not _continues_paragraph(text, quoted, found):
                phrase = paragraph_subject(people, _line_start(text, prefix[0]), prefix[0])
                if phrase is None and previous_labelled:  # a transcript labels each soundbite: an unlabelled one is no one's named
                    phrase = PersonPhrase(Speaker(), quoted.open, unnamed=True)
            elif phrase is not None and phrase.continues and previous is None:  # `…찾았다. 그는 “…”`: no quote before
                phrase = paragraph_subject(people, _line_start(text, prefix[0]), phrase.start) or phrase
            speaker = resolve(people, phrase, previous) if phrase else previous
            found.append(_add_quote(doc, text, quoted, speaker, ending.verb))
            previous = speaker or previous
            previous_labelled = quoted.open in people.labelled
            last_end = max(ending.verb_end, quoted.close + 1)
        for quoted, ending in headlines:
            _add_headline_quote(doc, text, quoted, ending, found)
        if people is not None or any(p.search(text) for p in CAPTION_SOUNDBITES):
            _add_caption_soundbites(doc, text, people or doc._.people)
        return doc


def _add_caption_soundbites(doc: Doc, text: str, people: People) -> None:
    """Words said without marks after their speaker's caption (`⊙홍길동(안양시청 과장): …`,
    `[홍길동/안양시청 과장: …]`): quotes with no verb (docs/CONTRACT.md)."""
    content = content_of(doc)
    for start, end in people.soundbites:
        if content.prose_contains(start, end):
            speaker = resolve(people, people.labelled[start], None)
            add_item(doc, FIELD, start, end, Quote(text=text[start:end], start=start, end=end, speaker=speaker, verb=None))


def _continues_paragraph(text: str, quoted: Quoted, found: list[Quote]) -> bool:
    """Does an earlier quote of the same paragraph stand before this one (`… 덧붙였다`)?"""
    return bool(found) and found[-1].start >= _line_start(text, quoted.open)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _speaker_phrase(doc: Doc, people: People, quoted: Quoted, ending: Ending,
                    prefix: tuple[int, int]) -> tuple[PersonPhrase | None, bool]:
    """(the phrase naming the speaker, whether the passage is speech at all)."""
    if quoted.open in people.labelled:  # a broadcast's speaker label: `<인터뷰> 홍길동(…) : "…"`
        return people.labelled[quoted.open], True
    if quoted.close in people.signed:  # `“…”(사미라·29·이집트)`
        return people.signed[quoted.close], True
    if ending.kind == "none":
        if _patterns()["noun_particle"].match(text_of(doc), quoted.close + 1):
            return None, False  # `홍보단 '미소대사'와 …`: marks around a name the sentence goes on with
        phrase = speaker_right_before(people, *prefix, headline=_headline_words(doc, text_of(doc), quoted))
        return phrase, phrase is not None
    if ending.kind == "attributed":
        return owner_of(people, *ending.tail), True
    return find_subject(people, *prefix) or (ending.tail and find_subject(people, *ending.tail)), True


def _add_quote(doc: Doc, text: str, quoted: Quoted, speaker: Speaker | None, verb: str | None) -> Quote:
    start, end = _trimmed(text, quoted.open + 1, quoted.close)
    quote = Quote(text=text[start:end], start=start, end=end, speaker=speaker, verb=verb)
    add_item(doc, FIELD, start, end, quote)
    return quote


def _add_headline_quote(doc: Doc, text: str, quoted: Quoted, ending: Ending, body: list[Quote]) -> None:
    """A headline's or deck's words in double marks with nobody named before them are the words of
    whoever the body quotes saying them (`“선진화된 시스템 무척 인상적”` over `도 황 쭝 국장은
    “선진화된 통합관제시스템이 무척 인상적”이라며`). Unechoed, a line that is nothing but the
    quote (after a dateline at most), or opens it before an ellipsis (`“…”…축제 인기`), is a slogan
    (docs/CONTRACT.md); one with words before it says whose they are (`현대차그룹 “…”`)."""
    echoed = _echoing(text[quoted.open + 1:quoted.close], body)
    if echoed is not None:
        _add_quote(doc, text, quoted, echoed.speaker, None)
    elif ending.kind == "spoken" and not _alone_on_line(text, quoted):
        _add_quote(doc, text, quoted, None, None)


def _alone_on_line(text: str, quoted: Quoted) -> bool:
    line_start = text.rfind("\n", 0, quoted.open) + 1
    before = text[line_start:quoted.open].strip()
    return (not before or before.endswith("--")) and bool(_ENDS_SPOKEN_LINE.match(text, quoted.close + 1))


def _echoing(words: str, body: list[Quote]) -> Quote | None:
    """The body quote whose speaker's words hold most of these words' syllable pairs (more than half:
    a headline phrase sharing one compound with a quote, `“문화·관광 등 상생발전”`, sums the news up)."""
    pairs = _syllable_pairs(words)
    if not pairs:
        return None
    said_by: dict = {}
    for quote in body:
        key = quote.speaker.model_dump_json() if quote.speaker else None
        said_by.setdefault(key, (quote, set()))[1].update(_syllable_pairs(quote.text))
    best = max(said_by.values(), key=lambda entry: len(pairs & entry[1]), default=None)
    return best[0] if best and len(pairs & best[1]) * 2 > len(pairs) else None


def _syllable_pairs(text: str) -> set[str]:
    """Pairs of neighbouring letters inside each word: `무척 인상적` -> 무척, 인상, 상적."""
    return {word[i:i + 2] for word in re.findall(r"\w+", text) for i in range(len(word) - 1)}


def _in_headline(doc: Doc, quoted: Quoted) -> bool:
    """In a headline or deck, or right after a press wire's dateline (`서울--(뉴스와이어)--“…”`),
    where a release sets its slogan, or alone as the text's first line, a headline's place even
    when the page marks none (two sayings side by side there open a story with voices)."""
    text = text_of(doc)
    zone = zone_at(doc, quoted.open)
    line_start = _line_start(text, quoted.open)
    after_dateline = text[line_start:quoted.open].strip().endswith("--")
    return quoted.double and (zone is not None and zone.kind in HEADLINE_ZONES or after_dateline
                              or _first_line_alone(text, quoted, line_start))


def _first_line_alone(text: str, quoted: Quoted, line_start: int) -> bool:
    line_end = text.find("\n", quoted.close)
    return not text[:quoted.open].strip() and not text[quoted.close + 1:line_end if line_end >= 0 else None].strip(" .\t")


def _headline_words(doc: Doc, text: str, quoted: Quoted) -> bool:
    """Words said, set in double marks in a headline or deck (`“베리 굿”`; not a term: `“스마트시티”`)."""
    zone = zone_at(doc, quoted.open)
    return quoted.double and zone is not None and zone.kind in HEADLINE_ZONES and \
        len(text[quoted.open + 1:quoted.close].split()) > 1


def _sentence_start(text: str, position: int) -> int:
    start = max(0, position - 400)
    for match in SENTENCE_END.finditer(text, start, position):
        start = match.end()
    return start


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@Language.factory("kr_quotes", requires=["doc._.people"], assigns=["doc.spans"])
def make_quote_recognizer(nlp: Language, name: str) -> QuoteRecognizer:
    return QuoteRecognizer()
