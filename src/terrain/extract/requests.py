"""Who asks whom for help: the requester and the party asked, where the verb's own arguments fall short ("at the
request of Maputo", "wrote to the EU asking for help", "the deployment was requested by Mozambique")."""
from __future__ import annotations

from spacy.tokens import Span, Token

from terrain.extract.mentions import MentionIndex
from terrain.extract.parties import actors_of
from terrain.extract.syntax import agent_of, find_child, prep_object
from terrain.extract.trigger_words import HELP
from terrain.records import Actor

# what a request may ask for, named by a noun that refers back to a deployment told before
INTERVENTIONS = ("deployment", "intervention", "mission", "operation", "force", "presence")


def request_parties(tok: Token, patient: Token | None, a1s: list[Actor], a2s: list[Actor], sent: Span,
                    idx: MentionIndex) -> tuple[list[Actor], list[Actor]]:
    """(requesters, those asked) of the REQUEST trigger ``tok``, starting from the verb's own parties."""
    if tok.lemma_ == "request" and tok.pos_ == "NOUN":
        # "at the request of the Mozambican government", "at Bangui's request": the requester, and the
        # party that acted on it
        requester = find_child(tok, ("poss",)) or prep_object(tok, ("of", "from"))
        a1s = actors_of(requester, idx)
        a2s = actors_of(agent_of(tok.head.head) if tok.dep_ == "pobj" else None, idx) or [
            a for a in [idx.nearest(tok, sent, lambda x: x.kind in ("state", "state_forces", "person")
                                 and (not a1s or x.country != a1s[0].country))] if a]
    if patient is not None and (patient.head.lower_ == "against" or patient.lemma_ in HELP):
        # "asking for help against the insurgents": the enemy is not the helper; "asked for help from Wagner" is
        a2s = actors_of(prep_object(patient, ("from",)), idx) if patient.lemma_ in HELP else []
    if not a2s:  # "called on the UN"; "asked Moscow for help"; "wrote to the EU asking for help"
        a2s = actors_of(prep_object(tok, ("on", "to", "from")), idx) or actors_of(find_child(tok, ("dobj",)), idx) \
            or (actors_of(prep_object(tok.head, ("to",)), idx) if tok.dep_ in ("advcl", "xcomp") else [])
    if not a2s and a1s and patient is not None and patient.lemma_.lower() in INTERVENTIONS \
            and any(c.lower_ in ("the", "this", "that") for c in patient.children):
        # "Rwanda sent 1,000 troops. The deployment was requested by Mozambique": the provider named before
        before = idx.before(patient, {"state", "state_forces", "mission", "igo"}, named_only=True,
                            ok=lambda a: all(a.country != b.country and a != b for b in a1s))
        a2s = [before.actor] if before is not None else []
    return a1s, a2s
