"""One article, one id: the caller's, else a hash of the normalised text, from every entry point
(file in a batch, archive record without an id, the API, the web page's form with CRLF)."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

from fastapi.testclient import TestClient

from extractor import extract
from extractor.cli import main
from extractor.web.app import create_app

SEED = Path(__file__).resolve().parent.parent / "samples" / "anyang-smart-city-2023-07-28.txt"


def test_the_same_text_gets_the_same_id_however_it_arrives(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    by_api = extract(text).id
    assert extract(text.replace("\n", "\r\n")).id == by_api
    assert extract(codecs.BOM_UTF8 + text.encode("utf-8")).id == by_api
    assert extract(text.encode("cp949", errors="replace")).id != by_api  # `•` has no CP949 form: another text
    assert extract("\n  " + text + "\n\n").id == by_api
    assert extract(text, id="caller-7").id == "caller-7"

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "archive.jsonl").write_text(json.dumps({"body": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["batch", str(tmp_path / "in"), str(tmp_path / "archive.jsonl"), "-o", str(tmp_path / "out"),
                 "--workers", "1", "--quiet"]) == 0
    batch_ids = [json.loads(line)["id"] for line in (tmp_path / "out" / "part-00000.jsonl").read_text().splitlines()]
    assert batch_ids == [by_api, by_api]

    with TestClient(create_app()) as client:
        pasted = client.post("/api/extract", data={"text": text.replace("\n", "\r\n")}).json()
    assert pasted["id"] == by_api
