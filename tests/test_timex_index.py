"""The timex rule index reads every digit as 0 (atoms._DIGITS_AS_ZERO): exact only while the probes
treat all digits alike, that is while a rule names a digit (`1일 교사`, `0시`) only where the probe
can read it as any digit: outside negative lookarounds and character classes."""
import re

from extractor.recognizers.timex.atoms import COMPILED, _probe, candidate_pieces

_TOKEN = re.compile(r"\\.|\{\d+(?:,\d*)?\}|\[(?:\\.|[^\]\\])*\]|\(\?<?!|\(|\)|.", re.DOTALL)


def _digits_in_negative_or_class(pattern: str) -> list[str]:
    found, negative = [], []
    for token in _TOKEN.findall(pattern):
        if token.startswith(("(?!", "(?<!")) or token == "(":
            negative.append(token != "(")
        elif token == ")" and negative:
            negative.pop()
        elif (token.startswith("[") and re.search(r"(?<!\\)[0-9]", token)) or (token.isdigit() and any(negative)):
            found.append(token)
    return found


def test_rules_name_digits_only_where_a_probe_reads_any_digit():
    for pattern, _ in COMPILED:
        assert _digits_in_negative_or_class(pattern.pattern) == [], pattern.pattern


def test_probe_reads_a_named_digit_as_any_digit():
    assert _probe(r"(?<=\()1\s?일\d{2}") == r"(?<=|\()\d\s?일\d{2}"


def test_days_of_the_same_shape_find_their_pieces():
    for text in ("1일 교사", "7일 교사", "0시 축제", "365일 24시간", "2023년 7월 28일"):
        assert candidate_pieces(text, 0, len(text)), text
