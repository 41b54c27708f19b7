"""Mutation fuzz: the samples changed in the ways real input goes wrong, through the whole
extractor. Any exception other than InputError is a bug; each is printed with its input.

Run on demand (not a test; tests/test_fuzz.py runs the same mutations under hypothesis):
    python scripts/fuzz.py                 # 10,000 mutated inputs
    python scripts/fuzz.py --inputs 20000 --seed 7
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
#: A mutated input is cut to at most this many bytes: the bugs live in local patterns, and
#: short inputs let a run cover ten thousand of them in minutes.
WINDOW = 1500


def samples() -> list[bytes]:
    return [path.read_bytes() for path in sorted(SAMPLES.glob("*.txt"))]


def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _cut(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[start:start + rng.randint(1, WINDOW)]


def _splice(data: bytes, rng: random.Random, other: bytes) -> bytes:
    return data[:rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1):]


def _wrap_in_html(data: bytes, rng: random.Random) -> bytes:
    head = rng.choice([b"<html><body><p>", b"<div><h1>", b"<article><p>", b"<p>", b"<html><head><title>"])
    return head + data.replace(b"\n", rng.choice([b"</p><p>", b"<br>", b"\n"])) + b"</p></body></html>"


def _stray_quotes(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(["\"", "'", "“", "”", "‘", "’", "「", "」"]) + text[at:]
    return text.encode("utf-8")


def change_digits(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not digits:
        return data
    chars = list(text)
    for at in rng.sample(digits, min(len(digits), rng.randint(1, 6))):
        chars[at] = rng.choice(["0", "9", "99", "9999", "00000", "30000000", "99999999999999999999",
                                str(rng.randrange(10 ** rng.randint(1, 12)))])
    return "".join(chars).encode("utf-8")


def _nul_bytes(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + b"\x00" * rng.randint(1, 4) + data[at:]


def _cp949(data: bytes, rng: random.Random) -> bytes:
    return data.decode("utf-8", errors="replace").encode("cp949", errors="replace")


def _shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


MUTATIONS = (_flip_bytes, _cut, _wrap_in_html, _stray_quotes, change_digits, _nul_bytes, _cp949, _shuffle_lines)


def mutate(corpus: list[bytes], rng: random.Random, mutations=MUTATIONS) -> bytes:
    """A WINDOW-byte piece of a sample with one to three mutations (a splice joins it to another sample)."""
    data = rng.choice(corpus)
    start = rng.randrange(max(1, len(data) - WINDOW))
    data = data[start:start + WINDOW]
    for _ in range(rng.randint(1, 3)):
        if not data:
            break
        if rng.random() < 0.1 and len(mutations) > 1:
            data = _splice(data, rng, rng.choice(corpus)[:WINDOW])
        else:
            data = rng.choice(mutations)(data, rng)
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="how many mutated inputs (default 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=64, help="inputs per extract_many call")
    args = parser.parse_args()

    from extractor import InputError, extract
    from extractor.api import Failure, Input, extract_many

    rng = random.Random(args.seed)
    corpus = samples()
    counts = {"analysed": 0, "refused": 0, "crashed": 0}
    started = time.time()
    for first in range(0, args.inputs, args.batch):
        inputs = [mutate(corpus, rng) for _ in range(min(args.batch, args.inputs - first))]
        results = extract_many([Input(data, reference_date="2024-05-03") for data in inputs], on_error="return")
        for data, result in zip(inputs, results):
            if not isinstance(result, Failure):
                counts["analysed"] += 1
            elif not result.reason.startswith("internal error"):
                counts["refused"] += 1
            else:  # extract_many caught an exception: raise it again alone to show where it comes from
                counts["crashed"] += 1
                try:
                    extract(data, reference_date="2024-05-03")
                except InputError:
                    pass
                except Exception:
                    print(f"--- crash on {data!r}", file=sys.stderr)
                    traceback.print_exc(limit=-3)
    total = sum(counts.values())
    print(f"{total:,} mutated inputs in {time.time() - started:.0f} s: {counts['analysed']:,} analysed, "
          f"{counts['refused']:,} refused with InputError, {counts['crashed']:,} other exceptions")
    return 1 if counts["crashed"] else 0


if __name__ == "__main__":
    sys.exit(main())
