"""`extractor batch`: poisoned archives, kill -9 and resume, Dask, inputs and field mapping.

Worker processes take a few seconds to start (each loads Kiwi), so the end-to-end tests use
small inputs and one or two workers."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from extractor.api import Failure, Input, extract
from extractor.batch import BatchError, BatchJob, FieldMap, Settings, run_batch
from extractor.batch.output import OutputDir
from extractor.batch.local import LocalEngine
from extractor.batch.records import RawRecord, Shard, iter_records
from extractor.batch.work import to_input
from extractor.cli import main

TEMPLATES = (
    "부산시는 {month}월 {day}일 시청에서 해양 안전 포럼을 열고 관계자 {count}명과 대응 방안을 논의했다.\n"
    "시 관계자는 \"현장 중심의 안전 체계를 만들겠다\"고 말했다.",
    "광주 북구는 {month}월 {day}일 청년 창업 지원 사업 설명회에 {count}명이 참석했다고 밝혔다.\n"
    "구청장은 \"청년들이 지역에 머물 수 있도록 돕겠다\"고 강조했다.",
    "강원도는 {count}개 마을을 대상으로 {month}월부터 산불 예방 교육을 한다고 {day}일 발표했다.",
)


def article_text(number: int) -> str:
    template = TEMPLATES[number % len(TEMPLATES)]
    return template.format(month=number % 12 + 1, day=number % 27 + 1, count=10 + number)


def good_records(count: int) -> list[dict]:
    return [{"id": f"article-{number}", "body": article_text(number), "date": "2024.05.01"} for number in range(count)]


def kill_once_busy(pid: int, cpu_seconds: float = 0.05) -> None:
    """SIGKILL a worker once it has spent cpu_seconds of CPU beyond what loading took: surely mid-shard,
    however fast the machine."""
    def cpu_time() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    idle = cpu_time()
    while cpu_time() < idle + cpu_seconds:
        time.sleep(0.005)
    os.kill(pid, signal.SIGKILL)


def write_archive(path: Path, records: list[dict], extra_lines: list[bytes] = ()) -> Path:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wb") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        for line in extra_lines:
            stream.write(line + b"\n")
    return path


def read_output(out: Path) -> tuple[list[dict], list[dict]]:
    articles = [json.loads(line) for part in sorted(out.glob("part-*.jsonl"))
                for line in part.read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    return articles, errors


def test_poisoned_archive_finishes_and_reports_each_bad_record(tmp_path):
    poisoned = [
        json.dumps({"id": "binary", "body": "\x00\x01\x02\x7f\x03" * 200}).encode(),
        json.dumps({"id": "empty", "body": "   "}).encode(),
        json.dumps({"id": "no-text", "headline": "제목만 있는 기록"}, ensure_ascii=False).encode(),
        json.dumps({"id": "huge", "body": "가나다라 " * 2_500_000}, ensure_ascii=False).encode(),
        b'{"id": "broken", "body": "\xea\xb0',
        b'{"id": "not-utf8", "body": "\xff\xfe"}',
        b'["a", "list"]',
    ]
    archive = write_archive(tmp_path / "press.jsonl.gz", good_records(4), poisoned)

    status = main(["batch", str(archive), "-o", str(tmp_path / "out"), "--workers", "1", "--shard-size", "3", "-q"])

    assert status == 0
    articles, errors = read_output(tmp_path / "out")
    ids = [article["id"] for article in articles] + [error["id"] for error in errors if error["id"].startswith("article-")]
    assert sorted(ids) == [f"article-{number}" for number in range(4)]
    errors = [error for error in errors if not error["id"].startswith("article-")]
    reasons = {error["source"].rsplit(":", 1)[1]: error["reason"] for error in errors}
    assert len(errors) == len(poisoned)
    assert "binary" in reasons["5"]
    assert "empty" in reasons["6"]
    assert "no text field" in reasons["7"]
    assert "too large" in reasons["8"]
    assert "invalid JSON" in reasons["9"] and "invalid JSON" in reasons["10"]
    assert "expected an object" in reasons["11"]
    assert {error["id"] for error in errors} >= {"binary", "empty", "no-text", "huge"}
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["counts"]["records"] == 4 + len(poisoned)


def test_batch_killed_mid_run_resumes_with_every_id_exactly_once(tmp_path):
    records = good_records(18)
    records[7] = {"id": "article-7", "body": ""}  # a failure must be kept exactly once too
    lines = b"".join(json.dumps(record, ensure_ascii=False).encode() + b"\n" for record in records)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extractor", "batch", "-", "-o", str(out), "--workers", "2",
               "--shard-size", "3", "-q"]

    # Feed the first 10 records and keep stdin open: the run is certainly unfinished when killed.
    first = subprocess.Popen(command, stdin=subprocess.PIPE, start_new_session=True)
    first.stdin.write(b"".join(lines.splitlines(keepends=True)[:10]))
    first.stdin.flush()
    deadline = time.monotonic() + 120
    while len(list(out.glob("part-*.jsonl"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(first.pid, signal.SIGKILL)  # the parent and its workers, like kill -9 on the job
    first.wait()
    first.stdin.close()
    assert len(list(out.glob("part-*.jsonl"))) >= 2
    assert not (out / "manifest.json").exists()

    resumed = subprocess.run(command + ["--resume"], input=lines, timeout=300)

    assert resumed.returncode == 0
    articles, errors = read_output(out)
    ids = [article["id"] for article in articles] + [error["id"] for error in errors]
    assert sorted(ids) == sorted(record["id"] for record in records)
    assert "article-7" in [error["id"] for error in errors]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["shards_resumed"] >= 2
    assert manifest["counts"]["records"] == len(records)
    assert not list(out.glob(".*.tmp"))


def test_a_worker_killed_mid_shard_is_replaced_and_its_shard_redone():
    records = [RawRecord(f"press.jsonl:{number + 1}", json.dumps(record, ensure_ascii=False).encode(), is_json=True)
               for number, record in enumerate(good_records(20))]

    with LocalEngine(1, Settings()) as engine:
        victim = engine._workers[0].process.pid
        threading.Thread(target=kill_once_busy, args=(victim,), daemon=True).start()  # while it analyses the shard
        results = list(engine.run(iter([Shard(0, records)])))
        replacement = engine._workers[0].process.pid

    assert replacement != victim
    assert [entry["worker"].rsplit(":", 1)[1] for entry in engine.lost_workers] == [str(victim)]
    assert [result.size for result in results] == [20]
    assert not [failure for failure in results[0].failures if "died" in failure["reason"]]


def test_dask_cluster_writes_the_same_output_as_local_workers(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setenv("EXTRACTOR_KIWI_THREADS", "1")  # what the worker plugin would set, undone after the test
    archive = write_archive(tmp_path / "press.jsonl", good_records(5), [b'{"id": "broken"'])
    job = lambda out: BatchJob([str(archive)], tmp_path / out, shard_size=2)  # noqa: E731

    run_batch(job("local"), workers=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        manifest = run_batch(job("dask"), engine="dask", scheduler=cluster.scheduler_address)

    assert manifest["counts"] == {"records": 6, "articles": 5, "failed": 1, "shards": 3,
                                  "shards_resumed": 0, "analysed_this_run": 5}
    for name in ("part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl", "errors.jsonl"):
        assert (tmp_path / "dask" / name).read_text() == (tmp_path / "local" / name).read_text()


def test_output_directory_refuses_a_different_job_or_a_rerun_without_resume(tmp_path):
    output = OutputDir(tmp_path / "out")
    output.prepare({"inputs": ["a.jsonl"], "shard_size": 100}, resume=False)

    with pytest.raises(BatchError, match="--resume"):
        output.prepare({"inputs": ["a.jsonl"], "shard_size": 100}, resume=False)
    with pytest.raises(BatchError, match="shard_size"):
        output.prepare({"inputs": ["a.jsonl"], "shard_size": 50}, resume=True)
    output.prepare({"inputs": ["a.jsonl"], "shard_size": 100}, resume=True)


def test_missing_input_is_refused_before_any_work(tmp_path):
    with pytest.raises(BatchError, match="no such file"):
        run_batch(BatchJob([str(tmp_path / "missing.jsonl")], tmp_path / "out"))


def test_directories_are_walked_recursively_in_a_stable_order(tmp_path):
    for name in ("b/2.txt", "b/1.html", "a.txt", "a.jsonl", ".hidden/x.txt", "notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}" if name.endswith(".jsonl") else "본문", encoding="utf-8")

    sources = [record.source for record in iter_records([str(tmp_path)], ["*.txt", "*.html", "*.jsonl"])]

    root = str(tmp_path)
    assert sources == [f"{root}/a.jsonl:1", f"{root}/a.txt", f"{root}/b/1.html", f"{root}/b/2.txt"]


def test_json_fields_are_mapped_with_title_and_date():
    line = json.dumps({"url": "https://example.kr/1", "headline": "해양 포럼 개최", "article": "부산시는 포럼을 열었다.",
                       "published": "2024/5/3 09:00"}, ensure_ascii=False).encode()
    settings = Settings(FieldMap(text=("article",), id=("url",), date=("published",), title=("headline",)))

    item = to_input(RawRecord("press.jsonl:1", line, is_json=True), settings)

    assert isinstance(item, Input)
    assert item.id == "https://example.kr/1" and item.source == "https://example.kr/1"  # the page it came from
    assert item.data.decode() == "해양 포럼 개최\n\n부산시는 포럼을 열었다."
    assert item.reference_date == "2024-05-03"


def test_a_text_field_that_is_not_text_is_reported():
    line = json.dumps({"id": "n1", "body": 12345}).encode()

    item = to_input(RawRecord("press.jsonl:4", line, is_json=True), Settings())

    assert isinstance(item, Failure)
    assert item.id == "n1" and "'body' is int, not text" in item.reason


def test_a_bad_reference_date_is_refused_before_the_run_starts(tmp_path, capsys):
    archive = write_archive(tmp_path / "press.jsonl", good_records(2))
    assert main(["batch", str(archive), "-o", str(tmp_path / "out"), "--reference-date", "yesterday", "--quiet"]) == 1
    assert "bad --reference-date 'yesterday'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_run_where_every_record_failed_exits_non_zero(tmp_path, capsys):
    archive = write_archive(tmp_path / "press.jsonl", [{"id": "a", "body": " "}, {"id": "b", "headline": "x"}])
    assert main(["batch", str(archive), "-o", str(tmp_path / "out"), "--workers", "1", "--quiet"]) == 1
    assert "every record failed (2)" in capsys.readouterr().err


@pytest.mark.parametrize("value,expected", [
    ("2017년 10월 31일", "2017-10-31"),
    ("Oct 31, 2017", "2017-10-31"),
    ("2024. 5. 3. 오후 3:12", "2024-05-03"),
    ("Fri, 03 May 2024 15:12:00 +0900", "2024-05-03"),
    (1714716720, "2024-05-03"),
    ("1714716720", "2024-05-03"),
    (1714716720000, "2024-05-03"),
    ("2024.05.03", "2024-05-03"),
    ("yesterday", "yesterday"),  # no date: passed on, and the record fails as a bad reference date
])
def test_a_records_date_field_is_read_in_any_common_format(value, expected):
    line = json.dumps({"id": "d1", "body": "부산시는 포럼을 열었다.", "date": value}, ensure_ascii=False).encode()

    item = to_input(RawRecord("press.jsonl:1", line, is_json=True), Settings())

    assert isinstance(item, Input) and item.reference_date == expected


def test_a_records_page_address_is_its_source_and_dates_it():
    line = json.dumps({"id": "d1", "body": "부산시는 지난 3일 포럼을 열었다.",
                       "url": "https://news.example.kr/article/2024/05/07/1234"}, ensure_ascii=False).encode()

    item = to_input(RawRecord("press.jsonl:1", line, is_json=True), Settings())

    assert item.source == "https://news.example.kr/article/2024/05/07/1234"
    assert extract(item.data, source=item.source).reference_date == "2024-05-07"


def test_a_record_without_an_address_keeps_its_place_as_source():
    line = json.dumps({"id": "d1", "body": "부산시는 포럼을 열었다."}, ensure_ascii=False).encode()

    assert to_input(RawRecord("press.jsonl:1", line, is_json=True), Settings()).source == "press.jsonl:1"
