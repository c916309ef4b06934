"""`terrain token create|list|revoke`: API tokens for the web API's writes (stored hashed)."""
from __future__ import annotations

from typing import Any, Callable

import click

from terrain.cli.app import db_option, domain_errors, main, resolve_db
from terrain.store import ROLES, Store


@main.group()
def token() -> None:
    """Manage API tokens: reviewing and ingesting through the API need one.

    \b
    Example:
      terrain token create --role analyst alice
    """


def subcommand(example: str, name: str | None = None) -> Callable[..., Any]:
    def decorate(f: Callable[..., Any]) -> Any:
        return token.command(name=name, epilog=f"\b\nExample:\n  {example}")(domain_errors(f))

    return decorate


@subcommand("terrain token create --role analyst alice")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="analyst", show_default=True,
              help="analyst: ingest and review; admin: also delete documents.")
@db_option
def create(name: str, role: str, db: str | None) -> None:
    """Create a token for NAME and print it (once: only its hash is stored)."""
    with Store(resolve_db(db)) as store:
        value = store.create_token(name, role)
    click.echo(f"token for {name} ({role}); shown once, keep it now:", err=True)
    click.echo(value)


@subcommand("terrain token list", name="list")
@db_option
def list_tokens(db: str | None) -> None:
    """List tokens: name, role, created, last used, revoked (never the token itself)."""
    with Store(resolve_db(db)) as store:
        tokens = store.list_tokens()
    if not tokens:
        click.echo("no tokens (create one with: terrain token create --role analyst NAME)", err=True)
        return
    click.echo(f"{'name':<20} {'role':<8} {'created':<20} {'last used':<20} state")
    for t in tokens:
        click.echo(f"{t.name:<20} {t.role:<8} {t.created_at[:19]:<20} {(t.last_used_at or '-')[:19]:<20} "
                   f"{'revoked' if t.revoked else 'active'}")



@subcommand("terrain token revoke alice")
@click.argument("name")
@db_option
def revoke(name: str, db: str | None) -> None:
    """Revoke NAME's token: it stops working at once."""
    with Store(resolve_db(db)) as store:
        store.revoke_token(name)
    click.echo(f"revoked the token of {name}", err=True)
