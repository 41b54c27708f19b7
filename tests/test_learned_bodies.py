"""The features of the organisations the rules name (scripts/organization_features.py), computed for
scripts/train_organizations.py on the Doc the pipeline left: one set per name the component stores."""
from __future__ import annotations

from extractor import load_pipeline
from extractor.ingest import to_document
from extractor.nlp.common import items
from script_loader import load_script

stored_organization_features = load_script("organization_features").stored_organization_features

ARTICLE = ("[가람일보=홍길동 기자] 한빛시는 지난 3일 몽골 울란바토르시 공무원 12명이 한빛시 스마트도시통합센터를 "
           "방문했다고 밝혔다. 대표단은 한빛시청과 한국국제협력단(KOICA) 등을 둘러봤다.")


def test_every_stored_organisation_has_its_features():
    nlp = load_pipeline()
    doc = next(nlp.pipe(nlp.tokenizer.pipe_documents([to_document(ARTICLE, id="toy")])))
    features = stored_organization_features(doc)
    assert set(features) == {item.name for item in items(doc, "organizations")}
    assert {"credited", "before=bracket", "after=equals"} <= set(features["가람일보"])
    assert "head=협력단" in features["한국국제협력단"] and "after=paren" in features["한국국제협력단"]
    assert any(f.startswith("mentions=") for f in features["한빛시"])
