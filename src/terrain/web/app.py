"""The web app: the JSON API under /api, its OpenAPI description, and the map workspace at /.

    from terrain.web.app import create_app
    app = create_app("sqlite:///terrain.db")      # served by `terrain serve` (uvicorn)

Everything the browser loads comes from this app (JavaScript, CSS, the basemap, Swagger UI), vendored
from npm at build time by web/build.sh into static/vendor/: the workspace works with no network.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import AsyncIterator

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from terrain.store import Store
from terrain.web import api_analysis, api_read, api_write, errors

STATIC = Path(__file__).parent / "static"
VENDOR = "/static/vendor"
# The workspace loads only its own files: a stray CDN link fails loudly instead of leaking requests.
# Inline styles are allowed because Leaflet and Cytoscape position their elements with them.
WORKSPACE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                 "base-uri 'none'; frame-ancestors 'none'")

DESCRIPTION = """News reports in, sourced events out: the events, documents, actors and analyses of a Terrain
database. Reads are open. Writes (`POST /api/ingest`, `POST /api/events/{id}/review`, and for admins
`DELETE /api/documents/{doc_id}`) need `Authorization: Bearer <token>`, a token made with
`terrain token create --role analyst|admin NAME`. Errors are JSON: `{"error": ..., "fix": ..., "status": ...}`.
"""


def _version() -> str:
    try:
        return version("terrain")
    except PackageNotFoundError:
        return "0"


def create_app(db_url: str) -> FastAPI:
    """The app over the database at ``db_url`` (opened, and migrated, now: a bad URL fails here)."""
    store = Store(db_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="Terrain", version=_version(), description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.store = store
    errors.install(app)
    for module in (api_read, api_analysis, api_write):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title="Terrain API",
            swagger_js_url=f"{VENDOR}/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url=f"{VENDOR}/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            # No "valid" badge: Swagger UI would fetch it from validator.swagger.io.
            swagger_ui_parameters={"validatorUrl": None})

    @app.get("/", include_in_schema=False)
    def workspace() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": WORKSPACE_CSP,
                                                             "Cache-Control": "no-cache"})

    return app
