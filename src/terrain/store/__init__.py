"""The store stage: documents and their events in SQLite (default) or PostgreSQL.

    from terrain.store import Store, EventFilter
    with Store("sqlite:///terrain.db") as store:
        store.save_document(doc, events)            # "new" | "updated" | "unchanged"
        store.events(EventFilter(country="COD", since="2024-01"))
"""
from __future__ import annotations

from terrain.store.filters import EventFilter, FilterError
from terrain.store.reviews import ReviewError
from terrain.store.store import Store
from terrain.store.tokens import ROLES, TokenError, TokenInfo

__all__ = ["Store", "EventFilter", "FilterError", "ReviewError", "TokenError", "TokenInfo", "ROLES"]
