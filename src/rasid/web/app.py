"""``rasid serve``: the archive in the browser (Arabic, right to left) and as a JSON API.

A thin layer: every route opens the archive read-only, calls one ``*_data`` function of
:mod:`rasid.web.pages` and renders the dict it returns — as HTML through a template, or as
JSON when the path ends in ``.json`` or the client asks for ``application/json`` (the page's
JSON twin). The ``/api/…`` routes return the same dicts. Writing (``POST /api/ingest``, or
storing an analysis) needs ``RASID_TOKEN`` as a bearer token and goes through one writer.

Security: templates escape everything (article text is untrusted; no source HTML is ever
inserted as HTML), a strict Content-Security-Policy allows only our own scripts and styles
(no inline ones), request bodies are capped, pagination is bounded, analysis runs with a
time limit, and every error is a 4xx with a one-line message, never a traceback.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from swagger_ui_bundle import swagger_ui_path

from rasid import __version__
from rasid.archive.store import SQLiteArchive, open_archive
from rasid.errors import RasidError
from rasid.web import pages
from rasid.web.render import reading_html

HERE = Path(__file__).parent
MAX_BODY = 2 * 1024 * 1024  # bytes: pasted text, uploaded pages, API bodies
ANALYSE_TIMEOUT_S = 20.0
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
# the interactive API docs (Swagger UI 5, bundled by the swagger-ui-bundle-v2 package) set
# style attributes from their scripts: that page alone may use inline styles (never scripts)
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


_COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
_SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), *_COMMON]
_DOCS_HEADERS = [(b"content-security-policy", DOCS_CSP.encode()), *_COMMON]


class _Guard:
    """Refuse oversized bodies up front (413, from Content-Length) and add the security
    headers to every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            body = json.dumps(
                {"error": f"the request body is over {MAX_BODY // 1024} KiB", "status": 413}
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 413,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        *_SECURITY_HEADERS,
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        docs = scope["path"] in ("/docs", "/docs/oauth2-redirect")

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                extra = _DOCS_HEADERS if docs else _SECURITY_HEADERS
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


class SearchQuery:
    """The search page's and ``/api/search``'s parameters (one FastAPI dependency)."""

    def __init__(
        self,
        q: str | None = None,
        date_from: str | None = Query(None, alias="from"),
        date_to: str | None = Query(None, alias="to"),
        outlet: str | None = None,
        entity: str | None = None,
        type: str | None = None,  # noqa: A002 - the URL's name for the event type
        page_number: int = Query(1, alias="page"),
        per_page: int = 20,
    ) -> None:
        self.q = q
        self.filters = {
            "date_from": date_from,
            "date_to": date_to,
            "outlet": outlet,
            "entity": entity,
            "event_type": type,
            "page": page_number,
            "per_page": per_page,
        }

    def run(self, archive: SQLiteArchive) -> dict[str, Any]:
        return pages.search_data(archive, self.q, **self.filters)


class HTTPError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(db: Path | str, *, token: str | None = None) -> FastAPI:
    """The application over the archive at ``db``. ``token`` enables the writing
    endpoints (they answer 403 without one configured, 401 without the right one)."""
    db_path = Path(db)
    open_archive(db_path, read_only=True).close()  # fail now, clearly, if it is not there
    writer_lock = threading.Lock()
    app = FastAPI(
        title="rasid",
        version=__version__,
        description="Arabic news as structured, sourced facts: articles, entities, "
        "statements (who said what, through whom, who denies it), events, stories. "
        "Every page has a JSON twin: the same URL with `.json`.",
        docs_url=None,  # served below from bundled assets: no CDN, works offline
        redoc_url=None,
    )
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.auto_reload = False  # templates ship with the package: no mtime checks
    templates.env.globals.update(
        reading_html=reading_html,
        event_labels=pages.EVENT_LABELS,
        entity_labels=pages.ENTITY_LABELS,
        quote=quote,
        version=__version__,
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount("/swagger", StaticFiles(directory=str(swagger_ui_path)), name="swagger")

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request):
        return templates.TemplateResponse(request, "docs.html", {})

    # The hot pages (article, search) are CPU-bound Python with short SQLite reads: they run
    # on the event loop, with no thread hand-off per request. The heavier ones (home, map,
    # entity, story, the listing APIs: hundreds of milliseconds on a large archive) run in
    # threads, so they never hold the loop while an article page waits. Each thread reads
    # through its own read-only connection, kept open with its page cache warm.
    local = threading.local()

    @contextmanager
    def reading() -> Iterator[SQLiteArchive]:
        archive = getattr(local, "archive", None)
        if archive is None:
            archive = local.archive = open_archive(db_path, read_only=True)
        try:
            yield archive
        except RasidError:
            raise  # a request rasid refused (404, 400): the connection is fine
        except BaseException:
            archive.close()  # anything else: no half-read connection is reused
            local.archive = None
            raise

    def wants_json(request: Request, suffix: str) -> bool:
        if suffix == ".json":
            return True
        accept = request.headers.get("accept", "")
        return "application/json" in accept and "text/html" not in accept

    def render(
        request: Request, template: str, data: dict[str, Any], suffix: str = "", status: int = 200
    ) -> Response:
        if wants_json(request, suffix):
            return JSONResponse(data, status_code=status)
        return templates.TemplateResponse(
            request, template, {"data": data, "path": request.url.path}, status_code=status
        )

    def page(build: Callable[[SQLiteArchive], dict[str, Any]]) -> dict[str, Any]:
        with reading() as archive:
            return build(archive)

    # -- middleware: headers and body size (plain ASGI: no per-request task overhead)

    app.add_middleware(_Guard)

    def _error(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/") or wants_json(
            request, ".json" if request.url.path.endswith(".json") else ""
        ):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"data": {"status": status, "message": message}, "path": request.url.path},
            status_code=status,
        )

    @app.exception_handler(HTTPError)
    async def http_error(request: Request, exc: HTTPError):
        return _error(request, exc.status, exc.message)

    @app.exception_handler(pages.NotFound)
    async def not_found(request: Request, exc: pages.NotFound):
        return _error(request, 404, str(exc))

    @app.exception_handler(RasidError)
    async def rasid_error(request: Request, exc: RasidError):
        return _error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "path"))
        return _error(request, 400, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_exception(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    # -- pages (each with its .json twin)

    def twin(path: str):
        """Register a page at ``path`` and ``path.json``."""

        def register(fn):
            app.get(path, response_class=HTMLResponse, include_in_schema=False)(fn)
            app.get(path + ".json", include_in_schema=False)(fn)
            return fn

        return register

    def suffix_of(request: Request) -> str:
        return ".json" if request.url.path.endswith(".json") else ""

    @twin("/")
    def home(request: Request):
        return render(request, "home.html", page(pages.home_data), suffix_of(request))

    app.get("/index.json", include_in_schema=False)(home)

    @twin("/search")
    async def search_page(request: Request, query: Annotated[SearchQuery, Depends()]):
        data = page(lambda a: query.run(a))
        return render(request, "search.html", data, suffix_of(request))

    def article_id(raw: str) -> int:
        key = raw.removesuffix(".json")
        if not key.isdigit():
            raise HTTPError(404, f"no article {key!r}")
        return int(key)

    @app.get("/article/{key}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(request: Request, key: str):
        data = page(lambda a: pages.article_data(a, article_id(key)))
        return render(request, "article.html", data, ".json" if key.endswith(".json") else "")

    @twin("/stories")
    def stories_page(request: Request, page_number: int = Query(1, alias="page")):
        data = page(lambda a: pages.stories_data(a, page=page_number))
        return render(request, "stories.html", data, suffix_of(request))

    @app.get("/story/{key}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, key: str):
        data = page(lambda a: pages.story_data(a, article_id(key)))
        return render(request, "story.html", data, ".json" if key.endswith(".json") else "")

    @app.get("/entity/{name}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, name: str):
        data = page(lambda a: pages.entity_data(a, name.removesuffix(".json")))
        return render(request, "entity.html", data, ".json" if name.endswith(".json") else "")

    @twin("/map")
    def map_page(
        request: Request,
        type: str | None = None,  # noqa: A002
        date_from: str | None = Query(None, alias="from"),
        date_to: str | None = Query(None, alias="to"),
    ):
        data = page(
            lambda a: pages.map_data(a, event_type=type, date_from=date_from, date_to=date_to)
        )
        return render(request, "map.html", data, suffix_of(request))

    @twin("/analyse")
    async def analyse_form(request: Request):
        return render(request, "analyse.html", {"result": None, "stored": None}, suffix_of(request))

    @app.post("/analyse", response_class=HTMLResponse, include_in_schema=False)
    async def analyse_submit(
        request: Request,
        text: str = Form(""),
        page_file: Annotated[UploadFile | None, File()] = None,
        published: str = Form(""),
        store: str = Form(""),
        token_field: str = Form("", alias="token"),
    ):
        raw = await _upload(page_file)
        source: str | bytes = raw if raw else text
        if not source or (isinstance(source, str) and not source.strip()):
            raise HTTPError(400, "paste Arabic text or choose an HTML file to analyse")
        doc = await _analyse(source, published or None)
        stored = None
        if store:
            _check_token(token_field or _bearer(request))
            stored = await run_in_threadpool(_store, source, published or None)
        data = {"result": pages.analysis_data(doc), "stored": stored}
        return render(request, "analyse.html", data)

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon():
        return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    # -- the JSON API

    @app.get("/api/articles", tags=["articles"], summary="Articles, newest first")
    def api_articles(
        source: str | None = None,
        date_from: str | None = Query(None, alias="from"),
        date_to: str | None = Query(None, alias="to"),
        page_number: int = Query(1, alias="page", ge=1),
        per_page: int = Query(20, ge=1, le=pages.MAX_PER_PAGE),
    ) -> dict[str, Any]:
        def build(archive: SQLiteArchive) -> dict[str, Any]:
            from rasid.archive.export import filters_sql

            where, params = filters_sql(date_from, date_to, source)
            rows = archive.db.execute(
                "SELECT a.id, a.title, a.source, a.published, a.url FROM articles a"
                f" WHERE 1{where} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?",
                [*params, per_page + 1, (page_number - 1) * per_page],
            ).fetchall()
            return {
                "page": page_number,
                "per_page": per_page,
                "has_next": len(rows) > per_page,
                "articles": [pages.article_row(r) for r in rows[:per_page]],
            }

        return page(build)

    @app.get("/api/articles/{article}", tags=["articles"], summary="One article, analysed")
    async def api_article(article: int) -> dict[str, Any]:
        return page(lambda a: pages.article_data(a, article))

    @app.get("/api/search", tags=["search"], summary="Full-text search in Arabic")
    async def api_search(query: Annotated[SearchQuery, Depends()], q: str) -> dict[str, Any]:
        return page(lambda a: query.run(a))

    @app.get("/api/stories", tags=["stories"], summary="Stories, the most recent first")
    def api_stories(
        page_number: int = Query(1, alias="page", ge=1),
        per_page: int = Query(20, ge=1, le=pages.MAX_PER_PAGE),
    ) -> dict[str, Any]:
        return page(lambda a: pages.stories_data(a, page=page_number, per_page=per_page))

    @app.get("/api/stories/{story}", tags=["stories"], summary="One story with its claims")
    def api_story(story: int) -> dict[str, Any]:
        return page(lambda a: pages.story_data(a, story))

    @app.get("/api/entities", tags=["entities"], summary="The most mentioned entities")
    def api_entities(
        label: str | None = None,
        page_number: int = Query(1, alias="page", ge=1),
        per_page: int = Query(20, ge=1, le=pages.MAX_PER_PAGE),
    ) -> dict[str, Any]:
        def build(archive: SQLiteArchive) -> dict[str, Any]:
            rows = archive.db.execute(
                "SELECT e.canonical, e.label, e.gazetteer_id, e.lat, e.lon, count(*) AS n"
                " FROM entities e JOIN mentions m ON m.entity_id = e.id"
                " WHERE (? IS NULL OR e.label = ?) GROUP BY e.id ORDER BY n DESC, e.canonical"
                " LIMIT ? OFFSET ?",
                (label, label, per_page + 1, (page_number - 1) * per_page),
            ).fetchall()
            keys = ("canonical", "label", "id", "lat", "lon", "mentions")
            return {
                "page": page_number,
                "per_page": per_page,
                "has_next": len(rows) > per_page,
                "entities": [dict(zip(keys, r, strict=True)) for r in rows[:per_page]],
            }

        return page(build)

    @app.get("/api/entities/{name}", tags=["entities"], summary="An entity's profile")
    def api_entity(name: str) -> dict[str, Any]:
        return page(lambda a: pages.entity_data(a, name))

    @app.get("/api/statements", tags=["statements"], summary="Statements, newest first")
    def api_statements(
        speaker: str | None = None,
        stance: str | None = None,
        limit: int = Query(50, ge=1, le=pages.MAX_PER_PAGE),
    ) -> dict[str, Any]:
        from rasid.archive.browse import statements

        return page(
            lambda a: {"statements": statements(a, speaker=speaker, stance=stance, limit=limit)}
        )

    @app.get("/api/events", tags=["events"], summary="Events, newest article first")
    def api_events(
        type: str | None = None,  # noqa: A002
        date_from: str | None = Query(None, alias="from"),
        date_to: str | None = Query(None, alias="to"),
        outlet: str | None = None,
        page_number: int = Query(1, alias="page", ge=1),
        per_page: int = Query(50, ge=1, le=pages.MAX_PER_PAGE),
    ) -> dict[str, Any]:
        from rasid.archive.export import event_page

        kind = pages.checked_event_type(type)
        return page(
            lambda a: event_page(
                a,
                event_type=kind,
                date_from=date_from,
                date_to=date_to,
                outlet=outlet,
                page=page_number,
                per_page=per_page,
            )
        )

    @app.post("/api/analyse", tags=["analyse"], summary="Analyse a text or an HTML page")
    async def api_analyse(
        request: Request, published: str | None = None, store: bool = False
    ) -> dict[str, Any]:
        body = await _body(request)
        if not body.strip():
            raise HTTPError(400, "send the article as the request body (text or HTML)")
        doc = await _analyse(body, published)
        if not store:
            return {"analysis": doc, "stored": None}
        _check_token(_bearer(request))
        return {"analysis": doc, "stored": await run_in_threadpool(_store, body, published)}

    @app.post("/api/ingest", tags=["analyse"], summary="Analyse and store articles (token)")
    async def api_ingest(request: Request, published: str | None = None) -> dict[str, Any]:
        _check_token(_bearer(request))
        body = await _body(request)
        if not body.strip():
            raise HTTPError(400, "send the article as the request body (text or HTML)")
        return {"stored": await run_in_threadpool(_store, body, published)}

    # -- helpers that need the app's settings

    async def _body(request: Request) -> bytes:
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY:
                raise HTTPError(413, f"the request body is over {MAX_BODY // 1024} KiB")
            chunks.append(chunk)
        return b"".join(chunks)

    async def _upload(upload: UploadFile | None) -> bytes:
        if upload is None or not upload.filename:
            return b""
        data = await upload.read(MAX_BODY + 1)
        if len(data) > MAX_BODY:
            raise HTTPError(413, f"the file is over {MAX_BODY // 1024} KiB")
        return data

    async def _analyse(source: str | bytes, published: str | None) -> dict[str, Any]:
        from rasid.pipeline import analyze

        try:
            analysis = await asyncio.wait_for(
                run_in_threadpool(analyze, source, published), ANALYSE_TIMEOUT_S
            )
        except TimeoutError:
            raise HTTPError(503, f"the analysis took over {ANALYSE_TIMEOUT_S:.0f} s") from None
        return analysis.to_dict()

    def _bearer(request: Request) -> str:
        header = request.headers.get("authorization", "")
        return header[7:].strip() if header.lower().startswith("bearer ") else ""

    def _check_token(given: str) -> None:
        if not token:
            raise HTTPError(403, "writing is disabled: start rasid serve with RASID_TOKEN set")
        if not given:
            raise HTTPError(401, "this needs the bearer token (RASID_TOKEN)")
        if not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPError(403, "wrong token")

    def _store(source: str | bytes, published: str | None) -> dict[str, Any]:
        """Ingest one page or text through the single writer, exactly as ``rasid ingest``
        does (deduplicated, analysed, stored in one transaction); ``{"id", "new", ...}``."""
        import hashlib

        from rasid.archive.ingest import ingest
        from rasid.archive.sources import Record

        raw = source.encode("utf-8") if isinstance(source, str) else source
        origin = "web:" + hashlib.sha1(raw).hexdigest()
        with writer_lock:
            archive = open_archive(db_path)
            try:
                summary = ingest([], archive, records=[Record(origin, source, published=published)])
                row = archive.db.execute(
                    "SELECT id FROM articles WHERE origin = ? UNION ALL"
                    " SELECT original_id FROM duplicates WHERE origin = ?",
                    (origin, origin),
                ).fetchone()
            finally:
                archive.close()
        if row is None:
            reason = next(iter(summary.reasons), "not stored")
            raise HTTPError(400, f"the article could not be stored: {reason}")
        return {
            "id": int(row[0]),
            "new": summary.analysed == 1,
            "duplicate": summary.duplicates == 1,
        }

    return app


def serve(db: Path | str, host: str, port: int, token: str | None, workers: int = 1) -> None:
    """Run the application with uvicorn (blocking); ``workers`` processes share the port."""
    import os

    import uvicorn

    if workers <= 1:
        app = create_app(db, token=token)
        uvicorn.run(
            app, host=host, port=port, log_level="warning", timeout_keep_alive=5, access_log=False
        )
        return
    create_app(db, token=token)  # check the archive once, in this process, before forking
    os.environ["RASID_SERVE_DB"] = str(Path(db).resolve())
    uvicorn.run(
        "rasid.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        timeout_keep_alive=5,
        access_log=False,
    )


def app_from_environment() -> FastAPI:
    """The application of a worker process started by :func:`serve` (uvicorn imports it)."""
    import os

    return create_app(os.environ["RASID_SERVE_DB"], token=os.environ.get("RASID_TOKEN") or None)
