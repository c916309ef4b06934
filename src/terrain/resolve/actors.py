"""The actor registry: surface forms in text -> canonical actors (data: ``terrain/data/actors.yaml``).

``registry().lookup("Kigali")`` gives a :class:`Match` (Rwanda, via "capital"); the extractor decides what a
demonym or a capital means in its sentence. Conventions (bare "Congo", generic "rebels", Wagner vs Africa Corps)
are documented at the top of the YAML.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from terrain.errors import InputError, NotFound
from terrain.records import ACTOR_KINDS, Actor

VIAS = ("name", "alias", "force", "demonym", "capital")
_TITLES = frozenset("""president former interim transitional prime minister pm foreign defence defense interior
    general gen lt lieutenant maj major brig brigadier col colonel capt captain commander mr mrs ms dr king emir
    leader rebel junta self declared spokesman spokesperson secretary chairman chairperson""".split())
_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9.\-/&]*")


def _deaccent(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_POSSESSIVE = re.compile(r"'s\b")
_NON_WORD = re.compile(r"[^0-9A-Za-z]+")


@lru_cache(maxsize=1 << 17)
def fold(text: str, keep_case: bool = False) -> str:
    """Comparison key: accents off, possessive 's off, apostrophes and dots joined, other punctuation to spaces,
    a leading "the" dropped; lower-cased unless ``keep_case``. Remembered: the registry, the gazetteer and the
    verifier fold the same names over and over (142,000 calls for 80 demo articles)."""
    s = _deaccent(text).replace("’", "'").replace("‘", "'")
    s = _POSSESSIVE.sub("", s)
    s = s.replace("'", "").replace(".", "")
    s = _NON_WORD.sub(" ", s).strip()
    if s[:4].lower() == "the ":
        s = s[4:]
    return s if keep_case else s.lower()


def is_acronym(form: str) -> bool:
    """An acronym in capitals with up to five letters ("UN", "US", "FAT", "M23/AFC"): matched case-sensitively,
    so the words "us", "fat" or "ant" never resolve."""
    letters = [c for c in form if c.isalpha()]
    return bool(_ACRONYM.fullmatch(form)) and 0 < len(letters) <= 5


@dataclass(frozen=True)
class Match:
    """A surface form resolved: the actor, how it was named, and other readings where it is ambiguous."""

    actor: Actor
    via: str  # one of VIAS
    surface: str = ""
    exact_case: bool = False
    alternatives: tuple[Actor, ...] = ()


@dataclass
class _Entry:
    name: str
    kind: str
    country: str | None
    is_state: bool = False
    africa: bool = False
    polity: bool = False
    acts_for: str | None = None
    forms: list[tuple[str, str]] = field(default_factory=list)  # (surface, via)
    place_names: list[str] = field(default_factory=list)  # a state's name and aliases as written (for the gazetteer)

    def actor(self, via: str) -> Actor:
        kind = "state_forces" if self.is_state and via == "force" else self.kind
        return Actor(self.name, kind, self.country)


class ActorRegistry:
    def __init__(self, entries: list[_Entry], ambiguous: dict[str, list[str]], path: str):
        self.path = path
        self.entries = {e.name: e for e in entries}
        self._states = {e.country: e for e in entries if e.is_state and not e.polity}
        self._exact: dict[str, Match] = {}
        self._ci: dict[str, Match] = {}
        self._phrases: dict[str, list[tuple[str, Match]]] = {}  # by table key, so an ambiguity can replace them
        self._collisions: dict[str, str] = {}
        for e in entries:
            for surface, via in e.forms:
                self._add(surface, Match(e.actor(via), via, surface, is_acronym(surface)))
        for surface, names in ambiguous.items():
            self._add_ambiguous(surface, names)
        self._fuzzy_keys: list[str] | None = None

    # -- building ---------------------------------------------------------------------------------------------
    def _add(self, surface: str, match: Match, replace: bool = False) -> None:
        table, key = (self._exact, fold(surface, True)) if match.exact_case else (self._ci, fold(surface))
        if not key:
            return
        old = table.get(key)
        if old is not None and old.actor != match.actor and not replace:
            self._collisions[key] = (f"{surface!r}: {old.actor.name}/{old.actor.kind} "
                                     f"vs {match.actor.name}/{match.actor.kind}")
            return
        if old is None or replace or VIAS.index(match.via) < VIAS.index(old.via):
            table[key] = match
        forms = self._phrases.setdefault(key, [])
        forms.append((surface, match))
        plain = _deaccent(surface)
        if plain != surface:
            forms.append((plain, match))

    def _add_ambiguous(self, surface: str, names: list[str]) -> None:
        missing = [n for n in names if n not in self.entries]
        if missing:
            raise InputError(self.path, f"ambiguous form {surface!r} names unknown entries {missing}",
                             "use the canonical `name` of an entry under states/actors/persons")
        first = self.entries[names[0]]
        current = self._get(surface)
        via = current.via if current and current.actor.name == first.name else "alias"
        if first.is_state and current is None and via == "alias" and surface.isupper():
            via = "force"
        alts = tuple(self.entries[n].actor(via) for n in names[1:])
        key = fold(surface, True) if is_acronym(surface) else fold(surface)
        self._collisions.pop(key, None)
        self._phrases.pop(key, None)
        self._add(surface, Match(first.actor(via), via, surface, is_acronym(surface), alts), replace=True)

    @property
    def collisions(self) -> list[str]:
        """Forms claimed by two entries without an `ambiguous` declaration (the first entry keeps them)."""
        return list(self._collisions.values())

    def _get(self, text: str) -> Match | None:
        return self._exact.get(fold(text, True)) or self._ci.get(fold(text))

    # -- queries ----------------------------------------------------------------------------------------------
    def lookup(self, text: str) -> Match | None:
        """Exact-ish match: case-, accent- and punctuation-insensitive (acronyms case-sensitive), possessive and
        leading "the" ignored, then without titles ("President Kagame"), a bracketed tail ("(Kenya)") or a plural s."""
        text = text.strip().strip("\"'“”‘’")
        if not text:
            return None
        found = self._get(text)
        if found:
            return found
        words = fold(text).split()
        while words and words[0] in _TITLES:
            words = words[1:]
        if words and (found := self._ci.get(" ".join(words))):
            return found
        bare = re.sub(r"\s*\([^)]*\)\s*$", "", text)
        if bare != text and (found := self._get(bare)):
            return found
        key = fold(text)
        if key.endswith("s") and (found := self._ci.get(key[:-1])) and found.via == "demonym":
            return found
        return None

    def fuzzy(self, text: str, cutoff: float = 90.0) -> Match | None:
        """Lookup, else the closest form by edit ratio (rapidfuzz) for near-misses ("Al Shabab", "Tshisekdi").
        Conservative: forms of 6+ characters, same first letter, ratio >= cutoff."""
        found = self.lookup(text)
        if found:
            return found
        from rapidfuzz import fuzz, process

        key = fold(text)
        if len(key) < 6:
            return None
        if self._fuzzy_keys is None:
            self._fuzzy_keys = [k for k in self._ci if len(k) >= 6]
        best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None or best[0][0] != key[0]:
            return None
        return self._ci[best[0]]

    def militia_of(self, people: str) -> Actor | None:
        """The communal militia of a people named alone ("Pokot", "the Kalenjin"), else None."""
        match = self.lookup(f"{people} militia")
        return match.actor if match is not None and match.actor.name.endswith(" Ethnic Militia") else None

    def state(self, iso3: str) -> Actor:
        return Actor(self.country_name(iso3), "state", iso3.upper())

    def forces(self, iso3: str) -> Actor:
        return Actor(self.country_name(iso3), "state_forces", iso3.upper())

    def country_name(self, iso3: str) -> str:
        iso3 = (iso3 or "").upper()
        if iso3 in self._states:
            return self._states[iso3].name
        import pycountry

        country = pycountry.countries.get(alpha_3=iso3) if len(iso3) == 3 else None
        if country is None:
            raise NotFound(f"unknown country code {iso3!r}", "use an ISO 3166-1 alpha-3 code such as RWA or COD")
        return getattr(country, "common_name", None) or country.name

    def african_iso3(self) -> frozenset[str]:
        return frozenset(iso for iso, e in self._states.items() if e.africa)

    def phrases(self) -> list[tuple[str, Match]]:
        """Every surface form with its match (accented forms also without accents), for a PhraseMatcher.
        Forms with ``Match.exact_case`` should be matched on ORTH, the others on LOWER."""
        return [pair for forms in self._phrases.values() for pair in forms]

    def acts_for(self, actor: Actor) -> Actor | None:
        """The actor a person leads or speaks for (Kagame -> Rwanda/state, Nangaa -> M23), else None."""
        entry = self.entries.get(actor.name)
        target = self.entries.get(entry.acts_for) if entry and entry.acts_for else None
        return target.actor("name") if target else None

    def actors(self) -> list[Actor]:
        return [e.actor("name") for e in self.entries.values()]


def _expand(doc: dict) -> list[_Entry]:
    tpl = doc.get("templates") or {}
    entries: list[_Entry] = []
    for s in doc.get("states") or []:
        e = _Entry(s["name"], "state", s["iso3"], True, bool(s.get("africa")), bool(s.get("polity")))
        adjs = [d for d in s.get("demonyms") or [] if not d.endswith("s")]
        e.place_names = [s["name"], *(s.get("aliases") or [])]
        e.forms += [(s["name"], "name")] + [(a, "alias") for a in s.get("aliases") or []]
        e.forms += [(f, "force") for f in s.get("forces") or []]
        e.forms += [(d, "demonym") for d in s.get("demonyms") or []] + [(c, "capital") for c in s.get("capital") or []]
        for role, via in (("forces", "force"), ("state", "alias")):
            for t in tpl.get(role) or []:
                for adj in adjs if "{adj}" in t else [None]:
                    e.forms.append((t.format(adj=adj, name=s["name"]), via))
        entries.append(e)
    for a in doc.get("actors") or []:
        entries.append(_Entry(a["name"], a["kind"], a.get("country"),
                              forms=[(a["name"], "name")] + [(x, "alias") for x in a.get("aliases") or []]))
    for iso3, peoples in (doc.get("communal_militias") or {}).items():
        for spellings in peoples:
            spellings = [spellings] if isinstance(spellings, str) else spellings
            forms = [(t.format(people=p), "alias") for p in spellings for t in doc.get("templates_communal") or []]
            name = f"{spellings[0]} Ethnic Militia"
            entries.append(_Entry(name, "armed_group", iso3, forms=[(name, "name"), *forms]))
    for p in doc.get("persons") or []:
        entries.append(_Entry(p["name"], "person", p.get("country"), acts_for=p.get("acts_for"),
                              forms=[(p["name"], "name")] + [(x, "alias") for x in p.get("aliases") or []]))
    return entries


def load_registry(path: str | Path | None = None) -> ActorRegistry:
    """Read and check a registry file (default: the packaged ``actors.yaml``)."""
    src = Path(path) if path else Path(str(resources.files("terrain") / "data" / "actors.yaml"))
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads the file 10x faster
        doc = yaml.load(src.read_text(encoding="utf-8"), Loader=loader) or {}
        entries = _expand(doc)
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        raise InputError(str(src), f"not valid YAML: {err}", "fix the YAML syntax at that line",
                         line=line + 1 if line is not None else None) from err
    except (KeyError, TypeError, AttributeError) as err:
        raise InputError(str(src), f"malformed entry ({err!r})",
                         "every entry needs `name` and (states) `iso3` or (actors) `kind`") from err
    names: set[str] = set()
    for e in entries:
        if e.kind not in ACTOR_KINDS:
            raise InputError(str(src), f"{e.name!r}: unknown kind {e.kind!r}", f"use one of {', '.join(ACTOR_KINDS)}")
        if e.country is not None and not re.fullmatch(r"[A-Z]{3}", e.country):
            raise InputError(str(src), f"{e.name!r}: country {e.country!r} is not ISO3", "write e.g. RWA, COD or null")
        if e.name in names:
            raise InputError(str(src), f"duplicate entry name {e.name!r}", "give each entry a unique canonical name")
        names.add(e.name)
    return ActorRegistry(entries, doc.get("ambiguous") or {}, str(src))


@lru_cache(maxsize=1)
def registry() -> ActorRegistry:
    """The packaged registry, loaded once."""
    return load_registry()


def country_iso3(name_or_demonym: str) -> str | None:
    """ "Rwandan" / "Kinshasa" / "DRC" / "Ivory Coast" -> ISO3, else None."""
    found = registry().lookup(name_or_demonym)
    if found and found.actor.kind in ("state", "state_forces") and found.actor.country:
        return found.actor.country
    if found:
        return None
    import pycountry

    try:
        return pycountry.countries.lookup(name_or_demonym.strip()).alpha_3
    except LookupError:
        return None
