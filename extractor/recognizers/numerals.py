"""Korean numbers in news text: Arabic digits (`2,315`), digits mixed with
place values (`2만1633`, `21만7천764`, `1.5만`), Sino-Korean words (`삼십칠`),
native Korean words (`열두`, `스무`, `세`), and vague counts (`수십`, `백여`).

`NUMBER` and `APPROXIMATE_NUMBER` are regex sources (for the `regex` module) to
embed in a recognizer's pattern. They match bare numerals, and single Sino-Korean
syllables (`이`, `사`, `만`) are ordinary words too: the embedding pattern must
supply the context (boundaries, a counter after it) that makes them numbers.
The word lists live in extractor/lexicons/numerals.yaml.
"""
from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

import regex

from ..lexicons import load
from ..nlp.korean import one_of
from ..pattern_cache import compiled

_LEXICON = load("numerals")
_SINO_DIGITS: dict[str, int] = _LEXICON["sino_digits"]
_SMALL_UNITS: dict[str, int] = _LEXICON["small_units"]
_LARGE_UNITS: dict[str, int] = _LEXICON["large_units"]
#: the place values (`십`, `백`, `천`, `만`, `억`, `조`)
PLACE_VALUES = [*_SMALL_UNITS, *_LARGE_UNITS]
_NATIVE_UNITS = {word: value for value, words in _LEXICON["native_units"].items() for word in words}
_NATIVE_TENS = {word: value for value, words in _LEXICON["native_tens"].items() for word in words}
_NATIVE_WORDS = {**_NATIVE_UNITS, **_NATIVE_TENS, "십": 10}
#: full forms only after 십 (`십하나`): `십세` is an age, not 13
_FULL_NATIVE_UNITS = [words[0] for words in _LEXICON["native_units"].values()]


def _char_class(chars) -> str:
    return "[" + "".join(chars) + "]"


_SINO_DIGIT = _char_class(_SINO_DIGITS)
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)"
_COEFFICIENT = rf"(?:\d|{_SINO_DIGIT})?"
_BELOW_TEN_THOUSAND = (
    "".join(rf"(?:{_COEFFICIENT}{unit}(?:[ ](?=\d))?)?" for unit in sorted(_SMALL_UNITS, key=_SMALL_UNITS.get, reverse=True))
    + rf"(?:{_ARABIC}|{_SINO_DIGIT})?"
)
_GROUP_COEFFICIENT = rf"(?:\d+\.\d+|{_BELOW_TEN_THOUSAND})"
_MIXED = (
    _char_class([*_SINO_DIGITS, *_SMALL_UNITS, *_LARGE_UNITS, r"\d"]).join(["(?=", ")"])
    + "".join(rf"(?:{_GROUP_COEFFICIENT}{unit}(?:[ ](?=\d))?)?"
              for unit in sorted(_LARGE_UNITS, key=_LARGE_UNITS.get, reverse=True))
    + _BELOW_TEN_THOUSAND
)
#: a native Korean number (`세`, `열두`, `스무`, `서른다섯`), the form used before 명, 분, 사람, 달
NATIVE_NUMBER = (
    rf"(?:{one_of(_NATIVE_TENS)}?{one_of(_NATIVE_UNITS)}"
    rf"|{one_of(_NATIVE_TENS)}"
    rf"|십{one_of(_FULL_NATIVE_UNITS)})"
)

#: one number in any of the forms above (see the module note on context)
NUMBER = rf"(?:{NATIVE_NUMBER}|{_MIXED})"

_VAGUE_PREFIX = one_of(_LEXICON["vague_prefixes"])
_VAGUE = rf"(?:{_VAGUE_PREFIX}{_char_class(_SMALL_UNITS)}?{_char_class(_LARGE_UNITS)}?(?<!{_VAGUE_PREFIX}))"
_APPROXIMATE_SUFFIX = one_of(_LEXICON["approximate_suffixes"])

#: `1만2000 여`, `8천 여`: a spaced 여 follows a digit or a unit, never a word (`10만 여성`)
_BEFORE_SPACED_SUFFIX = _char_class([*_SMALL_UNITS, *_LARGE_UNITS, r"\d"])
#: `70여만`, `6천600여만`: 여 before a group unit means a little over that many groups
_OVER_GROUPS = rf"(?:(?=[\d{''.join(_SINO_DIGITS)}]){_BELOW_TEN_THOUSAND}{_APPROXIMATE_SUFFIX}{_char_class(_LARGE_UNITS)})"
#: a number, a vague count (`수십`, `몇백`) or either with `여` (`백여`, `수십여`, `1만2000 여`, `8천 여`)
APPROXIMATE_NUMBER = (
    rf"(?:{_OVER_GROUPS}"
    rf"|(?:{_VAGUE}|{NUMBER})(?:(?<={_BEFORE_SPACED_SUFFIX})[ ](?={_APPROXIMATE_SUFFIX}))?{_APPROXIMATE_SUFFIX}?)"
)

_NUMBER_WORDS = [*_NATIVE_WORDS, *_LEXICON["vague_prefixes"], *_SINO_DIGITS, *_SMALL_UNITS, *_LARGE_UNITS]
#: classes of the letters a number in the forms above can begin with, and of all it can hold: guards
#: for patterns with no literal prefix, so that the `regex` engine leaves most positions after one test
NUMBER_FIRST_LETTER = _char_class([*map(regex.escape, sorted({word[0] for word in _NUMBER_WORDS})), r"\d"])
NUMBER_LETTER = _char_class([*map(regex.escape, sorted({letter for word in [*_NUMBER_WORDS, *_LEXICON["approximate_suffixes"]]
                                                        for letter in word})), r"\d,.\s"])

_NATIVE_RE = compiled(NATIVE_NUMBER)
_MIXED_RE = compiled(_MIXED)
_VAGUE_RE = compiled(rf"({_VAGUE_PREFIX})(.+)")
_APPROXIMATE_RE = compiled(rf"(.+?)({_APPROXIMATE_SUFFIX})({_char_class(_LARGE_UNITS)}?)")
_MIXED_TOKEN = compiled(rf"\d+(?:\.\d+)?|{_SINO_DIGIT}|{_char_class(_SMALL_UNITS)}|{_char_class(_LARGE_UNITS)}")
_NATIVE_TOKEN = compiled(one_of(_NATIVE_WORDS))


class Quantity(NamedTuple):
    value: int
    approximate: bool


def parse_number(text: str) -> int | None:
    """The integer a Korean numeral stands for (`21만7천764` → 217764), else None."""
    text = text.strip()
    if _NATIVE_RE.fullmatch(text):
        return sum(_NATIVE_WORDS[word] for word in _NATIVE_TOKEN.findall(text))
    if _MIXED_RE.fullmatch(text):
        return _mixed_value(text)
    return None


def _mixed_value(text: str) -> int | None:
    total = section = Fraction(0)
    pending: Fraction | None = None
    for token in _MIXED_TOKEN.findall(text.replace(",", "")):
        if token in _SMALL_UNITS:
            section += (1 if pending is None else pending) * _SMALL_UNITS[token]
            pending = None
        elif token in _LARGE_UNITS:
            group = section + (pending or 0)
            total += (group if group or pending is not None else 1) * _LARGE_UNITS[token]
            section, pending = Fraction(0), None
        else:
            pending = Fraction(_SINO_DIGITS.get(token, token))
    total += section + (pending or 0)
    return int(total) if total.denominator == 1 else None


def approximate_number(text: str) -> Quantity | None:
    """A number that may be vague: `수십` → (10, True), `백여` → (100, True),
    `138` → (138, False); the value of a vague count is its stated lower bound."""
    text = text.strip()
    exact = parse_number(text)
    if exact is not None:
        return Quantity(exact, False)
    vague = _VAGUE_RE.fullmatch(text)
    if vague and parse_number(vague.group(2)) is not None:
        return Quantity(parse_number(vague.group(2)), True)
    over = _APPROXIMATE_RE.fullmatch(text)
    if over:
        inner = approximate_number(over.group(1) + over.group(3))
        return Quantity(inner.value, True) if inner is not None else None
    return None
