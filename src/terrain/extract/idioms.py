"""Set phrases that carry an event without its usual verb: blame put by a figure of speech ("pointed a finger
at Britain", "said the bombing bore the hallmarks of al-Shabaab"), troops expected, authorised, posted somewhere or
sent home (people taken away are verb_triggers.py's, with those carried off to the bush). Each came from misses
on held-out set 19 once it was read (2026-12-07); extract/verb_triggers.py asks here before its general
constructions."""
from __future__ import annotations

from spacy.tokens import Token

from terrain.extract.arguments import are_troops
from terrain.extract.syntax import find_child
from terrain.extract.trigger_words import Trigger

BLAME_MARKS = frozenset({"hallmark", "mark", "signature", "fingerprint"})  # "bore the hallmarks of"
HOMEWARD = frozenset({"go", "return", "head", "fly", "sail"})  # "the contingent will go home"


def idiom_trigger(tok: Token, lemma: str, obj: Token | None) -> Trigger | None:
    """The event a set phrase around the verb ``tok`` announces, or None."""
    if lemma == "point" and obj is not None and obj.lemma_.lower() == "finger":
        at = _prep(tok, "at") or _prep(obj, "at")
        return Trigger(tok, "ACCUSE", obj=at) if at is not None else None  # "pointed a finger at Britain"
    if lemma in ("bear", "have", "carry") and obj is not None and obj.lemma_.lower() in BLAME_MARKS:
        of = _prep(obj, "of")  # the one blamed; the accuser is the speaker (the deed is no party)
        return Trigger(tok, "ACCUSE", obj=of) if of is not None else None
    if lemma == "expect" and are_troops(find_child(tok, ("nsubjpass",))) and find_child(tok, ("xcomp",)) is None:
        return Trigger(tok, "DEPLOY")  # "its first troops are expected in Goma in the coming weeks"
    if lemma in ("authorise", "authorize") and are_troops(obj):
        return Trigger(tok, "DEPLOY", via_object=True, obj=obj)  # "authorised up to 4,200 troops for the mission"
    if lemma == "post" and obj is not None and any(are_troops(t) for t in (obj, *obj.conjuncts)):
        return Trigger(tok, "DEPLOY")  # "more police and troops would be posted at monuments"
    if lemma in HOMEWARD and any(c.lower_ == "home" for c in tok.children) and are_troops(_subject(tok)):
        return Trigger(tok, "WITHDRAW")  # "Malawian soldiers are likewise expected to go home"
    return None


def _subject(tok: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it completes ("soldiers are expected to go home")."""
    if (subj := find_child(tok, ("nsubj",))) is not None or tok.dep_ != "xcomp":
        return subj
    return find_child(tok.head, ("nsubj", "nsubjpass"))


def _prep(tok: Token, word: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == word), None)
