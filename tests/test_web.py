"""The web API: a pasted article comes back as contract JSON and is saved to the store; limits,
bad input and cross-site writes are refused at once with a clear message; extraction runs in
worker processes so the server keeps answering."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from extractor.web.app import Limits, create_app
from live_server import live_server

SEED = Path(__file__).resolve().parent.parent / "samples" / "anyang-smart-city-2023-07-28.txt"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(tmp_path_factory.mktemp("web") / "web.duckdb", workers=1)) as client:
        yield client


def test_pasted_article_is_extracted_grounded_and_saved(client):
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


def test_json_body_with_text_and_reference_date(client):
    response = client.post("/api/extract", json={"text": SEED.read_text(encoding="utf-8"),
                                                 "reference_date": "2023-07-28", "save": False})
    assert response.status_code == 200 and response.json()["reference_date"] == "2023-07-28"
    bad_date = client.post("/api/extract", json={"text": "안양시", "reference_date": "yesterday"})
    assert bad_date.status_code == 422 and "YYYY-MM-DD" in bad_date.json()["detail"]
    not_text = client.post("/api/extract", json={"body": "안양시"})
    assert not_text.status_code == 422 and '"text"' in not_text.json()["detail"]


def test_uploaded_cp949_file_and_clear_errors(client):
    data = SEED.read_text(encoding="utf-8").encode("cp949", errors="replace")
    ok = client.post("/api/extract", files={"file": ("seed.txt", data, "text/plain")}, data={"save": "false"})
    assert ok.status_code == 200 and ok.json()["title"].startswith("'K37+벨트'")
    empty = client.post("/api/extract", data={"text": "   "})
    assert empty.status_code == 422 and "empty" in empty.json()["detail"]
    binary = client.post("/api/extract", files={"file": ("x.bin", bytes(range(256)) * 4, "application/octet-stream")})
    assert binary.status_code == 422 and "binary" in binary.json()["detail"]
    both = client.post("/api/extract", data={"text": "안양시"}, files={"file": ("seed.txt", data, "text/plain")})
    assert both.status_code == 422 and "not both" in both.json()["detail"]


def test_binary_in_the_text_field_is_refused(client):
    junk = bytes(range(256)).decode("latin-1") * 4
    for response in (client.post("/api/extract", data={"text": junk}),
                     client.post("/api/extract", json={"text": junk})):
        assert response.status_code == 422 and "binary" in response.json()["detail"]


def test_bad_listing_limit_is_a_client_error(client):
    assert client.get("/api/articles", params={"limit": -1}).status_code == 422
    assert client.get("/api/articles", params={"limit": 2}).status_code == 200


def test_cross_site_writes_are_refused(client):
    text = {"text": "안양시를 방문했다."}
    for headers in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Sec-Fetch-Site": "same-site"}, {"Origin": "null"}):
        response = client.post("/api/extract", data=text, headers=headers)
        assert response.status_code == 403 and "cross-site" in response.json()["detail"]
    own_page = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/api/extract", data={**text, "save": "false"}, headers=own_page).status_code == 200


def test_page_states_the_limits_and_larger_input_is_refused_at_once(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "1,000,000자" in page.text and "20 MB" in page.text and "300초" in page.text
    assert client.get("/api/limits").json() == {"max_chars": 1_000_000, "max_file_bytes": 20 * 2**20,
                                                "time_limit": 300.0}
    # 3 MB of pasted Korean: past the form parser's old 1 MB part limit, refused by our own count
    response = client.post("/api/extract", data={"text": "가" * 1_000_001})
    assert response.status_code == 413
    assert response.json()["detail"].startswith("the text has 1,000,001 characters; the limit is 1,000,000")
    huge = client.post("/api/extract", files={"file": ("big.txt", b"a" * (20 * 2**20 + 1), "text/plain")})
    assert huge.status_code == 413 and "20 MB" in huge.json()["detail"]


def _wait_for_workers(http: httpx.Client) -> None:
    """Until every worker has loaded the pipeline (slow on a loaded machine)."""
    while http.get("/api/health").json()["starting"]:
        time.sleep(0.1)


def test_server_answers_while_a_long_text_is_extracted_and_stops_it_at_the_time_limit():
    text = SEED.read_text(encoding="utf-8")
    long_text = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    app = create_app(workers=1, limits=Limits(time_limit=3))  # a 1 M-character text takes far longer
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as http:
        _wait_for_workers(http)
        long_request: dict = {}
        worker = threading.Thread(target=lambda: long_request.update(
            response=http.post("/api/extract", json={"text": long_text})))
        worker.start()
        while http.get("/api/health").json()["busy"] == 0:
            time.sleep(0.05)
        started = time.monotonic()
        page = http.get("/")
        assert page.status_code == 200 and time.monotonic() - started < 1
        assert worker.is_alive()  # the long text is still being analysed
        worker.join()
        response = long_request["response"]
        assert response.status_code == 503 and "longer than the limit of 3 s" in response.json()["detail"]
        # the stopped worker was replaced: once it is ready the next article is analysed as usual
        _wait_for_workers(http)
        assert http.post("/api/extract", json={"text": text, "save": False}).status_code == 200


def test_serve_listens_on_loopback_unless_told_otherwise():
    from extractor.cli import _parser

    assert _parser().parse_args(["serve"]).host == "127.0.0.1"
    assert _parser().parse_args(["serve", "--host", "0.0.0.0"]).host == "0.0.0.0"
