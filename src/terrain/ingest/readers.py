"""read_inputs: files, directories and standard input to Documents, one InputError per bad input.

A bad file or line never stops the run: its error is yielded in its place and reading goes on.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from terrain.errors import InputError
from terrain.ingest.clean import clean_text
from terrain.ingest.files import STDIN, decode, iter_targets, kind_of, read_bytes
from terrain.ingest.formats import html_article, markdown_title, markdown_to_text
from terrain.ingest.metadata import MetaIndex, find_dateline, first_line_title, normalise_date, parse_front_matter
from terrain.records import Document

log = logging.getLogger(__name__)

FIX_JSONL = 'make each line one JSON object with "id" and "text"'
FIX_EMPTY = "check that the file holds the article text (not only a page's menus, prompts or footers)"
_ABSENT = object()  # "no published given" (infer from a date line) differs from "published: null"


def content_hash(text: str) -> str:
    """SHA-256 of a text, as ``Document.content_hash`` computes it for a document's cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_inputs(paths: list[str], stdin: TextIO | None = None) -> Iterator[Document | InputError]:
    """One Document per article in ``paths`` (files, directories, "-" for ``stdin``), in order.

    Unreadable inputs and lines come out as InputError in their place; the rest is still read.
    """
    index = MetaIndex()
    for target in iter_targets(paths):
        if isinstance(target, InputError):
            yield target
        elif target == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
        else:
            yield from _read_file(target, index)


def _read_file(path: str, index: MetaIndex) -> Iterator[Document | InputError]:
    kind = kind_of(path)
    if kind == "jsonl":
        yield from _read_jsonl_file(path)
        return
    meta, meta_errors = index.lookup(path)
    yield from meta_errors
    try:
        data = read_bytes(path)
        if not data.strip():
            raise InputError(path, "empty file", "remove it or put the article text in it")
        text = decode(data, path)
    except InputError as err:
        yield err
        return
    fields: dict[str, Any] = {"title": None, "published": _ABSENT, "source": None, "url": None}
    if kind == "html":
        art = html_article(text)
        if not art.text.strip():
            yield InputError(path, "no article text found in the HTML page",
                             "save the article page itself (not an index or a script-only page), "
                             "or paste its text into a .txt file")
            return
        text = art.text
        fields.update(title=art.title, published=art.published if art.published else _ABSENT,
                      url=art.url, source=art.source)
    elif kind == "markdown":
        front, text = parse_front_matter(text)
        fields["title"] = markdown_title(text)
        text = markdown_to_text(text)
        for key in ("title", "source", "url"):
            if front.get(key):
                fields[key] = str(front[key])
        if front.get("published", front.get("date")) is not None:
            fields["published"] = front.get("published", front.get("date"))
        if front.get("id") or front.get("doc_id"):
            meta.setdefault("doc_id", str(front.get("id") or front.get("doc_id")))
    # documents.jsonl beside the file has the last word
    for key in ("title", "source", "url"):
        if meta.get(key):
            fields[key] = str(meta[key])
    if "published" in meta:
        fields["published"] = meta["published"]
    doc_id = str(meta.get("doc_id") or meta.get("id") or Path(path).stem)
    yield _document(text, doc_id=doc_id, path=path, prepend_title=(kind == "html"), **fields)


def _read_jsonl_file(path: str) -> Iterator[Document | InputError]:
    try:
        data = read_bytes(path)
    except InputError as err:
        yield err
        return
    if not data.strip():
        yield InputError(path, "empty file", "remove it or put one article a line in it: " + FIX_JSONL)
        return
    try:
        lines: list[str] | list[bytes] = decode(data, path).split("\n")
    except InputError as err:
        if b"\x00" in data[:65536]:
            yield err  # binary: one error for the file
            return
        lines = data.split(b"\n")  # mixed encodings: decode line by line, so only bad lines fail
    yield from _jsonl_records(enumerate(lines, 1), path)


def _jsonl_records(lines: Iterable[tuple[int, bytes | str]], path: str) -> Iterator[Document | InputError]:
    for lineno, raw in lines:
        try:
            line = raw if isinstance(raw, str) else decode(raw, path, lineno)
        except InputError as err:
            yield err
            continue
        line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"malformed JSON ({exc.msg})", FIX_JSONL, lineno)
            continue
        if not isinstance(rec, dict):
            yield InputError(path, f"a JSON {type(rec).__name__}, not an object", FIX_JSONL, lineno)
            continue
        yield _jsonl_document(rec, path, lineno)


def _jsonl_document(rec: dict[str, Any], path: str, lineno: int) -> Document | InputError:
    doc_id = rec.get("id", rec.get("doc_id"))
    text = rec.get("text")
    missing = [name for name, value in (("id", doc_id), ("text", text)) if value in (None, "")]
    if missing:
        return InputError(path, f'no {" or ".join(repr(m) for m in missing)} on this line', FIX_JSONL, lineno)
    if not isinstance(text, str):
        return InputError(path, f'"text" is a {type(text).__name__}, not a string', FIX_JSONL, lineno)
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        return InputError(path, f'"id" is a {type(doc_id).__name__}, not a string', FIX_JSONL, lineno)
    published = rec["published"] if "published" in rec else rec.get("date", _ABSENT)
    return _document(text, doc_id=str(doc_id).strip(), path=f"{path}:{lineno}", line=lineno, error_path=path,
                     title=_str_or_none(rec.get("title")), published=published,
                     source=_str_or_none(rec.get("source")), url=_str_or_none(rec.get("url")))


def _str_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _read_stdin(stream: TextIO) -> Iterator[Document | InputError]:
    try:
        buffer = getattr(stream, "buffer", None)
        text = decode(buffer.read(), STDIN) if buffer is not None else stream.read()
    except InputError as err:
        yield err
        return
    except UnicodeDecodeError as exc:
        yield InputError(STDIN, f"not UTF-8 text ({exc.reason})", "pipe UTF-8 text into terrain")
        return
    if "\x00" in text:
        yield InputError(STDIN, "binary data (contains NUL bytes), not text", "pipe text into terrain")
        return
    if not text.strip():
        yield InputError(STDIN, "nothing on standard input", "pipe an article (text or JSON Lines) into terrain")
        return
    if _looks_like_jsonl(text):
        yield from _jsonl_records(enumerate(text.split("\n"), 1), STDIN)
        return
    cleaned = clean_text(text)
    yield _document(cleaned, doc_id=f"stdin-{content_hash(cleaned)[:12]}", path=STDIN)


def _looks_like_jsonl(text: str) -> bool:
    """Every non-empty line a JSON object with a "text": then standard input is JSON Lines."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines:
        if not line.lstrip().startswith("{"):
            return False
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            return False
        if not isinstance(rec, dict) or "text" not in rec:
            return False
    return bool(lines)


def _headline(title: str, text: str, source: str | None) -> tuple[str | None, str]:
    """An HTML page's title and text with the headline as first paragraph, as a .txt file has it.

    trafilatura often keeps the <h1>; a <title> often adds the site's name ("Headline | Site").
    """
    if source:
        title = re.sub(rf"\s+[|–—-]\s+{re.escape(source)}$", "", title, flags=re.I)
    first = text.split("\n\n", 1)[0]
    if not title or not text:
        return title or None, text
    if first.casefold() == title.casefold() or (len(first) >= 20 and title.casefold().startswith(first.casefold())):
        return first, text  # the body starts with the headline already
    return title, clean_text(f"{title}\n\n{text}")


def _document(raw_text: str, *, doc_id: str, path: str, line: int | None = None, error_path: str | None = None,
              title: str | None = None, published: Any = _ABSENT, source: str | None = None,
              url: str | None = None, prepend_title: bool = False) -> Document | InputError:
    """Clean the text and fill in what the metadata left open (title, a date line's date)."""
    text = clean_text(raw_text)
    where = error_path or path
    if prepend_title and title:
        title, text = _headline(clean_text(title), text, source)
    if not text:
        return InputError(where, "no text left after removing page chrome and whitespace", FIX_EMPTY, line)
    if published is _ABSENT:
        date = find_dateline(text.split("\n\n"))
    else:
        date = normalise_date(published)
        if date is None and published not in (None, ""):
            log.warning("%s: published %r is not a full date; left empty", path, published)
    return Document(doc_id=doc_id, text=text, title=title or first_line_title(text), published=date,
                    source=source, url=url, path=path)
