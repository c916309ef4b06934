"""ACLED's street roles (extract/crowds.py) and terse-report grammar: crowds are rioters, the police are a
protest's other party, victims are civilians, unnamed attackers are the suspected group, headline verbs the
parser reads as nouns. Every sentence is our own wording."""
from __future__ import annotations

import pytest

from test_extract_incidents import extract, one  # tests/ is on sys.path (pytest prepend mode)

pytestmark = pytest.mark.slow


def test_a_mob_that_kills_is_rioters_not_gunmen():
    ev = one(extract("On 2 June 2021, a mob beat a suspected thief to death at Kangemi market in Nairobi."), "ATTACK")
    assert (ev.actor1.name, ev.actor1.kind, ev.actor1.country) == ("Rioters", "civilians", "KEN")
    assert ev.quantities.get("fatalities") == 1


def test_rival_supporters_clashing_is_a_riot():
    events = extract("On 8 August 2021, rival supporters of two candidates clashed outside a tallying centre in Kisumu.")
    ev = one(events, "PROTEST")
    assert ev.actor1.kind == "civilians" and not [e for e in events if e.type == "BATTLE"]


def test_police_that_disperse_a_protest_are_its_other_party():
    ev = one(extract("On 3 March 2021, traders protested against new market fees in Eldoret. "
                     "Police fired tear gas to disperse them."), "PROTEST")
    assert ev.actor1.kind == "civilians"
    assert ev.actor2 is not None and (ev.actor2.kind, ev.actor2.country) == ("state_forces", "KEN")


def test_protesters_arrested_name_the_police():
    ev = one(extract("On 5 March 2021, boda boda riders demonstrated in Embu town and 12 were arrested."), "PROTEST")
    assert ev.actor2 is not None and ev.actor2.kind == "state_forces"


def test_named_victim_is_a_civilian_and_a_shot_man_no_gunman():
    ev = one(extract("On 9 April 2021, unknown assailants shot dead a village elder, Daniel Ekai, in Lodwar."), "ATTACK")
    assert ev.actor2 is not None and ev.actor2.kind == "civilians"
    ev = one(extract("On 10 April 2021, police shot dead three young men at a dumpsite in Nakuru."), "ATTACK", "BATTLE")
    assert ev.type == "ATTACK" and ev.actor2.kind == "civilians"


def test_unnamed_attackers_are_the_suspected_group():
    ev = one(extract("On 1 July 2021, gunmen suspected to belong to al-Shabaab killed two quarry workers near Mandera."),
             "ATTACK")
    assert ev.actor1.name == "al-Shabaab" and ev.quantities.get("fatalities") == 2


def test_headline_verbs_read_as_nouns():
    ev = one(extract("Turkana raiders attack Pokot herders near Kapedo"), "ATTACK")
    assert ev.actor1.name == "Turkana Ethnic Militia" and ev.location.name == "Kapedo"
    ev = one(extract("Borana attack Gabra herdsmen near Moyale"), "ATTACK")
    assert ev.actor1.name == "Borana Ethnic Militia"


def test_casualties_of_a_clash_count_for_the_clash():
    events = extract("Garre and Degodia clans clash over a borehole; three injured")
    ev = one(events, "BATTLE")
    assert {ev.actor1.name, ev.actor2.name} == {"Garre Ethnic Militia", "Degodia Ethnic Militia"}
    assert ev.quantities.get("injured") == 3 and not [e for e in events if e.type == "ATTACK"]


def test_a_toll_in_the_next_sentence_is_the_attacks():
    events = extract("On 4 May 2021, militants ambushed a police patrol near Liboi. Two dead, one injured.")
    ev = one(events, "ATTACK")
    assert ev.quantities == {"fatalities": 2, "injured": 1}
    assert len([e for e in events if e.type == "ATTACK"]) == 1


def test_deaths_during_a_protest_are_the_protests():
    ev = one(extract("On 9 August 2021, two people were killed by police during protests in Kisumu over fuel prices."),
             "PROTEST")
    assert ev.quantities.get("fatalities") == 2
    assert ev.actor1.kind == "civilians" and (ev.actor2.kind, ev.actor2.country) == ("state_forces", "KEN")


def test_police_named_only_as_police_are_the_protests_other_party():
    events = extract("On 12 May 2021, police in Nakuru dispersed opposition demonstrators who were assembling with an aim "
                     "of storming the county offices.")
    ev = one(events, "PROTEST")
    assert ev.actor1.kind == "civilians" and ev.actor2 is not None and ev.actor2.kind == "state_forces"
    assert not [e for e in events if e.type == "ATTACK"]  # storming was their aim, not an attack


def test_police_clashing_with_a_crowd_is_a_riot():
    ev = one(extract("On 9 July 2021, police clashed with rioting football fans at the stadium in Machakos."),
             "PROTEST")
    assert ev.actor1.name == "Rioters" and ev.actor2.kind == "state_forces"


def test_police_officers_feared_dead_are_the_target():
    ev = one(extract("On 4 April 2021, three police officers were feared dead after their vehicle hit an IED "
                     "planted by al-Shabaab near Mandera."), "REMOTE_VIOLENCE")
    assert (ev.actor2.kind, ev.actor2.country) == ("state_forces", "KEN")
