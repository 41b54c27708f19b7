"""How the cost of one text grows with its length, run on demand (prints figures, asserts nothing).

    python benchmarks/growth.py                       # 1 k, 10 k, 100 k, 1 M characters
    python benchmarks/growth.py --sizes 1000,10000

Each size is one text made of the samples' articles one after another (varied as
throughput.py varies them), analysed by `extract` in a fresh process, so each size's
peak memory is its own. Linear cost prints the same ms per 1,000 characters at every
size. Kiwi alone over the same text, fed as our tokenizer feeds it (pieces of at most
LONGEST_SEGMENT characters: read whole, a 1 M-character string costs Kiwi 18x per
character what its paragraphs do), is timed in the same process as the baseline.
Targets (issue 12): ms per 1,000 characters within 1.3x from 1 k to 1 M; peak memory at 1 M <= 700 MB.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import corpus  # noqa: E402  (the same articles, varied the same way)


def text_of(size: int) -> str:
    count = 1
    while len(text := "\n\n".join(corpus(count))) < size:
        count *= 2
    return text[:size]


def _timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _tokenize_each(kiwi, pieces: list[str]) -> None:
    """Kiwi over each piece, its tokens let go before the next piece, as our tokenizer turns each
    piece's tokens into morphemes before it reads the next: the peak memory printed is extract's."""
    for piece in pieces:
        kiwi.tokenize(piece, split_sents=True)


def measure(size: int) -> dict:
    """Run in a child process: one extract of a text of `size` characters, and Kiwi alone over it."""
    from extractor import extract
    from extractor.nlp.pipeline import load_pipeline
    from extractor.nlp.tokenizer import kiwi_segments

    text = text_of(size)
    pieces = [text[start:end] for start, end in kiwi_segments(text, [(0, len(text))])]
    kiwi = load_pipeline().tokenizer.kiwi
    extract("준비 운동. 지난 6월 26일 페루에서 5명이 왔다.", reference_date="2023-07-28")
    repeats = max(1, min(15, 100_000 // size))  # short texts: the median of several runs
    kiwi_seconds = statistics.median(_timed(lambda: _tokenize_each(kiwi, pieces)) for _ in range(repeats))
    seconds = statistics.median(_timed(lambda: extract(text, reference_date="2023-07-28", max_chars=len(text)))
                                for _ in range(repeats))
    return {"size": len(text), "seconds": seconds, "kiwi_seconds": kiwi_seconds,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="text lengths (default: %(default)s)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    table = Table(title="cost of one text by its length (each size in a fresh process)")
    for column in ("characters", "seconds", "ms / 1,000 chars", "vs smallest", "Kiwi ms / 1,000 chars",
                   "÷ Kiwi", "peak MB"):
        table.add_column(column, justify="right")
    first = None
    for size in (int(size) for size in args.sizes.split(",")):
        child = subprocess.run([sys.executable, __file__, "--child", str(size)], capture_output=True, text=True,
                               check=True)
        row = json.loads(child.stdout.strip().splitlines()[-1])
        per_k = row["seconds"] * 1e6 / row["size"]
        first = first or per_k
        table.add_row(f"{row['size']:,}", f"{row['seconds']:.2f}", f"{per_k:.1f}", f"{per_k / first:.2f}x",
                      f"{row['kiwi_seconds'] * 1e6 / row['size']:.1f}", f"{row['seconds'] / row['kiwi_seconds']:.2f}x",
                      f"{row['peak_mb']:,.0f}")
        Console().print(f"  {row['size']:,} characters: {row['seconds']:.2f} s")
    Console().print(table)


if __name__ == "__main__":
    main()
