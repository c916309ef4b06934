"""Events refer to one another by index (``Event.refers_to``); dropping or merging events must
re-point those indices. One helper for every stage that filters an event list."""
from __future__ import annotations

from terrain.records import Event


def keep(events: list[Event], kept: list[Event]) -> list[Event]:
    """``kept`` (a subset of ``events``, in order) with every ``refers_to`` re-pointed into it; a link
    to a dropped event is cleared."""
    position = {id(e): i for i, e in enumerate(kept)}
    for e in kept:
        if e.refers_to is not None:
            target = events[e.refers_to] if 0 <= e.refers_to < len(events) else None
            e.refers_to = position.get(id(target)) if target is not None else None
    return kept
