"""`terrain doctor`: check the installation, one line per check, each failure with its fix."""
from __future__ import annotations

import sys

import click

from terrain.analysis.doctor import run_checks
from terrain.cli.app import command, db_option, resolve_db


@command(example="terrain doctor --db postgresql+psycopg://terrain@127.0.0.1/terrain")
@db_option
def doctor(db: str | None) -> None:
    """Check the spaCy model, reference data, gazetteer, database and browser."""
    failed = 0
    for check in run_checks(resolve_db(db)):
        mark = "ok  " if check.ok else ("warn" if check.optional else "FAIL")
        click.echo(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok and check.fix:
            click.echo(f"       fix: {check.fix}")
        failed += (not check.ok and not check.optional)
    sys.exit(1 if failed else 0)
