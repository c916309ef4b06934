"""The learned argument reranker: for a trigger's event, which actor named in the sentence is the doer
(actor1) and which the other party (actor2), when the rules' choice scores worse.

The rules pick parties by dependency paths and fall-backs (the nearest state, the paragraph's focus, a
default militia); where the syntax is unusual they pick the wrong mention or none. For each role the
options are the rules' choice and every registry actor named in the sentence; a logistic regression per
role scores each option from its place in the parse (subject, object, by-agent, the preposition that
introduces it, tree and word distance, whether it names a place), its kind within the event's family and
how it was named. An option replaces the rules' choice when it scores higher by the model's margin; it fills
a slot the rules left empty (a proposal they would have dropped) only above the model's `fill_logit`.

The weights (``models/argument_reranker.json``) are built by ``scripts/train-verifier`` (first step,
``classify/train_reranker.py``) from the demo corpus and its gold; articles only, as for the verifier.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from terrain.classify.verifier import read_model
from terrain.extract.ablation import enabled
from terrain.extract.mentions import Mention, MentionIndex
from terrain.extract.parties import same_party
from terrain.extract.place_spans import SHORT_REPORT, doc_text
from terrain.records import ACTOR_KINDS, GENERIC_ACTOR_NAMES, SPEECH_TYPES, VIOLENT_TYPES, Actor
from terrain.resolve.actors import registry

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "argument_reranker.json"
ROLES = ("actor1", "actor2")
FAMILIES = ("violence", "speech", "cooperation")
DEPS = ("nsubj", "nsubjpass", "dobj", "agent", "poss", "compound", "amod", "appos", "conj", "pobj")
PREPS = ("of", "in", "on", "against", "to", "from", "with", "for", "at", "into", "by", "between", "alongside")
VIAS = ("name", "alias", "demonym", "capital", "force", "person", "generic", "anaphora")
SKIPPED_TYPES = ("DEPLOY", "WITHDRAW")  # their host is a state the movement rules derive, not a mention
RECORDER: list | None = None  # set by the trainer: (candidate, role, options, feature rows) of each decision


def _family(typ: str) -> str:
    return "violence" if typ in VIOLENT_TYPES else "speech" if typ in SPEECH_TYPES \
        else "cooperation"


def feature_names() -> list[str]:
    kinds = [*ACTOR_KINDS, "none"]
    return (["rules' choice", "rules chose none", "same actor as the rules' choice"]
            + [f"{f} {k}" for f in FAMILIES for k in kinds] + ["generic name"]
            + [f"{d} of the trigger" for d in DEPS] + [f"'{p}' object of the trigger" for p in PREPS]
            + [f"named by {v}" for v in VIAS]
            + ["subject of a verb above the trigger", "before the trigger", "word distance", "tree distance",
               "governs the trigger", "governed by the trigger", "in a place phrase", "subject of the sentence",
               "subject of a reporting verb"])


def features(typ: str, trigger: Token, actor: Actor | None, mention: Mention | None, rule: Actor | None) -> list[float]:
    """One option's feature row, in ``feature_names()`` order."""
    fam, kind = _family(typ), actor.kind if actor is not None else "none"
    row = [float(mention is None), float(mention is None and actor is None),
           float(mention is not None and rule is not None and same_party(actor, rule))]
    row += [float(f == fam and k == kind) for f in FAMILIES for k in (*ACTOR_KINDS, "none")]
    row.append(float(actor is not None and actor.name in GENERIC_ACTOR_NAMES))
    if mention is None:
        return row + [0.0] * (len(DEPS) + len(PREPS) + len(VIAS) + 9)
    root = mention.span.root
    up_m, up_t = _path(root, trigger)
    prep = root.head.lower_ if root.dep_ == "pobj" else None
    row += [float(root.dep_ == d and root.head.i == trigger.i) for d in DEPS]
    row += [float(prep == p and root.head.head.i == trigger.i) for p in PREPS]
    row += [float(mention.via == v) for v in VIAS]
    row += [float(root.dep_ in ("nsubj", "nsubjpass") and root.head.i in {a.i for a in trigger.ancestors}),
            float(root.i < trigger.i), min(abs(root.i - trigger.i), 30) / 10.0, min(up_m + up_t, 9) / 3.0,
            float(up_m == 0), float(up_t == 0), float(prep in ("in", "at", "near", "across")),
            float(root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"),
            float(root.dep_ == "nsubj" and root.head.lemma_ in ("say", "tell", "accuse", "claim"))]
    return row


def _path(a: Token, b: Token) -> tuple[int, int]:
    """Steps up from ``a`` and from ``b`` to their lowest common ancestor (9, 9 when none)."""
    up_a = {t.i: k for k, t in enumerate([a, *a.ancestors])}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return up_a[t.i], k
    return 9, 9


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict:
    return read_model(Path(path) if path else MODEL_FILE, "argument reranker", feature_names())


def _score(model: dict, role: str, row: list[float]) -> float:
    weights, bias = model[role]["weights"], model[role]["intercept"]
    return bias + sum(w * x for w, x in zip(weights, row))


def rerank(cands: list, idx: MentionIndex, sent: Span) -> list:
    """The trigger's candidates with each party the model prefers (one candidate per trigger only: where
    the rules found several parties, "Rwanda and Uganda", each is kept as it is)."""
    if len(cands) != 1 or cands[0].type in SKIPPED_TYPES or not enabled("reranker") \
            or len(doc_text(sent.doc)) <= SHORT_REPORT:
        return cands
    cand = cands[0]
    mentions = [m for m in idx.mentions if sent.start <= m.span.start < sent.end]
    model = load_model() if RECORDER is None else None
    for role in ROLES:
        rule, other = getattr(cand, role), getattr(cand, "actor2" if role == "actor1" else "actor1")
        options = [(rule, None)] + [(m.actor, m) for m in mentions if not same_party(m.actor, other)]
        rows = [features(cand.type, cand.trigger.token, actor, m, rule) for actor, m in options]
        if RECORDER is not None:
            RECORDER.append((cand, role, [a for a, _ in options], rows))
            continue
        scores = [_score(model, role, r) for r in rows]
        best = max(range(len(options)), key=scores.__getitem__)
        # an empty slot is filled only by a confident choice: most rejected proposals report no event at all
        sure = rule is not None or scores[best] > model["fill_logit"]
        if best and sure and scores[best] - scores[0] > model["margin"]:
            setattr(cand, role, _as_party(options[best][0], cand))
    return cands


def _as_party(actor: Actor, cand) -> Actor:
    """A state named as a party to violence is its forces; a generic name takes the event's country."""
    if cand.type in VIOLENT_TYPES and actor.kind in ("state", "person") and actor.country:
        return registry().forces(actor.country)
    if actor.country is None and actor.kind in ("armed_group", "civilians") and cand.country \
            and actor.name in GENERIC_ACTOR_NAMES:
        return Actor(actor.name, actor.kind, cand.country)
    return actor
