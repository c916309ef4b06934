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
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from terrain.errors import ModelError
from terrain.records import ACTOR_KINDS, CATEGORY_ACTOR_NAMES, EVENT_TYPES, STATUSES, Actor, Event

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "event_verifier.json"


def feature_names() -> list[str]:
    kinds = [*ACTOR_KINDS, "none"]
    return ([f"type={t}" for t in EVENT_TYPES] + [f"actor1={k}" for k in kinds] + [f"actor2={k}" for k in kinds]
            + [f"status={s}" for s in STATUSES]
            + ["actor1 generic", "actor2 generic", "parties of one country", "headline", "events in sentence",
               "numbers", "position in article", "place", "date"]
            + ["actor1 named in sentence", "actor2 named in sentence", "negation", "quotation", "nominal trigger",
               "sentence length"]
            + [f"type={t}&{role}={k}" for t in EVENT_TYPES for role in ("actor1", "actor2") for k in kinds])


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
        row += _sentence_features(e)
        row += _type_by_kinds(e)
        rows.append(row)
    return rows


def _type_by_kinds(e: Event) -> list[float]:
    """The event type crossed with each party's kind: which parties suit which type is the rules' commonest
    error (a state "attacking" civilians in a summary, an armed group "deploying"); the cross lets the model
    learn it per type (10-fold CV on the demo at the 0.5 % bound, threshold 0.10: 109 false events dropped for 5
    true, against 58 for 4 without it; docs/verifier.md)."""
    kinds = (*ACTOR_KINDS, "none")
    out = []
    for t in EVENT_TYPES:
        for actor in (e.actor1, e.actor2):
            kind = actor.kind if actor is not None else "none"
            out += [float(e.type == t and kind == k) for k in kinds]
    return out


NEGATION = re.compile(r"\b(not|never|no|n't|neither|nor)\b", re.I)
QUOTES = re.compile("[\"\u201c\u201d]")


def _sentence_features(e: Event) -> list[float]:
    """What the sentence says about the proposal: whether each party is named in it (not reached by
    reference or carried over from context, the rules' riskiest guesses), negation, quotation, a noun as
    trigger ("the deployment" is often a plan or a mention), and the sentence's length."""
    from terrain.extract.lexicon import lexicon, verb_of  # (import here: extract imports this module)

    text = e.evidence.text
    named = [float(a is not None and a.name not in CATEGORY_ACTOR_NAMES and _named(a, text.lower()))
             for a in (e.actor1, e.actor2)]
    lex = lexicon()
    word = (e.trigger or "").lower()
    stem = word[:-3] if word.endswith("ing") else word  # "backing", "killing": read as the verb
    nominal = word in lex.nouns and verb_of(word) is None and not ({stem, stem + "e"} & lex.verbs.keys())
    return [*named, float(bool(NEGATION.search(text))), float(bool(QUOTES.search(text))), float(nominal),
            min(len(text) / 200.0, 3.0)]


def _named(actor: Actor, text: str) -> bool:
    pattern = _forms_pattern(actor.name, actor.country if actor.kind in ("state", "state_forces", "person") else None)
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=4096)
def _forms_pattern(name: str, country: str | None) -> re.Pattern | None:
    """One compiled pattern for all of an actor's surface forms (a pattern per form and call was a tenth of
    extraction time on the demo corpus: bench/throughput.py)."""
    forms = _surfaces().get(name, set()) | (_surfaces().get(country, set()) if country else set())
    if not forms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?!\w)")


@lru_cache(maxsize=1)
def _surfaces() -> dict[str, set[str]]:
    """Lower-cased surface forms by actor name, and a state's (demonyms, capital, forces) by its ISO3."""
    from terrain.resolve.actors import registry

    out: dict[str, set[str]] = {}
    for surface, match in registry().phrases():
        out.setdefault(match.actor.name, set()).add(surface.lower())
        if match.actor.country and match.actor.kind in ("state", "state_forces"):
            out.setdefault(match.actor.country, set()).add(surface.lower())
    return out


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict:
    """The weights, intercept and threshold (ModelError with the fix when the file is missing or stale)."""
    return read_model(Path(path) if path else MODEL_FILE, "event verifier", feature_names())


def read_model(path: Path, what: str, names: list[str]) -> dict:
    """A learned component's JSON weights, checked against the features the code computes now."""
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(f"no {what} at {path} ({err}): run `scripts/train-verifier`") from err
    if model.get("features") != names:
        raise ModelError(f"the {what} at {path} was built for other features: run `scripts/train-verifier`")
    return model


def probabilities(events: list[Event], text_length: int, model: dict | None = None) -> list[float]:
    model = model or load_model()
    weights, bias = model["weights"], model["intercept"]
    return [1.0 / (1.0 + math.exp(-(bias + sum(w * x for w, x in zip(weights, row)))))
            for row in features(events, text_length)]
