"""`terrain serve`: the API and the map workspace (uvicorn)."""
from __future__ import annotations

import ipaddress

import click

from terrain.cli.app import command, db_option, resolve_db


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@command(example="terrain serve --port 8000 --db sqlite:///terrain.db")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@db_option
def serve(host: str, port: int, db: str | None) -> None:
    """Serve the JSON API (/api, docs at /docs) and the map workspace (/) over one database.

    Reads are open to whoever reaches the address; writes need a token (`terrain token create`).
    """
    import uvicorn

    from terrain.web.app import create_app

    app = create_app(resolve_db(db))  # opens and migrates the database: a bad URL fails here, clearly
    if not _loopback(host):
        click.echo(f"note: listening on {host}: anyone who reaches it can read the events", err=True)
    click.echo(f"Terrain workspace on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
