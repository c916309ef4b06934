"""Claims and denials as threads: who accuses whom of what, who denies it, and when.

An accusation (ACCUSE), the alleged fact (e.g. SUPPORT Rwanda -> M23, status alleged) and the
denial (DENY) are one thread. The extractor links a DENY or ACCUSE to the fact it answers
(``Event.refers_to``, read back as ``StoredEvent.linked_ids``); where it did not, heuristics join
them: the accused of an ACCUSE is the actor1 of an unestablished fact in the same document, and a
DENY by the accused answers that thread (same document, else within ``WINDOW_DAYS``), its actor2,
where given, being one of the accusers. Actors compare as relation nodes (``relations.Canon``), so
"Kigali", "Rwandan troops" and "Paul Kagame" all answer for Rwanda.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from terrain.analysis.nodes import Canon, Node
from terrain.records import Actor, StoredEvent

SPEECH = ("ACCUSE", "DENY")
UNESTABLISHED = ("alleged", "claimed", "denied", "rumoured")
# A denial a few months after an accusation still answers it: Kigali's rebuttals of the M23
# accusations come weeks to months after each UN Group of Experts report.
WINDOW_DAYS = 180
# An unlinked accusation names its alleged fact in the same or a neighbouring sentence. In the Foreign
# Policy seed, South Africa's anger at Rwanda's Mozambique deployment sits 2,000 characters away from
# "Rwanda's alleged collaboration with M23": joining them by document alone would be wrong.
NEAR_CHARS = 600


@dataclass
class ClaimThread:
    accusers: list[Actor]
    accused: Actor
    allegation: StoredEvent | None  # the alleged fact (earliest report of it), if one was extracted
    accusations: list[StoredEvent] = field(default_factory=list)
    denials: list[StoredEvent] = field(default_factory=list)
    facts: list[StoredEvent] = field(default_factory=list)  # every report of the alleged fact
    first_date: str | None = None
    last_date: str | None = None
    status: str = "unanswered"  # "denied" once any denial answers it

    @property
    def events(self) -> list[StoredEvent]:
        return self.accusations + self.facts + self.denials


def when(e: StoredEvent) -> str | None:
    return e.date or e.document_published


def _day(d: str | None) -> date | None:
    if not d:
        return None
    parts = (d.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:  # a malformed date joins no thread by time
        return None


@dataclass
class _Draft:
    accused: Node
    facts: list[StoredEvent] = field(default_factory=list)
    accusations: list[StoredEvent] = field(default_factory=list)
    denials: list[StoredEvent] = field(default_factory=list)

    def ids(self) -> set[int]:
        return {e.id for e in self.facts + self.accusations + self.denials}

    def add_facts(self, facts: list[StoredEvent]) -> None:
        have = {f.id for f in self.facts}
        for f in facts:
            if f.id not in have:
                have.add(f.id)
                self.facts.append(f)

    def docs(self) -> set[str]:
        return {e.doc_id for e in self.facts + self.accusations + self.denials}

    def dates(self) -> list[str]:
        return sorted(d for e in self.facts + self.accusations + self.denials if (d := when(e)))


def claims(events: Iterable[StoredEvent], actor: str | None = None) -> list[ClaimThread]:
    """Threads of accusation, alleged fact and denial; those involving ``actor`` when given."""
    events = list(events)
    canon = Canon(events)
    by_id = {e.id: e for e in events}
    node = canon.node
    drafts: dict[tuple, _Draft] = {}

    def fact_draft(f: StoredEvent) -> _Draft:
        # The same alleged fact reported by several documents is one thread (SUPPORT Rwanda -> M23).
        a1, a2 = node(f.actor1), node(f.actor2)
        key = ("fact", f.type, a1.name if a1 else None, a2.name if a2 else None)
        return drafts.setdefault(key, _Draft(a1 or Node("unknown", "other")))

    back: dict[int, list[StoredEvent]] = {}  # links read both ways: DENY -> fact or fact -> DENY
    by_doc: dict[str, list[StoredEvent]] = {}
    for e in events:
        by_doc.setdefault(e.doc_id, []).append(e)
        for i in e.linked_ids:
            back.setdefault(i, []).append(e)

    def linked(e: StoredEvent) -> list[StoredEvent]:
        out = [by_id[i] for i in e.linked_ids if i in by_id] + back.get(e.id, [])
        return list({o.id: o for o in out if o is not e}.values())

    accusations = [e for e in events if e.type == "ACCUSE" and node(e.actor2) and node(e.actor1) != node(e.actor2)]
    denials = [e for e in events if e.type == "DENY" and node(e.actor1)]
    # 1. Accusations: to their linked fact, else to an unestablished fact in the same document whose
    #    actor1 is the accused (the nearest one in the text), else a thread of their own per document.
    for acc in accusations:
        accused = node(acc.actor2)
        # A link is trusted when it agrees: the fact's actor1 is the accused (a misread actor is not).
        facts = [f for f in linked(acc) if f.type not in SPEECH and node(f.actor1) == accused]
        if not facts:
            cands = [f for f in by_doc[acc.doc_id] if f.type not in SPEECH and _near(f, acc)
                     and f.status in UNESTABLISHED and node(f.actor1) == accused]
            cands.sort(key=lambda f: abs(f.evidence.start - acc.evidence.start))
            facts = cands[:1]
        if facts:
            d = fact_draft(facts[0])
            d.add_facts(facts)
        else:
            d = drafts.setdefault(("doc", accused.name, acc.doc_id), _Draft(accused))
        d.accusations.append(acc)
    # 2. Denials: to the thread of their linked fact or accusation, else by the heuristics.
    for den in denials:
        denier, target = node(den.actor1), node(den.actor2)
        d = None
        for other in linked(den):
            answered = other.actor2 if other.type == "ACCUSE" else other.actor1
            if other.type == "DENY" or node(answered) != denier:
                continue
            d = next((x for x in drafts.values() if other.id in x.ids()), None)
            d = d or (fact_draft(other) if other.type != "ACCUSE" else None)
            if d is not None:
                if other.type not in SPEECH:
                    d.add_facts([other])
                break
        if d is None:
            d = _best_thread(den, denier, target, drafts.values(), node)
        if d is None:
            d = drafts.setdefault(("denial", denier.name, den.doc_id), _Draft(denier))
        d.denials.append(den)
    # 3. Other reports of an alleged fact already in a thread join it (its history, first date).
    for f in events:
        if f.type not in SPEECH and f.status in UNESTABLISHED:
            a1, a2 = node(f.actor1), node(f.actor2)
            d = drafts.get(("fact", f.type, a1.name if a1 else None, a2.name if a2 else None))
            if d is not None:
                d.add_facts([f])
    threads = [_finish(d) for d in drafts.values() if d.accusations or d.denials]
    if actor:
        focus = canon.resolve(actor, {n for t in threads for n in _nodes(t, node)})
        threads = [t for t in threads if focus in _nodes(t, node)]
    threads.sort(key=lambda t: (t.last_date or "", t.first_date or ""), reverse=True)
    return threads


def _near(a: StoredEvent, b: StoredEvent) -> bool:
    if a.evidence.text == b.evidence.text:
        return True
    if min(a.evidence.start, b.evidence.start) < 0:  # offsets unknown: same sentence only
        return False
    return abs(a.evidence.start - b.evidence.start) <= NEAR_CHARS


def _best_thread(den, denier, target, drafts, node) -> _Draft | None:
    """The thread a denial without links answers: the accused denies, in the same document first,
    else the thread nearest in time within the window; its addressee must be one of the accusers."""
    best, best_gap = None, None
    for d in drafts:
        if d.accused != denier:
            continue
        accusers = {node(a.actor1) for a in d.accusations}
        if target is not None and accusers and target not in accusers:
            continue
        if den.doc_id in d.docs():
            return d
        day, days = _day(when(den)), [_day(x) for x in d.dates()]
        if day is None or not days:
            continue
        gap = min(abs((day - x).days) for x in days if x)
        if gap <= WINDOW_DAYS and (best_gap is None or gap < best_gap):
            best, best_gap = d, gap
    return best


def _nodes(t: ClaimThread, node) -> set[Node]:
    out = {node(t.accused)} | {node(a) for a in t.accusers}
    for f in t.facts:
        out |= {node(f.actor1), node(f.actor2)}
    return out - {None}


def _finish(d: _Draft) -> ClaimThread:
    accusers: list[Actor] = []
    for a in d.accusations:
        if a.actor1 and a.actor1 not in accusers:
            accusers.append(a.actor1)
    facts = sorted(d.facts, key=lambda f: (when(f) or "9999", f.id))
    dates = d.dates()
    return ClaimThread(
        accusers=accusers, accused=Actor(d.accused.name, d.accused.kind, d.accused.country),
        allegation=facts[0] if facts else None, accusations=d.accusations, denials=d.denials,
        facts=facts, first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
        status="denied" if d.denials else "unanswered")


def to_record(t: ClaimThread) -> dict:
    """The thread as JSON-ready data (events as their export records, with ids)."""
    return {"accused": t.accused.to_record(), "accusers": [a.to_record() for a in t.accusers],
            "allegation": t.allegation.to_record() if t.allegation else None, "status": t.status,
            "first_date": t.first_date, "last_date": t.last_date,
            "accusations": [e.to_record() for e in t.accusations], "denials": [e.to_record() for e in t.denials],
            "facts": [e.to_record() for e in t.facts]}


def describe(t: ClaimThread) -> str:
    """A one-paragraph account of a thread for the CLI: who says what about whom, who denies it."""
    who = ", ".join(a.name for a in t.accusers) or "(no accusation extracted)"
    what = t.allegation
    fact = (f"{what.type} {what.actor1.name if what.actor1 else '?'} → "
            f"{what.actor2.name if what.actor2 else '?'} ({what.status})") if what else "(no alleged fact extracted)"
    span = " to ".join(dict.fromkeys(x for x in (t.first_date, t.last_date) if x)) or "undated"
    lines = [f"{t.accused.name} — {t.status.upper()} [{span}]", f"  accusers: {who}", f"  allegation: {fact}"]
    for label, evs in (("accuses", t.accusations), ("denies", t.denials)):
        for e in evs:
            lines.append(f"  {when(e) or 'undated'} {e.actor1.name if e.actor1 else '?'} {label} "
                         f"#{e.id} ({e.document_source or e.doc_id}): “{e.evidence.text}”")
    return "\n".join(lines)
