"""Features of the organisations the rules name, for a small logistic filter (extractor/learned.py)
trained by scripts/train_organizations.py on the dev corpus's gold. The rules name things the gold
does not (generic bodies, events, places, parts of longer names); each name is described by what it
is made of (its head, its first and last morphemes, its length, Latin letters, a known body or
alias) and by where and how the article writes it (zones, how many mentions, the particle and the
words around them, a country or government before it, another name holding it).

Measured, not wired in: on articles it was not trained on the filter does not beat the rules, also
when trained on articles the rules were never fitted to (benchmarks/README.md, "Learned
organisations classifier"); only the training script computes these features, on the Doc the
pipeline left."""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from extractor.nlp.common import document_of
from extractor.recognizers.names import named_candidates
from extractor.recognizers.names.things import Candidate, Reading, organization_aliases

MODEL_NAME = "organizations"
_SPACE = re.compile(r"\s+")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"[0-9]")
#: The characters right around a mention, in classes: brackets, credits (`=`), quote marks, a list's dot.
_MARKS = {"[": "bracket", "]": "bracket", "(": "paren", ")": "paren", "<": "bracket", ">": "bracket",
          "=": "equals", "/": "slash", "·": "dot", "ㆍ": "dot", ",": "comma", "‘": "quote", "’": "quote",
          "“": "quote", "”": "quote", "'": "quote", '"': "quote", "\n": "newline", "-": "dash"}


def stored_organization_features(doc: Doc) -> dict[str, frozenset[str]]:
    """The features of each organisation (or outlet) kr_names stored on a Doc the pipeline ran over."""
    bodies: dict[str, list[Candidate]] = {}
    for candidate in named_candidates(doc):
        if candidate.field in ("organizations", "outlets"):
            bodies.setdefault(candidate.name, []).append(candidate)
    return organization_features(doc, doc._.people.reading, bodies)


def organization_features(doc: Doc, reading: Reading, bodies: dict[str, list[Candidate]]) -> dict[str, frozenset[str]]:
    """Each organisation's name (a key of `bodies`, its mentions the values) -> the named binary
    features the model reads."""
    zones = document_of(doc).zones
    squeezed = {name: _SPACE.sub("", name) for name in bodies}
    found = {}
    for name, mentions in bodies.items():
        features = _name_features(reading, name) | _mention_features(reading, zones, mentions)
        others = [other for key, other in squeezed.items() if key != name and other != squeezed[name]]
        if any(squeezed[name] in other for other in others):
            features.add("inside_another")
        if any(other in squeezed[name] for other in others):
            features.add("holds_another")
        found[name] = frozenset(features)
    return found


def _name_features(reading: Reading, name: str) -> set[str]:
    lex, squeezed = reading.lex, _SPACE.sub("", name)
    head = lex.organizations.ending_or_is(squeezed)
    words = name.split()
    features = {f"name={squeezed}", f"head={head}", f"last={squeezed[-1:]}", f"last2={squeezed[-2:]}", f"first={squeezed[:1]}",
                f"first_word={words[0]}" if len(words) > 1 else "one_word",
                f"chars={_bucket(len(squeezed), (2, 3, 4, 5, 7, 10))}", f"words={min(len(words), 4)}"}
    if _LATIN.search(name):
        features.add("latin_all" if not re.search(r"[가-힣]", name) else "latin_some")
    if _DIGIT.search(name):
        features.add("digits")
    if squeezed in lex.known_bodies:
        features.add("known_body")
    if name in organization_aliases():
        features.add("alias_short")
    if name in organization_aliases().values():
        features.add("alias_official")
    if head in lex.local_government_heads or squeezed in lex.provinces:
        features.add("local_government")
    if head in lex.office_heads:
        features.add("office")
    if len(words) > 1 and (words[0] in lex.provinces
                           or lex.organizations.ending(words[0]) in lex.local_government_heads):
        features.add("government_first")
    return features


def _mention_features(reading: Reading, zones, mentions: list[Candidate]) -> set[str]:
    text = reading.article.text
    kinds = sorted({next((z.kind for z in zones if z.start <= m.start < z.end), "none") for m in mentions})
    features = {f"mentions={_bucket(len({m.start for m in mentions}), (1, 2, 3, 5))}", "zones=" + "+".join(kinds)}
    first = min(mentions, key=lambda m: m.start)
    features |= _morpheme_features(reading, first)
    features |= {f"zone={kind}" for kind in kinds}
    for mention in mentions:
        if mention.field == "outlets":
            features.add("credited")
        features.add(f"before={_MARKS.get(text[mention.start - 1:mention.start], 'other')}" if mention.start else "before=start")
        features.add(f"after={_MARKS.get(text[mention.end:mention.end + 1], 'other')}")
        if reading.countries.contain(mention.start):
            features.add("country_first")
        features |= _neighbour_features(reading, mention)
    return features


def _neighbour_features(reading: Reading, mention: Candidate) -> set[str]:
    """The particle after the first mention, the word after it, and what stands right before it."""
    article, text, features = reading.article, reading.article.text, set()
    index = article.index_at(mention.end) - 1  # the word holding the mention's last character
    if 0 <= index < len(article.words) and article.words[index].end >= mention.end:
        word = article.words[index]
        features.add(f"particle={word.particle or '-'}" if word.nominal_end == mention.end else "glued")
        if index + 1 < len(article.words):
            after = article.words[index + 1]
            features.add(f"next={text[after.start:after.nominal_end] or text[after.start:after.end][:2]}")
    first = article.index_at(mention.start)
    if 0 < first <= len(article.words):
        before = article.words[first - 1]
        features.add(f"prev={text[before.start:before.nominal_end] or text[before.start:before.end][:2]}")
        if reading.countries.contain(before.start):
            features.add("after_country")
        if reading.lex.organizations.ending(text[before.start:before.nominal_end]) in reading.lex.local_government_heads:
            features.add("after_government")
    return features


def _morpheme_features(reading: Reading, mention: Candidate) -> set[str]:
    morphs = reading.article.morphs_in(mention.start, mention.end)
    if not morphs:
        return {"no_morphemes"}
    tags = [m.tag for m in morphs]
    features = {f"first_morph={morphs[0].form}", f"last_morph={morphs[-1].form}", f"last_tag={tags[-1]}",
                f"first_tag={tags[0]}"}
    if all(tag == "NNG" and not m.oov for tag, m in zip(tags, morphs)):
        features.add("common_nouns_only")
    if "NNP" in tags:
        features.add("proper_noun")
    if any(m.oov for m in morphs):
        features.add("unknown_word")
    return features


def _bucket(value: int, bounds: Iterable[int]) -> str:
    below = [bound for bound in bounds if value >= bound]
    return f"{below[-1]}+" if below else f"<{min(bounds)}"
