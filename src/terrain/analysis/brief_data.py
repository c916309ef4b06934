"""What a brief says, before it is rendered: figures, tables and charts, each cited to its sources.

Every number carries footnote marks; a footnote is one event's document (title, source, date) and
its verbatim evidence sentence, or a reference table's citation (force sizes). ``Notes`` numbers
them in order of first citation, so a count over many events reads as a range ("[4–11]").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from terrain.analysis import brief_charts as charts
from terrain.analysis.claims import claims
from terrain.analysis.nodes import Canon, Node
from terrain.analysis.relations import event_period, month_index, period_key, relations
from terrain.records import VIOLENT_TYPES, StoredEvent

TOP_COUNTERPARTS = 6
TIMELINE_ROWS = 25
CHART_MONTHS = 72  # the relations chart shows the last six years
MAP_SPAN = (30.0, 35.0)  # degrees of latitude, longitude from the median event: Africa and its shores


@dataclass
class Notes:
    items: list[dict[str, Any]] = field(default_factory=list)
    _index: dict[Any, int] = field(default_factory=dict)

    def _add(self, key: Any, note: dict[str, Any]) -> int:
        if key not in self._index:
            blank = dict.fromkeys(("reference", "title", "source", "date", "published", "evidence",
                                   "event_id", "doc_id", "type"))
            self.items.append({**blank, "n": len(self.items) + 1, **note})
            self._index[key] = len(self.items)
        return self._index[key]

    def cite(self, events: Iterable[Any]) -> list[int]:
        out = []
        for e in events:
            if e is None:
                continue
            out.append(self._add(("event", e.id), {
                "title": e.document_title or e.doc_id, "source": e.document_source,
                "date": e.date or e.document_published, "published": e.document_published,
                "evidence": e.evidence.text, "event_id": e.id, "doc_id": e.doc_id, "type": e.type}))
        return sorted(set(out))

    def cite_reference(self, text: str) -> list[int]:
        return [self._add(("ref", text), {"reference": text})]


def ranges(nums: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(nums)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


@dataclass
class Subject:
    name: str
    node: Node
    iso3: str | None  # set when the subject is a country

    def involves(self, e: StoredEvent, canon: Canon) -> bool:
        if self.node.name in {n.name for n in (canon.node(e.actor1), canon.node(e.actor2)) if n}:
            return True
        return bool(self.iso3) and self.iso3 in (e.country, e.location.country if e.location else None)


def _num(v: float | None) -> str:
    return "—" if v is None else f"{v:,.0f}"


def build(events: list[StoredEvent], subject: Subject, canon: Canon, since: str | None) -> dict[str, Any]:
    """The brief's content for ``subject`` from all ``events`` (the store's, filtered by ``since``)."""
    from terrain.analysis.merge import merge_events

    notes = Notes()
    mine = [e for e in events if subject.involves(e, canon)]
    merged = merge_events(mine)
    periods = sorted({p for e in mine if (p := event_period(e)) != "undated"}, key=period_key)
    ctx: dict[str, Any] = {"subject": subject.name, "since": since, "n_reports": len(mine),
                           "n_documents": len({e.doc_id for e in mine}), "n_happenings": len(merged),
                           "first": periods[0] if periods else None, "last": periods[-1] if periods else None}
    by_type = Counter(m.type for m in merged)
    ctx["by_type"] = [{"type": t, "count": n, "marks": notes.cite(x for m in merged if m.type == t
                                                                  for x in m.members)}
                      for t, n in by_type.most_common()]
    deadly = [m for m in merged if m.quantities.get("fatalities")]
    ctx["deployments"] = _deployments(events, subject, canon, notes)
    summary = [
        {"label": "Happenings reported", "value": _num(len(merged)),
         "detail": f"{len(mine)} reports in {ctx['n_documents']} documents",
         "marks": notes.cite(m.members[0] for m in merged)},
        {"label": "Fatalities reported", "value": _num(sum(m.quantities["fatalities"] for m in deadly)),
         "detail": f"in {len(deadly)} violent events (latest figure per event)",
         "marks": notes.cite(x for m in deadly for x in m.members if x.quantities.get("fatalities"))},
        {"label": "Deployments involving " + subject.name, "value": _num(len(ctx["deployments"])),
         "detail": ", ".join(f"{n} {s}" for s, n in Counter(d["status"] for d in ctx["deployments"]).items())
         or "none reported", "marks": sorted({n for d in ctx["deployments"] for n in d["marks"]})},
    ]
    ctx["relations"], rel_chart = _relations(events, subject, notes)
    if ctx["relations"]:
        top = ctx["relations"][0]
        summary.append({"label": "Top counterpart", "value": top["name"], "text": True,
                        "detail": f"score now {top['now']:+.1f}, from {top['n_events']} events",
                        "marks": top["marks"]})
    ctx["summary"] = summary
    ctx["claims"] = _claims(events, subject, canon, notes)
    ctx["timeline"] = _timeline(merged, canon, notes)
    ctx["charts"] = {"overstretch": _overstretch(events, subject, ctx["deployments"], notes),
                     "relations": rel_chart, "map": _map(merged, subject, ctx["deployments"])}
    ctx["notes"] = notes.items
    return ctx


def _deployments(events, subject: Subject, canon: Canon, notes: Notes) -> list[dict[str, Any]]:
    from terrain.analysis.deployments import deployments

    by_id = {e.id: e for e in events}
    rows = []
    for d in deployments(events):
        provider = canon.node(d.provider) or Node(d.provider.name, d.provider.kind, d.provider.country)
        if subject.node.name != provider.name and (not subject.iso3 or d.host != subject.iso3):
            continue
        evidence = list(getattr(d, "evidence_events", None) or [by_id[i] for i in d.evidence if i in by_id])
        rows.append({
            "provider": provider.name, "host": canon.state(d.host).name if d.host else "—",
            "host_iso3": d.host, "area": d.area or "", "status": d.status,
            "framework": d.framework or "", "first": d.first_reported or "undated",
            "last": d.last_reported or "undated",
            "latest": _num(d.latest_troops), "latest_marks": notes.cite([by_id.get(d.latest_troops_event_id)]),
            "peak": _num(d.peak_troops), "peak_marks": notes.cite([by_id.get(d.peak_troops_event_id)]),
            "marks": notes.cite(evidence), "provider_iso3": provider.country if provider.kind == "state" else None,
        })
    order = {"active": 0, "announced": 1, "planned": 2, "ended": 3}
    return sorted(rows, key=lambda r: (order.get(r["status"], 9), r["provider"], r["host"]))


def _relations(events, subject: Subject, notes: Notes) -> tuple[list[dict[str, Any]], bytes | None]:
    report = relations(events)
    by_id = {e.id: e for e in events}
    # The counterparts with most to go on (events, then weight), shown by their score now.
    pairs = [p for p in report.pairs if subject.node.name in (p.a.name, p.b.name)]
    pairs = sorted(pairs, key=lambda p: (-p.n_events, -abs(p.score)))[:TOP_COUNTERPARTS]
    pairs.sort(key=lambda p: -abs(p.current))
    rows = [{"name": p.other(subject.node.name).name, "score": p.score, "now": p.current,
             "n_events": p.n_events, "last": p.last_period,
             "shifts": [f"{s.period}: {s.before:+.1f} → {s.after:+.1f}" for s in p.shifts],
             "marks": notes.cite(by_id[i] for i in p.event_ids if i in by_id)} for p in pairs]
    if not rows:
        return rows, None
    end = max((m for p in pairs for s in p.periods if (m := month_index(s.period)) is not None), default=None)
    series = {}
    for p in [p for p in pairs if any(x.period != "undated" for x in p.periods)][:5]:
        hits = {month_index(s.period) for s in p.periods}
        # The last CHART_MONTHS only: a line from 1994 flattens the years an analyst reads the brief for.
        series[p.other(subject.node.name).name] = [(m, v, m in hits) for m, v in p.monthly(until=end)
                                                   if m > end - CHART_MONTHS]
    chart = charts.relations_chart([(r["name"], r["now"]) for r in rows], series, subject.name)
    return rows, chart


def _claims(events, subject: Subject, canon: Canon, notes: Notes) -> list[dict[str, Any]]:
    out = []
    for t in claims(events):
        involved = {canon.node(t.accused)} | {canon.node(a) for a in t.accusers}
        if t.allegation is not None:
            involved |= {canon.node(t.allegation.actor1), canon.node(t.allegation.actor2)}
        if subject.node.name not in {n.name for n in involved if n}:
            continue
        a = t.allegation
        out.append({"accused": t.accused.name, "accusers": ", ".join(x.name for x in t.accusers) or "—",
                    "allegation": f"{a.type.lower()} {a.actor1.name if a.actor1 else '?'} → "
                                  f"{a.actor2.name if a.actor2 else '?'} ({a.status})" if a else "—",
                    "status": t.status, "first": t.first_date or "undated", "last": t.last_date or "undated",
                    "accusation_marks": notes.cite(t.accusations + t.facts),
                    "denial_marks": notes.cite(t.denials)})
    return out


def _timeline(merged, canon: Canon, notes: Notes) -> list[dict[str, Any]]:
    def weight(m) -> tuple:
        return (m.source_count, m.quantities.get("fatalities", 0) + m.quantities.get("troops", 0))

    def published(m) -> str | None:
        return min((x.document_published for x in m.members if x.document_published), default=None)

    # Undated happenings sit at their report's publication date ("by then"); unpublished ones last.
    key = sorted(merged, key=weight, reverse=True)[:TIMELINE_ROWS]
    key.sort(key=lambda m: (not (m.date or published(m)), m.date or published(m) or "", m.type, m.key))
    rows = []
    for m in key:
        figures = []
        for q in ("fatalities", "troops", "displaced", "abducted", "money_usd"):
            if q in m.quantities:
                lo, hi = m.quantity_ranges.get(q, (m.quantities[q],) * 2)
                rng = f" (reported {_num(lo)}–{_num(hi)})" if lo != hi else ""
                figures.append(f"{q.replace('_usd', ' (USD)')}: {_num(m.quantities[q])}{rng}")
        pub = published(m)
        place = m.location.name if m.location else (canon.state(m.country).name if m.country else "")
        rows.append({"date": m.date or (f"by {pub}" if pub else "undated"),
                     "type": m.type, "violent": m.type in VIOLENT_TYPES, "status": m.status,
                     "who": f"{m.actor1.name if m.actor1 else '?'}" + (f" → {m.actor2.name}" if m.actor2 else ""),
                     "place": place, "figures": "; ".join(figures), "sources": m.source_count,
                     "marks": notes.cite(m.members)})
    return rows


def _overstretch(events, subject: Subject, deps: list[dict[str, Any]], notes: Notes) -> dict[str, Any] | None:
    from terrain.analysis.overstretch import overstretch

    loads = [x for x in overstretch(events) if x.active_personnel and x.share is not None]
    if not loads:
        return None
    focus = {subject.iso3} if subject.iso3 else set()
    focus |= {d["provider_iso3"] for d in deps if d["provider_iso3"] and d["host_iso3"] == subject.iso3}
    focus |= {subject.node.country} if subject.node.kind == "state" else set()
    # Providers with a figure (and the subject's own bar, even at zero): a row of 0.0 % says nothing.
    bars = [(x.name, x.share, x.provider in focus) for x in loads if x.share or x.provider == subject.iso3]
    main = next((x for x in loads if x.provider == subject.iso3), None) or \
        next((x for x in sorted(loads, key=lambda x: -x.share) if x.provider in focus), loads[0])
    timeline = [(t[0], t[2]) for t in main.timeline if t[2] is not None]
    end = max((p for e in events if (p := event_period(e)) != "undated"), key=period_key, default=None)
    if timeline and end and end > timeline[-1][0]:
        timeline.append((end, timeline[-1][1]))  # the share holds until the latest report
    who = main.name
    marks = notes.cite_reference(f"Active military personnel of {who}: {main.active_personnel:,} "
                                 f"({main.personnel_year}; {main.personnel_source})")
    marks += [n for d in deps if d["provider"] == who and d["status"] == "active" for n in d["latest_marks"]]
    if main.deployed:
        caption = (f"{who}: at least {main.deployed:,} troops reported deployed abroad, {main.share * 100:.1f}% "
                   f"of {main.active_personnel:,} active personnel")
        if main.n_without_figures:
            caption += (f"; {main.n_without_figures} of its {main.n_deployments} active deployments carry no "
                        "troop figure, so the share is a floor")
    else:
        caption = (f"{who}: no troop figure is reported for its {main.n_deployments} active deployment(s), so "
                   f"no deployed share can be given (active personnel {main.active_personnel:,})")
    drawn = any(b[1] for b in bars)
    return {"png": charts.overstretch_chart(bars, timeline, who) if drawn else None, "who": who,
            "caption": caption + ".", "marks": sorted(set(marks))}


def centroid(iso3: str) -> tuple[float, float] | None:
    """The country's centroid from the gazetteer; None for a code that is no country."""
    from terrain.errors import TerrainError
    from terrain.resolve.gazetteer import gazetteer

    try:
        loc = gazetteer().country(iso3)
    except TerrainError:
        return None
    return (loc.lat, loc.lon) if loc.lat is not None and loc.lon is not None else None


def _map(merged, subject: Subject, deps: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The map's points (place, else country centroid) and country labels, most events first. Points
    far from the bulk (a statement in Washington) would shrink Africa to a corner: they are counted
    in the caption instead."""
    from statistics import median

    from terrain.analysis.reference import country_name

    points, weight = [], Counter()
    for m in merged:
        loc, iso = m.location, m.country or (m.location.country if m.location else None)
        if loc is not None and loc.lat is not None and loc.lon is not None:
            lat, lon = loc.lat, loc.lon
        elif iso and (c := centroid(iso)):
            lat, lon = c
        else:
            continue
        weight[iso] += 1 if iso else 0
        label = loc.name if loc is not None and loc.precision in ("place", "admin1") else None
        points.append(charts.MapPoint(lat, lon, m.type in VIOLENT_TYPES, label, m.source_count))
    for iso in [subject.iso3, *(d["host_iso3"] for d in deps)]:
        if iso:
            weight[iso] += 1000 if iso == subject.iso3 else 1  # the subject's name always shows
    if not points:
        return None
    centres = [(p.lat, p.lon) for p in points]
    mlat, mlon = median(c[0] for c in centres), median(c[1] for c in centres)
    near = lambda lat, lon: abs(lat - mlat) <= MAP_SPAN[0] and abs(lon - mlon) <= MAP_SPAN[1]  # noqa: E731
    shown = [p for p in points if near(p.lat, p.lon)]
    labels = [(country_name(i), *c) for i, _ in weight.most_common() if i and (c := centroid(i)) and near(*c)]
    return {"png": charts.events_map(shown, labels), "outside": len(points) - len(shown)}
