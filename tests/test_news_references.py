"""Parties named by reference, and the constructions the later rounds' retired held-out sets showed
(extract/parties.py, build.py, roles.py, movement.py, violence.py, when.py): the second half of the news
syntax tests (tests/test_news_syntax.py has the first, and the article() helper). Every sentence is our own;
each test fails without its rule."""
from __future__ import annotations

import pytest

from terrain.records import Actor
from test_extract_incidents import extract, one  # tests/ is on sys.path (pytest prepend mode)
from test_news_syntax import article, pairs

pytestmark = pytest.mark.slow


# Parties named by reference (extract/parties.py, build.py; +16 required facts on the demo corpus together).
def test_the_two_governments_are_the_two_states_named_before():
    events = extract("Rwanda and Burundi exchanged accusations for months. The two governments agreed on 4 May "
                     "to reopen the border.")
    assert pairs(events, "AGREE") & {("Rwanda", "Burundi"), ("Burundi", "Rwanda")}
    events = extract("Uganda sent troops to Ituri in 2021 at the invitation of DR Congo. Officers of the two "
                     "armies agreed at a meeting in Bunia to extend the joint operation.")
    assert pairs(events, "AGREE") & {("Uganda", "DR Congo"), ("DR Congo", "Uganda")}
    events = extract("Burundi and DR Congo have drawn closer. In August the two governments' defence ministers "
                     "signed a pact in Kinshasa.")
    assert pairs(events, "AGREE") & {("Burundi", "DR Congo"), ("DR Congo", "Burundi")}


@pytest.mark.parametrize("text, typ, pair", [
    # a plural "troops" object (the objects table's key, not its lemma) with a dative destination
    ("Kenya sent troops to Somalia in October 2011.", "DEPLOY", ("Kenya", "Somalia")),
    # the capital asked is the state asked
    ("The Central African authorities asked Moscow for help in December.", "REQUEST",
     ("Central African Republic", "Russia")),
    # unnamed soldiers accused are the army of the country
    ("Fighting between the army and Anglophone separatists has killed thousands in Cameroon's North-West region. "
     "In July, Amnesty International accused soldiers of burning homes in Bamenda.", "ACCUSE",
     ("Amnesty International", "Cameroon")),
    # the object names the party given something
    ("Fighting continues in North Kivu. Agemira, a company staffed by retired French officers, has provided the "
     "army with logistics and intelligence.", "AID", ("Agemira", "DR Congo")),
], ids=["dative-troops", "asked-a-capital", "unnamed-soldiers", "object-is-the-party"])
def test_the_party_named_by_the_object(text, typ, pair):
    assert pair in pairs(extract(text), typ)


def test_a_relative_pronoun_stands_for_its_noun():
    events = extract("Fighting spread near Goma, where the M23 rebels, whom UN experts say are backed by Rwanda, "
                     "have been advancing.")
    assert ("Rwanda", "M23") in pairs(events, "SUPPORT")
    # a clause on one of two conjuncts names neither; a denied claim is not the last noun
    events = extract("Fighting between the M23 and the Congolese army, which is backed by militias, continued.")
    assert not any(e.actor2 and e.actor2.name == "M23" for e in events if e.type == "SUPPORT")
    events = extract("Sudan accuses the UAE of arming the RSF, which Abu Dhabi denies.")
    assert ("United Arab Emirates", "Sudan") in pairs(events, "DENY")


def test_three_coordinated_deeds_of_the_accused():
    events = extract("Burundi accused Rwanda of harbouring, feeding and financing RED-Tabara, a rebel group.")
    assert ("Rwanda", "Red Tabara") in pairs(events, "SUPPORT")


def test_an_institution_of_a_state_acts_for_it():
    events = extract("Hungary's parliament has approved the deployment of up to 200 soldiers to Chad.")
    assert ("Hungary", "Chad") in pairs(events, "DEPLOY")  # "approved": its subject deploys; Hungary is listed
    events = article("Sudan's war has raged since April 2023.\n\nOn Thursday, the US Treasury sanctioned the army "
                     "chief, accusing forces under his command of attacking schools in Sudan.")
    assert any(e.actor1.name == "United States" for e in events if e.type == "ACCUSE")


def test_troops_sent_to_a_region_at_home():
    events = article("Cameroon's separatist conflict has killed thousands since 2017.\n\nThe government sent "
                     "reinforcements to the two Anglophone regions ahead of the vote.")
    assert ("Cameroon", "Cameroon") in pairs(events, "DEPLOY")
    events = article("Benin's army has lost dozens of soldiers. Since 2021, gunmen from neighbouring Burkina Faso "
                     "have attacked army posts.\n\nIn January the government deployed about 3,000 soldiers to the "
                     "north.")
    assert ("Benin", "Benin") in pairs(events, "DEPLOY")  # not the neighbour, not the north of somewhere else
    assert ("Rwanda", "Rwanda") not in pairs(extract("Rwanda sent troops to the region."), "DEPLOY")


@pytest.mark.parametrize("text, typ, pair", [
    ("Somali soldiers entered Harardhere on 16 January after al-Shabaab fled.", "SEIZE", ("Somalia", "al-Shabaab")),
    ("Mali, Burkina Faso and Niger announced that they were quitting ECOWAS.", "ALIGN", ("Mali", "ECOWAS")),
    ("The Niger junta took delivery of four helicopters from Russia.", "AID", ("Russia", "Niger")),
])
def test_verbs_of_taking_leaving_and_giving(text, typ, pair):
    assert pair in pairs(extract(text), typ)


def test_a_day_of_the_month_is_no_troop_count():
    events = extract("The last French soldiers flew out of Niamey on 22 December.")
    assert one(events, "WITHDRAW").quantities.get("troops") is None
    # leaving a base is a withdrawal, and the number in its name counts no one
    events = extract("American forces have left Air Base 201 near Agadez in Niger.")
    assert ("United States", "Niger") in pairs(events, "WITHDRAW")
    assert one(events, "WITHDRAW").quantities.get("troops") is None


def test_a_pledge_of_troops_to_an_unnamed_force_is_no_deployment_at_home():
    events = extract("Ouattara said Ivory Coast would contribute a battalion to the force.")
    assert ("Côte d'Ivoire", "Côte d'Ivoire") not in pairs(events, "DEPLOY")


def test_an_undated_event_in_an_article_takes_its_paragraphs_date_else_the_reports_month():
    events = article("On 3 March 2024, M23 rebels attacked Sake. Rwanda denied any role in the fighting."
                     "\n\nKinshasa accused Kigali of backing the M23.", published="2024-03-20")
    assert one(events, "DENY").date == "2024-03-03"  # the paragraph's day
    accuse = one(events, "ACCUSE")
    assert (accuse.date, accuse.date_precision) == ("2024-03", "month")  # a new paragraph: the report's month


def test_its_fighters_are_the_group_named_last():
    events = article("Boko Haram has stepped up its raids around Lake Chad this year.\n\nThe jihadist group remains a "
                     "threat. In late October, its fighters killed about 40 soldiers at an army base at Barkaram, in "
                     "Chad.")
    assert "Boko Haram" in {e.actor1.name for e in events if e.type == "BATTLE"}


def test_the_two_governments_are_the_two_named_together_before():
    events = article("Mali and Burkina Faso, both ruled by soldiers, have sided with Niamey. In a joint statement on "
                     "31 July, the two governments warned that they would fight any force that entered Niger.")
    assert {a for a, _ in pairs(events, "THREATEN")} == {"Mali", "Burkina Faso"}


def test_a_capital_named_as_a_place_is_not_they():
    events = article("On Tuesday fighters of JNIM attacked a police school in Bamako's Faladié district and then "
                     "pushed on to the city's airport, where, according to videos released by the group, they set an "
                     "aircraft on fire.")
    assert not any(e.actor1.name == "Mali" for e in events if e.type == "ATTACK")


def test_hailing_a_capture_is_not_making_it():
    events = article("Government forces retook the al-Watiya air base from the LNA on Monday. Fayez al-Serraj, head "
                     "of the Tripoli government, hailed the capture as an important victory.")
    assert not any(e.actor1.kind == "person" for e in events if e.type == "SEIZE")


def test_a_court_in_the_capital_sends_no_one_there():
    events = article("In January, the High Court in Nairobi ruled that the government could not send police abroad.")
    assert ("Kenya", "Kenya") not in pairs(events, "DEPLOY")


# Seventh round: constructions from the retired held-out sets 6 and 7 (eval/heldout/README.md)

def test_troops_a_state_has_abroad_are_a_presence():
    events = extract("Uganda has some 4,500 soldiers in Somalia, most of them in the Lower Shabelle region.")
    deploy = one(events, "DEPLOY")
    assert (deploy.actor1.name, deploy.actor2.name) == ("Uganda", "Somalia")
    assert deploy.quantities.get("troops") == 4500
    assert not [e for e in extract("The army has 5,000 soldiers and two helicopters.") if e.type == "DEPLOY"]


def test_pulling_back_and_moving_closer():
    events = extract("On Sunday, dozens of Chadian soldiers pulled back from their positions near Kidal.")
    assert one(events, "WITHDRAW").actor1.name == "Chad"
    events = extract("Bamako has moved closer to Moscow since the coup.")
    assert ("Mali", "Russia") in pairs(events, "ALIGN")


def test_soldiers_captured_are_abducted_fighters_captured_are_not():
    events = extract("Four Nigerien soldiers were captured by the militants and held for a month.")
    assert one(events, "ABDUCT").quantities.get("abducted") == 4
    events = extract("Two Burundian soldiers who were seized by M23 fighters in June were released on Friday.")
    assert ("M23", "Burundi") in pairs(events, "ABDUCT")
    assert not [e for e in extract("The army captured two fighters near Goma.") if e.type in ("ABDUCT", "SEIZE")]


def test_an_official_of_no_country_speaks_for_his_body():
    events = extract("The African Union Commission chairman, Moussa Faki Mahamat, condemned the attack by ISWAP "
                     "fighters on the town.")
    assert ("African Union", "ISWAP") in pairs(events, "ACCUSE")
    events = extract("Rwandan President Paul Kagame accused Kinshasa of arming the FDLR.")
    assert ("Paul Kagame", "DR Congo") in pairs(events, "ACCUSE")  # a head of state stays a person


def test_an_accusation_hung_on_the_reported_clause_as_a_participle():
    events = extract("Niger's prime minister said the border would stay closed, accusing Benin of hosting French "
                     "bases.")
    assert ("Niger", "Benin") in pairs(events, "ACCUSE")


def test_who_accuses_a_state_is_not_of_that_state():
    events = article("Trucks have queued for weeks at Malanville, in northern Benin. Prime Minister Ali Lamine Zeine "
                     "has said the frontier will stay closed, accusing Benin of sheltering French troops. Benin has "
                     "rejected the claim.")
    accuse = [e for e in events if e.type == "ACCUSE" and e.actor2 is not None and e.actor2.name == "Benin"]
    assert accuse and accuse[0].actor1.country != "BEN"
    deny = one(events, "DENY")
    assert deny.actor1.name == "Benin" and deny.actor2 == accuse[0].actor1


def test_a_denial_answers_who_said_the_denier_did_it():
    events = article("The M23 said FDLR fighters had attacked its positions near Kitshanga on Sunday. The FDLR denied "
                     "the claim on Monday.")
    deny = one(events, "DENY")
    assert (deny.actor1.name, deny.actor2 and deny.actor2.name) == ("FDLR", "M23")


def test_condemning_an_attack_no_one_has_claimed_accuses_unidentified_attackers():
    events = article("Gunmen killed seven traders on the road to Beni on Sunday. The UN mission condemned the "
                     "killings on Monday.")
    assert ("United Nations", "Unidentified gunmen") in pairs(events, "ACCUSE")


def test_the_army_sending_its_own_troops_to_a_town():
    events = article("Bombers struck a market in Konduga on Saturday. The army said it had sent more troops to "
                     "Konduga.")
    assert ("Nigeria", "Nigeria") in pairs(events, "DEPLOY")
    events = article("Bombers struck a market in Konduga on Saturday. The army said it had sent more troops to Mali.")
    assert ("Nigeria", "Nigeria") not in pairs(events, "DEPLOY")


def test_whom_a_threat_is_against():
    events = extract("President Hassan Sheikh Mohamud vowed to drive al-Shabaab out of the central regions.")
    assert ("Hassan Sheikh Mohamud", "al-Shabaab") in pairs(events, "THREATEN")
    events = article("Gunmen killed 30 villagers in Seytenga on Saturday. In a televised address, President "
                     "Paul-Henri Damiba vowed that those responsible would be tracked down.")
    assert any(a2 == "Unidentified gunmen" for _, a2 in pairs(events, "THREATEN"))


def test_a_town_retaken_from_the_group_the_report_named():
    events = article("ISWAP fighters attacked Dikwa on Monday. The Nigerian army said on Tuesday that its troops had "
                     "repelled the attackers and regained control of the town.")
    assert ("Nigeria", "ISWAP") in pairs(events, "SEIZE")


def test_the_government_is_that_of_the_country_the_report_is_about():
    events = article("Gunmen killed 40 worshippers at a church in Owo, in Nigeria's Ondo state, in June. Chad and "
                     "Niger have sent troops to the Lake Chad area. The government blamed ISWAP for the attack in "
                     "Owo.")
    assert ("Nigeria", "ISWAP") in pairs(events, "ACCUSE")


def test_a_states_air_strikes_hit_the_enemy_the_report_named():
    events = article("Puntland forces have pushed into the Cal Miskaad mountains against Islamic State Somalia. On 1 "
                     "February, US aircraft bombed cave complexes in the mountains, AFRICOM said.")
    assert ("United States", "Islamic State Somalia") in pairs(events, "REMOTE_VIOLENCE")
    events = article("Puntland forces have pushed into the Cal Miskaad mountains against Islamic State Somalia. On 1 "
                     "February, US aircraft bombed a village, killing four civilians, residents said.")
    assert ("United States", "Islamic State Somalia") not in pairs(events, "REMOTE_VIOLENCE")


def test_calling_an_attack_barbaric_condemns_it_and_does_not_commit_it():
    events = article("Gunmen killed 12 people in Tambura on Sunday. The governor, Daniel Badagbu, called the killings "
                     "barbaric.")
    assert not any(e.actor1.kind == "person" for e in events if e.type == "ATTACK")
    assert any(e.actor1.kind == "person" and e.actor2 == Actor("Unidentified gunmen", "armed_group", None)
               for e in events if e.type == "ACCUSE")


def test_a_headline_without_the_other_party_is_the_event_the_report_tells_in_full():
    events = extract("Mozambican forces retake Palma\n\nMozambique's forces have retaken Palma from Islamic State "
                     "fighters, the government said on Sunday.")
    assert [(e.actor1.name, e.actor2 and e.actor2.name) for e in events if e.type == "SEIZE"] == [
        ("Mozambique", "Islamic State Mozambique")]


def test_a_dateline_is_where_the_report_was_filed_not_who_acted():
    events = extract("NIAMEY, March 23 (2021) - Gunmen on motorcycles killed 137 people on Sunday in attacks on "
                     "villages in the Tahoua region, the government said.", published="2021-03-23")
    assert {a for a, _ in pairs(events, "ATTACK")} == {"Unidentified gunmen"}  # not Niger, for "NIAMEY"
    events = extract("BAMAKO, 7 August 2024 \u2013 Mali's government has broken off relations with "
                     "Ukraine, accusing Kyiv of helping the rebels.", published="2024-08-07")
    assert ("Mali", "Ukraine") in pairs(events, "ACCUSE")  # the subject nearest the verb, not the dateline


def test_a_conflicts_running_toll_is_no_event():
    events = article("The war between the army and the RSF, which began in April 2023, has killed tens of thousands "
                     "of people. The insurgency has killed more than 3,000 people since 2017, according to ACLED.")
    assert not [e for e in events if e.type in ("ATTACK", "BATTLE")]
    events = article("Fighters of the RSF killed 40 villagers in Kutum, in North Darfur, on Tuesday, residents and "
                     "local officials said.")
    assert ("RSF", "Civilians") in pairs(events, "ATTACK")


def test_contributing_troops_is_a_deployment_and_an_offer_is_planned():
    events = article("Tanzania has committed a contingent of 270 soldiers to the regional mission in Mozambique, its "
                     "defence ministry said.")
    assert [(e.actor1.name, e.actor2.name, e.quantities.get("troops")) for e in events if e.type == "DEPLOY"] == [
        ("Tanzania", "Mozambique", 270)]
    assert one(extract("Egypt has offered to send troops to Somalia."), "DEPLOY").status == "planned"
    assert one(extract("About 400 Kenyan police officers landed in Haiti on Tuesday."), "DEPLOY").actor2.name == "Haiti"


def test_a_demand_is_no_request_for_help():
    assert not [e for e in extract("The United States called on Rwanda to stop any support to the rebels.")
                if e.type == "REQUEST"]
    assert ("Mozambique", "Rwanda") in pairs(extract("Mozambique called on Rwanda to send troops to Cabo Delgado."),
                                             "REQUEST")


def test_a_group_threatening_with_no_target_named_threatens_its_state():
    events = extract("The Patriotic Liberation Front has threatened to strike further oil installations and has "
                     "called on the Chinese companies to stop financing the military government.")
    assert pairs(events, "THREATEN") == {("Patriotic Liberation Front", "Niger")}  # not China, from the other verb


def test_a_by_phrase_the_parser_hangs_on_the_verb_names_who_attacked():
    from terrain.extract.syntax import agent_of
    from terrain.nlp import load_model

    doc = load_model()("The ministry said the deployment of what it called force protection troops answered attacks "
                       "on the Burundian contingent of the UN peacekeeping mission, MINUSCA, by rebels backed by the "
                       "former president.")
    attacks = next(t for t in doc if t.lower_ == "attacks")
    assert agent_of(attacks).lower_ == "rebels"  # not the deployment that answered them
