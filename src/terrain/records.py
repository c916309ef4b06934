"""Typed records passed between the pipeline stages.

ingest -> Document; nlp -> ParsedDocument; extract/resolve -> Event; store keeps them;
analysis, export and the web read them back. The export record of ``Event.to_record`` is the
contract of ``shared/spec/ONTOLOGY.md``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES = (
    # violence
    "ATTACK", "BATTLE", "REMOTE_VIOLENCE", "SEIZE", "ABDUCT", "PROTEST",
    # security co-operation and posture
    "DEPLOY", "WITHDRAW", "REQUEST", "AGREE", "AID", "SUPPORT", "ACCUSE", "DENY", "ALIGN", "THREATEN",
)
VIOLENT_TYPES = frozenset(EVENT_TYPES[:6])
SPEECH_TYPES = frozenset({"ACCUSE", "DENY", "THREATEN"})  # acts of speech: no place of their own
# The parties the rules fall back on when a report names none (extract/roles.py): a category, not one actor.
GENERIC_ACTOR_NAMES = frozenset({"Unidentified gunmen", "Rebels", "Jihadists", "Militants", "Militia",
                                 "Communal militia", "Security forces", "Civilians", "Protesters"})
# ... and with the street roles (extract/crowds.py) and unnamed police or army: every category name.
CATEGORY_ACTOR_NAMES = GENERIC_ACTOR_NAMES | {"Rioters", "Police", "Forces"}
ACTOR_KINDS = ("state", "state_forces", "armed_group", "igo", "mission", "company", "person", "civilians", "other")
STATUSES = ("asserted", "claimed", "alleged", "denied", "planned", "rumoured")
PRECISIONS = ("place", "admin1", "country", "region")
DATE_PRECISIONS = ("day", "month", "year")
QUANTITY_KEYS = ("fatalities", "injured", "troops", "displaced", "abducted", "money_usd")


def family(event_type: str) -> str:
    """'violence' or 'cooperation': the two families of the ontology."""
    return "violence" if event_type in VIOLENT_TYPES else "cooperation"


@dataclass(frozen=True)
class Actor:
    """A canonical actor (see the registry in ``terrain/data/actors.yaml``)."""

    name: str
    kind: str
    country: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "country": self.country}

    @classmethod
    def from_record(cls, rec: dict[str, Any] | None) -> "Actor | None":
        if not rec:
            return None
        return cls(name=rec["name"], kind=rec.get("kind") or "other", country=rec.get("country"))


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    precision: str  # one of PRECISIONS
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "admin1": self.admin1, "country": self.country,
                "lat": self.lat, "lon": self.lon, "precision": self.precision}

    @classmethod
    def from_record(cls, rec: dict[str, Any] | None) -> "Location | None":
        if not rec:
            return None
        return cls(name=rec["name"], country=rec.get("country"), precision=rec.get("precision") or "country",
                   admin1=rec.get("admin1"), lat=rec.get("lat"), lon=rec.get("lon"))


@dataclass(frozen=True)
class Evidence:
    """The supporting sentence, with character offsets into the stored document text."""

    text: str
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Document:
    """One ingested article. ``text`` is the cleaned text; offsets of every Evidence point into it."""

    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    source: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from (file, file:line, "-")

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Event:
    """One extracted claim: who did what to whom, where, when, how many, who says so, and the sentence."""

    doc_id: str
    type: str
    actor1: Actor | None
    actor2: Actor | None
    evidence: Evidence
    country: str | None = None
    location: Location | None = None
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    date_precision: str | None = None
    quantities: dict[str, float] = field(default_factory=dict)
    status: str = "asserted"
    attributed_to: str | None = None
    confidence: float = 1.0
    # Index (within the same document's event list) of an event this one answers: a DENY points at
    # the alleged fact it denies, an ACCUSE at the fact alleged. Stored as a link between events.
    refers_to: int | None = None
    trigger: str | None = None  # the word that triggered the event (for debugging and review)

    @property
    def place_country(self) -> str | None:
        """Where the event happens: its country, else its location's."""
        return self.country or (self.location.country if self.location is not None else None)

    def to_record(self) -> dict[str, Any]:
        """The export record of the ontology (exactly its fields)."""
        return {
            "doc_id": self.doc_id,
            "type": self.type,
            "actor1": self.actor1.to_record() if self.actor1 else None,
            "actor2": self.actor2.to_record() if self.actor2 else None,
            "country": self.country,
            "location": self.location.to_record() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "quantities": dict(self.quantities),
            "status": self.status,
            "attributed_to": self.attributed_to,
            "evidence": self.evidence.to_record(),
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> "Event":
        ev = rec.get("evidence") or {}
        if isinstance(ev, str):
            ev = {"text": ev, "start": -1, "end": -1}
        return cls(
            doc_id=rec["doc_id"], type=rec["type"],
            actor1=Actor.from_record(rec.get("actor1")), actor2=Actor.from_record(rec.get("actor2")),
            evidence=Evidence(ev.get("text", ""), ev.get("start", -1), ev.get("end", -1)),
            country=rec.get("country"), location=Location.from_record(rec.get("location"))
            if isinstance(rec.get("location"), dict) else None,
            date=rec.get("date"), date_precision=rec.get("date_precision"),
            quantities=dict(rec.get("quantities") or {}), status=rec.get("status") or "asserted",
            attributed_to=rec.get("attributed_to"),
        )


@dataclass
class StoredEvent(Event):
    """An event as read back from the store: its database id, review state and links."""

    id: int = 0
    reviewed: str | None = None  # None, "confirmed", "corrected", "rejected"
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    document_title: str | None = None
    document_published: str | None = None
    document_source: str | None = None
    linked_ids: list[int] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        rec = super().to_record()
        rec["id"] = self.id
        rec["reviewed"] = self.reviewed
        return rec

