"""`terrain ingest`: read reports, extract events, store them."""
from __future__ import annotations

import sys

import click

from terrain.cli.app import EXIT_PARTIAL, command, db_option, resolve_db
from terrain.pipeline import ingest_paths
from terrain.store import Store


@command(example="terrain ingest ../shared/corpus/seeds reports.jsonl --db sqlite:///terrain.db")
@click.argument("paths", nargs=-1, required=True)
@click.option("--processes", "-j", type=click.IntRange(1, 8), default=None,
              help="spaCy worker processes (default $TERRAIN_PROCESSES or 1).")
@db_option
def ingest(paths: tuple[str, ...], processes: int | None, db: str | None) -> None:
    """Ingest PATHS (.txt .md .html .jsonl files, directories, or - for standard input).

    Re-ingesting the same text is a no-op; each document is stored in its own transaction.
    Unreadable inputs are reported with the file and line, the rest go on, and the exit code is 1.
    """
    with Store(resolve_db(db)) as store:
        summary = ingest_paths(list(paths), store, processes=processes, stdin=sys.stdin,
                               show_progress=sys.stderr.isatty(),
                               on_error=lambda e: click.echo(f"error: {e}", err=True))
    click.echo(summary.line())
    if summary.failed:
        sys.exit(EXIT_PARTIAL)
