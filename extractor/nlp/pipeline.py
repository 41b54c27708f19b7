"""Assembly of the spaCy pipeline: Kiwi tokenizer, then one component per field."""
from __future__ import annotations

import importlib
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from .. import pattern_cache
from ..collector import collector_paused
from . import tokenizer as _tokenizer  # noqa: F401  (registers the tokenizer)
from .lexemes import FASTER_GETTERS

#: (component factory name, module that registers it), in pipeline order.
#: Each factory declares what it `requires` and `assigns`: spaCy checks the order (nlp.analyze_pipes).
COMPONENTS: list[tuple[str, str]] = [
    ("kr_countries", "extractor.recognizers.countries"),
    ("kr_counts", "extractor.recognizers.counts"),
    ("kr_timex", "extractor.recognizers.timex"),
    ("kr_names", "extractor.recognizers.names"),
    ("kr_quotes", "extractor.recognizers.quotes"),
    ("kr_visits", "extractor.recognizers.visits"),
]


def build_pipeline(num_workers: int | None = None, exclude: tuple[str, ...] = ()) -> Language:
    config = {"nlp": {"tokenizer": {"@tokenizers": "extractor.KiwiTokenizer.v1", "num_workers": num_workers}}}
    nlp = spacy.blank("ko", config=config)
    nlp.vocab.lex_attr_getters.update(FASTER_GETTERS)  # same values, a new word's lexeme made sooner
    for factory, module in COMPONENTS:
        if factory in exclude:
            continue
        importlib.import_module(module)
        nlp.add_pipe(factory)
    return nlp


@lru_cache(maxsize=None)
def load_pipeline(num_workers: int | None = None) -> Language:
    """The process-wide pipeline (built once: Kiwi and the lexicons load here). What it loaded
    is then frozen out of the garbage collector's reach: full collections would otherwise walk
    those objects again and again, in every process (API, CLI, web app, batch workers)."""
    with collector_paused(then_freeze=True):
        nlp = build_pipeline(num_workers)
        nlp.tokenizer.kiwi.tokenize("준비")  # Kiwi loads its model lazily: now, not on the first article
        pattern_cache.save()
    return nlp


def prepare_worker() -> None:
    """A worker process (a batch's or the web server's): the pipeline loaded once, with one Kiwi
    thread, since the workers are the parallelism."""
    os.environ.setdefault("EXTRACTOR_KIWI_THREADS", "1")
    load_pipeline()
