"""The learned verifier at work (the model: classify/verifier.py): an article's rule events scored below
the verifier's threshold are dropped; incident reports pass untouched."""
from __future__ import annotations

from terrain.classify.verifier import load_model, probabilities
from terrain.extract.ablation import enabled
from terrain.extract.links import keep
from terrain.extract.place_spans import SHORT_REPORT
from terrain.records import Event


def verify(events: list[Event], text_length: int) -> list[Event]:
    if not events or text_length <= SHORT_REPORT or not enabled("verifier"):
        return events
    model = load_model()
    scores = probabilities(events, text_length, model)
    return keep(events, [e for e, p in zip(events, scores) if p >= model["threshold"]])
