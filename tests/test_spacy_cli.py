"""spaCy's command line stays out of a cold start (extractor.nlp.spacy_cli), yet works when asked for."""
import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_importing_extractor_leaves_spacy_cli_and_its_dependencies_out():
    out = _run("import sys, extractor; print(sorted({'typer', 'weasel', 'requests'} & set(sys.modules)))")
    assert out.strip() == "[]"


def test_spacy_cli_loads_when_read():
    out = _run("import extractor, spacy, spacy.cli\n"
               "from spacy.cli import download\n"
               "print(callable(spacy.cli.download), download is spacy.cli.download, type(spacy.info()).__name__)")
    assert out.split() == ["True", "True", "dict"]


def test_a_cli_submodule_imports_once():
    out = _run("import sys, extractor, spacy.cli.init_config as first\n"
               "import spacy.cli\n"
               "spacy.cli.info\n"
               "print(sys.modules['spacy.cli.init_config'].__name__, type(sys.modules['spacy.cli']).__name__)")
    assert out.split() == ["spacy.cli.init_config", "module"]
