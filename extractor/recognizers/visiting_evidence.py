"""What a learned model reads to decide whether a country is visiting (`models/visiting.json`,
trained by scripts/train_visiting.py on the dev corpus's gold): named binary features of a
country, pooled over its mentions in the article. The countries recognizer computes them at
run time and the training script through the recognizer itself, so both see the same features.

Per mention: the particle glued to it (`particle=에서`); whether its sentence tells a visit,
taking part, a meeting, a tally of visitors, a call from afar, a setting abroad, people going
out or a visit recalled (`cue=visit`, from visit_cues.yaml); the grammatical role the rules read
(`role=destination`); the role and the particle each with each cue of the sentence
(`role=origin&cue=visit`); whether the mention is in the headline or the lead, inside a quote or
in a list of countries; a count of people, a visitor noun or a row's figure right after it, or
after the list it ends (`몽골, 라오스 등 12개국 150여명의 유학생`: every member's people); the
rules' decision (`rule`). Per country (but one named only beside the host): how often it is named, whether it is the host or where
the article's people travel. Kiwi's forms and tags of the morphemes around each mention, the
next noun and the next verb were tried and left out: they lowered the cross-validated F1
(benchmarks/README.md)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..nlp.korean import Morphemes

#: Characters after a mention where a count of people names its people (`몽골 관광객 200명`).
COUNT_REACH = 16
OPENING_QUOTES = "“‘「『"
CLOSING_QUOTES = "”’」』"
STRAIGHT_QUOTE = '"'


@dataclass(frozen=True)
class Judged:
    """One mention, its sentence and the rules' decision."""

    start: int
    end: int
    code: str
    sentence: tuple[int, int]
    rule: bool
    beside_host: bool  # coordinated with the host (`한·중·일`): a relation between countries


@dataclass(frozen=True)
class ArticleReading:
    """What the countries recognizer read of one article, shared by every mention."""

    text: str
    morphemes: Morphemes
    lead_end: int  # where the lead's lines (headline, deck, first sentence) end
    title_end: int
    sentence_cues: dict[tuple[int, int], frozenset[str]]
    host: str
    destinations: frozenset[str]
    list_last: dict[tuple[int, int], tuple[int, int]]  # each mention in a list of countries -> the list's last
    counted: frozenset[tuple[int, int]]  # mentions with a row's figure or a visitor noun after them
    with_people: frozenset[tuple[int, int]]  # mentions whose next words name people (`공무원`, `12명`, `중국인`)
    roles: dict[tuple[int, int], str | None]  # the grammatical role the rules read for each mention


def country_features(reading: ArticleReading, mentions: Iterable[Judged]) -> dict[str, set[str]]:
    """The features of each country named, pooled over its mentions; not of a country named only
    beside the host (`한·중·일 협의체`: a relation between countries, never visiting)."""
    features: dict[str, set[str]] = {}
    named: dict[str, int] = {}
    for mention in mentions:
        if not mention.beside_host:
            features.setdefault(mention.code, set()).update(_mention_features(reading, mention))
            named[mention.code] = named.get(mention.code, 0) + 1
    for code, found in features.items():
        found.add(f"mentions={min(named[code], 3)}")
        if code == reading.host:
            found.add("host")
        if code in reading.destinations:
            found.add("trip_destination")
    return features


def _mention_features(reading: ArticleReading, mention: Judged) -> Iterator[str]:
    cues = reading.sentence_cues.get(mention.sentence, frozenset())
    yield from cues
    role = f"role={reading.roles.get((mention.start, mention.end))}"
    particle = f"particle={_particle_after(reading.morphemes, mention.end)}"
    yield role
    yield particle
    here = (mention.start, mention.end)
    # a list's members share the people named after its last member (`가나, 케냐 등 5개국 공무원`)
    ends = {here, reading.list_last.get(here, here)}
    people = "people" if not ends.isdisjoint(reading.with_people) else "no_people"
    yield people
    yield f"{role}&{people}"
    for cue in cues or ("cue=None",):
        yield f"{role}&{cue}"
        yield f"{particle}&{cue}"
    if mention.rule:
        yield "rule"
    if mention.start < reading.title_end:
        yield "in_title"
    elif mention.start < reading.lead_end:
        yield "in_lead"
    if inside_quote(reading.text[mention.sentence[0]:mention.start]):
        yield "in_quote"
    if here in reading.list_last:
        yield "in_list"
    if not ends.isdisjoint(reading.counted):
        yield "counted"
    if any(_count_of_people_after(reading.text, end, mention.sentence[1]) for _, end in ends):
        yield "people_count_after"


def _count_of_people_after(text: str, end: int, sentence_end: int) -> bool:
    following = text[end:min(end + COUNT_REACH, sentence_end)]
    return "명" in following and any(ch.isdigit() for ch in following)


def _particle_after(morphemes: Morphemes, end: int) -> str | None:
    """The particle glued to the mention (`을`, `에서`), if any."""
    morph = morphemes.starting_at(end)
    return morph.form if morph is not None and morph.tag.startswith("J") else None


def inside_quote(before: str) -> bool:
    opened = sum(before.count(q) for q in OPENING_QUOTES) - sum(before.count(q) for q in CLOSING_QUOTES)
    return opened > 0 or before.count(STRAIGHT_QUOTE) % 2 == 1
