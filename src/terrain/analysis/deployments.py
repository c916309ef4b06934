"""The deployment registry: who has forces where, since when, how many, under what framework.

One ``Deployment`` per (provider, host, mission). The provider is a state (keyed by its ISO3, whatever the
report calls it: "Rwanda", "RDF", "Kigali"), a company (Wagner Group) or a mission/organisation (MONUSCO, SADC).
A state acting inside its own borders is not a deployment.

Evidence, each event classified by ``role()``:
* DEPLOY asserted/claimed -> ``active``; planned/rumoured -> ``planned``, or ``announced`` when the sentence or
  trigger says announced/approved/pledged/confirmed; an asserted DEPLOY whose trigger is an announcement of a
  future move ("announced it will send") -> ``announced``; alleged/denied -> ``alleged``.
* WITHDRAW asserted/claimed -> ``end``; planned -> ``end_planned`` (a withdrawal still to come means the force
  is there); alleged/denied -> kept as evidence only.
* SEIZE / ATTACK / BATTLE by a foreign state's forces, a company or a mission in the host -> presence
  (``active``, or ``alleged`` when the act is alleged). REMOTE_VIOLENCE is not presence: a strike can come from
  across a border.
* REQUEST by the host to the provider -> ``requested`` and kept in the trail; it creates no deployment.

Status: ``ended`` when the latest ``end`` is reported on or after the latest ``active`` (or there is no
``active``: "France's eviction from Mali" is enough); else ``active`` (also for a planned withdrawal only);
else ``announced``, ``planned``, ``alleged``, in that order. "Reported" orders by event date, else the
document's publication date, then id.

Troops: ``latest_troops`` is the newest figure among the events that carry the status (the active ones for an
active deployment, the plans for a planned one), falling back to any DEPLOY figure; ``peak_troops`` the largest.
Framework: the mission's organisation (data/missions.yaml); a company -> "private military company"; a state with
no mission named -> "regional" when the evidence speaks of a regional force/arrangement or names a regional
organisation, else "bilateral".
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from terrain.analysis.merge import GOVERNMENT_KINDS, when
from terrain.analysis.reference import (country_iso3, country_name, find_mission, fold, missions, organisations,
                                        registry_actor)
from terrain.errors import NotFound
from terrain.records import Actor, Event

PRESENCE_TYPES = frozenset({"SEIZE", "ATTACK", "BATTLE"})
STATUS_ORDER = ("active", "announced", "planned", "alleged", "ended")
PMC = "private military company"
_ANNOUNCE = re.compile(r"\b(announc\w*|approv\w*|pledg\w*|confirm\w*|authori[sz]\w*|promis\w*)", re.I)
_FUTURE = re.compile(r"\b(will|would|shall|to be (deployed|sent)|plans? to|is to|are to|set to|expected to)\b", re.I)
_REGIONAL = re.compile(r"\bregional (security|force|forces|arrangements?|mission|deployment|bloc|coalition)\b", re.I)


@dataclass
class Deployment:
    provider: Actor
    host: str  # ISO3
    area: str | None
    status: str  # active | announced | planned | alleged | ended
    first_reported: str | None
    last_reported: str | None
    latest_troops: int | None
    latest_troops_event_id: int | None
    peak_troops: int | None
    peak_troops_event_id: int | None
    framework: str  # bilateral | UN | AU | regional | EU | private military company | other
    evidence: list[int]
    evidence_events: list[Event] = field(repr=False)
    mission: str | None = None
    organisation: str | None = None
    requested: bool = False

    @property
    def key(self) -> str:
        return f"{self.provider.country if self.provider.kind == 'state_forces' else self.provider.name}>{self.host}" \
            + (f">{self.mission}" if self.mission else "")

    def to_record(self) -> dict[str, Any]:
        rec = {k: v for k, v in self.__dict__.items() if k not in ("provider", "evidence_events")}
        rec["provider"] = self.provider.to_record()
        rec["host_name"] = country_name(self.host)
        rec["evidence_text"] = [{"id": getattr(e, "id", None), "doc_id": e.doc_id, "type": e.type,
                                 "status": e.status, "text": e.evidence.text} for e in self.evidence_events]
        return rec


def _provider(a: Actor | None) -> tuple[tuple[str, str], Actor] | None:
    if a is None:
        return None
    if a.kind in GOVERNMENT_KINDS and a.country:
        return ("state", a.country), Actor(country_name(a.country), "state_forces", a.country)
    if a.kind == "mission":
        m = find_mission(a.name)
        name = m.name if m else a.name
        return ("mission", fold(name)), Actor(name, "mission", a.country)
    if a.kind in ("company", "igo"):
        return (a.kind, fold(a.name)), a
    return None


def _host(e: Event, provider: Actor) -> str | None:
    host = e.place_country
    if not host and e.actor2 is not None and e.actor2.kind in GOVERNMENT_KINDS:
        host = e.actor2.country
    if not host and provider.kind == "mission":
        m = missions().get(provider.name)
        host = m.hosts[0] if m and len(m.hosts) == 1 else None
    return host


def role(e: Event) -> str | None:
    """What an event says about a deployment (see the module docstring)."""
    said = f"{e.trigger or ''} {e.evidence.text}"
    if e.type == "DEPLOY":
        if e.status in ("planned", "rumoured"):
            return "announced" if _ANNOUNCE.search(said) else "planned"
        if e.status in ("asserted", "claimed"):
            future = _ANNOUNCE.search(e.trigger or "") and _FUTURE.search(e.evidence.text)
            return "announced" if future else "active"
        return "alleged"
    if e.type == "WITHDRAW":
        return {"asserted": "end", "claimed": "end", "planned": "end_planned", "rumoured": "end_planned"}.get(e.status)
    if e.type in PRESENCE_TYPES:
        return "active" if e.status in ("asserted", "claimed") else "alleged" if e.status != "denied" else None
    return None


def _candidates(e: Event) -> list[tuple[tuple[str, str], Actor, str]]:
    """(provider key, provider, host) pairs an event is evidence for."""
    if e.type in ("DEPLOY", "WITHDRAW"):
        actors = [e.actor1]
    elif e.type in PRESENCE_TYPES:
        actors = [e.actor1, e.actor2] if e.type == "BATTLE" else [e.actor1]
    else:
        return []
    out = []
    for a in actors:
        p = _provider(a)
        if p is None or (e.type in PRESENCE_TYPES and a.kind not in ("state_forces", "state", "company", "mission")):
            continue
        host = _host(e, p[1])
        if host and not (p[0][0] == "state" and host == p[0][1]):  # at home is not a deployment
            out.append((p[0], p[1], host))
    return out


def _mission_of(e: Event, pkey: tuple[str, str], provider: Actor) -> str | None:
    if pkey[0] == "mission":
        return provider.name
    if pkey[0] != "state":
        return None
    if e.actor2 is not None and e.actor2.kind == "mission":
        m = find_mission(e.actor2.name)
        return m.name if m else e.actor2.name
    m = find_mission(e.evidence.text)
    return m.name if m else None


def _framework(pkey: tuple[str, str], provider: Actor, mission: str | None, events: list[Event]) -> tuple[str, str | None]:
    """(framework, organisation)."""
    if mission:
        m = missions().get(mission)
        return (m.framework, m.organisation) if m else ("other", None)
    if pkey[0] == "company":
        return PMC, None
    orgs = organisations()
    if pkey[0] == "igo":
        return orgs.get(provider.name, "other"), provider.name
    text = " ".join(e.evidence.text for e in events)
    named = [o for o, fw in orgs.items() if fw == "regional" and re.search(rf"\b{re.escape(o)}\b", text)]
    if named or _REGIONAL.search(text):
        return "regional", named[0] if named else None
    return "bilateral", None


def _area(events: list[Event]) -> str | None:
    admin, places = Counter(), Counter()
    for e in sorted(events, key=when):  # Counter keeps insertion order: ties go to the earliest named
        loc = e.location
        if loc is None or loc.precision == "country":
            continue
        if loc.precision in ("admin1", "region"):
            admin[loc.name] += 1
        elif loc.admin1:
            admin[loc.admin1] += 1
        else:
            places[loc.name] += 1
    best = admin or places
    return best.most_common(1)[0][0] if best else None


def _troops(events: list[Event]) -> tuple[int | None, int | None, int | None, int | None]:
    with_n = sorted((e for e in events if e.quantities.get("troops")), key=when)
    if not with_n:
        return None, None, None, None
    latest = with_n[-1]
    peak = max(reversed(with_n), key=lambda e: e.quantities["troops"])
    return (int(latest.quantities["troops"]), getattr(latest, "id", None),
            int(peak.quantities["troops"]), getattr(peak, "id", None))


def _build(pkey, provider: Actor, host: str, mission: str | None, events: list[Event], requested: bool) -> Deployment:
    events = sorted(events, key=when)
    roles = defaultdict(list)
    for e in events:
        roles[role(e)].append(e)
    act, end = roles["active"], roles["end"]
    if end and (not act or when(end[-1]) >= when(act[-1])):
        status, basis = "ended", roles["active"] + roles["announced"] + roles["planned"]
    elif act or roles["end_planned"]:
        status, basis = "active", act
    else:
        status = next(s for s in ("announced", "planned", "alleged") if roles[s])
        basis = roles["announced"] + roles["planned"] if status != "alleged" else roles["alleged"]
    troops = _troops(basis)
    if troops[0] is None:
        troops = _troops([e for e in events if e.type == "DEPLOY"])
    framework, org = _framework(pkey, provider, mission, events)
    # A request may come long before any troops: the deployment is first reported by its own evidence.
    reported = [e.date or getattr(e, "document_published", None) for e in events if e.type != "REQUEST"]
    return Deployment(
        provider=provider, host=host, area=_area([e for e in events if e.type != "REQUEST"]), status=status,
        first_reported=next((r for r in reported if r), None),
        last_reported=next((r for r in reversed(reported) if r), None),
        latest_troops=troops[0], latest_troops_event_id=troops[1], peak_troops=troops[2],
        peak_troops_event_id=troops[3], framework=framework,
        evidence=[e.id for e in events if getattr(e, "id", 0)], evidence_events=events,
        mission=mission, organisation=org, requested=requested)


def _matcher(text: str, found: list[Deployment]) -> Callable[[Deployment], bool]:
    """Provider filter: an ISO3 or country name (the state and companies from it), else an actor name."""
    iso = country_iso3(text)
    if iso:
        return lambda d: d.provider.country == iso
    names = {fold(text)}
    actor = registry_actor(text)
    if actor is not None:
        names.add(fold(actor.name))
    exact = [d for d in found if fold(d.provider.name) in names]
    if exact or actor is not None:
        return lambda d: fold(d.provider.name) in names
    partial = re.compile(rf"\b{re.escape(fold(text))}")
    if any(partial.search(fold(d.provider.name)) for d in found):
        return lambda d: bool(partial.search(fold(d.provider.name)))
    known = sorted({d.provider.name for d in found})
    raise NotFound(f"unknown provider {text!r}",
                   f"give an ISO3 code or a country name, or one of: {', '.join(known) or '(no deployments yet)'}")


def deployments(events: Sequence[Event], provider: str | None = None, host: str | None = None) -> list[Deployment]:
    """The registry from DEPLOY / WITHDRAW / presence / REQUEST events; filters take ISO3 codes or names."""
    host_iso = None
    if host:
        host_iso = country_iso3(host)
        if host_iso is None:
            raise NotFound(f"unknown host country {host!r}", "give an ISO3 code (COD) or a country name (DR Congo)")
    groups: dict[tuple, list[Event]] = defaultdict(list)
    providers: dict[tuple, Actor] = {}
    requests: list[Event] = []
    trail_only: list[tuple[tuple, Event]] = []  # says nothing of the status (a denied act): kept as evidence
    for e in events:
        if e.type == "REQUEST":
            requests.append(e)
        for pkey, actor, h in _candidates(e):
            k = (pkey, h, _mission_of(e, pkey, actor))
            if role(e) is None:
                trail_only.append((k, e))
                continue
            groups[k].append(e)
            providers.setdefault(k, actor)
    for k, e in trail_only:
        if k in groups:
            groups[k].append(e)
    requested = set()
    for r in requests:  # host (actor1) asks provider (actor2): attach to every deployment of that pair
        p = _provider(r.actor2)
        if p and r.actor1 is not None and r.actor1.country:
            for k in groups:
                if k[0] == p[0] and k[1] == r.actor1.country:
                    groups[k].append(r)
                    requested.add(k)
    found = [_build(k[0], providers[k], k[1], k[2], evs, k in requested) for k, evs in groups.items()]
    found.sort(key=lambda d: (fold(d.provider.name), d.host, d.mission or ""))
    if provider:
        keep = _matcher(provider, found)
        found = [d for d in found if keep(d)]
    if host_iso:
        found = [d for d in found if d.host == host_iso]
    return found
