"""Analyst reviews: validating a correction and overlaying reviews on an extracted event.

A review is stored against (doc_id, fingerprint), the identity of the *extracted* event, so it
outlives the event row: re-extracting a document deletes and re-creates its events, and
``apply`` puts every review back on the new rows whose fingerprint matches.

Reviews of one event apply in the order they were made: each correction overlays the fields it
names on top of the earlier ones (so "fix the type" then "fix the date" keeps both), and the
event's review state is that of the latest review ("confirmed" after a correction confirms the
corrected version; "rejected" hides the event from reads unless ``include_rejected``).
"""
from __future__ import annotations

import logging
import math
import re
from typing import Any, Iterable

from terrain.errors import TerrainError
from terrain.records import ACTOR_KINDS, EVENT_TYPES, PRECISIONS, QUANTITY_KEYS, STATUSES, Actor, Location
from terrain.store.convert import CORRECTABLE, actor_columns, as_utc, location_columns

log = logging.getLogger(__name__)
ACTIONS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}
FIELDS = ("type", "actor1", "actor2", "country", "location", "date", "quantities", "status", "attributed_to")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_PRECISION_BY_LEN = {4: "year", 7: "month", 10: "day"}


class ReviewError(TerrainError, ValueError):
    """A review that cannot be recorded: unknown action, unknown field or a value of the wrong kind."""


def _fail(field: str, value: Any, fix: str) -> ReviewError:
    return ReviewError(f"correction of {field}: {value!r} is not valid", fix)


def _iso3(field: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO3.match(value.strip().upper()):
        raise _fail(field, value, "use an ISO 3166-1 alpha-3 code such as COD, or null")
    return value.strip().upper()


def _actor(field: str, value: Any) -> Actor | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not value["name"].strip():
        raise _fail(field, value, 'give {"name": ..., "kind": ..., "country": ISO3 or null}, or null')
    unknown = set(value) - {"name", "kind", "country"}
    kind = value.get("kind") or "other"
    if unknown or kind not in ACTOR_KINDS:
        raise _fail(field, value, f"keys name, kind, country; kind one of {', '.join(ACTOR_KINDS)}")
    return Actor(value["name"].strip(), kind, _iso3(f"{field}.country", value.get("country")))


def _coord(field: str, value: Any, limit: float) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
        raise _fail(field, value, f"give a number between -{limit:g} and {limit:g}, or null")
    return float(value)


def _location(value: Any) -> Location | None:
    if value is None:
        return None
    keys = {"name", "admin1", "country", "lat", "lon", "precision"}
    if not isinstance(value, dict) or set(value) - keys or not isinstance(value.get("name"), str):
        raise _fail("location", value, f"give an object with name and any of {', '.join(sorted(keys - {'name'}))}")
    precision = value.get("precision") or "place"
    if precision not in PRECISIONS:
        raise _fail("location.precision", precision, f"use one of {', '.join(PRECISIONS)}")
    admin1 = value.get("admin1")
    if admin1 is not None and not isinstance(admin1, str):
        raise _fail("location.admin1", admin1, "give a name or null")
    lat, lon = _coord("location.lat", value.get("lat"), 90), _coord("location.lon", value.get("lon"), 180)
    if (lat is None) != (lon is None):
        raise _fail("location", value, "give both lat and lon, or neither")
    return Location(value["name"], _iso3("location.country", value.get("country")), precision, admin1, lat, lon)


def _quantities(value: Any) -> dict[str, float]:
    if not isinstance(value, dict):
        raise _fail("quantities", value, f"give an object with keys among {', '.join(QUANTITY_KEYS)}")
    out: dict[str, float] = {}
    for key, n in value.items():
        ok = isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n) and n >= 0
        if key not in QUANTITY_KEYS or not ok:
            raise _fail(f"quantities.{key}", n, f"keys among {', '.join(QUANTITY_KEYS)}, values numbers >= 0")
        out[key] = n
    return out


def correction_columns(changes: Any) -> dict[str, Any]:
    """Validate a correction (export-record fields) and return the event columns it sets."""
    if not isinstance(changes, dict) or not changes:
        raise ReviewError("a correction needs the fields it changes",
                          f"give a non-empty object with fields among {', '.join(FIELDS)}")
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise ReviewError(f"cannot correct field(s) {', '.join(map(str, unknown))}",
                          f"correct only {', '.join(FIELDS)}")
    cols: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "type":
            if value not in EVENT_TYPES:
                raise _fail(field, value, f"use one of {', '.join(EVENT_TYPES)}")
            cols["type"] = value
        elif field == "status":
            if value not in STATUSES:
                raise _fail(field, value, f"use one of {', '.join(STATUSES)}")
            cols["status"] = value
        elif field in ("actor1", "actor2"):
            cols.update(actor_columns(field, _actor(field, value)))
        elif field == "country":
            cols["country"] = _iso3(field, value)
        elif field == "location":
            cols.update(location_columns(_location(value)))
        elif field == "date":
            if value is not None and (not isinstance(value, str) or not _DATE.match(value)):
                raise _fail(field, value, "use YYYY, YYYY-MM or YYYY-MM-DD, or null")
            cols["date"], cols["date_precision"] = value, _PRECISION_BY_LEN.get(len(value)) if value else None
        elif field == "quantities":
            cols["quantities"] = _quantities(value)
        elif field == "attributed_to":
            if value is not None and not isinstance(value, str):
                raise _fail(field, value, "give a name or null")
            cols["attributed_to"] = value
    return cols


def overlay(current: dict[str, Any], original: dict[str, Any] | None, reviews: Iterable[Any]) -> dict[str, Any]:
    """The column values (correctable ones and review state) of an event under its reviews.

    ``current``: the row's columns; ``original``: its extracted values if a correction overwrote
    them; ``reviews``: ReviewRow-like objects (action, changes, user, created_at) oldest first.
    """
    base = dict(original) if original else {c: current[c] for c in CORRECTABLE}
    values = dict(base)
    state = by = at = None
    corrected = False
    for r in reviews:
        if r.action == "correct":
            try:
                values.update(correction_columns(r.changes))
            except ReviewError as err:
                # A stored correction this version no longer accepts must not block saving the document.
                log.warning("review %s of %s ignored: %s", r.id, r.doc_id, err)
                continue
            corrected = True
        state, by, at = ACTIONS[r.action], r.user, as_utc(r.created_at)
    values.update(reviewed=state, reviewed_by=by, reviewed_at=at, original=base if corrected else None)
    return values
