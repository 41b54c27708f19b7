"""Pausing Python's cyclic garbage collector where it only walks objects that stay."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(then_freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside the block, then as before. Loading (imports, compiled
    patterns, lexicons) and analysing a batch both make many objects that stay, and each
    collection in between walked them all again: a sixth of a cold start, half the time of a
    300k-character text's names. Little cyclic garbage is made meanwhile; it is collected later.

    With `then_freeze` (after loading), what the block made is moved out of the collector's reach
    for good (`gc.freeze()`) before collection resumes: the first collection would otherwise walk
    everything loaded once more (0.13 s of a cold start), and later full ones again and again. The
    few cycles of garbage loading leaves (a few thousand objects) are kept with it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if then_freeze:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
