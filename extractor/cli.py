"""Command line: thin wrappers over the API. `extractor --help` lists the commands."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__

SCHEMA_PATH = Path("schemas/article.schema.json")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Turn Korean press releases and news articles into grounded, structured JSON.",
        epilog="Example: extractor extract samples/anyang-smart-city-2023-07-28.txt --pretty",
    )
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    extract = commands.add_parser("extract", help="analyse files (or - for stdin) and print JSON",
                                  description="Analyse articles: plain text or HTML, UTF-8, CP949/EUC-KR or UTF-16. "
                                              "One input prints one JSON object; several print JSON Lines.")
    extract.add_argument("inputs", nargs="+", metavar="FILE", help="article files, or - to read stdin")
    extract.add_argument("-o", "--output-dir", type=Path, help="write DIR/<stem>.json per input instead of printing")
    extract.add_argument("--reference-date", help="YYYY-MM-DD that relative dates resolve against "
                                                   "(default: the article's published date, else today)")
    extract.add_argument("--pretty", action="store_true", help="indent the JSON")
    extract.add_argument("--max-chars", type=int, default=None, help="refuse texts longer than this (default 1,000,000)")
    extract.set_defaults(run=_run_extract)

    evaluate = commands.add_parser("eval", help="score against NAME.txt + NAME.gold.json pairs",
                                   description="Run the extractor over every NAME.txt beside a NAME.gold.json and "
                                               "print per-field precision/recall/F1 as CONTRACT.md defines them.")
    evaluate.add_argument("gold_dir", type=Path, help="directory holding NAME.txt and NAME.gold.json files")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list what each article missed or added")
    evaluate.set_defaults(run=_run_eval)

    schema = commands.add_parser("schema", help="print (or write) the JSON Schema of the output")
    schema.add_argument("-o", "--output", type=Path, help=f"write the schema here (e.g. {SCHEMA_PATH})")
    schema.set_defaults(run=_run_schema)
    return parser


def _fail(message: str) -> int:
    print(f"extractor: {message}", file=sys.stderr)
    return 1


def _run_extract(args) -> int:
    from .api import extract
    from .errors import InputError
    from .ingest import MAX_CHARS

    status = 0
    several = len(args.inputs) > 1
    if args.output_dir:
        args.output_dir.mkdir(parents=True, exist_ok=True)
    for name in args.inputs:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            article = extract(data, reference_date=args.reference_date, source=None if name == "-" else name,
                              max_chars=args.max_chars or MAX_CHARS)
        except (OSError, InputError) as error:
            status = _fail(f"{name}: {error.strerror if isinstance(error, OSError) and error.strerror else error}")
            continue
        payload = article.model_dump(mode="json")
        indent = 2 if args.pretty and not several else None
        rendered = json.dumps(payload, ensure_ascii=False, indent=indent)
        if args.output_dir:
            stem = "stdin" if name == "-" else Path(name).name.split(".")[0]
            (args.output_dir / f"{stem}.json").write_text(rendered + "\n", encoding="utf-8")
        else:
            print(rendered)
    return status


def _run_eval(args) -> int:
    from .scoring import evaluate, gold_pairs

    if not args.gold_dir.is_dir():
        return _fail(f"{args.gold_dir}: not a directory")
    if not gold_pairs(args.gold_dir):
        return _fail(f"{args.gold_dir}: no NAME.txt with NAME.gold.json beside it")
    report = evaluate(args.gold_dir)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report, args.verbose)
    return 0


def _print_report(report, verbose: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=True)
    if verbose:
        for name, detail in report.details.items():
            for row, diff in detail.items():
                console.print(f"[bold]{name}[/] {row}: {json.dumps(diff, ensure_ascii=False)}", markup=True)
    table = Table(title=f"extractor eval: {report.articles} articles")
    for column in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for row, t in report.prf.items():
        table.add_row(row, f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}", str(t.tp), str(t.fp), str(t.fn))
    for row, a in report.accuracy.items():
        table.add_row(row, "", "", f"acc {a.value:.3f}", str(a.right), "", str(a.total - a.right))
    console.print(table)
    failures = sum(len(f) for f in report.grounding_failures.values())
    console.print(f"grounding failures: {failures}")
    for name, lines in report.grounding_failures.items():
        for line in lines[:5]:
            console.print(f"  {name}: {line}", markup=False)
    for name, error in report.errors.items():
        console.print(f"  {name}: error: {error}", markup=False)


def _run_schema(args) -> int:
    from .model import json_schema

    rendered = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    return 0
