"""Relations over time: a co-operation (+) / hostility (-) score per pair of actors and month.

Each happening (reports merged by ``merge_events``) between two actors scores
``types[type] * status[status]`` from
``terrain/data/relation_weights.yaml`` (documented in docs/relations.md). Actors are canonicalised
first, so that "Rwanda" (state), "Rwandan troops" (state_forces) and "Paul Kagame" (a person acting
for Rwanda) are one node named by the country. A pair's running score decays with a half-life, so a
2021 rapprochement fades by the time of a 2024 border closure and the sign change shows.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from terrain.analysis.nodes import Canon, Node
from terrain.records import Actor, Event, StoredEvent

UNDATED = "undated"


@lru_cache(maxsize=1)
def weights() -> dict[str, Any]:
    """The weights table (types, status multipliers, negative triggers, shift thresholds)."""
    text = resources.files("terrain.data").joinpath("relation_weights.yaml").read_text("utf-8")
    return yaml.safe_load(text)


# --- periods ---------------------------------------------------------------------------------

def event_period(e: Event) -> str:
    """"YYYY-MM" (or "YYYY" for a year-only date): the event's date, else its document's
    publication date, else "undated"."""
    d = e.date or getattr(e, "document_published", None)
    if not d:
        return UNDATED
    return d[:7] if len(d) >= 7 else d[:4]


def period_key(p: str) -> tuple[int, str]:
    # "undated" first; "2020" (year precision) sorts before "2020-01" as a string already.
    return (0, "") if p == UNDATED else (1, p)


def _period(m: Any) -> str:
    """A merged event's period: its earliest date, else its earliest report's publication date."""
    if m.date:
        return m.date[:7] if len(m.date) >= 7 else m.date[:4]
    published = sorted(x.document_published for x in m.members if getattr(x, "document_published", None))
    return event_period(m.members[0]) if not published else published[0][:7]


def month_index(p: str) -> int | None:
    if p == UNDATED:
        return None
    return int(p[:4]) * 12 + (int(p[5:7]) - 1 if len(p) >= 7 else 0)


# --- scoring ---------------------------------------------------------------------------------

def is_negative(e: Event) -> bool:
    """A co-operation event that breaks ties ("suspended cooperation"): see negative_* in the weights."""
    w = weights()
    if e.type not in w["negative_trigger_types"]:
        return False
    if e.trigger:
        lemma, *marks = e.trigger.strip().lower().split(":")
        return w["negative_mark"] in marks or lemma in w["negative_lemmas"]
    text = " " + " ".join((e.evidence.text or "").lower().split())
    return any(f" {p}" in text for p in w["negative_phrases"])


def score(type_: str, actor1: Actor | None, actor2: Actor | None, country: str | None, status: str,
          negative: bool, canon: Canon) -> tuple[Node, Node, float] | None:
    """(actor, counterpart, signed weight), or None when the event relates no two actors."""
    w = weights()
    base = w["types"].get(type_)
    if not base:
        return None
    a, b = canon.node(actor1), canon.node(actor2)
    if type_ in ("DEPLOY", "WITHDRAW"):  # the counterpart is the host state
        if actor2 is None or actor2.kind not in ("state", "state_forces"):
            b = canon.state(country) if country else None
    if a is None or b is None or a.name == b.name:
        return None
    return a, b, (-abs(base) if negative else base) * w["status"].get(status, 1.0)


def score_event(e: Event, canon: Canon) -> tuple[Node, Node, float] | None:
    return score(e.type, e.actor1, e.actor2, e.country, e.status, is_negative(e), canon)


# --- report ----------------------------------------------------------------------------------

@dataclass
class PeriodScore:
    period: str
    score: float  # the sum of this period's event scores
    cumulative: float
    trend: float  # running score with decay (half-life in the weights file)
    event_ids: list[int]


@dataclass
class Shift:
    period: str
    kind: str  # "sign": the running score changed sign; "jump": it moved by more than the threshold
    before: float
    after: float
    event_ids: list[int]


@dataclass
class Pair:
    a: Node
    b: Node
    periods: list[PeriodScore]
    shifts: list[Shift] = field(default_factory=list)
    current: float = 0.0  # the running score decayed to the report's latest month ("now")

    @property
    def score(self) -> float:
        return self.periods[-1].cumulative

    @property
    def trend(self) -> float:
        return self.periods[-1].trend

    @property
    def event_ids(self) -> list[int]:
        return [i for p in self.periods for i in p.event_ids]

    @property
    def n_events(self) -> int:
        return len(self.event_ids)

    @property
    def last_period(self) -> str:
        return self.periods[-1].period

    def monthly(self, until: int | None = None) -> list[tuple[int, float]]:
        """(month index, decayed running score) for every month from the pair's first dated period
        to ``until`` (default: its last); undated scores count from the first month."""
        months = [m for p in self.periods if (m := month_index(p.period)) is not None]
        if not months:
            return []
        by = defaultdict(float)
        for p in self.periods:
            by[month_index(p.period) if p.period != UNDATED else months[0]] += p.score
        decay = 0.5 ** (1 / weights()["half_life_months"])
        out, trend = [], 0.0
        for m in range(months[0], max(until or months[-1], months[-1]) + 1):
            trend = trend * decay + by.get(m, 0.0)
            out.append((m, _r(trend)))
        return out

    def other(self, name: str) -> Node:
        return self.b if self.a.name == name else self.a


@dataclass
class RelationsReport:
    nodes: dict[str, Node]
    pairs: list[Pair]
    actor: Node | None = None
    triads: list[tuple[str, str, str]] = field(default_factory=list)  # (A, B, C): A+B, B-C

    def pair(self, x: str, y: str) -> Pair | None:
        return next((p for p in self.pairs if {p.a.name, p.b.name} == {x, y}), None)


def _r(x: float) -> float:
    return round(x, 2) + 0.0  # + 0.0: no "-0.0"


def _series(items: list[tuple[str, float, list[int]]]) -> tuple[list[PeriodScore], list[Shift]]:
    w = weights()
    half, jump = w["half_life_months"], w["shifts"]["jump"]
    neutral = w["shifts"].get("neutral", 0.5)
    by: dict[str, list[tuple[float, list[int]]]] = defaultdict(list)
    for period, s, ids in items:
        by[period].append((s, ids))
    out: list[PeriodScore] = []
    shifts: list[Shift] = []
    cum = trend = 0.0
    last_m: int | None = None
    for period in sorted(by, key=period_key):
        score = sum(s for s, _ in by[period])
        ids = sorted(i for _, eids in by[period] for i in eids)
        m = month_index(period)
        before = trend * (0.5 ** ((m - last_m) / half) if m is not None and last_m is not None else 1.0)
        cum, trend = cum + score, before + score
        last_m = m if m is not None else last_m
        sign = lambda x: 0 if abs(x) < neutral else math.copysign(1, x)  # noqa: E731
        if period == UNDATED:  # no time, so no shift: it is the starting point
            pass
        elif sign(before) and sign(trend) and sign(before) != sign(trend):
            shifts.append(Shift(period, "sign", _r(before), _r(trend), ids))
        elif abs(score) > jump:
            shifts.append(Shift(period, "jump", _r(before), _r(trend), ids))
        out.append(PeriodScore(period, _r(score), _r(cum), _r(trend), ids))
    return out, shifts


def relations(events: Iterable[StoredEvent], actor: str | None = None) -> RelationsReport:
    """Every pair of actors related by the events (or those of ``actor``), scored per month."""
    from terrain.analysis.merge import merge_events

    events = list(events)
    canon = Canon(events, weights()["skip_kinds"], weights()["skip_names"])
    nodes: dict[str, Node] = {}
    items: dict[tuple[str, str], list[tuple[str, float, list[int]]]] = defaultdict(list)
    # One score per happening, not per report: five outlets reporting one border closure are one closure.
    for m in merge_events(events):
        scored = score(m.type, m.actor1, m.actor2, m.country, m.status,
                       any(is_negative(x) for x in m.members), canon)
        if scored is None:
            continue
        a, b, s = scored
        nodes.setdefault(a.name, a)
        nodes.setdefault(b.name, b)
        items[tuple(sorted((a.name, b.name)))].append((_period(m), s, m.ids))
    pairs = []
    for (x, y), its in items.items():
        periods, shifts = _series(its)
        pairs.append(Pair(nodes[x], nodes[y], periods, shifts))
    end = max((m for p in pairs for s in p.periods if (m := month_index(s.period)) is not None), default=None)
    for p in pairs:
        series = p.monthly(until=end)
        p.current = series[-1][1] if series else p.trend
    pairs.sort(key=lambda p: (-abs(p.current), -p.n_events, p.a.name, p.b.name))
    focus = canon.resolve(actor, nodes.values()) if actor else None
    triads = _triads(pairs, focus)
    if focus is not None:
        pairs = [p for p in pairs if focus.name in (p.a.name, p.b.name)]
        nodes = {n: nodes[n] for p in pairs for n in (p.a.name, p.b.name)} or {focus.name: focus}
    return RelationsReport(nodes, pairs, focus, triads)


def _triads(pairs: list[Pair], focus: Node | None) -> list[tuple[str, str, str]]:
    """A co-operates with B while B is hostile to C: a hint that A and C may drift apart."""
    friends: dict[str, set[str]] = defaultdict(set)
    foes: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        side = friends if p.current >= 1 else foes if p.current <= -1 else None  # clear ties only
        if side is not None:
            side[p.a.name].add(p.b.name)
            side[p.b.name].add(p.a.name)
    out = {(a, b, c) for a in friends for b in friends[a] for c in foes.get(b, ()) if c != a}
    return sorted(t for t in out if focus is None or focus.name in (t[0], t[2]))


# --- exports ---------------------------------------------------------------------------------

def to_json(report: RelationsReport) -> dict[str, Any]:
    """A Cytoscape-friendly graph: {"nodes": [{"data": …}], "edges": [{"data": …}]} with series."""
    nodes = [{"data": {"id": n.name, "label": n.name, "kind": n.kind, "country": n.country}}
             for n in sorted(report.nodes.values(), key=lambda n: n.name)]
    edges = [{"data": {
        "id": f"{p.a.name}--{p.b.name}", "source": p.a.name, "target": p.b.name,
        "score": p.score, "trend": p.trend, "current": p.current, "n_events": p.n_events,
        "last_month": p.last_period,
        "series": [vars(s) for s in p.periods], "shifts": [vars(s) for s in p.shifts],
    }} for p in report.pairs]
    return {"actor": report.actor.name if report.actor else None, "nodes": nodes, "edges": edges,
            "triads": [list(t) for t in report.triads]}


def to_graphml(report: RelationsReport, path: str | Path) -> Path:
    """GraphML (networkx): node attrs kind, country; edge attrs score, trend, n_events, last_month."""
    import networkx as nx

    g = nx.Graph()
    for n in report.nodes.values():
        g.add_node(n.name, kind=n.kind, country=n.country or "")
    for p in report.pairs:
        g.add_edge(p.a.name, p.b.name, score=float(p.score), trend=float(p.trend), current=float(p.current),
                   n_events=p.n_events,
                   last_month=p.last_period, shifts=len(p.shifts),
                   series=json.dumps([[s.period, s.score] for s in p.periods]))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, path)
    return path


def format_report(report: RelationsReport) -> str:
    """One line per pair (score, decayed trend, events, last month) and its shifts, for the CLI."""
    if not report.pairs:
        who = f" for {report.actor.name}" if report.actor else ""
        return f"no relations{who}: no events between two actors"
    lines = []
    for p in report.pairs:
        arrow = "▲" if p.current > 0 else "▼" if p.current < 0 else "="
        lines.append(f"{p.a.name} — {p.b.name}: now {p.current:+.1f} {arrow} (sum {p.score:+.1f}, "
                     f"{p.trend:+.1f} at {p.last_period}), {p.n_events} event(s)")
        for s in p.shifts:
            what = "changes sign" if s.kind == "sign" else "jumps"
            lines.append(f"    shift {s.period}: {what} {s.before:+.1f} → {s.after:+.1f} "
                         f"(events {', '.join(map(str, s.event_ids))})")
    for a, b, c in report.triads[:10]:
        lines.append(f"  triad: {a} co-operates with {b}, which is hostile to {c}")
    return "\n".join(lines)
