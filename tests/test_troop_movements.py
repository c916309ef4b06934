"""Troop movements and the people and places they name, as the eighth round of long-form misses showed them
(extract/movement.py, build.py, triggers.py, mentions.py, extractor.py, place_spans.py). Every sentence is
our own; each test fails without its rule."""
from __future__ import annotations

import pytest

from test_extract_incidents import extract, one  # tests/ is on sys.path (pytest prepend mode)
from test_news_syntax import article, pairs

pytestmark = pytest.mark.slow


def movements(events, typ="DEPLOY"):
    return [(e.actor1.name, e.actor2 and e.actor2.name, e.quantities.get("troops")) for e in events if e.type == typ]


def test_troops_sent_to_a_mission_go_where_it_serves():
    events = extract("In March 2022 Kigali sent 300 more soldiers to MINUSCA.")
    assert movements(events) == [("Rwanda", "Central African Republic", 300)]  # "In March" is no destination


def test_two_deployments_in_different_months_are_two_events():
    events = article("Rwanda first sent troops to the Central African Republic in December 2020 under a bilateral "
                     "accord. In August 2021 Kigali sent a further 750 soldiers to the Central African Republic, "
                     "the Rwandan army said.")
    assert len([e for e in events if e.type == "DEPLOY"]) == 2


def test_reinforcements_sent_to_the_area_deploy_at_home():
    events = article("The Nigerien army said on Sunday that gunmen had attacked a village near Tillabéri, and that "
                     "reinforcements had been sent to the area to track them down.")
    assert ("Niger", "Niger") in {(a, b) for a, b, _ in movements(events)}


def test_a_troop_contributor_to_a_force_is_deployed_with_it():
    events = article("Uganda is one of the main troop contributors to the African Union force in Somalia, which "
                     "has fought al-Shabaab for more than fifteen years.")
    assert ("Uganda", "Somalia") in {(a, b) for a, b, _ in movements(events)}
    assert not [e for e in article("The Islamic State affiliate remains a serious threat in the east of the "
                                   "country, officials in Kinshasa said.") if e.type == "THREATEN"]


def test_a_mission_withdraws_from_where_it_serves_and_troops_brought_home_withdraw():
    events = article("ATMIS, whose soldiers come from five countries, withdrew 2,000 troops from its bases in June, "
                     "the African Union said.")
    assert ("ATMIS", "Somalia") in {(a, b) for a, b, _ in movements(events, "WITHDRAW")}
    events = extract("On 3 May Denmark announced that it would bring its soldiers home from Mali.")
    assert movements(events, "WITHDRAW") == [("Denmark", "Mali", None)]


def test_an_aim_forced_on_another_is_no_event():
    events = article("The rebels have staged attacks inside Kenya for years in an attempt to force Nairobi to bring "
                     "home its soldiers from Somalia, analysts said.")
    assert not [e for e in events if e.type == "WITHDRAW"]


def test_a_surname_the_tagger_misreads_is_still_the_person():
    events = article("The rebels are backed by the former president, André Kolingba, officials said. The "
                     "government accused Kolingba on Saturday of attempting a coup in league with armed groups in "
                     "the Central African Republic.")  # the tagger reads this "Kolingba" as an organisation
    assert any(b and "Kolingba" in b for _, b in pairs(events, "ACCUSE"))


def test_a_village_named_as_such_is_not_a_town_abroad():
    from terrain.extract.place_spans import typed
    from terrain.nlp import load_model

    doc = load_model()("They attacked his home in Pala Village on Friday.")
    village = next(e for e in doc.ents if "Pala" in e.text) if any("Pala" in e.text for e in doc.ents) \
        else doc[5:7]
    assert typed(village)


def test_a_new_paragraph_returns_from_a_country_abroad_to_the_reports():
    events = article("Gunmen attacked the presidential palace in Bissau, Guinea-Bissau, on Tuesday, and eleven people "
                     "were killed before guards repelled them.\n\nOne of those detained is a former navy chief who "
                     "served a prison sentence in the United States for drug trafficking.\n\nMeeting on Thursday, "
                     "ECOWAS condemned the attack and decided to deploy a stabilisation force.")
    assert {e.place_country for e in events if e.type in ("DEPLOY", "ACCUSE")} <= {"GNB"}


def test_troops_leaving_a_capital_withdraw():
    events = article("Chad ended its defence agreement with Paris in November, and the last French troops left "
                     "N'Djamena at the end of January.")
    assert ("France", "Chad") in pairs(events, "WITHDRAW")


def test_part_of_a_force_withdrawn_is_the_number_that_moved():
    events = article("In a redeployment agreed with its Sahel allies, Chad has withdrawn 600 of the 1,200 soldiers "
                     "it had sent to Niger in February.")
    assert [e.quantities.get("troops") for e in events if e.type == "WITHDRAW"] == [600]


def test_staff_pulled_out_and_a_demand_to_withdraw_move_no_troops():
    events = article("The energy company Total withdrew its staff from the Afungi peninsula in Mozambique. In "
                     "February, the State Department called on Rwanda to withdraw its soldiers from eastern Congo. "
                     "MINUSMA said it had helped evacuate the wounded from the village in Mali.")
    assert not [e for e in events if e.type == "WITHDRAW"]


def test_contractors_flown_in_troops_returned_and_a_border_crossed_deploy():
    events = article("About 200 fighters from the Wagner Group were flown into Mozambique in September, according to "
                     "The Times. In May, President Joe Biden approved the return of fewer than 500 US troops to "
                     "Somalia. Congolese officials said that Burundian soldiers had crossed the border to pursue "
                     "the rebels on Congolese soil.")
    assert {("Wagner Group", "Mozambique"), ("United States", "Somalia"), ("Burundi", "DR Congo")} \
        <= pairs(events, "DEPLOY")
