"""Ingest: files, directories and standard input to cleaned ``Document`` records.

    read_inputs(paths, stdin=None) -> Iterator[Document | InputError]
    discover(paths) -> list[str]          the files read_inputs will read (progress totals)
    clean_text(raw) -> str                the stored text (idempotent; offsets point into it)
    content_hash(text) -> str             sha256, as Document.content_hash
"""
from terrain.ingest.clean import clean_text
from terrain.ingest.files import discover
from terrain.ingest.readers import content_hash, read_inputs

__all__ = ["clean_text", "content_hash", "discover", "read_inputs"]
