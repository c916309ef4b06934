"""Relation nodes: actors as the parties of relations and claims.

A country's ``state`` and ``state_forces`` are one node named by the country ("Rwanda" for "Kigali",
"the RDF" and "Rwandan troops"); a person is the actor the registry says they act for (Paul Kagame ->
Rwanda, Corneille Nangaa -> M23), else the state of their country; other actors are nodes by name.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

from terrain.errors import TerrainError
from terrain.records import Actor, Event


@dataclass(frozen=True)
class Node:
    name: str
    kind: str
    country: str | None = None


def _registry() -> Any:
    from terrain.resolve.actors import registry  # imported late: loading it reads actors.yaml

    return registry()


class Canon:
    """Maps actors to relation nodes; ``skip_kinds``/``skip_names`` are no party (civilians)."""

    def __init__(self, events: Iterable[Event] = (), skip_kinds: Iterable[str] = (),
                 skip_names: Iterable[str] = ()):
        self.reg = _registry()
        self.skip_kinds = set(skip_kinds)
        self.skip_names = {n.lower() for n in skip_names}
        seen: dict[str, Counter] = defaultdict(Counter)
        for e in events:
            for a in (e.actor1, e.actor2):
                if a and a.kind == "state" and a.country:
                    seen[a.country][a.name] += 1
        self._seen = {iso: c.most_common(1)[0][0] for iso, c in seen.items()}
        self._states: dict[str, Node] = {}

    def state(self, iso3: str) -> Node:
        if iso3 not in self._states:
            try:
                name = self.reg.state(iso3).name
            except TerrainError:  # not a country code the registry knows: as the events name it
                name = self._seen.get(iso3) or _country_name(iso3)
            self._states[iso3] = Node(name, "state", iso3)
        return self._states[iso3]

    def node(self, actor: Actor | None) -> Node | None:
        if actor is None:
            return None
        if actor.kind in self.skip_kinds or actor.name.lower() in self.skip_names:
            return None
        if actor.kind == "person":
            leads = self.reg.acts_for(actor)  # Kagame -> Rwanda, Nangaa -> M23
            if leads is not None and leads.name != actor.name:
                return self.node(leads)
        if actor.country and actor.kind in ("state", "state_forces", "person"):
            return self.state(actor.country)
        return Node(actor.name, actor.kind, actor.country)

    def resolve(self, text: str, nodes: Iterable[Node]) -> Node:
        """The node an analyst means by ``text``: registry alias, node name or ISO3 code."""
        nodes = list(nodes)
        low = text.strip().lower()
        for n in nodes:
            if n.name.lower() == low or (n.kind == "state" and (n.country or "").lower() == low):
                return n
        match = self.reg.lookup(text)
        node = self.node(match.actor) if match is not None else None
        if node is not None:
            return node
        if len(low) == 3 and low.isalpha() and _country_name(low.upper()) != low.upper():
            return self.state(low.upper())
        raise unknown_actor(text, [n.name for n in nodes])


def _country_name(iso3: str) -> str:
    from terrain.analysis.reference import country_name  # "DR Congo", as the actor registry names it

    return country_name(iso3)


def unknown_actor(text: str, names: list[str]) -> TerrainError:
    from rapidfuzz import process

    close = [m[0] for m in process.extract(text, sorted(set(names)), limit=5, score_cutoff=50)]
    fix = f"did you mean: {', '.join(close)}?" if close else "give an actor or country named in the events"
    return TerrainError(f"unknown actor or country {text!r}", fix)
