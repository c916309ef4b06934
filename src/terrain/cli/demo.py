"""`terrain demo`: ingest the bundled demo corpus and print the landscape."""
from __future__ import annotations

import click

from terrain.analysis.landscape import demo_corpus_path, landscape, format_landscape
from terrain.cli.app import command, db_option, resolve_db
from terrain.pipeline import ingest_paths
from terrain.store import Store


@command(example="terrain demo --db sqlite:///demo.db")
@db_option
def demo(db: str | None) -> None:
    """Ingest the demo corpus (reports written by the Terrain team) and print events by type,
    deployments and top actors."""
    with Store(resolve_db(db)) as store:
        summary = ingest_paths([str(demo_corpus_path())], store)
        click.echo(summary.line())
        click.echo(format_landscape(landscape(store)))
