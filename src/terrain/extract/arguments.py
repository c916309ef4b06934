"""What an argument of a trigger is: troops or fighters, the army, a town or an actor by name, a bloc or a mission,
a place taken or an enemy driven from, a captive (extract/verb_triggers.py reads these to type a verb)."""
from __future__ import annotations

from spacy.tokens import Token

from terrain.extract.lexicon import lexicon
from terrain.extract.syntax import prep_object
from terrain.extract.trigger_words import FIGHTERS, TROOPS
from terrain.resolve.actors import registry
from terrain.resolve.gazetteer import gazetteer

# The parser tags the particle of "pulled back from the front" and "moved closer to Moscow" as an adverb
PARTICLE_DEPS = ("prt", "prep", "advmod")
TOWNS = frozenset({"town", "city", "capital", "village", "centre", "center", "port"})


def named_place(tok: Token | None) -> bool:
    """A proper name the gazetteer knows as a place ("Kiwanja", "Maseru")."""
    return tok is not None and tok.pos_ == "PROPN" and gazetteer().is_place(tok.text)


def are_troops(tok: Token | None) -> bool:
    """ "Ugandan soldiers", "a column of Ugandan soldiers": troops as the subject."""
    if tok is None:
        return False
    of = prep_object(tok, ("of",))
    return troop_word(tok) or of is not None and troop_word(of)


def troop_word(tok: Token) -> bool:
    # a capitalised plural keeps its -s as spaCy's lemma ("200 Marines landed"): its singular counts
    return tok.lemma_.lower() in TROOPS or tok.lower_.removesuffix("s") in TROOPS


BASES = frozenset({"base", "basis", "camp", "garrison", "barracks", "outpost", "position"})


def is_army(tok: Token | None) -> bool:
    return tok is not None and tok.lemma_.lower() in ("army", "military")


# taken, these are seized as a town is ("seized the airport"), not a post held in battle
GATEWAYS = frozenset({"airport", "airfield", "airstrip"})  # (not "peacekeepers took the port": a handover)


def taken_place(obj: Token | None) -> bool:
    """A named town, among coordinated objects too ("the airport and Mutsamudu"), or a gateway."""
    return obj is not None and (obj.lemma_.lower() in GATEWAYS or any(named_town(o) for o in (obj, *obj.conjuncts)))


EXPULSIONS = frozenset({"drive", "chase", "force", "flush", "push", "kick", "rout"})


def out_of(tok: Token) -> Token | None:
    """The object of "out of" on a verb: "pulled out of the G5 Sahel", "drove the rebels out of Bunia" (the parser
    hangs "of" on "out" or on the verb)."""
    out = next((c for c in tok.children if c.lower_ == "out" and c.dep_ in PARTICLE_DEPS), None)
    return (prep_object(out, ("of",)) or prep_object(tok, ("of",))) if out is not None else None


def driven_from(tok: Token) -> Token | None:
    """The town named in "drove the rebels out of Bunia", "chased al-Shabaab from Kismayo"."""
    town = out_of(tok) or prep_object(tok, ("from",))
    if not named_place(town):
        return None
    named = named_actor(town)  # a town, or a capital (not "to force them out of Congo")
    return town if named is None or named.via == "capital" else None


def are_fighters(tok: Token | None) -> bool:
    return tok is not None and (tok.lemma_.lower() in FIGHTERS or tok.lower_ == "they")


def named_actor(tok: Token):
    """The registry's reading of a noun phrase without its article ("the Economic Community of ...")."""
    return registry().lookup(" ".join(t.text for t in tok.subtree if t.dep_ != "det"))


def named_town(tok: Token | None) -> bool:
    """A town by name, whatever the NER made of it ("Harardhere" ORG), that names no actor (not "Congo")."""
    if tok is None or tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "NORP", "DATE"):
        return False
    return named_actor(tok) is None


def is_bloc(tok: Token | None) -> bool:
    """ "ECOWAS", "the Economic Community of West African States": an international organisation."""
    match = named_actor(tok) if tok is not None else None
    return match is not None and match.actor.kind == "igo"


def is_town(tok: Token | None) -> bool:
    """A town as an object: "Goma", "the town of Macomia", "the city"."""
    if tok is None:
        return False
    if tok.pos_ == "PROPN":  # the NER tags many towns PERSON ("Wad Madani"); an organisation is no town
        return tok.ent_type_ not in ("ORG", "NORP")
    return tok.lemma_.lower() in TOWNS


# Who can be abducted: the victims a killing verb counts, less the combatants, whose capture is an arrest
CAPTIVES = lexicon().victim_nouns - {"fighter", "militant", "member", "body", "dead", "casualty"}

# people led or taken off to the bush, or from their homes, are abducted (set 17, read in the sixteenth round);
# "marched" alone stays a protest march
CARRIED_OFF = frozenset({"march", "lead", "drag", "take", "frogmarch", "herd"})
HIDEOUTS_AND_HOMES = frozenset({"forest", "bush", "jungle", "hill", "mountain", "hideout", "camp", "home", "house",
                                "residence", "bed", "bedroom", "compound"})


def held(captive: Token) -> bool:
    """Someone who can be carried off: a person named (also one the NER missed), a pronoun, people of the
    victims' kinds or visitors."""
    return captive.ent_type_ == "PERSON" or captive.pos_ == "PRON" \
        or captive.pos_ == "PROPN" and captive.ent_type_ in ("", "PERSON") and named_actor(captive) is None \
        or captive.lemma_.lower() in CAPTIVES | {"visitor", "guest", "foreigner", "opponent", "journalist"}


def a_force(tok: Token) -> bool:
    """A mission or a bloc's force by name ("MINUSMA", "the African Union force"), or a mission word."""
    return tok.lemma_.lower() in ("mission", "force") or a_mission(tok) or is_bloc(tok)


def a_mission(tok: Token | None) -> bool:
    """A peace operation by name ("AUSSOM", "the SADC Mission in Mozambique")."""
    named = named_actor(tok) if tok is not None else None
    return named is not None and named.actor.kind == "mission"
