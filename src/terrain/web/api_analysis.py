"""Analysis endpoints over the filtered events: deployments, relations, claims, merged events.

The analysis modules are imported inside each endpoint: the app starts (and the other endpoints
answer) even while one of them is missing or broken.

For relations and claims ``actor`` is the focus (the pairs, or threads, of that actor as the
analysis resolves it: "Kigali" and "Rwandan troops" are Rwanda) rather than an event filter, which
would keep only events naming that exact canonical name.
"""
from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from terrain.records import StoredEvent
from terrain.web.api_read import store_of
from terrain.web.params import Filter, event_json

router = APIRouter(prefix="/api", tags=["analysis"])


def _compact(e: StoredEvent) -> dict[str, Any]:
    """What a list of evidence needs: enough to show the claim and open its document."""
    return {"id": e.id, "doc_id": e.doc_id, "type": e.type, "status": e.status, "date": e.date,
            "actor1": e.actor1.name if e.actor1 else None, "actor2": e.actor2.name if e.actor2 else None,
            "text": e.evidence.text, "source": e.document_source, "published": e.document_published}


@router.get("/deployments", summary="The deployment registry: who has forces where, since when, how many")
def deployments(request: Request, flt: Filter,
                provider: Annotated[str | None, Query(description="ISO3, country or actor name")] = None,
                host: Annotated[str | None, Query(description="Host country: ISO3 or name")] = None,
                ) -> dict[str, Any]:
    from terrain.analysis.deployments import deployments as registry

    found = registry(store_of(request).events(flt), provider=provider, host=host)
    items = []
    for d in found:
        rec = d.to_record()
        rec["key"] = d.key
        items.append(rec)
    return {"total": len(items), "items": items}


@router.get("/relations", summary="Relations network (Cytoscape JSON): pairs of actors scored over time")
def relations(request: Request, flt: Filter) -> dict[str, Any]:
    from terrain.analysis.relations import relations as build, to_json

    focus, flt = flt.actor, dataclasses.replace(flt, actor=None)
    return to_json(build(store_of(request).events(flt), actor=focus))


@router.get("/claims", summary="Claims and denials as threads: who accuses whom of what, who denies it")
def claims(request: Request, flt: Filter) -> dict[str, Any]:
    from terrain.analysis.claims import claims as threads

    focus, flt = flt.actor, dataclasses.replace(flt, actor=None)
    items = []
    for t in threads(store_of(request).events(flt), actor=focus):
        items.append({
            "accused": t.accused.to_record(), "accusers": [a.to_record() for a in t.accusers],
            "status": t.status, "first_date": t.first_date, "last_date": t.last_date,
            "allegation": event_json(t.allegation) if t.allegation else None,
            "accusations": [_compact(e) for e in t.accusations], "denials": [_compact(e) for e in t.denials],
            "facts": [_compact(e) for e in t.facts], "event_ids": [e.id for e in t.events],
        })
    return {"total": len(items), "items": items}


@router.get("/merged", summary="The filtered events merged across reports of the same happening")
def merged(request: Request, flt: Filter) -> dict[str, Any]:
    from terrain.analysis.merge import merge_events

    items = [m.to_record() for m in merge_events(store_of(request).events(flt))]
    return {"total": len(items), "items": items}
