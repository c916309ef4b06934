"""Rules of the seventeenth round, from held-out set 18's misses: asking a partner to apply a defence pact or to
enlarge its mission asks for help (verb_triggers._asks_help); a minister "taken hostage" is abducted; troops that
come ashore arrive (verb_triggers._verb_type); rejecting "any suggestion" or "the description" of one's role is
a denial (data/triggers.yaml); a denial with no accusation to answer answers whoever said something about the
denier's side just before (claimants.py); "said in a report that ..." reports what the speaker said
(nlp/components.reported_clauses). Every sentence is our own; each test fails without its rule."""
from __future__ import annotations

import pytest

from test_news_syntax import long, pairs  # tests/ is on sys.path (pytest prepend mode)

pytestmark = pytest.mark.slow


def test_asking_a_partner_to_apply_a_defence_pact_is_a_request():
    events = long("Niamey has asked Paris to invoke the 1977 military cooperation agreement between the two "
                  "states, a government spokesman said.")
    assert ("Niger", "France") in pairs(events, "REQUEST")


def test_applying_a_trade_agreement_is_no_request():
    events = long("Niamey has asked Paris to apply the 2015 trade agreement between the two states.")
    assert not pairs(events, "REQUEST")


def test_asking_for_a_larger_mission_is_a_request():
    events = long("The government in Bangui asked the Security Council on Monday to enlarge the UN force to "
                  "protect the capital.")
    assert [e for e in events if e.type == "REQUEST" and e.actor1.name == "Central African Republic"]


def test_a_minister_taken_hostage_is_abducted():
    events = long("The health minister, Amadou Sy, was taken hostage by JNIM fighters near Gao on Sunday, "
                  "officials said.")
    assert [e for e in events if e.type == "ABDUCT" and e.actor1.name == "JNIM"]


def test_troops_that_come_ashore_are_deployed():
    events = long("About 900 French marines came ashore at Port-Gentil on Thursday, the defence ministry said.")
    deployed = [e for e in events if e.type == "DEPLOY"]
    assert deployed and deployed[0].actor1.name == "France" and deployed[0].place_country == "GAB"


@pytest.mark.parametrize("sentence", [
    "Kigali rejected any suggestion that its soldiers were in North Kivu.",
    "Kigali rejected the description of its soldiers as an occupying force.",
])
def test_rejecting_a_suggestion_or_a_description_is_a_denial(sentence):
    assert [e for e in long(sentence) if e.type == "DENY" and e.actor1.name == "Rwanda"]



def test_a_denial_answers_whoever_said_something_about_the_denier():
    # (detention is no event of the ontology: there is no ACCUSE for the denial to answer)
    events = long("Human Rights Watch said in a report on Monday that Ugandan police had detained hundreds of "
                  "opposition supporters without charge. Kampala rejected the findings as biased.")
    assert ("Uganda", "Human Rights Watch") in pairs(events, "DENY")


def test_a_denial_answers_no_one_who_spoke_long_before():
    events = long("Human Rights Watch said in a report on Monday that Ugandan police had detained hundreds of "
                  "opposition supporters without charge. The rains came early this year. Farmers planted maize in "
                  "March. Markets in Gulu were busy. Kampala rejected the findings as biased.")
    assert ("Uganda", None) in pairs(events, "DENY")


def test_what_is_said_in_a_report_is_the_speakers_claim():
    # (the parser hangs "that ..." on "report": without the repair the killing reads as asserted, no one accused)
    events = long("Amnesty International said in a report that Nigerien soldiers had shot dead 12 herders near "
                  "Tillaberi.")
    attack = [e for e in events if e.type == "ATTACK"]
    assert attack and attack[0].status == "claimed" and attack[0].attributed_to == "Amnesty International"
    assert ("Amnesty International", "Niger") in pairs(events, "ACCUSE")
