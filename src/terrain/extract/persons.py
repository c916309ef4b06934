"""People in a report: persons the registry does not know (by the NER), the office that says whom a person acts
for ("Benin's government spokesman, Wilfried Houngbédji"; "South Africa's President Jacob Zuma"), an official of
no country as the body he heads, and a bare surname as the person named in full before."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from terrain.records import GENERIC_ACTOR_NAMES, Actor
from terrain.resolve.actors import registry

if TYPE_CHECKING:
    from terrain.extract.mentions import Mention


def body_of(actor: Actor) -> Actor:
    """An official of no country speaks for the body he heads ("Guterres condemned the attack": the UN), as a
    head of state speaks for his state; a person with a country stays a person (the ontology's `person`)."""
    if actor.kind != "person" or actor.country is not None:
        return actor
    body = registry().acts_for(actor)
    return body if body is not None and body.kind in ("igo", "mission") else actor


def faction_of(actor: Actor) -> Actor:
    """The faction a commander leads: "backed Haftar", "forces loyal to Khalifa Haftar" are the LNA; a head of
    state stays a person (the ontology's `person`, one side with his state)."""
    body = registry().acts_for(actor) if actor.kind == "person" else None
    return body if body is not None and body.kind in ("armed_group", "company") else actor


def person_mentions(doc: Doc, known: list[Mention]) -> list[tuple[Span, Actor]]:
    """People the registry does not know ("Bozizé", a spokesman by name): persons whose country is
    filled from the event. Names the gazetteer knows as places are left out (the NER tags many
    villages PERSON)."""
    from terrain.resolve.gazetteer import gazetteer

    taken = {t.i for m in known for t in m.span}
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    family_names = {t.lower_ for e in people if len(e) > 1 for t in e[1:]}  # "Michael Makuei Lueth ... Makuei"
    in_person = {t.i for e in people for t in e}
    # a surname the NER tags otherwise ("accused Bozizé of a coup", Bozizé an ORG) is still the person
    people += [doc[t.i:t.i + 1] for t in doc if t.lower_ in family_names and t.pos_ == "PROPN" and t.i not in in_person]
    out = []
    countries = {m.actor.country for m in known if m.actor.country}
    for ent in people:
        if any(t.i in taken for t in ent) or gazetteer().is_place(ent.text) or not any(t.is_title for t in ent):
            continue  # "a cowardly and barbaric attack" tagged PERSON is no one
        if len(ent) > 1 and any(_town_in(ent.text, c) for c in countries):
            continue  # "Wad Madani", a variant of Sudan's Wad Medani

        if len(ent) == 1 and ent[0].lower_ not in family_names:
            continue  # a lone name is a person only when the report named them in full before
        out.append((ent, _office(ent, known) or Actor(ent.text, "person", None)))
    return out


@lru_cache(maxsize=4096)
def _town_in(name: str, country: str) -> bool:
    """A place of that name (or a one-slip variant) in the country: cached, the near-miss search is slow."""
    from terrain.resolve.gazetteer import gazetteer

    return gazetteer().resolve(name, country) is not None


def _office(ent: Span, known: list[Mention]) -> Actor | None:
    """A person by the office in apposition: "Benin's government spokesman, Wilfried Houngbédji" acts for Benin;
    "James Swan, the acting UN special representative" speaks for the UN."""
    root = ent.root
    for title in (c for c in root.children if c.dep_ == "compound" and c.i < ent.start):
        # "South Africa's President Jacob Zuma", "Nigerian President Goodluck Jonathan": the title's state
        inside = {t.i for t in title.subtree}
        states = {m.actor.country for m in known if m.span.root.i in inside and m.actor.country
                  and m.actor.kind in ("state", "state_forces")}
        if len(states) == 1:
            return Actor(ent.text, "person", states.pop())
    office = root.head if root.dep_ == "appos" else next((c for c in root.children if c.dep_ == "appos"), None)
    if office is None or office.i in range(ent.start, ent.end):
        return None
    inside = {t.i for t in office.subtree} - {t.i for t in ent}
    posting = ("for", "to", "in", "at", "on")  # "representative for Somalia", "ambassador to the UN": the posting
    named = [m.actor for m in known if m.span.root.i in inside
             and not (m.span.root.dep_ == "pobj" and m.span.root.head.lower_ in posting)]
    states = {a.country for a in named if a.kind in ("state", "state_forces") and a.country}
    if len(states) == 1:
        return Actor(ent.text, "person", states.pop())
    # "James Swan, the acting UN special representative", "Abu Musab, a spokesman for the group": the body or
    # group he speaks for ("the group" being the one the report has named most so far: not "al Qaeda" of "the
    # Somali movement linked to al Qaeda")
    speaks = office.lemma_.lower() in SPEAKING_OFFICES  # (not "an al Shabaab suspect", "wife of a Mungiki leader")
    bodies = {a for a in named if a.kind in ("igo", "mission") or a.kind == "armed_group" and speaks}
    if not named and speaks and any(t.lemma_.lower() in ("group", "movement", "militia") and t.dep_ == "pobj"
                         and any(c.lower_ == "the" for c in t.children) for t in office.subtree):
        groups = Counter(m.actor for m in known if m.span.start < ent.start and m.actor.kind == "armed_group"
                         and m.actor.name not in GENERIC_ACTOR_NAMES)
        bodies = {groups.most_common(1)[0][0]} if groups else set()
    return bodies.pop() if len(bodies) == 1 and not states else None


SPEAKING_OFFICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "leader", "commander", "chief", "head",
                              "founder", "emir", "official", "representative", "negotiator", "envoy", "deputy"})


def surnames(mentions: list[Mention]) -> None:
    """A bare surname is the person the report named in full before: "Bingu wa Mutharika ... Mutharika said" is
    not the registry's other Mutharika, "Dioncounda Traoré ... Traoré said" not an unknown Traoré."""
    full: dict[str, Actor] = {}
    for m in mentions:
        if m.actor.kind == "person" and len(m.span) > 1:
            full.update((t.lower_, m.actor) for t in m.span[1:])
        elif m.actor.kind == "person" and m.span[0].lower_ in full:
            m.actor = full[m.span[0].lower_]
