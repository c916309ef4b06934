"""Event exports: JSON Lines (the ontology's record), CSV (flattened) and GeoJSON (located events).

Every writer streams: events are written as they come, nothing is held beyond one record.
"""
from __future__ import annotations

import csv
import json
import math
from typing import Any, Iterable, TextIO

from terrain.errors import TerrainError
from terrain.records import QUANTITY_KEYS, Event

FORMATS = ("jsonl", "csv", "geojson")

COLUMNS = (
    "doc_id", "type",
    "actor1_name", "actor1_kind", "actor1_country", "actor2_name", "actor2_kind", "actor2_country",
    "country",
    "location_name", "location_admin1", "location_country", "location_lat", "location_lon", "location_precision",
    "date", "date_precision",
    *QUANTITY_KEYS,
    "status", "attributed_to", "evidence_text", "evidence_start", "evidence_end", "reviewed",
)


class ExportError(TerrainError, ValueError):
    pass


def record(ev: Event) -> dict[str, Any]:
    """The ontology's export record, exactly (``Event.to_record`` even for a StoredEvent, whose own
    adds the database id), plus ``reviewed`` when an analyst reviewed the event."""
    rec = Event.to_record(ev)
    reviewed = getattr(ev, "reviewed", None)
    if reviewed:
        rec["reviewed"] = reviewed
    return rec


def _number(value: Any) -> Any:
    # 350.0 troops reads as 350 in a spreadsheet.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def flatten(ev: Event) -> dict[str, Any]:
    """One event as a flat row of COLUMNS (quantities as one column each; an empty part as None)."""
    rec = record(ev)
    row: dict[str, Any] = {"doc_id": rec["doc_id"], "type": rec["type"]}
    for part in ("actor1", "actor2"):
        sub = rec[part] or {}
        for key in ("name", "kind", "country"):
            row[f"{part}_{key}"] = sub.get(key)
    row["country"] = rec["country"]
    loc = rec["location"] or {}
    for key in ("name", "admin1", "country", "lat", "lon", "precision"):
        row[f"location_{key}"] = loc.get(key)
    row["date"], row["date_precision"] = rec["date"], rec["date_precision"]
    for key in QUANTITY_KEYS:
        row[key] = _number(rec["quantities"].get(key))
    row["status"], row["attributed_to"] = rec["status"], rec["attributed_to"]
    evidence = rec["evidence"]
    row["evidence_text"], row["evidence_start"], row["evidence_end"] = evidence["text"], evidence["start"], evidence["end"]
    row["reviewed"] = rec.get("reviewed")
    return row


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for n, ev in enumerate(events, 1):
        out.write(json.dumps(record(ev), ensure_ascii=False) + "\n")
    return n


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for n, ev in enumerate(events, 1):
        writer.writerow({k: "" if v is None else v for k, v in flatten(ev).items()})
    return n


def _point(ev: Event) -> list[float] | None:
    loc = ev.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    if not (math.isfinite(loc.lat) and math.isfinite(loc.lon)):
        return None
    return [loc.lon, loc.lat]  # GeoJSON order (RFC 7946): longitude, latitude


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """A FeatureCollection of Points; events without coordinates are left out (they have no place on a map)."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for ev in events:
        coords = _point(ev)
        if coords is None:
            continue
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": coords},
                   "properties": flatten(ev)}
        out.write(("\n" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


_WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}


def write(events: Iterable[Event], fmt: str, out: TextIO) -> int:
    """Write ``events`` to ``out`` as ``fmt`` (jsonl, csv or geojson); returns how many were written."""
    try:
        writer = _WRITERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}", f"use one of {', '.join(FORMATS)}") from None
    return writer(events, out)
