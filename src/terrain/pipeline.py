"""The whole chain: ingest -> nlp -> extract (-> resolve) -> store.

Each document is stored in its own transaction, so a crash never leaves half a document or half its
events; unchanged documents are skipped before the NLP stage (re-ingest is a no-op).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, TextIO

from terrain.errors import InputError
from terrain.records import Document, Event


@dataclass
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    errors: list[InputError] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed "
                f"documents; {self.events} events stored")


def extract_documents(documents: Iterable[Document], processes: int | None = None) -> Iterator[tuple[Document, list[Event]]]:
    """NLP and extraction, without storing (used by the evaluators and benchmarks)."""
    from terrain.extract import extract_events
    from terrain.extract.feed import FeedCountry
    from terrain.nlp import parse

    feed = FeedCountry()
    for parsed in parse(documents, processes=processes):
        yield parsed.document, extract_events(parsed, feed)


def ingest_documents(documents: Iterable[Document], store, processes: int | None = None,
                     progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Extract and store documents; documents already stored with the same text are skipped."""
    summary = IngestSummary()
    todo: list[Document] = []
    statuses: dict[str, str] = {}
    for doc in documents:
        status = store.document_status(doc)
        if status == "unchanged":
            summary.unchanged += 1
            if progress:
                progress(1)
            continue
        statuses[doc.doc_id] = status
        todo.append(doc)
    from terrain.extract import extract_events
    from terrain.extract.feed import FeedCountry
    from terrain.nlp import parse

    feed = FeedCountry()
    for parsed in parse(todo, processes=processes):
        doc = parsed.document
        try:
            events = extract_events(parsed, feed)
        except Exception as err:  # noqa: BLE001 - one bad document must not stop the run
            summary.failed += 1
            summary.errors.append(InputError(doc.path or doc.doc_id, f"extraction failed ({type(err).__name__}: {err})",
                                             "report this document to the Terrain maintainers; the rest were stored"))
            continue
        result = store.save_document(doc, events)
        if result == "new":
            summary.new += 1
        elif result == "updated":
            summary.updated += 1
        else:
            summary.unchanged += 1
        summary.events += len(events)
        if progress:
            progress(1)
    return summary


def ingest_paths(paths: list[str], store, processes: int | None = None, stdin: TextIO | None = None,
                 show_progress: bool = False, on_error: Callable[[InputError], None] | None = None) -> IngestSummary:
    """Read inputs (files, directories, '-'), report unreadable ones, and ingest the rest."""
    from terrain.ingest import read_inputs

    errors: list[InputError] = []
    documents: list[Document] = []
    for item in read_inputs(paths, stdin=stdin):
        if isinstance(item, InputError):
            errors.append(item)
            if on_error is not None:
                on_error(item)
        else:
            documents.append(item)
    bar = None
    if show_progress and len(documents) > 5:
        from tqdm import tqdm

        bar = tqdm(total=len(documents), unit="doc", file=sys.stderr, desc="ingest")
    try:
        summary = ingest_documents(documents, store, processes=processes,
                                   progress=bar.update if bar is not None else None)
    finally:
        if bar is not None:
            bar.close()
    if on_error is not None:
        for e in summary.errors:
            on_error(e)
    summary.failed += len(errors)
    summary.errors = errors + summary.errors
    return summary

