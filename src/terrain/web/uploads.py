"""Ingest through the API: the request body, read with size limits, to Documents and InputErrors.

Uploaded files and JSON documents go through ``terrain.ingest.read_inputs`` like the CLI's inputs
(written to a private temporary folder under their own names), so they are cleaned the same way and a
bad one gets the CLI's message, naming the uploaded file (and line), or ``documents[i]`` for JSON.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any, AsyncIterator

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from terrain.errors import InputError
from terrain.records import Document
from terrain.web.errors import ApiError

MAX_REQUEST = 5 * 1024 * 1024  # bytes per request
MAX_DOCUMENT = 1 * 1024 * 1024  # bytes per document (a file, a JSON Lines line, a JSON document's text)
FIX_SIZE = "send fewer documents per request, or ingest large collections with `terrain ingest` on the server"
FIX_BODY = ('send multipart/form-data with files (field "files") or JSON '
            '{"documents": [{"id": ..., "text": ..., "title"?, "published"?, "source"?, "url"?}]}')
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


async def read_body(request: Request, limit: int = MAX_REQUEST) -> bytes:
    """The whole body, refusing (413) as soon as it passes ``limit`` (declared or as it streams in)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the request is {_mb(int(declared))}; the limit is {_mb(limit)} per request", FIX_SIZE)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"the request is over the limit of {_mb(limit)} per request", FIX_SIZE)
        chunks.append(chunk)
    return b"".join(chunks)


async def uploaded_files(request: Request, body: bytes) -> list[tuple[str, bytes]]:
    """(file name, bytes) of each file in a multipart body."""
    async def stream() -> AsyncIterator[bytes]:
        yield body

    try:
        form = await MultiPartParser(request.headers, stream(), max_files=200, max_fields=20).parse()
    except MultiPartException as err:
        raise ApiError(400, f"cannot read the multipart body: {err.message}", FIX_BODY) from None
    files = []
    for field, value in form.multi_items():
        if isinstance(value, UploadFile):
            files.append((value.filename or field, await value.read()))
        else:
            raise ApiError(400, f"unexpected form field {field!r}", 'send the articles as files in field "files"')
    return files


def json_documents(body: bytes) -> list[Any]:
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ApiError(400, f"the JSON body is not valid JSON ({err})", FIX_BODY) from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise ApiError(400, 'the JSON body has no "documents" list', FIX_BODY)
    return data["documents"]


def _check_sizes(name: str, data: bytes) -> None:
    if Path(name).suffix.lower() in (".jsonl", ".ndjson"):
        for lineno, line in enumerate(data.split(b"\n"), 1):
            if len(line) > MAX_DOCUMENT:
                raise ApiError(413, f"{name}:{lineno}: the document is {_mb(len(line))}; the limit is "
                               f"{_mb(MAX_DOCUMENT)} per document", FIX_SIZE)
    elif len(data) > MAX_DOCUMENT:
        raise ApiError(413, f"{name}: the document is {_mb(len(data))}; the limit is {_mb(MAX_DOCUMENT)} "
                       "per document", "split it, or ingest it with `terrain ingest` on the server")


def _safe_names(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Plain, distinct file names (no folders, no dot-files): the name's stem becomes the doc id."""
    seen: set[str] = set()
    out = []
    for i, (name, data) in enumerate(files, 1):
        base = _SAFE.sub("_", Path(name.replace("\\", "/")).name).lstrip(".") or f"upload-{i}.txt"
        stem, suffix, n = Path(base).stem, Path(base).suffix, 2
        while base in seen:
            base, n = f"{stem}-{n}{suffix}", n + 1
        seen.add(base)
        out.append((base, data))
    return out


def _error(err: InputError, folder: str, rename: Any = None) -> dict[str, Any]:
    where = err.path.replace(folder + "/", "") if err.path else None
    message = err.message.replace(folder + "/", "")
    if rename is not None and err.line is not None:
        where, message = rename(err, message)
    return {"file": where, "line": err.line, "message": message, "fix": err.fix,
            "text": message + (f"\n  fix: {err.fix}" if err.fix else "")}


def read_uploads(files: list[tuple[str, bytes]]) -> tuple[list[Document], list[dict[str, Any]]]:
    """Documents and errors (as dicts) from uploaded files, read by the CLI's reader."""
    from terrain.ingest import read_inputs

    files = _safe_names(files)
    for name, data in files:
        _check_sizes(name, data)
    with tempfile.TemporaryDirectory(prefix="terrain-upload-") as folder:
        paths = []
        for name, data in files:
            (Path(folder) / name).write_bytes(data)
            # documents.jsonl beside the articles is their metadata, as in a folder given to the CLI.
            if name != "documents.jsonl" or len(files) == 1:
                paths.append(str(Path(folder) / name))
        docs, errors = [], []
        for item in read_inputs(paths):
            if isinstance(item, InputError):
                errors.append(_error(item, folder))
            else:
                item.path = (item.path or "").replace(folder + "/", "upload:")
                docs.append(item)
    return docs, errors


def read_json_documents(items: list[Any]) -> tuple[list[Document], list[dict[str, Any]]]:
    """Documents and errors from the JSON body's list; an error names ``documents[i]``."""
    from terrain.ingest import read_inputs

    if not items:
        return [], []
    lines = []
    for i, item in enumerate(items):
        text = item.get("text") if isinstance(item, dict) else None
        if isinstance(text, str) and len(text.encode("utf-8")) > MAX_DOCUMENT:
            raise ApiError(413, f"documents[{i}] (id {item.get('id')!r}): the text is "
                           f"{_mb(len(text.encode('utf-8')))}; the limit is {_mb(MAX_DOCUMENT)} per document",
                           "split it, or ingest it with `terrain ingest` on the server")
        lines.append(json.dumps(item, ensure_ascii=False))

    def rename(err: InputError, message: str) -> tuple[str, str]:
        where = f"documents[{err.line - 1}]"
        return where, message.replace(f"request.jsonl:{err.line}", where, 1)

    with tempfile.TemporaryDirectory(prefix="terrain-upload-") as folder:
        path = Path(folder) / "request.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        docs, errors = [], []
        for item in read_inputs([str(path)]):
            if isinstance(item, InputError):
                errors.append(_error(item, folder, rename))
            else:
                line = int((item.path or ":0").rsplit(":", 1)[-1] or 0)
                item.path = f"api:documents[{line - 1}]"
                docs.append(item)
    return docs, errors
