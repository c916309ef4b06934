"""ACLED's coding in ontology terms: sub-event types to our types, ACLED actor names to actors.

The table is data (``terrain/data/acled_mapping.yaml``); this module loads it and applies it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pycountry
import yaml

from terrain.evaluate.matching import same_actor, same_name
from terrain.records import CATEGORY_ACTOR_NAMES, EVENT_TYPES, Actor, family

MAPPING_FILE = "acled_mapping.yaml"


@dataclass(frozen=True)
class AcledActor:
    """An ACLED actor as an ontology actor, with the names it may also go by."""

    acled: str
    actor: Actor
    aliases: tuple[str, ...] = ()
    unidentified: bool = False  # "Unidentified Armed Group (X)": the country is where it acts

    def matches(self, ext: Actor | None) -> bool:
        """Same name (or alias, registry-aware), or same country and a compatible kind; an unidentified
        group also matches an extracted armed group that has no country or this country."""
        if ext is None:
            return False
        a = self.actor
        if any(same_actor(Actor(name, a.kind, a.country), ext) for name in (a.name, *self.aliases)):
            return True
        if a.kind == ext.kind and ext.name not in CATEGORY_ACTOR_NAMES and same_name(a.name, ext.name):
            return True  # the README's "same name": "Toposa Ethnic Militia (Sudan)" is our South Sudanese Toposa
        return self.unidentified and ext.kind == "armed_group" and ext.country in (None, self.actor.country)


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    kind: str
    name: str | None
    country: str | None


@functools.lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    """The parsed mapping file, checked: every type is an ontology type, every rule compiles."""
    text = resources.files("terrain.data").joinpath(MAPPING_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    types = {k: tuple(v) for k, v in data["types"].items()}
    bad = sorted({t for ts in types.values() for t in ts} - set(EVENT_TYPES))
    if bad:
        raise ValueError(f"{MAPPING_FILE}: unknown ontology types {bad}")
    rules = [_Rule(re.compile(r["match"]), r["kind"], r.get("name"), r.get("country")) for r in data["actors"]]
    return {"types": types, "rules": rules, "countries": dict(data.get("countries") or {})}


def scored_types(sub_event_type: str) -> tuple[str, ...]:
    """The accepted ontology types of an ACLED sub-event type; () when it is not scored."""
    return mapping()["types"].get(sub_event_type.strip(), ())


def families(types: tuple[str, ...]) -> frozenset[str]:
    return frozenset(family(t) for t in types)


@functools.lru_cache(maxsize=1024)
def country_code(name: str | None) -> str | None:
    """ISO alpha-3 of an ACLED country name ("Kenya" -> "KEN"); None for "International" or unknown."""
    if not name:
        return None
    overrides = mapping()["countries"]
    if name in overrides:
        return overrides[name]
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


@functools.lru_cache(maxsize=4096)
def map_actor(acled_name: str) -> AcledActor | None:
    """The ontology actor of an ACLED actor name; None for an empty name."""
    name = (acled_name or "").strip()
    if not name:
        return None
    for rule in mapping()["rules"]:
        m = rule.pattern.search(name)
        if not m:
            continue
        groups = m.groupdict()
        country = rule.country or country_code(groups.get("country"))
        base, aliases = _plain_name(name)
        if rule.name:
            canonical = rule.name.format(**groups)
            aliases = aliases + (base,)
        elif rule.kind in ("state", "state_forces") and groups.get("country"):
            canonical = groups["country"]
        else:
            canonical = base
        return AcledActor(acled=name, actor=Actor(canonical, rule.kind, country), aliases=aliases,
                          unidentified=canonical.lower().startswith("unidentified"))
    return AcledActor(acled=name, actor=Actor(name, "armed_group", None))


def _plain_name(name: str) -> tuple[str, tuple[str, ...]]:
    """"SLDF: Sabaot Land Defence Force" -> ("Sabaot Land Defence Force", ("SLDF",));
    "Pokot Ethnic Militia (Kenya)" -> ("Pokot Ethnic Militia", ())."""
    base = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip() or name
    m = re.match(r"^([A-Za-z0-9/\-]{2,}):\s+(.+)$", base)
    if m:
        return m.group(2), (m.group(1),)
    bare = re.sub(r"\s+Militia$", "", base)  # "Mungiki Militia": ACLED's suffix on a group's own name
    if bare != base and not re.search(r"\b(Ethnic|Clan|Communal|Political|Unidentified)$", bare):
        return base, (bare,)
    return base, ()


__all__ = ["AcledActor", "country_code", "families", "map_actor", "mapping", "scored_types"]
