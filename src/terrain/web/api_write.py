"""Write endpoints (need a token): ingest, review an event, delete a document (admin)."""
from __future__ import annotations

import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from terrain.web.api_read import EventId, store_of
from terrain.web.auth import Admin, Analyst
from terrain.web.errors import ApiError
from terrain.web.params import event_json
from terrain.web.uploads import FIX_BODY, MAX_DOCUMENT, MAX_REQUEST, json_documents, read_body, \
    read_json_documents, read_uploads, uploaded_files

router = APIRouter(prefix="/api", tags=["write (token)"])

# One ingest at a time per server: each loads the spaCy pipeline's working memory, and SQLite has
# one writer anyway. A second request waits for the first.
_INGEST = threading.Lock()

_DOC_SCHEMA = {"type": "object", "required": ["id", "text"], "properties": {
    "id": {"type": "string"}, "text": {"type": "string"}, "title": {"type": "string"},
    "published": {"type": "string", "description": "YYYY-MM-DD"}, "source": {"type": "string"},
    "url": {"type": "string"}}}
_INGEST_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "object", "required": ["documents"],
                                    "properties": {"documents": {"type": "array", "items": _DOC_SCHEMA}}}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": ".txt .md .html .jsonl files"}}}},
}}}


class Review(BaseModel):
    action: Literal["confirm", "correct", "reject"]
    changes: dict[str, Any] | None = Field(
        None, description="For correct: the fields to change (type, actor1, actor2, country, location, date, "
                          "quantities, status, attributed_to), as in the export record",
        examples=[{"type": "BATTLE", "quantities": {"fatalities": 12}}])


def _ingest(docs: list, store: Any) -> Any:
    from terrain.pipeline import ingest_documents

    with _INGEST:
        return ingest_documents(docs, store, processes=1)


@router.post("/ingest", openapi_extra=_INGEST_BODY,
             summary=f"Ingest articles: files (multipart) or JSON documents; at most {MAX_REQUEST // 2**20} MB "
                     f"a request and {MAX_DOCUMENT // 2**20} MB a document")
async def ingest(request: Request, caller: Analyst) -> dict[str, Any]:
    """Runs the whole pipeline (extraction included) and stores each document in its own transaction.
    Inputs that cannot be read are listed in ``errors`` with the CLI's message; the rest are stored."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ("application/json", "multipart/form-data"):
        raise ApiError(415, f"cannot ingest a {ctype or 'body without a content type'}", FIX_BODY)
    body = await read_body(request)
    if ctype == "application/json":
        docs, errors = await run_in_threadpool(read_json_documents, json_documents(body))
    else:
        docs, errors = await run_in_threadpool(read_uploads, await uploaded_files(request, body))
    if not docs and not errors:
        raise ApiError(400, "nothing to ingest: no files and no documents in the request", FIX_BODY)
    if not docs:
        raise ApiError(400, f"none of the {len(errors)} input(s) could be read", "fix the inputs named in errors",
                       extra={"summary": _summary(None, errors), "errors": errors})
    summary = await run_in_threadpool(_ingest, docs, store_of(request))
    return {"summary": _summary(summary, errors), "errors": errors, "documents": [d.doc_id for d in docs],
            "by": caller.name}


def _summary(summary: Any, errors: list[dict[str, Any]]) -> dict[str, Any]:
    out = {"new": 0, "updated": 0, "unchanged": 0, "events": 0}
    if summary is not None:
        out = {k: getattr(summary, k) for k in out}
    out["failed"] = len(errors)
    out["line"] = (f"{out['new']} new, {out['updated']} updated, {out['unchanged']} unchanged, {out['failed']} "
                   f"failed documents; {out['events']} events stored")
    return out


@router.get("/whoami", summary="The name and role of the token sent (to check a token)")
def whoami(caller: Analyst) -> dict[str, str]:
    return {"name": caller.name, "role": caller.role}


@router.post("/events/{event_id}/review", summary="Confirm, correct or reject an event (stored with who and when)")
def review(request: Request, event_id: EventId, caller: Analyst,
           body: Annotated[Review, Body(examples=[{"action": "confirm"},
                                                  {"action": "correct", "changes": {"date": "2024-03-02"}}])],
           ) -> dict[str, Any]:
    ev = store_of(request).review(event_id, body.action, caller.name, body.changes)
    return event_json(ev)


@router.delete("/documents/{doc_id:path}", summary="Delete a document with its events and reviews (admin)")
def delete_document(request: Request, doc_id: Annotated[str, Path()], caller: Admin) -> dict[str, Any]:
    store_of(request).delete_document(doc_id)
    return {"deleted": doc_id, "by": caller.name}
