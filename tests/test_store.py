"""DuckDB store: articles become tables that answer analysts' questions."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extractor import extract
from extractor.store import Store

SEED = Path(__file__).resolve().parent.parent / "samples" / "anyang-smart-city-2023-07-28.txt"


def test_visiting_countries_people_and_speakers_by_sql():
    store = Store()
    article = extract(SEED.read_bytes(), id="seed")
    assert store.add([article]) == 1
    _, visiting = store.query("SELECT code FROM countries WHERE visiting ORDER BY code")
    assert {code for (code,) in visiting} == {c.code for c in article.countries if c.visiting}
    _, (row,) = store.query("SELECT max(headcount) FROM visits WHERE article_id = 'seed'")
    assert row[0] == max(v.headcount or 0 for v in article.visits)
    _, speakers = store.query("SELECT DISTINCT speaker_name FROM quotes WHERE speaker_name IS NOT NULL")
    assert {name for (name,) in speakers} == {q.speaker.name for q in article.quotes if q.speaker and q.speaker.name}


def test_loading_an_article_again_replaces_it():
    store = Store()
    article = extract(SEED.read_bytes(), id="seed")
    store.add([article])
    store.add([article.model_dump(mode="json")])
    _, [(articles,)] = store.query("SELECT count(*) FROM articles")
    _, [(dates,)] = store.query("SELECT count(*) FROM dates")
    assert (articles, dates) == (1, len(article.dates))


def test_cli_store_then_sql(tmp_path):
    jsonl = tmp_path / "seed.jsonl"
    jsonl.write_text(json.dumps(extract(SEED.read_bytes(), id="seed").model_dump(mode="json"),
                                ensure_ascii=False) + "\n", encoding="utf-8")
    database = tmp_path / "archive.duckdb"
    run = [sys.executable, "-m", "extractor"]
    subprocess.run([*run, "store", str(database), str(jsonl)], check=True, capture_output=True)
    result = subprocess.run([*run, "sql", str(database), "SELECT title FROM articles", "--json"],
                            check=True, capture_output=True, text=True)
    assert json.loads(result.stdout)["title"].startswith("'K37+벨트'")
    bad = subprocess.run([*run, "sql", str(database), "SELEC"], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.startswith("extractor: query failed")
