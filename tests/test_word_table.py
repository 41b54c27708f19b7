"""The names rules read only the words their one-pass tables keep (things.WordTable, the foreign cities'
`_may_be_cities`): each table must keep every word its rule would accept, or a rule changed later
would lose names without any other test noticing. Checked on every word of the samples and the dev corpus."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from extractor import load_pipeline
from extractor.recognizers.names import cities, lists
from extractor.recognizers.names.people import people_of

things = importlib.import_module("extractor.recognizers.names.things")  # the package's `things` is its function

REPOSITORY = Path(__file__).resolve().parent.parent
TEXTS = sorted([*(REPOSITORY / "samples").glob("*.txt"), *(REPOSITORY / "corpus" / "dev").glob("*.txt")])


@pytest.fixture(scope="module")
def readings() -> list[things.Reading]:
    nlp = load_pipeline()
    return [people_of(nlp(path.read_text(encoding="utf-8"))).reading for path in TEXTS]


def _phrase_positions(table_phrases: list) -> set[tuple[int, int]]:
    return {(first, first + position) for first, _, positions in table_phrases for position in positions}


def test_the_texts_are_there():
    assert len(TEXTS) > 20


def test_organisation_heads_are_kept(readings):
    for reading in readings:
        kept = _phrase_positions(things.word_table(reading).body_phrases)
        for first, end in reading.article.phrase_bounds:
            phrase = reading.article.words[first:end]
            for position in range(len(phrase)):
                if things._organization_at(reading, phrase, position) or things._place_office(reading, phrase, position) \
                        or things._latin_name_after_place(reading.article, phrase, position):
                    assert (first, first + position) in kept, reading.article.text[phrase[position].start:][:40]


def test_thing_heads_are_kept(readings):
    for reading in readings:
        kept = _phrase_positions(things.word_table(reading).thing_phrases)
        for first, end in reading.article.phrase_bounds:
            phrase = reading.article.words[first:end]
            for position in range(len(phrase)):
                if things._phrase_things(reading, phrase, [position]):
                    assert (first, first + position) in kept, reading.article.text[phrase[position].start:][:40]


def test_list_closers_and_known_bodies_are_kept(readings):
    for reading in readings:
        table = things.word_table(reading)
        for index in range(1, len(reading.article.words)):
            if lists._closing_kind(reading, index) is not None:
                assert index in table.list_closers
            if things._known_name_end(reading, index) is not None:
                assert index in table.known_body_starts


def test_foreign_cities_are_kept(readings):
    for reading in readings:
        roles = cities.CityRoles(reading)
        kept = set(roles._may_be_cities())
        for index in range(len(reading.article.words)):
            if roles._reads_as_city(index):
                assert index in kept, reading.article.text[reading.article.words[index].start:][:40]
