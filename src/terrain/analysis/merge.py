"""One event per happening: cluster the events of many reports into ``MergedEvent``s.

Rules (each member keeps its own evidence; nothing is averaged away):

* Same ``type`` and same country (``country``, else the location's). Events are bucketed by (type, country).
* Actors: two events are compatible when each actor slot is equal (same canonical name, or same country and a
  government kind: state / state_forces / person) or missing in one of them (a report that does not name the
  attacker does not contradict one that does). Every pair of members must be compatible, so one cluster never
  holds two different actors.
* Place: a missing place, or a country-level one, is compatible with anything in the country. Two ``place``
  locations with different names, two different admin1s, or two points more than 50 km apart stay apart.
* Anchor: besides being compatible, an event must share a named actor (same role), place, admin1 or region
  with a member (``anchors``); this is also the index that keeps the search to nearby candidates.
* Date: day-precision dates within ``window_days`` of every other member; a month or year merges with the
  finer dates it contains (only when exactly one cluster fits, so a vague date never picks between two
  happenings). Two events of the SAME document with different day dates stay apart: the report itself
  tells them apart.
* No date: merges only with other undated events having the same type, country (required), actors and place
  name — "the rest identical".
* status: the status reported by the most documents; ties go to asserted > claimed > alleged > rumoured >
  planned > denied (a fact some outlet reports as such outranks a party's claim of it).
* quantities: per key, the figure of the latest report (document published, then event date, then id): tolls
  are revised as bodies are found and troop numbers change, so the newest report is the best estimate (the
  members' own dates differ only within the window); ``quantity_ranges`` keeps min–max as reported.

Cost: sort + one pass per bucket; each event is tested only against the clusters that share an anchor with it
and start within its date window (bisection in per-anchor lists), so O(n log n) plus the local candidates.
"""
from __future__ import annotations

import bisect
import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Sequence

from terrain.analysis.reference import fold
from terrain.records import Actor, Event, Location

STATUS_RANK = ("asserted", "claimed", "alleged", "rumoured", "planned", "denied")
PRECISION_RANK = {"place": 0, "admin1": 1, "region": 2, "country": 3}
GOVERNMENT_KINDS = frozenset({"state", "state_forces", "person"})
MAX_KM = 50.0


@dataclass
class MergedEvent:
    key: str
    type: str
    actor1: Actor | None
    actor2: Actor | None
    country: str | None
    location: Location | None
    date: str | None  # earliest date among the most precisely dated members
    date_last: str | None  # latest date among them
    status: str
    quantities: dict[str, float]
    quantity_ranges: dict[str, tuple[float, float]]
    members: list[Event]
    source_count: int
    doc_ids: list[str]
    statuses: dict[str, int] = field(default_factory=dict)  # status -> number of documents reporting it

    @property
    def ids(self) -> list[int]:
        return [m.id for m in self.members if getattr(m, "id", 0)]

    def to_record(self) -> dict[str, Any]:
        return {
            "key": self.key, "type": self.type,
            "actor1": self.actor1.to_record() if self.actor1 else None,
            "actor2": self.actor2.to_record() if self.actor2 else None,
            "country": self.country, "location": self.location.to_record() if self.location else None,
            "date": self.date, "date_last": self.date_last, "status": self.status, "statuses": self.statuses,
            "quantities": self.quantities,
            "quantity_ranges": {k: list(v) for k, v in self.quantity_ranges.items()},
            "source_count": self.source_count, "doc_ids": self.doc_ids, "event_ids": self.ids,
            "evidence": [{"doc_id": m.doc_id, "id": getattr(m, "id", None), "text": m.evidence.text}
                         for m in self.members],
        }


# -- dates ---------------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def date_span(text: str | None) -> tuple[date, date] | None:
    """First and last day a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date can mean; None if absent or unreadable."""
    if not text:
        return None
    try:
        parts = [int(p) for p in text[:10].split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            start = date(parts[0], parts[1], 1)
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return start, nxt - timedelta(days=1)
        d = date(*parts[:3])
        return d, d
    except ValueError:
        return None


def when(e: Event) -> tuple[date, str, int]:
    """Sort key "when was this reported": event date, else document published; then published, then id."""
    published = getattr(e, "document_published", None) or ""
    span = date_span(e.date) or date_span(published)
    return (span[0] if span else date.min, published, getattr(e, "id", 0) or 0)


# -- compatibility -------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def actor_key(a: Actor | None) -> tuple[str, str] | None:
    if a is None:
        return None
    if a.kind in GOVERNMENT_KINDS and a.country:
        return ("gov", a.country)
    return ("name", fold(a.name))


def _km(a: Location, b: Location) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def places_compatible(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None or "country" in (a.precision, b.precision):
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon) and _km(a, b) > MAX_KM:
        return False
    if a.precision == b.precision == "place" and fold(a.name) != fold(b.name):
        return False
    admin_a = fold(a.name) if a.precision == "admin1" else fold(a.admin1) if a.admin1 else None
    admin_b = fold(b.name) if b.precision == "admin1" else fold(b.admin1) if b.admin1 else None
    return admin_a is None or admin_b is None or admin_a == admin_b


def _compatible(e: Event, f: Event, window: int) -> bool:
    for x, y in ((e.actor1, f.actor1), (e.actor2, f.actor2)):
        if x is not None and y is not None and actor_key(x) != actor_key(y):
            return False
    if not places_compatible(e.location, f.location):
        return False
    se, sf = date_span(e.date), date_span(f.date)
    if se and sf:
        if max(se[0], sf[0]) - min(se[1], sf[1]) > timedelta(days=window):
            return False
        if e.doc_id == f.doc_id and se[0] == se[1] and sf[0] == sf[1] and se[0] != sf[0]:
            return False
    return True


def anchors(e: Event) -> set[tuple]:
    """What an event names that another report of the same happening must share at least one of: an actor (in
    the same role), a place, an admin1 or a region. Without this, an event naming neither actor nor place would
    join whatever happened in the country that week."""
    out: set[tuple] = set()
    for slot, a in (("actor1", e.actor1), ("actor2", e.actor2)):
        if a is not None:
            out.add((slot, *actor_key(a)))
    loc = e.location
    if loc is not None and loc.precision != "country":
        out.add((loc.precision, fold(loc.name)))
        if loc.precision == "place" and loc.admin1:
            out.add(("admin1", fold(loc.admin1)))
    return out


# -- clustering ----------------------------------------------------------------------------------

class _Cluster:
    __slots__ = ("start", "seq", "members", "keys")

    def __init__(self, start: date, seq: int, e: Event):
        self.start, self.seq, self.members, self.keys = start, seq, [e], set()


class _Index:
    """Dated clusters by anchor, each list sorted by start: candidates are the clusters sharing an anchor
    with the event and starting within its window, found by bisection."""

    def __init__(self) -> None:
        self.by_key: dict[tuple, tuple[list[tuple[date, int]], list[_Cluster]]] = defaultdict(lambda: ([], []))

    def add(self, c: _Cluster, keys: set[tuple]) -> None:
        for k in keys - c.keys:
            pos, clusters = self.by_key[k]
            i = bisect.bisect_right(pos, (c.start, c.seq))
            pos.insert(i, (c.start, c.seq))
            clusters.insert(i, c)
        c.keys |= keys

    def near(self, keys: set[tuple], lo: date, hi: date) -> list[_Cluster]:
        found: dict[int, _Cluster] = {}
        for k in keys:
            if k in self.by_key:
                pos, clusters = self.by_key[k]
                a, b = bisect.bisect_left(pos, (lo, -1)), bisect.bisect_right(pos, (hi, 1 << 62))
                found.update((c.seq, c) for c in clusters[a:b])
        return sorted(found.values(), key=lambda c: (c.start, c.seq))


def _cluster_bucket(events: list[Event], window: int) -> list[list[Event]]:
    w = timedelta(days=window)
    spans = {id(e): date_span(e.date) for e in events}
    day = sorted((e for e in events if spans[id(e)] and spans[id(e)][0] == spans[id(e)][1]), key=when)
    coarse = sorted((e for e in events if spans[id(e)] and spans[id(e)][0] != spans[id(e)][1]),
                    key=lambda e: (spans[id(e)][1] - spans[id(e)][0], when(e)))
    index, clusters = _Index(), []

    def fits(e: Event, lo: date, hi: date) -> list[_Cluster]:
        return [c for c in index.near(anchors(e), lo, hi) if all(_compatible(e, m, window) for m in c.members)]

    def new(e: Event, start: date) -> None:
        clusters.append(_Cluster(start, len(clusters), e))
        index.add(clusters[-1], anchors(e))

    for e in day:  # sliding window: only clusters that started within the window can take e
        d = spans[id(e)][0]
        found = fits(e, d - w, d)
        if found:
            c = _best(e, found)
            c.members.append(e)
            index.add(c, anchors(e))
        else:
            new(e, d)
    for e in coarse:  # a month or year joins the one cluster it contains, else stands alone
        s, t = spans[id(e)]
        found = fits(e, s - w, t + w)
        if len(found) == 1:
            found[0].members.append(e)
            index.add(found[0], anchors(e))
        else:
            new(e, s)
    out = [c.members for c in clusters]
    undated: dict[tuple, list[Event]] = {}
    for e in sorted((e for e in events if not spans[id(e)]), key=when):
        loc = fold(e.location.name) if e.location else None
        k = (actor_key(e.actor1), actor_key(e.actor2), loc)
        if k in undated and e.place_country is not None:
            undated[k].append(e)
        else:
            undated[k] = [e]
            out.append(undated[k])
    return out


def _best(e: Event, fits: list[_Cluster]) -> _Cluster:
    """Of several clusters e could join, the one sharing most anchors with it, then the latest."""
    mine = anchors(e)
    return max(reversed(fits), key=lambda c: len(mine & c.keys))


def _most_common(values: Sequence[Any], rank: Any = None) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return max(counts, key=lambda v: (counts[v], rank(v) if rank else 0))


def _summarise(members: list[Event]) -> MergedEvent:
    members = sorted(members, key=when)
    docs = list(dict.fromkeys(m.doc_id for m in members))
    ident = sorted(f"{m.doc_id}|{m.evidence.start}|{m.evidence.end}|{m.type}|{actor_key(m.actor1)}|"
                   f"{actor_key(m.actor2)}|{m.place_country}|{m.date}|{m.evidence.text}" for m in members)
    by_doc = {(m.doc_id, m.status) for m in members}
    statuses = dict(Counter(s for _, s in by_doc))
    rank = {s: i for i, s in enumerate(STATUS_RANK)}
    status = max(statuses, key=lambda s: (statuses[s], -rank.get(s, len(rank))))
    locs = [m.location for m in members if m.location]
    loc_counts = Counter(locs)
    location = min(locs, key=lambda l: (PRECISION_RANK.get(l.precision, 9), -loc_counts[l], l.lat is None),
                   default=None)
    quantities: dict[str, float] = {}
    ranges: dict[str, tuple[float, float]] = {}
    # Latest report wins: within one happening the event dates differ only by reporting noise, so the
    # newest document (then the event date) is the best estimate: tolls get revised as bodies are found.
    for m in sorted(members, key=lambda m: (getattr(m, "document_published", None) or "", when(m))):
        for k, v in m.quantities.items():
            quantities[k] = v
            lo, hi = ranges.get(k, (v, v))
            ranges[k] = (min(lo, v), max(hi, v))
    # Dates from the most precise reports: a "March 2024" report that joined a "14 March" one adds no date.
    dated = [m for m in members if date_span(m.date)]
    finest = min((date_span(m.date)[1] - date_span(m.date)[0] for m in dated), default=None)
    dated = [m for m in dated if date_span(m.date)[1] - date_span(m.date)[0] == finest]
    first = min(dated, key=lambda m: date_span(m.date)[0], default=None)
    last = max(dated, key=lambda m: date_span(m.date)[1], default=None)
    return MergedEvent(
        key=hashlib.sha1("\n".join(ident).encode("utf-8")).hexdigest()[:16],
        type=members[0].type,
        actor1=_most_common([m.actor1 for m in members], rank=lambda a: a.country is not None),
        actor2=_most_common([m.actor2 for m in members], rank=lambda a: a.country is not None),
        country=_most_common([m.place_country for m in members]),
        location=location, date=first.date if first else None, date_last=last.date if last else None,
        status=status, statuses=statuses, quantities=quantities, quantity_ranges=ranges,
        members=members, source_count=len(docs), doc_ids=docs,
    )


def merge_events(events: Sequence[Event], window_days: int = 7) -> list[MergedEvent]:
    """Cluster events reporting the same happening; sorted by date (undated last), then key."""
    buckets: dict[tuple[str, str | None], list[Event]] = defaultdict(list)
    for e in events:
        buckets[(e.type, e.place_country)].append(e)
    merged = [_summarise(c) for b in buckets.values() for c in _cluster_bucket(b, window_days)]
    return sorted(merged, key=lambda m: (m.date is None, date_span(m.date)[0] if m.date else date.min, m.key))
