"""Relations over time: terrain.analysis.relations and `terrain relations`.

Events are built by hand, modelled on the seeds and on documented 2021-2024 events: Burundi and Rwanda
normalising (2021-22) then Burundi closing the border (January 2024); Burundi deploying to eastern DR
Congo and signing a defence pact with Kinshasa (2022-23).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from terrain.analysis.relations import (UNDATED, event_period, is_negative, period_key, relations, to_graphml,
                                        to_json, weights)
from terrain.errors import TerrainError
from terrain.records import Actor, Document, Evidence, StoredEvent

RWA = Actor("Rwanda", "state", "RWA")
RDF = Actor("Rwanda", "state_forces", "RWA")
KAGAME = Actor("Paul Kagame", "person", "RWA")
BDI = Actor("Burundi", "state", "BDI")
FDNB = Actor("Burundi", "state_forces", "BDI")
COD = Actor("DR Congo", "state", "COD")
M23 = Actor("M23", "armed_group", "COD")
WAGNER = Actor("Wagner Group", "company", "RUS")
CIVILIANS = Actor("Civilians", "civilians", "COD")

_ids = iter(range(1, 100_000))


def ev(type_: str, a1: Actor | None, a2: Actor | None, date: str | None = None, status: str = "asserted",
       doc: str = "doc-1", country: str | None = None, trigger: str | None = None, published: str | None = None,
       text: str = "A sentence.") -> StoredEvent:
    return StoredEvent(doc_id=doc, type=type_, actor1=a1, actor2=a2, evidence=Evidence(text, 0, len(text)),
                       country=country, date=date, status=status, trigger=trigger, id=next(_ids),
                       document_published=published, document_title=f"Title of {doc}", document_source="Outlet")


def burundi_events() -> list[StoredEvent]:
    return [
        # 2021-22: Burundi and Rwanda normalise relations
        ev("AGREE", BDI, RWA, "2021-07", text="Burundi and Rwanda agreed to hand over suspects of the 2015 coup attempt."),
        ev("ALIGN", RWA, BDI, "2022-02", text="Rwanda and Burundi pledged closer ties at a meeting in Kigali."),
        # 2022-23: Burundi deploys in eastern DR Congo and allies with Kinshasa
        ev("DEPLOY", FDNB, None, "2022-08", country="COD", text="Burundian troops crossed into South Kivu."),
        ev("ALIGN", BDI, COD, "2023-08", text="Burundi and DR Congo signed a defence co-operation pact."),
        ev("DEPLOY", FDNB, COD, "2023-08-20", country="COD", text="Burundi sent 1,000 more soldiers to DR Congo."),
        # January 2024: Burundi accuses Rwanda of backing RED-Tabara and closes the border
        ev("ACCUSE", BDI, RWA, "2024-01-01", text="Burundi accused Rwanda of backing the RED-Tabara rebels."),
        ev("ALIGN", BDI, RWA, "2024-01-11", trigger="close:break", text="Burundi closed its border with Rwanda."),
        ev("DENY", RWA, BDI, "2024-01-12", text="Kigali denied any link with RED-Tabara."),
    ]


def test_weights_per_type_and_status():
    w = weights()
    report = relations([ev("AGREE", BDI, RWA, "2021-07"), ev("SUPPORT", RWA, M23, "2022-06", status="alleged")])
    assert report.pair("Burundi", "Rwanda").score == w["types"]["AGREE"] * w["status"]["asserted"] == 3
    assert report.pair("M23", "Rwanda").score == w["types"]["SUPPORT"] * w["status"]["alleged"] == 1
    hostile = relations([ev("ATTACK", M23, FDNB, "2023-10"), ev("ACCUSE", COD, RWA, "2023-10", status="claimed")])
    assert hostile.pair("Burundi", "M23").score == -3
    assert hostile.pair("DR Congo", "Rwanda").score == pytest.approx(-2 * 0.7)


def test_forces_and_persons_are_the_state_and_civilians_no_party():
    report = relations([ev("ACCUSE", KAGAME, COD, "2026-02-05"), ev("BATTLE", RDF, COD, "2025-01"),
                        ev("ATTACK", M23, CIVILIANS, "2025-01")])
    assert [(p.a.name, p.b.name) for p in report.pairs] == [("DR Congo", "Rwanda")]
    pair = report.pairs[0]
    assert pair.n_events == 2 and pair.score == -5
    assert report.nodes["Rwanda"].kind == "state" and report.nodes["Rwanda"].country == "RWA"


def test_deploy_counts_with_the_host_state():
    report = relations([ev("DEPLOY", FDNB, None, "2022-08", country="COD"),
                        ev("DEPLOY", RDF, None, "2023-01", country="RWA")])  # at home: no relation
    assert [(p.a.name, p.b.name, p.score) for p in report.pairs] == [("Burundi", "DR Congo", 1)]


def test_negative_trigger_turns_cooperation_into_hostility():
    # the extractor writes Event.trigger as the lemma, with ":break" for a trigger that breaks ties
    marked = ev("ALIGN", BDI, RWA, "2024-01", trigger="close:break", text="Burundi closed its border with Rwanda.")
    lemma = ev("ALIGN", RWA, WAGNER, "2021-06", trigger="suspend")
    from_sentence = ev("ALIGN", RWA, WAGNER, "2021-06",
                       text="In June 2021, Rwanda suspended military cooperation with Wagner.")
    formed = ev("ALIGN", BDI, COD, "2023-08", trigger="sign", text="They signed a pact and suspended talks.")
    closer = ev("ALIGN", BDI, COD, None, text="Burundi aligned itself more closely with the Congolese government.")
    assert is_negative(marked) and is_negative(lemma) and is_negative(from_sentence)
    assert not is_negative(formed)  # the trigger decides where there is one
    assert not is_negative(closer)
    assert not is_negative(ev("ATTACK", M23, FDNB, "2024-01", trigger="close:break"))  # only co-operation flips
    assert relations([marked]).pairs[0].score == -3
    assert relations([formed]).pairs[0].score == 3


def test_one_happening_reported_twice_scores_once():
    closure = [ev("ALIGN", BDI, RWA, "2024-01-11", doc=d, trigger="close:break",
                  text="Burundi closed its border with Rwanda.") for d in ("outlet-a", "outlet-b")]
    pair = relations(closure).pairs[0]
    assert pair.score == -3 and pair.n_events == 2  # both reports behind it, counted once


def test_month_bucketing_published_fallback_and_undated_first():
    assert event_period(ev("AGREE", BDI, RWA, "2024-03-15")) == "2024-03"
    assert event_period(ev("AGREE", BDI, RWA, "2020")) == "2020"
    assert event_period(ev("AGREE", BDI, RWA, None, published="2024-05-02")) == "2024-05"
    assert event_period(ev("AGREE", BDI, RWA, None)) == UNDATED
    assert sorted(["2024-01", UNDATED, "2020-01", "2020"], key=period_key) == [UNDATED, "2020", "2020-01", "2024-01"]
    report = relations([ev("AGREE", BDI, RWA, "2024-03-15"), ev("AID", BDI, RWA, "2024-03-02"),
                        ev("REQUEST", BDI, RWA, None), ev("ALIGN", BDI, RWA, None, published="2024-05-02")])
    periods = report.pair("Burundi", "Rwanda").periods
    assert [p.period for p in periods] == [UNDATED, "2024-03", "2024-05"]
    assert [p.score for p in periods] == [1, 5, 3]
    assert [p.cumulative for p in periods] == [1, 6, 9]
    assert len(periods[1].event_ids) == 2


def test_burundi_shifts_rwanda_changes_sign_and_dr_congo_jumps():
    report = relations(burundi_events(), actor="Burundi")
    assert report.actor.name == "Burundi"
    assert {frozenset((p.a.name, p.b.name)) for p in report.pairs} == {
        frozenset(("Burundi", "Rwanda")), frozenset(("Burundi", "DR Congo"))}
    rwanda = report.pair("Burundi", "Rwanda")
    sign = [s for s in rwanda.shifts if s.kind == "sign"]
    assert len(sign) == 1 and sign[0].period == "2024-01"
    assert sign[0].before > 0 > sign[0].after
    assert rwanda.current < 0
    congo = report.pair("Burundi", "DR Congo")
    assert [(s.period, s.kind) for s in congo.shifts] == [("2023-08", "jump")]
    assert congo.shifts[0].after > 3 and congo.current > 0
    assert ("DR Congo", "Burundi", "Rwanda") not in report.triads  # only clear, current ties count
    assert ("Burundi", "DR Congo", "Rwanda") not in report.triads


def test_unknown_actor_names_close_matches():
    with pytest.raises(TerrainError) as err:
        relations(burundi_events(), actor="Burundii")
    assert "Burundi" in err.value.fix


def test_graphml_is_readable_by_networkx(tmp_path: Path):
    import networkx as nx

    path = to_graphml(relations(burundi_events()), tmp_path / "g.graphml")
    g = nx.read_graphml(path)
    assert set(g.nodes) == {"Burundi", "Rwanda", "DR Congo"}
    assert g.nodes["Burundi"]["kind"] == "state" and g.nodes["Burundi"]["country"] == "BDI"
    edge = g.edges["Burundi", "Rwanda"]
    assert edge["n_events"] == 5 and edge["last_month"] == "2024-01" and edge["score"] < 6
    assert json.loads(edge["series"])[0][0] == "2021-07"


def test_json_is_a_cytoscape_graph():
    data = to_json(relations(burundi_events()))
    json.dumps(data)
    assert {n["data"]["id"] for n in data["nodes"]} == {"Burundi", "Rwanda", "DR Congo"}
    edge = next(e["data"] for e in data["edges"] if {e["data"]["source"], e["data"]["target"]} == {"Burundi", "DR Congo"})
    assert edge["n_events"] == 3 and [s["period"] for s in edge["series"]] == ["2022-08", "2023-08"]
    assert edge["shifts"][0]["kind"] == "jump"


def test_docs_table_follows_the_weights_file():
    text = (Path(__file__).resolve().parents[1] / "docs" / "relations.md").read_text(encoding="utf-8")
    for kind, table in (("types", weights()["types"]), ("status", weights()["status"])):
        for name, value in table.items():
            row = re.search(rf"^\| {name} \| ([^|]+) \|", text, re.M)
            assert row, f"docs/relations.md has no row for {name}"
            assert float(row.group(1).strip().replace("−", "-").replace("+", "")) == value, name


def _save(store, events: list[StoredEvent]) -> None:
    by_doc: dict[str, list[StoredEvent]] = {}
    for e in events:
        by_doc.setdefault(e.doc_id, []).append(e)
    for doc_id, evs in by_doc.items():
        store.save_document(Document(doc_id=doc_id, text=" ".join(e.evidence.text for e in evs),
                                     title=f"Title of {doc_id}", source="Outlet"), evs)


def test_cli_relations_shows_the_shift_and_writes_graphs(store, db_url, tmp_path: Path):
    from terrain.cli import main

    _save(store, [ev(e.type, e.actor1, e.actor2, e.date, e.status, doc=f"doc-{i}", country=e.country,
                     trigger=e.trigger, text=e.evidence.text) for i, e in enumerate(burundi_events())])
    graphml = tmp_path / "burundi.graphml"
    run = CliRunner().invoke(main, ["relations", "Burundi", "--db", db_url, "--graphml", str(graphml)])
    assert run.exit_code == 0, run.output
    assert "Burundi — Rwanda" in run.output and "changes sign" in run.output
    assert "Burundi — DR Congo" in run.output and "jumps" in run.output
    assert graphml.exists()
    run = CliRunner().invoke(main, ["relations", "--since", "2023", "--json", "-", "--db", db_url])
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    periods = {s["period"] for e in data["edges"] for s in e["data"]["series"]}
    assert periods and min(periods) >= "2023"
    run = CliRunner().invoke(main, ["relations", "Atlantis", "--db", db_url])
    assert run.exit_code == 2 and "unknown actor" in run.output
