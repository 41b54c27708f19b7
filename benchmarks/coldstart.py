"""Cold start of `extractor extract` on one article against a process that only loads Kiwi, run
on demand (prints figures, asserts nothing).

    python benchmarks/coldstart.py                 # 7 rounds
    python benchmarks/coldstart.py --rounds 11

Each round starts, one after the other, a process that loads Kiwi as our tokenizer configures
it and analyses one word, and `extractor extract` on one sample article (both read no cache
that the other warms, beyond the operating system's file cache). It prints the min and median
wall time of each and of their ratio per round, and the same of the CPU time (user + system)
each process used, which a busy machine inflates far less than wall time. Target (issue 12):
ratio <= 1.5.

The package's modules are byte-compiled first, as pip compiles an installed package and as
Python itself caches them on first import, unless PYTHONDONTWRITEBYTECODE is set (it is on
some machines: every start would then compile our sources again, ~0.2 s; `--source` measures
that case).
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "samples" / "anyang-smart-city-2023-07-28.txt"
KIWI_ONLY = "from kiwipiepy import Kiwi; Kiwi(num_workers=None, load_multi_dict=False).tokenize('준비')"
EXTRACT = "from extractor.cli import main; main()"


def _seconds(arguments: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(arguments, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds (default: %(default)s)")
    parser.add_argument("--source", action="store_true", help="do not byte-compile the package first")
    args = parser.parse_args()
    if not args.source:
        compileall.compile_dir(REPO / "extractor", quiet=1)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
          f"{', sources not byte-compiled' if args.source else ''}")
    kiwi, ours = [], []
    for _ in range(args.rounds):
        kiwi.append(_seconds([sys.executable, "-c", KIWI_ONLY]))
        ours.append(_seconds([sys.executable, "-c", EXTRACT, "extract", str(ARTICLE)]))
    print(f"{'':30}{'min':>8}{'median':>9}")
    for clock, index in (("wall", 0), ("CPU", 1)):
        kiwi_s, ours_s = [k[index] for k in kiwi], [o[index] for o in ours]
        ratios = [o / k for o, k in zip(ours_s, kiwi_s)]
        for label, values, unit in ((f"Kiwi only ({clock} s)", kiwi_s, ""),
                                    (f"extractor extract ({clock} s)", ours_s, ""),
                                    (f"ratio per round ({clock})", ratios, "x")):
            print(f"{label:30}{min(values):8.2f}{statistics.median(values):9.2f}{unit}")
    print("target (issue 12): ratio <= 1.5")


if __name__ == "__main__":
    main()
