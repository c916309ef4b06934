"""Rules of the eighteenth round, from held-out set 19's misses: set phrases that carry an event without its usual
verb (extract/idioms.py: pointing a finger, bearing the hallmarks, troops expected, authorised, posted or going
home; people taken away: verb_triggers.py), jets that strafe (data/triggers.yaml), al-Qaeda read as its local
branch only once that branch exists (extract/sides.fill_country, data/extraction.yaml `branch_since`), and a
force that reports on "its troops" (parties._owned), also one led by a state ("the Nigerian-led ECOMOG force").
Every sentence is our own; each test fails without its rule."""
from __future__ import annotations

import pytest

from test_news_syntax import long, pairs  # tests/ is on sys.path (pytest prepend mode)

pytestmark = pytest.mark.slow


def test_pointing_a_finger_at_a_state_accuses_it():
    events = long("Egypt's foreign minister pointed a finger at Britain, saying London sheltered the militants.")
    assert ("Egypt", "United Kingdom") in pairs(events, "ACCUSE")


def test_an_attack_bearing_a_groups_hallmarks_is_blamed_on_it_by_the_speaker():
    events = long("Nairobi said the bombing of the hotel in Mombasa bore the hallmarks of al-Qaeda.",
                  published="2002-11-29")
    assert ("Kenya", "al-Qaeda") in pairs(events, "ACCUSE")


def test_al_qaeda_in_kenya_is_al_shabaab_once_al_shabaab_exists():
    events = long("Nairobi said the bombing of the hotel in Mombasa bore the hallmarks of al-Qaeda.",
                  published="2019-01-16")
    assert ("Kenya", "al-Shabaab") in pairs(events, "ACCUSE")


def test_foreign_troops_posted_somewhere_are_deployed():
    events = long("About 300 French troops were posted around the airport in Abidjan on Friday, officials said.")
    assert ("France", "Côte d'Ivoire") in pairs(events, "DEPLOY")


def test_a_statement_posted_online_deploys_nothing():
    events = long("The French embassy in Abidjan posted a statement on its website on Friday.")
    assert not pairs(events, "DEPLOY")


def test_soldiers_expected_to_go_home_withdraw():
    events = long("Malawian soldiers guarding the railway in Mozambique are expected to go home next month.")
    assert ("Malawi", "Mozambique") in pairs(events, "WITHDRAW")


def test_people_taken_away_by_fighters_are_abducted():
    events = long("Residents said the rebels had burned houses in Freetown and taken away young men and girls "
                  "as they retreated.")
    assert [e for e in events if e.type == "ABDUCT" and e.actor1 is not None and e.actor1.name == "Rebels"]


def test_weapons_taken_away_abduct_no_one():
    events = long("The rebels looted the armoury in Freetown and took away rifles and ammunition.")
    assert not [e for e in events if e.type == "ABDUCT"]


def test_jets_that_strafe_positions_strike_from_afar():
    events = long("Nigerian Alpha jets strafed rebel positions around Lunsar on Tuesday, military sources said.")
    assert [e for e in events if e.type == "REMOTE_VIOLENCE" and e.actor1.name == "Nigeria"]


def test_troops_expected_somewhere_are_a_planned_deployment():
    events = long("Kenya said its first troops were expected in Goma in the coming weeks.")
    assert [(e.actor1.name, e.actor2.name, e.status) for e in events if e.type == "DEPLOY"] \
        == [("Kenya", "DR Congo", "planned")]


def test_troops_authorised_for_a_mission_are_a_planned_deployment():
    events = long("South Africa authorised 2,900 troops for the SADC mission in DR Congo.")
    assert [(e.actor1.name, e.status) for e in events if e.type == "DEPLOY"] == [("South Africa", "planned")]


def test_a_mission_reporting_on_its_troops_is_their_doer():
    events = long("ECOMOG said its troops had retaken the city centre in Freetown on Thursday.")
    assert [e.actor1.name for e in events if e.type == "SEIZE"] == ["ECOMOG"]


def test_the_state_at_the_head_of_a_named_force_is_not_the_force():
    events = long("The Nigerian-led ECOMOG force said its troops had retaken the city centre in Freetown.")
    assert [e.actor1.name for e in events if e.type == "SEIZE"] == ["ECOMOG"]
