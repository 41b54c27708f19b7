"""Batch processing of press archives: `extractor batch` (see README, "Batch processing").

Inputs stream in as fixed-size shards; local worker processes or a Dask cluster analyse
them with the public API; each shard is written atomically as `OUT/part-NNNNN.jsonl`, so
an interrupted run can be resumed without losing or repeating an article.

Each name below is imported from its module when first read: the command line builds
`extractor batch`'s options from the defaults without importing the runner (and with it
rich), which no other command uses.
"""
from importlib import import_module

_MODULE_OF = {
    "BatchError": "records", "DEFAULT_PATTERNS": "records", "DEFAULT_SHARD_SIZE": "records",
    "BatchJob": "runner", "default_workers": "runner", "run_batch": "runner", "summary_line": "runner",
    "FieldMap": "work", "Settings": "work",
}
__all__ = list(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_MODULE_OF[name]}", __name__), name)
