"""Argument roles: the actors an argument token stands for (actor1 and actor2 of an event).

The tokens come from extract/syntax.py (doer and patient on the dependency tree). Here they are resolved
to actors: coordination ("Rwanda and Wagner Group"), apposition, anaphora ("the group", "the president"),
origins ("fighters from Rwanda"), "the foreign ministers of DR Congo and Rwanda".
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from terrain.extract.lexicon import lexicon
from terrain.extract.mentions import FORCE_HEADS, MentionIndex
from terrain.extract.persons import faction_of
from terrain.extract.syntax import prep_object
from terrain.records import GENERIC_ACTOR_NAMES, Actor
from terrain.resolve.actors import registry


@dataclass
class Arg:
    """An argument: the head token and the actors it resolves to (several when coordinated)."""

    token: Token
    actors: list[Actor]
    generic: bool = False


def _words(key: str) -> dict:
    return lexicon().words[key]


def _generic_class(lemma: str) -> str | None:
    for cls, spec in _words("generic").items():
        if lemma in spec["heads"]:
            return cls
    return None


def resolve_token(tok: Token, idx: MentionIndex) -> tuple[Actor | None, bool]:
    """The actor a noun phrase headed by ``tok`` names; (actor, is_generic)."""
    reg = registry()
    lemma = tok.lemma_.lower()
    if lemma in ("member", "fighter", "officer", "unit", "element", "representative", "delegation", "delegate",
                 "negotiator", "envoy") and idx.at(tok) is None:
        of = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"), None)
        if of is not None:  # "a member of Kenyan police", "fighters of the M23": whose they are
            found, generic = resolve_token(of, idx)
            if found is not None:
                return found, generic
    if tok.head.dep_ == "relcl" and any(c.lower_ == "whose" for c in tok.children) \
            and ((m := idx.at(tok)) is None or m.actor.name in GENERIC_NAMES):
        # "South Sudan, whose foreign ministry summoned the ambassador", "Kenya, whose army launched air strikes":
        # the state the clause hangs on
        owner, _ = resolve_token(tok.head.head, idx)
        if owner is not None and owner.kind in ("state", "state_forces") and owner.country:
            return (reg.forces(owner.country) if lemma in FORCE_HEADS else reg.state(owner.country)), False
        if owner is not None:
            return owner, False
    if lemma == "colony" and _is_definite(tok):
        return None, True  # "the former French colony" is not France: the state named before (anaphora)
    mention = idx.at(tok)
    head_class = _generic_class(lemma)
    generic = mention.actor if mention is not None and mention.actor.name in GENERIC_NAMES else None
    if (generic is not None and generic.kind == "armed_group" or mention is None and head_class in ARMED_CLASSES) \
            and (origin := _origin(tok, idx, generic.name if generic else _words("generic")[head_class]["name"])):
        return origin, True  # "raiders from Ethiopia"
    seat = lemma in _words("government_heads")  # "the government in Kinshasa" is DR Congo's
    serving = any(c.dep_ == "acl" and c.lemma_ in ("serve", "belong") for c in tok.children)
    # (not a conjunct's: in "he and Vladimir Putin signed", Putin is not who "he" is)
    conjoined = {x.i for c in tok.children if c.dep_ == "conj" for x in c.subtree}
    inner = [m for m in idx.inside(tok) if (serving or not _in_clause(m.span.root, tok))
             and (seat or not _in_place(m.span.root, tok)) and m.span.root.i not in conjoined]
    if mention is None:
        # "the UN stabilisation mission in DR Congo, MONUSCO": the mission its apposition names
        appos = [m for m in inner if m.span.root.dep_ == "appos" and m.span.root.head.i == tok.i]
        mention = appos[0] if appos else inner[0] if inner else None
        owner = mention.span.root if mention is not None else None
        if owner is not None and owner.dep_ == "poss" and owner.head.i == tok.i and _is_definite(owner) \
                and mention.actor.name in GENERIC_NAMES and idx.group_named_before(tok) is not None:
            return None, True  # "the militia's fighters": the group named before (resolved by the caller)
    elif mention.actor.name in GENERIC_NAMES:
        # "armed groups, including the M23 rebellion": the named group, not the generic head
        named = [m for m in inner if m.actor.name not in GENERIC_NAMES and (
            m.actor.kind == mention.actor.kind  # "SADC troops", "UN peacekeepers": the bloc's or mission's force,
            or mention.actor.kind == "state_forces" and m.actor.kind in ("igo", "mission", "company", "state"))]
        # "Burundi's army": the state's forces (made forces below)
        if not named and mention.actor.kind == "armed_group" and (country := _demonym_of(tok, inner)):
            return Actor(mention.actor.name, "armed_group", country), True  # "Ethiopian raiders"
        mention = named[0] if named else mention
    bare = mention is None or mention.actor.name in GENERIC_NAMES and mention.span.root.i == tok.i
    if bare and lemma in DEFINITE_FIGHTERS and _is_definite(tok) and not any(
            c.dep_ in ("amod", "compound", "poss") for c in tok.children) and idx.group_named_before(tok) is not None:
        return None, True  # "the separatists said they had killed 84", "accuse Rwanda of arming the rebels":
        # the group named before (resolved by the caller)
    cls = _generic_class(lemma) if mention is None or mention.span.root.i != tok.i else None
    if mention is not None:
        actor = mention.actor
        if actor.kind in ("state", "state_forces") and actor.country:
            if lemma in FORCE_HEADS or (mention.via == "demonym" and mention.span.root.i == tok.i):
                return reg.forces(actor.country), False
            if cls in ARMED_CLASSES and mention.via == "demonym":  # "Somali gunmen": a group, not Somalia
                spec = _words("generic")[cls]
                return Actor(spec["name"], spec["kind"], actor.country), True
            if cls in ("civilians",):
                return Actor("Civilians", "civilians", actor.country), False
            if cls == "person":
                return Actor(tok.text.capitalize(), "person", actor.country), False
            if mention.via == "force":
                return reg.forces(actor.country), False
            return reg.state(actor.country), False
        if actor.kind == "person" and cls == "civilians" and mention.span.root.i != tok.i \
                and mention.span.root.dep_ != "appos":  # (but "the army chief, General X" is X)
            return Actor("Civilians", "civilians", actor.country), False  # "Babu Owino's supporters"
        if actor.kind == "person" and any(a.lemma_.lower() in ("loyal", "allied") and a.head.i == tok.i
                                          for a in mention.span.root.ancestors):
            # "forces loyal to Khalifa Haftar": his LNA; "troops loyal to Kiir": South Sudan's army
            led = faction_of(actor)
            return (led if led != actor else reg.forces(actor.country) if actor.country else actor), False
        return actor, False
    if tok.pos_ == "PRON" or lemma in DEFINITE_ANAPHORA and _is_definite(tok):
        return None, True  # anaphora: resolved by the caller with the paragraph's mentions
    if cls == "government" and (seat := _seat(tok)) is not None:
        return seat, False  # "officials in Djugu blamed the killings on CODECO": DR Congo's
    if cls == "government" and any(c.dep_ in ("amod", "compound") and c.lower_ in ("federal", "central", "national")
                                   for c in tok.children) and (home := home_state(tok, idx)) is not None:
        return home, False  # "federal officials have accused Fano": the report's own state
    if cls is None or cls == "government":
        return None, False  # "countries facing challenges": no state is named
    spec = _words("generic")[cls]
    if cls == "unidentified" and lemma in ("man", "men") and not _violent_context(tok):
        return None, False
    armed = any(c.dep_ in ("amod", "compound") and _generic_class(c.lemma_.lower()) in ARMED_CLASSES
                for c in tok.children)
    if cls == "person" and armed and (named := idx.group_named_before(tok)) is not None:
        return named, False  # "separatist leaders denied any role": the separatists named before
    if cls == "person" and tok.tag_ == "NNS":
        return None, False  # "West African leaders": no one person
    name = spec.get("name") or ("Police" if cls == "police" else "Forces" if cls == "military" else tok.text)
    return Actor(name, spec["kind"], None), True


ARMED_CLASSES = ("unidentified", "armed_group", "rebels")
# "the group", "the junta": the actor of that kind named before (extract/parties.py, anaphor); "the
# separatists", a generic armed head, only when a group was named before (data/extraction.yaml `anaphora`)
_NOUNS = frozenset(lexicon().words["anaphora"]["nouns"])
DEFINITE_FIGHTERS = frozenset(w for w in _NOUNS if _generic_class(w) in ARMED_CLASSES)
DEFINITE_ANAPHORA = _NOUNS - DEFINITE_FIGHTERS


def _demonym_of(tok: Token, inner: list) -> str | None:
    """The country of a demonym modifying ``tok`` ("Ethiopian raiders")."""
    return next((m.actor.country for m in inner if m.via == "demonym" and m.span.root.head.i == tok.i
                 and m.span.root.dep_ in ("amod", "compound", "nmod")), None)


def _origin(tok: Token, idx: MentionIndex, name: str) -> Actor | None:
    """ "raiders from Ethiopia", "bandits from Marakwet", "militia from Tanzania": a people's militia, or the
    group of the country they came from."""
    from terrain.resolve.gazetteer import gazetteer

    src = prep_object(tok, ("from",))
    # a headline parse may hang the name on a noun after it ("militia from Tanzania attacks ...")
    names = [t for t in src.subtree if t.pos_ == "PROPN"] if src is not None else []
    if not names:
        return None
    src, text = names[0], " ".join(t.text for t in names)
    people = registry().militia_of(text)
    if people is not None:
        return people
    m = idx.at(src)
    country = m.actor.country if m is not None and m.actor.kind in ("state", "state_forces") else None
    if country is None and (place := gazetteer().resolve(text)) is not None and place.precision == "country":
        country = place.country
    return Actor(name, "armed_group", country) if country else None


def home_state(tok: Token, idx: MentionIndex) -> Actor | None:
    """The state of the country the report's places are in, when the report names that state: whose
    government "the government" or "federal officials" are, rather than the state named last (+6 facts on the
    demo corpus, none lost)."""
    from terrain.extract.countries import doc_country

    hint = doc_country(tok.doc).hint
    if hint and any(m.actor.country == hint and m.actor.kind in ("state", "state_forces") for m in idx.mentions):
        return registry().state(hint)
    return None


def _seat(tok: Token) -> Actor | None:
    """The state whose officials or authorities sit in the place named ("authorities in Djugu"), the place
    looked up in the report's country first."""
    from terrain.extract.countries import doc_country
    from terrain.resolve.gazetteer import gazetteer

    where = prep_object(tok, ("in",))
    if where is None or where.pos_ != "PROPN":
        return None
    text = " ".join(t.text for t in where.subtree if t.pos_ == "PROPN")
    hint = doc_country(tok.doc).hint
    place = (hint and gazetteer().resolve(text, country=hint)) or gazetteer().resolve(text)
    return registry().state(place.country) if place is not None and place.country else None


def _in_clause(t: Token, head: Token) -> bool:
    """True when ``t`` sits in a relative/adverbial clause under ``head`` (not part of the NP itself)."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp") and t.head.i == head.i or t.dep_ == "pcomp":
            return True  # (a pcomp: "the regional force of coexisting with the rebels" is not the rebels)
        if t.dep_ == "amod" and t.pos_ == "VERB" and t.head.i == head.i and t.tag_ == "VBN":
            return True  # "the Rwanda-backed movement": the backer modifies, it is not the movement
        t = t.head
    return False


def _in_place(t: Token, head: Token) -> bool:
    """True when ``t`` is in a locative phrase under ``head``: "the Hayat Hotel in Mogadishu" is not Somalia."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "near", "outside", "inside", "around", "across"):
            return True
        t = t.head
    return False


def _is_definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _violent_context(tok: Token) -> bool:
    """ "armed men", "men who stormed", "killed by men": unidentified gunmen; not "the two men agreed"."""
    if any(c.dep_ in ("acl", "relcl") or c.lower_ in ("armed", "unidentified", "unknown", "masked")
           for c in tok.children):
        return True
    if tok.dep_ not in ("nsubj", "agent", "pobj"):
        return False
    verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
    return lexicon().verbs.get(verb.lemma_.lower()) not in PEACEFUL_TYPES


PEACEFUL_TYPES = frozenset({"AGREE", "REQUEST", "ALIGN", "DENY", "AID"})


def arg_actors(tok: Token, idx: MentionIndex, expand: bool = True) -> Arg | None:
    """Resolve an argument head and its conjuncts ("Rwanda and Wagner Group")."""
    actors, generic = [], False
    for t in [tok, *(tok.conjuncts if expand else ())]:
        actor, is_generic = resolve_token(t, idx)
        if (actor is None or is_generic) and t.dep_ != "conj":
            # apposition: "Wagner Group, a Russian private military contractor"; "Uganda's military chief,
            # General Muhoozi Kainerugaba": the name beats the generic head
            for c in t.children:
                if c.dep_ == "appos":
                    named, named_generic = resolve_token(c, idx)
                    if actor is None or named is not None and not named_generic:
                        actor, is_generic = named, named_generic
                    break
        if actor is not None and actor not in actors:
            actors.append(actor)
            generic = generic or is_generic
            actors += [a for a in _of_conjuncts(t, idx, actor) if a not in actors]
    if not actors:
        return None
    if any(a.name.endswith(" Ethnic Militia") for a in actors):
        # "Maasai and Kikuyu ethnic groups", "Garre and Degodia clans": each people named is a side
        for t in tok.subtree:
            people = registry().militia_of(t.text) if t.pos_ in ("PROPN", "ADJ") else None
            if people is not None and people not in actors:
                actors.append(people)
    return Arg(tok, actors, generic)


GENERIC_NAMES = GENERIC_ACTOR_NAMES



def _of_conjuncts(tok: Token, idx: MentionIndex, first: Actor) -> list[Actor]:
    """'the foreign ministers of DR Congo and Rwanda': each state named in the of-phrase."""
    of = prep_object(tok, ("of",))
    if of is None or not of.conjuncts or first.kind not in ("state", "person", "state_forces"):
        return []
    out = []
    for c in of.conjuncts:
        m = idx.at(c)
        if m is not None and m.actor.country and m.actor.kind in ("state", "state_forces"):
            out.append(registry().state(m.actor.country) if first.kind != "state_forces" else registry().forces(m.actor.country))
        elif m is not None and m.actor.kind == "armed_group" and m.actor.name not in GENERIC_NAMES:
            out.append(m.actor)  # "representatives of the government and the M23"
    return out
