"""Build the argument reranker (extract/rerank.py) from the demo corpus and its gold:

1. extracts each demo article with the reranker recording instead of deciding (and the verifier off),
   collecting for every trigger's event and role the options and their feature rows;
2. labels an option true when it names a party of a gold fact (required or optional) of the event's type
   whose evidence is that sentence (either party for BATTLE, AGREE and ALIGN); in a sentence with no such
   fact every option is false, so that a score says "a party of a real event", not only "the likelier
   party" (an empty slot is filled only above a probability, extract/rerank.py);
3. fits one L2 logistic regression per role (train_verifier.fit: deterministic);
4. cross-validates by article (10 folds): how many of the rules' choices the model would change, fix,
   break, and change to an actor that is no party (where the sentence reports no such event, mostly);
5. writes ``models/argument_reranker.json``.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import numpy as np

from terrain.classify.train_verifier import DEMO, FOLDS, _digest, fit
from terrain.extract import rerank

MARGIN = 0.5  # how much better an option must score than the rules' choice (CV: fixes barely change to 2)
# the least score (log-odds; probability 0.27) at which an option fills a slot the rules left empty. On the
# demo corpus (recall / precision): never 0.50 / 0.64, -1 0.51 / 0.63, -1.5 0.52 / 0.61, -2 0.53 / 0.55:
# -1 has the best F1, and keeps the seeds at 0.96 / 1.00 (at -2 their precision falls to 0.90)
FILL_LOGIT = -1.0
SYMMETRIC = ("AGREE", "ALIGN", "BATTLE")


def decisions(corpus: Path = DEMO / "corpus", gold_path: Path = DEMO / "gold.jsonl") -> list[dict]:
    """One record per (event, role) in a sentence with a gold fact of its type: options' rows and labels."""
    from terrain.evaluate.gold import load_gold
    from terrain.evaluate.matching import same_actor
    from terrain.extract.place_spans import SHORT_REPORT
    from terrain.ingest import read_inputs
    from terrain.pipeline import extract_documents
    from terrain.records import Document

    gold = load_gold(gold_path)
    docs = [d for d in read_inputs([str(corpus)]) if isinstance(d, Document) and d.doc_id in gold
            and len(d.text) > SHORT_REPORT]
    ablate = os.environ.get("TERRAIN_ABLATE", "")
    os.environ["TERRAIN_ABLATE"] = ",".join(x for x in (ablate, "verifier") if x)
    out: list[dict] = []
    try:
        for doc in docs:
            rerank.RECORDER = []
            list(extract_documents([doc], processes=1))
            seen = set()
            for cand, role, options, rows in rerank.RECORDER:
                sent = cand.trigger.token.sent.text
                key = (cand.trigger.token.i, cand.type, role)
                facts = [f for f in gold[doc.doc_id] if f.type == cand.type
                         and (f.evidence[:50] in sent or sent[:50] in f.evidence)]
                parties = [getattr(f, role) for f in facts]
                if cand.type in SYMMETRIC:
                    parties += [getattr(f, "actor2" if role == "actor1" else "actor1") for f in facts]
                parties = [p for p in parties if p is not None]
                if key in seen:
                    continue
                seen.add(key)
                labels = [a is not None and any(same_actor(p, a) for p in parties) for a in options]
                out.append({"doc": doc.doc_id, "role": role, "rows": rows, "labels": labels})
    finally:
        rerank.RECORDER = None
        os.environ["TERRAIN_ABLATE"] = ablate
    return out


def _fit_role(records: list[dict]) -> tuple[np.ndarray, float]:
    X = np.array([r for rec in records for r in rec["rows"]], dtype=float)
    y = np.array([lab for rec in records for lab in rec["labels"]], dtype=bool)
    return fit(X, y)


def _choice(rows: list[list[float]], w: np.ndarray, b: float) -> int:
    """The option extract/rerank.py would take (0: the rules' choice)."""
    scores = np.array(rows) @ w + b
    best = int(np.argmax(scores))
    sure = rows[0][1] == 0 or scores[best] > FILL_LOGIT  # rows[0][1]: "rules chose none"
    return best if best and sure and scores[best] - scores[0] > MARGIN else 0


def cross_validate(records: list[dict]) -> dict[str, dict[str, int]]:
    """Per role: decisions, the rules right, the model right, choices fixed and broken, by held-out article."""
    docs = sorted({r["doc"] for r in records})
    fold = {d: i % FOLDS for i, d in enumerate(docs)}
    out = {}
    for role in rerank.ROLES:
        counts: Counter = Counter()
        mine = [r for r in records if r["role"] == role]
        for k in range(FOLDS):
            w, b = _fit_role([r for r in mine if fold[r["doc"]] != k])
            for r in (r for r in mine if fold[r["doc"]] == k):
                c, lab = _choice(r["rows"], w, b), r["labels"]
                counts.update(decisions=1, rules_right=lab[0], model_right=lab[c], changed=bool(c),
                              fixed=bool(c and lab[c] and not lab[0]), broken=bool(c and lab[0] and not lab[c]),
                              wrong=bool(c and not lab[c]))  # a change to no party (also where there is no event)
        out[role] = {k: int(v) for k, v in counts.items()}
    return out


def build(output: Path = rerank.MODEL_FILE) -> dict:
    records = decisions()
    model: dict = {"features": rerank.feature_names(), "margin": MARGIN, "fill_logit": FILL_LOGIT}
    for role in rerank.ROLES:
        w, b = _fit_role([r for r in records if r["role"] == role])
        model[role] = {"weights": [round(float(v), 6) for v in w], "intercept": round(b, 6)}
    model["trained_on"] = {"decisions": len(records), "articles": len({r["doc"] for r in records}),
                           "sha256": _digest(DEMO / "corpus", DEMO / "gold.jsonl")}
    model["cross_validation"] = cross_validate(records)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    rerank.load_model.cache_clear()
    return model
