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
                                                   "(default: the article's own date, from its timestamp or byline, "
                                                   "else a date in the file's name, else today)")
    extract.add_argument("--pretty", action="store_true", help="indent the JSON")
    extract.add_argument("--max-chars", type=int, default=None, help="refuse texts longer than this (default 1,000,000)")
    extract.set_defaults(run=_run_extract)

    evaluate = commands.add_parser("eval", help="score against NAME.txt + NAME.gold.json pairs",
                                   description="Run the extractor over every NAME.txt beside a NAME.gold.json and "
                                               "print per-field precision/recall/F1 as the contract defines them "
                                               "(docs/CONTRACT.md in the project: fields, rulings on hard "
                                               "cases, scoring).")
    evaluate.add_argument("gold_dirs", type=Path, nargs="+", metavar="GOLD_DIR",
                          help="directories holding NAME.txt and NAME.gold.json files")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list what each article missed or added")
    evaluate.add_argument("--no-reference-date", action="store_true",
                          help="give the articles no date (as in real use): each must find its own; "
                               "rows inferred_date and specified_dates tell how well")
    evaluate.add_argument("--answers", type=Path, metavar="DIR",
                          help="score a second annotation (DIR/NAME.gold.json) against the gold instead of "
                               "running the extractor: the agreement of two annotators")
    evaluate.set_defaults(run=_run_eval)

    schema = commands.add_parser("schema", help="print (or write) the JSON Schema of the output")
    schema.add_argument("-o", "--output", type=Path, help=f"write the schema here (e.g. {SCHEMA_PATH})")
    schema.set_defaults(run=_run_schema)
    _add_batch_command(commands)
    _add_store_commands(commands)

    serve = commands.add_parser("serve", help="web page: paste an article, see what was extracted, highlighted",
                                description="Serve the web page and JSON API (POST /api/extract).")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--db", type=Path, help="save every result to this DuckDB store; /archive charts it")
    serve.add_argument("--workers", type=int, help="extraction worker processes (default: 2, or 1 on one core)")
    serve.add_argument("--time-limit", type=float, default=300.0,
                       help="seconds one extraction may take before it is stopped (default 300)")
    serve.set_defaults(run=_run_serve)
    return parser


def _fail(message: str) -> int:
    print(f"extractor: {message}", file=sys.stderr)
    return 1


def _run_extract(args) -> int:
    from .api import extract
    from .errors import InputError
    from .ingest import MAX_CHARS

    if not _valid_reference_date(args.reference_date):
        return _fail(f"bad --reference-date {args.reference_date!r}: expected YYYY-MM-DD")
    status = 0
    several = len(args.inputs) > 1
    written: set[str] = set()
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
        for warning in article.warnings:
            print(f"extractor: {name}: warning: {warning}", file=sys.stderr)
        payload = article.model_dump(mode="json")
        indent = 2 if args.pretty and not several else None
        rendered = json.dumps(payload, ensure_ascii=False, indent=indent)
        if args.output_dir:
            (args.output_dir / _output_name(name, written)).write_text(rendered + "\n", encoding="utf-8")
        else:
            print(rendered)
    return status


def _output_name(name: str, written: set[str]) -> str:
    """`DIR/<stem>.json`; inputs whose stems meet (`a.txt`, `a.html`, `x/a.txt`) keep apart as
    `a.html.json`, `a.txt.json`, then `a-2.json`, … so that no result overwrites another of the same run."""
    file_name = "stdin" if name == "-" else Path(name).name
    stem = file_name.split(".")[0]
    candidates = [f"{stem}.json", f"{file_name}.json"]
    candidates += (f"{stem}-{number}.json" for number in range(2, len(written) + 3))
    chosen = next(candidate for candidate in candidates if candidate not in written)
    written.add(chosen)
    return chosen


def _run_eval(args) -> int:
    from .scoring import agreement, evaluate, gold_pairs

    for directory in args.gold_dirs:
        if not directory.is_dir():
            return _fail(f"{directory}: not a directory")
        if not gold_pairs(directory):
            return _fail(f"{directory}: no NAME.txt with NAME.gold.json beside it")
    if args.answers:
        report = agreement(args.gold_dirs, args.answers)
        if not report.articles:
            return _fail(f"{args.answers}: no NAME.gold.json for an article of {', '.join(map(str, args.gold_dirs))}")
    else:
        report = evaluate(args.gold_dirs, use_reference_date=not args.no_reference_date)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report, args.verbose)
    return 0


def _print_report(report, verbose: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=True)
    if not console.is_terminal:
        console.width = 120  # a file or pipe gets whole rows, not columns cut at 80
    if verbose:
        _print_details(console, report)
    intervals = report.intervals()
    table = Table(title=f"extractor eval: {report.articles} articles (95 % interval: bootstrap over articles)")
    for column in ("field", "precision", "recall", "F1", "95 %", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "field" else "right", no_wrap=column == "field")
    for row, t in report.prf.items():
        table.add_row(row, f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}", _interval(intervals.get(row)),
                      str(t.tp), str(t.fp), str(t.fn))
    for row, a in report.accuracy.items():
        if a.total:
            table.add_row(row, "", "", f"acc {a.value:.3f}", _interval(intervals.get(row)), str(a.right), "",
                          str(a.total - a.right))
    console.print(table)
    _print_failures(console, report)


def _print_details(console, report) -> None:
    for name, detail in report.details.items():
        for row, diff in detail.items():
            console.print(f"[bold]{name}[/] {row}: {json.dumps(diff, ensure_ascii=False)}", markup=True)


def _print_failures(console, report) -> None:
    failures = sum(len(f) for f in report.grounding_failures.values())
    console.print(f"grounding failures: {failures}")
    for name, lines in report.grounding_failures.items():
        for line in lines[:5]:
            console.print(f"  {name}: {line}", markup=False)
    for name, error in report.errors.items():
        console.print(f"  {name}: error: {error}", markup=False)


def _interval(bounds: tuple[float, float] | None) -> str:
    return f"{bounds[0]:.2f}–{bounds[1]:.2f}" if bounds else ""


def _run_schema(args) -> int:
    from .model import json_schema

    rendered = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    return 0


def _run_serve(args) -> int:
    import uvicorn

    from .store import StoreError
    from .web.app import Limits, create_app

    try:
        app = create_app(args.db, workers=args.workers, limits=Limits(time_limit=args.time_limit))
    except StoreError as error:
        return _fail(str(error))
    print(f"extractor: serving on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _add_store_commands(commands) -> None:
    store = commands.add_parser(
        "store", help="load extracted JSON/JSONL (e.g. a batch's shards) into a DuckDB file",
        description="Load articles as `extractor extract`/`batch` wrote them into DuckDB tables "
                    "(articles, countries, headcounts, dates, quotes, names, visits). "
                    "An article id loaded again replaces the old rows; an id given twice in one file "
                    "is stored once, as its last record, and reported.")
    store.add_argument("database", type=Path, help="DuckDB file (created if missing)")
    store.add_argument("inputs", nargs="+", type=Path, help="*.json (also --pretty) / *.jsonl / *.jsonl.gz files, a batch's OUT dir "
                                                             "or an `extract -o` dir")
    store.set_defaults(run=_run_store)

    sql = commands.add_parser("sql", help="run one read-only SQL query against a DuckDB store",
                              description="Run one SQL statement on a store opened read-only, with files, "
                                          "extensions and configuration changes shut out. Example: "
                                          "extractor sql archive.duckdb "
                                          "\"SELECT code, count(*) FROM countries WHERE visiting GROUP BY code\"")
    sql.add_argument("database", type=Path, help="DuckDB file written by `extractor store`")
    sql.add_argument("query", help="the SQL to run (one statement)")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table",
                     help="a table for reading, CSV, or JSON Lines (default: %(default)s)")
    sql.add_argument("--json", dest="format", action="store_const", const="json", help="same as --format json")
    sql.set_defaults(run=_run_sql)

    export = commands.add_parser("export", help="write every table of a store to files (Parquet or CSV)",
                                 description="Write DIR/articles.parquet, DIR/countries.parquet, … "
                                             "for analysts who work with files.")
    export.add_argument("database", type=Path, help="DuckDB file written by `extractor store`")
    export.add_argument("directory", type=Path, help="where to write one file per table")
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="(default: %(default)s)")
    export.set_defaults(run=_run_export)


def _run_store(args) -> int:
    from .store import Store, StoreError, input_files, read_articles

    total = 0
    try:
        files = [path for source in args.inputs for path in input_files(source)]
        store = Store(args.database)
        try:
            for path in files:  # one file at a time: a batch's output need not fit in memory
                try:
                    loaded = store.load(read_articles(path))
                except StoreError as error:
                    raise StoreError(f"{path}: {error}") from None
                total += loaded.stored
                _report_duplicates(path, loaded.duplicates)
        finally:
            store.close()
    except StoreError as error:
        stored_before = f" ({total} articles from the files before it were stored)" if total else ""
        return _fail(f"{error}{stored_before}")
    if total == 0:
        return _fail(f"no articles in {', '.join(map(str, args.inputs))}: nothing stored")
    print(f"stored {total} articles in {args.database}", file=sys.stderr)
    return 0


def _report_duplicates(path: Path, duplicates: list[str]) -> None:
    if duplicates:
        shown = ", ".join(list(dict.fromkeys(duplicates))[:5])
        print(f"extractor: {path}: {len(duplicates)} duplicate id(s), the last record of each was kept: {shown}",
              file=sys.stderr)


def _open_existing(database: Path, **options):
    from .store import Store, StoreError

    if not database.exists():
        raise StoreError(f"{database}: no such database (create it with `extractor store`)")
    return Store(database, read_only=True, **options)


def _run_sql(args) -> int:
    from .store import StoreError

    try:
        store = _open_existing(args.database, sandboxed=True)
        try:
            columns, rows = store.query_one_statement(args.query)
        finally:
            store.close()
    except StoreError as error:
        return _fail(str(error))
    _print_rows(columns, rows, args.format)
    return 0


def _print_rows(columns: list[str], rows: list[tuple], file_format: str) -> None:
    if file_format == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str))
    elif file_format == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if value is None else str(value) for value in row))
        Console().print(table)


def _run_export(args) -> int:
    from .store import StoreError

    try:
        store = _open_existing(args.database)
        try:
            written = store.export(args.directory, args.format)
        finally:
            store.close()
    except (StoreError, OSError) as error:
        return _fail(str(error))
    print(f"wrote {len(written)} files to {args.directory}: {', '.join(path.name for path in written)}",
          file=sys.stderr)
    return 0


def _add_batch_command(commands) -> None:
    from .batch import DEFAULT_PATTERNS, DEFAULT_SHARD_SIZE, FieldMap

    batch = commands.add_parser(
        "batch", help="analyse a whole archive in parallel into sharded JSONL (resumable)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Analyse many articles in parallel and write:\n"
                    "  OUT/part-NNNNN.jsonl  one article per line, each shard written atomically\n"
                    "  OUT/errors.jsonl      id, source and reason of every record that failed\n"
                    "  OUT/manifest.json     counts, timings, versions and arguments\n"
                    "A bad record never stops the batch; --resume finishes an interrupted run.",
        epilog="examples:\n"
               "  extractor batch press/ -o out/                    # every *.txt/*.html under press/\n"
               "  extractor batch 2024.jsonl.gz -o out/ --text-field article --id-field url\n"
               "  zcat dump.jsonl.gz | extractor batch - -o out/ --workers 4\n"
               "  extractor batch press/ -o out/ --resume            # after a crash: finish the rest\n"
               "  extractor batch press/ -o out/ --engine dask --scheduler tcp://HOST:8786")
    batch.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="files, directories (searched recursively), .jsonl/.jsonl.gz archives with one "
                            "article per line, or - for JSONL on stdin")
    batch.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="output directory")
    batch.add_argument("--glob", default=",".join(DEFAULT_PATTERNS),
                       help="file name patterns taken from directories, comma-separated (default: %(default)s)")
    for field in ("text", "id", "date", "title", "url"):
        batch.add_argument(f"--{field}-field", default=",".join(getattr(FieldMap(), field)), metavar="NAMES",
                           help=f"JSONL key(s) holding the {field}, first present wins (default: %(default)s)")
    batch.add_argument("--workers", type=int, default=None, metavar="N",
                       help="local worker processes, each loading Kiwi once (default: the number of cores)")
    batch.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_SIZE, metavar="N",
                       help="articles per output shard, the unit of work and of --resume (default: %(default)s)")
    batch.add_argument("--resume", action="store_true",
                       help="finish an interrupted run of the same command: done shards are kept, the rest analysed")
    batch.add_argument("--engine", choices=("local", "dask"), default=None,
                       help="local worker processes, or a Dask distributed cluster "
                            "(default: dask when --scheduler is given, else local)")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (implies --engine dask)")
    batch.add_argument("--dask-timeout", type=float, default=None, metavar="SECONDS",
                       help="give up when the scheduler cannot be reached, or the cluster has had no worker, "
                            "for this long (default: 30)")
    batch.add_argument("--reference-date", help="YYYY-MM-DD for records without a date "
                                                "(default: each article's own date, from its timestamp or byline, "
                                                "else a date in its file's name, else today)")
    batch.add_argument("--max-chars", type=int, default=None, help="refuse texts longer than this (default 1,000,000)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    batch.set_defaults(run=_run_batch)


def _run_batch(args) -> int:
    from .batch import BatchError, BatchJob, FieldMap, Settings, run_batch, summary_line
    from .ingest import MAX_CHARS

    engine = args.engine or ("dask" if args.scheduler else "local")
    if engine == "dask" and not args.scheduler:
        return _fail("--engine dask needs --scheduler tcp://HOST:8786")
    if engine == "local" and (args.scheduler or args.dask_timeout is not None):
        return _fail("--scheduler and --dask-timeout are for --engine dask; drop --engine local")
    if args.dask_timeout is not None and args.dask_timeout <= 0:
        return _fail("--dask-timeout must be more than 0 seconds")
    if args.shard_size < 1 or (args.workers is not None and args.workers < 1):
        return _fail("--shard-size and --workers must be at least 1")
    if not _valid_reference_date(args.reference_date):
        return _fail(f"bad --reference-date {args.reference_date!r}: expected YYYY-MM-DD")
    names = {field: tuple(_comma_list(getattr(args, f"{field}_field")))
             for field in ("text", "id", "date", "title", "url")}
    settings = Settings(FieldMap(**names), args.reference_date, args.max_chars or MAX_CHARS)
    job = BatchJob(args.inputs, args.output, tuple(_comma_list(args.glob)), args.shard_size, settings)
    try:
        manifest = run_batch(job, workers=args.workers, engine=engine, scheduler=args.scheduler,
                             resume=args.resume, show_progress=not args.quiet and sys.stderr.isatty(),
                             dask_timeout=args.dask_timeout)
    except BatchError as error:
        return _fail(str(error))
    if not args.quiet:
        print(summary_line(manifest, args.output), file=sys.stderr)
    counts = manifest["counts"]
    if counts["failed"] and not counts["articles"]:
        return _fail(f"every record failed ({counts['failed']:,}): see {args.output / 'errors.jsonl'}")
    return 0


def _valid_reference_date(value: str | None) -> bool:
    """Checked before any work starts, by the rule every input is checked by."""
    from .errors import InputError
    from .ingest import as_reference_date

    try:
        as_reference_date(value)
    except InputError:
        return False
    return True


def _comma_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]
