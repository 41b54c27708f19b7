"""The web API: a pasted article comes back as contract JSON and is saved to the store."""
from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from extractor.web.app import create_app

SEED = Path(__file__).resolve().parent.parent / "samples" / "anyang-smart-city-2023-07-28.txt"


def test_pasted_article_is_extracted_grounded_and_saved(tmp_path):
    with TestClient(create_app(tmp_path / "web.duckdb")) as client:
        text = SEED.read_text(encoding="utf-8")
        response = client.post("/api/extract", data={"text": text})
        assert response.status_code == 200
        article = response.json()
        assert article["text"] == text
        for quote in article["quotes"]:
            assert text[quote["start"]:quote["end"]] == quote["text"]
        assert {c["code"] for c in article["countries"] if c["visiting"]} >= {"PE"}
        saved = client.get("/api/articles").json()
        assert [row["article_id"] for row in saved] == [article["id"]]


def test_uploaded_cp949_file_and_clear_errors(tmp_path):
    with TestClient(create_app()) as client:
        data = SEED.read_text(encoding="utf-8").encode("cp949", errors="replace")
        ok = client.post("/api/extract", files={"file": ("seed.txt", data, "text/plain")})
        assert ok.status_code == 200 and ok.json()["title"].startswith("'K37+벨트'")
        empty = client.post("/api/extract", data={"text": "   "})
        assert empty.status_code == 422 and "empty" in empty.json()["detail"]
        binary = client.post("/api/extract", files={"file": ("x.bin", bytes(range(256)) * 4, "application/octet-stream")})
        assert binary.status_code == 422 and "binary" in binary.json()["detail"]


def test_page_is_served():
    with TestClient(create_app()) as client:
        page = client.get("/")
        assert page.status_code == 200 and "/static/app.js" in page.text
        assert client.get("/static/app.js").status_code == 200
