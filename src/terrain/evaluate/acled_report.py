"""The ACLED evaluation's counts: per measure, per sub-event type, and the worst-scored notes.

Only ids, types, our own extracted events and a short opening of each worst note are shown (on the
terminal, for a developer to find the row); no ACLED text is written to files by the evaluator.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from terrain.records import Event

MEASURES = ("family", "type", "actors", "country", "location", "fatalities", "date")
CITATION = "ACLED, acleddata.com"
SNIPPET = 60


def _rate(correct: int, n: int) -> float | None:
    return round(correct / n, 4) if n else None


@dataclass
class RowScore:
    row: Any  # terrain.evaluate.acled.AcledRow
    values: dict[str, bool | None]  # None: the measure does not apply to this row
    actors: tuple[int, int]  # (found, gold actors)
    events: list[Event] = field(default_factory=list)

    def counts(self) -> dict[str, tuple[int, int]]:
        """measure -> (correct, n) for this row."""
        out = {m: (int(v), 1) for m, v in self.values.items() if v is not None}
        if self.actors[1]:
            out["actors"] = self.actors
        return out

    @property
    def score(self) -> float:
        """Mean of the measures that apply (actors as the share found)."""
        parts = [c / n for c, n in self.counts().values()]
        return sum(parts) / len(parts) if parts else 0.0


@dataclass
class AcledReport:
    source: str = ""
    seconds: float = 0.0  # extraction time
    documents: int = 0
    events: int = 0
    rows: int = 0  # scored rows
    overall: dict[str, list[int]] = field(default_factory=lambda: {m: [0, 0] for m in MEASURES})
    by_sub: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    sub_rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    scores: list[RowScore] = field(default_factory=list)

    def add(self, rs: RowScore) -> None:
        self.rows += 1
        self.scores.append(rs)
        sub = rs.row.sub_event_type
        self.sub_rows[sub] += 1
        per = self.by_sub.setdefault(sub, {m: [0, 0] for m in MEASURES})
        for m, (correct, n) in rs.counts().items():
            for table in (self.overall, per):
                table[m][0] += correct
                table[m][1] += n

    def rate(self, measure: str) -> float | None:
        correct, n = self.overall[measure]
        return _rate(correct, n)

    def worst(self, k: int) -> list[dict[str, Any]]:
        """The ``k`` lowest-scored rows, one per note."""
        out, seen = [], set()
        for rs in sorted(self.scores, key=lambda s: (s.score, s.row.line)):
            if len(out) >= k:
                break
            if rs.row.doc_id in seen:
                continue
            seen.add(rs.row.doc_id)
            note = " ".join(rs.row.notes.split())
            out.append({"event_id_cnty": rs.row.event_id, "sub_event_type": rs.row.sub_event_type,
                        "accepted": list(rs.row.types), "score": round(rs.score, 3),
                        "failed": [m for m, v in rs.values.items() if v is False]
                        + (["actors"] if rs.actors[0] < rs.actors[1] else []),
                        "extracted": [_event_label(e) for e in rs.events],
                        "snippet": note[:SNIPPET] + ("…" if len(note) > SNIPPET else "")})
        return out

    def to_dict(self, worst: int = 10) -> dict[str, Any]:
        def table(t: dict[str, list[int]]) -> dict[str, Any]:
            return {m: {"n": n, "correct": c, "rate": _rate(c, n)} for m, (c, n) in t.items()}

        return {"source": self.source, "data": CITATION, "rows": self.rows, "documents": self.documents,
                "events": self.events, "seconds": self.seconds, "overall": table(self.overall),
                "by_sub_event_type": {s: {"rows": self.sub_rows[s], **table(t)}
                                      for s, t in sorted(self.by_sub.items(), key=lambda kv: -self.sub_rows[kv[0]])},
                "worst": self.worst(worst)}


def _event_label(ev: Event) -> str:
    a1 = ev.actor1.name if ev.actor1 else "-"
    a2 = ev.actor2.name if ev.actor2 else "-"
    return f"{ev.type}({a1} -> {a2})"


def _cell(c: int, n: int) -> str:
    return f"{c / n:.2f}" if n else "-"


def format_acled_report(report: AcledReport, worst: int = 10) -> str:
    r = report
    out = [f"ACLED evaluation of {r.source} (data: {CITATION})",
           f"  {r.rows} rows scored, {r.documents} documents, {r.events} events extracted "
           f"in {r.seconds:.1f} s", "",
           f"  {'measure':<12}{'n':>6}{'correct':>9}{'rate':>7}"]
    for m in MEASURES:
        c, n = r.overall[m]
        out.append(f"  {m:<12}{n:>6}{c:>9}{_cell(c, n):>7}")
    head = "".join(f"{m[:8]:>9}" for m in MEASURES)
    out += ["", f"  {'sub-event type':<36}{'rows':>5}{head}"]
    for sub, t in sorted(r.by_sub.items(), key=lambda kv: -r.sub_rows[kv[0]]):
        out.append(f"  {sub[:35]:<36}{r.sub_rows[sub]:>5}" + "".join(f"{_cell(*t[m]):>9}" for m in MEASURES))
    if worst:
        out += ["", f"worst {worst} notes (lowest per-row score):"]
        for w in r.worst(worst):
            got = ", ".join(w["extracted"]) or "nothing"
            out.append(f"  {w['event_id_cnty']:<10} {w['sub_event_type']} -> {'/'.join(w['accepted'])}  "
                       f"score {w['score']:.2f}  failed: {', '.join(w['failed']) or '-'}")
            out.append(f"      extracted: {got}\n      note: \"{w['snippet']}\"")
    return "\n".join(out)
