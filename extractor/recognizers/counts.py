"""Headcounts: counts of people, countries, organisations and cities
(`총 138명`, `37개국`, `11개 유관기관`, `100여 명`, `5개시 시장`).

A candidate is a number followed by a counter word, or by 개 and a word
(extractor/lexicons/counters.yaml). Kiwi's morphemes then decide: the counter
must be a morpheme of its own (`세명대학교`, `사명감` hold the letters of a count,
not its morphemes), and the word after 개 must be a noun that ends in a counted
noun (`유관기관` counts organisations, `분야`, `초등학교`, `도시락` count nothing).
"""
from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import load
from ..model import Count
from ..nlp.common import add_item, text_of
from ..nlp.korean import Morphemes, content_of, morphemes_of, longest_first, one_of, particles
from ..pattern_cache import compiled
from .numerals import (
    APPROXIMATE_NUMBER,
    NATIVE_NUMBER,
    NUMBER,
    NUMBER_FIRST_LETTER,
    NUMBER_LETTER,
    PLACE_VALUES,
    approximate_number,
)

_LEXICON = load("counters")
_COUNTED_NOUNS: dict[str, str] = _LEXICON["counted_with_gae"]
_COUNTED_LONGEST_FIRST = longest_first(_COUNTED_NOUNS)
_COUNTER_UNITS: dict[str, str] = {**_LEXICON["counters"], **_LEXICON["native_counters"]}
_PLACE_ROLES = set(_LEXICON["place_roles"])


_WORD = r"[\p{Hangul}·]+"


def _class_of(letters) -> str:
    return "[" + "".join(regex.escape(letter) for letter in sorted(set(letters))) + "]"


_BEFORE_NUMBER = [*_LEXICON["total_before"], *_LEXICON["approximate_before"]]
#: a count's first letter, then only letters a count holds up to its counter: most positions fail
#: these two quick tests, which spare them the long pattern after
_COUNT_GUARD = rf"""
    (?={_class_of(word[0] for word in _BEFORE_NUMBER)}|{NUMBER_FIRST_LETTER})
    (?=(?:{_class_of("".join(_BEFORE_NUMBER + _LEXICON["range_separators"]))}|{NUMBER_LETTER})*?
       (?:{one_of(_COUNTER_UNITS)}|개|(?<=여\s?)))
    """
#: a Latin acronym glued before the counted noun names whose it is: `45개 OCA회원국`, `3개 IT기업`
_ACRONYM_BEFORE = r"[A-Z]{2,6}(?=\p{Hangul})"
#: a place value glued after a word is a particle or a word's end, not a number (`올해에만 64개국`:
#: 만 is "only"; `이번엔 천천히`)
_UNIT_GLUED_AFTER_WORD = rf"(?!(?<=\p{{Hangul}}){_class_of(PLACE_VALUES)})"
_COUNT = compiled(rf"""
    {_COUNT_GUARD}
    (?:(?P<total>{one_of(_LEXICON["total_before"])})\s?
      |(?P<about>{one_of(_LEXICON["approximate_before"])})\s)?
    (?<![A-Za-z0-9'’])(?<!\d[.,]){_UNIT_GLUED_AFTER_WORD}
    (?:(?P<low>{NUMBER})\s?{one_of(_LEXICON["range_separators"])}\s?)?
    (?P<number>{APPROXIMATE_NUMBER})\s?
    (?:(?P<counter>{one_of(_COUNTER_UNITS)})
      |(?P<gae>개|(?<=여\s?))(?P<between>\s?{one_of(_LEXICON["approximate_between"])})?\s?
       (?:{_ACRONYM_BEFORE})?(?P<word>{_WORD})?)
    (?:\s?(?P<after>{one_of(_LEXICON["approximate_after"])}))?
    (?=(?:\s(?P<next>{_WORD}))?)
    """, regex.VERBOSE)
_NATIVE = compiled(NATIVE_NUMBER)
_MODIFIERS = set(_LEXICON["modifiers_after_gae"])
_COUNTED_THINGS = set(_LEXICON["counted_things"])
#: what follows 개 when it begins a counter (`18개국`), not a bare count (`18개`)
_GAE_COUNTERS = [counter[1:] for counter in _COUNTER_UNITS if counter.startswith("개")]
# `자매 도시는 8개다`, `지자체 5곳 이상`: the counted noun comes first, the count after it
_PREDICATE_COUNT = compiled(rf"""
    (?:\G|(?<![\p{{Hangul}}·]))  # a word's first letter: a match found later in it would start at that letter
    (?={_WORD}\s(?:{_class_of("".join(_LEXICON["total_before"]))}|{NUMBER_LETTER})*?(?:개|곳))  # a quick test first
    (?P<word>{_WORD})\s(?:(?P<total>{one_of(_LEXICON["total_before"])})\s?)?
    (?P<number>{APPROXIMATE_NUMBER})\s?(?:개|곳)(?!\d|{one_of(_GAE_COUNTERS)})
    (?:\s?(?P<after>{one_of(_LEXICON["approximate_after"])}))?
    """, regex.VERBOSE)
_TOPIC_OR_SUBJECT = particles("topic", "subject")


@Language.factory("kr_counts", assigns=["doc.spans"])
class CountRecognizer:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        content = content_of(doc)
        morphemes = morphemes_of(doc)
        text = text_of(doc)
        counts = [count for match in _COUNT.finditer(text) for count in _counts(match, morphemes)]
        counts += [count for match in _PREDICATE_COUNT.finditer(text)
                   if (count := _predicate_count(match, morphemes)) is not None]
        counts += [count for match in _BREAKDOWN.finditer(text) for count in _breakdown_counts(match)]
        counts += _elided_counts(text, counts)
        for count in sorted(counts, key=lambda c: c.start):
            if (content.contains(count.start, count.end) and not _counts_residents(text, count)
                    and not _counts_no_one_taking_part(text, count)):
                add_item(doc, "headcounts", count.start, count.end, count)
        return doc


#: `인구 1만5천명`, `인구가 약 30만 명`: the noun a count of residents follows.
_RESIDENTS = compiled(rf"""
    {one_of(_LEXICON['resident_nouns'])}{one_of(particles("topic", "subject"))}?\s*(?:약|총)?\s*$
    """, regex.VERBOSE)


#: `…에서 온 200명의 학생들이 공부하고 있다`: the count's own clause says they live, study or work there now.
_STANDING = compiled(rf"""
    [^.!?\n,]{{0,25}}?{one_of(_LEXICON['standing_verbs'])}고\s?있
    """, regex.VERBOSE)


def _counts_residents(text: str, count: Count) -> bool:
    """`인구 1만5천명의 도시`, `학생 600명이 재학하고 있다`: how many live or study somewhere, not who took part."""
    if _STANDING.match(text, count.end, count.end + 40):
        return True
    return count.unit == "people" and _RESIDENTS.search(text, max(0, count.start - 12), count.start) is not None


#: `작년보다 2만 명이 늘었다`, `1천939명(12%)이 늘어난`, `102명 정도의 관객이 증가`, `1명 더 늘었다`, `10만명
#: 가까이 줄었지만`, `2개국 5명이 늘어난`: the difference between two tallies.
_CHANGE = compiled(rf"""
    (?:\s?[\d,]+\s?명)?
    \s?(?:\([^()\n]{{0,15}}\)\s?)?(?:이나|이|가)?\s?(?:{one_of(_LEXICON['change_adverbs'])}\s?)?
    (?:의\s\p{{Hangul}}+[이가]\s)?{one_of(_LEXICON['change_verbs'])}
    """, regex.VERBOSE)
#: `5명 가운데 1명`, `세 명 중 한 명꼴`: one in N.
_RATIO_WORD = one_of(_LEXICON["ratio_words"])
_RATIO_WHOLE = compiled(rf"\s?{_RATIO_WORD}\s?(?:1|한)\s?명", regex.VERBOSE)
_RATIO_PART = compiled(rf"명\s?{_RATIO_WORD}\s?$", regex.VERBOSE)
#: `10명 중 6명`, `열 명 가운데 여덟 명`, `열에 여덟 분`: a share out of ten or a hundred, no one counted
_TENTHS_WHOLE = compiled(rf"\s?{_RATIO_WORD}\s?{NUMBER}\s?명", regex.VERBOSE)
_TENTHS_PART = compiled(rf"(?:(?:10|100|열|백)\s?명\s?{_RATIO_WORD}|(?:10|100|열|백)에)\s?$", regex.VERBOSE)
_ROUND_WHOLES = {10, 100}
#: `1천명당 37명꼴`, `1인당`: a rate per so many people, and the rate itself
_RATE = compiled(r"당(?!\p{Hangul})|꼴")
#: after one person: nobody (`한 명도 없다`) or anybody (`1명이 여러 번 입국해도`).
_ANY_ONE = compiled(rf"""
    {one_of(_LEXICON['nobody_after'])}
    |\s?[이가]\s[^.,\n]{{0,20}}?{one_of(_LEXICON['concessive_endings'])}
    """, regex.VERBOSE)


#: `500명대로 진입했다` (a band), `100만 명 아래로` (a bound), `20명 이상의 단체는` (who qualifies).
_BOUND = compiled(rf"""
    대(?!\p{{Hangul}}{{2}})
    |\s?{one_of(_LEXICON['bound_after'])}
    |(?<=이상)\s?{one_of(_LEXICON['condition_after_more_than'])}
    """, regex.VERBOSE)


#: `100명 이상의 대규모 선수단을 파견하는 국가는`, `10개국 이상을 순회하는 선박`: a threshold as the object of
#: a clause that says what kind of thing qualifies
_DEFINING_CLAUSE = compiled(r"(?<=이상)(?:의\s(?:\p{Hangul}+\s)?\p{Hangul}+?)?[을를]\s\p{Hangul}+는\s")
#: `참가국수 5개국 이상, 참가자수 300명 이상이며`: a threshold on a number (수) in a list of criteria
_CRITERION_NUMBER = compiled(r"\p{Hangul}수\s?$")
_CRITERION_CLOSE = compiled(r"(?<=이상)(?:,|이며|이고)")


def _is_threshold(text: str, count: Count) -> bool:
    """A threshold in a definition or a list of criteria: who would qualify, no group counted."""
    return bool(_DEFINING_CLAUSE.match(text, count.end)) or bool(
        _CRITERION_CLOSE.match(text, count.end) and _CRITERION_NUMBER.search(text, max(0, count.start - 8), count.start))


def _counts_no_one_taking_part(text: str, count: Count) -> bool:
    """A band or bound (`500명대`, `100만 명 아래로`), a threshold (`10개국 이상을 순회하는 선박`), a difference
    between two tallies (`2만 명이 늘었다`), the people of a ratio (`5명 가운데 1명`), nobody (`한 명도 없다`) or
    anybody (`1명이 여러 번 입국해도`): numbers, not who took part."""
    if _BOUND.match(text, count.end) or _is_threshold(text, count) or _CHANGE.match(text, count.end):
        return True
    if count.unit != "people":
        return False
    if _RATIO_WHOLE.match(text, count.end) or _RATE.match(text, count.end):
        return True
    if _is_share_of_round_whole(text, count):
        return True
    return count.value == 1 and (_ANY_ONE.match(text, count.end) is not None
                                 or _RATIO_PART.search(text, max(0, count.start - 8), count.start) is not None)


def _is_share_of_round_whole(text: str, count: Count) -> bool:
    if count.value in _ROUND_WHOLES and _TENTHS_WHOLE.match(text, count.end):
        return True
    return _TENTHS_PART.search(text, max(0, count.start - 10), count.start) is not None


def _counts(match: regex.Match, morphemes: Morphemes) -> list[Count]:
    """The counts one match stands for: usually one, two for `5개시 시장`."""
    quantity = approximate_number(match["number"])
    if quantity is None or not _starts_number(match.start("number"), morphemes):
        return []
    value = approximate_number(match["low"]).value if match["low"] else quantity.value
    approximate = quantity.approximate or any(match[g] for g in ("about", "low", "between", "after"))

    def count(unit: str, end: int) -> Count:
        start = match.start()
        return Count(value=value, unit=unit, approximate=approximate,
                     text=match.string[start:end], start=start, end=end)

    if match["gae"] is not None:
        return _counted_with_gae(match, morphemes, count)
    unit = _counter_unit(match, morphemes)
    if unit is None:
        return []
    counts = [count(unit, match.end("after") if match["after"] else match.end("counter"))]
    role_end = _role_end(match, "next", morphemes)
    if unit == "cities" and role_end:
        counts.append(count("people", role_end))
    return counts


_FIGURE = r"\d{1,3}(?:,\d{3})+|\d+"
_BREAKDOWN_WORD = one_of(_LEXICON["breakdown_parts"])
#: a count of people broken down in brackets, the parts bare figures whose 명 the total carries
#: (`20명(선수 18, 지도자 2)`), or the total and its part sharing the 명 after the
#: brackets (`2262(해외 1553)명`); CONTRACT.md rulings: a breakdown of one party is headcounts
_BREAKDOWN = compiled(rf"""
    (?<![\d,.])(?P<total>{_FIGURE})(?P<counted>\s?명)?\s?
    \((?P<parts>(?:{_BREAKDOWN_WORD}\s?(?:{_FIGURE})(?:\s?[,·/]\s?|(?=\))))+)\)
    (?(counted)|\s?명)
    """, regex.VERBOSE)
_BREAKDOWN_PART = compiled(rf"{_BREAKDOWN_WORD}\s?(?P<figure>{_FIGURE})")


def _breakdown_counts(match: regex.Match) -> list[Count]:
    figures = [(part.start("figure") + match.start("parts"), part.end("figure") + match.start("parts"))
               for part in _BREAKDOWN_PART.finditer(match["parts"])]
    if not match["counted"]:
        figures.insert(0, match.span("total"))
    return [Count(value=int(match.string[start:end].replace(",", "")), unit="people", approximate=False,
                  text=match.string[start:end], start=start, end=end) for start, end in figures]


#: a tally's figure with its counter left off, given as an earlier period's tally (`전년(3만582) 대비`,
#: `(2014년 110만)`) or with its change (`아프리카 4만1,236(+11.5%)`); only a figure holding 만 or a
#: thousands comma, the size of a tally
_TALLY_FIGURE = r"\d+만(?:\d{1,3}(?:,\d{3})+|\d천\d*|\d*)|\d{1,3}(?:,\d{3})+"
_ELIDED_FIGURE = compiled(rf"""
    (?<=(?:전년|작년|지난해|\d{{4}}년)\s?\(?)(?P<figure>{_TALLY_FIGURE})(?=\))
    |(?<=\s)(?P<figure>{_TALLY_FIGURE})(?=\([+-]?\d+(?:\.\d+)?%\))
    """, regex.VERBOSE)
_ELIDED_REACH = 80


def _elided_counts(text: str, counts: list[Count]) -> list[Count]:
    """Bare tally figures soon after a tally of people (1,000 or more) on the same line: the same kind
    of figure, its `명` left off."""
    found = []
    counted = {count.start for count in counts}
    for tally in (count for count in counts if count.unit == "people" and count.value >= 1000):
        window_end = min(len(text), tally.end + _ELIDED_REACH)
        line_end = text.find("\n", tally.end, window_end)
        for match in _ELIDED_FIGURE.finditer(text, tally.end, window_end if line_end < 0 else line_end):
            value = approximate_number(match["figure"])
            if value is not None and value.value >= 1000 and match.start() not in counted:
                found.append(Count(value=value.value, unit="people", approximate=False, text=match["figure"],
                                   start=match.start(), end=match.end()))
    return list({count.start: count for count in found}.values())


#: tags of a verb, a suffix making one, or an ending: `방문한 사람`, `참석한 분` (하 and ᆫ), `가한 사람`
_VERB_OR_ENDING = ("V", "XSV", "XSA", "E")


def _starts_number(offset: int, morphemes: Morphemes) -> bool:
    """A morpheme starts at offset, and it is no verb's syllable: 한 closing `방문한` is not "one"."""
    first = morphemes.starting_at(offset)
    return first is not None and not first.tag.startswith(_VERB_OR_ENDING)


def _counter_unit(match: regex.Match, morphemes: Morphemes) -> str | None:
    counter = match["counter"]
    if not (morphemes.is_word(match.start("counter"), match.end("counter")) or _approximation_glued(match, morphemes)):
        return None
    if counter in _LEXICON["native_counters"] and not _NATIVE.fullmatch(match["number"]):
        return None
    return _COUNTER_UNITS[counter]


def _approximation_glued(match: regex.Match, morphemes: Morphemes) -> bool:
    """`38만명가량`, `10개국안팎`: Kiwi tags the glued 가량 or 안팎 a noun, so the counter is not a word
    of its own; it still counts when the approximation word is a whole morpheme straight after it."""
    return (match["after"] is not None and match.start("after") == match.end("counter")
            and morphemes.starts_at(match.start("counter")) and morphemes.ends_at(match.end("counter"))
            and morphemes.ends_at(match.end("after")))


def _counted_with_gae(match: regex.Match, morphemes: Morphemes, count) -> list[Count]:
    """`37개 나라`, `11개 유관기관`, `40여 국가`, `30여개 전시 전문회사`, `5개 도시 시장` (cities and
    mayors), `5개 시장` (mayors)."""
    first = match.start("gae") if match["gae"] else match.start("word") if match["word"] else None
    if first is None or not morphemes.starts_at(first):
        return []
    role_end = _role_end(match, "word", morphemes)
    if role_end:
        return [count("people", role_end)]
    head = _counted_head(match.string, match.end("between") if match["between"] else match.end("gae"), morphemes)
    if head is None:
        return []
    unit, noun_end = head
    counts = [count(unit, noun_end)]
    role_end = _role_after(match.string, noun_end, morphemes)
    if unit == "cities" and role_end and not match["after"]:
        counts.append(count("people", role_end))
    return counts


#: one word of the noun phrase a count with 개 heads: a Latin acronym or code before it, written apart or
#: glued (`5개 G20 회원국`, `4개 IT기업`), and a gloss in brackets after it (`정보기술(IT) 기업`)
_PHRASE_WORD = compiled(rf"""
    \s?(?:[A-Za-z][A-Za-z0-9]{{1,6}}\s|{_ACRONYM_BEFORE})?(?P<word>{_WORD})(?:\([^()\n]{{1,15}}\))?
    """, regex.VERBOSE)
#: how many words of a noun phrase after 개 are read for the counted noun that heads it
_PHRASE_WORDS = 3


def _counted_head(text: str, start: int, morphemes: Morphemes) -> tuple[str, int] | None:
    """What a count with 개 counts and where that noun ends: the first word of the noun phrase after 개 that
    ends in a counted noun (`11개 국내·외 도시`, `30여개 전시 전문회사`, `7개 민·관 철도기관`); a word
    with a particle closes the phrase (`3개 부서와 …`), and so do anything but a noun and a thing 개 counts
    itself (`5개 분야 기업`: five fields)."""
    position = start
    for _ in range(_PHRASE_WORDS):
        word = _PHRASE_WORD.match(text, position)
        if word is None or not morphemes.starts_at(word.start("word")):
            return None
        noun_end = morphemes.noun_end(word.start("word"), word.end("word"))
        if noun_end is None:
            return None
        noun = text[word.start("word"):noun_end]
        if noun in _COUNTED_THINGS:
            return None
        unit = _counted_unit(noun, noun_end, morphemes)
        if unit is not None:
            return unit, noun_end
        if noun_end != word.end("word") and not _is_modifier(word["word"]):
            return None
        position = word.end()
    return None


def _is_modifier(word: str) -> bool:
    """`11개 국내·외 도시`, `5개 자매·우호 도시`: a modifier, or modifiers joined by `·`, may stand
    between 개 and the counted noun."""
    return word in _MODIFIERS or all(part in _MODIFIERS for part in word.split("·"))


def _predicate_count(match: regex.Match, morphemes: Morphemes) -> Count | None:
    """`자매 도시는 8개`, `지자체 5곳`: a count of the noun before it, if that noun is counted
    (cities, countries...) and stands bare or as the topic or subject."""
    noun_end = morphemes.noun_end(match.start("word"), match.end("word"))
    quantity = approximate_number(match["number"])
    if (noun_end is None or match.string[noun_end:match.end("word")] not in _TOPIC_OR_SUBJECT | {""}
            or quantity is None or not morphemes.starts_at(match.start("number"))):
        return None
    after = match.end()
    while after < len(match.string) and match.string[after] == " ":
        after += 1
    follower = morphemes.last_starting_at(after)
    if follower is not None and follower.tag.startswith(("NN", "SN", "XSN")):
        return None  # `도시는 3개 분야에서`: 개 counts the noun after it
    unit = _counted_unit(match.string[match.start("word"):noun_end], noun_end, morphemes)
    if unit is None:
        return None
    start, end = match.start("total" if match["total"] else "number"), match.end()
    return Count(value=quantity.value, unit=unit, approximate=quantity.approximate or bool(match["after"]),
                 text=match.string[start:end], start=start, end=end)


def _counted_unit(noun: str, noun_end: int | None, morphemes: Morphemes) -> str | None:
    """What a noun after 개 counts: the longest counted noun it ends with, as a morpheme, or as the end of
    one noun morpheme Kiwi did not split (`중소기업`, `공공기관`) when the counted noun has two letters or
    more (a one-letter one, 시 or 팀, ends too many other nouns: `지시`, `스팀`)."""
    noun_start = noun_end - len(noun) if noun_end is not None else 0
    for counted in _COUNTED_LONGEST_FIRST:
        if noun.endswith(counted) and (morphemes.starts_at(noun_end - len(counted))
                                       or len(counted) > 1 and _ends_one_noun(noun_start, noun_end, morphemes)):
            return _COUNTED_NOUNS[counted]
    return None


def _ends_one_noun(start: int, end: int, morphemes: Morphemes) -> bool:
    """text[start:end] closes with a noun morpheme that ends at `end`."""
    last = morphemes.between(start, end)[-1:]
    return bool(last) and last[0].end == end and last[0].tag.startswith("NN")


def _role_end(match: regex.Match, group: str, morphemes: Morphemes) -> int | None:
    """End of an office-holder noun (`시장`, `군수`) in the given word, if it is one."""
    if not match[group]:
        return None
    return _role_in(match.string, match.start(group), match.end(group), morphemes)


_NEXT_WORD = compiled(rf"\s(?P<word>{_WORD})")


def _role_after(text: str, end: int, morphemes: Morphemes) -> int | None:
    """End of an office-holder noun in the word after a counted noun (`5개 도시 시장`), if it is one."""
    word = _NEXT_WORD.match(text, end)
    return _role_in(text, word.start("word"), word.end("word"), morphemes) if word else None


def _role_in(text: str, start: int, end: int, morphemes: Morphemes) -> int | None:
    noun_end = morphemes.noun_end(start, end)
    if noun_end and text[start:noun_end] in _PLACE_ROLES and not _COORDINATED.match(text, noun_end):
        return noun_end
    return None


#: `67개 도시의 시장단과 대표단`: office holders and others, of unknown number.
_COORDINATED = compiled(r"(?:과|와|및|\s?및)\s")
