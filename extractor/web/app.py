"""The web page for pasting an article and seeing what was extracted, highlighted in place,
and (with a store) the analysts' archive view.

A thin caller of `extractor.extract`, run in worker processes so the server keeps answering:
POST /api/extract returns the contract JSON; with a store configured, every result is also saved
to DuckDB (GET /api/articles lists them, GET /archive charts them).
Run: `extractor serve [--db archive.duckdb] [--port 8000] [--workers 2] [--time-limit 300]`.
"""
from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import os
import threading
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from ..errors import InputError
from ..ingest import MAX_CHARS
from .archive import CHARTS, Filters, chart_rows, overview
from .workers import WorkerPool

HERE = Path(__file__).parent
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass(frozen=True)
class Limits:
    """What one request may ask; the page states these and the API refuses more at once."""
    max_chars: int = MAX_CHARS
    max_file_bytes: int = 20 * 2**20
    time_limit: float = 300.0

    @property
    def max_body_bytes(self) -> int:
        # pasted text is at most 4 bytes a character in UTF-8; a little room for the form's other fields
        return max(self.max_file_bytes, 4 * self.max_chars) + 64 * 1024


@dataclass
class _Input:
    data: bytes | str
    reference_date: dt.date | None = None
    source: str | None = None
    save: bool = True


@dataclass
class _Server:
    """What the routes share: the worker pool, the stated limits and the store (with its lock)."""
    pool: WorkerPool
    limits: Limits
    store: object | None
    store_lock: threading.Lock


def create_app(database: str | Path | None = None, *, workers: int | None = None,
               limits: Limits = Limits()) -> FastAPI:
    server = _Server(WorkerPool(workers or min(2, os.cpu_count() or 1)), limits, _open_store(database),
                     threading.Lock())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        server.pool.start()  # workers load the pipeline at start-up, not on the first request
        yield
        server.pool.close()

    app = FastAPI(title="extractor", description="Korean news articles to grounded, structured JSON.",
                  lifespan=lifespan)

    @app.middleware("http")
    async def refuse_cross_site_writes(request: Request, call_next):
        if request.method not in _SAFE_METHODS and _cross_site(request):
            return JSONResponse({"detail": "cross-site request refused: post from this server's own page"}, 403)
        return await call_next(request)

    _add_pages(app, server)
    _add_extraction(app, server)
    _add_archive(app, server)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def _open_store(database: str | Path | None):
    if database is None:
        return None
    from ..store import Store

    return Store(database)


def _add_pages(app: FastAPI, server: _Server) -> None:
    pages = {name: _page(name, server.limits) for name in ("index.html", "archive.html")}  # the limits are fixed

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return pages["index.html"]

    @app.get("/archive", response_class=HTMLResponse)
    def archive_page() -> str:
        return pages["archive.html"]

    @app.get("/api/limits")
    def stated_limits() -> dict:
        return asdict(server.limits)

    @app.get("/api/health")
    def health() -> dict:
        return {"workers": server.pool.size, "busy": server.pool.busy, "starting": server.pool.starting}


def _add_extraction(app: FastAPI, server: _Server) -> None:
    limits = server.limits

    @app.post("/api/extract")
    async def extract_article(request: Request) -> dict:
        given = await _read_input(request, limits)
        try:
            article = await server.pool.extract(limits.time_limit, given.data, given.reference_date, given.source,
                                                limits.max_chars)
        except InputError as error:
            raise HTTPException(422, str(error)) from None
        except TimeoutError:
            raise HTTPException(503, f"the analysis took longer than the limit of {limits.time_limit:g} s "
                                     "and was stopped; try a shorter text") from None
        if server.store is not None and given.save:
            await asyncio.to_thread(_locked, server.store_lock, server.store.add, [article])
        return article


def _add_archive(app: FastAPI, server: _Server) -> None:
    @app.get("/api/articles")
    def saved_articles(limit: int = Query(50, ge=1, le=1000)) -> list[dict]:
        if server.store is None:
            return []
        columns, rows = _locked(server.store_lock, server.store.query,
                                "SELECT article_id, title, published, reference_date FROM articles "
                                "ORDER BY reference_date DESC LIMIT ?", [limit])
        return [dict(zip(columns, row)) for row in rows]

    @app.get("/api/archive")
    def archive_overview(request: Request) -> dict:
        return _locked(server.store_lock, overview, _require(server.store), _filters(request))

    @app.get("/api/archive/{chart}.csv")
    def archive_csv(chart: str, request: Request) -> Response:
        if chart not in CHARTS:
            raise HTTPException(404, f"no chart {chart!r}; the charts are {', '.join(CHARTS)}")
        columns, rows = _locked(server.store_lock, chart_rows, _require(server.store), chart, _filters(request))
        out = io.StringIO()
        csv.writer(out).writerows([columns, *rows])
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{chart}.csv"'})


def _page(name: str, limits: Limits) -> str:
    template = Template((HERE / "templates" / name).read_text(encoding="utf-8"))
    return template.substitute(max_chars=f"{limits.max_chars:,}", max_file_mb=f"{limits.max_file_bytes / 2**20:g}",
                               time_limit=f"{limits.time_limit:g}",
                               limits=json.dumps(asdict(limits)).replace("<", "\\u003c"))


def _locked(lock: threading.Lock, function, *args):
    with lock:
        return function(*args)


def _cross_site(request: Request) -> bool:
    """A browser tells where a request comes from; requests without these headers come from no web page."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    return origin is not None and urlsplit(origin).netloc != request.headers.get("host")


async def _read_input(request: Request, limits: Limits) -> _Input:
    """The article from a JSON body `{text, reference_date, save}` or a form (`text` or `file`)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limits.max_body_bytes:
        raise HTTPException(413, _too_large(limits))
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        given = await _json_input(request)
    elif content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        given = await _form_input(request, limits)
    else:
        raise HTTPException(415, "send the article as application/json {\"text\": ...} "
                                 "or as a form with a text or file field")
    if isinstance(given.data, str) and len(given.data) > limits.max_chars:
        raise HTTPException(413, f"the text has {len(given.data):,} characters; {_too_large(limits)}")
    if not (given.data.strip() if isinstance(given.data, str) else given.data):
        raise HTTPException(422, "empty input: paste an article or choose a file")
    return given


async def _json_input(request: Request) -> _Input:
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, "the body is not valid JSON") from None
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise HTTPException(422, 'the JSON body must be an object with a "text" string')
    reference_date = body.get("reference_date")
    if reference_date is not None and not isinstance(reference_date, str):
        raise HTTPException(422, '"reference_date" must be a YYYY-MM-DD string')
    return _Input(body["text"], _checked_date(reference_date), save=body.get("save", True) is not False)


async def _form_input(request: Request, limits: Limits) -> _Input:
    try:
        form = await request.form(max_files=1, max_fields=8, max_part_size=limits.max_body_bytes)
    except MultiPartException as error:
        raise HTTPException(413 if "maximum size" in str(error) else 400, f"{error}; {_too_large(limits)}") from None
    text, file = form.get("text"), form.get("file")
    if isinstance(file, UploadFile) and file.filename:
        if isinstance(text, str) and text.strip():
            raise HTTPException(422, "send either pasted text or a file, not both")
        data = await file.read(limits.max_file_bytes + 1)
        if len(data) > limits.max_file_bytes:
            raise HTTPException(413, f"the file is larger than {limits.max_file_bytes / 2**20:g} MB; {_too_large(limits)}")
        source = file.filename
    else:
        data, source = (text if isinstance(text, str) else ""), None
    save = str(form.get("save", "true")).lower() not in ("false", "0", "off")
    return _Input(data, _checked_date(form.get("reference_date")), source, save)


def _checked_date(value, what: str = "reference date") -> dt.date | None:
    """A YYYY-MM-DD date from a form or query, or a 422 saying which field is not one."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise HTTPException(422, f"{what} {value!r} is not a YYYY-MM-DD date") from None


def _too_large(limits: Limits) -> str:
    return (f"the limit is {limits.max_chars:,} characters of text or a file of "
            f"{limits.max_file_bytes / 2**20:g} MB")


def _require(store):
    if store is None:
        raise HTTPException(404, "no store: start the server with `extractor serve --db FILE`")
    return store


def _filters(request: Request) -> Filters:
    given = request.query_params
    return Filters(start=_checked_date(given.get("start"), "start"), end=_checked_date(given.get("end"), "end"),
                   country=(given.get("country") or "").upper() or None,
                   program=given.get("program") or None, words=given.get("q") or None)
