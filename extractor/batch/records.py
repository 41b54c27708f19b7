"""What a batch reads: files, directories, JSONL archives or stdin, as one ordered stream of
raw records cut into fixed-size shards.

The order is deterministic (directories are walked sorted), so shard k always holds the
same input records; that is what lets `--resume` skip finished shards without losing or
repeating an article.
"""
from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from itertools import islice
from pathlib import Path

ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz")
DEFAULT_PATTERNS = ("*.txt", "*.html", "*.htm")
DEFAULT_SHARD_SIZE = 100
STDIN = "-"


class BatchError(Exception):
    """The batch cannot start (bad arguments, unreadable input, foreign output directory)."""


@dataclass(slots=True)
class RawRecord:
    """One article as read: file bytes, or one JSON line of an archive (parsed by the worker)."""

    source: str
    data: bytes | None = None
    is_json: bool = False
    error: str | None = None  # the record could not even be read

    @property
    def path(self) -> Path:
        return Path(self.source)


@dataclass(slots=True)
class Shard:
    """The unit of work: consecutive records, written together to one part file."""

    index: int
    records: list[RawRecord]
    careful: bool = False  # analyse one record at a time, announcing each (a worker died on it)
    poisoned: dict[int, str] = field(default_factory=dict)  # position -> why it is skipped


def check_inputs(inputs: Iterable[str]) -> None:
    for name in inputs:
        if name != STDIN and not Path(name).exists():
            raise BatchError(f"{name}: no such file or directory")


def iter_records(inputs: Iterable[str], patterns: list[str]) -> Iterator[RawRecord]:
    """Every record of every input, in a stable order. File contents are not read here."""
    for name in inputs:
        if name == STDIN:
            yield from _json_lines(sys.stdin.buffer, "<stdin>")
        elif Path(name).is_dir():
            for path in _walk(Path(name), patterns):
                yield from _file_records(path)
        else:
            yield from _file_records(Path(name))


def count_records(inputs: list[str], patterns: list[str]) -> int | None:
    """How many records the inputs hold (None for stdin, which can be read only once)."""
    if STDIN in inputs:
        return None
    return sum(1 for _ in iter_records(inputs, patterns))


def cut_into_shards(records: Iterator[RawRecord], shard_size: int) -> Iterator[Shard]:
    index = 0
    while chunk := list(islice(records, shard_size)):
        yield Shard(index, chunk)
        index += 1


def load(shard: Shard) -> Shard:
    """Read the files of a shard that is about to be analysed."""
    for record in shard.records:
        if record.data is None and record.error is None:
            try:
                record.data = record.path.read_bytes()
            except OSError as error:
                record.error = f"cannot read file: {error.strerror or error}"
    return shard


def is_archive(path: Path) -> bool:
    return path.name.endswith(ARCHIVE_SUFFIXES)


def _walk(root: Path, patterns: list[str]) -> Iterator[Path]:
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(name for name in subdirectories if not name.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and any(fnmatch(name, pattern) for pattern in patterns):
                yield Path(directory, name)


def _file_records(path: Path) -> Iterator[RawRecord]:
    if not is_archive(path):
        yield RawRecord(str(path))
        return
    try:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rb") as stream:
            yield from _json_lines(stream, str(path))
    except OSError as error:  # unreadable file; a broken archive is reported by _json_lines
        yield RawRecord(str(path), error=f"cannot read archive: {error.strerror or error}")


def _json_lines(stream, label: str) -> Iterator[RawRecord]:
    """Non-blank lines as records; a corrupt or truncated gzip ends the archive with one error record."""
    line_number = 0
    try:
        for line_number, line in enumerate(stream, 1):
            if line.strip():
                yield RawRecord(f"{label}:{line_number}", line, is_json=True)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        yield RawRecord(f"{label}:{line_number + 1}",
                        error=f"archive is corrupt or truncated after line {line_number}: {error}")
