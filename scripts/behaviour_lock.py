"""Lock the pipeline's behaviour: its output on every text we have, to compare before and after a change.

    python scripts/behaviour_lock.py OUT.json [EXTRA_DIR ...]   # snapshot
    python scripts/behaviour_lock.py --compare BEFORE.json AFTER.json

The snapshot runs `extract` over samples/*.txt, corpus/dev and corpus/blind, ../shared/dev-set/*.txt,
../shared/seed/*.txt, every `text:` of tests/corpus/*.yaml and every *.txt of
the extra directories, each with its gold file's (or corpus case's) reference
date, else a fixed 2023-07-28 so that nothing depends on today. `--compare`
prints each difference (text id, field, before, after) and exits 1 when any.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
SHARED = REPOSITORY.parent / "shared"
TEXT_DIRECTORIES = (REPOSITORY / "samples", REPOSITORY / "corpus" / "dev", REPOSITORY / "corpus" / "blind",
                    SHARED / "dev-set", SHARED / "seed")
FIXED_DATE = "2023-07-28"


def _directory_texts(directory: Path) -> Iterator[tuple[str, str, str]]:
    for path in sorted(directory.glob("*.txt")):
        gold = path.with_name(path.stem + ".gold.json")
        reference = FIXED_DATE
        if gold.exists():
            reference = json.loads(gold.read_text(encoding="utf-8")).get("reference_date") or FIXED_DATE
        yield f"{directory.name}/{path.name}", path.read_text(encoding="utf-8"), str(reference)


def _corpus_texts() -> Iterator[tuple[str, str, str]]:
    for path in sorted((REPOSITORY / "tests" / "corpus").glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for number, case in enumerate(spec.get("cases") or [], 1):
            if "text" in case:
                reference = case.get("reference_date", spec.get("reference_date")) or FIXED_DATE
                yield f"corpus/{path.stem}#{number}", case["text"], str(reference)


def all_texts(extra: list[Path]) -> Iterator[tuple[str, str, str]]:
    for directory in [*TEXT_DIRECTORIES, *extra]:
        if directory.is_dir():
            yield from _directory_texts(directory)
    yield from _corpus_texts()


def snapshot(out: Path, extra: list[Path]) -> None:
    from extractor import extract

    outputs = {}
    for text_id, text, reference in all_texts(extra):
        article = extract(text, reference_date=reference, id=text_id)
        outputs[text_id] = article.model_dump(mode="json")
    out.write_text(json.dumps(outputs, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(outputs)} texts -> {out}")


def differences(before: dict, after: dict) -> Iterator[tuple[str, str, object, object]]:
    for text_id in sorted(before.keys() | after.keys()):
        old, new = before.get(text_id), after.get(text_id)
        if old is None or new is None:
            yield text_id, "(text)", old is not None, new is not None
            continue
        for field in sorted(old.keys() | new.keys()):
            if old.get(field) != new.get(field):
                yield text_id, field, old.get(field), new.get(field)


def compare(first: Path, second: Path) -> int:
    before = json.loads(first.read_text(encoding="utf-8"))
    after = json.loads(second.read_text(encoding="utf-8"))
    found = 0
    for text_id, field, old, new in differences(before, after):
        found += 1
        print(f"{text_id}  {field}\n  before: {json.dumps(old, ensure_ascii=False)}\n"
              f"  after:  {json.dumps(new, ensure_ascii=False)}")
    print(f"{len(before)} texts, {found} differences" if found else f"{len(before)} texts: IDENTICAL")
    return 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("paths", nargs="*", type=Path, help="OUT.json, then extra directories of *.txt")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if not args.paths:
        parser.error("give OUT.json (or --compare BEFORE AFTER)")
    snapshot(args.paths[0], args.paths[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
