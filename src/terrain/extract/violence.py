"""Violent events: type and parties by the conventions of conflict data (a weapon makes remote violence,
casualties in a clash are the clash's and deaths during a protest the protest's, armed forces against an
armed group fight a battle), the counts, the defaults of incident reports (unidentified gunmen, civilian
victims, militias) and the restatements of articles that are no new event (a toll without a doer, a plural
summary, "the fighting went on")."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from terrain.extract import quantities as q
from terrain.extract.ablation import enabled
from terrain.extract.crowds import CIVILIANS, PROTESTERS, SECURITY_FORCES, UNIDENTIFIED, street_roles
from terrain.extract.lexicon import lexicon, wordset
from terrain.extract.mentions import FORCE_HEADS, MentionIndex
from terrain.extract.parties import actors_of, as_forces, governing_subject
from terrain.extract.roles import GENERIC_NAMES
from terrain.extract.syntax import find_child, patient_of, prep_object
from terrain.extract.trigger_words import AIR, CASUALTY_VERBS, Trigger
from terrain.extract.place_spans import SHORT_REPORT, doc_text
from terrain.records import VIOLENT_TYPES, Actor, Event
from terrain.resolve.actors import registry

ARMED = ("armed_group", "state_forces", "company", "mission")
MILITIA = Actor("Militia", "armed_group", None)
PROTEST_NOUNS = frozenset({"protest", "demonstration", "riot", "rioting", "unrest", "march", "strike"})
SECURITY_SITES = frozenset({"station", "post", "base", "camp", "barracks", "checkpoint", "patrol", "convoy", "outpost",
                            "basis", "garrison", "position"})  # the tagger lemmatises "bases" as "basis"


def violence(trig: Trigger, typ: str, agent: Token | None, patient: Token | None, a1s: list[Actor],
             a2s: list[Actor], sent: Span, idx: MentionIndex) -> tuple[str, list[Actor], list[Actor], dict[str, float]]:
    """The type, parties and counts of a violent trigger."""
    tok = trig.token
    quantities: dict[str, float] = {}
    if typ == "ATTACK" and any(_by_explosive(t) for t in (tok, *trig.nested)):
        typ = "REMOTE_VIOLENCE"  # "a grenade attack", "killed by an IED": the weapon makes it remote violence
    protest = _in_protest(tok)
    if typ == "ATTACK" and protest is not None and not any(a.kind == "armed_group" and a.name != UNIDENTIFIED.name
                                                           for a in a1s):
        # "three people were killed by police during protests": the protest and its police, with its toll
        forces = [a for a in a1s if a.kind == "state_forces"]
        typ, a1s, a2s = "PROTEST", [PROTESTERS], forces
        tok_roles = protest
    else:
        tok_roles = tok
    battle = _in_battle(tok)
    if typ == "ATTACK" and battle is not None:
        # "13 soldiers were killed in clashes with the M23": a battle between their side and the M23
        enemy = actors_of(prep_object(battle, ("with", "against")) or prep_object(tok, ("with", "against")), idx)
        between = prep_object(battle, ("between",))
        sides = actors_of(between, idx) or _peoples(between)  # "a shootout between police and gunmen"
        if enemy:
            typ, a1s, a2s = "BATTLE", enemy, [as_forces(a) if a.kind == "state" else a for a in a2s] or [MILITIA]
        elif len(sides) > 1:
            typ, a1s, a2s = "BATTLE", sides[:1], sides[1:2]
        elif len(doc_text(sent.doc)) <= SHORT_REPORT:  # "one killed in an ethnic clash": unnamed sides
            typ = "BATTLE"
            a1s = a1s or [MILITIA]
            a2s = [as_forces(a) if a.kind == "state" else a for a in a2s] or [MILITIA]
    if patient is not None and patient.lemma_.lower() in SECURITY_SITES:  # "attacked Moroccan positions": its forces
        a2s = [as_forces(a) if a.kind == "state" else a for a in a2s]
    if enabled("battle") and typ == "ATTACK" and a1s and a2s and a1s[0].kind in ARMED + ("state",) \
            and a2s[0].kind == "armed_group" and a1s[0].name != UNIDENTIFIED.name:
        # armed forces or groups fighting each other is a battle, not an attack on civilians ("Chad says 96
        # Boko Haram fighters killed": Chad's forces)
        typ, a1s = "BATTLE", [as_forces(a) for a in a1s]
    long_form = len(doc_text(sent.doc)) > SHORT_REPORT and enabled("tolls")
    quantities.update(q.violence_counts(tok, patient) if tok.pos_ == "VERB" else {})
    for n in trig.nested:  # "groups clash; two injured": the casualty verb folded into the clash
        if n.pos_ == "VERB" and n.lemma_.lower() in CASUALTY_VERBS:
            for k, v in q.violence_counts(n, patient_of(n)).items():
                quantities.setdefault(k, v)
    for k, v in q.sentence_counts(sent).items():
        if tok.lemma_.lower() in CASUALTY_VERBS and tok.dep_ == "acl":
            quantities[k] = v  # "Two dead, one injured": the list's own reading beats the parse's
        else:
            quantities.setdefault(k, v)
    if typ == "SEIZE":
        quantities.pop("abducted", None)  # "M23 takes Kiwanja and Rutshuru": towns, not hostages
    if typ == "PROTEST" and not a1s:
        a1s = [PROTESTERS]
    if typ == "BATTLE":
        between = prep_object(tok, ("between",))
        if between is not None and not a2s:  # "clashes between the Ogiek and Kipsigi groups"
            a1s = actors_of(between, idx) or [MILITIA, MILITIA]
            a1s, a2s = a1s[:1], a1s[1:2] or [MILITIA]
        elif not a1s:  # "troops suffered losses in a battle with X": the sufferers; else communal militias
            a1s = [as_forces(a) for a in actors_of(governing_subject(tok), idx)][:1] or [MILITIA]
        if not a2s and long_form and patient is not None \
                and lexicon().nouns.get(patient.lemma_.lower()) in VIOLENT_TYPES:
            # "Mozambican forces had repelled the assault": the assault the article told of, by its attackers
            a2s = [a for a in [_article_attacker(tok, idx, a1s)] if a is not None]
        if not a2s:
            if long_form:  # "since they launched their offensive": in an article, a fight whose other side
                a1s = []  # goes unnamed restates a battle named elsewhere (or is no event)
            a2s = [MILITIA]
    # "about 50 people had been injured": in an article, the toll of an event already named
    # (not "six soldiers were killed when their patrol was ambushed": the ambush is told right there)
    toll = typ in ("ATTACK", "ABDUCT", "REMOTE_VIOLENCE") and long_form and not a1s and tok.pos_ == "VERB" \
        and tok.lemma_.lower() in CASUALTY_VERBS and all(n.lemma_.lower() in CASUALTY_VERBS for n in trig.nested)
    if long_form and tok.tag_ == "NNS" and not any(c.dep_ == "nummod" or c.lower_ in ("on", "against")
                                                   for c in tok.children):
        a1s, toll = [], True  # "al-Shabaab attacks in Lamu and Garissa": a summary (not "attacks on X")
    if typ == "REMOTE_VIOLENCE" and not a1s and {c.lemma_.lower() for c in tok.subtree} & AIR:
        a1s = [SECURITY_FORCES]  # air and drone strikes: a state's forces
    if typ in ("ATTACK", "ABDUCT", "REMOTE_VIOLENCE") and not a2s:
        # "an IED exploded, injuring three police officers": the victims of the casualty verb folded in
        a2s = next((found for n in trig.nested if n.lemma_.lower() in CASUALTY_VERBS
                    and (found := actors_of(patient_of(n), idx))), [])
    if typ in ("ATTACK", "ABDUCT", "REMOTE_VIOLENCE") and not a2s and (patient is not None or quantities) \
            and enabled("defaults") and not toll:
        a2s = [_victim(patient)]
        if long_form and typ == "REMOTE_VIOLENCE" and a2s == [CIVILIANS] and a1s \
                and a1s[0].kind in ("state", "state_forces") and not {t.lemma_.lower() for t in sent} & NON_COMBATANTS:
            # "US aircraft bombed cave complexes in the Golis mountains": a state's strikes hit the enemy the
            # report named, unless the sentence speaks of civilians
            enemy = idx.group_named_before(tok)
            a2s = [enemy] if enemy is not None else a2s
    if not a1s and typ in ("ATTACK", "ABDUCT", "REMOTE_VIOLENCE") and (a2s or quantities or tok.pos_ == "VERB") \
            and enabled("defaults") and not toll:
        a1s = [UNIDENTIFIED]
    if long_form and a1s == [UNIDENTIFIED] and enabled("anaphora"):
        a1s = [_article_attacker(tok, idx, a2s) or UNIDENTIFIED]
    if long_form and typ == "BATTLE" and a2s == [UNIDENTIFIED] and enabled("anaphora"):
        a2s = [_article_attacker(tok, idx, a1s) or UNIDENTIFIED]  # "five of the gunmen were shot dead by troops"
    if enabled("crowds"):
        typ, a1s, a2s = street_roles(typ, agent, a1s, a2s, tok_roles, sent, idx)
    if typ in ("ATTACK", "ABDUCT", "REMOTE_VIOLENCE") and [a.name for a in a2s] in ([CIVILIANS.name], []) \
            and not long_form and (hit := _forces_hit(sent, idx)) is not None and hit not in a1s:
        a2s = [hit]  # "grenade thrown at a police post": the forces were the target
    if enabled("battle") and typ == "ATTACK" and a1s and a2s and a1s[0].kind in ARMED \
            and a2s[0].kind in ("state_forces", "mission") and not _police_hit(tok, patient, sent) \
            and (a1s[0].kind == "armed_group" or a1s[0].country != a2s[0].country):  # (no army fights itself)
        typ = "BATTLE"  # an armed group storming an army camp fights the army there (see _police_hit)
    return typ, a1s, a2s, quantities


POLICE = frozenset(lexicon().words["generic"]["police"]["heads"])
MILITARY = frozenset({"troop", "troops", "soldier", "army", "military", "contingent", "battalion", "marine", "commando",
                      "serviceman", "peacekeeper", "trooper", "base", "basis", "camp", "barracks", "garrison"})


def _police_hit(tok: Token, patient: Token | None, sent: Span) -> bool:
    """Whether an attack on security forces hit the police rather than the military. The ontology (and the
    seeds' gold) make gunmen killing policemen at a station an ATTACK; an assault on soldiers, a base or a
    convoy is a BATTLE, as ACLED codes it ("Armed clash": 21 of 21 attacks on the Kenyan military) and as
    the held-out writers did (16 of 20)."""
    words = {t.lemma_.lower() for t in (patient.subtree if patient is not None else tok.subtree)}
    if not words & (POLICE | MILITARY):
        words = {t.lemma_.lower() for t in sent}
    return bool(words & POLICE) and not words & MILITARY


def running_toll(tok: Token, agent: Token | None) -> bool:
    """ "The war ... has killed tens of thousands": in an article, a conflict's running toll is no event
    (-5 false events on the demo corpus, no required fact lost)."""
    return agent is not None and agent.lemma_.lower() in wordset("conflicts") \
        and tok.lemma_.lower() in CASUALTY_VERBS and len(doc_text(tok.doc)) > SHORT_REPORT and enabled("tolls")


NON_COMBATANTS = frozenset({"civilian", "people", "resident", "villager", "child", "woman", "family", "camp",
                            "displaced", "worshipper", "student", "pupil", "market", "hospital", "school", "wedding"})


def _by_explosive(tok: Token) -> bool:
    words = set(lexicon().words.get("explosives", ()))
    near = [c for c in tok.children if c.dep_ in ("compound", "nsubj", "amod")]
    near += [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by", "in")
             for p in c.children if p.dep_ == "pobj"]  # "killed in an explosion", "hit by an IED"
    near += [c for c in tok.children if c.dep_ == "advcl"]  # "killed when their vehicle ran over an IED"
    return any(t.lemma_.lower() in words and not _mining(t) for n in near for t in n.subtree)


def _mining(t: Token) -> bool:
    """ "an attack on a gold mine": a mine dug, not laid."""
    return t.lemma_.lower() == "mine" and any(c.dep_ in ("compound", "amod") and c.lower_ not in ("land", "anti")
                                               for c in t.children)


def _article_attacker(tok: Token, idx: MentionIndex, victims: list[Actor]) -> Actor | None:
    """An article's unnamed attackers are the armed group its paragraph last named, else the one armed group
    it names ("patients were shot" in a report on the RSF taking a town; +3 facts on the demo corpus)."""
    # the paragraph's group; for an attack on troops, else the group named last before it (the seeds'
    # dissidents killed by unknown assassins are not the insurgents of the paragraph before)
    military = any(a.kind in ("state_forces", "mission") for a in victims)
    for same_paragraph in (True, False) if military else (True,):
        named = idx.before(tok, {"armed_group"}, same_paragraph=same_paragraph, named_only=True)
        if named is not None and named.actor not in victims:
            return named.actor
    # else the one group named before it (a group named only in later background, "memories of Boko Haram's
    # Chibok abduction", did not do an earlier raid)
    named = [m for m in idx.mentions if m.actor.kind == "armed_group" and m.actor.name not in GENERIC_NAMES]
    groups = {m.actor for m in named}
    earlier = any(m.span.start < tok.i for m in named)
    return next(iter(groups)) if len(groups) == 1 and earlier and not groups & set(victims) else None


def _peoples(tok: Token | None) -> list[Actor]:
    """ "violence between the Kalenjin and the Maasai": the militias of the peoples named."""
    return [m for t in ((tok, *tok.conjuncts) if tok is not None else ()) if (m := registry().militia_of(t.text))]


def _in_protest(tok: Token) -> Token | None:
    """ "killed during protests", "injured in riots": the protest a casualty happened in."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "at"):
            pobj = find_child(c, ("pobj",))
            if pobj is not None and pobj.lemma_.lower() in PROTEST_NOUNS:
                return pobj
    return None


BATTLE_NOUNS = frozenset({"clash", "fighting", "battle", "combat", "firefight", "exchange", "skirmish", "gunfight",
                          "shootout", "shoot-out", "crossfire", "confrontation", "gunbattle"})


def _in_battle(tok: Token) -> Token | None:
    """ "killed in clashes with X", "died after fighting between X and Y", "killed in violence between the
    Borana and the Gabra": the fight the casualties happened in."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "after", "following"):
            pobj = find_child(c, ("pobj",))
            if pobj is None:
                continue
            lemma = pobj.lemma_.lower()
            if lemma in BATTLE_NOUNS and (c.lower_ in ("in", "during") or prep_object(pobj, ("between",))) \
                    or lemma == "violence" and prep_object(pobj, ("between",)) is not None:
                return pobj
    return None


HIT_VERBS = CASUALTY_VERBS | {"attack", "ambush", "shoot", "target", "kill", "kidnap", "abduct", "lynch", "assault",
                              "hack", "stab", "behead", "raid", "hit"}
TARGETS = SECURITY_SITES | {"lorry", "vehicle", "truck", "car", "escort", "helicopter", "convoy"}


def _forces_hit(sent: Span, idx: MentionIndex) -> Actor | None:
    """Security forces the sentence names as hit: the object of a violent verb ("shot two police officers"),
    the subject of a passive one ("a soldier was killed"), or what was hit ("a police post", "a military
    lorry", "military forces patrolling")."""
    named = [(m.span.root, m.actor) for m in idx.mentions
             if m.actor.kind == "state_forces" and sent.start <= m.span.start < sent.end]
    # unnamed forces too: "four police officers are feared dead following an attack" (+0.01 ACLED actors)
    generic = [(t, SECURITY_FORCES) for t in sent if t.lemma_.lower() in FORCE_HEADS and idx.at(t) is None]
    for head, actor in named + generic:
        while head.dep_ in ("compound", "amod") and head.head.i != head.i:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ == "by":
            continue  # "killed by police": the doers
        verb = head.head if head.dep_ != "pobj" else head.head.head
        feared_dead = verb.lemma_.lower() == "fear" and any(c.lower_ == "dead" for c in verb.children)
        if head.lemma_.lower() in TARGETS or head.dep_ in ("dobj", "nsubjpass", "pobj") and \
                verb.lemma_.lower() in HIT_VERBS or head.dep_ == "nsubj" and verb.lemma_.lower() == "die" \
                or head.dep_ in ("nsubj", "nsubjpass") and feared_dead:
            return actor
    return None


def _victim(patient: Token | None) -> Actor:
    """ACLED's default target: civilians, unless the target is a police post or an army base."""
    if patient is not None and patient.lemma_.lower() in SECURITY_SITES:
        return SECURITY_FORCES
    return CIVILIANS


def fought_back(events: list[Event], text: str) -> list[Event]:
    """An incident report where the other side fought back ("the police fired back", "repulsed by the
    police") tells of a clash between two armed sides as well as the attack: an attack on security forces
    becomes the battle; an attack on civilians gets the battle of its attackers with the forces beside it."""
    low = text.lower()
    if any(e.type == "BATTLE" for e in events) or not any(cue in low for cue in wordset("return_fire")):
        return events
    attack = next((e for e in events if e.type in ("ATTACK", "ABDUCT") and e.actor1 is not None
                   and e.actor1.kind in ARMED), None)
    if attack is None:
        return events
    if attack.actor2 is not None and attack.actor2.kind in ("state_forces", "armed_group"):
        attack.type = "BATTLE"
        return events
    forces = next((a for e in events for a in (e.actor1, e.actor2) if a is not None and a.kind == "state_forces"
                   and a != attack.actor1), None)
    country = attack.place_country
    if forces is None and country and any(w in low for w in ("police", "officers", "soldiers", "troops", "army")):
        forces = registry().forces(country)
    if forces is None or forces == attack.actor1:
        return events
    clash = replace(attack, type="BATTLE", actor2=forces, quantities=dict(attack.quantities))
    return events + [clash]


