"""A learned sentence classifier: which event types a sentence reports (or NONE), and their status.

    from terrain.classify import load
    clf = load()                                   # cached; ModelError if the model is missing
    [p] = clf.predict(["Kenya deployed 400 police officers to Haiti on Tuesday."])
    p.types["DEPLOY"], p.event_score, p.top_status  # 0.9x, 0.9x, "asserted"
    clf.types("Sign up for our newsletter.")         # {"NONE"}

Two spaCy components over a blank English tokenizer (no parser, no vectors): ``textcat_multilabel``
over the 16 ontology types + NONE and an exclusive ``textcat`` over the six statuses. Both are
bag-of-words models (docs/classifier.md has the measurements behind that choice). The status
scores are only meaningful for a sentence that reports an event: the status component was
trained on event sentences alone. Built by ``scripts/train-classifier``; the data it learns from
is in ``terrain/data/training`` (our own sentences, never ACLED or the seed articles).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from terrain.classify.data import NONE, STATUS_LABELS, TYPE_LABELS, normalise
from terrain.errors import ModelError

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "event_classifier"
EVENT_TYPES = tuple(t for t in TYPE_LABELS if t != NONE)

__all__ = ["Classifier", "Prediction", "load", "MODEL_DIR", "NONE", "TYPE_LABELS", "STATUS_LABELS"]


@dataclass(frozen=True)
class Prediction:
    """Scores in [0, 1]: ``types`` per type label (independent, multi-label), ``status`` summing to 1."""

    types: dict[str, float]
    status: dict[str, float]

    @property
    def event_score(self) -> float:
        """The highest score of any event type: how sure the model is that some event is reported."""
        return max(self.types[t] for t in EVENT_TYPES)

    @property
    def top_status(self) -> str:
        return max(self.status, key=self.status.__getitem__)

    def labels(self, threshold: float = 0.5) -> set[str]:
        """Event types scoring at least ``threshold``; ``{"NONE"}`` when none does."""
        found = {t for t in EVENT_TYPES if self.types[t] >= threshold}
        return found or {NONE}


class Classifier:
    def __init__(self, nlp, path: Path):
        self.nlp = nlp
        self.path = path
        self.meta = dict(nlp.meta)

    def predict(self, texts: Iterable[str], batch_size: int = 256, n_process: int = 1) -> list[Prediction]:
        """One Prediction per text, in order; batched through ``nlp.pipe``."""
        out = []
        for doc in self.nlp.pipe((normalise(t) for t in texts), batch_size=batch_size, n_process=n_process):
            cats = doc.cats
            out.append(Prediction(types={t: float(cats[t]) for t in TYPE_LABELS},
                                  status={s: float(cats[s]) for s in STATUS_LABELS}))
        return out

    def types(self, text: str, threshold: float = 0.5) -> set[str]:
        """The event types of one sentence at ``threshold``, or ``{"NONE"}``."""
        return self.predict([text])[0].labels(threshold)


@lru_cache(maxsize=4)
def _load(path: Path) -> Classifier:
    import spacy

    if not (path / "meta.json").exists():
        raise ModelError(f"no trained event classifier at {path}",
                         "run scripts/train-classifier (it builds the model from terrain/data/training)")
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError) as err:
        raise ModelError(f"cannot load the event classifier at {path}: {err}",
                         "run scripts/train-classifier to rebuild it") from err
    missing = {"textcat_multilabel", "textcat"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"the event classifier at {path} lacks {sorted(missing)}", "run scripts/train-classifier")
    return Classifier(nlp, path)


def load(path: str | Path | None = None) -> Classifier:
    """The classifier shipped with the package (cached per path)."""
    return _load(Path(path).resolve() if path else MODEL_DIR)
