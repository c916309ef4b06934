"""One JSON shape for every API error: {"error": message, "fix": what to do, "status": code}.

Domain errors carry their fix (terrain.errors); they map to 4xx here so that a bad parameter is never
a 500: NotFound -> 404, a filter / review / token / input error -> 400, a database that cannot be
reached -> 503. FastAPI's own parameter validation (limit=-1, a non-numeric id) answers 422 in the same
shape, naming the parameter.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from terrain.errors import ModelError, NotFound, StoreError, TerrainError

log = logging.getLogger(__name__)

FIX_DOCS = "see /docs for each parameter's type and range"


class ApiError(Exception):
    """An HTTP error raised by our endpoints, with its fix (auth, size limits, bad bodies)."""

    def __init__(self, status: int, message: str, fix: str | None = None, headers: dict[str, str] | None = None,
                 extra: dict[str, Any] | None = None):
        self.status, self.message, self.fix, self.headers, self.extra = status, message, fix, headers, extra
        super().__init__(message)


def error_body(status: int, message: str, fix: str | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"error": message, "fix": fix, "status": status}
    body.update(extra)
    return body


def _respond(status: int, message: str, fix: str | None, headers: dict[str, str] | None = None,
             **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(status, message, fix, **extra), status_code=status, headers=headers)


def domain_status(err: TerrainError) -> int:
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, (StoreError, ModelError)):  # the server's side: database down, model missing
        return 503
    return 400


def _where(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    return ".".join(parts) or "request"


def validation_message(err: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    problems = []
    for e in err.errors():
        where = _where(tuple(e.get("loc", ())))
        got = e.get("input")
        shown = f" (got {got!r})" if got is not None and not isinstance(got, (dict, list)) else ""
        problems.append({"parameter": where, "message": f"{where}: {e.get('msg', 'invalid')}{shown}"})
    return "; ".join(p["message"] for p in problems) or "invalid request", problems


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, err: ApiError) -> JSONResponse:
        return _respond(err.status, err.message, err.fix, err.headers, **(err.extra or {}))

    @app.exception_handler(TerrainError)
    async def _domain(_: Request, err: TerrainError) -> JSONResponse:
        status = domain_status(err)
        if status == 503:
            log.warning("database unavailable: %s", err)
        return _respond(status, err.message, err.fix)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, err: RequestValidationError) -> JSONResponse:
        message, problems = validation_message(err)
        return _respond(422, message, FIX_DOCS, problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException) -> JSONResponse:
        if err.status_code == 404:
            return _respond(404, f"no such page: {request.url.path}", "see /docs for the API's endpoints")
        if err.status_code == 405:
            return _respond(405, f"{request.method} is not allowed on {request.url.path}", FIX_DOCS,
                            headers=getattr(err, "headers", None))
        return _respond(err.status_code, str(err.detail), None, headers=getattr(err, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(_: Request, err: Exception) -> JSONResponse:
        # A bug, not a bad request: logged with its traceback, answered without leaking it.
        log.exception("unhandled error in the API")
        return _respond(500, f"internal error ({type(err).__name__})",
                        "report it with the request that caused it; nothing was half-written")
