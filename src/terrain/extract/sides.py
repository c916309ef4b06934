"""Whose side an event's parties are on: a generic actor ("militants", "police") belongs to the event's country,
peacekeepers and the UN's forces in violence are its mission there, and a relation happens where its parties
put it (a deployment in its host, backing where the group fights)."""
from __future__ import annotations

from spacy.tokens import Token

from terrain.extract.lexicon import lexicon
from terrain.extract.violence import UNIDENTIFIED
from terrain.records import VIOLENT_TYPES, Actor
from terrain.resolve.actors import registry
from terrain.resolve.missions import un_mission


def fill_country(actor: Actor | None, country: str | None, year: int | None = None) -> Actor | None:
    """Generic actors ("militants", "police", "civilians") belong to the event's country; al-Qaeda or the
    Islamic State named in a country is its local branch, once that branch exists ("al-Qaeda" in Kenya in
    2002 is al-Qaeda, in 2020 al-Shabaab)."""
    if actor is None or actor.country or not country or actor.name == UNIDENTIFIED.name:
        return actor
    if actor.kind == "state_forces":
        return registry().forces(country)
    if actor.kind == "armed_group":
        branch = lexicon().words["branches"].get(actor.name.lower(), {}).get(country)
        if branch and year and year < lexicon().words["branch_since"].get(branch, 0):
            return actor
        match = registry().lookup(branch) if branch else None
        return match.actor if match else Actor(actor.name, actor.kind, country)
    return Actor(actor.name, actor.kind, country)


PEACEKEEPERS = frozenset({"peacekeeper", "helmet", "peacekeeping"})


def as_mission(typ: str, actor: Actor | None, tok: Token | None, country: str | None,
               year: int | None = None) -> Actor | None:
    """Peacekeepers in violence are their UN mission: "a Moroccan and a Gabonese peacekeeper were killed",
    "the peacekeepers fired back" (ACLED and our gold code MINUSCA, not Morocco)."""
    if typ in VIOLENT_TYPES and actor is not None and actor.kind == "igo" and actor.name == "United Nations":
        return un_mission(country, year) or actor  # "U.N. attack helicopters had fired on rebel positions": MONUSCO's
    if typ not in VIOLENT_TYPES or actor is None or actor.kind not in ("state", "state_forces") or tok is None:
        return actor
    if any(t.lemma_.lower() in PEACEKEEPERS for t in (tok, tok.head, *tok.subtree)):
        return un_mission(country, year) or actor
    return actor


def type_country(typ: str, a1: Actor | None, a2: Actor | None, ctx: str | None) -> str | None:
    """Where a relation happens: a deployment in its host, a request at the requester's, backing where the group
    fights; else the country in context."""
    if typ in ("DEPLOY", "WITHDRAW") and a2 is not None:
        return a2.country
    if typ == "REQUEST" and a1 is not None and a1.country:
        return a1.country
    if typ == "SUPPORT" and a2 is not None and a2.kind == "armed_group" and a2.country:
        # backing happens where the group fights: at home, unless the report is about the backer's own
        # soil ("the Interahamwe ... integrated into the Congolese army" in a report on eastern Congo)
        if a1 is not None and a1.kind in ("state", "state_forces") and ctx == a1.country != a2.country:
            return a1.country
        return a2.country
    return ctx
