"""Hearsay ("is reported to have backed"), a commander's faction, troops sent on duty at home and the missions of
earlier decades: the twelfth round's rules from held-out set 13 (read once set 14 replaced it): syntax.py,
status.py, persons.py, roles.py, mentions.py, movement.py, build.py, data/missions.yaml, data/actors.yaml. Every
sentence is our own; each test fails without its rule."""
from __future__ import annotations

import pytest

from test_extract_incidents import extract  # tests/ is on sys.path (pytest prepend mode)
from test_news_syntax import article, pairs

pytestmark = pytest.mark.slow


def test_the_subject_of_a_hearsay_passive_does_the_act_and_the_act_is_alleged():
    events = extract("Qatar and Turkey are widely reported to have armed Haftar's rivals, and Sudan is believed to "
                     "have sent troops into eastern Chad.")
    deploy = [e for e in events if e.type == "DEPLOY"]
    assert [(e.actor1.name, e.actor2.name) for e in deploy] == [("Sudan", "Chad")]
    assert deploy[0].status == "alleged"


def test_backing_a_commander_backs_his_faction():
    events = extract("The United Arab Emirates is reported to have backed Haftar with drones and money.")
    backing = [e for e in events if e.type == "SUPPORT"]
    assert [(e.actor1.name, e.actor2.name) for e in backing] == [("United Arab Emirates", "Libyan National Army")]
    assert backing[0].status == "alleged"


def test_forces_loyal_to_a_commander_are_his_faction_or_his_states_army():
    events = extract("The Tripoli government blamed the shelling of the port on forces loyal to Khalifa Haftar.")
    assert ("Libya", "Libyan National Army") in pairs(events, "ACCUSE")
    events = extract("Troops loyal to Salva Kiir attacked rebel positions near Bor on Sunday.")
    assert any(e.actor1 and e.actor1.name == "South Sudan" and e.actor1.kind == "state_forces" for e in events
               if e.type in ("ATTACK", "BATTLE"))


def test_a_town_retaken_is_taken_from_the_faction_of_the_commander_named_before():
    events = article("Riek Machar, the former vice-president, now leads a rebellion against the government in "
                     "Juba.\n\nGovernment troops recaptured Malakal, the capital of Upper Nile state, on Monday, "
                     "the army said.")
    assert any(e.actor2 and e.actor2.name == "SPLA-IO" for e in events if e.type == "SEIZE")


def test_police_sent_to_guard_hotels_deploy_at_home_but_troops_sent_to_protect_a_province_abroad_do_not():
    events = extract("Tunisia will deploy 1,000 armed police officers to protect hotels and beaches, the "
                     "government said.")
    home = [e for e in events if e.type == "DEPLOY"]
    assert [(e.actor1.name, e.place_country, e.quantities.get("troops")) for e in home] == [("Tunisia", "TUN", 1000)]
    assert home[0].status == "planned"
    events = extract("Rwanda sent 1,000 troops to protect Cabo Delgado.")
    assert not [e for e in events if e.type == "DEPLOY" and e.place_country == "RWA"]


def test_unnamed_troops_sent_to_search_the_area_are_the_reports_country():
    events = article("Gunmen abducted 30 pupils from a boarding school in Bamenda, in north-west Cameroon, on "
                     "Monday, the regional governor said.\n\nHundreds of soldiers and gendarmes had been sent to "
                     "search the area by Tuesday, officials said.")
    assert any(e.actor1 and e.actor1.name == "Cameroon" and e.place_country == "CMR" for e in events
               if e.type == "DEPLOY")


def test_missions_of_earlier_decades_are_missions_but_not_todays_peacekeepers():
    from terrain.resolve.missions import un_mission

    events = extract("The United Nations Mission in Liberia shut its headquarters in Monrovia on Friday, ending a "
                     "peacekeeping operation of fifteen years.")
    assert any(e.actor1 and e.actor1.name == "UNMIL" and e.actor1.kind == "mission" for e in events
               if e.type == "WITHDRAW")
    assert un_mission("CAF").name == "MINUSCA"  # MINURCAT served there too, but ended in 2010


def test_fighting_alongside_a_rebel_group_backs_it_but_alongside_an_army_is_a_coalition():
    events = extract("Kinshasa accuses Kigali of fighting alongside the M23 near Goma.")
    assert ("Rwanda", "M23") in pairs(events, "SUPPORT")
    events = extract("Burundian troops have been fighting the M23 alongside the Congolese army since October.")
    assert not pairs(events, "SUPPORT")
    events = extract("The Civilian Joint Task Force, a vigilante group that fights alongside the military, lost two "
                     "members in the raid.")
    assert not pairs(events, "SUPPORT")


def test_what_a_party_says_its_side_would_do_if_another_acts_is_a_threat_to_that_other():
    events = extract("The Somali president said his country would defend itself if Ethiopia went ahead with the "
                     "port deal.")
    assert [(e.actor2.name, e.status) for e in events if e.type == "THREATEN"] == [("Ethiopia", "asserted")]
    events = extract("Ruto said that if the UNHCR did not close the camp, Kenya would move the refugees itself.")
    assert [e.actor2.name for e in events if e.type == "THREATEN"] == ["UNHCR"]
    # a forecast about a third party is no threat
    events = extract("The French minister said aid to Niger would resume if the junta freed Bazoum.")
    assert not [e for e in events if e.type == "THREATEN"]


def test_troops_sent_into_the_forests_deploy_at_home():
    events = article("Gunmen seized dozens of pupils from a boarding school near Funtua, in Katsina state, Nigeria, "
                     "on Friday night, police said.\n\nSoldiers and police units were sent into the forests around "
                     "the town on Saturday, the governor said.")
    assert any(e.actor1 and e.actor1.name == "Nigeria" and e.place_country == "NGA" for e in events
               if e.type == "DEPLOY")


def test_the_enemy_of_an_offensive_joined_is_the_one_it_is_against():
    events = extract("Kenyan troops joined the offensive against al-Shabaab in southern Somalia in October.")
    assert ("Kenya", "al-Shabaab") in pairs(events, "BATTLE")


def test_two_battles_of_the_same_sides_in_different_months_stay_two():
    from terrain.extract.merge import dedupe
    from terrain.records import Actor, Event, Evidence

    def battle(date: str) -> Event:
        return Event(doc_id="d", type="BATTLE", actor1=Actor("JNIM", "armed_group", "MLI"),
                     actor2=Actor("Mali", "state_forces", "MLI"), country="MLI", date=date, date_precision="month",
                     evidence=Evidence(text="s", start=0, end=1))

    assert len(dedupe([battle("2024-03"), battle("2024-07")])) == 2
    assert len(dedupe([battle("2024-03"), battle("2024-03")])) == 1


def test_a_participle_with_its_own_object_is_done_by_the_noun_it_hangs_on():
    # the parser hangs "killed" on "fighters" when the sentence has no other verb
    events = extract("ADF fighters killed at least 14 UN peacekeepers from Tanzania in North Kivu province.")
    assert ("ADF", "MONUSCO") in pairs(events, "BATTLE")
    events = extract("Two civilians killed by the militia were buried in Beni.")  # a reduced relative stays one
    assert ("Militia", "Civilians") in pairs(events, "ATTACK")


def test_troops_pledged_or_offered_and_aid_pledged_are_planned():
    events = extract("Kenya offered 1,000 police officers to the mission in Haiti, and the European Union pledged "
                     "20 million euros in aid to Mozambique.")
    assert {(e.type, e.status) for e in events if e.type in ("DEPLOY", "AID")} == {("DEPLOY", "planned"),
                                                                                     ("AID", "planned")}
    events = extract("Touadera has offered generous tax incentives to Rwandan investors.")  # on offer now
    assert [e.status for e in events if e.type == "AID"] == ["asserted"]


def test_gunmen_killed_by_troops_in_an_article_are_the_group_it_named():
    events = article("Al-Shabaab militants stormed a shopping centre in Nairobi on Saturday, police said.\n\n"
                     "President Uhuru Kenyatta said four of the gunmen had been shot dead by troops during the "
                     "operation.")
    assert ("Kenya", "al-Shabaab") in pairs(events, "BATTLE")


def test_a_groups_leaders_deny_and_accuse_the_security_forces_of_the_state():
    events = article("Gunmen seized 40 pupils from a school in Bamenda, Cameroon, on Monday, and the government "
                     "blamed Anglophone separatists.\n\nSeparatist leaders denied any role and accused the security "
                     "forces of staging the kidnapping.")
    assert ("Ambazonian separatists", "Cameroon") in pairs(events, "DENY")
    assert ("Ambazonian separatists", "Cameroon") in pairs(events, "ACCUSE")


def test_an_unattributed_attack_named_by_a_noun_in_an_article_is_no_new_event():
    events = article("Gunmen killed 12 farmers near Kaduna, Nigeria, on Monday, police said.\n\nThe attack on the "
                     "farmers was the third in the area this month, residents said.")
    assert len([e for e in events if e.type == "ATTACK"]) == 1
    events = extract("An attack on farmers near Kaduna was reported on Monday.")  # an incident note keeps it
    assert [e.type for e in events] == ["ATTACK"]
