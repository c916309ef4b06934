"""Which files an ingest reads, and how their bytes become text (or a clear InputError)."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from terrain.errors import InputError

log = logging.getLogger(__name__)

KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
         ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
META_NAME = "documents.jsonl"  # metadata for the files beside it, never an article file
STDIN = "-"
SUPPORTED = ", ".join(sorted(KINDS))
FIX_UTF8 = "re-save the file as UTF-8 text (in most editors: Save As > Encoding: UTF-8)"
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def kind_of(path: str | Path) -> str | None:
    """'text', 'markdown', 'html' or 'jsonl' from the extension; None when unsupported."""
    return KINDS.get(Path(path).suffix.lower())


def _walk(directory: Path) -> list[Path]:
    """Supported files under ``directory``, recursively, sorted by relative path; hidden ones skipped."""
    found = []
    for p in directory.rglob("*"):
        rel = p.relative_to(directory)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        if p.name == META_NAME or kind_of(p) is None:
            continue
        found.append(p)
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


def iter_targets(paths: list[str]) -> Iterator[str | InputError]:
    """Each input to read, in order: files as given or found in directories, "-", or an error."""
    if isinstance(paths, (str, Path)):  # one path given bare: not a list of one-letter paths
        paths = [paths]
    for raw in map(str, paths):
        if raw == STDIN:
            yield STDIN
            continue
        p = Path(raw)
        if p.is_dir():
            files = _walk(p)
            if not files:
                yield InputError(raw, f"no {SUPPORTED} files in this directory",
                                 "point at a directory that holds articles, or at the files themselves")
            yield from (str(f) for f in files)
        elif p.is_file():
            if p.name == META_NAME:
                yield InputError(raw, f"{META_NAME} holds metadata for the files beside it, not articles",
                                 f"pass its directory ({p.parent}) or the article files themselves")
            elif kind_of(p) is None:
                yield InputError(raw, f"unsupported file type {p.suffix or '(no extension)'!s}",
                                 f"convert it to one of {SUPPORTED}, or rename a plain-text file to .txt")
            else:
                yield raw
        elif p.exists():
            yield InputError(raw, "not a regular file", "pass a file, a directory or - for standard input")
        else:
            yield InputError(raw, "no such file or directory", "check the path (and the working directory)")


def discover(paths: list[str]) -> list[str]:
    """The files ``read_inputs(paths)`` will read, in order ("-" for standard input); for a progress total."""
    return [t for t in iter_targets(paths) if isinstance(t, str)]


def decode(data: bytes, path: str, line: int | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 when it is clean.

    Raises InputError for binary data (NUL bytes) and for text in no encoding we can trust.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise InputError(path, "binary file (contains NUL bytes), not text",
                         f"pass the article as text ({SUPPORTED}); convert PDFs or Word files to .txt first",
                         line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    text = _legacy(data)
    if text is None:
        raise InputError(path, f"not UTF-8 text (undecodable byte 0x{data[bad]:02x} at offset {bad})",
                         FIX_UTF8, line)
    log.warning("%s: not UTF-8; read as Windows-1252 (Latin-1) text", f"{path}:{line}" if line else path)
    return text


def _legacy(data: bytes) -> str | None:
    """The text as Windows-1252 (a superset of Latin-1 for text), when that is plausibly what it is."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined: not cp1252
        return None
    high = sum(1 for b in data if b >= 0x80)
    # Mostly valid UTF-8 sequences with a stray bad byte: a damaged UTF-8 file, not Latin-1.
    in_utf8 = sum(len(m.group()) for m in _UTF8_SEQ.finditer(data))
    if high and in_utf8 >= high / 2:
        return None
    # Latin-script text has few accented letters and no control characters; random bytes have many.
    if high > max(8, len(data) // 5):
        return None
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        return None
    letters = sum(1 for c in text if c.isalpha() or c.isspace())
    if letters < 0.6 * len(text):
        return None
    return text


def read_bytes(path: str) -> bytes:
    """The file's bytes, or an InputError naming the reason it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory", "check the path") from None
    except PermissionError:
        raise InputError(path, "permission denied", "make the file readable (chmod +r)") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})", "check the file") from None
