"""Initial schema: documents, events, event_links, reviews, api_tokens.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _str(name: str, nullable: bool = True, length: int | None = None) -> sa.Column:
    return sa.Column(name, sa.String(length), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "documents",
        _str("doc_id", False), _str("title"), _str("published"), _str("source"), _str("url"), _str("path"),
        sa.Column("text", sa.Text(), nullable=False),
        _str("content_hash", False, 64),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("doc_id"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _str("doc_id", False),
        sa.Column("seq", sa.Integer(), nullable=False),
        _str("type", False),
        _str("actor1_name"), _str("actor1_kind"), _str("actor1_country"),
        _str("actor2_name"), _str("actor2_kind"), _str("actor2_country"),
        _str("country"),
        _str("loc_name"), _str("loc_admin1"), _str("loc_country"),
        sa.Column("loc_lat", sa.Double(), nullable=True),
        sa.Column("loc_lon", sa.Double(), nullable=True),
        _str("loc_precision"),
        _str("date"), _str("date_precision"),
        sa.Column("quantities", sa.JSON(), nullable=False),
        _str("status", False), _str("attributed_to"),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=False),
        _str("trigger"),
        _str("fingerprint", False, 40),
        _str("reviewed"), _str("reviewed_by"),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("original", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    for col in ("type", "country", "actor1_name", "actor2_name", "date", "doc_id"):
        op.create_index(f"ix_events_{col}", "events", [col])
    op.create_table(
        "event_links",
        sa.Column("from_event_id", sa.Integer(), nullable=False),
        sa.Column("to_event_id", sa.Integer(), nullable=False),
        _str("relation", False),
        sa.ForeignKeyConstraint(["from_event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["to_event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("from_event_id", "to_event_id", "relation"),
    )
    op.create_index("ix_event_links_to_event_id", "event_links", ["to_event_id"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _str("doc_id", False),
        _str("fingerprint", False, 40),
        _str("action", False),
        sa.Column("changes", sa.JSON(), nullable=True),
        _str("user", False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_reviews_doc_fingerprint", "reviews", ["doc_id", "fingerprint"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _str("name", False), _str("role", False),
        _str("token_hash", False, 64),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_api_tokens_name", "api_tokens", ["name"])


def downgrade() -> None:
    for table in ("api_tokens", "reviews", "event_links", "events", "documents"):
        op.drop_table(table)
