"""Worker processes on this machine. Each loads the pipeline once (Kiwi on one thread, so N
workers use N cores) and is handed one shard at a time over its own pipe, so the parent
always knows which shard, and in careful mode which record, a worker holds.

A worker that dies (segfault, OOM kill) does not end the batch: its shard is analysed
again one record at a time, and a record that kills a worker again is reported as failed.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from dataclasses import replace
from multiprocessing.connection import Connection, wait

from ..nlp.pipeline import prepare_worker
from .records import BatchError, Shard
from .work import Settings, ShardResult, analyse_shard, failed_shard

#: Extra attempts for a shard whose worker died before reaching any record (not the record's fault).
RETRIES_BEFORE_ANY_RECORD = 2


class LocalEngine:
    name = "local"

    def __init__(self, workers: int, settings: Settings):
        self.size = max(1, workers)
        self.settings = settings
        self._context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
        self._workers: list[_Worker] = []
        self.lost_workers: list[dict] = []  # workers that died and were replaced

    def __enter__(self) -> LocalEngine:
        self._workers = [self._spawn() for _ in range(self.size)]
        for worker in self._workers:
            worker.wait_ready()
        return self

    def __exit__(self, error_type, *exc) -> None:
        for worker in self._workers:
            worker.stop(graceful=error_type is None)  # on Ctrl-C or an error, do not wait for busy workers

    def run(self, shards: Iterator[Shard]) -> Iterator[ShardResult]:
        """Analyse shards, yielding each result as soon as it is ready (not in shard order)."""
        shards = iter(shards)
        while True:
            for worker in self._workers:
                if worker.shard is None and (shard := next(shards, None)) is not None:
                    worker.give(shard)
            busy = [worker for worker in self._workers if worker.shard is not None]
            if not busy:
                return
            ready = set(wait([worker.connection for worker in busy] + [worker.process.sentinel for worker in busy]))
            for worker in busy:
                if worker.connection in ready or worker.process.sentinel in ready:
                    result = self._receive(worker)
                    if result is not None:
                        yield result

    def _receive(self, worker: _Worker) -> ShardResult | None:
        try:
            kind, payload = worker.connection.recv()
        except (EOFError, OSError):
            return self._replace_dead(worker)
        if kind == "record":
            worker.position = payload
            return None
        worker.shard = None
        return payload

    def _replace_dead(self, worker: _Worker) -> ShardResult | None:
        """Start a new worker in place of a dead one, and give it the shard again (or give up on it)."""
        worker.stop(graceful=False)
        shard, position, code = worker.shard, worker.position, worker.process.exitcode
        self.lost_workers.append({"worker": f"{os.uname().nodename}:{worker.process.pid}",
                                  "reason": f"died (exit code {code}) on shard {shard.index}; replaced"})
        replacement = self._spawn()
        replacement.wait_ready()
        self._workers[self._workers.index(worker)] = replacement
        attempt = 0
        if not shard.careful:
            retry = replace(shard, careful=True)
        elif position is not None:
            reason = f"a worker process died while analysing this record (exit code {code})"
            retry = replace(shard, poisoned={**shard.poisoned, position: reason})
        elif worker.attempt < RETRIES_BEFORE_ANY_RECORD:
            retry, attempt = shard, worker.attempt + 1
        else:
            return failed_shard(shard, self.settings, f"worker processes kept dying on this shard (exit code {code})")
        replacement.give(retry, attempt)
        return None

    def _spawn(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child_end, self.settings), daemon=True,
                                        name="extractor-batch-worker")
        process.start()
        child_end.close()
        return _Worker(process, parent_end)


class _Worker:
    def __init__(self, process, connection: Connection):
        self.process = process
        self.connection = connection
        self.shard: Shard | None = None
        self.position: int | None = None
        self.attempt = 0

    def wait_ready(self) -> None:
        try:
            self.connection.recv()
        except (EOFError, OSError):
            self.process.join()
            raise BatchError(f"a worker process failed to start (exit code {self.process.exitcode})") from None

    def give(self, shard: Shard, attempt: int = 0) -> None:
        self.shard, self.position, self.attempt = shard, None, attempt
        self.connection.send(shard)

    def stop(self, graceful: bool = True) -> None:
        if graceful and self.process.is_alive():
            try:
                self.connection.send(None)
            except OSError:
                pass
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def _serve(connection: Connection, settings: Settings) -> None:
    """A worker's life: load the pipeline once, then analyse shards until told to stop or the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    prepare_worker()
    connection.send(("ready", os.getpid()))
    try:
        while (shard := connection.recv()) is not None:
            announce = (lambda position: connection.send(("record", position))) if shard.careful else None
            connection.send(("done", analyse_shard(shard, settings, announce)))
    except (EOFError, OSError):  # the parent is gone (killed): nothing left to do
        pass
