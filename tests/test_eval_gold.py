"""Gold-file scoring: the ontology's matching rule, one-to-one assignment, the measures, `terrain eval`."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from terrain.errors import InputError
from terrain.evaluate.gold import fact_matches, format_report, load_gold, same_quantities, score
from terrain.evaluate.matching import compatible_kinds, same_actor
from terrain.records import Actor, Document, Event, Evidence, Location

RWA_FORCES = {"name": "Rwanda", "kind": "state_forces", "country": "RWA"}
MOZ = {"name": "Mozambique", "kind": "state", "country": "MOZ"}
GUNMEN = {"name": "Unidentified gunmen", "kind": "armed_group", "country": None}


def fact(type_="DEPLOY", actor1=RWA_FORCES, actor2=MOZ, **kw):
    rec = {"type": type_, "actor1": actor1, "actor2": actor2, "country": None, "location": None, "date": None,
           "quantities": {}, "status": "asserted", "evidence": f"gold sentence {type_}", "optional": False}
    rec.update(kw)
    return rec


def write_gold(tmp_path, docs: dict[str, list[dict]]):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"doc_id": d, "facts": fs}) + "\n" for d, fs in docs.items()),
                    encoding="utf-8")
    return path


def gold_of(tmp_path, *facts, doc="d1"):
    return load_gold(write_gold(tmp_path, {doc: list(facts)}))


def ev(type_="DEPLOY", a1=("Rwanda", "state_forces", "RWA"), a2=("Mozambique", "state", "MOZ"), doc="d1",
       text="an extracted sentence", **kw):
    return Event(doc_id=doc, type=type_, actor1=Actor(*a1) if a1 else None, actor2=Actor(*a2) if a2 else None,
                 evidence=Evidence(text, 0, len(text)), **kw)


# --- reading gold files ----------------------------------------------------------------------

def test_load_gold_reads_facts_and_reduces_locations_to_names(tmp_path):
    gold = gold_of(tmp_path, fact(location="Cabo Delgado", quantities={"troops": 1000}),
                   fact(location={"name": "Mocímboa da Praia", "country": "MOZ"}, optional=True))
    first, second = gold["d1"]
    assert (first.type, first.actor1.name, first.actor2.country, first.location) == \
        ("DEPLOY", "Rwanda", "MOZ", "Cabo Delgado")
    assert first.quantities == {"troops": 1000.0} and not first.optional
    assert second.location == "Mocímboa da Praia" and second.optional and second.line == 1


@pytest.mark.parametrize("line, message", [
    ('{"doc_id": "d2", "facts": [', "not valid JSON"),
    ('{"facts": []}', '"doc_id"'),
    ('{"doc_id": "d2", "facts": [{"type": "INVADE", "actor1": null}]}', "unknown type 'INVADE'"),
    ('{"doc_id": "d2", "facts": [{"type": "ATTACK", "actor1": null}]}', "actor1 is missing"),
    ('{"doc_id": "d1", "facts": []}', "appears twice"),
])
def test_malformed_gold_lines_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"doc_id": "d1", "facts": [fact()]}) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_gold(path)
    assert f"{path}:2" in str(err.value) and message in str(err.value) and err.value.fix


def test_real_seed_gold_loads(shared_dir):
    gold = load_gold(shared_dir / "gold" / "seeds.jsonl")
    facts = [f for fs in gold.values() for f in fs]
    assert len(gold) >= 2 and len(facts) > 20
    assert any(f.optional for f in facts) and any(f.quantities for f in facts)


# --- the matching rule -----------------------------------------------------------------------

def test_actor_matches_by_name_ignoring_case_accents_and_punctuation():
    gold = Actor("Mocímboa Insurgents", "armed_group", "MOZ")
    assert same_actor(gold, Actor("mocimboa insurgents", "other", None))
    assert same_actor(Actor("al-Shabaab", "armed_group", "SOM"), Actor("Al Shabaab", "armed_group", None))
    assert not same_actor(gold, Actor("Mocímboa Militia", "company", "TZA"))


def test_a_shared_name_with_conflicting_countries_is_not_the_same_actor():
    assert not same_actor(Actor("Civilians", "civilians", "CAF"), Actor("Civilians", "civilians", "RWA"))
    assert same_actor(Actor("Civilians", "civilians", "CAF"), Actor("civilians", "civilians", None))


def test_a_named_actor_is_itself_whatever_country_each_side_files_it_under():
    # the ontology's "same canonical name": the ADF was founded in Uganda and fights in DR Congo
    assert same_actor(Actor("ADF", "armed_group", "UGA"), Actor("Allied Democratic Forces", "armed_group", "COD"))
    assert not same_actor(Actor("Rebels", "armed_group", "MLI"), Actor("Rebels", "armed_group", "NER"))


def test_actor_names_resolve_through_the_registry():
    # no country on either side: only the alias can make these one actor
    assert same_actor(Actor("SADC", "igo", None), Actor("Southern African Development Community", "igo", None))
    assert not same_actor(Actor("SADC", "igo", None), Actor("East African Community", "igo", None))


@pytest.mark.parametrize("kind, ok", [("state_forces", True), ("state", True), ("person", True),
                                      ("armed_group", False), ("civilians", False), ("mission", False)])
def test_actor_matches_by_country_and_compatible_kind(kind, ok):
    gold = Actor("Rwanda", "state_forces", "RWA")
    assert same_actor(gold, Actor("Xq Rwandan side", kind, "RWA")) is ok
    assert not same_actor(gold, Actor("Xq Rwandan side", kind, "UGA"))


def test_a_person_acting_for_a_state_matches_it():
    assert same_actor(Actor("Rwanda", "state", "RWA"), Actor("Paul Kagame", "person", "RWA"))
    assert not same_actor(Actor("Rwanda", "state", "RWA"), Actor("Félix Tshisekedi", "person", "COD"))


def test_compatible_kinds_are_classes():
    assert compatible_kinds("armed_group", "armed_group") and compatible_kinds("civilians", "civilians")
    assert compatible_kinds("person", "state") and not compatible_kinds("igo", "mission")
    assert compatible_kinds("company", "company") and not compatible_kinds("company", "armed_group")


def test_countryless_actors_match_by_name_or_as_unattributed_armed_groups():
    gunmen = Actor("Unidentified gunmen", "armed_group", None)
    assert same_actor(gunmen, Actor("Xq attackers", "armed_group", None))
    assert not same_actor(gunmen, Actor("ADF", "armed_group", "UGA"))
    assert not same_actor(gunmen, Actor("Xq crowd", "civilians", None))
    igo = Actor("Xq Council", "igo", None)
    assert same_actor(igo, Actor("xq council", "igo", None)) and not same_actor(igo, Actor("Xq Union", "igo", None))


def test_type_actor2_and_country_constrain_a_match(tmp_path):
    f, = gold_of(tmp_path, fact(country="MOZ"))["d1"]
    assert fact_matches(f, ev(country="MOZ"))
    assert not fact_matches(f, ev("AID", country="MOZ"))  # type
    assert not fact_matches(f, ev(country=None))  # gold has a country
    assert fact_matches(f, ev(country=None, location=Location("Pemba", "MOZ", "place")))  # the location's
    assert not fact_matches(f, ev(country="TZA", location=Location("Pemba", "MOZ", "place")))
    assert not fact_matches(f, ev(country="MOZ", a2=None))  # gold has an actor2
    assert not fact_matches(f, ev(country="MOZ", a2=("Tanzania", "state", "TZA")))
    g, = gold_of(tmp_path, fact(actor2=None))["d1"]
    assert fact_matches(g, ev(a2=("Anyone", "civilians", "KEN"), country="KEN"))  # no actor2/country in gold


def test_symmetric_types_accept_crossed_actors_others_do_not(tmp_path):
    m23 = {"name": "M23", "kind": "armed_group", "country": "COD"}
    fardc = {"name": "DR Congo", "kind": "state_forces", "country": "COD"}
    battle, deploy = gold_of(tmp_path, fact("BATTLE", m23, fardc), fact("DEPLOY", RWA_FORCES, MOZ))["d1"]
    assert fact_matches(battle, ev("BATTLE", ("FARDC", "state_forces", "COD"), ("M23", "armed_group", "COD")))
    assert not fact_matches(deploy, ev("DEPLOY", ("Mozambique", "state", "MOZ"), ("Rwanda", "state_forces", "RWA")))


# --- scoring ---------------------------------------------------------------------------------

def test_optional_facts_are_never_missed_but_match(tmp_path):
    gold = gold_of(tmp_path, fact(), fact("ATTACK", GUNMEN, None, optional=True))
    alone = score(gold, [ev()])
    assert (alone.facts, alone.found, alone.recall, alone.misses) == (1, 1, 1.0, [])
    both = score(gold, [ev(), ev("ATTACK", ("gunmen", "armed_group", None), None)])
    assert (both.optional_found, both.matched, both.precision) == (1, 2, 1.0)
    extra = score(gold, [ev(), ev("ATTACK", ("M23", "armed_group", "COD"), None)])
    assert extra.precision == 0.5 and extra.false_positives[0]["type"] == "ATTACK"


def test_assignment_is_one_to_one(tmp_path):
    gold = gold_of(tmp_path, fact(), fact())
    one = score(gold, [ev()])
    assert (one.found, one.recall, len(one.misses)) == (1, 0.5, 1)
    single = gold_of(tmp_path, fact())
    two = score(single, [ev(), ev()])
    assert (two.found, two.matched, two.precision, len(two.false_positives)) == (1, 1, 0.5, 1)


def test_assignment_maximises_matches_not_first_come(tmp_path):
    # event 0 fits both facts (no actor2 in the first), event 1 only the first: greedy in order
    # would give fact 0 to event 0 and leave fact 1 unmatched.
    gold = gold_of(tmp_path, fact(actor2=None), fact())
    events = [ev(), ev(a2=("Tanzania", "state", "TZA"))]
    rep = score(gold, events)
    assert (rep.found, rep.matched, rep.misses) == (2, 2, [])


def test_events_of_other_documents_do_not_count(tmp_path):
    gold = gold_of(tmp_path, fact())
    rep = score(gold, [ev(doc="d2"), ev(doc="d2")])
    assert (rep.found, rep.extracted, rep.precision) == (0, 0, None)


def test_accuracy_measures_among_matched_facts(tmp_path):
    gold = gold_of(tmp_path,
                   fact(location="Mocímboa da Praia", date="2022-09", quantities={"troops": 1000}),
                   fact("AID", location="Cabo Delgado", date="2021", quantities={"money_usd": 5e6}, status="planned"))
    good = [ev(location=Location("Mocimboa da Praia", "MOZ", "place"), date="2022-09-27",
               quantities={"troops": 1000}),
            ev("AID", location=Location("Pemba", "MOZ", "place", admin1="Cabo Delgado"), date="2021-05",
               quantities={"money_usd": 5e6}, status="planned")]
    rep = score(gold, good).to_dict()
    assert {m: a["accuracy"] for m, a in rep["accuracy"].items()} == \
        {"location": 1.0, "date": 1.0, "quantities": 1.0, "status": 1.0}
    bad = [ev(location=Location("Pemba", "MOZ", "place"), date="2022", quantities={"troops": 1000, "fatalities": 2}),
           ev("AID", location=None, date="2020-05", quantities={"money_usd": 4e6})]
    rep = score(gold, bad).to_dict()
    assert {m: a["correct"] for m, a in rep["accuracy"].items()} == \
        {"location": 0, "date": 0, "quantities": 0, "status": 1}


def test_quantities_rule():
    assert same_quantities({}, {}) and same_quantities({"fatalities": 2}, {"fatalities": 2.0})
    assert not same_quantities({"fatalities": 2}, {"fatalities": 3})
    assert not same_quantities({"fatalities": 2}, {})
    assert not same_quantities({}, {"troops": 300})  # a quantity gold does not give conflicts


def test_report_families_types_and_text(tmp_path):
    gold = gold_of(tmp_path, fact(), fact("ATTACK", GUNMEN, None, evidence="Gunmen killed two."),
                   fact("ACCUSE", MOZ, RWA_FORCES))
    rep = score(gold, [ev(), ev("ACCUSE", ("Mozambique", "state", "MOZ"), ("Kigali", "state", "RWA")),
                       ev("SEIZE", ("M23", "armed_group", "COD"), None, text="M23 took Goma.")])
    d = json.loads(json.dumps(rep.to_dict()))
    assert d["recall_by_family"]["violence"] == {"n": 1, "found": 0, "recall": 0.0}
    assert d["recall_by_family"]["cooperation"] == {"n": 2, "found": 2, "recall": 1.0}
    assert d["by_type"]["SEIZE"] == {"gold": 0, "found": 0, "extracted": 1, "matched": 0, "recall": None,
                                     "precision": 0.0}
    assert abs(d["recall"] - 2 / 3) < 1e-3 and abs(d["precision"] - 2 / 3) < 1e-3
    text = format_report(rep)
    assert "recall" in text and "SEIZE" in text and "Gunmen killed two." not in text
    verbose = format_report(rep, verbose=True)
    assert "Gunmen killed two." in verbose and "M23 took Goma." in verbose


# --- `terrain eval` over a real store ----------------------------------------------------------

def test_cli_eval_reads_the_store_and_warns_about_missing_documents(store, tmp_path):
    from terrain.cli import main

    text = "Rwanda deployed troops to Mozambique. Gunmen attacked a village."
    store.save_document(Document(doc_id="d1", text=text), [
        ev(text="Rwanda deployed troops to Mozambique.", country="MOZ", quantities={"troops": 1000}),
        ev("ABDUCT", ("bandits", "armed_group", None), None, text="Gunmen attacked a village."),
    ])
    path = write_gold(tmp_path, {"d1": [fact(country="MOZ", quantities={"troops": 1000})],
                                 "never-ingested": [fact(), fact("AID")]})
    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(path), "--db", store.url, "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["facts"], out["found"], out["extracted"], out["matched"]) == (3, 1, 2, 1)
    assert out["missing_docs"] == ["never-ingested"] and out["accuracy"]["quantities"]["correct"] == 1
    assert "never-ingested" in result.stderr and "terrain ingest" in result.stderr
    text = runner.invoke(main, ["eval", str(path), "--db", store.url, "--verbose"])
    assert text.exit_code == 0 and "false positives (1)" in text.stdout and "ABDUCT" in text.stdout


def test_cli_eval_reports_a_bad_gold_file(store, tmp_path):
    from terrain.cli import main

    path = tmp_path / "g.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--db", store.url])
    assert result.exit_code == 2 and f"{path}:1" in result.stderr
