"""EventFilter: which stored events to read, validated, and turned into one SQL WHERE clause."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from terrain.errors import TerrainError
from terrain.records import EVENT_TYPES, STATUSES
from terrain.store.models import DocumentRow, EventRow

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")


class FilterError(TerrainError, ValueError):
    """A filter that cannot be applied (unknown type, since after until, bad bbox...)."""


@dataclass
class EventFilter:
    types: list[str] | None = None
    actor: str | None = None  # actor1 or actor2 canonical name, case-insensitive
    country: str | None = None  # ISO3: the event's country or its location's country
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; see date_bounds
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    status: list[str] | None = None
    q: str | None = None  # words in the evidence sentence, case-insensitive
    doc_id: str | None = None
    reviewed: bool | None = None  # True: reviewed in any way; False: not yet reviewed
    include_rejected: bool = False
    limit: int | None = None
    offset: int = 0

    def validate(self) -> "EventFilter":
        """Raise FilterError on anything that cannot match as meant; returns self."""
        if self.types is not None:
            if isinstance(self.types, str):
                self.types = [self.types]
            bad = [t for t in self.types if t not in EVENT_TYPES]
            if bad:
                raise FilterError(f"unknown event type(s): {', '.join(map(str, bad))}",
                                  f"use one of {', '.join(EVENT_TYPES)}")
        if self.status is not None:
            if isinstance(self.status, str):
                self.status = [self.status]
            bad = [s for s in self.status if s not in STATUSES]
            if bad:
                raise FilterError(f"unknown status(es): {', '.join(map(str, bad))}",
                                  f"use one of {', '.join(STATUSES)}")
        if self.country is not None:
            self.country = self.country.strip().upper()
            if not ISO3_RE.match(self.country):
                raise FilterError(f"country {self.country!r} is not an ISO 3166-1 alpha-3 code",
                                  "use three letters, e.g. COD, RWA, MOZ")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not DATE_RE.match(value):
                raise FilterError(f"{name} {value!r} is not a date", "use YYYY, YYYY-MM or YYYY-MM-DD")
        if self.since and self.until:
            n = min(len(self.since), len(self.until))
            if self.since[:n] > self.until[:n]:
                raise FilterError(f"since {self.since} is after until {self.until}", "swap them")
        if self.bbox is not None:
            self.bbox = _check_bbox(self.bbox)
        for name in ("limit", "offset"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or value < 0):
                raise FilterError(f"{name} must be a whole number >= 0, not {value!r}", f"fix {name}")
        if self.actor is not None and not self.actor.strip():
            self.actor = None
        if self.q is not None and not self.q.strip():
            self.q = None
        return self


def _check_bbox(bbox: Any) -> tuple[float, float, float, float]:
    fix = "give min_lon,min_lat,max_lon,max_lat with -180<=lon<=180, -90<=lat<=90 and min <= max"
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in bbox)
    except (TypeError, ValueError) as err:
        raise FilterError(f"bbox {bbox!r} is not four numbers", fix) from err
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise FilterError(f"bbox {bbox!r} is not a box on the map", fix)
    return min_lon, min_lat, max_lon, max_lat


def effective_date() -> sa.ColumnElement[Any]:
    """The event's date, or the publication date of its document when it has none."""
    return sa.func.coalesce(EventRow.date, DocumentRow.published)


def _on_or_after(d: sa.ColumnElement[Any], bound: str) -> sa.ColumnElement[bool]:
    # Compare the common prefix, so a date's whole period counts: "2024" (year precision) overlaps
    # since="2024-03", and "2024-03-15" falls within until="2024-03".
    return sa.func.substr(d, 1, len(bound)) >= sa.func.substr(sa.literal(bound), 1, sa.func.length(d))


def _on_or_before(d: sa.ColumnElement[Any], bound: str) -> sa.ColumnElement[bool]:
    return sa.func.substr(d, 1, len(bound)) <= sa.func.substr(sa.literal(bound), 1, sa.func.length(d))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where(flt: EventFilter | None) -> list[sa.ColumnElement[bool]]:
    """SQL conditions for a validated filter (the query joins events to documents)."""
    flt = flt or EventFilter()
    conds: list[sa.ColumnElement[bool]] = []
    if not flt.include_rejected:
        conds.append(sa.or_(EventRow.reviewed.is_(None), EventRow.reviewed != "rejected"))
    if flt.types:
        conds.append(EventRow.type.in_(flt.types))
    if flt.status:
        conds.append(EventRow.status.in_(flt.status))
    if flt.actor:
        name = flt.actor.strip().lower()
        conds.append(sa.or_(sa.func.lower(EventRow.actor1_name) == name,
                            sa.func.lower(EventRow.actor2_name) == name))
    if flt.country:
        conds.append(sa.or_(EventRow.country == flt.country, EventRow.loc_country == flt.country))
    if flt.since:
        conds.append(_on_or_after(effective_date(), flt.since))
    if flt.until:
        conds.append(_on_or_before(effective_date(), flt.until))
    if flt.bbox:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        conds += [EventRow.loc_lon.between(min_lon, max_lon), EventRow.loc_lat.between(min_lat, max_lat)]
    if flt.q:
        conds.append(EventRow.evidence_text.ilike(f"%{_like_escape(flt.q.strip())}%", escape="\\"))
    if flt.doc_id:
        conds.append(EventRow.doc_id == flt.doc_id)
    if flt.reviewed is True:
        conds.append(EventRow.reviewed.is_not(None))
    elif flt.reviewed is False:
        conds.append(EventRow.reviewed.is_(None))
    return conds
