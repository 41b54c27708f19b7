"""What this package gives spaCy, under names that stay put: the Kiwi tokenizer and one
factory per component, each bound here under its factory name (`kr_timex`, …).

pyproject.toml's `spacy_factories` and `spacy_tokenizers` entry points point here, so
`spacy.blank("ko", config=…)` followed by `nlp.add_pipe("kr_timex")` or `spacy.load(path)`
works without importing `extractor` first. Moving a recognizer changes only
`pipeline.COMPONENTS`, never the entry points.
"""
from __future__ import annotations

import importlib

from spacy.util import registry

from .pipeline import COMPONENTS
from .tokenizer import create_kiwi_tokenizer

for _factory, _module in COMPONENTS:
    importlib.import_module(_module)  # registers the factory with spaCy
    globals()[_factory] = registry.factories.get(_factory)

__all__ = ["create_kiwi_tokenizer", *(factory for factory, _ in COMPONENTS)]
