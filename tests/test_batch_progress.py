"""What `extractor batch` reports while and after it runs: rates count analysed articles only,
the ETA appears only when the total is known, lost workers are named."""
from __future__ import annotations

from pathlib import Path

from rich.progress import Progress

from extractor.batch.runner import _RateColumn, _RunStats, summary_line
from extractor.batch.work import ShardResult


def rendered(total: int | None, completed: int, rate: float | None) -> str:
    progress = Progress(disable=True)
    task = progress.add_task("analysing", total=total, completed=completed, rate=rate)
    return _RateColumn().render(progress.tasks[task]).plain


def test_eta_only_with_a_known_total():
    assert rendered(None, 300, 10.0) == "10.0 articles/s"  # stdin: no total, no "ETA"
    assert rendered(1000, 400, 10.0) == "10.0 articles/s · ETA 0:01:00"
    assert rendered(1000, 0, None) == "… articles/s"


def test_rate_counts_analysed_articles_since_the_workers_were_ready():
    run = _RunStats(started=0.0, ready=10.0)
    assert run.rate(10.5) is None
    run.record(ShardResult(0, articles=["{}"] * 20, failures=[{"id": "x", "source": "x", "reason": "bad"}] * 80))
    assert (run.analysed, run.failed, run.rate(20.0)) == (20, 80, 2.0)


def test_summary_names_a_worker_that_died():
    manifest = {"counts": {"articles": 5, "failed": 0, "shards_resumed": 0, "analysed_this_run": 5},
                "timings": {"articles_per_second": 2.5, "analysis_seconds": 2.0},
                "workers": {"lost": [{"worker": "host:123", "reason": "died (exit code -9) on shard 0; replaced"}]}}
    assert summary_line(manifest, Path("out")).endswith("; worker host:123 died (exit code -9) on shard 0; replaced")
