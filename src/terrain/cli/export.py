"""`terrain export`: stored events to JSON Lines, CSV or GeoJSON."""
from __future__ import annotations

import click

from terrain.cli.app import command, db_option, resolve_db
from terrain.export import FORMATS, export as export_events
from terrain.store import EventFilter


@command(example="terrain export --format geojson --country COD --since 2024-01 --out cod.geojson")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: the ontology's records; csv: one flat row per event; geojson: located events.")
@click.option("--out", "out", default="-", metavar="FILE", help="Write here instead of standard output.")
@db_option
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Event type (repeatable), e.g. ATTACK.")
@click.option("--country", default=None, metavar="ISO3", help="Where it happened, e.g. COD.")
@click.option("--actor", default=None, metavar="NAME", help="Either actor's canonical name, e.g. M23.")
@click.option("--since", default=None, metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, metavar="DATE", help="Up to this date, inclusive.")
@click.option("--include-rejected", is_flag=True, help="Also export events an analyst rejected.")
def export(fmt: str, out: str, db: str | None, types: tuple[str, ...], country: str | None, actor: str | None,
           since: str | None, until: str | None, include_rejected: bool) -> None:
    """Export stored events (analyst reviews applied; rejected events left out)."""
    flt = EventFilter(types=[t.upper() for t in types] or None, country=country, actor=actor, since=since,
                      until=until, include_rejected=include_rejected)
    n = export_events(resolve_db(db), fmt, out, flt)
    if out != "-":
        click.echo(f"wrote {n} event{'' if n == 1 else 's'} to {out}", err=True)
