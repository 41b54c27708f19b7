"""Command-line behaviour that is not about one subsystem."""
from __future__ import annotations

import json
from pathlib import Path

from extractor.cli import main

SEED = Path(__file__).resolve().parent.parent / "samples" / "anyang-smart-city-2023-07-28.txt"


def test_extract_to_a_directory_keeps_inputs_with_the_same_stem_apart(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    inputs = [tmp_path / "a.txt", tmp_path / "a.html", tmp_path / "x" / "a.txt"]
    for path in inputs:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert main(["extract", *map(str, inputs), "-o", str(tmp_path / "out")]) == 0
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == ["a.html.json", "a.json", "a.txt.json"]
    sources = {json.loads((tmp_path / "out" / name).read_text(encoding="utf-8"))["source"] for name in written}
    assert sources == set(map(str, inputs))


def test_extract_refuses_a_bad_reference_date_before_reading_anything(tmp_path, capsys):
    assert main(["extract", str(SEED), "--reference-date", "yesterday"]) == 1
    assert capsys.readouterr().err.strip() == "extractor: bad --reference-date 'yesterday': expected YYYY-MM-DD"
