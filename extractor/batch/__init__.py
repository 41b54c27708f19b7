"""Batch processing of press archives: `extractor batch` (see README, "Batch processing").

Inputs stream in as fixed-size shards; local worker processes or a Dask cluster analyse
them with the public API; each shard is written atomically as `OUT/part-NNNNN.jsonl`, so
an interrupted run can be resumed without losing or repeating an article.
"""
from .records import BatchError
from .runner import DEFAULT_PATTERNS, DEFAULT_SHARD_SIZE, BatchJob, default_workers, run_batch, summary_line
from .work import FieldMap, Settings

__all__ = ["BatchError", "BatchJob", "FieldMap", "Settings", "run_batch", "summary_line", "default_workers",
           "DEFAULT_PATTERNS", "DEFAULT_SHARD_SIZE"]
