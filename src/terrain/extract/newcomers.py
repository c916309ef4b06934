"""Organisations the registry does not know but the report defines: "the Movement for Oneness and Jihad in West
Africa (MUJAO)" names an armed group that the report then calls MUJAO.

A report introduces a group it expects its reader not to know by its full name with the acronym in brackets.
The registry cannot list every faction, party and short-lived mission of a continent, so a defined name whose
words say what kind of body it is becomes that actor for the rest of the document (its later acronyms included);
without this an unknown group fell back to "Militants" or to no actor at all. Names that contain a known actor
("Uganda People's Defence Forces (UPDF)") are left to the registry.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from terrain.records import Actor
from terrain.resolve.actors import registry

# The words that tell what a defined name is. A group is named for what it fights for or how it is organised;
# a mission for its mandate; a party for its politics (kept under its full name, as the gold conventions do).
GROUP_WORDS = frozenset({"movement", "front", "army", "brigade", "battalion", "jihad", "liberation", "militia",
                         "resistance", "mujahideen", "ansar", "coalition", "alliance", "self-defence", "self-defense",
                         "group", "rebels", "patriots", "katiba", "forces"})
STATE_WORDS = frozenset({"armed", "defence", "defense", "national", "police", "gendarmerie", "presidential"})
MISSION_WORDS = frozenset({"mission", "peacekeeping", "stabilisation", "stabilization", "protection"})
PARTY_WORDS = frozenset({"party", "congress"})
JOINERS = frozenset({"of", "for", "in", "the", "and", "to", "de", "du", "des", "pour", "la", "le", "-", "'s"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]{1,9}")


def defined_mentions(doc: Doc, known_tokens: set[int]) -> list[tuple[Span, Actor]]:
    """(span, actor) for each definition "Full Name (ACR)" of a body the registry does not know, and for each
    use of its acronym after; these replace what the registry read in the same tokens."""
    out: list[tuple[Span, Actor]] = []
    defined: dict[str, Actor] = {}
    for tok in doc:
        if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
            continue
        acronym = doc[tok.i + 1]
        if not _ACRONYM.fullmatch(acronym.text) or acronym.text in defined:
            continue
        name = _name_before(doc, tok.i)
        if name is None or any(t.i in known_tokens for t in name):
            continue
        actor = _actor(name, acronym.text)
        known = registry().lookup(acronym.text) if actor is not None else None
        if actor is None or known is not None and known.actor.kind == actor.kind:
            continue  # a variant spelling of a known group keeps the registry's group and its country (but
            # "Popular Renewal Congress (PRC)" is no China)
        defined[acronym.text] = actor
        out.append((doc[name.start:tok.i + 3], actor))
    defining = {t.i for span, _ in out for t in span}
    for tok in doc:
        actor = defined.get(tok.text)
        if actor is not None and tok.i not in defining:
            out.append((doc[tok.i:tok.i + 1], actor))
    return out


def _name_before(doc: Doc, bracket: int) -> Span | None:
    """The capitalised name ending just before the bracket: "the Movement for Oneness and Jihad in West Africa"."""
    start = bracket
    while start > doc[bracket].sent.start:
        prev = doc[start - 1]
        if not (prev.is_title or prev.is_upper or prev.lower_ in JOINERS) or prev.is_punct and prev.text != "-":
            break
        start -= 1
    while start < bracket and doc[start].lower_ in JOINERS:
        start += 1
    name = doc[start:bracket]
    return name if len(name) >= 2 and sum(t.is_title for t in name) >= 2 else None


def _actor(name: Span, acronym: str) -> Actor | None:
    words = {t.lower_ for t in name}
    if words & MISSION_WORDS or "force" in words and words & {"international", "regional", "multinational"}:
        return Actor(acronym, "mission", None)
    if words & PARTY_WORDS:
        return Actor(name.text, "other", None)
    if words & GROUP_WORDS and not (words & STATE_WORDS and words & {"forces", "army"}):
        return Actor(acronym, "armed_group", None)
    return None
