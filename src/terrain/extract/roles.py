"""Argument roles on the dependency tree: who acts (actor1) and who is acted on (actor2).

Handles active and passive voice ("were killed by gunmen"), nominal triggers ("Rwanda's
incursion", "attacks on civilians committed by Wagner operatives", "France's eviction from Mali"),
subjects shared along verb chains ("paused ... before unleashing bullets, killing two policemen"),
coordination ("Rwanda and Wagner Group"), apposition, and anaphora ("the group", "the president").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from terrain.extract.lexicon import lexicon, wordset
from terrain.extract.mentions import FORCE_HEADS, MentionIndex
from terrain.records import GENERIC_ACTOR_NAMES, VIOLENT_TYPES, Actor
from terrain.resolve.actors import registry

SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj", "attr", "oprd")
CHAIN = ("xcomp", "advcl", "conj", "pcomp", "acl", "relcl", "ccomp", "acomp")
TARGET_PREPS = ("on", "against", "with", "at", "upon")
DEST_PREPS = ("to", "in", "into", "for")
# Acts of speech a parser hangs on the reported clause when they follow it ("said ..., and accused X")
SPEECH_ACTS = frozenset({"accuse", "blame", "deny", "reject", "condemn", "denounce", "warn", "threaten", "urge",
                         "call", "vow", "dismiss"})


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
    mention = idx.at(tok)
    head_class = _generic_class(lemma)
    generic = mention.actor if mention is not None and mention.actor.name in GENERIC_NAMES else None
    if (generic is not None and generic.kind == "armed_group" or mention is None and head_class in ARMED_CLASSES) \
            and (origin := _origin(tok, idx, generic.name if generic else _words("generic")[head_class]["name"])):
        return origin, True  # "raiders from Ethiopia"
    seat = lemma in _words("government_heads")  # "the government in Kinshasa" is DR Congo's
    serving = any(c.dep_ == "acl" and c.lemma_ in ("serve", "belong") for c in tok.children)
    inner = [m for m in idx.inside(tok) if (serving or not _in_clause(m.span.root, tok))
             and (seat or not _in_place(m.span.root, tok))]
    if mention is None:
        # "the UN stabilisation mission in DR Congo, MONUSCO": the mission its apposition names
        appos = [m for m in inner if m.span.root.dep_ == "appos" and m.span.root.head.i == tok.i]
        mention = appos[0] if appos else inner[0] if inner else None
    elif mention.actor.name in GENERIC_NAMES:
        # "armed groups, including the M23 rebellion": the named group, not the generic head
        named = [m for m in inner if m.actor.name not in GENERIC_NAMES and (
            m.actor.kind == mention.actor.kind  # "SADC troops", "UN peacekeepers": the bloc's or mission's force,
            or mention.actor.kind == "state_forces" and m.actor.kind in ("igo", "mission", "company", "state"))]
        # "Burundi's army": the state's forces (made forces below)
        if not named and mention.actor.kind == "armed_group" and (country := _demonym_of(tok, inner)):
            return Actor(mention.actor.name, "armed_group", country), True  # "Ethiopian raiders"
        mention = named[0] if named else mention
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
        return actor, False
    if tok.pos_ == "PRON" or lemma in DEFINITE_ANAPHORA and _is_definite(tok):
        return None, True  # anaphora: resolved by the caller with the paragraph's mentions
    if lemma in DEFINITE_FIGHTERS and _is_definite(tok) and not any(c.dep_ in ("amod", "compound", "poss")
                                                                    for c in tok.children) \
            and idx.before(tok, {"armed_group"}, same_paragraph=False, named_only=True) is not None:
        return None, True  # "the separatists said they had killed 84": the group named before
    if cls is None or cls == "government":
        return None, False  # "countries facing challenges": no state is named
    spec = _words("generic")[cls]
    if cls == "unidentified" and lemma in ("man", "men") and not _violent_context(tok):
        return None, False
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


def _in_clause(t: Token, head: Token) -> bool:
    """True when ``t`` sits in a relative/adverbial clause under ``head`` (not part of the NP itself)."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp") and t.head.i == head.i:
            return True
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
    return any(c.dep_ in ("acl", "relcl") or c.lower_ in ("armed", "unidentified", "unknown", "masked")
               for c in tok.children) or tok.dep_ in ("nsubj", "agent", "pobj")


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


def _reacts(verb: Token) -> bool:
    """ "The UN condemned the attack", "troops repelled an assault": the subject answers the event, it did
    not do it (a speech act, a verb of another type, or one of triggers.yaml's `reactions`)."""
    lex, lemma = lexicon(), verb.lemma_.lower()
    if lemma == "claim" or lemma in wordset("authorising"):
        return False  # "JNIM claimed the attack": responsibility; "parliament approved the deployment"
    typ = lex.verbs.get(lemma)
    return lemma in lex.reactions or lemma in lex.words["speech"] or typ is not None and typ not in VIOLENT_TYPES


SERIES = frozenset({"series", "wave", "spate", "string", "number", "string", "campaign", "flurry", "round"})
REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "oneself"})


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


def find_child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def prep_object(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            pobj = find_child(c, ("pobj",))
            if pobj is not None:
                return pobj
    return None


def agent_of(tok: Token) -> Token | None:
    """The doer of a verb or nominal trigger, following shared subjects up verb chains."""
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("PROPN", "ADJ")
                                    and c.lower_ != "alleged"):
                # "Mozambique or Rwanda's alleged collaboration": the possessive conjunct
                return next((x for x in [c, *c.conjuncts] if any(k.dep_ == "case" for k in x.children)), c)
        by = prep_object(tok, ("by",))
        if by is not None:
            return by
        target = prep_object(tok, ("on", "against"))
        for c in [*tok.children, *(target.children if target is not None else [])]:
            if c.dep_ in ("acl", "relcl"):  # "attacks on civilians committed by Wagner operatives"
                a = prep_object(c, ("by",))
                if a is not None:
                    return a
        if tok.dep_ in OBJ and tok.head.pos_ in ("VERB", "AUX") and not _reacts(tok.head):  # "launched an attack"
            return agent_of(tok.head)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SERIES:
            return agent_of(tok.head.head)  # "claimed a series of raids"
        return None
    if _passive(tok) or tok.dep_ == "acl" and tok.tag_ == "VBN":  # "suspects killed by police"
        return prep_object(tok, ("by",))
    subj = find_child(tok, SUBJ)
    if subj is None:  # "Mozambique came knocking": the subject hangs on the auxiliary
        subj = next((s for a in tok.children if a.dep_ == "aux" for s in a.children if s.dep_ == "nsubj"), None)
    if subj is not None:
        return _antecedent(subj)
    if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and tok.lemma_.lower() in SPEECH_ACTS \
            and tok.head.head.i != tok.head.i:
        return agent_of(tok.head.head)  # "X said the problem was Y, and accused Kigali": X accuses
    if tok.dep_ in CHAIN and tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ in ("acl",) and tok.head.pos_ == "NOUN" and tok.tag_ == "VBG":
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "devoted his speech to rejecting ..."
            return agent_of(tok.head.head)
        return agent_of(tok.head)
    return None


def _passive(tok: Token) -> bool:
    """Passive voice, also where a headline drops the auxiliary and the parser reads the participle as active
    ("Police officer shot dead by unknown gunmen": a by-agent makes the subject the one shot)."""
    kids = list(tok.children)
    if any(c.dep_ in PASSIVE_SUBJ or c.dep_ in ("auxpass", "agent") for c in kids):
        return True
    # "Chief hacked to death in Kapenguria": a participle with its result and no object
    result = any(c.lower_ == "dead" or c.lower_ == "to" and any(p.lower_ == "death" for p in c.children) for c in kids)
    if result and tok.tag_ in ("VBN", "VBD") and not any(c.dep_ in OBJ for c in kids):
        return True
    # "Army says 16 ISWAP fighters killed near Damboa": a bare participle with no auxiliary and no object
    return tok.tag_ == "VBN" and tok.lemma_.lower() in ("kill", "wound", "injure") \
        and not any(c.dep_ in OBJ or c.dep_ in ("aux", "auxpass") for c in kids)


def patient_of(tok: Token) -> Token | None:
    """Who or what is acted on."""
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "leave" and prep_object(tok, TARGET_PREPS) is None:
            return find_child(tok.head, OBJ)  # "a shooting leaves two police officers dead"
        return prep_object(tok, TARGET_PREPS + ("of", "from", "to"))
    passive = find_child(tok, PASSIVE_SUBJ) or (find_child(tok, SUBJ) if _passive(tok) else None)
    if passive is not None:
        return _antecedent(passive)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "civilians killed by ..."
        return tok.head
    obj = find_child(tok, OBJ)
    if obj is not None and obj.lower_ not in REFLEXIVE:
        return _antecedent(obj)
    return prep_object(tok, TARGET_PREPS + ("of", "from"))


RELATIVE = frozenset({"who", "whom", "which", "that"})


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause hangs on, also across a reporting verb
    ("the M23 rebels, whom UN experts say are backed by Rwanda": Rwanda backs the rebels)."""
    if tok.lower_ not in RELATIVE or tok.tag_ not in ("WP", "WDT") or lexicon().verbs.get(tok.head.lemma_) == "DENY":
        return tok  # "..., which Abu Dhabi denies": the claim, not the last noun
    head = tok.head
    for _ in range(3):
        if head.dep_ == "relcl":
            # "between the M23 and the Congolese army, which is backed by militias": the clause may hang on
            # either conjunct, so neither is taken
            return tok if head.head.dep_ == "conj" or head.head.conjuncts else head.head
        if head.dep_ not in ("ccomp", "xcomp", "conj") or head.head.i == head.i:
            break
        head = head.head
    return tok
