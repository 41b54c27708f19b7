"""The features a learned visiting model reads (extractor/recognizers/visiting_evidence.py, through
the countries recognizer; measured by scripts/train_visiting.py): per country, pooled over its
mentions, with the rules' own decision."""
from __future__ import annotations

import pytest

from extractor.ingest import to_document
from extractor.learned import load_model
from extractor.nlp.pipeline import COMPONENTS, build_pipeline


@pytest.fixture(scope="module")
def read():
    nlp = build_pipeline(exclude=tuple(factory for factory, _ in COMPONENTS if factory != "kr_countries"))
    recognizer = nlp.get_pipe("kr_countries")
    return lambda text: recognizer.read(next(nlp.tokenizer.pipe_documents([to_document(text.encode())])))


def test_a_listed_countrys_people_counted_as_the_subject(read):
    features = read("몽골, 네팔 공무원 24명이 시청을 방문했다.").features()
    assert {"in_list", "people", "role=origin", "cue=visit", "role=origin&cue=visit", "rule"} <= features["MN"]
    assert "rule" in features["NP"] and "people_count_after" in features["NP"]


def test_a_lists_members_share_the_people_named_after_its_last(read):
    features = read("이 학교에는 네팔, 가나 등 7개국 학생 40명이 다닌다.\n칠레와 페루의 수출이 늘었다.").features()
    assert {"in_list", "people", "people_count_after"} <= features["NP"]
    assert {"in_list", "no_people"} <= features["CL"] and "people" not in features["CL"]


def test_a_destination_of_the_hosts_trip(read):
    reading = read("시장은 다음 주 베트남을 방문한다.\n현지에서 베트남 총리를 만난다.")
    features = reading.features()["VN"]
    assert {"role=destination", "particle=을", "trip_destination", "mentions=2", "in_title"} <= features
    assert "rule" not in features and reading.tells_visits()


def test_countries_named_only_beside_the_host_are_no_candidates(read):
    assert "CN" not in read("한·중·일 협의체 대표단이 시청을 찾았다.").features()


def test_every_feature_of_the_shipped_model_is_one_the_recognizer_emits(read):
    """A model trained before a feature was renamed would silently ignore it: every weight's name
    must be a feature (or a conjunction of features) visiting_evidence can produce."""
    weights = load_model("visiting").weights
    flags = {"people", "no_people", "rule", "in_title", "in_lead", "in_quote", "in_list", "counted",
             "people_count_after", "host", "trip_destination"}
    prefixes = ("cue=", "role=", "particle=", "mentions=")
    parts = {part for name in weights for part in name.split("&")}
    assert weights and all(part in flags or part.startswith(prefixes) for part in parts)
    emitted = set().union(*read("라오스 공무원 12명이 시청을 방문했다.\n몽골, 네팔 관광객이 늘었다.").features().values())
    assert emitted & set(weights) and {"people", "counted", "in_list"} & set(weights)
