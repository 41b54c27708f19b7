"""DuckDB store: articles become tables that answer analysts' questions."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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


def _cli(*arguments, **options):
    return subprocess.run([sys.executable, "-m", "extractor", *map(str, arguments)], capture_output=True, text=True,
                          **options)


@pytest.fixture(scope="module")
def seed_json():
    return extract(SEED.read_bytes(), id="seed").model_dump(mode="json")


@pytest.fixture
def database(tmp_path, seed_json):
    path = tmp_path / "archive.duckdb"
    store = Store(path)
    store.add([seed_json])
    store.close()
    return path


def test_a_duplicate_id_in_one_input_keeps_the_last_record_and_is_reported(tmp_path, seed_json):
    lines = [seed_json, {**seed_json, "id": "other"}, {**seed_json, "title": "the last one"}]
    jsonl = tmp_path / "dup.jsonl"
    jsonl.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    database = tmp_path / "archive.duckdb"
    result = _cli("store", database, jsonl)
    assert result.returncode == 0, result.stderr
    assert "1 duplicate id(s)" in result.stderr and "seed" in result.stderr and "stored 2 articles" in result.stderr
    rows = _cli("sql", database, "SELECT article_id, title FROM articles ORDER BY article_id", "--format", "json")
    assert [json.loads(line) for line in rows.stdout.splitlines()] == [
        {"article_id": "other", "title": seed_json["title"]}, {"article_id": "seed", "title": "the last one"}]


def test_store_reads_pretty_json_and_an_extract_output_directory(tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    pretty = _cli("extract", SEED, "--pretty")
    (tmp_path / "pretty.json").write_text(pretty.stdout, encoding="utf-8")
    assert _cli("extract", SEED, copy, "-o", tmp_path / "out").returncode == 0
    database = tmp_path / "archive.duckdb"
    assert _cli("store", database, tmp_path / "pretty.json").returncode == 0
    stored = _cli("store", database, tmp_path / "out")
    assert stored.returncode == 0 and "stored 2 articles" in stored.stderr
    count = _cli("sql", database, "SELECT count(*) AS n FROM articles", "--format", "json")
    assert json.loads(count.stdout) == {"n": 1}  # one article, however it arrived: one id


@pytest.mark.parametrize("content,reason", [
    ("", "no articles"), ('{"title": "x"}\n', "not extractor output"), ("not json", "invalid JSON")])
def test_store_never_says_stored_0_with_success(tmp_path, content, reason):
    path = tmp_path / "input.json"
    path.write_text(content, encoding="utf-8")
    result = _cli("store", tmp_path / "archive.duckdb", path)
    assert result.returncode == 1 and reason in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_directory_without_extractor_output_is_refused(tmp_path):
    result = _cli("store", tmp_path / "archive.duckdb", tmp_path)
    assert result.returncode == 1 and "no extractor output" in result.stderr


@pytest.mark.parametrize("query", [
    "INSERT INTO articles(article_id) VALUES ('x')",
    "DELETE FROM articles",
    "SELECT 1; DROP TABLE articles",
    "DROP TABLE articles",
    "ATTACH 'other.duckdb' AS other",
    "COPY articles TO '{tmp}/x.csv'",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SET enable_external_access = true",
])
def test_sql_cannot_change_the_store_or_reach_outside_it(database, tmp_path, query):
    result = _cli("sql", database, query.format(tmp=tmp_path), cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith("extractor: query failed")
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "other.duckdb").exists()
    count = _cli("sql", database, "SELECT count(*) AS n FROM articles", "--format", "json")
    assert json.loads(count.stdout) == {"n": 1}


def test_sql_formats(database):
    csv_rows = _cli("sql", database, "SELECT article_id, title FROM articles", "--format", "csv").stdout
    assert csv_rows.splitlines()[0] == "article_id,title" and csv_rows.splitlines()[1].startswith("seed,")
    assert "seed" in _cli("sql", database, "SELECT article_id FROM articles").stdout


def test_export_writes_one_parquet_file_per_table(database, tmp_path, seed_json):
    result = _cli("export", database, tmp_path / "files", "--format", "parquet")
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in (tmp_path / "files").iterdir())
    assert names == sorted(f"{table}.parquet" for table in
                           ("articles", "countries", "headcounts", "dates", "quotes", "names", "visits"))
    _, [(dates,)] = Store().query(f"SELECT count(*) FROM '{tmp_path / 'files' / 'dates.parquet'}'")
    assert dates == len(seed_json["dates"])


def test_store_and_sql_on_a_locked_database_say_so_in_one_line(database, tmp_path, seed_json):
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); time.sleep(60)", str(database)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        jsonl = tmp_path / "seed.jsonl"
        jsonl.write_text(json.dumps(seed_json, ensure_ascii=False) + "\n", encoding="utf-8")
        for result in (_cli("store", database, jsonl), _cli("sql", database, "SELECT 1")):
            assert result.returncode == 1 and "Traceback" not in result.stderr
            assert len(result.stderr.strip().splitlines()) == 1 and "cannot open the store" in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_a_record_with_the_wrong_shape_is_one_line_naming_the_file(tmp_path, seed_json):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({**seed_json, "countries": [{"code": "PE"}]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    result = _cli("store", tmp_path / "archive.duckdb", path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"extractor: {path}: not extractor output (article 'seed'")
