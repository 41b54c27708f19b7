"""The pipeline as a spaCy user meets it: saved and loaded, called on raw text, plugged into a
blank pipeline by name (entry points), and readable in displaCy."""
from __future__ import annotations

import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy import displacy

from extractor import extract, load_pipeline
from extractor.nlp.convert import doc_to_article

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def as_article(doc) -> dict:
    return doc_to_article(doc, doc._.document).model_dump(mode="json")


def test_calling_the_pipeline_on_a_text_finds_what_extract_finds():
    nlp = load_pipeline()
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        assert as_article(nlp(text)) == extract(text).model_dump(mode="json"), path.name


def test_a_byline_timestamp_is_no_date_and_relative_dates_use_the_article_date():
    text = "안양시, 페루 공무원 방문\n유진상 기자\n입력 2023.07.28 11:26\n\n지난 6월 26일 페루 공무원 5명이 안양시를 찾았다."
    doc = load_pipeline()(text)
    assert [(span.text, span._.item["value"]) for span in doc.spans["dates"]] == [("지난 6월 26일", "2023-06-26")]


def test_saved_pipeline_loads_with_spacy_load_and_gives_identical_output(tmp_path):
    load_pipeline().to_disk(tmp_path / "pipeline")
    restored = spacy.load(tmp_path / "pipeline")
    assert restored.pipe_names == load_pipeline().pipe_names
    for path in SAMPLES[:3]:
        text = path.read_text(encoding="utf-8")
        assert as_article(restored(text)) == as_article(load_pipeline()(text)), path.name


def test_tokenizer_settings_survive_bytes():
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "extractor.KiwiTokenizer.v1",
                                                          "layout": False}}})
    restored = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "extractor.KiwiTokenizer.v1"}}})
    restored.from_bytes(nlp.to_bytes())
    assert restored.tokenizer.layout is False
    assert restored("제목\n유진상 기자\n본문").text == "제목\n유진상 기자\n본문"


def test_span_labels_say_what_each_span_is():
    doc = load_pipeline()("지난 3일부터 한 달간 태국 대표단 12명이 안양시를 방문했다.")
    assert {span.label_ for span in doc.spans["dates"]} == {"DATE", "DURATION"}
    assert [span.label_ for span in doc.spans["headcounts"]] == ["people"]
    assert [span.label_ for span in doc.spans["countries"]] == ["visiting"]
    assert [span.label_ for span in doc.spans["visits"]] == ["visit"]
    html = displacy.render(doc, style="span", options={"spans_key": "dates"})
    assert "DURATION" in html and "dates" not in html


def test_every_component_is_declared_as_a_spacy_entry_point():
    import tomllib

    from extractor.nlp.pipeline import COMPONENTS

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["entry-points"]["spacy_factories"]
    assert declared == {factory: f"extractor.nlp.components:{factory}" for factory, _ in COMPONENTS}


def test_a_blank_spacy_pipeline_adds_our_components_by_name_in_a_fresh_environment(tmp_path):
    """Installed as a user would install it, into a new environment; the script never imports extractor."""
    pytest.importorskip("wheel")  # building the package without network needs it
    environment = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    python = environment / "bin" / "python"
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    build = tmp_path / "source"
    _copy_source(build)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
                    "--target", str(site), str(build)], check=True, capture_output=True)
    # spaCy, Kiwi and the other dependencies come from this environment, after the fresh install
    (site / "zz_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    script = textwrap.dedent("""
        import sys
        import spacy
        nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "extractor.KiwiTokenizer.v1"}}})
        nlp.add_pipe("kr_timex")
        nlp.add_pipe("kr_counts")
        doc = nlp("지난 6월 26일 페루 공무원 5명이 방문했다.")
        print([span.text for span in doc.spans["dates"]], [span.label_ for span in doc.spans["headcounts"]])
        print(sys.modules["extractor"].__file__)
    """)
    run = subprocess.run([python, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    found, module = run.stdout.splitlines()
    assert found == "['지난 6월 26일'] ['people']"
    assert module.startswith(str(site))


def _copy_source(target: Path) -> None:
    """The package's sources alone (pip builds in the source tree; the worktree stays clean)."""
    import shutil

    target.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, target / name)
    shutil.copytree(ROOT / "extractor", target / "extractor", ignore=shutil.ignore_patterns("__pycache__"))
