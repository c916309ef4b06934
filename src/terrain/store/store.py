"""Store: documents and their events in SQLite or PostgreSQL, with reviews, links and API tokens."""
from __future__ import annotations

import dataclasses
import functools
from collections import defaultdict
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from terrain.errors import NotFound, StoreError
from terrain.records import Document, Event, StoredEvent
from terrain.store import migrate, reviews, tokens
from terrain.store.convert import (document_columns, event_columns, to_document, to_stored_event, utcnow)
from terrain.store.engine import connection_error, describe, make_engine
from terrain.store.filters import EventFilter, effective_date, where
from terrain.store.models import DocumentRow, EventLinkRow, EventRow, ReviewRow

F = TypeVar("F", bound=Callable[..., Any])
_CHUNK = 5000  # ids per IN (...): well under SQLite's and PostgreSQL's bound-parameter limits


def _db_errors(f: F) -> F:
    """A lost server or a locked SQLite file becomes a StoreError with its fix, not a traceback."""

    @functools.wraps(f)
    def wrapper(self: "Store", *args: Any, **kwargs: Any) -> Any:
        try:
            return f(self, *args, **kwargs)
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as err:
            raise connection_error(self.url, err) from err

    return wrapper  # type: ignore[return-value]


class Store:
    """``Store(url)`` opens (and migrates to the current schema) a SQLite file or PostgreSQL database."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        try:
            migrate.upgrade(self.engine)
        except StoreError:
            self.engine.dispose()
            raise
        except sa.exc.SQLAlchemyError as err:
            self.engine.dispose()
            raise connection_error(url, err) from err
        except Exception as err:  # alembic's own errors (a broken migration script)
            self.engine.dispose()
            raise StoreError(f"cannot migrate database {describe(url)}: {err}",
                             "report this with the message; the database was left as it was") from err
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({describe(self.url)!r})"

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        with self._writer() as session, session.begin():
            yield session

    # --- documents -------------------------------------------------------------------------

    @_db_errors
    def document_status(self, doc: Document) -> str:
        with self._read() as s:
            found = s.scalar(sa.select(DocumentRow.content_hash).where(DocumentRow.doc_id == doc.doc_id))
        if found is None:
            return "new"
        return "unchanged" if found == doc.content_hash else "changed"

    @_db_errors
    def save_document(self, doc: Document, events: list[Event], force: bool = False) -> str:
        """Store a document and replace its events, in one transaction: "new", "updated" or
        "unchanged" (same text: nothing written, unless ``force`` re-stores the events)."""
        for attempt in range(3):
            try:
                with self._write() as s:
                    return self._save(s, doc, list(events), force)
            except sa.exc.IntegrityError as err:
                # Two writers inserting the same new document: the loser retries and updates it.
                if attempt == 2:
                    raise StoreError(f"cannot save document {doc.doc_id}: {err.orig}",
                                     "retry; if it persists, report it") from err
        raise AssertionError("unreachable")

    def _save(self, s: Session, doc: Document, events: list[Event], force: bool) -> str:
        row = s.get(DocumentRow, doc.doc_id, with_for_update=True)
        if row is None:
            status = "new"
            s.add(DocumentRow(doc_id=doc.doc_id, ingested_at=utcnow(), **document_columns(doc)))
        elif row.content_hash == doc.content_hash and not force:
            return "unchanged"
        else:
            status = "updated"
            for key, value in document_columns(doc).items():
                setattr(row, key, value)
            row.ingested_at = utcnow()
        s.flush()
        s.execute(sa.delete(EventRow).where(EventRow.doc_id == doc.doc_id))  # links go by ON DELETE CASCADE
        rows = []
        for seq, ev in enumerate(events):  # validates each event; any error rolls everything back
            rows.append(event_columns(doc.doc_id, seq, ev))
        if not rows:
            return status
        ids = list(s.scalars(sa.insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True), rows))
        links = []
        for seq, ev in enumerate(events):
            if ev.refers_to is None:
                continue
            if not 0 <= ev.refers_to < len(events) or ev.refers_to == seq:
                raise StoreError(f"event {seq} of document {doc.doc_id} refers to event {ev.refers_to}, "
                                 f"which is not another of its {len(events)} events",
                                 "refers_to is the index of another event in the same document's list")
            links.append({"from_event_id": ids[seq], "to_event_id": ids[ev.refers_to], "relation": "refers_to"})
        if links:
            s.execute(sa.insert(EventLinkRow), links)
        self._reapply_reviews(s, doc.doc_id, dict(zip(ids, rows)))
        return status

    def _reapply_reviews(self, s: Session, doc_id: str, rows: dict[int, dict[str, Any]]) -> None:
        by_fp: dict[str, list[ReviewRow]] = defaultdict(list)
        for r in s.scalars(sa.select(ReviewRow).where(ReviewRow.doc_id == doc_id).order_by(ReviewRow.id)):
            by_fp[r.fingerprint].append(r)
        for event_id, cols in rows.items():
            if cols["fingerprint"] in by_fp:
                values = reviews.overlay(cols, None, by_fp[cols["fingerprint"]])
                s.execute(sa.update(EventRow).where(EventRow.id == event_id).values(**values))

    @_db_errors
    def documents(self, limit: int | None = None, offset: int = 0) -> list[Document]:
        with self._read() as s:
            stmt = sa.select(DocumentRow).order_by(DocumentRow.doc_id).limit(limit).offset(offset)
            return [to_document(r) for r in s.scalars(stmt)]

    @_db_errors
    def document(self, doc_id: str) -> Document:
        with self._read() as s:
            row = s.get(DocumentRow, doc_id)
            if row is None:
                raise NotFound(f"no document {doc_id!r} in {describe(self.url)}", "check the document id")
            return to_document(row)

    @_db_errors
    def count_documents(self) -> int:
        with self._read() as s:
            return s.scalar(sa.select(sa.func.count()).select_from(DocumentRow)) or 0

    @_db_errors
    def delete_document(self, doc_id: str) -> None:
        """Delete a document with its events, links and reviews."""
        with self._write() as s:
            if s.execute(sa.delete(DocumentRow).where(DocumentRow.doc_id == doc_id)).rowcount == 0:
                raise NotFound(f"no document {doc_id!r} in {describe(self.url)}", "check the document id")

    # --- events ----------------------------------------------------------------------------

    @staticmethod
    def _query(conds: list[sa.ColumnElement[bool]]) -> sa.Select[Any]:
        d = effective_date()
        return (sa.select(EventRow.__table__, DocumentRow.title.label("doc_title"),
                          DocumentRow.published.label("doc_published"), DocumentRow.source.label("doc_source"))
                .join(DocumentRow, DocumentRow.doc_id == EventRow.doc_id).where(*conds)
                # Undated events last on both databases (SQLite sorts NULL first, PostgreSQL last).
                .order_by(sa.case((d.is_(None), 1), else_=0), d, EventRow.id))

    def _materialise(self, s: Session, rows: list[Any]) -> list[StoredEvent]:
        ids = [r.id for r in rows]
        linked: dict[int, list[int]] = defaultdict(list)
        refers: dict[int, int] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            stmt = (sa.select(EventLinkRow.from_event_id, EventLinkRow.to_event_id, EventLinkRow.relation,
                              EventRow.seq)
                    .join(EventRow, EventRow.id == EventLinkRow.to_event_id)
                    .where(sa.or_(EventLinkRow.from_event_id.in_(chunk), EventLinkRow.to_event_id.in_(chunk))))
            for frm, to, relation, to_seq in s.execute(stmt):
                linked[frm].append(to)
                linked[to].append(frm)
                if relation == "refers_to":
                    refers[frm] = to_seq
        out = []
        for r in rows:
            m = r._mapping
            doc = {"title": m["doc_title"], "published": m["doc_published"], "source": m["doc_source"]}
            out.append(to_stored_event(m, doc, sorted(set(linked.get(r.id, []))), refers.get(r.id)))
        return out

    @_db_errors
    def events(self, flt: EventFilter | None = None) -> list[StoredEvent]:
        """Events matching ``flt`` (reviews applied; rejected ones left out unless asked), by date then id."""
        flt = dataclasses.replace(flt).validate() if flt else EventFilter()
        stmt = self._query(where(flt)).limit(flt.limit).offset(flt.offset or None)
        with self._read() as s:
            return self._materialise(s, list(s.execute(stmt)))

    @_db_errors
    def count_events(self, filter: EventFilter | None = None) -> int:  # noqa: A002 - the agreed API name
        flt = dataclasses.replace(filter).validate() if filter else EventFilter()
        stmt = (sa.select(sa.func.count()).select_from(EventRow)
                .join(DocumentRow, DocumentRow.doc_id == EventRow.doc_id).where(*where(flt)))
        with self._read() as s:
            return s.scalar(stmt) or 0

    @_db_errors
    def event(self, event_id: int) -> StoredEvent:
        """One event by id, whatever its review state."""
        with self._read() as s:
            rows = list(s.execute(self._query([EventRow.id == event_id])))
            if not rows:
                raise NotFound(f"no event {event_id} in {describe(self.url)}",
                               "event ids change when a document is re-ingested: look it up again")
            return self._materialise(s, rows)[0]

    @_db_errors
    def review(self, event_id: int, action: str, user: str, changes: dict[str, Any] | None = None) -> StoredEvent:
        """Record an analyst's confirm / correct / reject of an event; returns the event as now seen."""
        if action not in reviews.ACTIONS:
            raise reviews.ReviewError(f"unknown review action {action!r}", "use confirm, correct or reject")
        if action == "correct":
            reviews.correction_columns(changes)  # validate before writing anything
        elif changes:
            raise reviews.ReviewError(f"a {action} review takes no changes", "use action correct to change fields")
        with self._write() as s:
            row = s.get(EventRow, event_id)
            if row is None:
                raise NotFound(f"no event {event_id} in {describe(self.url)}",
                               "event ids change when a document is re-ingested: look it up again")
            s.add(ReviewRow(doc_id=row.doc_id, fingerprint=row.fingerprint, action=action,
                            changes=dict(changes) if changes else None, user=user or "", created_at=utcnow()))
            s.flush()
            history = list(s.scalars(sa.select(ReviewRow).where(
                ReviewRow.doc_id == row.doc_id, ReviewRow.fingerprint == row.fingerprint).order_by(ReviewRow.id)))
            # Every row of that document with the same fingerprint is the same extracted claim.
            same = s.scalars(sa.select(EventRow).where(EventRow.doc_id == row.doc_id,
                                                       EventRow.fingerprint == row.fingerprint))
            for ev in same:
                cols = {c: getattr(ev, c) for c in reviews.CORRECTABLE}
                for key, value in reviews.overlay(cols, ev.original, history).items():
                    setattr(ev, key, value)
        return self.event(event_id)

    # --- API tokens ------------------------------------------------------------------------

    @_db_errors
    def create_token(self, name: str, role: str) -> str:
        with self._write() as s:
            return tokens.create(s, name, role)

    @_db_errors
    def check_token(self, token: str) -> tuple[str, str] | None:
        """(name, role) of an active token, else None. Reads, and writes only to note its use (once a minute)."""
        with self._read() as s:
            found = tokens.lookup(s, token)
        if found is None:
            return None
        token_id, name, role, stale = found
        if stale:
            with self._write() as s:
                tokens.touch(s, token_id)
        return name, role

    @_db_errors
    def list_tokens(self) -> list[tokens.TokenInfo]:
        with self._read() as s:
            return tokens.listing(s)

    @_db_errors
    def revoke_token(self, name: str) -> None:
        with self._write() as s:
            tokens.revoke(s, name)
