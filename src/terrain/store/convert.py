"""Between records (Document, Event, StoredEvent) and table rows."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Any

from terrain.errors import StoreError
from terrain.records import EVENT_TYPES, STATUSES, Actor, Document, Event, Evidence, Location, StoredEvent
from terrain.store.models import DocumentRow, EventRow

# The columns an analyst's correction may change (see reviews.py); kept in events.original.
CORRECTABLE = ("type", "actor1_name", "actor1_kind", "actor1_country", "actor2_name", "actor2_kind",
               "actor2_country", "country", "loc_name", "loc_admin1", "loc_country", "loc_lat", "loc_lon",
               "loc_precision", "date", "date_precision", "quantities", "status", "attributed_to")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def fingerprint(type_: str, start: int, end: int, actor1: str | None, actor2: str | None) -> str:
    """Identity of an extracted event across re-extractions of its document (a missing actor is '')."""
    key = f"{type_}|{start}|{end}|{actor1 or ''}|{actor2 or ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def document_columns(doc: Document) -> dict[str, Any]:
    return {"title": doc.title, "published": doc.published, "source": doc.source, "url": doc.url,
            "path": doc.path, "text": doc.text, "content_hash": doc.content_hash}


def to_document(row: DocumentRow) -> Document:
    return Document(doc_id=row.doc_id, text=row.text, title=row.title, published=row.published,
                    source=row.source, url=row.url, path=row.path)


def actor_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_name": None, f"{prefix}_kind": None, f"{prefix}_country": None}
    return {f"{prefix}_name": actor.name, f"{prefix}_kind": actor.kind, f"{prefix}_country": actor.country}


def location_columns(loc: Location | None) -> dict[str, Any]:
    if loc is None:
        return {"loc_name": None, "loc_admin1": None, "loc_country": None, "loc_lat": None, "loc_lon": None,
                "loc_precision": None}
    return {"loc_name": loc.name, "loc_admin1": loc.admin1, "loc_country": loc.country,
            "loc_lat": loc.lat, "loc_lon": loc.lon, "loc_precision": loc.precision}


def event_columns(doc_id: str, seq: int, ev: Event) -> dict[str, Any]:
    """The row of one extracted event; StoreError (naming it) when it cannot be stored as it is."""
    where = f"event {seq} of document {doc_id}"
    fix = "fix the extractor that produced it (terrain.records.Event describes a valid event)"
    if not isinstance(ev, Event):
        raise StoreError(f"{where} is a {type(ev).__name__}, not an Event", fix)
    if ev.doc_id != doc_id:
        raise StoreError(f"{where} belongs to document {ev.doc_id!r}", "save each document with its own events")
    if not isinstance(ev.evidence, Evidence):
        raise StoreError(f"{where} has no evidence sentence", fix)
    if ev.type not in EVENT_TYPES:
        raise StoreError(f"{where} has unknown type {ev.type!r}", fix)
    if ev.status not in STATUSES:
        raise StoreError(f"{where} has unknown status {ev.status!r}", fix)
    a1 = ev.actor1.name if ev.actor1 else None
    a2 = ev.actor2.name if ev.actor2 else None
    return {
        "doc_id": doc_id, "seq": seq, "type": ev.type,
        **actor_columns("actor1", ev.actor1), **actor_columns("actor2", ev.actor2),
        "country": ev.country, **location_columns(ev.location),
        "date": ev.date, "date_precision": ev.date_precision,
        "quantities": {k: v for k, v in (ev.quantities or {}).items()},
        "status": ev.status, "attributed_to": ev.attributed_to,
        "evidence_text": ev.evidence.text, "evidence_start": int(ev.evidence.start),
        "evidence_end": int(ev.evidence.end), "confidence": float(ev.confidence), "trigger": ev.trigger,
        "fingerprint": fingerprint(ev.type, ev.evidence.start, ev.evidence.end, a1, a2),
        "reviewed": None, "reviewed_by": None, "reviewed_at": None, "original": None,
    }


def _actor(m: Any, prefix: str) -> Actor | None:
    name = m[f"{prefix}_name"]
    if name is None:
        return None
    return Actor(name=name, kind=m[f"{prefix}_kind"] or "other", country=m[f"{prefix}_country"])


def to_stored_event(m: Any, doc: Any, links: list[int], refers_to: int | None) -> StoredEvent:
    """``m``: a mapping of the events columns; ``doc``: one of title, published, source."""
    loc = None
    if m["loc_name"] is not None:
        loc = Location(name=m["loc_name"], country=m["loc_country"], precision=m["loc_precision"] or "country",
                       admin1=m["loc_admin1"], lat=m["loc_lat"], lon=m["loc_lon"])
    reviewed_at = as_utc(m["reviewed_at"])
    return StoredEvent(
        doc_id=m["doc_id"], type=m["type"], actor1=_actor(m, "actor1"), actor2=_actor(m, "actor2"),
        evidence=Evidence(m["evidence_text"], m["evidence_start"], m["evidence_end"]),
        country=m["country"], location=loc, date=m["date"], date_precision=m["date_precision"],
        quantities=dict(m["quantities"] or {}), status=m["status"], attributed_to=m["attributed_to"],
        confidence=m["confidence"], refers_to=refers_to, trigger=m["trigger"],
        id=m["id"], reviewed=m["reviewed"], reviewed_by=m["reviewed_by"],
        reviewed_at=reviewed_at.isoformat() if reviewed_at else None,
        document_title=doc["title"], document_published=doc["published"], document_source=doc["source"],
        linked_ids=links,
    )


EVENT_COLUMNS = tuple(c.name for c in EventRow.__table__.columns)
