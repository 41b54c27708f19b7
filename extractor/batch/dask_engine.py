"""The same batch on a Dask distributed cluster: shards are the tasks, a worker plugin loads
the pipeline once per worker, and results come back to this process, which writes the
output exactly as the local engine does (workers need no shared filesystem)."""
from __future__ import annotations

import uuid
from collections.abc import Iterator

from distributed import Client, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from .records import BatchError, Shard
from .work import Settings, ShardResult, analyse_shard, failed_shard, prepare_worker

#: Shards queued per worker thread, so that no thread idles while a result travels back.
SHARDS_PER_THREAD = 2


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (Kiwi on one thread unless the worker's
    environment says otherwise), so no task pays for it."""

    name = "extractor-pipeline"

    def setup(self, worker) -> None:
        prepare_worker()


class DaskEngine:
    name = "dask"

    def __init__(self, scheduler: str, settings: Settings):
        self.scheduler = scheduler
        self.settings = settings
        self.client = None
        self._run_token = uuid.uuid4().hex[:8]

    def __enter__(self) -> DaskEngine:
        try:
            self.client = Client(self.scheduler, timeout="30s")
        except OSError as error:
            raise BatchError(f"cannot reach the Dask scheduler at {self.scheduler}: {error}") from None
        self.client.register_plugin(PipelinePlugin(), name=PipelinePlugin.name)
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()

    @property
    def size(self) -> int:
        return len(self.client.scheduler_info().get("workers", {}))

    def run(self, shards: Iterator[Shard]) -> Iterator[ShardResult]:
        shards = iter(shards)
        limit = SHARDS_PER_THREAD * max(1, sum(self.client.nthreads().values()))
        submitted: dict[str, Shard] = {}
        pending = as_completed()
        self._submit_more(shards, submitted, pending, limit)
        for future in pending:
            shard = submitted.pop(future.key)
            if future.status == "finished":
                yield future.result()
            else:
                yield failed_shard(shard, self.settings, f"the Dask task failed: {future.exception()!r}")
            future.release()
            self._submit_more(shards, submitted, pending, limit)

    def _submit_more(self, shards: Iterator[Shard], submitted: dict, pending, limit: int) -> None:
        while len(submitted) < limit and (shard := next(shards, None)) is not None:
            key = f"extractor-shard-{self._run_token}-{shard.index}"
            submitted[key] = shard
            pending.add(self.client.submit(analyse_shard, shard, self.settings, key=key, pure=False))
