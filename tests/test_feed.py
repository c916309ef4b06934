"""The feed country: reports that name no place take the country of the run's earlier reports
(extract/feed.py). Every report here is our own wording."""
from __future__ import annotations

import pytest

from terrain.extract.feed import MIN_REPORTS, FeedCountry


def test_prior_needs_enough_reports_and_a_clear_majority():
    feed = FeedCountry()
    for _ in range(MIN_REPORTS - 1):
        feed.observe("KEN")
    assert feed.prior() is None  # too few reports to know what the feed is about
    feed.observe("KEN")
    assert feed.prior() == "KEN"
    for c in ("UGA", "TZA", "SOM", "ETH"):
        feed.observe(c)
    assert feed.prior() is None  # 5 of 9: no clear majority
    feed.observe(None)  # a report without a country counts for nothing
    assert sum(feed.votes.values()) == 9


def _run(texts: list[str]):
    from terrain.pipeline import extract_documents
    from terrain.records import Document

    docs = [Document(doc_id=f"r{i}", text=t, published="2021-09-30") for i, t in enumerate(texts)]
    return {d.doc_id: events for d, events in extract_documents(docs)}


KENYAN = [
    "On 3 May 2021, bandits shot dead a herder near Baragoi, Samburu county.",
    "On 4 May 2021, police in Garissa town arrested two men after a grenade attack on a bar.",
    "On 6 May 2021, traders in Eldoret protested against new market levies.",
    "On 7 May 2021, raiders stole 200 goats at Kapedo and wounded a boy.",
    "On 9 May 2021, youths in Kisumu blocked a highway to protest a hit-and-run.",
    "On 11 May 2021, gunmen attacked a police post in Mandera county, wounding an officer.",
]
PLACELESS = "On 12 May 2021, a mob lynched two suspected thieves and police fired in the air."


@pytest.mark.slow
def test_a_report_naming_no_place_takes_the_feed_country():
    events = _run(KENYAN + [PLACELESS])["r6"]
    assert events and all(e.country == "KEN" for e in events)
    assert all(a.country == "KEN" for e in events for a in (e.actor1, e.actor2) if a is not None)


@pytest.mark.slow
def test_a_mixed_feed_lends_no_country():
    mixed = ["On 3 May 2021, gunmen killed two traders in Gao, Mali.",
             "On 4 May 2021, soldiers clashed with rebels near Beni in DR Congo.",
             "On 5 May 2021, students protested in Kampala, Uganda.",
             "On 6 May 2021, a bomb exploded at a market in Maiduguri, Nigeria.",
             "On 7 May 2021, raiders stole cattle in Kapoeta, South Sudan.",
             "On 8 May 2021, police dispersed a rally in Harare, Zimbabwe."]
    events = _run(mixed + [PLACELESS])["r6"]
    assert events and all(e.country is None for e in events)


@pytest.mark.slow
def test_a_village_name_found_abroad_yields_to_the_feed_country():
    # Salima is a town in Malawi; in a Kenyan feed a "Salima village" with no country named is Kenyan
    events = _run(KENYAN + ["On 12 May 2021, gunmen killed two herders in Salima village."])["r6"]
    assert events and all(e.country == "KEN" for e in events)
    assert all(e.location is None or e.location.country == "KEN" for e in events)


@pytest.mark.slow
def test_a_province_of_its_own_outweighs_the_feed_country():
    # a run that began with Kenyan reports moves on to Mozambique: "Macomia (Cabo Delgado)" names its country by
    # its province ("Tigania East District" does not: "East" alone is a region of several countries)
    text = "On 28 May 2021, insurgents attacked Macomia (Cabo Delgado), killing 12 civilians."
    events = _run(KENYAN + [text, "On 2 May 2021, gunmen killed two men in the Laikumukumu area, Tigania East "
                                  "District."])
    assert events["r6"] and all(e.country == "MOZ" for e in events["r6"])
    assert events["r7"] and all(e.country == "KEN" for e in events["r7"])
