"""The code stays a house a newcomer can change: no function with more than 10 paths through it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_function_is_more_complex_than_ten_paths():
    checked = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "C90", "extractor"],
                             cwd=ROOT, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
