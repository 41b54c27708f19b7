"""The same batch on a Dask distributed cluster: shards are the tasks, a worker plugin loads
the pipeline once per worker, and results come back to this process, which writes the
output exactly as the local engine does (workers need no shared filesystem)."""
from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import distributed
from distributed import Client, Future
from distributed.diagnostics.plugin import WorkerPlugin

from ..nlp.pipeline import prepare_worker
from .records import BatchError, Shard
from .work import Settings, ShardResult, analyse_shard, failed_shard

#: Shards queued per worker thread, so that no thread idles while a result travels back.
SHARDS_PER_THREAD = 2
#: Seconds to reach the scheduler, and to wait for a worker when the cluster has none.
DEFAULT_TIMEOUT = 30.0
#: How often the cluster's workers are looked at while no result arrives.
POLL_SECONDS = 0.5


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (Kiwi on one thread unless the worker's
    environment says otherwise), so no task pays for it."""

    name = "extractor-pipeline"

    def setup(self, worker) -> None:
        prepare_worker()


class DaskEngine:
    name = "dask"

    def __init__(self, scheduler: str, settings: Settings, timeout: float = DEFAULT_TIMEOUT):
        self.scheduler = scheduler
        self.settings = settings
        self.timeout = timeout
        self.client = None
        self.lost_workers: list[dict] = []  # workers that left the cluster during the run
        self._workers: dict[str, int] = {}  # address -> threads, as last seen
        self._run_token = uuid.uuid4().hex[:8]

    def __enter__(self) -> DaskEngine:
        try:
            self.client = Client(self.scheduler, timeout=f"{self.timeout}s")
        except (OSError, ValueError, TimeoutError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise BatchError(f"cannot reach the Dask scheduler at {self.scheduler} within {self.timeout:g} s "
                             f"({reason}); nothing was written") from None
        self.client.register_plugin(PipelinePlugin(), name=PipelinePlugin.name)
        self._look_at_workers()
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()

    @property
    def size(self) -> int:
        return len(self._workers)

    def run(self, shards: Iterator[Shard]) -> Iterator[ShardResult]:
        shards = iter(shards)
        submitted: dict[Future, Shard] = {}
        self._submit_more(shards, submitted)
        last_seen_worker = time.monotonic()
        while submitted:
            try:
                finished = distributed.wait(list(submitted), timeout=POLL_SECONDS, return_when="FIRST_COMPLETED").done
            except distributed.TimeoutError:
                finished = set()
            self._look_at_workers()
            if self._workers:
                last_seen_worker = time.monotonic()
            elif time.monotonic() - last_seen_worker > self.timeout:
                raise BatchError(f"no Dask worker at {self.scheduler} for {self.timeout:g} s; the finished shards "
                                 "are kept: start workers and rerun the same command with --resume")
            for future in finished:
                yield self._result(future, submitted.pop(future))
            self._submit_more(shards, submitted)

    def _result(self, future: Future, shard: Shard) -> ShardResult:
        try:
            if future.status == "finished":
                return future.result()
            return failed_shard(shard, self.settings, f"the Dask task failed: {future.exception()!r}")
        finally:
            future.release()

    def _look_at_workers(self) -> None:
        workers = self.client.nthreads()
        self.lost_workers += [{"worker": address, "reason": "left the Dask cluster during the run"}
                              for address in self._workers.keys() - workers.keys()]
        self._workers = workers

    def _submit_more(self, shards: Iterator[Shard], submitted: dict) -> None:
        limit = SHARDS_PER_THREAD * max(1, sum(self._workers.values()))
        while len(submitted) < limit and (shard := next(shards, None)) is not None:
            key = f"extractor-shard-{self._run_token}-{shard.index}"
            submitted[self.client.submit(analyse_shard, shard, self.settings, key=key, pure=False)] = shard
