"""Peace-support missions (``data/missions.yaml``), read once: which organisation mandates each mission and
where it serves. The extractor asks which UN mission serves in a country ("a Rwandan blue helmet was killed in
Haute-Kotto" hits MINUSCA, as ACLED and our gold code attacks on peacekeepers); the analysis layer reads the
frameworks (``terrain.analysis.reference``)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from terrain.records import Actor
from terrain.resolve.actors import registry


@lru_cache(maxsize=1)
def missions_data() -> dict:
    """The parsed ``missions.yaml``: ``organisations`` and ``missions``."""
    with resources.files("terrain.data").joinpath("missions.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=None)
def un_mission(country: str | None, year: int | None = None) -> Actor | None:
    """The one UN mission hosted by ``country`` in ``year`` (or now: of those not yet ended), the one it hosts alone
    where it hosts several; None where there is none, or no single one. "UN peacekeepers" held in Sierra Leone in
    2000 were UNAMSIL's."""
    found = [name for name, rec in missions_data()["missions"].items()
             if rec["organisation"] == "UN" and country in rec.get("hosts", []) and _serving(rec, year)]
    if len(found) > 1:  # South Sudan's UNMISS, not UNISFA, which it shares with Sudan at Abyei: the country's own
        found = [name for name in found if missions_data()["missions"][name]["hosts"] == [country]]
    match = registry().lookup(found[0]) if len(found) == 1 else None
    return match.actor if match is not None else None


@lru_cache(maxsize=None)
def mission_host(name: str) -> str | None:
    """The one country a mission serves in ("sent 750 soldiers to MINUSCA": to the CAR); None for several."""
    rec = missions_data()["missions"].get(name)
    hosts = rec.get("hosts", []) if rec else []
    return hosts[0] if len(hosts) == 1 else None


def _serving(rec: dict, year: int | None) -> bool:
    if year is None:
        return "ended" not in rec
    return rec.get("began", 0) <= year <= rec.get("ended", year)
