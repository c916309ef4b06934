"""Munitions fired at a target, aircraft sent abroad, a bloc or a country pulled out of, a refusal that is no denial,
siding with rebels and the other rules of the fifteenth round, from held-out set 16 (read once set 18 was written):
verb_triggers.py, build.py, movement.py, arguments.py, parties.py, crowds.py, syntax.py, resolve/missions.py,
data/triggers.yaml, data/actors.yaml, data/extraction.yaml. Every sentence is our own; each test fails without its
rule."""
from __future__ import annotations

import pytest

from test_news_syntax import long, pairs  # tests/ is on sys.path (pytest prepend mode)

pytestmark = pytest.mark.slow


def test_mortar_rounds_fired_at_a_target_are_remote_violence():
    events = long("Al-Shabaab fighters fired mortar rounds at the presidential palace in Mogadishu on Sunday, police "
                  "said.")
    assert [e for e in events if e.type == "REMOTE_VIOLENCE" and e.actor1.name == "al-Shabaab"]


def test_missiles_fired_at_a_state_s_sites_hit_that_state():
    events = long("Egyptian warships fired cruise missiles at Sudanese radar sites on Saturday, officials said.")
    assert ("Egypt", "Sudan") in pairs(events, "REMOTE_VIOLENCE")


def test_aircraft_in_the_clause_above_strike_from_the_air():
    events = long("Nigerien drones flew over the village of Tillia on Sunday, striking two pickup trucks, the army "
                  "said.")
    assert [e for e in events if e.type == "REMOTE_VIOLENCE" and e.actor1.country == "NER"]


def test_aircraft_sent_abroad_are_deployed():
    events = long("Senegal said it would send aircraft to Gambia to back the regional force.")
    assert ("Senegal", "Gambia") in pairs(events, "DEPLOY")


def test_troops_pulled_out_of_a_country_withdraw_from_it():
    events = long("Kenya pulled its troops out of Somalia in March, the defence ministry said.")
    assert ("Kenya", "Somalia") in pairs(events, "WITHDRAW")


def test_a_state_that_pulls_out_of_a_bloc_breaks_with_it():
    events = long("Burkina Faso has pulled out of ECOWAS, the junta said on Sunday.")
    assert ("Burkina Faso", "ECOWAS") in pairs(events, "ALIGN")


def test_contingents_withdrawn_from_a_un_mission_are_a_withdrawal_not_a_break():
    events = long("Benin and Togo announced the withdrawal of their contingents from the UN mission in Mali.")
    assert ("Benin", "Mali") in pairs(events, "WITHDRAW")
    assert not [e for e in events if e.type == "ALIGN"]


def test_a_refusal_suffered_is_no_denial():
    events = long("Chad quit the G5 Sahel on Monday, saying it had been unfairly denied the command of the joint "
                  "force.")
    assert not [e for e in events if e.type == "DENY"]


def test_of_hung_on_the_one_accused_still_names_the_doer():
    events = long("The rebels accused the Malian army of the shelling of Kidal.")
    assert [e for e in events if e.type == "REMOTE_VIOLENCE" and e.actor1.name == "Mali"]


def test_troops_siding_with_rebels_back_them():
    events = long("Ugandan soldiers were accused by residents of siding with the M23 near Bunagana.")
    assert ("Uganda", "M23") in pairs(events, "SUPPORT")


def test_states_siding_with_a_state_back_no_one():
    events = long("Mali and Burkina Faso have sided with Niamey in the dispute.")
    assert not [e for e in events if e.type == "SUPPORT"]


def test_units_sent_into_a_named_range_at_home_are_deployed():
    events = long("The Ugandan army said it had sent units into the Rwenzori range to hunt the attackers.")
    assert ("Uganda", "Uganda") in pairs(events, "DEPLOY")


def test_the_rwanda_national_congress_is_an_actor():
    events = long("Kigali accused Kampala of backing the Rwanda National Congress, an exiled movement.")
    assert ("Uganda", "RNC") in pairs(events, "SUPPORT")


def test_him_in_an_accusation_is_the_person_named_before():
    events = long("In March, Niamey expelled Jean Dupont, the head of the mission's rights office, accusing him of "
                  "bias.")
    assert ("Niger", "Jean Dupont") in pairs(events, "ACCUSE")


def test_soldiers_firing_into_a_crowded_market_attack_civilians():
    events = long("UN investigators said Burundian soldiers fired without any provocation into a crowded market in "
                  "Bujumbura on May 3.")
    assert ("Burundi", "Civilians") in pairs(events, "ATTACK")


def test_thousands_of_people_blocking_a_convoy_protest():
    events = long("On Friday thousands of people blocked the convoy at Kaya, forcing the trucks to turn back.")
    assert "Protesters" in {e.actor1.name for e in events if e.type == "PROTEST" and e.location}


def test_people_barricaded_in_offices_are_no_protest():
    events = long("Gunmen moved through the hotel in Nairobi while hundreds of people barricaded themselves in "
                  "offices.")
    assert "Rioters" not in {e.actor1.name for e in events if e.type == "PROTEST"}


def test_the_armed_forces_are_the_security_forces_of_the_country():
    events = long("JNIM fighters attacked Djibo on Sunday. The armed forces killed 20 of the attackers.")
    assert ("Burkina Faso", "JNIM") in pairs(events, "BATTLE")


def test_an_ambush_on_a_military_company_is_a_battle():
    events = long("Insurgents ambushed a group of Wagner fighters near Macomia on Oct. 10, killing two.")
    assert [e for e in events if e.type == "BATTLE" and e.actor2 and e.actor2.name == "Wagner Group"]


def test_an_attack_on_an_oil_company_s_staff_stays_an_attack():
    events = long("Gunmen attacked TotalEnergies staff near Palma on Friday.")
    assert not [e for e in events if e.type == "BATTLE"]


def test_un_peacekeepers_in_south_sudan_are_unmiss():
    events = long("Gunmen attacked UN peacekeepers near Bor on Friday.", published="2024-03-01")
    assert "UNMISS" in {e.actor2.name for e in events if e.type == "BATTLE" and e.actor2}


def test_asking_a_mission_to_delay_its_withdrawal_is_a_request():
    events = long("Kinshasa asked SADC to postpone the withdrawal of its troops from North Kivu.")
    assert [e for e in events if e.type == "REQUEST" and e.actor1.name == "DR Congo"]


def test_asking_a_mission_to_end_its_mandate_is_no_request():
    events = long("Bamako asked the Security Council to end the mandate of MINUSMA without delay.")
    assert not [e for e in events if e.type == "REQUEST"]
