"""`extractor batch` on Dask when things go wrong: each ends with one clear line and a non-zero
exit, leaves OUT/ ready for the corrected command or --resume, and never hangs."""
from __future__ import annotations

import json
import time

import pytest

from extractor.cli import main

distributed = pytest.importorskip("distributed")

ARTICLES = [{"id": f"article-{n}", "body": f"안양시는 {n + 1}일 페루 공무원 {n + 5}명이 방문했다고 밝혔다."}
            for n in range(4)]
UNREACHABLE = "tcp://127.0.0.1:9"  # the discard port: nothing listens there


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "press.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture
def kiwi_on_one_thread(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_KIWI_THREADS", "1")  # what the worker plugin would set, undone after the test


def cluster(workers: int):
    return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=False, dashboard_address=None)


def one_line_failure(capsys, *argv) -> str:
    assert main(["batch", *map(str, argv), "-q"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_an_unreachable_scheduler_writes_nothing_and_the_corrected_command_runs(tmp_path, archive, capsys,
                                                                                kiwi_on_one_thread):
    out = tmp_path / "out"
    line = one_line_failure(capsys, archive, "-o", out, "--scheduler", UNREACHABLE, "--dask-timeout", 0.5)
    assert line.startswith(f"extractor: cannot reach the Dask scheduler at {UNREACHABLE}")
    assert not out.exists()
    with cluster(1) as running:  # --scheduler alone means the Dask engine
        assert main(["batch", str(archive), "-o", str(out), "--scheduler", running.scheduler_address, "-q"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["arguments"]["engine"], manifest["counts"]["articles"]) == ("dask", 4)


def test_a_scheduler_with_the_local_engine_is_refused(tmp_path, archive, capsys):
    line = one_line_failure(capsys, archive, "-o", tmp_path / "out", "--engine", "local", "--scheduler", UNREACHABLE)
    assert "--engine dask" in line
    assert not (tmp_path / "out").exists()


def test_a_cluster_without_workers_times_out_and_resume_finishes_later(tmp_path, archive, capsys,
                                                                       kiwi_on_one_thread):
    out = tmp_path / "out"
    with cluster(0) as running:
        line = one_line_failure(capsys, archive, "-o", out, "--scheduler", running.scheduler_address,
                                "--shard-size", 2, "--dask-timeout", 1)
        assert line.startswith(f"extractor: no Dask worker at {running.scheduler_address} for 1 s")
        assert "--resume" in line
        running.scale(1)
        running.wait_for_workers(1, timeout=30)
        assert main(["batch", str(archive), "-o", str(out), "--scheduler", running.scheduler_address,
                     "--shard-size", "2", "--resume", "-q"]) == 0
    assert sum(1 for part in out.glob("part-*.jsonl") for _ in part.open()) == len(ARTICLES)


def test_a_worker_that_leaves_is_named_in_the_manifest(tmp_path, archive, monkeypatch, kiwi_on_one_thread):
    from extractor.batch import BatchJob, run_batch, summary_line
    from extractor.batch.dask_engine import DaskEngine

    submit_more = DaskEngine._submit_more

    def retire_a_worker_first(engine, shards, submitted):
        if not engine.lost_workers:
            engine.client.retire_workers([leaving], close_workers=True)
            while leaving in engine.client.nthreads():
                time.sleep(0.05)
            engine._look_at_workers()
        submit_more(engine, shards, submitted)

    monkeypatch.setattr(DaskEngine, "_submit_more", retire_a_worker_first)
    with cluster(2) as running:
        leaving = sorted(running.scheduler_info["workers"])[0]
        manifest = run_batch(BatchJob([str(archive)], tmp_path / "out", shard_size=2), engine="dask",
                             scheduler=running.scheduler_address)
    assert [entry["worker"] for entry in manifest["workers"]["lost"]] == [leaving]
    assert manifest["counts"]["articles"] == len(ARTICLES)
    assert f"worker {leaving} left the Dask cluster" in summary_line(manifest, tmp_path / "out")
