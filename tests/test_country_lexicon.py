"""The generated country lexicon matches its sources (CLDR via Babel + country_aliases.yaml)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from extractor.lexicons import load

ROOT = Path(__file__).resolve().parent.parent


def test_countries_yaml_is_regenerated_after_alias_edits():
    result = subprocess.run([sys.executable, "scripts/build_country_lexicon.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_surface_form_names_two_countries():
    countries = load("countries")["countries"]
    forms = [form for entry in countries for form in entry["forms"] + entry["short_forms"]]
    assert len(forms) == len(set(forms))
