"""Extraction on sentences we wrote ourselves (never the seed sentences): roles, status, numbers,
places, dates. Needs the full spaCy model."""
from __future__ import annotations

import pytest

from terrain.nlp import ParsedDocument, load_model
from terrain.records import Document

pytestmark = pytest.mark.slow


def extract(text: str, published: str | None = "2024-03-10"):
    from terrain.extract import extract_events

    doc = Document(doc_id="t", text=text, published=published)
    return extract_events(ParsedDocument(doc, load_model()(text)))


def one(events, typ):
    found = [e for e in events if e.type == typ]
    assert found, f"no {typ} in {[(e.type, e.actor1, e.actor2) for e in events]}"
    return found[0]


def test_passive_voice_with_agent_counts_victims_and_place():
    ev = one(extract("On 4 March 2024, three farmers were killed by suspected al-Shabaab militants in "
                     "Mandera, Kenya."), "ATTACK")
    assert ev.actor1.name == "al-Shabaab"
    assert ev.actor2.kind == "civilians" and ev.actor2.country == "KEN"
    assert ev.quantities.get("fatalities") == 3
    assert ev.date == "2024-03-04" and ev.date_precision == "day"
    assert ev.location is not None and ev.location.country == "KEN"


def test_no_agent_means_unidentified_gunmen():
    ev = one(extract("Two police officers were shot dead at a checkpoint near Goma on Friday."), "ATTACK")
    assert ev.actor1.name == "Unidentified gunmen"
    assert ev.actor2.kind == "state_forces" and ev.actor2.country == "COD"
    assert ev.quantities.get("fatalities") == 2
    assert ev.date == "2024-03-08"


def test_killing_and_abducting_are_counted_separately():
    events = extract("Gunmen stormed a village in Borno State, Nigeria, killing a teacher and "
                     "abducting four pupils.")
    ev = one(events, "ATTACK")
    assert ev.quantities.get("fatalities") == 1
    assert any(e.quantities.get("abducted") == 4 for e in events if e.type in ("ATTACK", "ABDUCT"))


def test_dozens_is_not_a_number():
    ev = one(extract("Dozens of civilians were killed when fighters attacked Bunia in Ituri."), "ATTACK")
    assert "fatalities" not in ev.quantities


def test_metonymy_capitals_are_states_and_demonyms_are_forces():
    events = extract("Gitega accused Kigali of training rebels, a charge Rwandan officials rejected.")
    acc = one(events, "ACCUSE")
    assert (acc.actor1.name, acc.actor2.name) == ("Burundi", "Rwanda")


def test_planned_deployment_with_troop_number_and_host_from_context():
    events = extract("Senegal has opened talks with Gambia on security. About 500 Senegalese soldiers "
                     "could be sent next month, officials said.")
    dep = one(events, "DEPLOY")
    assert dep.actor1.country == "SEN" and dep.actor1.kind == "state_forces"
    assert dep.actor2.country == "GMB" and dep.country == "GMB"
    assert dep.status == "planned"
    assert dep.quantities.get("troops") == 500


def test_accused_of_backing_is_alleged_and_the_denial_links_to_it():
    events = extract("Kinshasa accused Kigali of arming the M23 rebels, which Rwanda denied.")
    acc, sup, deny = one(events, "ACCUSE"), one(events, "SUPPORT"), one(events, "DENY")
    assert sup.status == "alleged" and sup.actor1.name == "Rwanda" and sup.actor2.name == "M23"
    assert deny.actor1.name == "Rwanda" and deny.actor2.name == "DR Congo"
    idx = events.index(sup)
    assert deny.refers_to == idx and acc.refers_to == idx


def test_reportedly_is_rumoured_and_according_to_is_attribution():
    ev = one(extract("According to Reuters, Wagner Group reportedly deployed fighters to Libya."), "DEPLOY")
    assert ev.status == "rumoured"
    assert ev.attributed_to == "Reuters"
    assert ev.actor1.name == "Wagner Group"


def test_army_claim_about_enemy_is_claimed():
    # "it" is the army (a reported clause's subject is its reporter); army against militants is a battle
    ev = one(extract("The army said it killed 40 militants in an operation in Cabo Delgado."), "BATTLE")
    assert (ev.actor1.kind, ev.actor1.country) == ("state_forces", "MOZ")
    assert ev.status == "claimed"
    assert ev.quantities.get("fatalities") == 40


def test_coordinated_agreement_parties():
    ev = one(extract("Kenya and Ethiopia signed a defence cooperation agreement in Nairobi."), "AGREE")
    assert {ev.actor1.name, ev.actor2.name} == {"Kenya", "Ethiopia"}


def test_nominal_withdrawal_from_country():
    ev = one(extract("The junta demanded Niger's partners leave; France's withdrawal from Niger ended in December 2023."),
             "WITHDRAW")
    assert ev.actor1.country == "FRA" and ev.country == "NER"


def test_nominal_movement_of_named_forces():
    ev = one(extract("The withdrawal of Chadian troops from Cameroon was completed in August."), "WITHDRAW")
    assert (ev.actor1.kind, ev.actor1.country) == ("state_forces", "TCD") and ev.country == "CMR"


def test_an_accusation_after_a_reported_clause_is_the_speakers():
    ev = one(extract("Uganda said the problem was its neighbour's leadership, and accused Kigali of sabotage."), "ACCUSE")
    assert (ev.actor1.name, ev.actor2.name) == ("Uganda", "Rwanda")


def test_refusing_findings_is_a_denial_and_readiness_to_fight_a_threat():
    ev = one(extract("Kinshasa did not accept the findings of the inquiry."), "DENY")
    assert ev.actor1.name == "DR Congo"
    ev = one(extract("Ethiopia's prime minister said Ethiopia was ready to confront Eritrea if attacked."), "THREATEN")
    assert (ev.actor1.name, ev.actor2.name) == ("Ethiopia", "Eritrea")


def test_handing_over_bases_and_revoking_accords():
    ev = one(extract("Germany handed over its bases in Gao to the Malian army last week."), "WITHDRAW")
    assert ev.actor1.country == "DEU" and ev.country == "MLI"
    ev = one(extract("Burkina Faso's junta took power in 2022. The junta later revoked its military co-operation "
                     "accords with Paris."), "ALIGN")
    assert (ev.actor1.name, ev.actor2.name) == ("Burkina Faso", "France")  # "the junta": the state named before


def test_agreeing_to_strengthen_ties_is_an_agreement():
    ev = one(extract("Chad and Sudan agreed to strengthen military co-operation along their border."), "AGREE")
    assert {ev.actor1.name, ev.actor2.name} == {"Chad", "Sudan"}


def test_a_denial_in_a_relative_clause():
    ev = one(extract("Opposition leaders said Uganda had sent troops to help the army, a claim Kampala dismissed."), "DENY")
    assert ev.actor1.name == "Uganda"


def test_representatives_of_both_sides_sign():
    ev = one(extract("Representatives of Sudan's government and the RSF signed a declaration of principles in Jeddah."),
             "AGREE")
    assert (ev.actor1.name, ev.actor2.name) == ("Sudan", "RSF")


def test_presence_kept_and_missions_named_beside_their_troops():
    ev = one(extract("In December SADC deployed a regional force, SAMIDRC, to eastern DR Congo."), "DEPLOY")
    assert (ev.actor1.name, ev.country) == ("SAMIDRC", "COD")
    ev = one(extract("Kenya maintains a battalion in Somalia."), "DEPLOY")
    assert (ev.actor1.country, ev.country) == ("KEN", "SOM")
    ev = one(extract("Ugandan troops remain in parts of Ituri, DR Congo."), "DEPLOY")
    assert (ev.actor1.country, ev.country) == ("UGA", "COD")


def test_a_monitors_finding_accuses_where_the_deed_happened():
    events = extract("Chadian soldiers executed dozens of civilians in the village of Bol in western Chad, "
                     "UN investigators said.")
    ev = one(events, "ACCUSE")
    assert (ev.actor1.kind, ev.actor2.name, ev.country) == ("igo", "Chad", "TCD")


def test_a_warning_to_anothers_troops_threatens_that_state():
    ev = one(extract("Khartoum warned that Chadian troops would have to leave the border area unless the raids stopped."),
             "THREATEN")
    assert (ev.actor1.name, ev.actor2.name, ev.actor2.kind) == ("Sudan", "Chad", "state")


def test_prevented_attacks_are_not_events():
    events = extract("Security patrols have prevented further attacks on the town.")
    assert not [e for e in events if e.type == "ATTACK"]


def test_evidence_offsets_point_at_the_sentence():
    text = "Headline about Somalia\n\nOn 2 May 2024, al-Shabaab fighters attacked a base in Lower Shabelle."
    for ev in extract(text):
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
