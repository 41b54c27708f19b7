"""What a learned ranker reads to choose the headline among the lines a page prints above its
article (`models/headline.json`, trained by scripts/train_headline.py on the dev corpus's gold):
named binary features of each candidate line, from what the layout already computed. The layout
computes them at run time and the training script through the layout itself, so both see the same
features.

A candidate is a line of words above the body's first line, that first line, and the rules' own
choice. Its features: its place from the top and from the body's start, its length, the layout's
class of it and of the lines around it (`kind=furniture`, `above=meta`, `below=body`), how it ends
(a full stop after `다`, a question), marks opening it (`[`, `<`, `▶`), separators inside it (`|`,
`>`, a dash), its share of letter pairs with the lead and with the article (bucketed), whether the
page prints it again, and whether the rules chose it (`rule`)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..pattern_cache import compiled_re

RULE_FEATURE = "rule"
#: What no headline is (docs/CONTRACT.md: the headline line, not a sentence of the article nor a photo's
#: caption): the ranker may put no candidate with these features in place of the rules' choice. Nor may
#: it take the rules' headline away (`null`): it only finds one the rules missed or put a page's line for.
NOT_HEADLINE = frozenset({"kind=caption", "kind=meta", "form=prose", "form=photo", "full_stop", "has=sentence",
                          "null"})
_LETTERS = compiled_re(r"[가-힣A-Za-z]+")
_FULL_STOP = compiled_re(r"[다요죠까]\s*\.\s*[\"'”’)\]]*\s*$")
_SENTENCE_ENDING = compiled_re(r"(?:다|요|죠|까)\s*[\"'”’)\]]*\s*$")
_OPENING_MARK = compiled_re(r"^\s*([\[【<〈(（▶▷►■□◆◇●○•·\-*#]|['‘\"“])")
_BRACKETED_TAG = compiled_re(r"^\s*[\[【<〈][^\]】>〉]{1,12}[\]】>〉]")
_SEPARATORS = (("bar", "|"), ("bar", "│"), ("crumb", ">"), ("crumb", "›"), ("dash", " - "), ("dash", " – "),
               ("dots", "…"), ("comma", ","), ("colon", ":"), ("slash", "/"))
_DIGITS = compiled_re(r"\d")
_INNER_SENTENCE = compiled_re(r"[다요]\.\s+\S")
_LIST_WORD = compiled_re(r"\S\s*등(?:\s|$)")
_LENGTHS = (5, 10, 15, 20, 30, 40, 50, 65, 80, 120)
_SHARES = (0.0, 0.15, 0.3, 0.5, 0.7, 0.9)
#: The article's words a candidate is compared with: its opening, this many characters of the body, and
#: its lead, this many of its first paragraph.
ARTICLE_CHARS = 1500
LEAD_CHARS = 400


@dataclass(frozen=True)
class HeaderLine:
    """One non-blank line of the page as the layout classified it (before it marks the headline)."""

    text: str
    kind: str  # furniture, meta, caption, text (above the body), body
    forms: frozenset[str] = frozenset()  # the layout's reading of its form (`headline_form`, `deck_form`, `prose`)


@dataclass(frozen=True)
class PageWords:
    """The letter pairs of the article's lead (LEAD_CHARS) and of its opening (ARTICLE_CHARS), and the
    lines the page prints more than once."""

    lead: frozenset[str]
    article: frozenset[str]
    printed_twice: frozenset[str]


def may_replace_rules(features: set[str]) -> bool:
    """Whether the ranker may choose this candidate over the rules' choice: the gate of NOT_HEADLINE."""
    return not features & NOT_HEADLINE


def letter_pairs(text: str) -> frozenset[str]:
    return frozenset({word[i:i + 2] for word in _LETTERS.findall(text) for i in range(len(word) - 1)})


def line_features(lines: Sequence[HeaderLine], index: int, body: int, rule: int | None,
                  words: PageWords) -> set[str]:
    """The features of lines[index] as the headline; `body` is the body's first line, `rule` the
    rules' choice (indices into `lines`, the page's non-blank lines)."""
    line = lines[index]
    text = line.text.strip()
    features = {f"kind={line.kind}", f"top={_bucket(index, (0, 1, 2, 3, 5, 9))}",
                f"to_body={_bucket(body - index, (-1, 0, 1, 2, 3, 5))}",
                f"chars={_bucket(len(text), _LENGTHS)}", f"words={_bucket(len(text.split()), (1, 2, 3, 5, 8, 12))}",
                f"above={lines[index - 1].kind if index else 'none'}",
                f"below={lines[index + 1].kind if index + 1 < len(lines) else 'none'}"}
    features |= _form_features(text) | {f"form={form}" for form in line.forms}
    features |= _share_features(text, words)
    if rule is not None:
        features.add(RULE_FEATURE if index == rule else f"to_rule={_bucket(index - rule, (-3, -2, -1, 0, 1, 2))}")
    else:
        features.add("no_rule")
    if text in words.printed_twice:
        features.add("repeated")
    return features


def _form_features(text: str) -> set[str]:
    features = set()
    if _FULL_STOP.search(text):
        features.add("full_stop")
    elif _SENTENCE_ENDING.search(text):
        features.add("sentence_ending")
    if text.endswith(("?", "!")):
        features.add("ends=" + text[-1])
    opening = _OPENING_MARK.match(text)
    if opening:
        features.add("opens=" + ("quote" if opening.group(1) in "'‘\"“" else opening.group(1)))
    if _BRACKETED_TAG.match(text):
        features.add("tag")
    features |= {f"has={name}" for name, mark in _SEPARATORS if mark in text}
    if _DIGITS.search(text):
        features.add("digits")
    if _INNER_SENTENCE.search(text):
        features.add("has=sentence")
    if _DIGITS.match(text):
        features.add("opens=digit")
    if _LIST_WORD.search(text):
        features.add("has=등")
    features.add(f"last={_character_class(text[-1:])}")
    return features


def _character_class(character: str) -> str:
    if not character:
        return "none"
    if "가" <= character <= "힣":
        return "hangul"
    if character.isdigit():
        return "digit"
    return "latin" if character.isalpha() else "mark"


def _share_features(text: str, words: PageWords) -> set[str]:
    pairs = letter_pairs(text)
    if not pairs:
        return {"no_letters"}
    lead = len(pairs & words.lead) / len(pairs)
    article = len(pairs & words.article) / len(pairs)
    return {f"lead_share={_bucket(lead, _SHARES)}", f"article_share={_bucket(article, _SHARES)}"}


def _bucket(value: float, bounds: Sequence[float]) -> str:
    """`<=b` for the first bound b at least the value, else `>last`."""
    return next((f"<={bound}" for bound in bounds if value <= bound), f">{bounds[-1]}")


def null_features(lines: Sequence[HeaderLine], body: int, rule: int | None) -> set[str]:
    """The features of the page printing no headline: how many lines of words stand above the body,
    and whether the rules chose none."""
    above = [line for line in lines[:body] if line.kind == "text"]
    return {"null", f"null&texts={_bucket(len(above), (0, 1, 2, 3))}", f"null&top={_bucket(body, (0, 1, 2, 3, 5, 9))}",
            RULE_FEATURE if rule is None else "null&rule_elsewhere",
            f"null&body_kind={lines[body].kind if body < len(lines) else 'none'}"}
