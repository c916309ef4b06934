"""Finding trigger words in a sentence and deciding their event type: the sentence loop, nominal triggers
and what blocks an event (prevented, intended, habitual). Verbs are read in extract/verb_triggers.py; the
trigger record and the shared word sets live in extract/trigger_words.py."""
from __future__ import annotations

from spacy.tokens import Span, Token

from terrain.extract.lexicon import lexicon
from terrain.extract.place_spans import SHORT_REPORT, doc_text
from terrain.extract.syntax import OBJ, find_child, prep_object
from terrain.extract.terse import headline_verb, mistagged_verb
from terrain.extract.trigger_words import (ABSTRACT, AIR, CASUALTY_VERBS, DENIAL_WORDS, FINDINGS, HELP, TALKS, TROOPS,
                                           Trigger)
from terrain.extract.verb_triggers import _verb_type
from terrain.records import VIOLENT_TYPES


def _noun_type(tok: Token) -> Trigger | None:
    lex = lexicon()
    lemma = tok.lemma_.lower()
    typ = lex.nouns.get(lemma)
    if typ is None and lemma in TALKS | {"negotiate", "discuss"} and {t.lemma_.lower() for t in tok.subtree} & HELP:
        typ = "REQUEST"  # "talks with Rwanda over the provision of logistical support"
    if typ is None and lemma == "return" and (whose := prep_object(tok, ("of",))) is not None \
            and whose.lemma_.lower() in TROOPS and prep_object(tok, ("to",)) is not None:
        typ = "DEPLOY"  # "approved the return of fewer than 500 US troops to Somalia"
    if typ is None:
        return None
    kids = {c.lemma_.lower() for c in tok.children}
    if lemma in lex.death_nouns and not any(c.dep_ == "nummod" for c in tok.children):
        return None  # "the death of President Déby" is not a count of an attack
    if lemma == "strike" and not kids & {"air", "drone", "missile", "artillery", "aerial"}:
        on = tok.head.lower_ == "on" and tok.head.head.lemma_ in ("go", "be", "remain", "stay")
        return Trigger(tok, "PROTEST") if on or kids & {"general", "labour", "labor", "teacher", "doctor", "worker"} else None
    if lemma == "fall" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None
    if lemma == "march" and not tok.is_lower:
        return None  # "a virtual summit on 13 March": the month
    if typ == "THREATEN" and tok.dep_ == "attr":
        return None  # "the group remains a serious threat": a description, no threat made
    if lemma == "contributor" and not kids & {"troop", "police", "to"}:
        return None  # "a contributor to the fund" sends no one
    if lemma == "support" and not any(c.dep_ == "poss" for c in tok.children):
        return None  # "support for these initiatives", "logistical support": no backer named
    if tok.head.lemma_.lower() in lex.objects and tok.dep_ in OBJ:
        return None  # "signed a memorandum", "provided aid": the verb is the trigger
    if typ in VIOLENT_TYPES and any(p.lemma_.lower() in ABSTRACT or _anyone(p) for c in tok.children
                                    if c.lower_ == "on" for p in c.children):
        return None  # "an attack on its sovereignty": a figure of speech; "an attack on one is an attack on
        # all": a pact's terms
    if tok.dep_ == "compound" or tok.head.lemma_.lower() in AIR:
        return None  # "attack helicopters had fired on": a kind of aircraft
    if typ == "ALIGN" and kids & GROUP_MODIFIERS:
        return None  # "the rebel alliance ... said its fighters had withdrawn": a group, not a pact made
    return Trigger(tok, typ, breaking=lemma in lex.breaking)


GROUP_MODIFIERS = frozenset({"rebel", "jihadist", "separatist", "militia", "insurgent", "armed", "opposition"})


def _anyone(tok: Token) -> bool:
    """ "one", "all", "any member", "each of them": no one in particular."""
    return tok.lower_ in ("one", "all", "any", "each", "either", "another") and not tok.ent_type_ \
        or any(c.dep_ in ("det", "nummod") and c.lower_ in ("one", "any", "each", "either", "another")
               for c in tok.children)


def _restated(trig: Trigger) -> bool:
    """ "blamed the attack on separatist fighters", "claimed the attack": in an article, the attack told
    before; the accusation or the claim names its doer."""
    tok = trig.token
    return trig.type in VIOLENT_TYPES and tok.pos_ != "VERB" and tok.dep_ in OBJ \
        and tok.head.lemma_.lower() in ("blame", "claim") and len(doc_text(tok.doc)) > SHORT_REPORT \
        and any(c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children)
    # (not "the group claimed raids on camps at Inates and Chinagodrar": events told here)


AIMS = frozenset({"aim", "intention", "plan", "bid", "goal", "purpose", "hope", "threat"})
COERCE = frozenset({"force", "compel", "pressure", "pressurise", "pressurize", "push", "press", "urge"})


def blocked(tok: Token) -> bool:
    """Prevented or merely intended events are not events: "prevented further attacks on the capital",
    "sought to storm the capital"."""
    lex = lexicon()
    if any(c.lower_ in ("further", "future", "possible", "potential", "more") and c.dep_ == "amod"
           for c in tok.children):
        return True
    if any(c.dep_ in OBJ and c.lower_ in ("anyone", "anybody", "whoever") for c in tok.children) \
            or tok.dep_ == "relcl" and tok.head.lower_ in ("anyone", "anybody", "whoever"):
        return True  # "would find and kill anyone who attacked Americans": a threat, no event
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in AIMS:
        return True  # "assembling with an aim of storming the CBD"
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of" and any(c.lower_ == "instead" for c in tok.head.children):
        return True  # "coexisting with the rebels instead of fighting them"
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("until", "unless") for c in tok.children) \
            and any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll") for c in tok.head.children):
        return True  # "its forces would keep fighting until Eritrean troops had left Tigray": a condition
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            break
        parent = t.head
        plemma = parent.lemma_.lower()
        if plemma in lex.prevent and t.dep_ in ("dobj", "xcomp", "pcomp", "pobj"):
            return True
        if plemma in lex.intent | {"intention"} and t.dep_ in ("acl", "xcomp") \
                and any(c.lower_ == "no" or c.dep_ == "neg" for c in parent.children):
            return True  # "Burundi had no plan to attack Rwanda"
        if plemma in COERCE and t.dep_ in ("xcomp", "ccomp") and t.i == tok.i \
                and any(c.dep_ == "dobj" for c in parent.children):
            return True  # "to force Nairobi to bring home its soldiers": an aim ("troops were forced to withdraw" stays)
        if plemma == "call" and t.dep_ == "xcomp" and t.i == tok.i and tok.lemma_.lower() in ("withdraw", "leave") \
                and any(c.dep_ == "prep" and c.lower_ == "on" for c in parent.children):
            return True  # "called on Rwanda to withdraw its soldiers": a demand, no withdrawal
        if plemma in lex.intent and t.dep_ == "xcomp" and tok.lemma_.lower() in lexicon().verbs \
                and lexicon().verbs[tok.lemma_.lower()] in ("ATTACK", "BATTLE", "SEIZE", "ABDUCT", "REMOTE_VIOLENCE"):
            return True
        t = parent
    return False


def _standing_task(trig: Trigger) -> bool:
    """A purpose or a standing task is no battle: "a force to fight M23", "units fighting jihadists",
    "armies that fight side by side" (-2 false battles on the demo corpus, none lost)."""
    tok = trig.token
    if trig.type != "BATTLE" or tok.pos_ != "VERB" or tok.lemma_.lower() not in ("fight", "combat", "battle"):
        return False
    # a terse report's present is its past ("Police battle raiders"); an article's is habitual
    habitual = tok.tag_ in ("VBP", "VBZ") and len(doc_text(tok.doc)) > SHORT_REPORT
    # "whose troops have long fought al-Shabaab": a record, not a fight
    lasting = any(c.dep_ == "advmod" and c.lower_ in ("long", "repeatedly", "often", "regularly") for c in tok.children)
    return tok.tag_ == "VB" or habitual or lasting or tok.dep_ == "acl" and tok.tag_ == "VBG"


def find_triggers(sent: Span) -> list[Trigger]:
    out = []
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in sent)
    short = len(doc_text(sent.doc)) <= SHORT_REPORT
    for tok in sent:
        # an incident note's headline verb read as a noun before any verb ("Mob attacks and undresses woman",
        # "Orma youth attack journalists covering a meeting")
        headline = verbless or short and not any(t.pos_ in ("VERB", "AUX") for t in sent.doc[sent.start:tok.i])
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.lemma_ in ("back",)):
            trig = _verb_type(tok)
        elif tok.pos_ == "ADJ":
            trig = _denial_adjective(tok) or _terse(tok, mistagged_verb)
        elif (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.is_lower) and not tok.ent_type_:
            trig = (_terse(tok, headline_verb) if headline else None) or _noun_type(tok) \
                or _terse(tok, mistagged_verb)
        else:
            trig = _terse(tok, headline_verb) if headline and tok.pos_ in ("NOUN", "PROPN") \
                and tok.ent_type_ not in ("DATE", "TIME") else None  # ("13 March" is no march)
        if trig is not None and trig.type != "BATTLE" and tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound") \
                and tok.head.pos_ == "NOUN":
            continue  # "kidnapping gangs", "retreating troops": a kind of people, no event ("killed fighting
            # rebels" is misparsed so, and is a battle)
        if trig is not None and not blocked(tok) and not _standing_task(trig) and not _restated(trig):
            out.append(trig)
    return _outermost(out)


def _terse(tok: Token, reading) -> Trigger | None:
    """A violent verb of terse text the tagger misread (extract/terse.py), as a headline trigger."""
    typ = reading(tok)
    return Trigger(tok, typ, headline=True) if typ else None


def _denial_adjective(tok: Token) -> Trigger | None:
    """ "The TPLF said the allegations were unfounded": a denial by the speaker."""
    if tok.lemma_.lower() not in DENIAL_WORDS or tok.dep_ != "acomp":
        return None
    subj = find_child(tok.head, ("nsubj",))
    return Trigger(tok, "DENY") if subj is not None and subj.lemma_.lower() in FINDINGS | {"accusation"} else None




def _outermost(triggers: list[Trigger]) -> list[Trigger]:
    """'killing two policemen and leaving one wounded' is one attack: a violent trigger governed by
    another violent trigger adds numbers to it, not a second event. When the governing one only counts the
    casualties of a clash or a riot ("groups clash; two injured", "died in fighting between clans"), the
    clash is the event and the casualties are its numbers."""
    violent = {t.token.i: t for t in triggers if t.type in VIOLENT_TYPES}
    into: dict[int, Trigger] = {}
    for t in violent.values():
        outer = next((violent[a.i] for a in list(t.token.ancestors)[:3] if a.i in violent), None)
        if outer is None or t.type == "SEIZE" != outer.type and t.token.dep_ == "conj":
            continue  # "repelled the attackers and regained control of the town": a town taken is its own event
        if outer.type == "SEIZE" != t.type and t.token.lemma_.lower() in CASUALTY_VERBS:
            continue  # "overran an AU base, killing 10 Burundian soldiers": the killing is a fight of its own
        if outer.type == "ATTACK" and outer.token.lemma_.lower() in CASUALTY_VERBS and t.type in ("BATTLE", "PROTEST") \
                and (t.token.pos_ == "VERB" or t.token.dep_ in ("nsubj", "nsubjpass")) and outer.token.i not in into:
            into[outer.token.i] = t
        elif t.token.i not in into:
            into[t.token.i] = outer
    out = []
    for t in triggers:
        if t.token.i not in into:
            out.append(t)
            continue
        host, seen = into[t.token.i], {t.token.i}
        while host.token.i in into and host.token.i not in seen:  # a chain: fold into its last event
            seen.add(host.token.i)
            host = into[host.token.i]
        host.nested += [t.token, *t.nested]  # "14 were killed when ADF fighters raided Oicha"
    return out
