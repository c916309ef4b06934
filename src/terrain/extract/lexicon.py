"""The trigger lexicon (src/terrain/data/triggers.yaml) and the word lists of extraction.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


def load_data(name: str) -> dict:
    with resources.files("terrain.data").joinpath(name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    particles: dict[tuple[str, str], str]  # ("call", "on") -> REQUEST
    nouns: dict[str, str]
    objects: dict[str, dict[str, str]]
    needs_object: frozenset[str]
    breaking: frozenset[str]
    intent: frozenset[str]
    prevent: frozenset[str]
    reactions: frozenset[str]
    victim_nouns: frozenset[str]
    death_nouns: frozenset[str]
    crowd_verbs: frozenset[str]
    participles: dict[str, str]
    words: dict  # extraction.yaml: generic actor nouns, speech verbs, status cues


@lru_cache(maxsize=None)
def wordset(key: str) -> frozenset[str]:
    """A word list of extraction.yaml as a set, built once (read for every violent trigger)."""
    return frozenset(lexicon().words[key])


def verb_of(word: str) -> str | None:
    """The lexicon verb a word form is ("killed" -> kill, "shot" -> shoot), else None."""
    lex, w = lexicon(), word.lower()
    for form in (w, lex.participles.get(w), w[:-2] if w.endswith("ed") else None, w[:-1] if w.endswith("ed") else None):
        if form and form in lex.verbs:
            return form
    return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    t = load_data("triggers.yaml")
    verbs, particles = {}, {}
    for key, typ in t["verbs"].items():
        parts = key.split()
        if len(parts) == 1:
            verbs[key] = typ
        else:
            particles[(parts[0], parts[1])] = typ
    return Lexicon(
        verbs=verbs, particles=particles, nouns=dict(t["nouns"]), objects=t["objects"],
        needs_object=frozenset(t["needs_object"]), breaking=frozenset(t["breaking"]),
        intent=frozenset(t["intent"]), prevent=frozenset(t["prevent"]), reactions=frozenset(t["reactions"]),
        victim_nouns=frozenset(t["victim_nouns"]), death_nouns=frozenset(t["death_nouns"]),
        crowd_verbs=frozenset(t["crowd_verbs"]), participles=dict(t["participles"]),
        words=load_data("extraction.yaml"),
    )
