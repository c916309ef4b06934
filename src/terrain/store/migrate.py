"""Alembic, run programmatically: ``Store(url)`` upgrades the database to head on open.

No alembic.ini: the script location is this package's ``migrations`` folder. To add a migration
after changing ``models.py``:

    python -m terrain.store.migrate "add column x" --db sqlite:///scratch.db

which autogenerates ``migrations/versions/<rev>_add_column_x.py`` against a database at head;
review it, then ``tests/test_store.py::test_migrations_match_models`` confirms it is complete.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from terrain.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any constant: serialises concurrent migrations of one PostgreSQL database (two workers starting).
_PG_LOCK_KEY = 0x7E77A1


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@functools.lru_cache(maxsize=1)
def head() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise StoreError(f"the migrations have {len(heads)} heads ({', '.join(heads)})",
                         "merge them: alembic merge (see terrain/store/migrate.py)")
    return heads[0]


def current(conn: sa.Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine) -> str:
    """Bring the database to head; returns the revision. One read when it is already there."""
    target = head()
    with engine.connect() as conn:
        if current(conn) == target:
            return target
    # One transaction: a failed migration leaves the database as it was (SQLite and PostgreSQL both
    # have transactional DDL; for SQLite the engine emits BEGIN itself, see store/engine.py).
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        found = current(conn)
        if found == target:
            return target
        known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        if found is not None and found not in known:
            raise StoreError(f"the database is at schema revision {found}, which this Terrain does not know",
                             "it was written by a newer Terrain: upgrade terrain (pip install -U terrain)")
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return target


def migrate(url: str) -> str:
    """Create or upgrade the database at ``url``; returns its schema revision."""
    from terrain.store.engine import connection_error, make_engine

    engine = make_engine(url)
    try:
        return upgrade(engine)
    except sa.exc.SQLAlchemyError as err:
        raise connection_error(url, err) from err
    finally:
        engine.dispose()


def make_revision(message: str, url: str) -> None:
    """Autogenerate a migration from the difference between ``models.py`` and a database at head."""
    from terrain.store.engine import make_engine

    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        cfg = alembic_config(url)
        cfg.attributes["connection"] = conn
        command.revision(cfg, message=message, autogenerate=True)
    engine.dispose()


if __name__ == "__main__":  # pragma: no cover - developer tool
    args = sys.argv[1:]
    db = "sqlite:///migrate-scratch.db"
    if "--db" in args:
        i = args.index("--db")
        db = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit('usage: python -m terrain.store.migrate "message" [--db URL]')
    make_revision(args[0], db)
