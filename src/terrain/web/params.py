"""Query parameters shared by the API's endpoints (the event filters, pagination) and JSON shapes.

Every filtered endpoint (events, actors, timeline, exports, deployments, relations, claims) takes the
same parameters, so a workspace URL's filters mean the same thing in each view and in a download.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query

from terrain.records import EVENT_TYPES, STATUSES, Document, StoredEvent, family
from terrain.store import EventFilter, FilterError

MAX_LIMIT = 1000


def _split(values: list[str] | None, upper: bool = False) -> list[str] | None:
    """Repeatable and comma-separated: ?type=ATTACK&type=BATTLE or ?type=ATTACK,BATTLE."""
    if not values:
        return None
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return [v.upper() for v in out] if upper else out or None


def parse_bbox(text: str | None) -> tuple[float, ...] | None:
    if text is None or not text.strip():
        return None
    parts = text.split(",")
    fix = "give bbox=min_lon,min_lat,max_lon,max_lat, e.g. bbox=28.5,-3,30,-1"
    if len(parts) != 4:
        raise FilterError(f"bbox {text!r} has {len(parts)} part(s), not 4", fix)
    try:
        return tuple(float(p) for p in parts)
    except ValueError:
        raise FilterError(f"bbox {text!r} is not four numbers", fix) from None


def event_filter(
    types: Annotated[list[str] | None, Query(alias="type", description=f"Event type, repeatable or "
                                             f"comma-separated: {', '.join(EVENT_TYPES)}")] = None,
    actor: Annotated[str | None, Query(description="Either actor's canonical name, e.g. M23")] = None,
    country: Annotated[str | None, Query(description="ISO3 of the event's country or place, e.g. COD")] = None,
    since: Annotated[str | None, Query(description="From this date: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="Up to this date, inclusive")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    status: Annotated[list[str] | None, Query(description=f"Repeatable: {', '.join(STATUSES)}")] = None,
    q: Annotated[str | None, Query(description="Words in the evidence sentence (case-insensitive)")] = None,
    doc_id: Annotated[str | None, Query(description="Events of one document")] = None,
    reviewed: Annotated[bool | None, Query(description="true: reviewed by an analyst; false: not yet")] = None,
    include_rejected: Annotated[bool, Query(description="Also events an analyst rejected")] = False,
) -> EventFilter:
    """The filter, validated (a FilterError answers 400 with its fix)."""
    flt = EventFilter(types=_split(types, upper=True), actor=actor or None, country=country or None,
                      since=since or None, until=until or None, bbox=parse_bbox(bbox),
                      status=_split(status), q=q, doc_id=doc_id or None, reviewed=reviewed,
                      include_rejected=include_rejected)
    return flt.validate()


@dataclass
class Page:
    limit: int
    offset: int


def page(limit: Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}")] = 100,
         offset: Annotated[int, Query(ge=0)] = 0) -> Page:
    return Page(limit, offset)


Filter = Annotated[EventFilter, Depends(event_filter)]
Paging = Annotated[Page, Depends(page)]


def event_json(e: StoredEvent) -> dict[str, Any]:
    """The ontology's record with the database id, review state (who, when) and document metadata."""
    rec = e.to_record()
    rec.update(family=family(e.type), reviewed_by=e.reviewed_by, reviewed_at=e.reviewed_at,
               confidence=e.confidence, trigger=e.trigger, linked_ids=list(e.linked_ids),
               document={"title": e.document_title, "published": e.document_published,
                         "source": e.document_source})
    return rec


def document_json(d: Document, with_text: bool = False) -> dict[str, Any]:
    rec: dict[str, Any] = {"doc_id": d.doc_id, "title": d.title, "published": d.published, "source": d.source,
                           "url": d.url, "chars": len(d.text)}
    if with_text:
        rec["text"] = d.text
    return rec
