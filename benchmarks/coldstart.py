"""Cold start of `extractor extract` on one article against a process that only loads Kiwi, run
on demand (prints figures, asserts nothing).

    python benchmarks/coldstart.py                 # 7 rounds
    python benchmarks/coldstart.py --rounds 11

Each round starts, one after the other, a process that loads Kiwi as our tokenizer configures
it and analyses one word, and `extractor extract` on one sample article (both read no cache
that the other warms, beyond the operating system's file cache). It prints the min and median
wall time of each and of their ratio per round. Target (issue 12): ratio <= 1.5.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "samples" / "anyang-smart-city-2023-07-28.txt"
KIWI_ONLY = "from kiwipiepy import Kiwi; Kiwi(num_workers=None, load_multi_dict=False).tokenize('준비')"
EXTRACT = "from extractor.cli import main; main()"


def _seconds(arguments: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(arguments, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds (default: %(default)s)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    kiwi, ours = [], []
    for _ in range(args.rounds):
        kiwi.append(_seconds([sys.executable, "-c", KIWI_ONLY]))
        ours.append(_seconds([sys.executable, "-c", EXTRACT, "extract", str(ARTICLE)]))
    ratios = [o / k for o, k in zip(ours, kiwi)]
    print(f"{'':26}{'min':>8}{'median':>9}")
    for label, values, unit in (("Kiwi only (s)", kiwi, ""), ("extractor extract (s)", ours, ""),
                                ("ratio per round", ratios, "x")):
        print(f"{label:26}{min(values):8.2f}{statistics.median(values):9.2f}{unit}")
    print("target (issue 12): ratio <= 1.5")


if __name__ == "__main__":
    main()
