"""The smallest temporal pieces of Korean text (`지난`, `6월`, `26일`, `오후`, `2시 30분`,
`한 달간`), each with the fields it sets; grammar.py joins them into expressions.

Vocabulary comes from extractor/lexicons/timex.yaml; numbers from numerals.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import sha256
from typing import Callable, Iterator

import regex

from ...lexicons import load
from ...nlp.korean import one_of
from ...pattern_cache import compiled, kept_table
from ..numerals import NUMBER, parse_number

LEXICON = load("timex")

#: rank of the grain a field belongs to: pieces join coarse to fine (`2023년` `7월` `28일` `오후` `2시`)
FIELD_RANK = {
    "century": 0, "decade": 0, "year": 0, "year_shift": 0, "year_anchor_shift": 0, "year_range": 0,
    "month": 1, "month_shift": 1, "same_period": 1, "month_range": 1, "half": 1, "quarter": 1, "quarter_shift": 1, "season": 1,
    "year_part": 1,
    "month_part": 2, "week_shift": 2, "week_ordinal": 2, "weekend": 3,
    "day": 3, "span_day": 3, "day_shift": 3, "anchor_shift": 3, "holiday": 3, "weekday": 3,
    "weekday_ordinal": 3, "last_day": 3, "day_range": 3,
    "part_of_day": 4, "clock": 5, "clock_word": 5, "zone": 6, "present": 6, "not_time": 9,
}


@dataclass
class Piece:
    start: int
    end: int
    fields: dict = field(default_factory=dict)
    #: only meaningful joined to a neighbour (`지난`, `(금)`, `세시`, `2주` without `간`)
    attach_only: bool = False
    #: a self-contained result (duration, offset) that joins nothing but a prefix
    standalone: bool = False

    @property
    def rank(self) -> int:
        return max((FIELD_RANK.get(key, -1) for key in self.fields), default=-1)


def _number(text: str) -> int | float | None:
    if _DECIMAL.fullmatch(text):
        return float(text)
    return int(text) if text.isdigit() else parse_number(text)


_UNITS = LEXICON["units"]
_DAY_UNIT = "일"
_UNIT = one_of(_UNITS)
_HALF = regex.escape(LEXICON["half_word"])
_WEEKDAY = one_of(LEXICON["weekdays"])
_WEEKDAY_LETTER = "[" + "".join(LEXICON["weekday_letters"]) + "]"
_ORDINAL = one_of(LEXICON["ordinals"])
_PART_OF_DAY = one_of(LEXICON["parts_of_day"])
_DECIMAL = compiled(r"\d+\.\d+")
_AMOUNT = rf"(?P<number>{_DECIMAL.pattern}|{NUMBER}|{one_of([*LEXICON['vague_amounts'], *LEXICON['unknown_amounts']])})"
_ABOUT = regex.escape(LEXICON['about_marker'])
#: a half written apart ends the word (`3년 반 동안`, not `3년 반대`)
_QUANTITY = rf"{_AMOUNT}(?:{_ABOUT})?\s?(?P<unit>{_UNIT})(?P<half>{_HALF}|\s{_HALF}(?!\p{{Hangul}}))?(?:{_ABOUT})?"
_APOSTROPHE = "['‘’]"
#: not inside a number (`1.5일`, `1,000일`); a full stop or comma after a word is no decimal point
#: (`밝혔다.2020년부터`, `총리 등이,24일에는`: scraped text drops the space after them)
_NO_NUMBER_BEFORE = r"(?<!\d|\d[.,])"
#: a year, month and day in digits (`2024.5.2.`, `'08.9.16`): a bare month.day after it and a range
#: sign ends the range (`'08.9.16 ~ 9.23`)
_FULL_NUMERIC_DATE = r"\d{2,4}\.\s?\d{1,2}\.\s?\d{1,2}\.?"
_NATIVE_HOUR = one_of(["한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "열한", "열두"])


def _year(text: str) -> int:
    value = int(text)
    return value if len(text) == 4 else value + (1900 if value >= 50 else 2000)


def _valid_date(fields: dict) -> bool:
    return 1 <= fields.get("month", 1) <= 12 and 1 <= fields.get("day", 1) <= 31


def _numeric_date(m) -> Piece | None:
    fields = {"month": int(m["month"]), "day": int(m["day"])}
    if m["year"]:
        fields["year"] = _year(m["year"])
    return Piece(m.start(), m.end(), fields) if _valid_date(fields) else None


def _month_day_range(m) -> Piece | None:
    """`3.17~20`, `2019.11.16~23`: a month.day closed by a later day of the same month alone
    (`2.8~3` is an amount)."""
    piece = _range("day_range", 1, 31)(m)
    if piece is None or not 1 <= int(m["month"]) <= 12:
        return None
    piece.fields["month"] = int(m["month"])
    if m["year"]:
        piece.fields["year"] = _year(m["year"])
    return piece


def _numeric_date_with_weekday(m) -> Piece | None:
    piece = _numeric_date(m)
    if piece is not None and m["letter"]:
        piece.fields["weekday"] = LEXICON["weekday_letters"][m["letter"]]
    return piece


def _decade(m) -> Piece:
    """`2000년대`, `90년대`: the TIMEX3 decade, written by its first three digits (`200`, `199`)."""
    return Piece(m.start(), m.end(), {"decade": _year(m["value"]) // 10}, standalone=True)


def _century(m) -> Piece | None:
    """`21세기`: the TIMEX3 century, written by the first two digits of its years (`20`)."""
    value = int(m["value"])
    return Piece(m.start(), m.end(), {"century": value - 1}, standalone=True) if 1 <= value <= 30 else None


def _short_year_range(m) -> Piece | None:
    """`'12∼'16`: two years written by their last two digits, a range."""
    first, last = _year(m["first"]), _year(m["last"])
    return Piece(m.start(), m.end(), {"year_range": (first, last)}) if first < last else None


def _short_year(m) -> Piece:
    return Piece(m.start(), m.end(), {"year": _year(m["value"])})


def _worded_date(m) -> Piece | None:
    fields = {"year": _number(m["year"]), "month": _number(m["month"])}
    if m["day"]:
        fields["day"] = _number(m["day"])
    if None in fields.values() or not 1000 <= fields["year"] < 3000 or not _valid_date(fields):
        return None
    return Piece(m.start(), m.end(), fields)


def _simple(key: str, low: int, high: int, convert=int) -> Callable:
    def build(m) -> Piece | None:
        value = convert(m["value"])
        return Piece(m.start(), m.end(), {key: value}) if low <= value <= high else None
    return build


def _range(key: str, low: int, high: int, wraps: bool = False) -> Callable:
    """`26~27일`, `6~7월`, `2023~2024년`: one piece holding both bounds; months may wrap into
    the next year (`11~2월`)."""
    def build(m) -> Piece | None:
        first, last = int(m["first"]), int(m["last"])
        in_bounds = low <= min(first, last) and max(first, last) <= high
        ordered = first != last if wraps else first < last
        return Piece(m.start(), m.end(), {key: (first, last)}) if in_bounds and ordered else None
    return build


def _year_so_far(m) -> Piece | None:
    """`올들어 11월까지`, `2016년 5월까지 … 달한다`: the months of this year (or of the year named) from
    January up to the one named."""
    last = int(m["last"])
    year = {"year": int(m["year"])} if m.groupdict().get("year") else {"year_shift": 0}
    return Piece(m.start(), m.end(), {**year, "month_range": (1, last)}) if 1 < last <= 12 else None


def _clock(m) -> Piece | None:
    hour = _number(m["hour"])
    minute = 30 if m["half"] else _number(m["minute"]) if m["minute"] else 0
    second = _number(m["second"]) if m["second"] else None
    if hour is None or minute is None or hour > 24 or minute > 59 or (second or 0) > 59:
        return None
    clock = {"hour": hour, "minute": minute if (m["minute"] or m["half"]) else None, "second": second}
    if m["before"]:
        clock["before"] = True
    fields = {"clock": clock}
    native = not m["hour"].isdigit()
    return Piece(m.start(), m.end(), fields, attach_only=native and not (m["minute"] or m["half"]))


def _colon_clock(m) -> Piece | None:
    hour, minute = int(m["hour"]), int(m["minute"])
    second = int(m["second"]) if m["second"] else None
    if hour > 24 or minute > 59 or (second or 0) > 59:
        return None
    clock = {"hour": hour, "minute": minute, "second": second}
    if m["meridiem"]:
        clock["meridiem"] = _meridiem(m["meridiem"])
    return Piece(m.start(), m.end(), {"clock": clock})


def _meridiem(text: str) -> str:
    return LEXICON["meridiem_letters"][text.lower().replace(".", "")]


def _quantity(m, unknown_ok: bool = False) -> dict | None:
    """The amount and unit of `3시간`, `두 달`, `수년`; days in words are counted by their own words
    (`하루`, `이틀`), so `한일`, `세일` are no days (`한일전`, `한일 관계`)."""
    if m["number"] in LEXICON["unknown_amounts"]:
        number = "X" if unknown_ok and not m["half"] else None
    elif m["unit"] == _DAY_UNIT and not m["number"].isdigit() and m["number"] not in LEXICON["vague_amounts"]:
        return None
    else:
        number = LEXICON["vague_amounts"].get(m["number"]) or _number(m["number"])
    if number is None or number == 0:
        return None
    return {"number": number, "unit": m["unit"], "half": bool(m["half"])}


def _duration(m) -> Piece | None:
    quantity = _quantity(m, unknown_ok=True)
    return Piece(m.start(), m.end(), {"duration": quantity}, standalone=True) if quantity else None


def _amount_range(m) -> Piece | None:
    """`2~3시간`, `3~4일간`: a length of time given as a range of amounts is a duration of the lower
    amount, as a vague count takes its lower bound (not the days `3~4일`). `4~50분` is forty to
    fifty minutes: the tens are written once."""
    quantity = _quantity(m)
    low = _number(m["low"])
    if low and isinstance(quantity and quantity["number"], int) and low < 10 and quantity["number"] == (low + 1) * 10:
        low *= 10
    if quantity is None or not low or not isinstance(quantity["number"], int) or low >= quantity["number"]:
        return None
    return Piece(m.start(), m.end(), {"duration": {**quantity, "number": low}}, standalone=True)


def _length_not_date(m) -> Piece | None:
    """A length of time where a bare amount might also be a date: each end of a range of lengths
    written out in full (`6개월에서 1년 동안`, `3개월~6개월간`) or an amount before the course or
    running it measures (`12주 연수`, `1개월 과정`, `30년 운영 노하우`); not days (`3일~5일간` may be
    the 3rd to the 5th, `5일 연수` the 5th) nor years in digits (`2016년 연수`)."""
    quantity = _quantity(m)
    if quantity is None or quantity["unit"] == "일" or (quantity["unit"] == "년" and quantity["number"] >= 100):
        return None
    return Piece(m.start(), m.end(), {"duration": quantity}, standalone=True)


def _service_hours(m) -> Piece | None:
    """`24시간 운영`: the hours a service runs, a duration; `5일 개방` is a day, not matched."""
    return _duration(m) if m["unit"] == LEXICON["service_hours_unit"] else None


def _bounded_duration(m) -> Piece | None:
    """`20년 이상 교류해 왔다`: an amount of time with a bound is a duration (not `2011년 이상`,
    a year)."""
    quantity = _quantity(m)
    if quantity is None or (isinstance(quantity["number"], int) and quantity["number"] >= 100 and quantity["unit"] == "년"):
        return None
    return Piece(m.start(), m.end(), {"duration": quantity}, standalone=True)


def _two_units(fine_unit: str, per: int) -> Callable:
    """`1시간 30분간`, `2년 5개월 만에`: one duration in the finer unit, written back as both."""
    def build(m) -> Piece | None:
        coarse, fine = _number(m["coarse"]), _number(m["fine"])
        if not coarse or fine is None or not 0 < fine < per:
            return None
        quantity = {"number": coarse * per + fine, "unit": fine_unit, "half": False, "two_units": True}
        return Piece(m.start(), m.end(), {"duration": quantity}, standalone=True)
    return build


def _named_span(table: str) -> Callable:
    def build(m) -> Piece:
        number, unit = LEXICON[table][m["word"]]
        return Piece(m.start(), m.end(), {"duration": {"number": number, "unit": unit, "half": False}},
                     standalone=True)
    return build


def _not_time(m) -> Piece:
    """A phrase that looks like dates but counts days (`8일 중 3일`, `1일 평균`): it hides them."""
    return Piece(m.start(), m.end(), {"not_time": True}, attach_only=True, standalone=True)


def _per_day(m) -> Piece:
    """`하루 3회`, `1일 평균`: a rate per day, the TIMEX3 SET P1D."""
    return Piece(m.start(), m.end(), {"every": "P1D"}, standalone=True)


def _per_period(m) -> Piece:
    """`주 2회`, `연간 125만 명`, `주 5일`: a rate per week, month or year, a SET."""
    return Piece(m.start(), m.end(), {"every": LEXICON["per_period_words"][m["word"]]}, standalone=True)


def _recurring(m) -> Piece | None:
    """`2년마다`: the amount is the SET's period (P2Y)."""
    piece = _duration(m)
    if piece is not None:
        piece.fields["recurring"] = True
    return piece


def _span_day_count(m) -> Piece | None:
    value = int(m["value"])
    return Piece(m.start(), m.end(), {"span_day": value}, attach_only=True) if 1 <= value <= 31 else None


def _span_day_rank(m) -> Piece | None:
    """`2일 차`: the second day of the trip or course the text dated."""
    value = int(m["value"])
    return Piece(m.start(), m.end(), {"span_day": value}) if 1 <= value <= 31 else None


def _day_count_duration(m) -> Piece:
    quantity = {"number": LEXICON["day_counts"][m["word"]], "unit": "일", "half": False}
    return Piece(m.start(), m.end(), {"duration": quantity}, standalone=True)


def _nights_days(m) -> Piece:
    return Piece(m.start(), m.end(), {"duration": {"number": int(m["days"]), "unit": "일", "half": False}},
                 standalone=True)


def _offset(m) -> Piece | None:
    quantity = _quantity(m)
    suffix = regex.sub(r"\s", "", m["suffix"])
    if not quantity or _names_a_date(m["unit"], quantity["number"], suffix) or _SHORT_YEAR.match(m.group()):
        return None
    quantity["sign"] = LEXICON["offset_suffixes"][suffix]
    return Piece(m.start(), m.end(), {"offset": quantity}, standalone=True)


#: a year written by two digits, not a count of years: with a leading zero (`03년`, no count is written so),
#: or from 50 up before 이후/이전 (`93년 이후에는`: since 1993, not 93 years on), before a particle placing
#: something in it (`95년에 열린`) or after `지난` (`지난 67년 설립된`), as timex.yaml says
#: (the digits spelled out, not as a class: the rules' probe index reads a class as any digit)
_LAST_CENTURY_DIGITS = r"(?:5|6|7|8|9)\d"
_YEAR_PLACED = (rf"{one_of(LEXICON['short_year_particles'])}(?!\p{{Hangul}})"
                rf"(?!\s?{one_of(LEXICON['years_length_goes_on'])})")
_SHORT_YEAR = compiled(
    rf"(?P<value>0\d(?=\s?년)"
    rf"|{_LAST_CENTURY_DIGITS}(?=\s?년(?:\s?{one_of(LEXICON['year_bounds'])}|{_YEAR_PLACED}))"
    rf"|(?<=지난\s?){_LAST_CENTURY_DIGITS}(?=\s?년(?!\s?{one_of(LEXICON['past_years_followers'])})))\s?년")


def _names_a_date(unit: str, number: int, suffix: str) -> bool:
    """`15일 이후`, `2006년 이전` are after/before a date, not offsets from now."""
    return (unit == "일" and suffix in ("이전", "이후")) or (unit == "년" and number >= 1000)


def _day_count_offset(m) -> Piece:
    """`사흘 뒤`, `열흘 안에`: the day count moves the reference like `3일 후`."""
    sign = LEXICON["offset_suffixes"][regex.sub(r"\s", "", m["suffix"])] if m["suffix"] else 1
    quantity = {"number": LEXICON["day_counts"][m["word"]], "unit": "일", "half": False, "sign": sign}
    return Piece(m.start(), m.end(), {"offset": quantity}, standalone=True)


def _weekend(m) -> Piece:
    shift = {"past": -1, "this": 0, "future": 1}[LEXICON["direction_words"][m["value"]]]
    return Piece(m.start(), m.end(), {"week_shift": shift, "weekend": True})


def _zone(m) -> Piece:
    return Piece(m.start(), m.end(), {"zone": LEXICON["time_zones"][m["value"].upper()]}, attach_only=True)


def _part_of_day(m) -> Piece:
    return Piece(m.start(), m.end(), {"part_of_day": m["value"]},
                 attach_only=m["value"] not in LEXICON["standalone_parts_of_day"])


def _within(m) -> Piece | None:
    quantity = _quantity(m)
    if not quantity:
        return None
    quantity["sign"] = 1
    return Piece(m.start(), m.end(), {"offset": quantity}, standalone=True)


def _bare_quantity(m) -> Piece | None:
    quantity = _quantity(m)
    return Piece(m.start(), m.end(), {"quantity": quantity}, attach_only=True) if quantity else None


def _words(key: str, table: dict, attach_only: bool = False) -> tuple[str, Callable]:
    def build(m) -> Piece:
        return Piece(m.start(), m.end(), {key: table[m["value"]]}, attach_only=attach_only)
    return rf"(?P<value>{one_of(table)})", build


def _compared_words(key: str, table: dict) -> tuple[str, Callable]:
    """Words that are dates only as what is compared with (`전달보다`), each a date of its own (`지난 1월
    전달 대비`: January, then the month before it)."""
    def build(m) -> Piece:
        return Piece(m.start(), m.end(), {key: table[m["value"]]}, standalone=True)
    return rf"(?P<value>{one_of(table)})(?={COMPARED_AFTER})", build


def _ordinal(m) -> Piece:
    rank = LEXICON["ordinals"][m["ordinal"]]
    if m["weekday"]:
        fields = {"weekday_ordinal": (rank, LEXICON["weekdays"][m["weekday"]])}
    elif m["target"] == "주":
        fields = {"week_ordinal": rank}
    else:
        return Piece(m.start(), m.end(), {"span_day": rank})
    return Piece(m.start(), m.end(), fields, attach_only=True)


def _quarter(m) -> Piece | None:
    value = _number(m["value"])
    return Piece(m.start(), m.end(), {"quarter": value}) if value and 1 <= value <= 4 else None


def _paren_weekday(m) -> Piece:
    return Piece(m.start(), m.end(), {"weekday": LEXICON["weekday_letters"][m["value"]]}, attach_only=True)


_MERIDIEM = r"(?P<meridiem>[AaPp]\.?[Mm]\.?|[AaPp](?![A-Za-z]))"
_SUFFIX_OFFSET = one_of(LEXICON["offset_suffixes"])
_SUFFIX_WITHIN = one_of(LEXICON["within_suffixes"])
_SUFFIX_DURATION = one_of(LEXICON["duration_suffixes"])
_AMOUNT_RANGE_SIGN = "[~∼\\-–]"
#: `3~4일간` is a length of days, `31일 전` a day counted back, but after a month or `오는`/`지난` these
#: are days of the month (`9월 3~4일간`, `오는 31일 전까지`)
_NO_MONTH_BEFORE = rf"(?<!(?:월|{one_of(LEXICON['direction_words'])})\s?)"
_APPROX = one_of(LEXICON["approximately"])
_BOUND = rf"{one_of(LEXICON['duration_bounds'])}(?=의|\s|[.,]|$)"
#: `6개월에서 1년 동안`: a range of lengths of time joined by 에서
_RANGE_FROM = "에서"
_SPAN_CONTEXT = (rf"(?=(?:의\s?|\s)?{one_of(LEXICON['span_nouns'])}"
                 rf"|{one_of(LEXICON['measure_particles'])}?\s?{one_of(LEXICON['measure_verbs'])})")
#: native day counts are lengths of time by themselves (`사흘 일정으로`); not `하루`, alone a rate
#: or an idiom (`하루 평균`, `하루빨리`)
_DAY_COUNTS_ALONE = [word for word in LEXICON["day_counts"] if word != LEXICON["per_day_noun_word"]]
_NOT_TIME = (rf"{_NO_NUMBER_BEFORE}\d{{1,3}}\s?일\s?{one_of(LEXICON['partitive_words'])}\s?\d{{1,3}}\s?일"
             rf"\p{{Hangul}}*")
_NAME_HOUR = (rf"(?<![\d일]\s?)(?<!\d){one_of(LEXICON['name_hours'])}"
              rf"(?=\s?{one_of(load('name_heads')['programs']['heads'])})")
_PER_DAY_COUNT = rf"{NUMBER}\s?(?:{_ABOUT}\s?)?{one_of(LEXICON['per_day_counters'])}"
_PER_PERIOD = rf"(?<![\d\p{{L}}])(?P<word>{one_of(LEXICON['per_period_words'])})"
_ROUND_THE_CLOCK = "(?:" + "|".join(r"\s?".join(map(regex.escape, words.split())) for words in LEXICON["round_the_clock"]) + ")"
_PER_DAY = (rf"{_NO_NUMBER_BEFORE}(?:{one_of(LEXICON['per_day_words'])}(?=\s?(?:{one_of(LEXICON['per_day_followers'])}"
            rf"|{_PER_DAY_COUNT}))"
            rf"|{regex.escape(LEXICON['per_day_noun_word'])}(?=\s\p{{Hangul}}{{1,6}}\s?{_PER_DAY_COUNT}))")
_DECIMAL_BEFORE = rf"(?<!{one_of(LEXICON['decimal_nouns'])}\s?)"
#: month.day (`5.17`), a date alone in brackets, or two of them as a range or list: `(5.17)`, `(5.17~5.22)`
_MONTH_DAY = r"\d{1,2}\.\d{1,2}\.?"
_NO_DURATION_AFTER = rf"(?!\s?(?:{_SUFFIX_DURATION}|{_SUFFIX_OFFSET}))"
#: `9.30~10.2`: a month.day joined by a range sign to another (a decimal range, `2.5~3.1%`, `1.5~2배`,
#: has a unit after it or a rate noun before it, `성장률은 2.5~3.1`, `성장률(2.5~3.1)`)
_RATE_BEFORE = rf"(?<!{one_of(LEXICON['decimal_nouns'])}\p{{Hangul}}?[\s(]?)"
_RANGE_SIGN = r"\s?[~∼\-–]\s?"
#: a month/day with a slash and no year is a date only with a weekday, a time of day or a range by it
#: (`5/12(금)`, `5/12 오후 2시`, `10/8~10/17`), alone (`저작권료의 5/12`, `부산 2/3`) it is a fraction or score
_SLASH_MONTH_DAY = r"(?<![\d./])\d{1,2}/\d{1,2}"
_SLASH_DAY_OF_DATE = (rf"\d{{1,2}}(?![\d/.])(?:\s?\({_WEEKDAY_LETTER}\)|\s?(?:{_PART_OF_DAY}|\d{{1,2}}\s?시|\d{{1,2}}:\d\d)"
                      rf"|{_RANGE_SIGN}\d)")
#: or after a date written with its year in the same sentence (`접수는 2024/05/20, 발표는 5/28이다`)
_DATE_WITH_YEAR_BEFORE = r"\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}(?:(?!다\.)[^\n]){0,40}"
#: a month.day at either end of such a range, or one written apart with its closing dot (`9. 30. ~ 10. 2.`)
_RANGE_MONTH_DAY = r"\d{1,2}\.(?:\d{1,2}\.?|\s\d{1,2}\.)"
_NO_UNIT_AFTER = r"(?![\d.%A-Za-z])"
#: a month.day or a full date closed by the last day alone (`3.17~20`, `2019.11.16~23`): the day ends the
#: number (no unit, word or decimal after it: `3.5~4배`, `1.5~2%` are amounts)
_LAST_DAY_END = r"(?![\d.%A-Za-z\p{Hangul}])"
#: `29, 30일`, `29·30일`: a day whose 일 the next day of the list carries
_DAY_COORDINATION = r"\s?[,·ㆍ]\s?"
#: what follows a date compared with (`2019년 1월 대비`, `전년보다`, `작년(37만명)보다`)
COMPARED_AFTER = rf"(?:\s?\([^()\n]{{1,20}}\))?\s?{one_of(LEXICON['comparison_markers'])}"

#: (pattern, builder); at one position the longest valid match wins, ties go to the earlier rule
RULES: list[tuple[str, Callable]] = [
    (r"(?<!\d|\d\.)(?P<year>\d{4})\s?[./-]\s?(?P<month>\d{1,2})\s?[./-]\s?(?P<day>\d{1,2})(?:\.(?!\d))?(?![\d./-])",
     _numeric_date),
    (rf"(?<![\d.]){_APOSTROPHE}(?P<year>\d{{2}})\.\s?(?P<month>\d{{1,2}})\.\s?(?P<day>\d{{1,2}})\.?(?!\d)", _numeric_date),
    (rf"(?<![\d.]){_APOSTROPHE}(?P<value>\d{{2}})\s?년(?:도)?{_NO_DURATION_AFTER}", _short_year),
    (rf"(?<![\d.]){_NO_NUMBER_BEFORE}(?P<value>\d{{2}})\s?년도(?!\s?{one_of(LEXICON['even_years_followers'])})", _short_year),
    (rf"(?<![\d.]){_NO_NUMBER_BEFORE}{_SHORT_YEAR.pattern}(?!\s?{_SUFFIX_DURATION})", _short_year),
    (rf"(?<![\d.]){_APOSTROPHE}(?P<first>\d{{2}})\s?[~∼\-]\s?{_APOSTROPHE}(?P<last>\d{{2}})(?![\d.])",
     _short_year_range),
    (rf"(?<={_FULL_NUMERIC_DATE}\s?[~∼\-]\s?)(?P<year>)(?P<month>\d{{1,2}})\.\s?(?P<day>\d{{1,2}})\.?(?![\d.%])",
     _numeric_date),
    (rf"(?<![\d.]){_RATE_BEFORE}(?P<year>)(?P<month>\d{{1,2}})\.(?P<apart>\s)?(?P<day>\d{{1,2}})(?(apart)\.|\.?)"
     rf"(?={_RANGE_SIGN}{_RANGE_MONTH_DAY}{_NO_UNIT_AFTER})", _numeric_date),
    (rf"(?<=(?<![\d.]){_RATE_BEFORE}{_RANGE_MONTH_DAY}{_RANGE_SIGN})"
     rf"(?P<year>)(?P<month>\d{{1,2}})\.(?P<apart>\s)?(?P<day>\d{{1,2}})(?(apart)\.|\.?){_NO_UNIT_AFTER}", _numeric_date),
    (r"(?<![\d./])(?P<year>\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])", _numeric_date),
    (rf"(?<![\d.]){_RATE_BEFORE}(?:(?P<year>\d{{4}}|\d{{2}})\.\s?)?(?P<month>\d{{1,2}})\.(?P<first>\d{{1,2}})"
     rf"{_RANGE_SIGN}(?P<last>\d{{1,2}}){_LAST_DAY_END}", _month_day_range),
    (rf"(?<![\d./])(?P<year>)(?P<month>\d{{1,2}})(?:/(?={_SLASH_DAY_OF_DATE})|\.\s?(?=\d{{1,2}}\s?\({_WEEKDAY_LETTER}\)))"
     rf"(?P<day>\d{{1,2}})(?![\d/.])", _numeric_date),
    (rf"(?<={_SLASH_MONTH_DAY}{_RANGE_SIGN}|{_DATE_WITH_YEAR_BEFORE})(?<![\d./])"
     rf"(?P<year>)(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})(?![\d/.])", _numeric_date),
    (rf"(?<![\d./])(?P<year>)(?P<month>\d{{1,2}})\.\s?(?P<day>\d{{1,2}})\."
     rf"(?:(?=\s?\({_WEEKDAY_LETTER}\))|(?P<letter>{_WEEKDAY_LETTER})(?![\p{{Hangul}}\d]))", _numeric_date_with_weekday),
    (rf"(?<={_DECIMAL_BEFORE}\((?:{_MONTH_DAY}\s?[~∼\-,]\s?)?)"
     rf"(?P<year>)(?P<month>\d{{1,2}})\.(?P<day>\d{{1,2}})\.?(?=(?:\s?[~∼\-,]\s?{_MONTH_DAY})?\))", _numeric_date),
    (rf"{_NO_NUMBER_BEFORE}(?P<year>\d{{4}})\s?년\s?(?P<last>\d{{1,2}})\s?월(?=\s?{one_of(LEXICON['range_closers'])}"
     rf"[^.\n]{{0,25}}?{one_of(LEXICON['past_tally_words'])})", _year_so_far),
    (rf"(?P<year>{NUMBER})년\s?(?P<month>{NUMBER})월(?:\s?(?P<day>{NUMBER})일)?", _worded_date),
    (rf"{_NO_NUMBER_BEFORE}(?P<value>\d{{4}})\s?년(?:도)?", _simple("year", 1000, 2999)),
    (rf"{_NO_NUMBER_BEFORE}(?P<value>\d{{3}}0|\d0)\s?년대", _decade),
    (rf"{_NO_NUMBER_BEFORE}(?P<value>\d{{1,2}})\s?{regex.escape(LEXICON['century_word'])}", _century),
    (rf"{_NO_NUMBER_BEFORE}(?P<value>\d{{1,2}})\s?월(?!요)", _simple("month", 1, 12)),
    (_PER_DAY, _per_day),
    (rf"{_NO_NUMBER_BEFORE}{_ROUND_THE_CLOCK}", _per_day),
    (rf"{_PER_PERIOD}(?=\s?(?:{_APPROX}\s?)?{_PER_DAY_COUNT})", _per_period),
    (rf"{_PER_PERIOD}\s?\d{{1,2}}\s?일(?:\s?{_SUFFIX_DURATION})?", _per_period),
    (rf"{_NO_NUMBER_BEFORE}(?P<value>\d{{1,2}})일", _simple("day", 1, 31)),
    (rf"{_NO_NUMBER_BEFORE}(?P<value>\d{{1,2}})(?=\s?\({_WEEKDAY_LETTER}\))", _simple("day", 1, 31)),
    (rf"(?<![^\s(월])(?P<value>\d{{1,2}})(?=(?:{_DAY_COORDINATION}\d{{1,2}})+\s?일)", _simple("day", 1, 31)),
    (rf"{_NO_NUMBER_BEFORE}(?P<value>\d{{1,2}})\s?일\s?{regex.escape(LEXICON['span_day_count'])}(?=\s?인\s)",
     _span_day_count),
    (rf"{_NO_NUMBER_BEFORE}(?P<value>\d{{1,2}})\s?일\s?{regex.escape(LEXICON['span_day_rank'])}"
     rf"(?:(?!\p{{Hangul}})|(?={one_of(LEXICON['span_day_rank_followers'])}))", _span_day_rank),
    (_NOT_TIME, _not_time),
    (_NAME_HOUR, _not_time),
    (rf"{_NO_NUMBER_BEFORE}1\s?일\s?{one_of(LEXICON['one_day_roles'])}\p{{Hangul}}*", _not_time),
    (rf"{_NO_NUMBER_BEFORE}(?P<first>\d{{1,2}})일?\s?[~∼-]\s?(?P<last>\d{{1,2}})일", _range("day_range", 1, 31)),
    (rf"{_NO_NUMBER_BEFORE}(?P<first>\d{{1,2}})\s?[~∼-]\s?(?P<last>\d{{1,2}})\s?월(?!요)(?!\s?\d{{1,2}}\s?일)",
     _range("month_range", 1, 12, wraps=True)),
    (rf"{one_of(LEXICON['year_so_far_words'])}\s?(?P<last>\d{{1,2}})\s?월(?=\s?{one_of(LEXICON['range_closers'])})",
     _year_so_far),
    (rf"{one_of(LEXICON['tally_years'])}\s?(?P<last>\d{{1,2}})\s?월(?=\s?{one_of(LEXICON['range_closers'])}"
     rf"[^.\n]{{0,25}}?{one_of(LEXICON['tally_words'])})",
     _year_so_far),
    (rf"{_NO_NUMBER_BEFORE}(?P<first>\d{{4}})(?:\s?년(?:도)?)?\s?[~∼-]\s?(?P<last>\d{{4}})\s?년(?:도)?(?!\s?\d{{1,2}}\s?월)",
     _range("year_range", 1000, 2999)),
    (rf"(?P<value>{NUMBER})\s?{regex.escape(LEXICON['quarter_word'])}", _quarter),
    (rf"(?P<value>{_WEEKDAY})", lambda m: Piece(m.start(), m.end(), {"weekday": LEXICON["weekdays"][m["value"]]})),
    (rf"\(\s?(?P<value>{_WEEKDAY_LETTER})\s?\)", _paren_weekday),
    (rf"(?P<ordinal>{_ORDINAL})\s?(?:(?P<weekday>{_WEEKDAY})|(?P<target>주|{regex.escape(LEXICON['span_day_word'])}))",
     _ordinal),
    _words("day_shift", LEXICON["reference_days"]),
    _words("anchor_shift", LEXICON["anchor_days"]),
    _words("year_shift", LEXICON["reference_years"]),
    _words("year_anchor_shift", LEXICON["anchor_years"]),
    _words("year_shift", LEXICON["reference_years_bound"], attach_only=True),
    _words("month_shift", LEXICON["reference_months"]),
    _compared_words("month_shift", LEXICON["compared_months"]),
    _words("week_shift", LEXICON["reference_weeks"]),
    _words("quarter_shift", LEXICON["reference_quarters"]),
    _words("direction", LEXICON["direction_words"], attach_only=True),
    _words("holiday", LEXICON["holidays"]),
    _words("same_period", LEXICON["same_period_words"]),
    _words("same_period", LEXICON["same_period_after_year"], attach_only=True),
    _words("half", LEXICON["halves"]),
    (rf"{_NO_NUMBER_BEFORE}(?P<value>{one_of(LEXICON['terms'])})",
     lambda m: Piece(m.start(), m.end(), {"half": LEXICON["terms"][m["value"]]}, attach_only=True)),
    _words("half", {word: "current" for word in LEXICON["current_terms"]}),
    _words("year_part", LEXICON["year_parts"]),
    _words("every", LEXICON["every_words"]),
    _words("season", {word: word for word in LEXICON["seasons"]}, attach_only=True),
    _words("month_part", {word: word for word in LEXICON["month_parts"]}, attach_only=True),
    (rf"(?P<value>{_PART_OF_DAY})", _part_of_day),
    _words("clock_word", LEXICON["clock_words"]),
    (rf"(?i:(?P<value>{one_of(LEXICON['time_zones'])}))(?![A-Za-z])", _zone),
    (rf"(?P<value>{one_of(LEXICON['direction_words'])})\s?{one_of(LEXICON['weekend_words'])}", _weekend),
    _words("present", {word: True for word in LEXICON["present_words"]}),
    _words("approximately", {word: True for word in LEXICON["approximately"]}, attach_only=True),
    (rf"{_NO_NUMBER_BEFORE}(?P<hour>\d{{1,2}}|{_NATIVE_HOUR})\s?시(?!간)"
     rf"(?:\s?(?:(?P<half>{_HALF})|(?P<minute>{NUMBER})\s?분(?P<before>\s?전)?))?(?:\s?(?P<second>{NUMBER})\s?초)?",
     _clock),
    (rf"(?<![\d.,:])(?P<hour>\d{{1,2}}):(?P<minute>\d{{2}})(?::(?P<second>\d{{2}}))?(?:\s?{_MERIDIEM})?(?![\d:])",
     _colon_clock),
    (r"(?<![\d.,:])(?P<hour>\d{1,2})\s?(?P<meridiem>[AaPp]\.?[Mm]\.?)(?![A-Za-z])",
     lambda m: _clock_hour(m)),  # defined below
    (rf"{_NO_NUMBER_BEFORE}(?P<nights>\d{{1,2}})박\s?(?P<days>\d{{1,2}})일(?:\s?{_SUFFIX_DURATION})?", _nights_days),
    (rf"(?P<word>{one_of(LEXICON['day_counts'])})\s?{_SUFFIX_DURATION}", _day_count_duration),
    (rf"{_QUANTITY}\s?{_SUFFIX_DURATION}", _duration),
    (rf"{_NO_NUMBER_BEFORE}{_NO_MONTH_BEFORE}(?P<low>\d{{1,3}})\s?{_AMOUNT_RANGE_SIGN}\s?{_QUANTITY}\s?{_SUFFIX_DURATION}", _amount_range),
    (rf"{_NO_NUMBER_BEFORE}{_NO_MONTH_BEFORE}(?P<low>\d{{1,3}})\s?{_AMOUNT_RANGE_SIGN}\s?{_QUANTITY}{_SPAN_CONTEXT}", _amount_range),
    (rf"{_NO_NUMBER_BEFORE}{_NO_MONTH_BEFORE}(?P<low>\d{{1,3}})\s?{_AMOUNT_RANGE_SIGN}\s?{_QUANTITY}\s?{_BOUND}",
     _amount_range),
    (rf"{_NO_NUMBER_BEFORE}{_QUANTITY}(?=\s?(?:{_AMOUNT_RANGE_SIGN}|{_RANGE_FROM})\s?{NUMBER}(?:{_ABOUT})?\s?{_UNIT}"
     rf"(?:{_HALF})?(?:{_ABOUT})?\s?{_SUFFIX_DURATION})", _length_not_date),
    (rf"(?P<coarse>{NUMBER})\s?시간\s?(?P<fine>{NUMBER})(?:{_ABOUT})?\s?분\s?{_SUFFIX_DURATION}", _two_units("분", 60)),
    (rf"{_NO_NUMBER_BEFORE}(?P<coarse>\d{{1,2}})\s?년\s?(?P<fine>\d{{1,2}})(?:{_ABOUT})?\s?개월\s?{_SUFFIX_DURATION}",
     _two_units("개월", 12)),
    (rf"{_QUANTITY}{_SPAN_CONTEXT}", _duration),
    (rf"{_QUANTITY}\s?{one_of(LEXICON['elapsed_before_figure'])}(?=\s?\d)", _duration),
    (rf"{_QUANTITY}(?=\s?{one_of(LEXICON['service_hours_followers'])})", _service_hours),
    (rf"{_NO_NUMBER_BEFORE}{_QUANTITY}(?=\s?{one_of(LEXICON['course_nouns'])})", _length_not_date),
    (rf"{_QUANTITY}\s?{_BOUND}", _bounded_duration),
    (rf"(?P<word>{one_of(LEXICON['named_spans'])})\s?{_SUFFIX_DURATION}", _named_span("named_spans")),
    (rf"(?P<word>{one_of(LEXICON['spans_alone'])})", _named_span("spans_alone")),
    (rf"(?P<word>{one_of(_DAY_COUNTS_ALONE)})", _day_count_duration),
    (rf"{_QUANTITY}\s?{regex.escape(LEXICON['every_suffix'])}", _recurring),
    (rf"{regex.escape(LEXICON['per_day_noun_word'])}\s?{_QUANTITY}\s?{_SUFFIX_DURATION}", _duration),
    (rf"{_NO_MONTH_BEFORE}{_QUANTITY}\s?(?P<suffix>{_SUFFIX_OFFSET})", _offset),
    (rf"{_QUANTITY}\s?{_SUFFIX_WITHIN}", _within),
    (rf"(?P<word>{one_of(LEXICON['day_counts'])})\s?(?:(?P<suffix>{_SUFFIX_OFFSET})|{_SUFFIX_WITHIN})",
     _day_count_offset),
    (_QUANTITY, _bare_quantity),
]


def _clock_hour(m) -> Piece | None:
    hour = int(m["hour"])
    if not 1 <= hour <= 12:
        return None
    clock = {"hour": hour, "minute": None, "second": None, "meridiem": _meridiem(m["meridiem"])}
    return Piece(m.start(), m.end(), {"clock": clock})


COMPILED = [(compiled(pattern), build) for pattern, build in RULES]

# Trying every rule at every position was most of the cost. At a position only the rules are tried
# that can match given the character before it and the four from it: the regex module tells by a
# partial match (a text that ends inside a match of the rule matches it partially).

_ESCAPE_OR_DIGIT = compiled(r"\\.|\{\d+(?:,\d*)?\}|[0-9]")


def _probe(pattern: str) -> str:
    """A rule as tried on those few characters alone: what it requires of the text further back
    (`(?<=\\()`) is taken to hold, and a digit it names (`1일 교사`, `0시`, `365일`) is any digit, so
    no rule that could match is left out (the rules name digits and look back for what must be
    there only outside negative lookarounds and character classes: tests/test_timex_index.py)."""
    pattern = pattern.replace("(?<=", "(?<=|")
    return _ESCAPE_OR_DIGIT.sub(lambda token: r"\d" if token.group().isdigit() else token.group(), pattern)


_PROBE_TEXTS = [_probe(pattern.pattern) for pattern, _ in COMPILED]
_PROBES = {pattern: compiled(probe) for (pattern, _), probe in zip(COMPILED, _PROBE_TEXTS) if probe != pattern.pattern}
_BEGINNING = 4
#: the index is asked with every digit written as 0: to the probes all digits are alike, so a new
#: text's days, counts and years (`28일 `, `15일 ` -> `00일 `) find the entries made for others
#: (working out a new entry takes ~100 partial matches at a digit)
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
#: the bare quantity rule; the rules that begin with a whole quantity (`3일` of `3일간`: the quantity
#: pattern is a plain sequence) can only match where it does
_BARE_QUANTITY = next(pattern for pattern, _ in COMPILED if pattern.pattern == _QUANTITY)
_AFTER_QUANTITY = {pattern for pattern, _ in COMPILED if pattern.pattern.startswith(_QUANTITY)}


def candidate_pieces(text: str, at: int, end: int) -> list[Piece]:
    """The pieces that match at `at`, longest first, ties in rule order."""
    pieces = []
    quantity = None  # not read yet; then the bare quantity's match, or False
    for pattern, build in _rules_for(text[at - 1:at].translate(_DIGITS_AS_ZERO),
                                     text[at:min(at + _BEGINNING, end)].translate(_DIGITS_AS_ZERO)):
        if pattern in _AFTER_QUANTITY:
            if quantity is None:
                quantity = _BARE_QUANTITY.match(text, at, end) or False
            if not quantity:
                continue
        match = quantity if pattern is _BARE_QUANTITY else pattern.match(text, at, end)
        if match and match.end() > at:
            piece = build(match)
            if piece is not None:
                pieces.append(piece)
    pieces.sort(key=lambda piece: piece.start - piece.end)  # stable: ties keep the rule order
    return pieces


#: the rules that can match after the few characters `_rules_for` is asked about, by their number in
#: COMPILED, kept from one start to the next (working them out cost ~30 ms CPU of every cold start)
_KEPT_ENTRIES = 10_000  # a long text's rarer ones are worked out again at the next start
_RULE_NUMBERS = kept_table(("timex rules by beginning", sha256("\0".join(_PROBE_TEXTS).encode()).hexdigest()),
                           most=_KEPT_ENTRIES)
_NUMBER_OF = {rule: number for number, rule in enumerate(COMPILED)}


@lru_cache(maxsize=100_000)  # bounded: a long text of many scripts meets many stretches
def _rules_for(before: str, beginning: str) -> list[tuple[regex.Pattern, Callable]]:
    """The rules, in order, that can match where `before` is just before and the text goes on with
    `beginning`. Worked out the first time the two are seen, from the rules left with less to read."""
    numbers = _RULE_NUMBERS.get((before, beginning))
    if numbers is not None:
        return [COMPILED[number] for number in numbers]
    fewer = (_rules_for("", beginning) if before else _rules_for("", beginning[:-1]) if len(beginning) > 1
             else COMPILED)
    rules = [(pattern, build) for pattern, build in fewer
             if _PROBES.get(pattern, pattern).match(before + beginning, len(before), partial=True)]
    if len(_RULE_NUMBERS) < _KEPT_ENTRIES:
        _RULE_NUMBERS[before, beginning] = tuple(_NUMBER_OF[rule] for rule in rules)
    return rules


def _strings(node) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _first_characters() -> str:
    """The letters a rule can begin with, asked of the rules themselves: of the first letters of
    every word in timex.yaml and numerals.yaml, those some rule matches (partially) from. A new
    date word needs no edit here."""
    candidates = {word[0] for word in _strings([LEXICON, load("numerals")]) if word}
    return "".join(sorted(letter for letter in candidates if _rules_for("", letter)))


#: where a piece may begin: a digit, `'`, `(`, a Latin letter or the first letter of a word
#: above, not inside a Hangul word nor straight after a number (`10명일 경우`: a count, not 명일)
#: (pieces that follow another directly are tried apart),
#: save a year a missing space glued to the word before (`참석한 가운데2020년 예산을`)
PIECE_START = compiled(rf"(?<!\p{{Hangul}})(?:[\d'‘’(A-Za-z]|(?<!\d)[{regex.escape(_first_characters())}])"
                            r"|(?<=\p{Hangul})(?:19|20)\d\d(?=\s?년)")
