"""Switches for the ablation study in docs/extraction.md: ``TERRAIN_ABLATE=context,anaphora`` turns
components off so their effect can be measured with `terrain eval` and `terrain eval-acled`."""
from __future__ import annotations

from terrain import settings

COMPONENTS = {
    "context": "carry the country and place in focus from sentence to sentence",
    "anaphora": "resolve 'it', 'the group', 'the president' to the actor named before",
    "defaults": "ACLED-style default actors: unidentified gunmen, civilian victims, militias",
    "battle": "armed actor against armed group is a BATTLE, not an ATTACK",
    "denials": "a denial answers the latest accusation or claim against the denier",
    "classifier": "drop rule events in sentences the learned classifier scores as no event",
    "crowds": "ACLED's street roles: crowds are rioters, police step in on protests, victims are civilians",
    "tolls": "in an article, a toll with no doer ('50 people were injured') or a fight with no named side is no new event",
    "feed": "a report that names no country is about the country of the run's earlier reports",
    "dates": "an undated event in an article takes its paragraph's date, else the report's month",
    "reranker": "replace a rule's party by the actor named in the sentence the learned reranker prefers (extract/rerank.py)",
    "verifier": "drop an article's events the learned verifier scores as no event (classify/verifier.py)",
}


def enabled(component: str) -> bool:
    off = {c.strip() for c in settings.get("ablate").split(",") if c.strip()}
    return component not in off
