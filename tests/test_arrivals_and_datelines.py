"""Troops arriving by their own motion ("Marines landed", "soldiers rolled into"), a report's dateline as its
first scene, a fight for a cause, the doer of a condemned deed and other rules of the thirteenth round, from
held-out set 14 (read once set 16 was written): verb_triggers.py, movement.py, place_spans.py, where.py,
extractor.py, parties.py, build.py, trigger_words.py, data/triggers.yaml, data/actors.yaml. Every sentence is our
own; each test fails without its rule."""
from __future__ import annotations

import pytest

from test_news_syntax import long, pairs  # tests/ is on sys.path (pytest prepend mode)

pytestmark = pytest.mark.slow


def test_capitalised_marines_who_land_are_deployed():
    events = long("Some 150 Marines from a British warship landed at Lungi airport in Sierra Leone on Monday.")
    assert ("United Kingdom", "Sierra Leone") in pairs(events, "DEPLOY")


def test_soldiers_rolling_into_a_capital_are_deployed():
    events = long("Senegalese soldiers rolled into Bissau on Friday after the coup.")
    assert ("Senegal", "Guinea-Bissau") in pairs(events, "DEPLOY")


def test_troops_sent_to_named_provinces_at_home_are_deployed_at_home():
    events = long("Kenya is sending 3,000 soldiers to Mandera and Wajir counties after a week of raids.")
    assert ("Kenya", "Kenya") in pairs(events, "DEPLOY")


def test_fighting_for_a_cause_is_no_battle():
    events = long("FLEC has fought for the independence of Cabinda since 1975.")
    assert not [e for e in events if e.type == "BATTLE"]


def test_attacks_on_troops_and_on_workers_are_a_battle_and_an_attack():
    events = long("FLEC fighters attacked Angolan soldiers and foreign road workers near Buco Zau on Monday.")
    types = {(e.type, e.actor2.kind) for e in events if e.type in ("ATTACK", "BATTLE")}
    assert ("BATTLE", "state_forces") in types and ("ATTACK", "civilians") in types


def test_a_rebel_group_moving_within_its_war_is_not_hosted_by_the_last_state_named():
    events = long("Nigeria had offered the president exile. The fighters of LURD, who had held the port since "
                  "June, moved north out of the city on Thursday.")
    moves = [e for e in events if e.type == "WITHDRAW" and e.actor1.name == "LURD"]
    assert moves and all(e.actor2 is None for e in moves)


def test_a_dateline_sets_the_scene_not_a_country_named_in_passing():
    text = ("MONROVIA, Aug 15 - Peacekeepers took control of the port on Thursday, days after the president flew "
            "into exile in Nigeria.\n\nGunmen killed four people at a checkpoint on the road north overnight, "
            "witnesses said.")
    killings = [e for e in long(text) if e.type == "ATTACK" and e.quantities.get("fatalities") == 4]
    assert [e.country for e in killings] == ["LBR"]


def test_an_airport_in_a_named_country_is_placed_in_that_country_under_its_own_name():
    events = long("Washington said on Monday that about 300 US Marines from an American ship had landed at Roberts "
                  "International Airport in Liberia.")
    assert [(e.country, e.location.name) for e in events if e.type == "DEPLOY"] \
        == [("LBR", "Roberts International Airport")]


def test_calling_an_accusation_a_fabrication_denies_it():
    events = long("Uganda accused Rwanda of training rebels. President Paul Kagame called the accusation a "
                  "fabrication.")
    assert any(e.actor1.name == "Paul Kagame" for e in events if e.type == "DENY")


def test_whoever_is_accused_of_arming_a_group_arms_it_despite_a_misparse():
    events = long("Khartoum accuses neighbouring Chad of arming the rebels in Darfur.")
    assert [e.actor1.name for e in events if e.type == "SUPPORT"] == ["Chad"]


def test_schoolgirls_seized_are_abducted():
    events = long("Gunmen who seized 80 schoolgirls from a boarding school in Kebbi state freed them on Sunday.")
    abducted = [e for e in events if e.type == "ABDUCT"]
    assert abducted and abducted[0].quantities.get("abducted") == 80


def test_condemning_a_states_action_against_another_accuses_the_doer():
    events = long("The African Union condemned Ethiopia's military action against Sudan on Tuesday.")
    assert ("African Union", "Ethiopia") in pairs(events, "ACCUSE")
