"""Status (asserted, claimed, alleged, denied, planned, rumoured) and attribution ("Kagame said",
"according to Bloomberg") of an event, read off the trigger's ancestors and modifiers."""
from __future__ import annotations

from spacy.tokens import Span, Token

from terrain.extract.lexicon import lexicon
from terrain.records import SPEECH_TYPES


def _w(key: str) -> frozenset[str]:
    return frozenset(lexicon().words[key])


def negated(trigger: Token) -> bool:
    neg = _w("negation")
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "no")) for c in trigger.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children) and trigger.pos_ == "NOUN" \
        and trigger.lower_ not in neg


def under(trigger: Token, lemmas: frozenset[str]) -> Token | None:
    """The nearest governing verb (up the tree, through clause links) whose lemma is in ``lemmas``."""
    t = trigger
    while t.head.i != t.i:
        if t.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl", "acl", "dobj", "conj", "relcl", "nsubj"):
            return None
        t = t.head
        if t.lemma_.lower() in lemmas:
            return t
    return None


def speaker_of(trigger: Token) -> Token | None:
    """The subject of a speech verb governing the trigger ("..., Kagame said")."""
    verb = under(trigger, _w("speech"))
    if verb is None and trigger.head.lemma_ in _w("speech") and trigger.dep_ in ("ccomp", "parataxis"):
        verb = trigger.head
    if verb is None:
        # reported speech where the speech verb is the sentence root and the trigger its complement
        root = trigger.sent.root
        if root.lemma_ in _w("speech") and root.i != trigger.i and trigger.i in {t.i for t in root.subtree}:
            verb = root
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subj is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "X said ... and said Y was fighting": the first verb's subject speaks for both
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj


def according_to(sent: Span) -> Token | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def phrase(tok: Token) -> str:
    """A compact name for an attribution source: the noun phrase without trailing clauses."""
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct", "appos") and not t.is_space]
    toks = [t for t in toks if t.i <= tok.i or t.head.i == tok.i and t.dep_ in ("compound", "flat")]
    text = " ".join(t.text for t in toks) if toks else tok.text
    return text[4:] if text.lower().startswith("the ") else text


def status_of(trigger: Token, event_type: str, in_quote: bool) -> str:
    """What the report commits to: planned, alleged, rumoured, denied, claimed or asserted."""
    lex = lexicon()
    sent = trigger.sent
    window = list(trigger.children) + [trigger] + list(trigger.ancestors)[:3]
    lemmas = {t.lemma_.lower() for t in window} | {t.lower_ for t in window}
    if event_type not in SPEECH_TYPES:
        if under(trigger, frozenset({"deny", "reject", "dismiss", "refute"})) is not None:
            return "alleged"
        if under(trigger, frozenset({"accuse", "allege", "blame", "suspect"})) is not None:
            return "alleged"
    if lemmas & _w("rumoured_words") or any(t.lower_ in _w("rumoured_words") for t in sent if t.dep_ == "advmod"
                                            and t.head.i == trigger.i):
        return "rumoured"
    if any(c.lower_ in ("alleged", "allegedly", "purported", "suspected") and c.dep_ in ("amod", "advmod")
           for c in trigger.children):
        return "alleged"
    if trigger.dep_ == "pobj" and trigger.head.head.lemma_ in ("report", "allegation", "accusation", "claim"):
        return "alleged"
    if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in _w("hearsay_verbs") \
            and any(c.dep_ == "auxpass" for c in trigger.head.children):
        return "alleged"
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if event_type == "THREATEN" and speaker_of(trigger) is not None:
        return "asserted"  # "said the army would hunt them down": the future is what is threatened; the threat is made
    if aux & _w("planned_aux") or under(trigger, lex.intent | _w("planned_words")) is not None:
        return "planned"
    if trigger.pos_ == "NOUN" and any(c.lemma_ in _w("planned_words") for c in trigger.children):
        return "planned"
    # "pledged 1,000 police officers", "pledged $20 million": promised, not yet done (incentives "offered" to
    # investors are on offer now: the seeds' gold)
    if event_type == "DEPLOY" and trigger.lemma_.lower() in _w("promising_verbs") \
            or event_type == "AID" and trigger.lemma_.lower() in ("pledge", "promise"):
        return "planned"
    if event_type in SPEECH_TYPES:
        return "asserted"
    if in_quote or speaker_of(trigger) is not None:
        return "claimed"
    return "asserted"
