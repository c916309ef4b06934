"""Who is who in incident reports (extract/roles.py, extract/violence.py, extract/crowds.py) and where a
report's event is when its place has no place syntax (extract/where.py). Every sentence is our own wording."""
from __future__ import annotations

import pytest

from test_extract_incidents import extract, one  # tests/ is on sys.path (pytest prepend mode)

pytestmark = pytest.mark.slow


def test_a_town_named_as_a_modifier_is_the_reports_place():
    ev = one(extract("On 3 May 2021, Kenyan police assaulted five Eldoret journalists covering a rally."), "ATTACK")
    assert ev.location is not None and ev.location.name == "Eldoret"
    # a capital before a noun is the city, not its government ("Kigali denies" is Rwanda)
    ev = one(extract("On 4 May 2021, Nairobi hawkers protested against the removal of their stalls."), "PROTEST")
    assert ev.location is not None and ev.location.name == "Nairobi"


def test_place_names_the_tagger_cuts_or_misreads():
    ev = one(extract("On 3 May 2021, in Ol Kalou, Kenya, traders protested the closure of a market."), "PROTEST")
    assert ev.location is not None and ev.location.name == "Ol Kalou"  # the NER tagged "Kalou" alone
    ev = one(extract("On 4 May 2021, gunmen shot dead two fishermen on a Kisumu beach."),
             "ATTACK")
    assert ev.location is not None and ev.location.name == "Kisumu"


def test_a_headline_passive_without_its_auxiliary():
    ev = one(extract("Police officer shot dead by unknown gunmen near Garissa"), "ATTACK")
    assert ev.actor1.kind == "armed_group"
    assert (ev.actor2.kind, ev.actor2.country) == ("state_forces", "KEN")


def test_headline_participles_are_passive():
    ev = one(extract("4 shot dead by raiders near Lokori, Kenya"), "ATTACK")
    assert ev.actor1.kind == "armed_group" and ev.actor2.kind == "civilians"
    ev = one(extract("Chief hacked to death in Kapenguria, Kenya"), "ATTACK")
    assert ev.actor1.kind == "armed_group" and ev.actor2.kind == "civilians"


def test_raiders_from_a_country_or_a_people():
    ev = one(extract("On 6 May 2021, cattle rustlers from Ethiopia killed three herders near Todonyang, Kenya."),
             "ATTACK")
    assert (ev.actor1.kind, ev.actor1.country) == ("armed_group", "ETH")
    ev = one(extract("On 6 May 2021, bandits from Marakwet attacked a village near Tot, Kenya."), "ATTACK")
    assert ev.actor1.name == "Marakwet Ethnic Militia"


def test_security_forces_as_the_target():
    ev = one(extract("On 6 May 2021, al-Shabaab threw a grenade at a police post in Mandera, Kenya."),
             "REMOTE_VIOLENCE", "ATTACK")
    assert (ev.actor2.kind, ev.actor2.country) == ("state_forces", "KEN")


def test_raiders_of_a_people_or_a_country_are_its_militia():
    ev = one(extract("On 6 May 2021, Ethiopian raiders attacked herders near Todonyang, Kenya, killing two."), "ATTACK")
    assert (ev.actor1.kind, ev.actor1.country) == ("armed_group", "ETH")
    ev = one(extract("On 6 May 2021, Toposa raiders killed a herder near Lokichoggio, Kenya."), "ATTACK")
    assert ev.actor1.name == "Toposa Ethnic Militia"
    ev = one(extract("On 7 May 2021, a boy was beaten to death by four Pokot youths near Chemolingot, Kenya."),
             "ATTACK")
    assert ev.actor1.name == "Pokot Ethnic Militia"


def test_victims_of_an_incident_report_are_civilians():
    ev = one(extract("On 7 May 2021, unknown assailants launched an attack in Kakuma, Kenya."), "ATTACK")
    assert ev.actor2 is not None and ev.actor2.kind == "civilians"
    ev = one(extract("On 8 May 2021, a church leader was murdered by unknown assailants in Kitale, Kenya."), "ATTACK")
    assert ev.actor2 is not None and ev.actor2.kind == "civilians"
    ev = one(extract("On 9 May 2021, supporters of a governor protested in Kisumu, Kenya."), "PROTEST")
    assert ev.actor1.kind == "civilians"


def test_victims_of_a_casualty_verb_folded_into_the_event():
    ev = one(extract("On 10 May 2021, an IED exploded near Mandera, Kenya, injuring three police officers."),
             "REMOTE_VIOLENCE")
    assert (ev.actor2.kind, ev.actor2.country) == ("state_forces", "KEN")
    assert ev.quantities.get("injured") == 3


def test_an_attack_the_police_fought_off_is_also_a_clash():
    events = extract("On 11 May 2021, Pokot militia raided villages near Tot, Kenya, but were repulsed by police.")
    clash = one(events, "BATTLE")
    assert clash.actor1.name == "Pokot Ethnic Militia" and clash.actor2.kind == "state_forces"
    quiet = extract("On 11 May 2021, Pokot militia raided villages near Tot, Kenya, and drove off cattle.")
    assert not [e for e in quiet if e.type == "BATTLE"]


def test_deaths_in_a_clash_with_unnamed_or_named_sides():
    ev = one(extract("On 12 May 2021, a herder was killed in a clash near Baragoi, Kenya."), "BATTLE", "ATTACK")
    assert ev.type == "BATTLE" and ev.quantities.get("fatalities") == 1
    ev = one(extract("On 12 May 2021, two people were killed in violence between the Kalenjin and the Maasai "
                     "near Olposimoru, Kenya."), "BATTLE")
    assert {ev.actor1.name, ev.actor2.name} == {"Kalenjin Ethnic Militia", "Maasai Ethnic Militia"}


def test_a_headline_verb_read_as_a_noun_before_the_first_verb():
    ev = one(extract("Mob attacks and undresses woman who refused to pay in Eldoret"), "ATTACK")
    assert ev.actor1.name == "Rioters"
    ev = one(extract("A group of irate residents of Kambi Village in Isiolo County lynch a suspected goat thief."),
             "ATTACK")
    assert ev.actor1.name == "Rioters"  # the group, not the county before the verb
    assert not [e for e in extract("Leaders met at a summit on 13 March to agree a truce in Marsabit.")
                if e.type == "PROTEST"]  # the month


def test_an_attack_repelled_is_one_battle_with_its_whole_toll():
    # the assault on soldiers (a battle) and the army's fight back are one event, told both ways round
    events = extract("On 3 March 2024, Malian soldiers repelled an attack by JNIM militants on an army post in "
                     "Boni (Mopti), killing 9 of the assailants. 2 soldiers were wounded.")
    battles = [e for e in events if e.type == "BATTLE"]
    assert len(battles) == 1 and battles[0].quantities == {"fatalities": 9, "injured": 2}


def test_unnamed_fighting_in_a_report_is_its_named_battle():
    events = extract("On 9 March 2024, M23 rebels attacked army and Wazalendo positions on the hills around Kitshanga "
                     "(Masisi, North Kivu). Heavy fighting went on for most of the day; 6 soldiers were killed.")
    assert 6 in [e.quantities.get("fatalities") for e in events if e.type == "BATTLE" and e.actor1.name == "M23"]
    assert not [e for e in events if e.type == "BATTLE" and e.actor1.name == e.actor2.name]
