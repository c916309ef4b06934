"""What "the same actor", "the same place" and "the same date" mean when scoring (gold files and ACLED).

Actor rule (shared/spec/ONTOLOGY.md, "Gold files"): an extracted actor names a gold actor when
  * the canonical names are equal, compared case-, accent- and punctuation-insensitively
    ("al-Shabaab" = "Al Shabaab"), and alias-aware when the actor registry
    (``terrain.resolve.actors.registry()``) is installed: both names are resolved first
    ("Southern African Development Community" = "SADC"). A named actor is itself whatever country
    each side files it under ("ADF" UGA = "ADF" COD: founded in one, fighting in the other); a
    category name is shared, so there the countries must not differ ("Civilians" CAF is not
    "Civilians" RWA); or
  * both have the same country and *compatible kinds*:
      - ``state`` ≈ ``state_forces`` ≈ ``person``: a government, its forces and a person acting
        for it are one side ("Paul Kagame" RWA speaks for Rwanda; the seed gold codes the
        deploying party as "Rwanda" state_forces while reports say "Kigali sent troops");
      - ``armed_group`` ≈ ``armed_group`` and ``civilians`` ≈ ``civilians``;
      - any other kind (igo, mission, company, other) only matches itself;
  * an actor without a country matches only by name, except that two country-less armed groups
    match ("Unidentified gunmen" vs "gunmen": both unattributed).
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import Any

from terrain.records import CATEGORY_ACTOR_NAMES, Actor, Location

# The kind classes of the "compatible kind" rule; kinds not listed are their own class.
KIND_CLASS = {
    "state": "state", "state_forces": "state", "person": "state",
    "armed_group": "armed_group",
    "civilians": "civilians",
}


def compatible_kinds(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return KIND_CLASS.get(a, a) == KIND_CLASS.get(b, b)


def norm(text: str | None) -> str:
    """Case-, accent- and punctuation-insensitive form: "Mocímboa da Praia" -> "mocimboa da praia"."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@functools.lru_cache(maxsize=1)
def _registry() -> Any | None:
    """The actor registry if that module is installed; scoring works on plain names without it."""
    try:
        from terrain.resolve.actors import registry
    except ImportError:
        return None
    return registry()


@functools.lru_cache(maxsize=4096)
def canonical(name: str) -> str:
    """The normalised canonical name of ``name`` (resolved through the registry where it knows it)."""
    reg = _registry()
    if reg is not None:
        match = reg.lookup(name)
        if match is not None and getattr(match, "actor", None) is not None:
            return norm(match.actor.name)
    return norm(name)


def _category(name: str) -> bool:
    return norm(name) in _CATEGORIES


_CATEGORIES = frozenset(norm(n) for n in CATEGORY_ACTOR_NAMES)


def same_name(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return norm(a) == norm(b) or canonical(a) == canonical(b)


def same_actor(gold: Actor | None, ext: Actor | None) -> bool:
    """Does the extracted actor ``ext`` name the gold actor ``gold``? (the rule in the module doc)"""
    if gold is None or ext is None:
        return False
    if same_name(gold.name, ext.name) and (gold.country is None or ext.country is None
                                           or gold.country == ext.country or not _category(gold.name)):
        return True
    if gold.country is None or ext.country is None:
        return gold.country is None and ext.country is None and gold.kind == ext.kind == "armed_group"
    return gold.country == ext.country and (compatible_kinds(gold.kind, ext.kind) or same_name(gold.name, ext.name))


def location_name(loc: Any) -> str | None:
    """A gold location is a plain name (seeds.jsonl) or a location record; either gives its name."""
    if loc is None:
        return None
    if isinstance(loc, dict):
        return loc.get("name")
    if isinstance(loc, Location):
        return loc.name
    return str(loc)


def same_place(gold_name: str | None, ext: Location | None) -> bool:
    """Gold location null: anything is right. Else the names are equal, or one contains the other
    (also against the extracted admin1): gold "Cabo Delgado" vs extracted admin1 "Cabo Delgado"."""
    if not gold_name:
        return True
    if ext is None:
        return False
    g = norm(gold_name)
    for cand in (ext.name, ext.admin1):
        c = norm(cand)
        if c and (c == g or _contains(c, g) or _contains(g, c)):
            return True
    return False


def _contains(outer: str, inner: str) -> bool:
    """Whole-word containment, so "Goma" is not found inside "Gomal"."""
    return f" {inner} " in f" {outer} "


def same_date(gold: str | None, ext: str | None) -> bool:
    """Gold date null: anything is right. Else the extracted date is as precise or more and agrees."""
    if not gold:
        return True
    return bool(ext) and (ext == gold or ext.startswith(gold + "-"))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))
