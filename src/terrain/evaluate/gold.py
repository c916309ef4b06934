"""Score extracted events against a gold file (shared/spec/ONTOLOGY.md, "Gold files").

``load_gold(path)`` reads the file, ``score(gold, events)`` matches and counts, ``evaluate(path, store)``
reads the events of each gold document back from the store (what ``terrain eval`` runs).

Matching (rule of the ontology; "same actor" and compatible kinds in ``matching.py``): a fact is found by
an event of its document with the same type, an actor1 naming the same actor, the same actor2 where gold
has one and the same country where gold has one (the event's, else its location's). BATTLE and AGREE are symmetric (who is named first
carries no meaning), so for them the two actors may also match crosswise.
The assignment is one-to-one and optimal (scipy's Hungarian solver, installed with reverse_geocoder):
it maximises first the number of matched pairs, then the non-optional facts among them, then the
pairs' attribute agreement (location, date, quantities, status, exact names).
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np
from scipy.optimize import linear_sum_assignment

from terrain.errors import InputError, NotFound
from terrain.evaluate.matching import location_name, norm, same_actor, same_date, same_place
from terrain.evaluate.gold_report import GoldReport, format_report
from terrain.records import EVENT_TYPES, QUANTITY_KEYS, Actor, Event, family

__all__ = ["GoldFact", "GoldReport", "evaluate", "format_report", "load_gold", "score"]

SYMMETRIC_TYPES = frozenset({"BATTLE", "AGREE"})
_FIX = "each line is {\"doc_id\": ..., \"facts\": [...]} as in shared/spec/ONTOLOGY.md (Gold files)"


@dataclass(frozen=True)
class GoldFact:
    doc_id: str
    type: str
    actor1: Actor | None
    actor2: Actor | None
    country: str | None = None
    location: str | None = None  # a place name; a location record in the file is reduced to its name
    date: str | None = None
    quantities: dict[str, float] = field(default_factory=dict, hash=False, compare=False)
    status: str = "asserted"
    evidence: str = ""
    optional: bool = False
    line: int = 0  # where it was read: the file line and the position in its "facts"
    index: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "type": self.type, "actor1": _actor(self.actor1),
                "actor2": _actor(self.actor2), "country": self.country, "location": self.location,
                "date": self.date, "quantities": dict(self.quantities), "status": self.status,
                "evidence": self.evidence, "optional": self.optional, "line": self.line,
                "index": self.index}


def _actor(a: Actor | None) -> dict[str, Any] | None:
    return a.to_record() if a else None


def load_gold(path: str | Path) -> dict[str, list[GoldFact]]:
    """The facts of a gold file by doc_id, in file order. Raises InputError naming file:line."""
    path = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, f"cannot read the gold file ({err})", "give the path of a UTF-8 JSON Lines file")
    gold: dict[str, list[GoldFact]] = {}
    for no, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as err:
            raise InputError(path, f"not valid JSON ({err.msg}, column {err.colno})", _FIX, line=no)
        if not isinstance(rec, dict) or not isinstance(rec.get("doc_id"), str) \
                or not isinstance(rec.get("facts"), list):
            raise InputError(path, "a gold line needs a string \"doc_id\" and a list \"facts\"", _FIX, line=no)
        if rec["doc_id"] in gold:
            raise InputError(path, f"doc_id {rec['doc_id']!r} appears twice", "merge its facts into one line",
                             line=no)
        gold[rec["doc_id"]] = [_fact(rec["doc_id"], f, i, path, no) for i, f in enumerate(rec["facts"])]
    return gold


def _fact(doc_id: str, rec: Any, i: int, path: str, line: int) -> GoldFact:
    where = f"fact {i}"
    if not isinstance(rec, dict):
        raise InputError(path, f"{where} is not an object", _FIX, line=line)
    if rec.get("type") not in EVENT_TYPES:
        raise InputError(path, f"{where}: unknown type {rec.get('type')!r}",
                         f"use one of {', '.join(EVENT_TYPES)}", line=line)
    actors = []
    for key in ("actor1", "actor2"):
        a = rec.get(key)
        if a is not None and not (isinstance(a, dict) and isinstance(a.get("name"), str)):
            raise InputError(path, f"{where}: {key} must be null or {{\"name\", \"kind\", \"country\"}}",
                             _FIX, line=line)
        actors.append(Actor.from_record(a))
    if actors[0] is None:
        raise InputError(path, f"{where}: actor1 is missing", "every gold fact names who acted", line=line)
    quantities = rec.get("quantities") or {}
    if not isinstance(quantities, dict) or not all(isinstance(v, (int, float)) for v in quantities.values()):
        raise InputError(path, f"{where}: quantities must map names to numbers", _FIX, line=line)
    evidence = rec.get("evidence") or ""
    if isinstance(evidence, dict):
        evidence = evidence.get("text", "")
    return GoldFact(doc_id=doc_id, type=rec["type"], actor1=actors[0], actor2=actors[1],
                    country=rec.get("country"), location=location_name(rec.get("location")),
                    date=rec.get("date"), quantities={k: float(v) for k, v in quantities.items()},
                    status=rec.get("status") or "asserted", evidence=str(evidence),
                    optional=bool(rec.get("optional")), line=line, index=i)


def fact_matches(fact: GoldFact, ev: Event) -> bool:
    """The ontology's matching rule (see the module doc)."""
    if ev.type != fact.type or (fact.country and ev.place_country != fact.country):
        return False
    if same_actor(fact.actor1, ev.actor1) and (fact.actor2 is None or same_actor(fact.actor2, ev.actor2)):
        return True
    return fact.type in SYMMETRIC_TYPES and fact.actor2 is not None \
        and same_actor(fact.actor1, ev.actor2) and same_actor(fact.actor2, ev.actor1)


def same_quantities(gold: dict[str, float], ext: dict[str, float]) -> bool:
    """Each gold quantity extracted with the same value, and no ontology quantity that gold lacks."""
    if any(k not in ext or float(ext[k]) != float(v) for k, v in gold.items()):
        return False
    return not any(k in ext and k not in gold for k in QUANTITY_KEYS)


def attribute_checks(fact: GoldFact, ev: Event) -> dict[str, bool]:
    """The accuracy measures over a matched pair."""
    return {"location": same_place(fact.location, ev.location), "date": same_date(fact.date, ev.date),
            "quantities": same_quantities(fact.quantities, ev.quantities or {}),
            "status": ev.status == fact.status}


def _weight(fact: GoldFact, ev: Event) -> float:
    if not fact_matches(fact, ev):
        return 0.0
    quality = sum(attribute_checks(fact, ev).values())
    quality += sum(bool(g and e and norm(g.name) == norm(e.name))
                   for g, e in ((fact.actor1, ev.actor1), (fact.actor2, ev.actor2)))
    return 1e6 + (0 if fact.optional else 1e3) + quality


def assign(facts: list[GoldFact], events: list[Event]) -> list[tuple[int, int]]:
    """Optimal one-to-one (fact index, event index) pairs of one document."""
    if not facts or not events:
        return []
    w = np.array([[_weight(f, e) for e in events] for f in facts])
    rows, cols = linear_sum_assignment(w, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if w[r, c] > 0]


def score(gold: dict[str, list[GoldFact]], events: Iterable[Event], missing_docs: Iterable[str] = (),
          source: str = "") -> GoldReport:
    """Match ``events`` to ``gold`` document by document. Events of documents not in gold are ignored."""
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        if ev.doc_id in gold:
            by_doc[ev.doc_id].append(ev)
    rep = GoldReport(source=source, documents=len(gold), missing_docs=list(missing_docs))
    for doc_id, facts in gold.items():
        evs = by_doc.get(doc_id, [])
        pairs = dict(assign(facts, evs))
        matched_events = set(pairs.values())
        for fi, fact in enumerate(facts):
            row = rep.type_row(fact.type)
            fam = rep.by_family.setdefault(family(fact.type), {"n": 0, "found": 0})
            if not fact.optional:
                rep.facts += 1
                row["gold"] += 1
                fam["n"] += 1
            else:
                rep.optional += 1
            if fi in pairs:
                rep.found += not fact.optional
                rep.optional_found += fact.optional
                row["found"] += not fact.optional
                fam["found"] += not fact.optional
                for measure, ok in attribute_checks(fact, evs[pairs[fi]]).items():
                    acc = rep.accuracy.setdefault(measure, {"n": 0, "correct": 0})
                    acc["n"] += 1
                    acc["correct"] += ok
            elif not fact.optional:
                rep.misses.append(fact.to_dict())
        for ei, ev in enumerate(evs):
            row = rep.type_row(ev.type)
            rep.extracted += 1
            row["extracted"] += 1
            if ei in matched_events:
                rep.matched += 1
                row["matched"] += 1
            else:
                rep.false_positives.append(_event_summary(ev))
    return rep


def _event_summary(ev: Event) -> dict[str, Any]:
    return {"doc_id": ev.doc_id, "type": ev.type, "actor1": _actor(ev.actor1), "actor2": _actor(ev.actor2),
            "country": ev.country, "status": ev.status, "evidence": ev.evidence.text if ev.evidence else ""}


def _stored(store: Any, doc_id: str) -> bool:
    try:
        store.document(doc_id)
    except NotFound:
        return False
    return True


def evaluate(gold_path: str | Path, store: Any) -> GoldReport:
    """Score the stored events of each gold document (as reviewed: rejected events left out). A gold
    document missing from the store counts as all missed, with a warning naming it (the fix: ingest it)."""
    from terrain.store import EventFilter

    gold = load_gold(gold_path)
    events: list[Event] = []
    missing = []
    for doc_id in gold:
        if _stored(store, doc_id):
            events.extend(store.events(EventFilter(doc_id=doc_id)))
        else:
            missing.append(doc_id)
    rep = score(gold, events, missing_docs=missing, source=str(gold_path))
    for doc_id in missing:
        n = sum(not f.optional for f in gold[doc_id])
        rep.warnings.append(f"document {doc_id!r} is not in the store: its {n} facts count as missed; "
                            "run `terrain ingest` on it first")
    return rep
