"""extractor: Korean press releases and news articles to grounded, structured JSON."""
from .collector import collector_paused

with collector_paused(then_freeze=True):  # what importing makes stays: nothing to collect
    from .nlp.spacy_cli import import_spacy_without_cli

    import_spacy_without_cli()  # first: every module below imports spaCy

    from .api import Failure, Input, extract, extract_many
    from .errors import InputError
    from .model import Article
    from .nlp.pipeline import load_pipeline

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "load_pipeline", "Article", "Input", "Failure", "InputError", "__version__"]
