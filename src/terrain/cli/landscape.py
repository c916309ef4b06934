"""`terrain events`, `terrain deployments`, `terrain overstretch`: the analyst's landscape from stored events."""
from __future__ import annotations

import json
from typing import Any, Sequence

import click

from terrain.analysis.deployments import PRESENCE_TYPES, deployments as build_deployments
from terrain.analysis.merge import merge_events
from terrain.analysis.overstretch import overstretch as build_overstretch
from terrain.analysis.reference import country_iso3
from terrain.cli.app import command, db_option, resolve_db
from terrain.errors import TerrainError
from terrain.records import EVENT_TYPES, StoredEvent

# What the registry reads: deployments and withdrawals, presence shown by acts in the host, and requests.
REGISTRY_TYPES = ["DEPLOY", "WITHDRAW", "REQUEST", *sorted(PRESENCE_TYPES)]


def _load(db: str | None, **filters: Any) -> list[StoredEvent]:
    from terrain.store import EventFilter, Store

    with Store(resolve_db(db)) as store:
        return store.events(EventFilter(**filters))


def _table(headers: Sequence[str], rows: list[Sequence[Any]]) -> str:
    cells = [[("" if v is None else str(v)) for v in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = lambda r: "  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, cells)])


def _echo_json(records: list[dict[str, Any]]) -> None:
    click.echo(json.dumps(records, ensure_ascii=False, indent=2, default=str))


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    iso = country_iso3(value)
    if iso is None:
        raise TerrainError(f"unknown country {value!r}", "give an ISO3 code (COD) or a country name (DR Congo)")
    return iso


def _quantities(q: dict[str, float], ranges: dict[str, tuple[float, float]]) -> str:
    parts = []
    for k, v in q.items():
        lo, hi = ranges.get(k, (v, v))
        parts.append(f"{k} {v:g}" + (f" ({lo:g}-{hi:g})" if lo != hi else ""))
    return ", ".join(parts)


@command(example="terrain events --type ATTACK --country COD --since 2024-01")
@click.option("--type", "types", multiple=True, type=click.Choice(EVENT_TYPES, case_sensitive=False),
              help="Event type (repeatable).")
@click.option("--actor", default=None, metavar="NAME", help="Either actor's canonical name, e.g. M23.")
@click.option("--country", default=None, metavar="ISO3", help="Where it happened (ISO3 or name).")
@click.option("--since", default=None, metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, metavar="DATE", help="Up to this date, inclusive.")
@click.option("--window", default=7, show_default=True, type=click.IntRange(0, 365),
              help="Days apart two reports of one happening may date it.")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON records instead of a table.")
def events(types: tuple[str, ...], actor: str | None, country: str | None, since: str | None,
           until: str | None, window: int, db: str | None, as_json: bool) -> None:
    """List events merged across reports: one row per happening, with its number of sources."""
    stored = _load(db, types=[t.upper() for t in types] or None, actor=actor, country=_country(country),
                   since=since, until=until)
    merged = merge_events(stored, window_days=window)
    if as_json:
        return _echo_json([m.to_record() for m in merged])
    rows = [(m.date or "", m.type, m.actor1.name if m.actor1 else "", m.actor2.name if m.actor2 else "",
             m.country, m.location.name if m.location else "", m.status,
             _quantities(m.quantities, m.quantity_ranges), m.source_count) for m in merged]
    click.echo(_table(("date", "type", "actor1", "actor2", "country", "place", "status", "figures", "sources"), rows))
    click.echo(f"{len(merged)} events from {len(stored)} reports", err=True)


@command(example="terrain deployments --provider Rwanda")
@click.option("--provider", default=None, metavar="ISO3|NAME", help="Who deploys: a state, company or mission.")
@click.option("--host", default=None, metavar="ISO3|NAME", help="Where: the host country.")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON records instead of a table.")
def deployments(provider: str | None, host: str | None, db: str | None, as_json: bool) -> None:
    """The deployment registry: who is deployed where, status, troop figures, framework, evidence."""
    found = build_deployments(_load(db, types=REGISTRY_TYPES), provider=provider, host=host)
    if as_json:
        return _echo_json([d.to_record() for d in found])
    rows = [(d.provider.name, d.host, d.area, d.status, d.latest_troops, d.peak_troops, d.framework + (
        f" ({d.mission or d.organisation})" if d.mission or d.organisation else ""), d.first_reported,
        d.last_reported, len(d.evidence_events)) for d in found]
    click.echo(_table(("provider", "host", "area", "status", "troops", "peak", "framework", "first", "last",
                       "evidence"), rows))


def _parse_add(values: tuple[str, ...]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        host, sep, n = v.partition("=")
        if not sep or not host.strip() or not n.strip().isdigit() or int(n) <= 0:
            raise TerrainError(f"--add {v!r} is not HOST=TROOPS", "write e.g. --add BEN=700 (a positive whole number)")
        out[host.strip()] = out.get(host.strip(), 0) + int(n)
    return out


def _pct(x: float | None) -> str:
    return "" if x is None else f"{100 * x:.1f}%"


@command(example="terrain overstretch --provider RWA --add BEN=700")
@click.option("--provider", default=None, metavar="ISO3|NAME", help="One providing state (default: all).")
@click.option("--add", "add", multiple=True, metavar="HOST=TROOPS", help="What-if: a proposed deployment (repeatable).")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON records instead of a table.")
def overstretch(provider: str | None, add: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """Troops each state has deployed abroad as reported, as a share of its active force, and over time."""
    loads = build_overstretch(_load(db, types=REGISTRY_TYPES), add=_parse_add(add) or None, provider=provider)
    if as_json:
        return _echo_json([l.to_record() for l in loads])
    rows = [(l.name, l.provider, l.active_personnel, l.personnel_year, l.deployed, _pct(l.share), l.n_deployments,
             l.n_without_figures, _pct(l.what_if) if l.added else "") for l in loads]
    click.echo(_table(("provider", "iso3", "active", "year", "deployed", "share", "deployments", "no figure",
                       "what-if"), rows))
    for l in loads:
        if l.personnel_source:
            click.echo(f"\n{l.name}: active personnel from {l.personnel_source}")
        changes = [t for i, t in enumerate(l.timeline) if i == 0 or t[1] != l.timeline[i - 1][1]]
        for month, n, share in changes:
            click.echo(f"  {month}  {n:>7}  {_pct(share)}")
