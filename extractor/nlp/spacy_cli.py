"""Keep spaCy's command line out of `import spacy`.

spaCy's `__init__` imports its command line for one name (`from .cli.info import info`), and
with it typer, weasel, requests and httpx: a fifth of importing spaCy, in every cold start, for
commands the extractor never runs. Until something reads `spacy.cli`, a placeholder module
stands in for it; the first attribute read from it imports the real one, and its submodules
(`import spacy.cli.download`) import as usual.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path

_PACKAGE, _INFO = "spacy.cli", "spacy.cli.info"


class _Placeholder(types.ModuleType):
    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real_cli(), name)

    def __setattr__(self, name: str, value) -> None:
        """A submodule imported through the placeholder is not kept as its attribute: the real
        package's attribute of that name may be something else (`spacy.cli.download` is a function)."""
        if not isinstance(value, types.ModuleType):
            super().__setattr__(name, value)


def _real_cli() -> types.ModuleType:
    for name in (_INFO, _PACKAGE):
        if isinstance(sys.modules.get(name), _Placeholder):
            del sys.modules[name]
    return importlib.import_module(_PACKAGE)


def _info(*args, **kwargs):
    """`spacy.info`, imported when called."""
    return _real_cli().info(*args, **kwargs)


def import_spacy_without_cli() -> None:
    """Import spaCy with placeholders for its command line, unless it is imported already."""
    if "spacy" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    package = _Placeholder(_PACKAGE)
    package.__path__ = [str(Path(next(iter(spec.submodule_search_locations))) / "cli")]
    info = _Placeholder(_INFO)
    info.info = _info
    sys.modules[_PACKAGE], sys.modules[_INFO] = package, info
    import spacy

    spacy.cli = package  # `import spacy.cli` then `spacy.cli.download(...)` as with the real one
