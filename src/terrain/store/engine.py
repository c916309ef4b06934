"""Creating the SQLAlchemy engine: URL checks, SQLite settings, errors that say what to do."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from terrain.errors import StoreError

FIX_URL = ("use sqlite:///path/to/terrain.db or postgresql+psycopg://user@host:port/dbname "
           "(--db or TERRAIN_DB)")
FIX_SERVER = "start PostgreSQL (scripts/pg-start starts a local one) or check TERRAIN_DB / --db"


def normalise_url(url: str) -> sa.URL:
    if not url or "://" not in url:
        raise StoreError(f"not a database URL: {url!r}", FIX_URL)
    try:
        u = make_url(url)
    except Exception as err:  # ArgumentError, ValueError on a bad port, ...
        raise StoreError(f"not a database URL: {url!r} ({err})", FIX_URL) from err
    # psycopg (3) is the driver we ship; plain postgresql:// would look for psycopg2.
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    if u.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {u.get_backend_name()!r} in {url!r}", FIX_URL)
    return u


def _sqlite_memory(u: sa.URL) -> bool:
    return u.database in (None, "", ":memory:") or "mode=memory" in str(u)


def make_engine(url: str) -> sa.Engine:
    u = normalise_url(url)
    kwargs: dict[str, Any] = {}
    if u.get_backend_name() == "sqlite":
        memory = _sqlite_memory(u)
        if memory:
            # One connection shared by everything, or each connection would see its own empty database.
            kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        else:
            u = u.set(database=os.path.expanduser(u.database))  # sqlite3 itself would not expand ~
            try:
                Path(u.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(f"cannot create the folder for {u.database}: {err}",
                                 "choose a writable path for the SQLite file") from err
            # timeout: how long a writer waits for another writer's lock (the web app and an ingest).
            kwargs.update(connect_args={"timeout": 30, "check_same_thread": False})
    else:
        kwargs.update(pool_pre_ping=True, connect_args={"connect_timeout": 10})
    try:
        engine = sa.create_engine(u, **kwargs)
    except Exception as err:  # missing driver module and the like
        raise StoreError(f"cannot use database {u.render_as_string(hide_password=True)}: {err}",
                         FIX_URL) from err
    if u.get_backend_name() == "sqlite":
        _sqlite_setup(engine, wal=not _sqlite_memory(u))
    return engine


def _sqlite_setup(engine: sa.Engine, wal: bool) -> None:
    """Foreign keys on (ON DELETE CASCADE), WAL, and real transactions.

    Python's sqlite3 module begins transactions lazily and not before every statement, which breaks
    SAVEPOINT and transactional DDL; the SQLAlchemy docs' recipe ("Serializable isolation /
    Savepoints / Transactional DDL") turns that off and emits BEGIN itself. A write transaction asks
    for BEGIN IMMEDIATE (execution option ``sqlite_immediate``) so that two writers queue on the
    busy timeout instead of failing with "database is locked" when a read lock is upgraded.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if wal:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")  # with WAL: consistent after any crash; a power cut may drop the last commits
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return normalise_url(url).render_as_string(hide_password=True)
    except StoreError:
        return url


def connection_error(url: str, err: Exception) -> StoreError:
    backend = normalise_url(url).get_backend_name()
    detail = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
    if backend == "postgresql":
        return StoreError(f"cannot open database {describe(url)}: {detail}", FIX_SERVER)
    return StoreError(f"cannot open database {describe(url)}: {detail}",
                      "check that the file's folder is writable and the file is a Terrain SQLite database")
