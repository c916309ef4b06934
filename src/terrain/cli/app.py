"""The `terrain` command group and what every command shares (--db, error handling).

Commands live one module per feature in this package and register themselves on ``main``;
each parses its arguments, calls one library function and turns domain errors into a clean
message and exit code.
"""
from __future__ import annotations

import functools
import sys
from typing import Any, Callable

import click

from terrain import settings
from terrain.errors import TerrainError

EXIT_ERROR = 2  # a domain error (bad input, missing model, unknown actor)
EXIT_PARTIAL = 1  # the run went on, but some inputs failed


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="terrain")
def main() -> None:
    """Terrain: news reports in, a sourced picture of a region's security landscape out.

    \b
    Example:
      terrain ingest ../shared/corpus/seeds && terrain eval ../shared/gold/seeds.jsonl
    """


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """--db URL, defaulting to $TERRAIN_DB or the settings table's default."""
    return click.option(
        "--db", "db", default=None, metavar="URL",
        help=f"Database URL (env {settings._BY_NAME['db'].env}; default {settings._BY_NAME['db'].default}).",
    )(f)


def resolve_db(db: str | None) -> str:
    return db or settings.get("db")


def domain_errors(f: Callable[..., Any]) -> Callable[..., Any]:
    """Print a TerrainError as a message with its fix and exit 2, instead of a traceback."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except TerrainError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper


def command(name: str | None = None, example: str = "", **kwargs: Any) -> Callable[..., Any]:
    """Register a command on ``main`` with an example in its --help and domain error handling."""

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        epilog = f"\b\nExample:\n  {example}" if example else None
        return main.command(name=name, epilog=epilog, **kwargs)(domain_errors(f))

    return decorate
