"""Which UN peacekeeping mission serves in a country (``data/missions.yaml``): "a Rwandan blue helmet was
killed in Haute-Kotto" hits MINUSCA, as ACLED and our gold code attacks on peacekeepers."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from terrain.records import Actor
from terrain.resolve.actors import registry


@lru_cache(maxsize=None)
def un_mission(country: str | None) -> Actor | None:
    """The one UN mission hosted by ``country``; None where there is none, or several (Sudan)."""
    with resources.files("terrain.data").joinpath("missions.yaml").open(encoding="utf-8") as fh:
        missions = yaml.safe_load(fh)["missions"]
    found = [name for name, rec in missions.items()
             if rec["organisation"] == "UN" and country in rec.get("hosts", [])]
    match = registry().lookup(found[0]) if len(found) == 1 else None
    return match.actor if match is not None else None
