"""The result of scoring a gold file: counts, rates, misses and false positives, as JSON or a text table."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from terrain.records import EVENT_TYPES


def rate(num: int, den: int) -> float | None:
    """num/den, or None when there is nothing to measure (shown as "-")."""
    return round(num / den, 4) if den else None


@dataclass
class GoldReport:
    source: str = ""
    documents: int = 0
    facts: int = 0  # non-optional gold facts
    optional: int = 0
    found: int = 0  # non-optional facts found
    optional_found: int = 0
    extracted: int = 0  # events of the gold documents
    matched: int = 0  # events matched to a fact (optional ones included)
    by_family: dict[str, dict[str, int]] = field(default_factory=dict)
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    accuracy: dict[str, dict[str, int]] = field(default_factory=dict)  # over matched facts
    misses: list[dict[str, Any]] = field(default_factory=list)  # non-optional facts not found
    false_positives: list[dict[str, Any]] = field(default_factory=list)  # events matching no fact
    missing_docs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def type_row(self, event_type: str) -> dict[str, int]:
        return self.by_type.setdefault(event_type, {"gold": 0, "found": 0, "extracted": 0, "matched": 0})

    @property
    def recall(self) -> float | None:
        return rate(self.found, self.facts)

    @property
    def precision(self) -> float | None:
        return rate(self.matched, self.extracted)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return round(2 * p * r / (p + r), 4)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "documents": self.documents, "missing_docs": list(self.missing_docs),
            "facts": self.facts, "optional": self.optional, "found": self.found,
            "optional_found": self.optional_found, "extracted": self.extracted, "matched": self.matched,
            "recall": self.recall, "precision": self.precision, "f1": self.f1,
            "recall_by_family": {fam: {**c, "recall": rate(c["found"], c["n"])}
                                 for fam, c in sorted(self.by_family.items())},
            "by_type": {t: {**c, "recall": rate(c["found"], c["gold"]),
                            "precision": rate(c["matched"], c["extracted"])}
                        for t, c in _ordered(self.by_type)},
            "accuracy": {m: {**c, "accuracy": rate(c["correct"], c["n"])} for m, c in self.accuracy.items()},
            "misses": list(self.misses), "false_positives": list(self.false_positives),
            "warnings": list(self.warnings),
        }


def _ordered(by_type: dict[str, dict[str, int]]) -> list[tuple[str, dict[str, int]]]:
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    return sorted(by_type.items(), key=lambda kv: order.get(kv[0], len(order)))


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def _actors(rec: dict[str, Any]) -> str:
    def name(a: dict[str, Any] | None) -> str:
        return f"{a['name']} ({a.get('kind')}, {a.get('country') or '-'})" if a else "-"
    return f"{name(rec.get('actor1'))} -> {name(rec.get('actor2'))}"


def _clip(text: str, width: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(report: GoldReport, verbose: bool = False) -> str:
    """A text table for the terminal; ``verbose`` lists each miss and false positive with its evidence."""
    r = report
    out = [f"gold {r.source}: {r.documents} documents, {r.facts} facts (+{r.optional} optional), "
           f"{r.extracted} events extracted",
           f"  recall     {_pct(r.recall)}  ({r.found}/{r.facts} facts found; "
           f"optional found {r.optional_found}/{r.optional})",
           f"  precision  {_pct(r.precision)}  ({r.matched}/{r.extracted} events match a fact)",
           f"  F1         {_pct(r.f1)}"]
    fams = [f"{fam} {_pct(rate(c['found'], c['n']))} ({c['found']}/{c['n']})" for fam, c in sorted(r.by_family.items())]
    out.append("  by family  " + "   ".join(fams))
    out += ["", f"  {'type':<16}{'gold':>5}{'found':>7}{'recall':>8}{'extracted':>11}{'matched':>9}{'precision':>11}"]
    for t, c in _ordered(r.by_type):
        out.append(f"  {t:<16}{c['gold']:>5}{c['found']:>7}{_pct(rate(c['found'], c['gold'])):>8}"
                   f"{c['extracted']:>11}{c['matched']:>9}{_pct(rate(c['matched'], c['extracted'])):>11}")
    n_matched = r.accuracy.get("status", {}).get("n", 0)
    accs = [f"{m} {_pct(rate(c['correct'], c['n']))} ({c['correct']}/{c['n']})" for m, c in r.accuracy.items()]
    out += ["", f"  among matched facts ({n_matched}): " + ("   ".join(accs) if accs else "-")]
    if verbose:
        out += ["", f"misses ({len(r.misses)}):"]
        out += [f"  {m['doc_id']} (line {m['line']}, fact {m['index']}) {m['type']} {_actors(m)}"
                f"\n      \"{_clip(m['evidence'])}\"" for m in r.misses]
        out += ["", f"false positives ({len(r.false_positives)}):"]
        out += [f"  {fp['doc_id']} {fp['type']} {_actors(fp)} [{fp['status']}]\n      \"{_clip(fp['evidence'])}\""
                for fp in r.false_positives]
    else:
        out += [f"  {len(r.misses)} misses, {len(r.false_positives)} false positives (--verbose lists them)"]
    return "\n".join(out)
