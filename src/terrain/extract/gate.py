"""The learned gate: rule events whose sentence the classifier scores as reporting no event are
dropped. Rules find the arguments; the classifier, trained on our own sentences
(src/terrain/data/training), judges whether a sentence reports an event at all — the precision
problem of long-form analysis, where most sentences mention actors and violence without
reporting a happening (docs/extraction.md has the measured effect)."""
from __future__ import annotations

from terrain import settings
from terrain.extract.ablation import enabled
from terrain.extract.links import keep
from terrain.records import Event

THRESHOLD = 0.15  # event score below which a sentence is taken to report nothing (see docs/classifier.md)


def gate(events: list[Event]) -> list[Event]:
    if not events or settings.get("classifier") != "on" or not enabled("classifier"):
        return events
    from terrain.classify import load

    sentences = sorted({e.evidence.text for e in events})
    scores = {s: p.event_score for s, p in zip(sentences, load().predict(sentences))}
    return keep(events, [e for e in events if scores[e.evidence.text] >= THRESHOLD])
