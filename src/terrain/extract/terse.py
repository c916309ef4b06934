"""Terse text: headlines and incident notes drop articles and auxiliaries, and the tagger then misreads their
verbs ("Police battle raiders", "4 shot dead by raiders", "Police exchange fire with raiders"). The event type
such a misread verb announces, and its doer and target."""
from __future__ import annotations

from spacy.tokens import Token

from terrain.extract.lexicon import lexicon, verb_of
from terrain.extract.syntax import find_child, prep_object
from terrain.records import VIOLENT_TYPES


def headline_verb(tok: Token) -> str | None:
    """Terse notes and headlines drop articles, and the parser then reads their verb as a noun: "Degodia
    attack Garre civilians", "Police battle Toposa raiders", "Unknown attackers shoot KDF soldier". In a
    sentence without any verb, a violent verb of the lexicon between two nouns is that verb."""
    verb = verb_of(tok.lemma_) or verb_of(tok.text)
    typ = lexicon().verbs.get(verb) if verb else None
    if typ not in VIOLENT_TYPES or tok.i == tok.sent.start or tok.i + 1 >= tok.sent.end:
        return None
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    if before.pos_ in ("NOUN", "PROPN", "NUM") and _passive_headline(tok):
        return typ  # "4 shot dead by raiders", "Chief hacked to death"
    coordinated = after.pos_ == "CCONJ" and tok.i + 2 < tok.sent.end and tok.doc[tok.i + 2].pos_ == "VERB"
    if before.pos_ not in ("NOUN", "PROPN") or after.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ", "DET") \
            and not coordinated:  # "Mob attacks and undresses woman"
        return None
    return typ


def mistagged_verb(tok: Token) -> str | None:
    """A violent verb the tagger took for a noun or adjective in a sentence that has other verbs: it has
    a subject ("Police open fire on youth"), or it is a passive after "were" ("were Friday afternoon shot
    dead by gunmen"), or it is an "exchange fire" phrase ("Police exchange fire with raiders")."""
    lex = lexicon()
    obj = _fire_object(tok)
    if obj is not None:
        return lex.objects[tok.lemma_.lower()][obj.lemma_.lower()]
    verb = verb_of(tok.lemma_) or verb_of(tok.text)
    typ = lex.verbs.get(verb) if verb else None
    if typ not in VIOLENT_TYPES or tok.i + 1 >= tok.sent.end:
        return None
    if find_child(tok, ("nsubj",)) is not None and tok.i > tok.sent.start:
        return typ
    if tok.dep_ in ("attr", "acomp") and tok.head.lemma_ == "be" and _passive_headline(tok):
        return typ
    return None


def _fire_object(tok: Token) -> Token | None:
    """The object that makes a violent phrase of ``tok`` ("fire" of "exchange fire", "open fire"), whether the
    parser made it ``tok``'s head (a compound) or its direct object."""
    obj = tok.head if tok.dep_ == "compound" and tok.head.i == tok.i + 1 else find_child(tok, ("dobj",))
    typ = lexicon().objects.get(tok.lemma_.lower(), {}).get(obj.lemma_.lower()) if obj is not None else None
    return obj if typ in VIOLENT_TYPES else None


def _passive_headline(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1:tok.i + 3]
    return any(t.dep_ == "agent" or t.lower_ == "by" for t in nxt) or nxt[0].lower_ in ("dead", "to")


def _by_object(tok: Token) -> Token | None:
    by = next((t for t in tok.doc[tok.i + 1:tok.sent.end] if t.lower_ == "by"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def headline_args(tok: Token) -> tuple[Token | None, Token | None]:
    """Doer and target of a headline verb: its subject and object where the parser found them, else the
    noun before it and the noun phrase after it."""
    if _passive_headline(tok):  # "4 shot dead by raiders": the by-phrase acts on the noun before
        subj = find_child(tok, ("nsubj",)) or (find_child(tok.head, ("nsubj", "nsubjpass"))
                                               if tok.dep_ in ("attr", "acomp") else None)
        return prep_object(tok, ("by",)) or _by_object(tok), subj or tok.doc[tok.i - 1]
    fire = _fire_object(tok)
    if fire is not None and fire.i == tok.head.i:  # "Police exchange fire with raiders": "fire" heads the clause
        return find_child(fire, ("nsubj",)) or tok.doc[tok.i - 1], prep_object(fire, ("with", "on", "at"))
    agent = find_child(tok, ("nsubj",)) or _phrase_head(tok.doc[tok.i - 1], tok)
    patient = find_child(tok, ("dobj",))
    if fire is not None:
        patient = prep_object(tok, ("on", "at", "with"))  # "open fire on youth"
    if patient is None:
        right = [c for c in tok.children if c.i > tok.i and c.pos_ in ("NOUN", "PROPN")]
        patient = right[0] if right else tok.head if tok.head.i > tok.i else None
    return agent, patient


def _phrase_head(word: Token, verb: Token) -> Token:
    """The head of the noun phrase that ends just before a headline verb: "A group of vigilante residents of
    Kiarango Village lynch ...": the group, not the village."""
    w = verb if word.head.i == verb.i else word  # (the parser may hang the phrase's last noun on the verb)
    while w.head.i != w.i and w.head.i < verb.i and w.dep_ in ("pobj", "prep", "compound", "appos"):
        w = w.head
    return word if w.i == verb.i or w.pos_ not in ("NOUN", "PROPN") else w
