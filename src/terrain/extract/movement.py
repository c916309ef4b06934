"""Who moves troops where: the provider, the host and the troop count of a deployment or withdrawal."""
from __future__ import annotations

from spacy.tokens import Token

from terrain.extract import quantities as q
from terrain.extract.arguments import are_troops, named_place, out_of
from terrain.extract.countries import african
from terrain.extract.mentions import MentionIndex
from terrain.extract.parties import actors_of, anaphor, as_forces
from terrain.extract.place_spans import DIRECTIONS
from terrain.extract.syntax import OBJ, destination, find_child, prep_object
from terrain.extract.trigger_words import Trigger
from terrain.records import Actor, Location
from terrain.resolve.actors import registry
from terrain.resolve.missions import mission_host


def movement(trig: Trigger, typ: str, agent: Token | None, patient: Token | None, a1s: list[Actor],
             a2s: list[Actor], idx: MentionIndex, loc: Location | None, states_in_view: list[str]
             ) -> tuple[str, list[Actor], list[Actor], float | None]:
    """(type, providers, [host state], troops) of a DEPLOY or WITHDRAW trigger; leaving a bloc is an ALIGN."""
    tok = trig.token
    troops_tok = trig.obj if trig.via_object else patient
    if tok.pos_ == "NOUN":  # "the withdrawals from Mali, Burkina Faso and Niger": the hosts, not the troops;
        mover = prep_object(tok, ("of",))  # "the departure of the UN mission, MINUSMA": the mover
        troops_tok = mover if mover is not None and not named_place(mover) else None
    if not a1s and troops_tok is not None:  # "350 Rwandans could be deployed": the troops are the provider
        a1s, a2s = actors_of(troops_tok, idx), a2s if trig.via_object else []
    mission = _appositive_mission(troops_tok, idx)
    a1s = [mission] if mission is not None else a1s  # "SADC deployed a force, SAMIDRC": the mission deploys
    a1s = [as_forces(a) for a in a1s]
    a1s = [a for a in a1s if a.kind in ("state_forces", "company", "mission", "igo", "armed_group")]
    providers = {a.country for a in a1s}  # "Egypt and Djibouti have offered troops to it": neither hosts
    explicit = _host(tok, idx, None)
    # a nominal "presence"/"incursion" takes the sentence's place as host only on the continent: the
    # "disengagement of Rwandan forces" agreed in Washington is not a deployment to the United States
    # a contribution's host is the mission's, named after "to", not any place in the sentence ("Malawi and
    # Tanzania also contributed troops; Malawi announced in South Africa ...")
    pledged = tok.lemma_.lower() in PLEDGE_VERBS
    if pledged and explicit is None:  # "Nigeria, which is to command that mission, will contribute 900 soldiers"
        explicit = _mission_host_in(tok, idx)
    near = loc if (tok.pos_ == "VERB" or (loc is not None and loc.country in african())) and not pledged else None
    # "sent reinforcements to the two Anglophone regions", "deployed 3,000 soldiers to the north": at home
    home = a1s[0].country if a1s and a1s[0].kind == "state_forces" and home_destination(tok, idx) else None
    host = explicit or home or _host(tok, idx, near) \
        or next((a.country for a in a2s if a.kind == "state"), None) or _soil(tok, idx, providers)
    dest = prep_object(tok, ("to", "in", "into"))
    named_elsewhere = dest is not None and not actors_of(dest, idx) and not named_place(dest) \
        and dest.lower_ not in DIRECTIONS  # "kept a contingent in the east": the host is in context
    rebels = bool(a1s) and all(a.kind == "armed_group" for a in a1s)  # (a rebel group moving within its war:
    # "LURD fighters moved north out of the city" is not hosted by the last state named)
    if (host is None or host in providers) and tok.pos_ == "VERB" and not named_elsewhere and not rebels:
        # "Benin opened talks with Rwanda. 350 Rwandans could be deployed": the state just named; an
        # African one ("Washington offered a team ... Britain would dispatch experts" is no host)
        host = next((c for c in reversed(states_in_view) if c not in providers and c in african()), None)
    serves = mission_host(a1s[0].name) if a1s and a1s[0].kind == "mission" else None
    if serves and (host is None or explicit is None):  # "the mission already withdrew 2,000 soldiers", "AMISOM
        host = serves  # has 5,000 soldiers in the capital" (in a report on Ethiopia's neighbour): where it serves
    a2s = [registry().state(host)] if host else []
    named = prep_object(tok, ("to", "in", "into", "from"))
    if host is not None and host == explicit and named is not None:  # "sent troops into Cameroon and Nigeria",
        a2s += [registry().state(c) for c in dict.fromkeys(  # "withdrew from Mali, Burkina Faso and Niger": each
            a.country for a in actors_of(named, idx) if a.kind in ("state", "state_forces") and a.country
            and a.country not in providers | {host})]
    left = prep_object(tok, ("from",)) or out_of(tok)
    igo = [a for a in actors_of(left, idx) if a.kind == "igo"] if left is not None else []
    if typ == "WITHDRAW" and igo and not are_troops(troops_tok):
        # leaving ECOWAS, "pulled out of the G5 Sahel", is a break with the bloc, not a troop withdrawal; "the
        # withdrawal of their contingents from the UN mission" is one
        typ, a1s, a2s = "ALIGN", [registry().state(a.country) if a.country else a for a in a1s], igo[:1]
    troops = q.troop_count([t for t in (troops_tok, agent) if t is not None])
    return typ, a1s, a2s, troops


PLEDGE_VERBS = ("contribute", "commit")


def _host(trig: Token, idx: MentionIndex, loc: Location | None) -> str | None:
    dest = prep_object(trig, ("to", "in", "into", "from", "inside", "across"), undated=True) \
        or (left if named_place(left := out_of(trig)) else None)  # "pulled its troops out of Somalia"
    if dest is None:  # "sent soldiers to Mali", "brought its soldiers home from Mali"
        obj = find_child(trig, ("dobj",))
        home = next((c for c in trig.children if c.lower_ == "home"), None)
        dest = (prep_object(obj, ("to", "in", "into", "from")) if obj is not None else None) \
            or (prep_object(home, ("from",)) if home is not None else None) or _sent_to(obj)
    if dest is not None:
        for a in actors_of(dest, idx):
            if a.country and a.kind in ("state", "state_forces"):
                return a.country
            if a.kind == "mission" and (host := mission_host(a.name)):
                return host
        if trig.lemma_.lower() in PLEDGE_VERBS:  # "committed a contingent to the mission in Mozambique"
            return next((m.actor.country for m in idx.inside(dest) if m.actor.kind == "state"), None)
    return loc.country if loc else None


def _mission_host_in(tok: Token, idx: MentionIndex) -> str | None:
    """The host of a mission the sentence names or refers to ("that mission"): where a contribution goes."""
    for t in tok.sent:
        m = idx.at(t)
        actor = m.actor if m is not None else anaphor(t, idx) if t.lemma_.lower() == "mission" else None
        if actor is not None and actor.kind == "mission" and (host := mission_host(actor.name)):
            return host
    return None


def _soil(tok: Token, idx: MentionIndex, providers: set) -> str | None:
    """ "crossed the border to pursue the rebels on Congolese soil": the country whose soil it is."""
    return next((m.actor.country for t in tok.subtree if t.lemma_.lower() in ("soil", "territory")
                 for m in idx.inside(t) if m.actor.kind in ("state", "state_forces")
                 and m.actor.country not in providers), None)


def _sent_to(obj: Token | None) -> Token | None:
    """ "withdrawn 600 of the 1,200 soldiers it had sent to Niger": where the troops had been sent."""
    for n in (obj, prep_object(obj, ("of",)) if obj is not None else None):
        rel = find_child(n, ("relcl",)) if n is not None else None
        if rel is not None and rel.lemma_.lower() in ("send", "deploy", "station", "dispatch", "post"):
            return prep_object(rel, ("to", "in", "into"), undated=True)
    return None


HOME_DESTINATIONS = frozenset({"region", "area", "province", "state", "district", "county", "border", "front",
                               "frontline", "zone", "forest", "bush",
                               "range", "mountain", "hill"})  # "sent units into the Rwenzori range"


def home_destination(tok: Token, idx: MentionIndex | None = None, towns: bool = False) -> bool:
    """ "sent troops to the two Anglophone regions", "to the border area", "to the north": a destination named
    by a qualified common noun or a bare direction ("to the region" alone may be abroad), naming no state
    ("to the three borders area where Niger, Mali and Burkina Faso meet" is abroad); with ``towns`` (an event
    whose host is already known to be home), also a town named ("to Gwoza")."""
    dest = destination(tok)
    if dest is None:
        return _home_duty(tok, idx)
    if prep_object(dest, ("of",)) is not None:
        return False  # "to the north of Mozambique"
    if idx is not None and any(m.actor.kind in ("state", "state_forces") for m in idx.inside(dest)):
        return False
    if dest.lower_ in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"):
        return True
    if towns and named_place(dest) and registry().lookup(dest.text) is None:
        return True  # "deployed additional troops to Gwoza"
    # "rushed to the area", "sent to the border": the scene the report is about, not a country abroad
    return dest.pos_ == "NOUN" and dest.lemma_.lower() in HOME_DESTINATIONS \
        and (any(c.dep_ in ("amod", "compound", "nummod", "nmod") for c in dest.children)
             or dest.lemma_.lower() in ("area", "border", "frontline", "forest", "bush"))


# What troops sent at home are sent to do: "1,000 police officers to protect hotels and beaches", "soldiers
# sent to search the area" (a duty abroad names its place or its enemy: "to protect Cabo Delgado", "to hunt
# al-Shabaab")
HOME_DUTIES = frozenset({"protect", "guard", "secure", "patrol", "search", "comb"})


def _home_duty(tok: Token, idx: MentionIndex | None) -> bool:
    duty = next((c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in HOME_DUTIES), None)
    what = find_child(duty, OBJ) if duty is not None else None
    return what is not None and what.pos_ == "NOUN" and not any(t.pos_ == "PROPN" for t in what.subtree) \
        and not (idx is not None and idx.inside(what))


def _appositive_mission(tok: Token | None, idx: MentionIndex) -> Actor | None:
    """ "a separate force, SAMIDRC": the mission named beside the troops (the parser often misses the apposition
    of an unknown acronym and tags it a verb)."""
    if tok is None:
        return None
    doc = tok.doc
    beside = [c for c in tok.children if c.dep_ == "appos"]
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
        beside.append(doc[tok.i + 2])
    for t in beside:
        m = idx.at(t)
        if m is not None and m.actor.kind == "mission":
            return m.actor
    return None
