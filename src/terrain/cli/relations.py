"""`terrain relations`, `terrain claims`, `terrain brief`: relations over time, claim threads, briefs."""
from __future__ import annotations

import json
from typing import Any

import click

from terrain.cli.app import command, db_option, resolve_db
from terrain.records import StoredEvent


def _load(db: str | None, since: str | None = None) -> list[StoredEvent]:
    from terrain.store import Store
    from terrain.store.filters import EventFilter

    with Store(resolve_db(db)) as store:
        return store.events(EventFilter(since=since).validate())


def _dump(data: Any, path: str) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    if path == "-":
        click.echo(text)
    else:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
        click.echo(f"wrote {path}", err=True)


@command(example="terrain relations Burundi --since 2021 --graphml burundi.graphml")
@click.argument("actor", required=False)
@click.option("--since", default=None, metavar="DATE", help="Only events from this date (YYYY, YYYY-MM, YYYY-MM-DD).")
@click.option("--graphml", "graphml", default=None, metavar="PATH", help="Also write the graph as GraphML.")
@click.option("--json", "json_path", default=None, metavar="PATH|-",
              help="Write the graph (Cytoscape-style nodes/edges with monthly series) as JSON; - for stdout.")
@db_option
def relations(actor: str | None, since: str | None, graphml: str | None, json_path: str | None,
              db: str | None) -> None:
    """Co-operation (+) / hostility (-) per pair of actors and month, with detected shifts.

    ACTOR (a name, alias or ISO3 code) keeps the pairs it is part of. Weights: docs/relations.md.
    """
    from terrain.analysis import relations as rel

    report = rel.relations(_load(db, since), actor=actor)
    if graphml:
        click.echo(f"wrote {rel.to_graphml(report, graphml)}", err=True)
    if json_path:
        _dump(rel.to_json(report), json_path)
    if json_path != "-":
        click.echo(rel.format_report(report))


@command(example="terrain claims Rwanda")
@click.argument("actor", required=False)
@click.option("--since", default=None, metavar="DATE", help="Only events from this date.")
@click.option("--json", "as_json", is_flag=True, help="Print the threads as JSON.")
@db_option
def claims(actor: str | None, since: str | None, as_json: bool, db: str | None) -> None:
    """Accusations, the alleged facts and their denials, as threads: who says what about whom, who denies it."""
    from terrain.analysis import claims as cl

    threads = cl.claims(_load(db, since), actor=actor)
    if as_json:
        return _dump([cl.to_record(t) for t in threads], "-")
    if not threads:
        click.echo("no accusations or denials" + (f" involving {actor}" if actor else ""))
    click.echo("\n\n".join(cl.describe(t) for t in threads))


@command(example="terrain brief Rwanda --since 2021 --format html --out rwanda.html")
@click.argument("subject")
@click.option("--since", default=None, metavar="DATE", help="Only events from this date.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="html", show_default=True)
@click.option("--out", default=None, metavar="PATH", help="Output file (default brief-SUBJECT.FORMAT).")
@db_option
def brief(subject: str, since: str | None, fmt: str, out: str | None, db: str | None) -> None:
    """A brief on a COUNTRY or an ACTOR: figures, deployments, overstretch, relations, timeline, map; all cited."""
    from terrain.analysis.brief import brief as write_brief
    from terrain.store import Store

    with Store(resolve_db(db)) as store:
        path = write_brief(store, subject, since=since, fmt=fmt, out=out)
    click.echo(str(path))
