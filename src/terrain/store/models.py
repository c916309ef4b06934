"""The database schema as typed SQLAlchemy models.

The schema itself is created and changed only by the Alembic migrations in ``migrations/versions``;
``tests/test_store.py`` checks that those migrations and these models agree, so a model change
without a migration fails the tests.

Event columns hold the *current* values: what the extractor found, overlaid with any analyst
corrections (see ``reviews.py``), so every filter runs in SQL on what the analyst sees. The
extracted values of a corrected event are kept in ``original``, and ``fingerprint`` is always
computed from the extracted values, so a review re-attaches after re-extraction.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: sa.JSON, datetime: sa.DateTime(timezone=True)}


class DocumentRow(Base):
    __tablename__ = "documents"

    doc_id: Mapped[str] = mapped_column(sa.String, primary_key=True)
    title: Mapped[str | None]
    published: Mapped[str | None]
    source: Mapped[str | None]
    url: Mapped[str | None]
    path: Mapped[str | None]
    text: Mapped[str] = mapped_column(sa.Text)
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    ingested_at: Mapped[datetime]


class EventRow(Base):
    __tablename__ = "events"
    # Never reuse the id of a deleted event (SQLite would, by default): a stale id held by a review
    # form must not silently point at another event after its document is re-ingested.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), index=True)
    seq: Mapped[int]  # index in the document's event list as extracted
    type: Mapped[str] = mapped_column(index=True)
    actor1_name: Mapped[str | None] = mapped_column(index=True)
    actor1_kind: Mapped[str | None]
    actor1_country: Mapped[str | None]
    actor2_name: Mapped[str | None] = mapped_column(index=True)
    actor2_kind: Mapped[str | None]
    actor2_country: Mapped[str | None]
    country: Mapped[str | None] = mapped_column(index=True)
    loc_name: Mapped[str | None]
    loc_admin1: Mapped[str | None]
    loc_country: Mapped[str | None]
    loc_lat: Mapped[float | None]
    loc_lon: Mapped[float | None]
    loc_precision: Mapped[str | None]
    date: Mapped[str | None] = mapped_column(index=True)
    date_precision: Mapped[str | None]
    quantities: Mapped[dict[str, Any]]
    status: Mapped[str]
    attributed_to: Mapped[str | None]
    evidence_text: Mapped[str] = mapped_column(sa.Text)
    evidence_start: Mapped[int]
    evidence_end: Mapped[int]
    confidence: Mapped[float]
    trigger: Mapped[str | None]
    fingerprint: Mapped[str] = mapped_column(sa.String(40))
    # Review state, denormalised from `reviews` so that filters and ordering stay in SQL.
    reviewed: Mapped[str | None]
    reviewed_by: Mapped[str | None]
    reviewed_at: Mapped[datetime | None]
    original: Mapped[dict[str, Any] | None]  # extracted values, kept once a correction overwrote them


class EventLinkRow(Base):
    __tablename__ = "event_links"

    from_event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    to_event_id: Mapped[int] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, index=True)
    relation: Mapped[str] = mapped_column(primary_key=True)


class ReviewRow(Base):
    """An analyst's verdict on one event, keyed by (doc_id, fingerprint) rather than the event id,
    because event ids change every time a document is re-extracted."""

    __tablename__ = "reviews"
    __table_args__ = (sa.Index("ix_reviews_doc_fingerprint", "doc_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(sa.ForeignKey("documents.doc_id", ondelete="CASCADE"))
    fingerprint: Mapped[str] = mapped_column(sa.String(40))
    action: Mapped[str]  # confirm | correct | reject
    changes: Mapped[dict[str, Any] | None]
    user: Mapped[str]
    created_at: Mapped[datetime]


class TokenRow(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(index=True)
    role: Mapped[str]  # analyst | admin
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked: Mapped[bool] = mapped_column(default=False)
