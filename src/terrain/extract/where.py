"""Event location: the place attached to the event, not every place mentioned.

Candidates are place entities (GPE, LOC, FAC) and country names in the sentence. The one governed
by the trigger's clause ("killed ... in Baragoi") wins over one elsewhere in the sentence; a
"Place, District, Region" list resolves its first name with the last as the admin hint; places the
gazetteer lacks fall back to the region or country named, never to a same-named place abroad.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from terrain.records import Location
from terrain.resolve.gazetteer import gazetteer

PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON")
LOC_PREPS = ("in", "at", "near", "outside", "around", "into", "across", "inside", "from", "on", "to", "of", "between")
PRECISION_RANK = {"place": 0, "admin1": 1, "region": 2, "country": 3}
DIRECTIONS = ("eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
              "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
              "south-eastern", "south-western")


@dataclass
class PlaceMention:
    span: Span
    location: Location


def _direction(span: Span) -> str | None:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in DIRECTIONS:
        return doc[span.start - 1].lower_
    return None


def _chain(span: Span, ents: dict[int, Span]) -> list[Span]:
    """The names that follow ``span`` as ", X, Y" (appositions: district, region)."""
    doc, out, i = span.doc, [], span.end
    while i + 1 < len(doc) and doc[i].text in (",", "(") and (i + 1) in ents:
        nxt = ents[i + 1]
        out.append(nxt)
        i = nxt.end
    return out


def place_mentions(sent: Span, country_hint: str | None) -> list[PlaceMention]:
    gaz = gazetteer()
    found: list[PlaceMention] = []
    ents = [e for e in sent.ents if e.label_ in PLACE_LABELS] + _proper_runs(sent)
    ents.sort(key=lambda e: e.start)
    by_start = {e.start: e for e in ents}
    countries = [gaz_country for e in ents if (gaz_country := _country_of(e.text))]
    hint = countries[0] if countries else country_hint
    consumed: set[int] = set()
    for e in ents:
        if e.start in consumed:
            continue
        chain = _chain(e, by_start)
        for c in chain:
            consumed.add(c.start)
        direction = _direction(e)
        loc = None
        if direction:
            loc = gaz.resolve(f"{direction} {e.text}", country=hint)
        if loc is None:
            admin = chain[-1].text if chain else None
            admin_country = _country_of(admin) if admin else None
            loc = gaz.resolve(e.text, country=admin_country or hint, admin1=None if admin_country else admin)
            if loc is None and chain:
                for c in chain:  # the village is unknown: fall back to the district or region named
                    loc = gaz.resolve(c.text, country=admin_country or hint)
                    if loc is not None:
                        break
        if loc is None or loc.country is None and not _locative(e, LOC_PREPS):
            continue
        if hint is None and loc.country not in _african():
            continue  # "Serut" is in Kenya's news, not Indonesia's: abroad only when the country is named
        # ORG/NORP-labelled names are places only in a locative phrase ("charged into Dassari");
        # a country is a place only there too ("in Mozambique"), not as an actor ("Rwanda denied")
        if loc.precision == "country" and not _locative(e):
            continue
        if _is_capital_actor(e) and not _locative(e, PLACE_PREPS):
            continue  # "Kigali denies": the government, not the city
        if e.label_ in ("NORP", "ORG", "PERSON", "") and not _locative(e, PLACE_PREPS):
            continue
        found.append(PlaceMention(e, loc))
    return found


def _proper_runs(sent: Span) -> list[Span]:
    """Runs of proper nouns the NER left unlabelled ("in Garba Tula"): place candidates only in a
    locative phrase."""
    covered = {t.i for e in sent.ents for t in e}
    runs, start = [], None
    for t in list(sent) + [None]:
        ok = t is not None and t.pos_ == "PROPN" and t.i not in covered and t.is_title
        if ok and start is None:
            start = t.i
        elif not ok and start is not None:
            runs.append(Span(sent.doc, start, t.i if t is not None else sent.end, label=""))
            start = None
    return runs


def _is_capital_actor(span: Span) -> bool:
    from terrain.resolve.actors import registry

    match = registry().lookup(span.text)
    return match is not None and match.via == "capital"


@lru_cache(maxsize=1)
def _african() -> frozenset[str]:
    from terrain.resolve.actors import registry

    return frozenset(registry().african_iso3())


PLACE_PREPS = ("in", "at", "near", "outside", "around", "into", "across", "inside", "from", "of", "between", "to")
PLACE_VERBS = frozenset({"attack", "raid", "storm", "capture", "seize", "overrun", "shell", "bomb", "invade", "enter",
                         "retake", "recapture", "besiege", "encircle", "reach", "leave", "visit"})
COUNTRY_PREPS = ("in", "at", "near", "across", "inside", "into", "throughout", "within", "outside")
PLACE_NOUNS = ("capital", "town", "city", "province", "region", "north", "south", "east", "west", "border",
               "part", "parts", "area", "village", "district", "county", "state")


def _locative(span: Span, preps: tuple[str, ...] = ()) -> bool:
    """A country named as a place ("in Mozambique", "the capital of the CAR"), not as an actor
    ("Rwanda denied", "talks with Benin")."""
    root = span.root
    for _ in range(3):  # "the capital of the Central African Republic (CAR)" parses CAR as the head
        if root.dep_ in ("conj", "appos", "det", "compound", "nmod", "amod") and root.head.i != root.i:
            root = root.head
    if root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_VERBS:
        return True  # "ADF fighters raided Oicha"
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in (preps or COUNTRY_PREPS):
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS


def _country_of(text: str | None) -> str | None:
    if not text:
        return None
    loc = gazetteer().resolve(text)
    return loc.country if loc is not None and loc.precision == "country" else None


def event_location(trigger: Token, places: list[PlaceMention], attached_only: bool = False) -> Location | None:
    """The place governed by the trigger's clause, most precise first; else (for violence) the most
    precise place of the sentence."""
    if not places:
        return None
    clause = {t.i for t in trigger.subtree}
    head = trigger
    while head.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "acl") and head.head.i != head.i:
        head = head.head
    clause |= {t.i for t in head.subtree}

    def rank(p: PlaceMention) -> tuple:
        attached = p.span.root.i in clause and _locative(p.span, LOC_PREPS)
        return (0 if attached else 1, PRECISION_RANK[p.location.precision], abs(p.span.start - trigger.i))

    best = sorted(places, key=rank)[0]
    if attached_only and rank(best)[0] != 0:
        return None
    return best.location
