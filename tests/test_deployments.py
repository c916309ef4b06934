"""The deployment registry: terrain.analysis.deployments (hand-built events modelled on the seed articles)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from terrain.analysis.deployments import deployments, role
from terrain.errors import NotFound
from terrain.records import Actor, Document, Evidence, Location, StoredEvent

RWA = Actor("Rwanda", "state_forces", "RWA")
BDI = Actor("Burundi", "state_forces", "BDI")
FRA = Actor("France", "state_forces", "FRA")
WAGNER = Actor("Wagner Group", "company", "RUS")
CAF = Actor("Central African Republic", "state", "CAF")
MOZ = Actor("Mozambique", "state", "MOZ")
BEN = Actor("Benin", "state", "BEN")
COD = Actor("DR Congo", "state", "COD")
MLI = Actor("Mali", "state", "MLI")
CABO = Location("Cabo Delgado", "MOZ", "admin1")

_ids = iter(range(1, 10_000))


def ev(type_: str, actor1: Actor | None, actor2: Actor | None, country: str | None, text: str = "sentence",
       location: Location | None = None, date: str | None = None, troops: int | None = None,
       status: str = "asserted", doc: str = "fp", published: str | None = None, trigger: str | None = None):
    return StoredEvent(doc_id=doc, type=type_, actor1=actor1, actor2=actor2, evidence=Evidence(text, 0, len(text)),
                       country=country, location=location, date=date,
                       quantities={"troops": troops} if troops else {}, status=status, trigger=trigger,
                       id=next(_ids), document_published=published)


def seed_like() -> list[StoredEvent]:
    """What the seed articles say, as an extractor would record it."""
    return [
        ev("REQUEST", Actor("Faustin-Archange Touadéra", "person", "CAF"), RWA, "CAF", "Touadéra called on Rwanda",
           date="2020"),
        ev("REQUEST", CAF, WAGNER, "CAF", "Touadéra called on Wagner Group", date="2020"),
        ev("DEPLOY", RWA, CAF, "CAF", "Rwandan troops' ongoing presence has prevented further attacks",
           location=Location("Bangui", "CAF", "place", admin1="Bangui")),
        ev("DEPLOY", WAGNER, CAF, "CAF", "Initially, these forces were working collaboratively"),
        ev("ATTACK", WAGNER, Actor("Civilians", "civilians", "CAF"), "CAF", "attacks on civilians by Wagner",
           status="alleged"),
        ev("REQUEST", MOZ, RWA, None, "Mozambique came knocking on Rwanda's door"),
        ev("DEPLOY", RWA, MOZ, "MOZ", "The Rwandan incursion re-established control in Cabo Delgado", location=CABO),
        ev("SEIZE", RWA, Actor("Islamic State Mozambique", "armed_group", "MOZ"), "MOZ",
           "The Rwandan incursion re-established control in Cabo Delgado", location=CABO),
        ev("DEPLOY", RWA, MOZ, "MOZ", "A Rwandan soldier watches fishermen in Mocímboa da Praia",
           location=Location("Mocímboa da Praia", "MOZ", "place", admin1="Cabo Delgado"), date="2022-09-27"),
        ev("REQUEST", BEN, Actor("Rwanda", "state", "RWA"), None, "Benin was in discussions with Rwanda"),
        ev("DEPLOY", RWA, BEN, "BEN", "around 350 Rwandans could be deployed initially", troops=350, status="planned"),
        ev("WITHDRAW", FRA, MLI, "MLI", "France's virtual eviction from Mali in August", date="2022-08"),
        ev("DEPLOY", BDI, COD, "COD", "Burundi has deployed troops in eastern DR Congo as part of regional "
           "security arrangements", location=Location("eastern DR Congo", "COD", "region"), doc="allafrica",
           published="2026-02-06"),
    ]


def by_key(found):
    return {(d.provider.name, d.host): d for d in found}


def test_the_seed_deployments_with_their_status():
    found = by_key(deployments(seed_like()))
    assert set(found) == {("Rwanda", "CAF"), ("Rwanda", "MOZ"), ("Rwanda", "BEN"), ("Wagner Group", "CAF"),
                          ("Burundi", "COD"), ("France", "MLI")}
    assert found["Rwanda", "CAF"].status == "active" and found["Rwanda", "CAF"].requested
    moz = found["Rwanda", "MOZ"]
    assert moz.status == "active" and moz.area == "Cabo Delgado" and moz.framework == "bilateral"
    assert moz.requested and moz.last_reported == "2022-09-27"
    assert {e.type for e in moz.evidence_events} == {"DEPLOY", "SEIZE", "REQUEST"}
    assert len(moz.evidence) == len(moz.evidence_events) == 4
    ben = found["Rwanda", "BEN"]
    assert ben.status == "planned" and ben.latest_troops == 350 and ben.peak_troops == 350
    plan = next(e for e in ben.evidence_events if e.type == "DEPLOY")
    assert ben.latest_troops_event_id == ben.peak_troops_event_id == plan.id
    wagner = found["Wagner Group", "CAF"]
    assert wagner.status == "active" and wagner.framework == "private military company"
    assert wagner.provider.kind == "company"
    burundi = found["Burundi", "COD"]
    assert burundi.status == "active" and burundi.area == "eastern DR Congo" and burundi.framework == "regional"
    assert burundi.first_reported == "2026-02-06"  # no event date: the document's publication date
    assert found["France", "MLI"].status == "ended"


def test_withdraw_after_deploy_ends_it_and_a_new_deploy_reopens_it():
    deploy = ev("DEPLOY", FRA, MLI, "MLI", "France sends troops to Mali", date="2013-01", troops=4000)
    leave = ev("WITHDRAW", FRA, MLI, "MLI", "France pulls its last troops out of Mali", date="2022-08")
    assert deployments([deploy, leave])[0].status == "ended"
    assert deployments([leave, deploy])[0].status == "ended"  # order of the input does not matter
    back = ev("DEPLOY", FRA, MLI, "MLI", "French troops return", date="2023-05")
    assert deployments([deploy, leave, back])[0].status == "active"
    planned_exit = ev("WITHDRAW", FRA, MLI, "MLI", "France will withdraw", date="2022-02", status="planned")
    assert deployments([deploy, planned_exit])[0].status == "active"


def test_planned_stays_planned_and_announced_is_told_apart():
    talks = ev("DEPLOY", RWA, BEN, "BEN", "Rwandans could be deployed", troops=350, status="planned",
               date="2022-09")
    more = ev("DEPLOY", RWA, BEN, "BEN", "the figure could then double", troops=700, status="planned",
              date="2022-10")
    d = deployments([talks, more])[0]
    assert d.status == "planned" and d.latest_troops == 700 and d.peak_troops == 700
    announced = ev("DEPLOY", RWA, BEN, "BEN", "Kigali announced it will send 350 soldiers", troops=350,
                   status="planned", date="2022-11")
    assert deployments([talks, announced])[0].status == "announced"
    asserted_future = ev("DEPLOY", RWA, BEN, "BEN", "Rwanda announced it will deploy troops", trigger="announced")
    assert role(asserted_future) == "announced"
    arrived = ev("DEPLOY", RWA, BEN, "BEN", "Rwandan troops arrived in Benin", date="2023-01")
    assert deployments([talks, announced, arrived])[0].status == "active"


def test_latest_and_peak_troops_with_their_sources():
    a = ev("DEPLOY", RWA, MOZ, "MOZ", "1,000 troops", location=CABO, date="2021-07-09", troops=1000)
    b = ev("DEPLOY", RWA, MOZ, "MOZ", "2,500 troops", location=CABO, date="2022-09", troops=2500)
    c = ev("DEPLOY", RWA, MOZ, "MOZ", "about 2,000 troops", location=CABO, date="2023-05-02", troops=2000)
    plan = ev("DEPLOY", RWA, MOZ, "MOZ", "could send 5,000", date="2023-06", troops=5000, status="planned")
    d = deployments([c, a, plan, b])[0]
    assert (d.latest_troops, d.latest_troops_event_id) == (2000, c.id)
    assert (d.peak_troops, d.peak_troops_event_id) == (2500, b.id)  # a plan is not a peak of an active force
    assert d.first_reported == "2021-07-09" and d.last_reported == "2023-06"
    no_figures = ev("DEPLOY", RWA, MOZ, "MOZ", "troops are there")
    only_plan = deployments([no_figures, plan])[0]
    assert only_plan.status == "active" and only_plan.latest_troops == 5000  # the only figure there is


def test_frameworks_missions_and_organisations():
    monusco = ev("DEPLOY", Actor("MONUSCO", "mission", None), COD, "COD", "MONUSCO deployed peacekeepers")
    minusca = ev("DEPLOY", RWA, CAF, "CAF", "Rwanda sent 750 more peacekeepers to MINUSCA", troops=750)
    bilateral = ev("DEPLOY", RWA, CAF, "CAF", "Rwanda deployed special forces under a bilateral deal")
    samidrc = ev("WITHDRAW", Actor("SADC", "igo", None), COD, "COD", "SADC ends its mission in eastern DRC",
                 date="2025-03")
    found = {(d.provider.name, d.host, d.mission): d for d in deployments([monusco, minusca, bilateral, samidrc])}
    assert found["MONUSCO", "COD", "MONUSCO"].framework == "UN"
    assert found["Rwanda", "CAF", "MINUSCA"].framework == "UN" and found["Rwanda", "CAF", "MINUSCA"].latest_troops == 750
    assert found["Rwanda", "CAF", None].framework == "bilateral"
    sadc = found["SADC", "COD", None]
    assert sadc.framework == "regional" and sadc.organisation == "SADC" and sadc.status == "ended"


def test_names_of_one_state_are_one_provider_and_home_is_not_abroad():
    rdf = Actor("Rwanda Defence Force", "state_forces", "RWA")
    kigali = Actor("Kigali", "state", "RWA")
    found = deployments([ev("DEPLOY", rdf, MOZ, "MOZ", "RDF in Cabo Delgado", date="2021-08"),
                         ev("DEPLOY", kigali, MOZ, "MOZ", "Kigali sent troops", date="2021-07"),
                         ev("DEPLOY", Actor("Mozambique", "state_forces", "MOZ"), None, "MOZ",
                            "Mozambique sends troops to Cabo Delgado", location=CABO)])
    assert len(found) == 1 and found[0].provider == Actor("Rwanda", "state_forces", "RWA")
    assert len(found[0].evidence_events) == 2


def test_presence_alleged_only_and_denials():
    alleged = ev("BATTLE", Actor("M23", "armed_group", "COD"), RWA, "COD", "M23 and Rwandan troops fought FARDC",
                 status="alleged", date="2024-02")
    d = deployments([alleged])[0]
    assert (d.provider.name, d.host, d.status) == ("Rwanda", "COD", "alleged")
    denied = ev("ATTACK", RWA, None, "COD", "Kigali denies its troops attacked", status="denied")
    assert deployments([denied]) == []
    strike = ev("REMOTE_VIOLENCE", RWA, None, "COD", "a drone strike hit Goma airport")
    assert deployments([strike]) == []


def test_filters_take_codes_and_names():
    events = seed_like()
    assert {d.host for d in deployments(events, provider="Rwanda")} == {"CAF", "MOZ", "BEN"}
    assert {d.host for d in deployments(events, provider="rwa")} == {"CAF", "MOZ", "BEN"}
    assert [d.provider.name for d in deployments(events, host="Mozambique")] == ["Rwanda"]
    assert [d.provider.name for d in deployments(events, provider="Wagner")] == ["Wagner Group"]
    assert {d.provider.name for d in deployments(events, provider="RUS")} == {"Wagner Group"}
    assert deployments(events, provider="Nigeria") == []  # a real state with nothing deployed
    with pytest.raises(NotFound, match="unknown provider"):
        deployments(events, provider="Nobody's Army")
    with pytest.raises(NotFound, match="unknown host"):
        deployments(events, host="Atlantis")


def test_records_serialise():
    rec = by_key(deployments(seed_like()))["Rwanda", "BEN"].to_record()
    json.dumps(rec)
    assert rec["provider"]["country"] == "RWA" and rec["host_name"] == "Benin" and rec["latest_troops"] == 350
    assert rec["evidence_text"][0]["text"]


def test_deployments_command(tmp_path):
    from terrain.cli import main
    from terrain.store import Store

    url = f"sqlite:///{tmp_path / 't.db'}"
    with Store(url) as store:
        for doc_id in ("fp", "allafrica"):
            evs = [e for e in seed_like() if e.doc_id == doc_id]
            store.save_document(Document(doc_id, " ".join(e.evidence.text for e in evs)), evs)
    runner = CliRunner()
    out = runner.invoke(main, ["deployments", "--db", url])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert any("Rwanda" in l and "BEN" in l and "planned" in l and "350" in l for l in lines)
    assert any("France" in l and "MLI" in l and "ended" in l for l in lines)
    js = runner.invoke(main, ["deployments", "--db", url, "--provider", "RWA", "--host", "MOZ", "--json"])
    assert js.exit_code == 0 and [d["area"] for d in json.loads(js.output)] == ["Cabo Delgado"]
    bad = runner.invoke(main, ["deployments", "--db", url, "--provider", "Nobody's Army"])
    assert bad.exit_code == 2 and "unknown provider" in bad.output and "fix:" in bad.output
