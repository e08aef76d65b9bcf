"""The HTTP API and the web page over one store: ``create_app(db)``, served by uvicorn.

Read-only unless an API token is given; then ``POST /articles`` analyses and
stores articles for clients that send ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.requests import ClientDisconnect

from .. import __version__
from ..errors import AuthError, RequestError
from ..ingest.jsonl import loads, parse_record
from ..model import Article
from ..store import event_formats as exports
from ..store.reads import Reader
from . import envelope
from .envelope import Envelope, ok, ok_records
from .filters import (
    ActorFilters,
    EventExport,
    EventFilters,
    EventPage,
    PlaceFilters,
    StatsFilters,
    decode_cursor,
    encode_cursor,
)

STATIC = Path(__file__).parent / "static"
MAX_POST = 100
#: The pipeline configuration (JSON) for the worker processes of `serve --workers N`.
CONFIG_ENV = "LAGEBILD_PIPELINE_CONFIG"
MAX_BODY = 32 * 1024 * 1024  # bytes of one POST; each article is cut at max_chars anyway


class Ingested(BaseModel):
    id: str
    status: str = Field(description="added, updated, unchanged, duplicate or failed")
    duplicate_of: str | None = None
    events: int = 0
    error: str | None = None


class _Writer:
    """The pipeline and a writable store, used one request at a time. The pipeline is an
    IsolatedPipeline, built on the first POST: the analysis runs in a worker process that
    is killed when an article takes longer than ``max_seconds``, which a timer in this
    request thread could not enforce."""

    def __init__(self, db: Path, config=None, pipeline=None):
        self.db = db
        self.config = config
        self.lock = threading.Lock()
        self.pipeline, self.owned = pipeline, pipeline is None

    def ingest(self, articles: list[Article]) -> list[Ingested]:
        from ..isolated import IsolatedPipeline
        from ..pipeline import document_id
        from ..store import Store

        with self.lock, Store(self.db) as store:
            self.pipeline = self.pipeline or IsolatedPipeline(self.config)
            results: dict[int, Ingested] = {}
            new: list[tuple[int, Article]] = []
            for number, article in enumerate(articles):
                ident = document_id(article)
                text = article.text[: self.pipeline.config.max_chars]
                verdict, original = store.triage(ident, text, article.url, article.source)
                if verdict == "new":
                    new.append((number, article))
                else:
                    results[number] = Ingested(id=ident, status=verdict,
                                               duplicate_of=original if original != ident
                                               else None)
            for (number, _), document in zip(
                    new, self.pipeline.pipe([a for _, a in new]), strict=True):
                status = store.write(document, dedupe=True)
                results[number] = Ingested(id=document.id, status=status,
                                           events=len(document.events), error=document.error)
            return [results[n] for n in range(len(articles))]

    def close(self) -> None:
        """End the analysis processes this writer started."""
        with self.lock:
            if self.owned and self.pipeline is not None:
                self.pipeline.close()
                self.pipeline = None


def create_app(db: str | Path, token: str | None = None, config=None,
               pipeline=None) -> FastAPI:
    """The app over the store at ``db``; ``token`` switches the ingest endpoint on, whose
    articles an IsolatedPipeline of ``config`` (a PipelineConfig; default: the default)
    analyses, or ``pipeline`` where given (anything with ``pipe`` and ``config``)."""
    reader = Reader(db)
    writer = _Writer(Path(db), config, pipeline) if token else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if writer is not None:
            await run_in_threadpool(writer.close)

    app = FastAPI(
        title="lagebild", version=__version__, docs_url=None, redoc_url=None,
        description="Events extracted from news articles: who did what to whom, when, "
        "where, how many, and who says so. Every answer is an envelope "
        "`{data, meta, error}`.",
        lifespan=lifespan,
    )
    envelope.install(app)
    app.add_middleware(envelope.BodyLimit, limit=MAX_BODY)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _mount_docs(app)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/health", summary="Whether the store can be read, and its size")
    def health() -> Envelope:
        return ok({"status": "ok", **reader.counts()}, version=__version__,
                  ingest=writer is not None)

    # a page is a few index lookups: answered on the event loop, without a thread hop
    @app.get("/events", summary="Events matching every filter, one page at a time")
    async def events(filters: Annotated[EventPage, Query()]) -> Response:
        after = decode_cursor(filters.cursor, filters.sort) if filters.cursor else None
        rows, last = reader.events(filters.query(), filters.sort, filters.limit, after)
        return ok_records(rows, count=len(rows), limit=filters.limit, sort=filters.sort,
                          next_cursor=encode_cursor(filters.sort, last) if last else None)

    @app.get("/events.csv", summary="Events matching the filters as CSV",
             response_class=StreamingResponse)
    def events_csv(filters: Annotated[EventExport, Query()]) -> StreamingResponse:
        rows = reader.event_rows(filters.query(), filters.sort, filters.limit)
        return StreamingResponse(exports.csv_chunks(rows), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": "attachment; "
                                          'filename="events.csv"'})

    @app.get("/events.geojson", summary="Events matching the filters as GeoJSON points")
    def events_geojson(filters: Annotated[EventExport, Query()]) -> Response:
        rows = reader.event_rows(filters.query(), filters.sort, filters.limit)
        return Response(exports.geojson_bytes(rows), media_type="application/geo+json")

    @app.get("/events.parquet", summary="Events matching the filters as Parquet")
    def events_parquet(filters: Annotated[EventExport, Query()]) -> Response:
        rows = reader.event_rows(filters.query(), filters.sort, filters.limit)
        return Response(exports.parquet(rows), media_type="application/vnd.apache.parquet",
                        headers={"Content-Disposition": 'attachment; filename="events.parquet"'})

    @app.get("/events/{event_id:path}",
             summary="One event with its sentence, trigger, quote and sources")
    def event(event_id: str) -> Envelope:
        return ok(reader.event(event_id))

    @app.get("/articles/{article_id:path}",
             summary="The article's Document (lagebild.document/1) with every span")
    def article(article_id: str) -> Envelope:
        return ok(reader.document(article_id))

    @app.get("/actors", summary="Actors over the store, most active first")
    def actors(filters: Annotated[ActorFilters, Query()]) -> Envelope:
        rows = reader.actors(filters.country, filters.q, filters.limit)
        return ok(rows, count=len(rows))

    @app.get("/places", summary="Places over the store, most mentioned first")
    def places(filters: Annotated[PlaceFilters, Query()]) -> Envelope:
        rows = reader.places(filters.country, filters.limit)
        return ok(rows, count=len(rows))

    @app.get("/stats", summary="Event counts per day × type × country")
    def stats(filters: Annotated[StatsFilters, Query()]) -> Envelope:
        rows = reader.stats(filters.query(), filters.by)
        return ok(rows, count=len(rows), by=filters.by)

    @app.get("/stats/places", summary="Event counts per place × type (points for a map)")
    def place_stats(filters: Annotated[EventFilters, Query()]) -> Envelope:
        rows = reader.place_counts(filters.query())
        return ok(rows, count=len(rows))

    @app.post("/articles", summary="Analyse and store articles (needs the API token)",
              status_code=201, openapi_extra=_ARTICLES_BODY)
    async def post_articles(request: Request,
                            authorization: Annotated[str | None, Header()] = None) -> Envelope:
        if writer is None:
            raise AuthError("ingest is off: start the server with an API token to allow it")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
            raise AuthError("missing or wrong API token (Authorization: Bearer <token>)")
        try:  # only now is the body read: at most MAX_BODY bytes (envelope.BodyLimit)
            body = await request.body()
        except ClientDisconnect:
            raise RequestError("the client went away before its body was read") from None
        articles = parse_body(body)
        results = await run_in_threadpool(writer.ingest, articles)
        response = ok([r.model_dump() for r in results], count=len(results))
        response.status_code = 201
        return response

    return app


_ARTICLE = Article.model_json_schema()
_ARTICLES_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "anyOf": [_ARTICLE, {"type": "array", "items": _ARTICLE, "minItems": 1,
                         "maxItems": MAX_POST}]}}}}}


def parse_body(body: bytes) -> list[Article]:
    """The articles of a POST body: one object, or a list of 1 to MAX_POST of them.

    A body that is no JSON, or one object that is no article, is refused (400); in a
    list, each item that is no article becomes a failed result of its own, so the
    others are analysed and stored as usual."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequestError(f"body is not UTF-8 (byte {exc.start})") from None
    value, problem = loads(text)
    if problem is not None:
        raise RequestError(f"body: {problem}")
    if isinstance(value, dict):
        article = parse_record(value, "body", id_from_where=False)
        if article.error:
            raise RequestError(article.error.split("] ", 1)[-1])
        return [article]
    if not isinstance(value, list) or not value or len(value) > MAX_POST:
        raise RequestError(f"send 1 to {MAX_POST} articles per request")
    return [parse_record(item, f"body[{number}]", id_from_where=False)
            for number, item in enumerate(value)]


def from_environment() -> FastAPI:
    """The app over ``$LAGEBILD_DB`` (and ``$LAGEBILD_API_TOKEN``, the pipeline configuration
    as JSON in ``$LAGEBILD_PIPELINE_CONFIG``): the factory that each uvicorn worker process
    calls when ``lagebild serve --workers N`` runs several."""
    from ..pipeline import PipelineConfig

    config = os.environ.get(CONFIG_ENV)
    return create_app(os.environ["LAGEBILD_DB"], token=os.environ.get("LAGEBILD_API_TOKEN"),
                      config=PipelineConfig.model_validate_json(config) if config else None)


def _mount_docs(app: FastAPI) -> None:
    """OpenAPI docs at /docs from the Swagger UI files installed with the package."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # the API works without its docs page
        return
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="lagebild API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg")
