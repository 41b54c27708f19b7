"""Runs a batch: stream the inputs as shards, skip those already written (--resume), have an
engine analyse the rest, write each result as it arrives, then merge errors and write the
manifest."""
from __future__ import annotations

import datetime as dt
import os
import platform
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn
from rich.text import Text

from .. import __version__
from .output import OutputDir
from .records import (DEFAULT_PATTERNS, DEFAULT_SHARD_SIZE, STDIN, Shard, check_inputs, count_records, cut_into_shards,
                      iter_records, load)
from .work import Settings, ShardResult

_VERSIONED = ("kiwipiepy", "spacy", "pydantic", "dask", "distributed")


@dataclass
class BatchJob:
    """What to read, where to write and how to shard: rerunning the same job resumes it."""

    inputs: list[str]
    output: Path
    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    shard_size: int = DEFAULT_SHARD_SIZE
    settings: Settings = field(default_factory=Settings)

    def description(self) -> dict:
        return {
            "inputs": [name if name == STDIN else str(Path(name).resolve()) for name in self.inputs],
            "glob": list(self.patterns),
            "shard_size": self.shard_size,
            "fields": {key: list(names) for key, names in asdict(self.settings.fields).items()},
            "reference_date": self.settings.reference_date,
            "max_chars": self.settings.max_chars,
        }

    def shards(self) -> Iterator[Shard]:
        return cut_into_shards(iter_records(self.inputs, list(self.patterns)), self.shard_size)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_batch(job: BatchJob, *, workers: int | None = None, engine: str = "local", scheduler: str | None = None,
              resume: bool = False, show_progress: bool = False, dask_timeout: float | None = None) -> dict:
    """Run (or, with resume, finish) a batch and return its manifest. Nothing is written to the
    output directory before the engine is up (a wrong scheduler address leaves no trace)."""
    check_inputs(job.inputs)
    output = OutputDir(job.output)
    output.check(job.description(), resume)
    run = _RunStats(started=time.time())
    with _progress(show_progress) as progress:
        task = progress.add_task("counting inputs", total=None)
        progress.update(task, total=count_records(job.inputs, list(job.patterns)) if show_progress else None,
                        description="starting workers")
        with _engine(engine, workers, scheduler, job.settings, dask_timeout) as runner:
            output.prepare(job.description(), resume)
            done = output.done_shards()
            run.ready = time.time()
            progress.update(task, description="analysing")
            for result in runner.run(_shards_to_do(job, done, run, lambda n: progress.advance(task, n))):
                output.write_shard(result)
                run.record(result)
                progress.update(task, advance=result.size, rate=run.rate(time.time()),
                                description=f"analysing · {run.failed:,} failed")
            workers_used, run.lost_workers = runner.size, runner.lost_workers
    run.finished = time.time()
    failed = output.merge_errors()
    articles = output.count_articles()
    manifest = _manifest(job, run, articles, failed, engine=engine, scheduler=scheduler,
                         workers=workers_used, resume=resume)
    output.write_manifest(manifest)
    return manifest


@dataclass
class _RunStats:
    started: float
    ready: float = 0.0
    finished: float = 0.0
    shards: int = 0
    shards_resumed: int = 0
    analysed: int = 0
    failed: int = 0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    lost_workers: list[dict] = field(default_factory=list)

    def record(self, result: ShardResult) -> None:
        self.analysed += len(result.articles)
        self.failed += len(result.failures)
        if result.worker:
            self.peak_rss_mb[result.worker] = max(result.peak_rss_mb, self.peak_rss_mb.get(result.worker, 0.0))

    def rate(self, now: float) -> float | None:
        """Articles analysed per second since the workers were ready (skipped and failed records
        do not count, so a resumed run's first reading is not inflated)."""
        return self.analysed / (now - self.ready) if self.analysed and now > self.ready else None


def _shards_to_do(job: BatchJob, done: set[int], run: _RunStats, skipped) -> Iterator[Shard]:
    for shard in job.shards():
        run.shards += 1
        if shard.index in done:
            run.shards_resumed += 1
            skipped(len(shard.records))
        else:
            yield load(shard)


def _engine(name: str, workers: int | None, scheduler: str | None, settings: Settings, dask_timeout: float | None):
    if name == "dask":
        from .dask_engine import DEFAULT_TIMEOUT, DaskEngine

        return DaskEngine(scheduler, settings, dask_timeout or DEFAULT_TIMEOUT)
    from .local import LocalEngine

    return LocalEngine(workers or default_workers(), settings)


class _RateColumn(ProgressColumn):
    """Articles/s as the run measures it (task field `rate`), and the time left when the total is known."""

    def render(self, task) -> Text:
        rate = task.fields.get("rate")
        if not rate:
            return Text("… articles/s", style="progress.data.speed")
        shown = f"{rate:,.1f} articles/s"
        if task.total is not None:
            left = int(max(0.0, task.total - task.completed) / rate)
            shown += f" · ETA {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}"
        return Text(shown, style="progress.data.speed")


def _progress(enabled: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
                    console=Console(stderr=True), disable=not enabled)


def _manifest(job: BatchJob, run: _RunStats, articles: int, failed: int, **arguments) -> dict:
    analysis_seconds = run.finished - run.ready
    return {
        "extractor": __version__,
        "versions": {"python": platform.python_version(), **_versions()},
        "pipeline": _pipeline_components(),
        "arguments": {**job.description(), **arguments},
        "counts": {
            "records": articles + failed,
            "articles": articles,
            "failed": failed,
            "shards": run.shards,
            "shards_resumed": run.shards_resumed,
            "analysed_this_run": run.analysed,
        },
        "timings": {
            "started": _iso(run.started),
            "finished": _iso(run.finished),
            "startup_seconds": round(run.ready - run.started, 3),
            "analysis_seconds": round(analysis_seconds, 3),
            "articles_per_second": round(run.analysed / analysis_seconds, 2) if analysis_seconds > 0 else None,
        },
        "workers": {"count": arguments["workers"], "peak_rss_mb": {k: round(v, 1) for k, v in run.peak_rss_mb.items()},
                    "lost": run.lost_workers},
    }


def _versions() -> dict[str, str]:
    versions = {}
    for package in _VERSIONED:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    return versions


def _pipeline_components() -> list[str]:
    from ..nlp.pipeline import COMPONENTS

    return [factory for factory, _ in COMPONENTS]


def _iso(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).astimezone().isoformat(timespec="seconds")


def summary_line(manifest: dict, output: Path) -> str:
    counts, timings = manifest["counts"], manifest["timings"]
    rate = timings["articles_per_second"]
    resumed = f", {counts['shards_resumed']:,} shards already done" if counts["shards_resumed"] else ""
    failed = f"{counts['failed']:,} failed, see errors.jsonl" if counts["failed"] else "none failed"
    lost = "".join(f"; worker {entry['worker']} {entry['reason']}" for entry in manifest["workers"]["lost"])
    return (f"{counts['articles']:,} articles in {output} ({failed}{resumed}); "
            f"{counts['analysed_this_run']:,} analysed in {timings['analysis_seconds']:.1f} s"
            + (f" ({rate:,.1f} articles/s)" if rate else "") + lost)
