"""The web page for pasting an article and seeing what was extracted, highlighted in place.

A thin caller of `extractor.extract`: POST /api/extract returns the contract JSON;
with a store configured, every result is also saved to DuckDB (GET /api/articles lists them).
Run: `extractor serve [--db archive.duckdb] [--port 8000]`.
"""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, File, Form, HTTPException, UploadFile
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..api import extract
from ..errors import InputError
from ..nlp.pipeline import load_pipeline

HERE = Path(__file__).parent
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def create_app(database: str | Path | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        load_pipeline()  # Kiwi loads at start-up, not on the first request
        yield

    app = FastAPI(title="extractor", description="Korean news articles to grounded, structured JSON.",
                  lifespan=lifespan)
    store_lock = threading.Lock()
    store = None
    if database is not None:
        from ..store import Store

        store = Store(database)

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return (HERE / "templates" / "index.html").read_text(encoding="utf-8")

    @app.post("/api/extract")
    async def extract_article(
        text: str | None = Form(None),
        file: UploadFile | None = File(None),
        reference_date: str | None = Form(None),
        save: bool = Form(True),
    ) -> dict:
        data: bytes | str | None = text
        if file is not None:
            data = await file.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"file larger than {MAX_UPLOAD_BYTES // 2**20} MB")
        if not data:
            raise HTTPException(422, "paste an article or choose a file")
        try:
            article = extract(data, reference_date=reference_date or None,
                              source=file.filename if file is not None else None)
        except InputError as error:
            raise HTTPException(422, str(error)) from None
        if store is not None and save:
            with store_lock:
                store.add([article])
        return article.model_dump(mode="json")

    @app.get("/api/articles")
    def saved_articles(limit: int = 50) -> list[dict]:
        if store is None:
            return []
        with store_lock:
            columns, rows = store.query(
                "SELECT article_id, title, published, reference_date FROM articles ORDER BY reference_date DESC "
                "LIMIT ?", [limit])
        return [dict(zip(columns, row)) for row in rows]

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
