"""People named before a title (`최대호 안양시장`, `네스토르 라울 페냐 산체스 시장`), in
`(시장 양기대)`, as bylines (`박종일 기자`), and the bodies their titles name
(`안양시장` -> 안양시, `강호인 국토교통부 장관` -> 국토교통부).

A Korean name is one word: a surname from the census list and one to three
syllables. A foreign name is a run of two or more proper-noun words that Kiwi
cannot read as common nouns (it splits `네스토르` into 네스토+르).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons
from .names_things import Candidate, Heads, is_organization_word
from .names_words import ArticleWords, Word

MAX_BODY_WORDS = 2
_HANGUL_NAME = re.compile(r"[가-힣]{2,4}")
_NOT_A_PERSON_TITLE = frozenset({"관계자"})


@dataclass(frozen=True)
class Titles:
    titles: tuple[str, ...]  # longest first
    bodies: dict
    body_titles: frozenset
    suffixes: tuple[str, ...]
    surnames: frozenset


@lru_cache(maxsize=None)
def titles() -> Titles:
    data = lexicons.load("titles")
    every = (set(data["titles"]) | set(data["suffix_titles"])) - _NOT_A_PERSON_TITLE
    return Titles(
        titles=tuple(sorted(every, key=len, reverse=True)),
        bodies=dict(data["title_bodies"]),
        body_titles=frozenset(data["body_titles"]),
        suffixes=tuple(data["title_suffixes"]),
        surnames=frozenset(data["surnames"]),
    )


def title_in(text: str, lex: Titles) -> str | None:
    """The title a word ends with (`안양시장` -> 시장, `사장직무대행` -> 사장)."""
    for suffix in lex.suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return next((t for t in lex.titles if text.endswith(t)), None)


def is_korean_name(article: ArticleWords, word: Word, lex: Titles, heads: Heads) -> bool:
    """Surname + given name, three syllables (four with a two-syllable surname). Kiwi tags
    unknown names NNG as often as NNP, so common nouns are ruled out by what they are."""
    text = article.text[word.start:word.end]
    if not word.full or not _HANGUL_NAME.fullmatch(text):
        return False
    if text in heads.generic or text in heads.participant_nouns or title_in(text, lex):
        return False
    if is_organization_word(article, word, heads):
        return False
    if text[:2] in lex.surnames and len(text) == 4:
        return True
    return len(text) == 3 and text[0] in lex.surnames


def _is_foreign_name_part(article: ArticleWords, word: Word, heads: Heads, countries, places) -> bool:
    text = article.text[word.start:word.end]
    if not word.full or not re.fullmatch(r"[가-힣]{2,}", text):
        return False
    if text in heads.generic or text in places or text in heads.participant_nouns:
        return False
    if _in_country(word, countries) or is_organization_word(article, word, heads):
        return False
    return "NNP" in word.tags or any(len(form) == 1 for form in word.forms)


def _in_country(word: Word, countries) -> bool:
    return any(s < word.end and word.start < e for s, e in countries)


def people(article: ArticleWords, heads: Heads, countries, places: set[str]) -> list[Candidate]:
    """People and the bodies their titles name; `places` are words the article uses as places
    or bodies elsewhere (`스플리트`), which a foreign name does not run into."""
    lex = titles()
    found: list[Candidate] = []
    for index, word in enumerate(article.words):
        text = article.text[word.start:word.nominal_end]
        title = title_in(text, lex)
        if title:
            found.extend(_before_title(article, index, text, title, lex, heads, countries, places))
    found.extend(_parenthesised(article, lex))
    return found


def _before_title(article, index, text, title, lex, heads, countries, places) -> list[Candidate]:
    word = article.words[index]
    prefix = text[: text.rindex(title)]
    if prefix and prefix[0] in lex.surnames and title == "기자" and _HANGUL_NAME.fullmatch(prefix):
        return [Candidate("persons", prefix, word.start, word.start + len(prefix))]
    chain = _words_before(article, index)
    for position in range(len(chain) - 1, max(-1, len(chain) - 2 - MAX_BODY_WORDS), -1):
        if is_korean_name(article, chain[position], lex, heads):
            name = chain[position]
            person = Candidate("persons", article.text[name.start:name.end], name.start, name.end)
            return [person] + _body(article, chain[position + 1:], word, prefix, title, lex, countries)
    return _foreign(article, chain, word, prefix, title, lex, heads, countries, places)


def _words_before(article: ArticleWords, index: int) -> list[Word]:
    """The wholly nominal words joined to article.words[index] from its left, in text order."""
    chain: list[Word] = []
    while index > 0 and article.joined(article.words[index - 1], article.words[index]) and len(chain) < 8:
        index -= 1
        chain.insert(0, article.words[index])
    return chain


def _foreign(article, chain, word, prefix, title, lex, heads, countries, places) -> list[Candidate]:
    body_start = len(chain)
    while body_start > 0 and len(chain) - body_start < MAX_BODY_WORDS and not _is_foreign_name_part(
            article, chain[body_start - 1], heads, countries, places):
        body_start -= 1
    name_start = body_start
    while name_start > 0 and _is_foreign_name_part(article, chain[name_start - 1], heads, countries, places):
        name_start -= 1
    if body_start - name_start < 2:
        return []
    first, last = chain[name_start], chain[body_start - 1]
    person = Candidate("persons", article.text[first.start:last.end], first.start, last.end)
    return [person] + _body(article, chain[body_start:], word, prefix, title, lex, countries)


def _body(article, body_words, word, prefix, title, lex, countries) -> list[Candidate]:
    """The organisation a title names: the words between name and title, and the title's own start."""
    if title not in lex.body_titles:
        return []
    body_words = [w for w in body_words if not _in_country(w, countries)]
    if prefix:
        end = word.start + len(prefix) + len(lex.bodies.get(title, ""))
    elif body_words:
        end = body_words[-1].end
    else:
        return []
    start = body_words[0].start if body_words else word.start
    return [Candidate("organizations", article.text[start:end], start, end)]


def _parenthesised(article: ArticleWords, lex: Titles) -> list[Candidate]:
    """`광명시(시장 양기대)`, `한국국제협력단(이사장 장원삼)`."""
    found = []
    for match in re.finditer(r"\(([가-힣]{1,6}) ([가-힣]{2,4})\)", article.text):
        name = match.group(2)
        if match.group(1) in lex.titles and name[0] in lex.surnames:
            found.append(Candidate("persons", name, match.start(2), match.end(2)))
    return found


def short_mentions(article: ArticleWords, persons: list[Candidate]) -> list[Candidate]:
    """`최 시장은` after `최대호 안양시장`: a surname before a title is the person named earlier."""
    lex = titles()
    by_surname: dict[str, set] = {}
    for person in persons:
        if _HANGUL_NAME.fullmatch(person.name):
            by_surname.setdefault(person.name[0], set()).add(person.name)
    found = []
    for index, word in enumerate(article.words[:-1]):
        text = article.text[word.start:word.end]
        following = article.words[index + 1]
        if len(by_surname.get(text, ())) == 1 and article.joined(word, following) and title_in(
                article.text[following.start:following.nominal_end], lex):
            found.append(Candidate("persons", next(iter(by_surname[text])), word.start, word.end))
    return found
