"""Reference data for the analysis layer: force sizes, missions, and country names.

* ``personnel()``: ``data/military_personnel.csv`` (active military personnel per state, with year and source).
* ``missions()`` / ``organisations()``: ``data/missions.yaml`` (which organisation mandates a mission, and the
  framework it stands for: UN, AU, regional, EU).
* ``country_iso3(text)``: ISO3 for a code or a name ("RWA", "Rwanda", "DR Congo", "Kinshasa" via the actor
  registry when it is installed).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from terrain.errors import TerrainError


@dataclass(frozen=True)
class Personnel:
    iso3: str
    country: str
    active_personnel: int
    year: int
    source: str


@dataclass(frozen=True)
class Mission:
    name: str
    organisation: str
    framework: str  # UN | AU | regional | EU
    hosts: tuple[str, ...]
    aliases: tuple[str, ...]


DATA = Path(__file__).resolve().parents[1] / "data"


def _data(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def personnel() -> dict[str, Personnel]:
    """ISO3 -> Personnel. Raises TerrainError naming the file and line on a bad row."""
    path = "src/terrain/data/military_personnel.csv"
    lines = [(n, line) for n, line in enumerate(_data("military_personnel.csv").splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    reader = csv.DictReader([line for _, line in lines])
    out: dict[str, Personnel] = {}
    for (n, _), row in zip(lines[1:], reader):
        try:
            rec = Personnel(row["iso3"].strip(), row["country"].strip(), int(row["active_personnel"]),
                            int(row["year"]), row["source"].strip())
        except (KeyError, TypeError, ValueError) as err:
            raise TerrainError(f"{path}:{n}: bad row ({err})",
                               "columns are iso3,country,active_personnel,year,source with whole numbers") from err
        if rec.iso3 in out or rec.active_personnel <= 0 or not rec.source:
            raise TerrainError(f"{path}:{n}: duplicate {rec.iso3}, or a non-positive figure, or no source",
                               "one row per ISO3 code, a positive figure and its source")
        out[rec.iso3] = rec
    return out


def _missions_yaml() -> dict:
    from terrain.resolve.missions import missions_data  # one reader for the extractor and the analysis

    return missions_data()


def organisations() -> dict[str, str]:
    """Organisation name (and alias) -> framework."""
    out: dict[str, str] = {}
    for name, rec in _missions_yaml()["organisations"].items():
        for alias in [name, *rec.get("aliases", [])]:
            out[alias] = rec["framework"]
    return out


@lru_cache(maxsize=1)
def missions() -> dict[str, Mission]:
    orgs = _missions_yaml()["organisations"]
    out = {}
    for name, rec in _missions_yaml()["missions"].items():
        org = rec["organisation"]
        out[name] = Mission(name, org, orgs[org]["framework"], tuple(rec.get("hosts", [])),
                            tuple(rec.get("aliases", [])))
    return out


@lru_cache(maxsize=1)
def _mission_pattern() -> tuple[re.Pattern, dict[str, str]]:
    by_alias = {}
    for m in missions().values():
        for alias in (m.name, *m.aliases):
            by_alias[alias.casefold()] = m.name
    names = sorted(by_alias, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.I), by_alias


def find_mission(text: str | None) -> Mission | None:
    """The first mission named (by name or alias, as a whole word) in ``text``."""
    if not text:
        return None
    pattern, by_alias = _mission_pattern()
    m = pattern.search(text)
    return missions()[by_alias[m.group(1).casefold()]] if m else None


@lru_cache(maxsize=65536)  # called per event pair by merge: names repeat, folding them each time dominated
def fold(text: str) -> str:
    """Case- and accent-insensitive form, for comparing names ("Mocímboa" == "mocimboa")."""
    norm = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in norm if not unicodedata.combining(c)).casefold().split())


def registry_actor(text: str):
    """The registry's canonical actor for ``text``, or None (also when the registry is not installed)."""
    try:
        from terrain.resolve.actors import registry
    except ImportError:  # the actor registry is optional for this module: names still resolve by pycountry
        return None
    match = registry().lookup(text)
    return getattr(match, "actor", match) if match is not None else None


def country_iso3(text: str | None) -> str | None:
    """ISO3 for an ISO3/ISO2 code, a country name (ours, pycountry's) or a name the actor registry knows."""
    if not text or not text.strip():
        return None
    text = text.strip()
    table = personnel()
    if text.upper() in table:
        return text.upper()
    for rec in table.values():
        if fold(rec.country) == fold(text):
            return rec.iso3
    actor = registry_actor(text)
    if actor is not None and getattr(actor, "kind", None) in ("state", "state_forces") and actor.country:
        return actor.country
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return None


def country_name(iso3: str) -> str:
    """Short common name ("DR Congo"): our table, else pycountry, else the code."""
    if iso3 in personnel():
        return personnel()[iso3].country
    c = pycountry.countries.get(alpha_3=iso3)
    return (getattr(c, "common_name", None) or c.name) if c else iso3
