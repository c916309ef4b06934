"""The learned verifier: which of the rules' events in an article are events an analyst would record.

Rules propose events with their arguments; in long-form prose a share of the proposals are restatements,
figures of speech or events with a wrong party. A logistic regression over what the rules produced (the
type, the kinds of both parties and whether they are generic, the status, numbers, place and date, where the
sentence sits and how many events it holds) scores each proposal; ``extract/verify.py`` drops an article's
proposals scoring below the threshold. Incident reports are not touched: the model never saw one.

The model is a JSON file of weights (``models/event_verifier.json``) built by ``scripts/train-verifier``
from the demo corpus and its gold (our own articles; never ACLED text, never the seed articles, which stay
a held-out check). docs/verifier.md has the cross-validated effect.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

from terrain.errors import ModelError
from terrain.records import ACTOR_KINDS, CATEGORY_ACTOR_NAMES, EVENT_TYPES, STATUSES, Event

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "event_verifier.json"


def feature_names() -> list[str]:
    kinds = [*ACTOR_KINDS, "none"]
    return ([f"type={t}" for t in EVENT_TYPES] + [f"actor1={k}" for k in kinds] + [f"actor2={k}" for k in kinds]
            + [f"status={s}" for s in STATUSES]
            + ["actor1 generic", "actor2 generic", "parties of one country", "headline", "events in sentence",
               "numbers", "position in article", "place", "date"])


def features(events: list[Event], text_length: int) -> list[list[float]]:
    """One feature vector per event of one document, in ``feature_names()`` order."""
    per_sentence = Counter(e.evidence.start for e in events)
    rows = []
    for e in events:
        a1, a2 = e.actor1, e.actor2
        row = [float(e.type == t) for t in EVENT_TYPES]
        for actor in (a1, a2):
            kind = actor.kind if actor is not None else "none"
            row += [float(kind == k) for k in (*ACTOR_KINDS, "none")]
        row += [float(e.status == s) for s in STATUSES]
        row += [float(a1 is not None and a1.name in CATEGORY_ACTOR_NAMES), float(a2 is not None and a2.name in CATEGORY_ACTOR_NAMES),
                float(a1 is not None and a2 is not None and a1.country is not None and a1.country == a2.country),
                float(e.evidence.start == 0), float(per_sentence[e.evidence.start]), float(bool(e.quantities)),
                e.evidence.start / max(1, text_length), float(e.location is not None), float(e.date is not None)]
        rows.append(row)
    return rows


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict:
    """The weights, intercept and threshold (ModelError with the fix when the file is missing or stale)."""
    path = Path(path) if path else MODEL_FILE
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(f"no event verifier at {path} ({err}): run `scripts/train-verifier`") from err
    if model.get("features") != feature_names():
        raise ModelError(f"the event verifier at {path} was built for other features: run `scripts/train-verifier`")
    return model


def probabilities(events: list[Event], text_length: int, model: dict | None = None) -> list[float]:
    model = model or load_model()
    weights, bias = model["weights"], model["intercept"]
    return [1.0 / (1.0 + math.exp(-(bias + sum(w * x for w, x in zip(weights, row)))))
            for row in features(events, text_length)]
