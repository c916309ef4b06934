"""Which country a report is about, and gazetteer lookups of place names.

A report's country hint is the country most of its places resolve to (counties and regions weigh more
than towns, which may exist in several countries); in a run of short reports a report with no evidence
of its own takes the feed's country (extract/feed.py). extract/where.py uses the hint to resolve names
the sentence gives no country for.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from terrain.extract.lexicon import wordset
from terrain.extract.place_spans import DIRECTIONS, candidates, is_place_phrase, locative, names, type_word
from terrain.records import Location
from terrain.resolve.actors import fold
from terrain.resolve.gazetteer import gazetteer

UNAMBIGUOUS = 3  # the vote of one first-level subdivision (doc_country)


@dataclass
class DocCountry:
    """A document's country evidence."""

    named: set[str]  # countries named as such
    hint: str | None  # the country most of its places resolve to
    strong: bool = False  # the hint rests on places, not only on demonyms ("Kenyan police")
    weight: float = 0  # the hint's vote
    feed: bool = False  # the hint is the feed's, the document having none of its own
    places: list | None = field(default=None, repr=False)  # extract/where.py's PlaceMentions, once computed


@lru_cache(maxsize=16384)
def lookup(name: str, country: str | None, admin1: str | None) -> Location | None:
    loc = gazetteer().resolve(name, country=country, admin1=admin1)
    return _seat(loc) if loc is not None and loc.precision == "admin1" else loc


def _seat(adm: Location) -> Location:
    """A county or province is placed at its same-named seat where it has one ("Mandera County" at Mandera
    town, as ACLED and most gazetteers place it), not at the mean of its villages; precision stays admin1."""
    town = gazetteer().resolve(adm.name, country=adm.country, admin1=adm.name)
    if town is None or town.precision != "place" or town.admin1 != adm.name or not exact(town, adm.name):
        return adm
    return Location(adm.name, adm.country, "admin1", adm.admin1, town.lat, town.lon)


def exact(loc: Location, name: str) -> bool:
    """Not a spelling variant: near-miss matching only ever returns places under another name."""
    return loc.precision != "place" or fold(loc.name).replace(" ", "") == fold(name).replace(" ", "")


def country_of(text: str | None) -> str | None:
    if not text:
        return None
    loc = lookup(text, None, None)
    return loc.country if loc is not None and loc.precision == "country" else None


def doc_country(doc: Doc) -> DocCountry:
    """Per document (cached in ``doc.user_data``): countries named, the hint, and its places."""
    info = doc.user_data.get("terrain.countries")
    if info is not None:
        return info
    votes: Counter[str] = Counter()
    named: set[str] = set()
    places: list[tuple[str, float]] = []
    actors: dict[str, None] = {}  # ordered: ties go to the first named
    for sent in doc.sents:
        for e in candidates(sent):
            if e.label_ == "NORP" and is_demonym(e):
                actors.update(dict.fromkeys(_countries_within(e)))  # "Somali": a people, not a region
                continue
            place_like = e.label_ in ("GPE", "LOC", "FAC") or is_place_phrase(e)
            loc = next((x for n in names(e) if (x := lookup(n, None, None)) is not None), None)
            if loc is None or loc.country is None:
                if e.label_ in ("NORP", "ORG", "PERSON"):  # "Kenyan police", "KDF": weak evidence, once each
                    actors.update(dict.fromkeys(_countries_within(e)))
                continue
            if loc.precision == "country":
                named.add(loc.country)
                if not locative(e):  # "refugees from Sudan", "Rwanda denied": no place of events
                    continue
            elif not place_like:
                continue
            # a county or region is unambiguous evidence; a town name may exist in several countries
            # ("East", "Southern", "Delta" alone name regions of many countries: a town's weight)
            weight = {"admin1": 3, "region": 2, "country": 1}.get(loc.precision, 1) if _distinctive(e) else 1
            places.append((loc.country, weight))
    for country, weight in places:
        # a town abroad whose country the report never names is a same-named place ("Moura in central
        # Mali" is not Moura, Portugal; "Mogadishu's Lido beach" is not Lido Beach, New York)
        if country in named or country in african():
            votes[country] += weight
    votes.update({c: 0.5 for c in actors})
    hint, weight = votes.most_common(1)[0] if votes else (None, 0)
    # a hint from demonyms alone ("Kenyan police") names no place: it does not bar places elsewhere
    info = DocCountry(named, hint, strong=weight >= 1, weight=weight)
    doc.user_data["terrain.countries"] = info
    return info


def _distinctive(e: Span) -> bool:
    """A subdivision's name that is more than one common word: "Cabo Delgado", "Amhara", not "East"."""
    words = [t.lower_ for t in e if not t.is_punct and not type_word(t.text) and t.lower_ not in ("state", "sub")]
    return len(words) > 1 or bool(words) and words[0] not in DIRECTIONS and words[0] not in wordset("common_admin")


def _countries_within(e: Span) -> list[str]:
    from terrain.resolve.actors import registry

    found = registry().lookup(e.text)
    if found is not None:  # a state, its forces, a politician; armed groups cross borders (al-Shabaab in Kenya)
        return [found.actor.country] if found.actor.kind in ("state", "state_forces", "person") else []
    return list(dict.fromkeys(c for t in e if t.is_title and (c := country_of(t.text))))


def use_feed(doc: Doc, feed) -> None:
    """Count the document's own country into the feed (``extract.feed.FeedCountry``); a document with no
    country evidence of its own takes the feed's."""
    info = doc_country(doc)
    prior = feed.prior()
    if prior and info.hint != prior and info.hint not in info.named and info.weight < UNAMBIGUOUS:
        # no evidence, or only a village name that also exists abroad ("Salima village" in a Kenyan feed is
        # not Salima, Malawi) and no country named: the feed's country. A province or region of the
        # report's own ("Dese (South Wello, Amhara)" in a run that began in Nigeria) outweighs the feed.
        info.hint, info.feed = prior, True
    elif info.strong:
        feed.observe(info.hint)


def is_demonym(span: Span) -> bool:
    from terrain.resolve.actors import registry

    match = registry().lookup(span.text)
    return match is not None and match.via == "demonym"


@lru_cache(maxsize=1)
def african() -> frozenset[str]:
    from terrain.resolve.actors import registry

    return frozenset(registry().african_iso3())
