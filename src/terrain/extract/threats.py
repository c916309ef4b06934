"""Threats: who threatens whom. A threat's maker is its subject or, for a vow about what forces "would" do, the
speaker ("the spokesman said the armed forces would hunt down the terrorists"); its target is the party named
in what is threatened, "those responsible" (the group named before), or an armed group's own state; an
ultimatum ("gave the ambassador 48 hours to leave") threatens its recipient."""
from __future__ import annotations

from spacy.tokens import Token

from terrain.extract.mentions import MentionIndex
from terrain.extract.parties import actors_of, same_party
from terrain.extract.status import negated, speaker_of
from terrain.extract.syntax import find_child
from terrain.records import GENERIC_ACTOR_NAMES, Actor
from terrain.resolve.actors import registry


def threat_parties(tok: Token, agent: Token | None, a1s: list[Actor], a2s: list[Actor],
                   idx: MentionIndex) -> tuple[list[Actor], list[Actor]]:
    """(threateners, threatened) of a THREATEN trigger, completing what its subject and object left empty."""
    if tok.lemma_.lower() == "avenge":
        a2s = []  # "would avenge the victims": the victims are no target
    if tok.lemma_.lower() in SAYING:  # a conditional threat ("said it would consider an embargo if the
        # government obstructed the mission"): the speaker's own side must be the one that would act
        if not a1s or not own_side(tok, a1s[0], idx):
            return a1s, []
        return a1s, [a for a in a2s if a.kind in PARTY_KINDS and not same_party(a, a1s[0])]
    cond = condition_subject(tok) if not a2s else None
    if cond is not None and a1s:  # "warned that the contingents would be sent home if they did not fulfil
        a2s = [a for a in actors_of(cond, idx) if a.kind in PARTY_KINDS and not same_party(a, a1s[0])]  # (their
        # mandate": they; not "residents would face hunger if they could not reach their fields")
    if a1s and not a2s:  # "threatened to pull Chad out of the force"; "warned that Ethiopian troops would have to
        # leave": the state whose troops are threatened
        a2s = [registry().state(a.country) if a.kind == "state_forces" and a.country else a
               for a in (_nearest_in(tok, idx, lambda x: x.kind in ("state", "state_forces", "igo", "mission",
                                                                    "armed_group")
                                     and x.country != a1s[0].country and x not in a1s
                                     and x.name not in GENERIC_ACTOR_NAMES),) if a]  # not "the army would ..."
    if not a1s:  # "the spokesman said the armed forces would hunt down the terrorists", "Kenyatta said those
        a1s = actors_of(speaker_of(tok), idx)  # responsible would be hunted down": the speaker
    if not a2s and a1s:
        a2s = threatened(tok, agent, idx, a1s[0])
    return a1s, a2s


def _nearest_in(tok: Token, idx: MentionIndex, ok) -> Actor | None:
    """The first actor named in the trigger's own phrase that satisfies ``ok`` (not in a coordinated verb's:
    "threatened to strike oil installations and called on the Chinese companies")."""
    other = {t.i for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.subtree}
    for m in idx.inside(tok):
        if m.span.root.i != tok.i and m.span.root.i not in other and ok(m.actor):
            return m.actor
    return None


PURSUIT = frozenset({"hunt", "pursue", "track", "punish", "crush", "avenge"})  # what forces "would" do to culprits
RESPONSIBLE = frozenset({"responsible", "perpetrator", "attacker", "assailant", "killer", "culprit"})
PARTY_KINDS = frozenset({"armed_group", "state", "state_forces", "igo", "mission", "company"})


def threatened(tok: Token, agent: Token | None, idx: MentionIndex, threatener: Actor) -> list[Actor]:
    """Who a threat with no object is against: the party named in what is threatened ("vowed to rid the
    country of al-Shabaab"); for "those responsible" ("vowed that those responsible would be tracked
    down"), the armed group the report named before, else attackers not yet identified."""
    from terrain.extract.crowds import UNIDENTIFIED

    own = {t.i for t in agent.subtree} if agent is not None else set()
    # not what a coordinated verb says ("threatened to strike ... and called on the Chinese companies")
    own |= {t.i for c in tok.children if c.dep_ == "conj" for t in c.subtree}
    for m in idx.inside(tok):
        if m.span.root.i not in own and m.actor.kind in PARTY_KINDS and m.actor.name not in GENERIC_ACTOR_NAMES \
                and not same_party(m.actor, threatener):
            return [m.actor]
    if any(t.lemma_.lower() in RESPONSIBLE | PURSUIT for t in tok.subtree if t.i not in own):
        # "would avenge the dead", "would hunt down the terrorists": those who did it
        return [idx.group_named_before(tok) or UNIDENTIFIED]
    if tok.pos_ == "VERB" and threatener.kind == "armed_group" and threatener.country \
            and threatener.name not in GENERIC_ACTOR_NAMES:
        return [registry().state(threatener.country)]  # "the FPL threatened to strike oil installations": its state
    return []


SAYING = frozenset({"say", "tell", "write", "state", "insist", "declare", "add"})
CONDITIONS = frozenset({"if", "unless"})
MODALS = frozenset({"would", "could", "will", "might", "'d"})


def _reported(tok: Token) -> Token | None:
    """What ``tok`` says some party would or could do ("said his country would defend itself")."""
    return next((c for c in tok.children if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in MODALS
                                                                      for a in c.children)), None)


def condition_subject(tok: Token) -> Token | None:
    """Who must act for what ``tok`` says to happen: "said his country would defend itself if Ethiopia went ahead",
    "warned that the army could be deployed if the demonstrations continued" (the if-clause hangs on the
    reported verb)."""
    said = _reported(tok)
    cond = next((c for c in said.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)), None) if said is not None else None
    return find_child(cond, ("nsubj", "nsubjpass")) if cond is not None else None


def own_side(tok: Token, speaker: Actor, idx: MentionIndex) -> bool:
    """Whether what ``tok`` reports is the speaker's own side's act ("his country would defend itself", "it
    would consider an arms embargo", "Kenya would relocate the refugees", said Ruto): a conditional threat, not a
    forecast of a third party's ("aid would resume if the junta freed him")."""
    said = _reported(tok)
    subj = find_child(said, ("nsubj", "nsubjpass")) if said is not None else None
    if subj is None:
        return False
    if subj.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
        return True
    return any(same_party(a, speaker) for a in actors_of(subj, idx))


DEADLINES = frozenset({"hour", "day", "week", "month", "deadline"})


def ultimatum(give: Token) -> Token | None:
    """ "gave the soldiers one week to reinstate Bazoum", "gave the ambassador 48 hours to leave", "gave Mali until
    1 January to free the soldiers": the recipient of a deadline to act (the parser hangs the span anywhere)."""
    recipient = next((c for c in give.children if c.dep_ in ("dative", "dobj") and c.lemma_.lower() not in DEADLINES
                      and c.ent_type_ not in ("DATE", "TIME")), None)
    if recipient is None:
        return None
    doc = give.doc
    for t in doc[give.i + 1:min(give.i + 16, give.sent.end)]:
        if t.lemma_.lower() in DEADLINES and t.ent_type_ in ("DATE", "TIME", "") or t.lower_ == "until":
            then = doc[t.i + 1:min(t.i + 6, give.sent.end)]
            if any(a.lower_ == "to" and a.i + 1 < len(doc) and doc[a.i + 1].pos_ == "VERB" for a in then):
                return recipient
    return None


def declared_attack(tok: Token, status: str, speaker: Actor | None, attackers: list[Actor]) -> bool:
    """ "a MUJAO spokesman said the group's fighters would strike French interests": an attack a party says its
    own side will make is a threat it makes now (no gold file codes a planned attack; 8 of the demo's 11 were
    false)."""
    return status == "planned" and speaker is not None and bool(attackers) and not negated(tok) \
        and same_party(speaker, attackers[0])
