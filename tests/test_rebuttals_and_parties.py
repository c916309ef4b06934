"""Denials in a trailing clause ("..., a charge Kigali rejects"), and the parties and dates the tenth round found
wrong (held-out set 11, read once set 12 replaced it): nlp/components.py, extract/syntax.py, parties.py, build.py,
when.py, data/actors.yaml, data/triggers.yaml. Every sentence is our own; each test fails without its rule."""
from __future__ import annotations

import pytest

from test_extract_incidents import extract  # tests/ is on sys.path (pytest prepend mode)
from test_news_syntax import article, pairs

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("clause", [
    "a charge Kigali rejects",  # "rejects" tagged a plural noun
    "a charge the government in Kigali rejects",  # the clause hung on "in"
    "allegations that Kigali rejects",  # read as a complement clause
    "allegations Kigali has repeatedly rejected",  # read as the sentence's root
])
def test_a_trailing_rebuttal_is_a_denial_by_its_subject(clause):
    events = extract(f"Congo accuses Rwanda of backing the M23 rebels, {clause}.", published="2023-03-01")
    assert ("Rwanda", "DR Congo") in pairs(events, "DENY")
    assert ("DR Congo", "Rwanda") in pairs(events, "ACCUSE")


def test_the_repaired_clause_is_a_relative_clause_of_the_charge():
    from terrain.nlp import load_model

    doc = load_model()("Congo accuses Rwanda of backing the M23, a charge Kigali rejects.")
    verb = next(t for t in doc if t.lower_ == "rejects")
    assert (verb.pos_, verb.dep_, verb.head.lower_) == ("VERB", "relcl", "charge")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["Kigali"]
    assert len(list(doc.sents)) == 1


def test_an_account_officials_rejected_is_denied():
    events = article("Al-Shabaab said its fighters had captured two border towns in the Somali region of Ethiopia, "
                     "an account Ethiopian officials rejected.")
    assert "Ethiopia" in {a for a, _ in pairs(events, "DENY")}


def test_a_day_is_no_opponent():
    events = article("On Thursday the M23 clashed again with government troops in Rutshuru territory of North Kivu, "
                     "in eastern DR Congo, local sources said.")
    assert ("M23", "DR Congo") in pairs(events, "BATTLE")


def test_a_named_group_pulling_out_of_villages_withdraws():
    events = article("Officials in North Kivu, in eastern DR Congo, said on Thursday that the M23 had pulled out of "
                     "several villages near Kibumba during the week.")
    assert "M23" in {a for a, _ in pairs(events, "WITHDRAW")}


def test_haftars_army_and_the_tripoli_government_are_two_parties():
    events = article("Forces of the Government of National Accord (GNA) recaptured the al-Watiya air base from the "
                     "Libyan National Army (LNA) on Monday, Libyan officials said.")
    assert ("Libya", "Libyan National Army") in pairs(events, "SEIZE")


def test_the_dateline_dates_a_sentence_only_when_it_names_no_day():
    text = ("Gunmen kill 48 in Kenyan coastal town\n\nMPEKETONI, Kenya, June 18 - Gunmen who stormed the coastal "
            "town of Mpeketoni on Sunday night shot dead at least 48 people, Kenyan police said.")
    events = article(text, published="2014-06-18")
    assert {e.date for e in events if e.type == "ATTACK" and "Sunday" in e.evidence.text} == {"2014-06-15"}


def test_the_one_blamed_for_a_killing_did_it():
    events = extract("Residents blamed the Malian army for the killing of 30 herders near the border.",
                     published="2022-03-14")
    assert ("Mali", "Civilians") in pairs(events, "ATTACK")


def test_a_summoned_ambassador_named_stands_for_his_state_and_a_lodged_protest_is_no_street_protest():
    events = extract("Mauritania's foreign ministry summoned Mali's ambassador, Mohamed Dibassy, and lodged a strong "
                     "protest.", published="2022-03-14")
    assert ("Mauritania", "Mali") in pairs(events, "ACCUSE")
    assert not pairs(events, "PROTEST")


@pytest.mark.parametrize("subject", ["the junta", "it"])
def test_a_rebuttal_by_reference_is_the_accused(subject):
    events = extract(f"Paris has accused Bamako of hiring mercenaries from Russia's Wagner Group, a charge {subject} "
                     "denies.", published="2022-03-14")
    assert ("Mali", "France") in pairs(events, "DENY")  # not Russia, the state named last


def test_a_spokesman_for_the_group_speaks_for_the_group_named_most():
    events = article("Al-Shabaab, the Somali Islamist movement linked to al Qaeda, said its fighters had attacked "
                     "Mpeketoni in Kenya. Abdiasis Abu Musab, a spokesman for the group, told news agencies the "
                     "killings were revenge for the presence of Kenyan troops in Somalia. President Uhuru Kenyatta "
                     "rejected that account on Tuesday.", published="2014-06-18")
    assert ("Uhuru Kenyatta", "al-Shabaab") in pairs(events, "DENY")


def test_a_pronoun_subject_of_a_second_clause_is_the_first_clauses_subject():
    events = extract("The MSA said ISGS men had descended on Tamalat, and it accused the jihadists of killing "
                     "civilians.", published="2022-03-14")
    assert ("MSA", "Islamic State Sahel") in pairs(events, "ACCUSE")  # not ISGS, the group named last


def test_the_militias_fighters_are_the_group_named_before():
    events = article("CODECO fighters attacked the Lala displacement camp in Ituri, DR Congo, on Monday. In January the militia's "
                     "fighters raided the localities of Blukwa and Largu in Djugu, killing at least 23 people.",
                     published="2023-06-15")
    assert {a for a, _ in pairs(events, "ATTACK")} == {"CODECO"}


def test_carrying_out_raids_is_an_attack():
    events = extract("Al-Shabaab said its fighters had carried out both raids on the town of Mpeketoni in Kenya.",
                     published="2014-06-18")
    assert ("al-Shabaab", "Civilians") in pairs(events, "ATTACK")


def test_a_crowds_damage_told_with_its_protest_is_the_riot_alone():
    from terrain.extract.merge import fold_riots
    from terrain.records import Actor, Event, Evidence

    said, other = Evidence("Residents burned the town hall and marched on the UN base.", 0, 58), Evidence("x", 60, 61)
    crowd, civilians = Actor("Rioters", "civilians", "COD"), Actor("Civilians", "civilians", "COD")
    riot = Event("d", "PROTEST", Actor("Protesters", "civilians", "COD"), None, said)
    arson = Event("d", "ATTACK", crowd, civilians, said)
    lynching = Event("d", "ATTACK", crowd, civilians, other, quantities={"fatalities": 2})
    assert fold_riots([riot, arson, lynching]) == [riot, lynching]


def test_a_roadmap_named_after_a_capital_is_no_party():
    events = extract("Congo and Rwanda agree Luanda roadmap, but M23 rebels say truce does not bind them.",
                     published="2022-07-09")
    assert pairs(events, "AGREE") == {("DR Congo", "Rwanda")}  # Angola did not agree


def test_a_condition_is_no_event_and_a_reporters_forces_are_its_own():
    events = extract("The TPLF said its forces would keep fighting until Eritrean troops had left Tigray.",
                     published="2021-06-30")
    assert not pairs(events, "WITHDRAW")  # Eritrea has not left
    assert {a for a, _ in pairs(events, "BATTLE")} <= {"TPLF"}  # its forces: the TPLF's, not Ethiopia's


def test_an_ultimatum_threatens_its_recipient():
    events = extract("Niger's junta gave the French ambassador 48 hours to leave the country.", published="2023-08-26")
    assert ("Niger", "France") in pairs(events, "THREATEN")


def test_a_vow_to_hunt_down_is_a_threat_made_by_the_speaker():
    events = extract("A spokesman for Burkina Faso's government said the armed forces would hunt down the JNIM "
                     "terrorists.", published="2023-11-28")
    assert [(e.actor1.name, e.actor2.name, e.status) for e in events if e.type == "THREATEN"] == [
        ("Burkina Faso", "JNIM", "asserted")]


def test_east_african_troops_are_the_regional_force():
    events = extract("President Félix Tshisekedi accused the East African troops, except the Burundians, of cohabiting "
                     "with the rebels.", published="2023-05-10")
    assert ("Félix Tshisekedi", "EACRF") in pairs(events, "ACCUSE")
