"""Event location: the place attached to the event, not every place mentioned.

The candidate spans and their names come from ``extract/place_spans.py``. The one governed by the
trigger's clause ("killed ... in Baragoi") wins over one elsewhere in the sentence; a "Place, District,
Region" list or a "Place (District, Region)" resolves its first name with the last as the admin hint; places
the gazetteer lacks fall back to the region or country named, never to a same-named place abroad. A place
abroad needs its country named somewhere in the document.

Country hints, in order: a country named in the sentence, the context's, the document's
(``countries.doc_country``: the country most of the report's places resolve to). Exact names in any
hinted country win over spelling variants (the gazetteer's near-miss match) in the first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from terrain.extract.place_spans import (LOC_PREPS, PLACE_PREPS, SHORT_REPORT, candidates, chain, coded,
                                         dateline_tokens, direction, doc_text, is_place_phrase, locative, names,
                                         origin, road, typed)
from terrain.extract.countries import african, country_of, doc_country, exact, is_demonym, lookup
from terrain.extract.lexicon import wordset
from terrain.records import Location
from terrain.resolve.gazetteer import gazetteer

PRECISION_RANK = {"place": 0, "admin1": 1, "region": 2, "country": 3}
# An institution named after its town: "Garissa High School", "Isiolo Barracks", "University of Nairobi".
_INSTITUTION = re.compile(r"^(?:(?:the\s+)?(?:university|hospital|college|county government|prison) of\s+(?P<after>.+)|"
                          r"(?P<before>.+?)\s+(?:(?:high|secondary|primary|girls|boys)\s+school|school|university|"
                          r"college|hospital|barracks|prison|police station|market|stadium|church|mosque|"
                          r"polytechnic|institute|referral hospital|law courts?))\b", re.I)


@dataclass
class PlaceMention:
    span: Span
    location: Location
    coded: bool = False  # named in a coding remark ("coordinates for X used"): the report's own place
    weak: bool = False  # no place syntax (inside "Garissa High School", a bare "Kisumu journalists"): a last resort


def _resolve(names: list[str], hints: list[str], admin: str | None, allowed: set[str],
             towns_abroad: bool = False) -> Location | None:
    """The first name that resolves: exact names in the hinted countries, then spelling variants there,
    then anywhere ``allowed`` (with ``towns_abroad``, also African towns of 15,000+ people: a Kenyan feed's
    "attack in Kismayo" needs no "Somalia"; a village of that name abroad is not meant)."""
    for strict in (True, False):
        for h in hints:
            for n in names:
                loc = lookup(n, h, admin)
                if loc is not None and (not strict or exact(loc, n)):
                    return loc
    for n in names:
        loc = lookup(n, None, None)
        if loc is not None and (loc.country is None or loc.country in allowed or loc.precision == "country"
                                or towns_abroad and loc.country in african() and gazetteer().population(loc) >= 15000):
            return loc
    return None


BIG_CITY = 100_000  # population above which a town abroad is taken as the place named


def place_mentions(sent: Span, country_hint: str | None) -> list[PlaceMention]:
    info = doc_country(sent.doc)
    ents = candidates(sent)
    by_char = {e.start_char: e for e in ents}
    countries = [c for e in ents if (c := country_of(e.text))]
    hints = list(dict.fromkeys(h for h in (*countries, country_hint, info.hint) if h))
    allowed = info.named | set(hints) if hints else set()
    if not info.strong and not countries and not country_hint and not info.feed:
        allowed |= african()
    towns = bool(info.feed)
    short = len(doc_text(sent.doc)) <= SHORT_REPORT
    found: list[PlaceMention] = []
    consumed: set[int] = set()
    for e in ents:
        if e.start_char in consumed:
            continue
        links = chain(e, by_char)
        consumed.update(c.start_char for c in links)
        compass = direction(e)
        loc = None
        if compass:
            loc = _resolve([f"{compass} {e.text}"], hints, None, allowed, towns)
        if loc is None:
            admin = links[-1].text if links else None
            admin_country = country_of(admin) if admin else None
            local = [admin_country] if admin_country else hints
            loc = _resolve(names(e), local, None if admin_country else admin, allowed, towns and not typed(e))
            if loc is None and links:
                for c in links:  # the village is unknown: fall back to the district or region named,
                    loc = _resolve(names(c), local, None, allowed, towns)
                    if loc is not None:  # keeping the village's name ("Nyongoro", placed at Lamu)
                        loc = replace(loc, name=e.text, admin1=loc.admin1 or loc.name,
                                      precision=loc.precision if loc.precision != "place" else "admin1")
                        break
        if loc is None or loc.country is None and not locative(e, LOC_PREPS):
            continue
        if _small_town_abroad(loc, info.hint):
            continue
        # ORG/NORP-labelled names are places only in a locative phrase ("charged into Dassari");
        # a country is a place only there too ("in Mozambique"), not as an actor ("Rwanda denied")
        if loc.precision == "country" and not locative(e):
            continue
        if e.label_ == "NORP" and is_demonym(e):
            continue  # "of Somali extraction": a people, not Ethiopia's Somali region
        if _is_capital_actor(e) and not locative(e, PLACE_PREPS):
            continue  # "Kigali denies": the government, not the city
        if e.label_ not in ("GPE", "LOC", "FAC") and not (is_place_phrase(e) or links):
            if short and _bare_place(e, loc, hints):
                found.append(PlaceMention(e, loc, weak=True))
            continue
        found.append(PlaceMention(e, loc, coded=coded(e), weak=road(e)))
    return found + [p for e in ents if e.start_char not in consumed and (p := _embedded(e, hints)) is not None]


def dateline_place(doc: Doc) -> PlaceMention | None:
    """The African town a report is filed from ("MONROVIA, Aug 15 -"): the scene its first paragraph starts
    from, for the context only (a dateline is no event's place)."""
    toks = sorted(dateline_tokens(doc))
    end = next((i for i in toks if doc[i].text in (",", "/")), None)
    if not toks or end is None or end == toks[0]:
        return None
    name = doc[toks[0]:end].text.title()
    hint = doc_country(doc).hint
    loc = (lookup(name, hint, None) if hint else None) or lookup(name, None, None)
    if loc is None or loc.country not in african() or loc.precision != "place":
        return None
    return PlaceMention(doc[toks[0]:end], loc)


def _small_town_abroad(loc: Location, hint: str | None) -> bool:
    """In a report about an African country, a small town off the continent is a same-named place ("Mogadishu's
    Lido beach" is not Lido Beach, New York); cities abroad stay places ("talks in Doha", "signed in Ankara")."""
    return loc.precision == "place" and hint in african() and loc.country not in african() \
        and gazetteer().population(loc) < BIG_CITY


def _bare_place(e: Span, loc: Location, hints: list[str]) -> bool:
    """A name with no place syntax ("Mandera" parsed as a subject, "Kisumu journalists") that is exactly a
    town or county of the report's country and names no actor: in a short report, its place of last resort."""
    from terrain.resolve.actors import registry

    return (loc.precision in ("place", "admin1") and loc.country in hints[:1] and exact(loc, e.text.strip())
            and registry().lookup(e.text) is None)


def _embedded(e: Span, hints: list[str]) -> PlaceMention | None:
    """The town in an institution's name, in a hinted country only (+0.01 location on acled-kenya); in a
    short report also the town or county that starts a longer name: "Nyeri National Polytechnic", "Homa Bay
    Governor", "Nairobi's Freedom Park", "Nairobis CBD" (the apostrophe lost)."""
    if not hints:
        return None
    m = _INSTITUTION.match(e.text.strip())
    tried = [m.group("after") or m.group("before")] if m else []
    words = e[1:] if e[0].pos_ == "DET" else e
    if len(words) > 1 and len(doc_text(e.doc)) <= SHORT_REPORT:
        first = words[0].text
        tried += [words[:2].text, first, first[:-1] if first.endswith("s") else ""]
    for name in tried:
        if not name or not name[:1].isupper():
            continue
        loc = _resolve([name], hints[:1] if not m else hints, None, set())
        if loc is not None and loc.precision in ("place", "admin1") and exact(loc, name):
            return PlaceMention(e, loc, weak=True)
    return None


def _is_capital_actor(span: Span) -> bool:
    """"Kigali denies": the government; "Nairobi workers", "Kinshasa residents": the city."""
    from terrain.resolve.actors import registry

    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() not in wordset("government_heads"):
        return False
    match = registry().lookup(span.text)
    return match is not None and match.via == "capital"


def _doc_places(doc: Doc) -> list[PlaceMention]:
    info = doc_country(doc)
    if info.places is None:
        info.places = [p for s in doc.sents for p in place_mentions(s, None)]
    return info.places


def event_location(trigger: Token, places: list[PlaceMention], attached_only: bool = False) -> Location | None:
    """The place governed by the trigger's clause, most precise first; else (for violence) the most
    precise place of the sentence; in a short report, else the most precise place of the report."""
    own = {t.i for t in trigger.subtree}
    clause = set(own)
    head = trigger
    while head.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "acl") and head.head.i != head.i:
        head = head.head
    clause |= {t.i for t in head.subtree}

    def rank(p: PlaceMention) -> tuple:
        attached = p.span.root.i in clause and locative(p.span, LOC_PREPS) and not origin(p.span)
        # the trigger's own phrase before the clause it hangs on ("friction between Kigali and Kinshasa,
        # continued fighting in eastern DR Congo"), then the most precise
        return (p.weak, 0 if attached or p.coded else 1, not p.coded, origin(p.span), p.span.root.i not in own,
                PRECISION_RANK[p.location.precision], abs(p.span.start - trigger.i))

    best = sorted(places, key=rank)[0] if places else None
    if attached_only:
        return best.location if best is not None and rank(best)[:2] == (False, 0) else None
    doc = trigger.doc
    precise = best is not None and PRECISION_RANK[best.location.precision] <= PRECISION_RANK["admin1"]
    if len(doc_text(doc)) > SHORT_REPORT or (precise and rank(best)[:2] == (False, 0)):
        return best.location if best is not None else None
    # A short report names its place once ("... The event happened in Nairobi"): the report's coded
    # place, else its most precise, nearest place (in the same country as the sentence's own, if any).
    others = [p for p in _doc_places(doc) if best is None or p.location.country == best.location.country]
    others.sort(key=lambda p: (p.weak, not p.coded, origin(p.span), PRECISION_RANK[p.location.precision],
                               abs(p.span.start - trigger.i)))
    if others and (best is None or (not best.coded and others[0].coded) or not others[0].weak and PRECISION_RANK[
            others[0].location.precision] < PRECISION_RANK[best.location.precision]):
        return others[0].location
    if best is None and (hint := doc_country(doc).hint):
        return gazetteer().country(hint)  # places the gazetteer lacks: the country the report is about
    return best.location if best is not None else None
