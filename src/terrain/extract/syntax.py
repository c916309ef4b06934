"""Who does and who undergoes, on the dependency tree: the doer and the patient of a verb or nominal trigger.

Handles active and passive voice ("were killed by gunmen", headlines without the auxiliary), nominal
triggers ("Rwanda's incursion", "attacks on civilians committed by Wagner operatives"), subjects shared
along verb chains ("paused ... before unleashing bullets, killing two policemen") and relative pronouns
("the M23 rebels, whom UN experts say are backed by Rwanda"). Resolving the tokens found here to actors is
extract/roles.py's work.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from terrain.extract.lexicon import lexicon, wordset
from terrain.records import VIOLENT_TYPES


SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj", "attr", "oprd")
CHAIN = ("xcomp", "advcl", "conj", "pcomp", "acl", "relcl", "ccomp", "acomp")
TARGET_PREPS = ("on", "against", "with", "at", "upon")
CAMPAIGNS = frozenset({"offensive", "attack", "assault", "campaign", "operation", "war", "fight", "raid"})
# Acts of speech a parser hangs on the reported clause when they follow it ("said ..., and accused X")
SPEECH_ACTS = frozenset({"accuse", "blame", "deny", "reject", "condemn", "denounce", "warn", "threaten", "urge",
                         "call", "vow", "dismiss"})


def _reacts(verb: Token) -> bool:
    """ "The UN condemned the attack", "troops repelled an assault": the subject answers the event, it did
    not do it (a speech act, a verb of another type, or one of triggers.yaml's `reactions`)."""
    lex, lemma = lexicon(), verb.lemma_.lower()
    if lemma == "claim" or lemma in wordset("authorising"):
        return False  # "JNIM claimed the attack": responsibility; "parliament approved the deployment"
    typ = lex.verbs.get(lemma)
    return lemma in lex.reactions or lemma in lex.words["speech"] or typ is not None and typ not in VIOLENT_TYPES


SERIES = frozenset({"series", "wave", "spate", "string", "number", "campaign", "flurry", "round"})
REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "oneself"})


def find_child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def prep_object(tok: Token, preps: tuple[str, ...], undated: bool = False) -> Token | None:
    """The object of the first of ``preps`` on ``tok``; with ``undated``, the first that is no date ("In August
    2021 Kigali sent 750 soldiers to MINUSCA": a destination is MINUSCA, not August)."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            pobj = find_child(c, ("pobj",))
            if pobj is not None and not (undated and pobj.ent_type_ in ("DATE", "TIME")):
                return pobj
    return None


def aimed_at(tok: Token) -> Iterator[Token]:
    """What a verb fires "into", "on" or "at", also where the parser hangs the phrase on a noun of the verb's own
    phrases ("fired without any provocation into a crowded market": on "provocation")."""
    for p in tok.subtree:
        if p.dep_ == "prep" and p.lower_ in ("into", "on", "at") and (aim := find_child(p, ("pobj",))) is not None:
            head = p.head
            while head.pos_ != "VERB" and head.i != head.head.i:
                head = head.head
            if head.i == tok.i:
                yield aim


def destination(tok: Token, preps: tuple[str, ...] = ("to", "into")) -> Token | None:
    """Where a verb sends its objects, also where the parser hangs the phrase on the last of them: "poured
    extra troops and gendarmes into the two regions"."""
    return prep_object(tok, preps) or next((d for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                                            and (d := prep_object(c, preps)) is not None), None)


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
        # "answered attacks on the Rwandan contingent of the UN mission, by rebels": the parser hangs the
        # by-phrase on the verb whose object the attacks are
        later = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > tok.i] \
            if tok.dep_ in OBJ and tok.head.pos_ == "VERB" and not _passive(tok.head) else []
        if later and find_child(later[0], ("pobj",)) is not None:
            return find_child(later[0], ("pobj",))
        for c in [*tok.children, *(target.children if target is not None else [])]:
            if c.dep_ in ("acl", "relcl"):  # "attacks on civilians committed by Wagner operatives", "deaths that
                # local media blamed on Malian soldiers"
                a = prep_object(c, ("on",) if c.lemma_.lower() == "blame" else ("by",))
                if a is not None:
                    return a
        if tok.dep_ in OBJ and tok.head.pos_ in ("VERB", "AUX") and not _reacts(tok.head):  # "launched an attack"
            return agent_of(tok.head)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SERIES:
            return agent_of(tok.head.head)  # "claimed a series of raids"
        return None
    if _passive(tok) or _reduced_relative(tok):  # "suspects killed by police"
        return prep_object(tok, ("by",))
    # the subject nearest the verb: a dateline parsed as a second subject ("BAMAKO, 7 August 2024 – Mali's
    # government has broken off relations") is not the doer
    subj = min((c for c in tok.children if c.dep_ in SUBJ), key=lambda c: abs(c.i - tok.i), default=None)
    if subj is None:  # "Mozambique came knocking": the subject hangs on the auxiliary
        subj = next((s for a in tok.children if a.dep_ == "aux" for s in a.children if s.dep_ == "nsubj"), None)
    if subj is None:
        subj = _dated_subject(tok)
    if subj is not None:
        return antecedent(subj)
    if tok.dep_ in ("conj", "advcl") and tok.head.dep_ == "ccomp" and tok.lemma_.lower() in SPEECH_ACTS \
            and tok.head.head.i != tok.head.i and (tok.dep_ == "conj" or tok.tag_ == "VBG"):
        # "X said the problem was Y, and accused Kigali", "X said the border would stay shut, accusing Benin
        # of ...": X accuses (the parser hangs the speech act on the reported clause)
        return agent_of(tok.head.head)
    if tok.dep_ in CHAIN and tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ in ("acl",) and tok.head.pos_ == "NOUN" and tok.tag_ in ("VBG", "VBN"):
            return tok.head  # "militants firing on the camp"; "ADF fighters killed 14 peacekeepers" (misparsed)
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "devoted his speech to rejecting ..."
            return agent_of(tok.head.head)
        raised = find_child(tok.head, PASSIVE_SUBJ) if tok.dep_ == "xcomp" else None
        if raised is not None:  # "the UAE and Egypt are reported to have backed Haftar", "troops were
            return antecedent(raised)  # ordered to pull back": the passive's subject does the reported act
        return agent_of(tok.head)
    return None


def _dated_subject(tok: Token) -> Token | None:
    """ "On 11 June fighters of JNIM stormed the army post": with no comma after the date, the parser reads the
    subject as the date's noun ("On [11 June fighters]"); a noun after a date in a phrase opening the clause."""
    for c in tok.children:
        if c.dep_ == "prep" and c.i < tok.i and c.lower_ in ("on", "in"):
            noun = find_child(c, ("pobj",))
            if noun is not None and noun.pos_ == "NOUN" and noun.ent_type_ != "DATE" \
                    and any(t.ent_type_ == "DATE" and t.i < noun.i for t in noun.children):
                return noun
    return None


def _reduced_relative(tok: Token) -> bool:
    """ "civilians killed by the militia": a participle on a noun, its subject the one acted on; not one with an
    object of its own, which the parser hangs on the noun when the sentence has no other verb ("ADF fighters
    killed at least 14 UN peacekeepers")."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ in OBJ for c in tok.children)


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
        found = prep_object(tok, TARGET_PREPS + ("of", "from", "to"), undated=True)
        if found is None and tok.dep_ in OBJ and tok.lemma_.lower() in CAMPAIGNS:  # "joined the offensive
            found = prep_object(tok.head, ("against",))  # against the ADF": the parser hangs it on the verb
        return found
    passive = find_child(tok, PASSIVE_SUBJ) or (find_child(tok, SUBJ) if _passive(tok) else None)
    whose = next((c for c in passive.children if c.lower_ == "whose"), None) if passive is not None else None
    if whose is not None:  # "the RCD, whose Goma-based wing is backed by Rwanda": the RCD is backed (the parser
        # may hang the clause on the main verb)
        return tok.head if tok.dep_ == "relcl" else next(
            (t for t in reversed(tok.doc[tok.sent.start:whose.i]) if not t.is_punct), passive)
    if passive is not None:
        return antecedent(passive)
    if _reduced_relative(tok):  # "civilians killed by ..."
        return tok.head
    obj = find_child(tok, OBJ)
    if obj is not None and obj.lower_ not in REFLEXIVE:
        return antecedent(obj)
    if tok.dep_ == "amod" and any(c.dep_ in ("nsubj", "aux") for c in tok.children):
        return tok.head  # "Washington had trained Nigerien units", the verb parsed as the noun's modifier
    # "On Thursday the M23 clashed again with government troops": a day is no target
    return prep_object(tok, TARGET_PREPS + ("of", "from"), undated=True)


RELATIVE = frozenset({"who", "whom", "which", "that"})


def antecedent(tok: Token) -> Token:
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
