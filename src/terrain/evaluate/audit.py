"""Where a gold file's misses and false events fall, so they can be read by kind (each round's first step on the
set it reads, docs/extraction.md):

* a required fact missed has no event at all in its sentence, only events of other types there, or an event of
  its type there with the wrong doer, other party or country (named, e.g. "wrong actor2, country");
* an event that matches no fact sits in a sentence with no gold fact, beside facts of other types only, beside a
  fact of its type that another event found (the same happening told twice), or beside one with other parties.

A sentence is an event's when either evidence text contains the other (gold evidence is the plain sentence).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from terrain.evaluate.gold import GoldFact, assign
from terrain.evaluate.matching import same_actor
from terrain.records import Event

NO_EVENT = "no event in its sentence"
OTHER_TYPES = "events of other types only"
NO_FACT = "no fact in its sentence"
OTHER_FACTS = "facts of other types only"
TOLD_TWICE = "beside a fact of its type found by another event"
OTHER_PARTIES = "beside a fact of its type with other parties"


@dataclass
class Audit:
    misses: Counter = field(default_factory=Counter)
    false_events: Counter = field(default_factory=Counter)
    missed: dict[str, list[tuple[GoldFact, Event | None]]] = field(default_factory=dict)  # by category
    false: dict[str, list[Event]] = field(default_factory=dict)


def audit(gold: dict[str, list[GoldFact]], events: Iterable[Event]) -> Audit:
    by_doc: dict[str, list[Event]] = {}
    for e in events:
        by_doc.setdefault(e.doc_id, []).append(e)
    out = Audit()
    for doc_id, facts in gold.items():
        evs = by_doc.get(doc_id, [])
        pairs = assign(facts, evs)
        found, used = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, fact in enumerate(facts):
            if not fact.optional and i not in found:
                category, near = _miss(fact, [e for e in evs if _same_sentence(fact.evidence, e)])
                out.misses[category] += 1
                out.missed.setdefault(category, []).append((fact, near))
        for j, e in enumerate(evs):
            if j not in used:
                here = [(i, f) for i, f in enumerate(facts) if _same_sentence(f.evidence, e)]
                category = _false(e, here, found)
                out.false_events[category] += 1
                out.false.setdefault(category, []).append(e)
    return out


def _same_sentence(evidence: str, e: Event) -> bool:
    text = e.evidence.text if e.evidence else ""
    return bool(text) and (evidence.strip() in text or text in evidence)


def _miss(fact: GoldFact, here: list[Event]) -> tuple[str, Event | None]:
    if not here:
        return NO_EVENT, None
    typed = [e for e in here if e.type == fact.type]
    if not typed:
        return OTHER_TYPES, here[0]
    best = max(typed, key=lambda e: sum(_checks(fact, e).values()))
    wrong = [name for name, ok in _checks(fact, best).items() if not ok]
    return "wrong " + ", ".join(wrong) if wrong else "the same event, taken by another fact", best


def _checks(fact: GoldFact, e: Event) -> dict[str, bool]:
    return {"actor1": same_actor(fact.actor1, e.actor1),
            "actor2": fact.actor2 is None or same_actor(fact.actor2, e.actor2),
            "country": not fact.country or e.place_country == fact.country}


def _false(e: Event, here: list[tuple[int, GoldFact]], found: set[int]) -> str:
    if not here:
        return NO_FACT
    typed = [i for i, f in here if f.type == e.type]
    if not typed:
        return OTHER_FACTS
    return TOLD_TWICE if any(i in found for i in typed) else OTHER_PARTIES
