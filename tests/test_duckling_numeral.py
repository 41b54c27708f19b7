"""Duckling's Korean numeral corpus (../shared/peer-suites/duckling-ko/numeral.json)
as the bar for extractor.recognizers.numerals: at least 98 % must pass.

Each case is {text, expected: {type: "value", value}}. Headcounts are whole
numbers, so parse_number reads integers only; the thin adapter below reads the
corpus's other forms (signs, decimals, fractions) through it, digit by digit.
Deliberately different: none at present. The module reads 수십/백여 (vague counts)
as lower bounds, which Duckling has no case for.
"""
from __future__ import annotations

import json
import math
import os
from fractions import Fraction
from pathlib import Path

import pytest
import regex

from extractor.recognizers.numerals import parse_number

SUITE = Path(os.environ.get("EXTRACTOR_PEER_SUITES", Path(__file__).resolve().parents[2] / "shared" / "peer-suites"))
NUMERAL_CORPUS = SUITE / "duckling-ko" / "numeral.json"
PASS_BAR = 0.98

_NEGATIVE = regex.compile(r"(?:마이너스|마이나스|-)\s?(.+)")
_SLASH_FRACTION = regex.compile(r"(\d+)/(\d+)")
_KOREAN_FRACTION = regex.compile(r"(.+)분의(.+)")  # 사분의삼 = 3/4
_DECIMAL = regex.compile(r"(.+?)(?:\.|점)(.+)")    # 3.4, 삼점사


def duckling_value(text: str) -> Fraction | None:
    """The value of a numeral in any form of Duckling's corpus, built on parse_number."""
    if match := _NEGATIVE.fullmatch(text):
        value = duckling_value(match[1])
        return -value if value is not None else None
    if match := _SLASH_FRACTION.fullmatch(text) or _KOREAN_FRACTION.fullmatch(text):
        numerator, denominator = (match[1], match[2]) if "/" in text else (match[2], match[1])
        parts = parse_number(numerator), parse_number(denominator)
        return Fraction(*parts) if None not in parts and parts[1] else None
    if match := _DECIMAL.fullmatch(text):
        whole = parse_number(match[1])
        digits = [parse_number(digit) for digit in match[2]]
        if whole is None or None in digits or any(d > 9 for d in digits):
            return None
        return whole + Fraction(int("".join(map(str, digits))), 10 ** len(digits))
    value = parse_number(text)
    return Fraction(value) if value is not None else None


def _passes(case: dict) -> bool:
    got = duckling_value(case["text"])
    return got is not None and math.isclose(float(got), case["expected"]["value"], rel_tol=1e-12)


@pytest.mark.skipif(not NUMERAL_CORPUS.exists(), reason="peer suites not present")
def test_duckling_korean_numeral_corpus():
    cases = json.loads(NUMERAL_CORPUS.read_text(encoding="utf-8"))["cases"]
    assert all(case["expected"]["type"] == "value" for case in cases)
    failures = [case["text"] for case in cases if not _passes(case)]
    rate = 1 - len(failures) / len(cases)
    print(f"Duckling ko numeral: {len(cases) - len(failures)}/{len(cases)} = {rate:.1%}; failing: {failures}")
    assert rate >= PASS_BAR, failures
