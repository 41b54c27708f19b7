"""The generated country lexicon matches its sources (CLDR via Babel + country_aliases.yaml)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from script_loader import load_script

from extractor.lexicons import load

ROOT = Path(__file__).resolve().parent.parent


def _builder():
    return load_script("build_country_lexicon")


def test_countries_yaml_is_regenerated_after_alias_edits():
    result = subprocess.run([sys.executable, "scripts/build_country_lexicon.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_surface_form_names_two_countries():
    countries = load("countries")["countries"]
    forms = [form for entry in countries for form in entry["forms"] + entry["short_forms"]]
    assert len(forms) == len(set(forms))


def test_check_does_not_depend_on_the_installed_cldr_release(monkeypatch):
    builder = _builder()
    newer_cldr = dict(builder.recorded_names(yaml.safe_load(builder.OUTPUT.read_text(encoding="utf-8"))))
    newer_cldr["TR"] = ("튀르키예 공화국", "Türkiye Republic")
    monkeypatch.setattr(builder, "babel_names", lambda: newer_cldr)
    assert builder.check() == 0


def test_check_fails_when_an_alias_is_not_in_the_generated_file(monkeypatch, tmp_path):
    builder = _builder()
    aliases = yaml.safe_load(builder.ALIASES.read_text(encoding="utf-8"))
    aliases["aliases"].setdefault("PE", []).append("페루공화국새이름")
    edited = tmp_path / "country_aliases.yaml"
    edited.write_text(yaml.safe_dump(aliases, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(builder, "ALIASES", edited)
    assert builder.check() == 1
