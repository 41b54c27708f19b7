"""Extraction in worker processes, so the server answers other requests while a long text is analysed.

Each worker is a one-process `multiprocessing.Pool` that loads the pipeline once. A request that runs
past its time limit (or whose client goes away) ends its worker, since a running extraction cannot be
interrupted any other way, and a fresh worker takes its place.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import multiprocessing
from multiprocessing.pool import Pool

from ..nlp.pipeline import prepare_worker


def _extract_json(data: bytes | str, reference_date: dt.date | None, source: str | None, max_chars: int) -> dict:
    from ..api import extract

    article = extract(data, reference_date=reference_date, source=source, max_chars=max_chars)
    return article.model_dump(mode="json")


def _ready() -> bool:
    return True


class WorkerPool:
    def __init__(self, workers: int):
        self.size = workers
        self._context = multiprocessing.get_context("spawn")  # no fork of a server with threads running
        self._idle: asyncio.Queue[Pool] | None = None
        self._workers: set[Pool] = set()
        self.starting = 0

    def start(self) -> None:
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._start_worker()

    def _start_worker(self) -> None:
        """A new worker joins the idle ones once it has loaded the pipeline: its start-up
        counts against no request's time limit."""
        loop = asyncio.get_running_loop()
        worker = self._context.Pool(1, initializer=prepare_worker)
        self._workers.add(worker)
        self.starting += 1
        worker.apply_async(_ready, callback=lambda _: loop.call_soon_threadsafe(self._join, worker))

    def _join(self, worker: Pool) -> None:
        self.starting -= 1
        self._idle.put_nowait(worker)

    def _replace(self, worker: Pool) -> None:
        self._workers.discard(worker)
        asyncio.get_running_loop().run_in_executor(None, worker.terminate)
        self._start_worker()

    @property
    def busy(self) -> int:
        return self.size - self.starting - self._idle.qsize()

    async def extract(self, timeout: float, data: bytes | str, reference_date: dt.date | None, source: str | None,
                      max_chars: int) -> dict:
        """The article's contract JSON; TimeoutError when waiting for a worker plus extracting takes too long."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        worker = await asyncio.wait_for(self._idle.get(), timeout)
        result: asyncio.Future = loop.create_future()

        def settle(outcome, failed: bool) -> None:
            if not result.done():
                result.set_exception(outcome) if failed else result.set_result(outcome)

        worker.apply_async(_extract_json, (data, reference_date, source, max_chars),
                           callback=lambda value: loop.call_soon_threadsafe(settle, value, False),
                           error_callback=lambda error: loop.call_soon_threadsafe(settle, error, True))
        try:
            outcome = await asyncio.wait_for(result, max(0.0, deadline - loop.time()))
        except (TimeoutError, asyncio.CancelledError):
            self._replace(worker)  # a running extraction cannot be interrupted any other way
            raise
        except Exception:
            self._idle.put_nowait(worker)
            raise
        self._idle.put_nowait(worker)
        return outcome

    def close(self) -> None:
        for worker in self._workers:
            worker.terminate()
            worker.join()
        self._workers.clear()
