"""`terrain eval` (a gold file against the store) and `terrain eval-acled` (the extractor on ACLED notes)."""
from __future__ import annotations

import json
import sys

import click

from terrain.cli.app import command, db_option, resolve_db


@command(name="eval", example="terrain eval ../shared/gold/seeds.jsonl --db sqlite:///terrain.db --verbose")
@click.argument("gold_path", metavar="GOLD.jsonl", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--verbose", "-v", is_flag=True, help="List each missed fact and each false positive.")
def eval_gold(gold_path: str, db: str | None, as_json: bool, verbose: bool) -> None:
    """Score the stored events of the documents of GOLD.jsonl against its facts.

    Recall, precision, recall by family and by type, and the accuracy of location, date, quantities
    and status among the facts found (matching rule: shared/spec/ONTOLOGY.md, "Gold files").
    Ingest the gold documents first: one missing from the store counts as all missed.
    """
    from terrain.evaluate.gold import evaluate, format_report
    from terrain.store import Store

    with Store(resolve_db(db)) as store:
        report = evaluate(gold_path, store)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if as_json
               else format_report(report, verbose=verbose))


@command(name="eval-acled",
         example="terrain eval-acled ../shared/corpus/acled-kenya/acled_kenya_2004-2019.csv --sample 300 --seed 1")
@click.argument("csv_path", metavar="CSV", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(1), default=None, help="Score only the first N scored rows.")
@click.option("--sample", type=click.IntRange(1), default=None, help="Score a random sample of N scored rows.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of --sample.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--worst", type=click.IntRange(0), default=10, show_default=True,
              help="Show the K worst-scored notes (ids, types, what was extracted).")
@click.option("--processes", "-j", type=click.IntRange(1, 8), default=None,
              help="spaCy worker processes (default $TERRAIN_PROCESSES or 1).")
def eval_acled(csv_path: str, limit: int | None, sample: int | None, seed: int, as_json: bool, worst: int,
               processes: int | None) -> None:
    """Extract events from the notes of an ACLED CSV (nothing stored) and score them on ACLED's coding.

    One document per distinct note; measures: family, type, actors, country, location (25 km),
    fatalities (where the note writes the number), date (where the note writes the day).
    ACLED data are for development and evaluation only (cite: ACLED, acleddata.com).
    """
    from terrain.evaluate.acled import evaluate_acled, format_acled_report

    report = evaluate_acled(csv_path, limit=limit, sample=sample, seed=seed, processes=processes,
                            show_progress=sys.stderr.isatty())
    click.echo(json.dumps(report.to_dict(worst=worst), indent=2, ensure_ascii=False) if as_json
               else format_acled_report(report, worst=worst))
