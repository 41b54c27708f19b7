"""Throughput of `extractor batch`, run on demand (prints figures, asserts nothing).

    python benchmarks/throughput.py                  # 1,000 articles, 1 and 2 workers
    python benchmarks/throughput.py --articles 200 --workers 1,2,4

The articles are the repository's samples/*.txt and ../shared/seed/*.txt repeated with
small variations (years, counts and days changed). For each worker count it runs a real
batch (worker start-up excluded from the rate, writing included) and reads articles/s and
each worker's peak RSS from the manifest. In the same run it times Kiwi alone (one
thread) tokenizing the same texts: the ratio of our single-worker time to that is how
much the pipeline costs on top of the tokenizer it cannot avoid.

`--distinct` pairs the two on every text of samples/, the seed, corpus/dev and the shared dev set,
each read once, instead: what a new text costs that repeated ones do not.

The ratio that matters is measured first, paired: in this one process, rounds of
Kiwi alone and of `extract_many` over the same texts alternate, so a load that comes
and goes on the machine touches both alike; it prints the min and the median.

Targets (issue 6): ratio <= 1.3, 2 workers >= 1.8x one worker, <= 700 MB RSS per worker.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
SOURCES = (REPO / "samples", REPO.parent / "shared" / "seed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many articles (default: %(default)s)")
    parser.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated (default: %(default)s)")
    parser.add_argument("--shard-size", type=int, default=25, help="articles per shard (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=7, help="paired rounds of Kiwi and the pipeline (default: %(default)s)")
    parser.add_argument("--paired-articles", type=int, default=100, help="articles per paired round (default: %(default)s)")
    parser.add_argument("--distinct", action="store_true",
                        help="only the pairing over distinct texts, each read once (what repeated texts hide)")
    args = parser.parse_args()
    if args.distinct:
        Console().print(distinct(distinct_texts()))
        return
    worker_counts = [int(count) for count in args.workers.split(",")]

    texts = corpus(args.articles)
    console = Console()
    console.print(f"{len(texts):,} articles ({sum(map(len, texts)) / len(texts):,.0f} characters on average) "
                  f"from {', '.join(str(source) for source in SOURCES if source.is_dir())}; "
                  f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    console.print(paired(texts[:args.paired_articles], args.rounds))
    runs = {}
    with tempfile.TemporaryDirectory(prefix="extractor-throughput-") as scratch:
        archive = write_archive(Path(scratch) / "articles.jsonl", texts)
        for count in worker_counts:
            runs[count] = run_batch(archive, Path(scratch) / f"out-{count}", count, args.shard_size)
            console.print(f"  {count} worker(s): {runs[count]['timings']['analysis_seconds']:.1f} s")
    kiwi_seconds = {count: time_kiwi(texts, count, args.shard_size) for count in worker_counts}
    for count, seconds in kiwi_seconds.items():
        console.print(f"  Kiwi alone, {count} process(es) of 1 thread: {seconds:.1f} s")
    console.print(report(runs, kiwi_seconds, len(texts)))


def corpus(size: int) -> list[str]:
    originals = sorted({path.read_text(encoding="utf-8") for source in SOURCES if source.is_dir()
                        for path in source.glob("*.txt")})
    if not originals:
        sys.exit("no articles found in samples/ or ../shared/seed/")
    return [vary(originals[number % len(originals)], number // len(originals)) for number in range(size)]


def vary(text: str, number: int) -> str:
    """The same article with its years, counts and days changed, so no two texts are equal."""
    text = re.sub(r"\b(20\d\d)(?=년|[.\-/])", lambda match: str(int(match[1]) - number % 7), text)
    text = re.sub(r"(\d+)(?=\s?(?:명|개|곳|건|회))", lambda match: str(int(match[1]) + number), text)
    return re.sub(r"\b(\d{1,2})(?=일)", lambda match: str((int(match[1]) + number) % 28 + 1), text)


def write_archive(path: Path, texts: list[str]) -> Path:
    with open(path, "w", encoding="utf-8") as stream:
        for number, text in enumerate(texts):
            stream.write(json.dumps({"id": f"bench-{number}", "body": text}, ensure_ascii=False) + "\n")
    return path


def paired(texts: list[str], rounds: int) -> Table:
    """Alternate rounds of Kiwi alone and of the whole pipeline over the same texts, in this process."""
    import statistics

    from extractor import extract_many
    from extractor.nlp.pipeline import load_pipeline

    kiwi = load_pipeline().tokenizer.kiwi
    list(extract_many(texts[:5]))  # warm every component once
    kiwi_ms, ours_ms = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            kiwi.tokenize(text, split_sents=True)  # as our tokenizer calls it
        kiwi_ms.append((time.perf_counter() - started) * 1000 / len(texts))
        started = time.perf_counter()
        for _ in extract_many(texts):
            pass
        ours_ms.append((time.perf_counter() - started) * 1000 / len(texts))
    ratios = [ours / kiwi for ours, kiwi in zip(ours_ms, kiwi_ms)]
    table = Table(title=f"paired in one process: {rounds} rounds of {len(texts)} articles, alternating")
    for column in ("", "min", "median"):
        table.add_column(column, justify="right")
    for label, values, unit in (("Kiwi alone", kiwi_ms, " ms/article"), ("extract_many", ours_ms, " ms/article"),
                                ("÷ Kiwi (per round)", ratios, "x")):
        table.add_row(label, f"{min(values):.2f}{unit}", f"{statistics.median(values):.2f}{unit}")
    table.caption = "target (issue 12): ÷ Kiwi <= 1.6, then <= 1.3 with a compiled core"
    return table


def distinct_texts() -> list[str]:
    """Every text of the samples, the seed, corpus/dev and the shared dev set, once each."""
    directories = (*SOURCES, REPO / "corpus" / "dev", REPO.parent / "shared" / "dev-set")
    return sorted({path.read_text(encoding="utf-8") for directory in directories if directory.is_dir()
                   for path in directory.glob("*.txt")})


def distinct(texts: list[str]) -> Table:
    """Kiwi alone and `extract_many` on each text in turn, every text read once: what a text brings
    that was not seen before (timex's rule index, names' per-noun facts, spaCy's new lexemes) is
    paid here, as in a batch of new articles, and hidden by rounds over the same texts."""
    from extractor import extract_many
    from extractor.nlp.pipeline import load_pipeline

    kiwi = load_pipeline().tokenizer.kiwi
    list(extract_many(["2023년 7월 28일 서울에서 열린 회의에 10명이 참석했다."]))  # warm every component once
    kiwi_wall = ours_wall = kiwi_cpu = ours_cpu = 0.0
    for text in texts:
        started, cpu = time.perf_counter(), time.process_time()
        kiwi.tokenize(text, split_sents=True)
        kiwi_wall += time.perf_counter() - started
        kiwi_cpu += time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        for _ in extract_many([text]):
            pass
        ours_wall += time.perf_counter() - started
        ours_cpu += time.process_time() - cpu
    table = Table(title=f"distinct texts, each once: {len(texts)} articles, Kiwi and the pipeline alternating")
    for column in ("", "wall", "CPU"):
        table.add_column(column, justify="right")
    table.add_row("Kiwi alone", f"{kiwi_wall * 1000 / len(texts):.2f} ms/article", f"{kiwi_cpu * 1000 / len(texts):.2f} ms/article")
    table.add_row("extract_many", f"{ours_wall * 1000 / len(texts):.2f} ms/article", f"{ours_cpu * 1000 / len(texts):.2f} ms/article")
    table.add_row("÷ Kiwi", f"{ours_wall / kiwi_wall:.2f}x", f"{ours_cpu / kiwi_cpu:.2f}x")
    return table


def run_batch(archive: Path, out: Path, workers: int, shard_size: int) -> dict:
    from extractor.batch import BatchJob
    from extractor.batch import run_batch as run

    return run(BatchJob([str(archive)], out, shard_size=shard_size), workers=workers)


def time_kiwi(texts: list[str], processes: int, chunk_size: int) -> float:
    """Kiwi as our tokenizer builds it (one thread per process) tokenizing each text once, in
    `processes` processes fed chunks as the batch feeds shards: the speed-up the hardware allows."""
    chunks = [texts[start:start + chunk_size] for start in range(0, len(texts), chunk_size)]
    with multiprocessing.get_context("spawn").Pool(processes, initializer=_load_kiwi) as pool:
        pool.map(_ready, range(processes))  # every process has loaded Kiwi
        started = time.perf_counter()
        pool.map(_tokenize, chunks, chunksize=1)
        return time.perf_counter() - started


_KIWI = None


def _load_kiwi() -> None:
    global _KIWI
    from kiwipiepy import Kiwi

    _KIWI = Kiwi(num_workers=1, load_multi_dict=False)
    _KIWI.tokenize("준비")  # Kiwi loads its model on first use


def _ready(_: int) -> None:
    time.sleep(0.2)  # long enough for every process of the pool to take one


def _tokenize(chunk: list[str]) -> None:
    for text in chunk:
        _KIWI.tokenize(text)


def report(runs: dict[int, dict], kiwi_seconds: dict[int, float], articles: int) -> Table:
    table = Table(title="extractor batch throughput")
    for column in ("workers", "art/s", "speed-up", "seconds", "÷ Kiwi", "Kiwi art/s", "Kiwi speed-up",
                   "RSS MB", "start s", "failed"):
        table.add_column(column, justify="right")
    first = min(runs)
    base_rate = articles / runs[first]["timings"]["analysis_seconds"]
    kiwi_base_rate = articles / kiwi_seconds[first]
    for count, manifest in runs.items():
        seconds = manifest["timings"]["analysis_seconds"]
        rss = manifest["workers"]["peak_rss_mb"].values()
        table.add_row(str(count), f"{articles / seconds:,.1f}", f"{articles / seconds / base_rate:.2f}x",
                      f"{seconds:.1f}", f"{seconds / kiwi_seconds[count]:.2f}x",
                      f"{articles / kiwi_seconds[count]:,.1f}", f"{articles / kiwi_seconds[count] / kiwi_base_rate:.2f}x",
                      f"{max(rss):,.0f}" if rss else "?", f"{manifest['timings']['startup_seconds']:.1f}",
                      str(manifest["counts"]["failed"]))
    table.caption = ("÷ Kiwi: our time over Kiwi's alone in as many processes (target <= 1.3 with 1 worker); "
                     "speed-up target >= 1.8 with 2 workers (Kiwi speed-up: what the machine allows); "
                     "RSS MB: largest peak of a worker (target <= 700)")
    return table


if __name__ == "__main__":
    main()
