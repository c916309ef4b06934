"""`terrain migrate`: bring a database to the current schema (Store does it on open; this is explicit)."""
from __future__ import annotations

import click

from terrain.cli.app import command, db_option, resolve_db
from terrain.store.migrate import migrate as migrate_db


@command(example="terrain migrate --db postgresql+psycopg://terrain@127.0.0.1:54329/terrain")
@db_option
def migrate(db: str | None) -> None:
    """Create or upgrade the database schema to the version this Terrain uses."""
    click.echo(f"database at schema revision {migrate_db(resolve_db(db))}")
