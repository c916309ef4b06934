"""Read endpoints: health, documents, events, actors, countries, the timeline and downloads.

All are open (no token). Filtered ones take the parameters of ``params.event_filter``.
"""
from __future__ import annotations

import io
from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from terrain.records import StoredEvent, family
from terrain.store import EventFilter, Store
from terrain.web.params import Filter, Paging, document_json, event_json

router = APIRouter(prefix="/api", tags=["read"])

EventId = Annotated[int, Path(ge=1, description="The event's database id (GET /api/events lists them)")]


def store_of(request: Request) -> Store:
    return request.app.state.store


@router.get("/health", summary="Is the database reachable; how much is in it")
def health(request: Request) -> dict[str, Any]:
    from terrain.store.engine import describe

    store = store_of(request)
    return {"status": "ok", "database": describe(store.url), "documents": store.count_documents(),
            "events": store.count_events()}


@router.get("/ontology", summary="The vocabularies: event types and their families, statuses, actor kinds...")
def ontology() -> dict[str, Any]:
    from terrain.records import ACTOR_KINDS, EVENT_TYPES, PRECISIONS, QUANTITY_KEYS, STATUSES

    return {"event_types": list(EVENT_TYPES), "families": {t: family(t) for t in EVENT_TYPES},
            "statuses": list(STATUSES), "actor_kinds": list(ACTOR_KINDS), "quantity_keys": list(QUANTITY_KEYS),
            "precisions": list(PRECISIONS)}


@router.get("/documents", summary="Stored documents (without their text), by id")
def documents(request: Request, paging: Paging) -> dict[str, Any]:
    store = store_of(request)
    docs = store.documents(limit=paging.limit, offset=paging.offset)
    return {"total": store.count_documents(), "limit": paging.limit, "offset": paging.offset,
            "items": [document_json(d) for d in docs]}


@router.get("/documents/{doc_id:path}", summary="A document's text and its events (for the evidence view)")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    store = store_of(request)
    rec = document_json(store.document(doc_id), with_text=True)
    rec["events"] = [event_json(e) for e in store.events(EventFilter(doc_id=doc_id, include_rejected=True))]
    return rec


@router.get("/events", summary="Events matching the filters, by date then id")
def events(request: Request, flt: Filter, paging: Paging) -> dict[str, Any]:
    store = store_of(request)
    total = store.count_events(flt)
    flt.limit, flt.offset = paging.limit, paging.offset
    return {"total": total, "limit": paging.limit, "offset": paging.offset,
            "items": [event_json(e) for e in store.events(flt)]}


@router.get("/events/{event_id}", summary="One event, whatever its review state")
def event(request: Request, event_id: EventId) -> dict[str, Any]:
    return event_json(store_of(request).event(event_id))


@router.get("/actors", summary="Actors of the filtered events, with how many events name them")
def actors(request: Request, flt: Filter) -> dict[str, Any]:
    events: Counter[str] = Counter()
    variants: dict[str, Counter[tuple[str, str | None]]] = {}
    for e in store_of(request).events(flt):
        for name, a in {x.name: x for x in (e.actor1, e.actor2) if x is not None}.items():
            events[name] += 1  # once per event, even when both sides share the name
            variants.setdefault(name, Counter())[(a.kind, a.country)] += 1
    merged = []
    for name, n in events.items():
        # One row per name, with the kind and country it has most often ("Rwanda": state or state_forces).
        (kind, country), _ = variants[name].most_common(1)[0]
        merged.append({"name": name, "kind": kind, "country": country, "events": n})
    items = sorted(merged, key=lambda r: (-r["events"], r["name"]))
    return {"total": len(items), "items": items}


@router.get("/countries", summary="Countries with the number of filtered events in each, and ISO codes")
def countries(request: Request, flt: Filter) -> dict[str, Any]:
    import pycountry

    from terrain.analysis.reference import country_name

    counts: Counter[str] = Counter()
    for e in store_of(request).events(flt):
        for iso3 in {c for c in (e.country, e.location.country if e.location else None) if c}:
            counts[iso3] += 1
    items = []
    for c in pycountry.countries:
        # numeric: the id of the country's shape in the workspace's basemap (world-atlas, Natural Earth)
        items.append({"iso3": c.alpha_3, "numeric": c.numeric, "name": country_name(c.alpha_3),
                      "events": counts.get(c.alpha_3, 0)})
    known = {i["iso3"] for i in items}
    items += [{"iso3": k, "numeric": None, "name": k, "events": n} for k, n in counts.items() if k not in known]
    items.sort(key=lambda r: (-r["events"], r["name"]))
    return {"total": len(items), "items": items}


@router.get("/timeline", summary="Filtered events per month, by type family")
def timeline(request: Request, flt: Filter) -> dict[str, Any]:
    by_month: dict[str, Counter[str]] = {}
    year_only = undated = 0
    for e in store_of(request).events(flt):
        d = e.date or e.document_published
        if not d:
            undated += 1
        elif len(d) < 7:
            year_only += 1
        else:
            by_month.setdefault(d[:7], Counter())[family(e.type)] += 1
    return {"months": [{"month": m, "violence": c["violence"], "cooperation": c["cooperation"],
                        "total": c["violence"] + c["cooperation"]} for m, c in _fill(by_month)],
            "year_only": year_only, "undated": undated}


def _fill(by_month: dict[str, Counter[str]]) -> list[tuple[str, Counter[str]]]:
    """Every month from the first to the last, empty ones included, so the bars keep time's scale."""
    if not by_month:
        return []
    first, last = min(by_month), max(by_month)
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        key = f"{y:04d}-{m:02d}"
        out.append((key, by_month.get(key, Counter())))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _download(events: list[StoredEvent], fmt: str, media: str) -> Response:
    from terrain.export import write

    buf = io.StringIO()
    write(events, fmt, buf)
    return Response(buf.getvalue(), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="terrain-events.{fmt}"'})


_LIMIT = Annotated[int | None, Query(ge=0, description="At most this many events (default: all)")]


@router.get("/export.csv", summary="The filtered events as CSV (one flat row per event)",
            response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def export_csv(request: Request, flt: Filter, limit: _LIMIT = None) -> Response:
    flt.limit = limit
    return _download(store_of(request).events(flt), "csv", "text/csv; charset=utf-8")


@router.get("/export.geojson", summary="The filtered events that have coordinates, as GeoJSON",
            response_class=Response, responses={200: {"content": {"application/geo+json": {}}}})
def export_geojson(request: Request, flt: Filter, limit: _LIMIT = None) -> Response:
    flt.limit = limit
    return _download(store_of(request).events(flt), "geojson", "application/geo+json")


@router.get("/export.jsonl", summary="The filtered events as JSON Lines (the ontology's records)",
            response_class=Response, responses={200: {"content": {"application/x-ndjson": {}}}})
def export_jsonl(request: Request, flt: Filter, limit: _LIMIT = None) -> Response:
    flt.limit = limit
    return _download(store_of(request).events(flt), "jsonl", "application/x-ndjson")
