"""The output directory of a batch:

    OUT/part-00000.jsonl …   one shard's articles each, written atomically (tmp file + rename)
    OUT/errors.jsonl         every failed record (id, source, reason), merged in shard order at the end
    OUT/manifest.json        counts, timings, versions and arguments of the last run
    OUT/.job.json            what the job reads and how it shards (checked by --resume)
    OUT/.errors/part-….jsonl a shard's failures, written before its part file

A part file exists only once its shard is complete, so the part files alone say which
shards are done: a run killed at any moment can be resumed.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from .records import BatchError
from .work import ShardResult

_PART = re.compile(r"part-(\d+)\.jsonl")


class OutputDir:
    def __init__(self, path: Path):
        self.path = path
        self.errors_dir = path / ".errors"
        self.job_file = path / ".job.json"

    def check(self, job: dict, resume: bool) -> None:
        """Refuse a foreign directory, a rerun without --resume or a changed job; writes nothing."""
        previous = json.loads(self.job_file.read_text(encoding="utf-8")) if self.job_file.exists() else None
        if previous is None and self.done_shards():
            raise BatchError(f"{self.path} holds part files of an unknown job; choose an empty directory")
        if previous is not None and not resume:
            raise BatchError(f"{self.path} already holds a batch; add --resume to finish it, "
                             "or choose another directory")
        if previous is not None and previous != job:
            changed = ", ".join(sorted(key for key in job.keys() | previous.keys() if job.get(key) != previous.get(key)))
            raise BatchError(f"{self.path} was written by a different job (changed: {changed}); "
                             "--resume needs the same inputs and options")

    def prepare(self, job: dict, resume: bool) -> None:
        """Create the directory (or check that --resume continues the same job) and record the job."""
        self.check(job, resume)
        self.path.mkdir(parents=True, exist_ok=True)
        self.errors_dir.mkdir(exist_ok=True)
        for stale in self.path.glob(".*.tmp"):
            stale.unlink()
        for stale in self.errors_dir.glob(".*.tmp"):
            stale.unlink()
        write_atomically(self.job_file, [json.dumps(job, ensure_ascii=False, indent=2)])

    def done_shards(self) -> set[int]:
        return {int(match[1]) for path in self.path.glob("part-*.jsonl") if (match := _PART.fullmatch(path.name))}

    def write_shard(self, result: ShardResult) -> None:
        name = part_name(result.index)
        errors = self.errors_dir / name
        if result.failures:
            write_atomically(errors, (json.dumps(failure, ensure_ascii=False) for failure in result.failures))
        else:
            errors.unlink(missing_ok=True)  # left by an attempt killed between the two writes
        write_atomically(self.path / name, result.articles)

    def merge_errors(self) -> int:
        """Write errors.jsonl from the shards' failures, in input order; return how many there are."""
        shard_files = sorted(self.errors_dir.glob("part-*.jsonl"), key=lambda path: _index(path.name))
        count = 0

        def lines():
            nonlocal count
            for path in shard_files:
                with open(path, encoding="utf-8") as stream:
                    for line in stream:
                        count += 1
                        yield line.rstrip("\n")

        write_atomically(self.path / "errors.jsonl", lines())
        return count

    def count_articles(self) -> int:
        total = 0
        for path in self.path.glob("part-*.jsonl"):
            with open(path, "rb") as stream:
                total += sum(1 for _ in stream)
        return total

    def write_manifest(self, manifest: dict) -> None:
        write_atomically(self.path / "manifest.json", [json.dumps(manifest, ensure_ascii=False, indent=2)])


def part_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


def write_atomically(path: Path, lines: Iterable[str]) -> None:
    """Readers see the old file or the whole new one, never a half-written one, even after kill -9."""
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "w", encoding="utf-8") as stream:
        for line in lines:
            stream.write(line)
            stream.write("\n")
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)


def _index(name: str) -> int:
    match = _PART.fullmatch(name)
    return int(match[1]) if match else -1
