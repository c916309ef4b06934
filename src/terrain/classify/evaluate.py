"""Measure the classifier: dev-split scores, sentence-level scores on the seed gold, speed.

    python -m terrain.classify.evaluate [--shared ../shared] [--json]

Dev: macro-F1 over the 17 type labels (16 types + NONE) at threshold 0.5, per-label F1, event
detection (any event type >= threshold), and status accuracy on the dev sentences that report an
event. Seeds (evaluation only, never training): the seed articles as ingested and split into
sentences by the extractor's own pipeline; a sentence is positive when a gold fact's evidence
lies in it, with that fact's type; sentences holding only optional facts count neither way.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from terrain.classify import EVENT_TYPES, NONE, TYPE_LABELS, Classifier, load
from terrain.classify.data import Example, load_dev

_WS = re.compile(r"\s+")


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "support": tp + fn}


def dev_scores(clf: Classifier, examples: list[Example] | None = None, threshold: float = 0.5) -> dict:
    examples = examples if examples is not None else load_dev()
    preds = clf.predict([ex.text for ex in examples])
    counts = {label: [0, 0, 0] for label in TYPE_LABELS}  # tp, fp, fn
    event = [0, 0, 0]
    status_right = status_total = 0
    for ex, pred in zip(examples, preds):
        got, gold = pred.labels(threshold), set(ex.types)
        for label in TYPE_LABELS:
            counts[label][0] += label in got and label in gold
            counts[label][1] += label in got and label not in gold
            counts[label][2] += label not in got and label in gold
        is_event, said_event = ex.is_event, NONE not in got
        event[0] += is_event and said_event
        event[1] += said_event and not is_event
        event[2] += is_event and not said_event
        if ex.is_event:
            status_total += 1
            status_right += pred.top_status == ex.status
    per_label = {label: _prf(*c) for label, c in counts.items()}
    return {"sentences": len(examples), "threshold": threshold,
            "macro_f1": round(sum(v["f"] for v in per_label.values()) / len(per_label), 3),
            "micro": _prf(*(sum(c[i] for c in counts.values()) for i in range(3))),
            "event_detection": _prf(*event),
            "status_accuracy": round(status_right / status_total, 3) if status_total else None,
            "per_label": per_label}


def seed_sentences(shared: Path) -> list[dict]:
    """Seed-article sentences as the extractor sees them, each with its gold types (and optional ones)."""
    from terrain.ingest import read_inputs
    from terrain.nlp import parse

    gold = {}
    for line in (shared / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        gold[rec["doc_id"]] = rec["facts"]
    paths = [str(p) for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    docs = [d for d in read_inputs(paths) if not isinstance(d, Exception)]
    out = []
    for parsed in parse(docs):
        facts = gold.get(parsed.document.doc_id, [])
        for sent in parsed.doc.sents:
            text = _WS.sub(" ", sent.text).strip()
            if not text:
                continue
            types, optional = set(), set()
            for fact in facts:
                ev = _WS.sub(" ", fact["evidence"]).strip()
                if ev in text or (len(text) > 30 and text in ev):
                    (optional if fact["optional"] else types).add(fact["type"])
            out.append({"doc_id": parsed.document.doc_id, "text": text, "types": types,
                        "optional": optional - types})
    return out


def seed_scores(clf: Classifier, shared: Path, thresholds=(0.5, 0.3, 0.2, 0.1)) -> dict:
    sents = seed_sentences(shared)
    preds = clf.predict([s["text"] for s in sents])
    result = {"sentences": len(sents), "positive": sum(bool(s["types"]) for s in sents),
              "optional_only": sum(bool(s["optional"]) and not s["types"] for s in sents)}
    for t in thresholds:
        event, typed = [0, 0, 0], [0, 0, 0]
        for s, p in zip(sents, preds):
            said = p.event_score >= t
            got = {x for x in EVENT_TYPES if p.types[x] >= t}
            if s["types"]:
                event[0] += said
                event[2] += not said
            elif not s["optional"]:
                event[1] += said
            typed[0] += len(got & s["types"])
            typed[1] += len(got - s["types"] - s["optional"])
            typed[2] += len(s["types"] - got)
        result[f"t={t}"] = {"event_sentence": _prf(*event), "types": _prf(*typed)}
    result["misses_at_0.5"] = [
        {"text": s["text"][:120], "gold": sorted(s["types"]), "event_score": round(p.event_score, 3),
         "top": sorted(p.types, key=p.types.get, reverse=True)[:2]}
        for s, p in zip(sents, preds) if s["types"] and p.event_score < 0.5]
    result["false_alarms_at_0.5"] = [
        {"text": s["text"][:120], "got": sorted(p.labels(0.5))}
        for s, p in zip(sents, preds) if not s["types"] and not s["optional"] and p.event_score >= 0.5]
    return result


def speed(clf: Classifier, n: int = 20000, n_process: int = 1) -> dict:
    """Sentences per second through ``Classifier.predict`` (dev sentences, repeated to ``n``)."""
    texts = [ex.text for ex in load_dev()]
    texts = (texts * (n // len(texts) + 1))[:n]
    clf.predict(texts[:200])  # warm up
    start = time.perf_counter()
    clf.predict(texts, n_process=n_process)
    secs = time.perf_counter() - start
    return {"sentences": n, "n_process": n_process, "seconds": round(secs, 2), "per_second": round(n / secs)}


def load_time(path: Path | None = None) -> float:
    from terrain.classify import _load, MODEL_DIR

    _load.cache_clear()
    start = time.perf_counter()
    _load(Path(path) if path else MODEL_DIR)
    return round(time.perf_counter() - start, 3)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Score the event classifier (dev split, seed gold, speed).")
    p.add_argument("--model", type=Path, default=None)
    p.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[4] / "shared")
    p.add_argument("--no-seeds", action="store_true")
    p.add_argument("--speed", action="store_true", help="also time 1 and 2 processes")
    args = p.parse_args(argv)
    report: dict = {"load_seconds": load_time(args.model)}
    clf = load(args.model)
    report["dev"] = dev_scores(clf)
    if not args.no_seeds and (args.shared / "gold" / "seeds.jsonl").exists():
        report["seeds"] = seed_scores(clf, args.shared)
    if args.speed:
        report["speed"] = [speed(clf, n_process=1), speed(clf, n_process=2)]
    print(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
