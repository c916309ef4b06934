"""Claims and denials as threads: terrain.analysis.claims and `terrain claims`.

Modelled on the AllAfrica seed ("Kinshasa ... accused Rwanda of backing ... the M23 rebellion, allegations
Kigali denies") and on Burundi's January 2024 accusation over RED-Tabara.
"""
from __future__ import annotations

import json

from click.testing import CliRunner

from terrain.analysis.claims import claims, describe
from terrain.records import Actor, Document, Evidence, StoredEvent

RWA = Actor("Rwanda", "state", "RWA")
KAGAME = Actor("Paul Kagame", "person", "RWA")
COD = Actor("DR Congo", "state", "COD")
BDI = Actor("Burundi", "state", "BDI")
M23 = Actor("M23", "armed_group", "COD")
FDLR = Actor("FDLR", "armed_group", "COD")
RED_TABARA = Actor("RED-Tabara", "armed_group", "BDI")
SA = Actor("South Africa", "state", "ZAF")

KINSHASA = ("Kinshasa and some international actors have repeatedly accused Rwanda of backing armed groups, "
            "including the M23 rebellion, allegations Kigali denies.")


def ev(id_: int, type_: str, a1: Actor | None, a2: Actor | None, doc: str = "allafrica", status: str = "asserted",
       text: str = KINSHASA, start: int = 0, date: str | None = None, published: str | None = "2026-02-06",
       linked: list[int] | None = None) -> StoredEvent:
    return StoredEvent(doc_id=doc, type=type_, actor1=a1, actor2=a2, evidence=Evidence(text, start, start + len(text)),
                       status=status, date=date, id=id_, linked_ids=linked or [], document_published=published,
                       document_title="Kagame Defends Rwanda's Security Posture", document_source="AllAfrica")


def seed_like(linked: bool) -> list[StoredEvent]:
    """ACCUSE DR Congo -> Rwanda, SUPPORT Rwanda -> M23 (alleged), DENY Rwanda -> DR Congo, in one sentence;
    plus Kagame's counter-accusation two paragraphs on, and an unrelated accusation in another document."""
    return [
        ev(1, "ACCUSE", COD, RWA, linked=[2] if linked else []),
        ev(2, "SUPPORT", RWA, M23, status="alleged", linked=[1, 3] if linked else []),
        ev(3, "DENY", RWA, COD, linked=[2] if linked else []),
        ev(4, "ACCUSE", KAGAME, COD, text="Some were integrated into the Congolese army.", start=2683,
           date="2026-02-05"),
        ev(5, "SUPPORT", COD, FDLR, status="claimed", text="Some were integrated into the Congolese army.",
           start=2683, date="2026-02-05"),
        ev(6, "ACCUSE", SA, RWA, doc="fp", published=None, start=7474,
           text="South Africa was infuriated by Rwanda's involvement in Mozambique."),
    ]


def _thread_about_m23(threads):
    return next(t for t in threads if t.allegation is not None and t.allegation.actor2 == M23)


def test_linked_accusation_allegation_and_denial_are_one_thread():
    threads = claims(seed_like(linked=True), actor="Rwanda")
    t = _thread_about_m23(threads)
    assert [a.name for a in t.accusers] == ["DR Congo"] and t.accused.name == "Rwanda"
    assert t.allegation.id == 2 and t.allegation.status == "alleged"
    assert [e.id for e in t.accusations] == [1] and [e.id for e in t.denials] == [3]
    assert t.status == "denied" and t.first_date == t.last_date == "2026-02-06"
    assert "DR Congo accuses" in describe(t) and "Rwanda denies" in describe(t)


def test_heuristics_link_the_same_thread_without_links():
    threads = claims(seed_like(linked=False))
    t = _thread_about_m23(threads)
    assert [e.id for e in t.accusations] == [1] and [e.id for e in t.denials] == [3] and t.status == "denied"
    # Kagame's counter-accusation is its own thread: DR Congo accused of backing the FDLR, unanswered
    counter = next(x for x in threads if x.accused.name == "DR Congo")
    assert counter.allegation.id == 5 and counter.status == "unanswered" and counter.accusers == [KAGAME]
    # South Africa's anger is about Mozambique, in another document: no alleged fact, no denial
    sa = next(x for x in threads if SA in x.accusers)
    assert sa.allegation is None and sa.status == "unanswered" and sa.first_date is None


def test_a_far_away_fact_is_not_the_allegation():
    events = seed_like(linked=False)[:1] + [
        ev(7, "SUPPORT", RWA, M23, status="alleged", start=9000, text="Rwanda's alleged collaboration with M23.")]
    events[0].doc_id = events[1].doc_id = "fp"
    events[0].evidence = Evidence("South Africa was infuriated by Rwanda.", 100, 140)
    (t,) = claims(events)
    assert t.allegation is None  # 8,900 characters apart: not what this accusation is about


def test_a_later_denial_in_another_document_joins_within_the_window():
    events = [
        ev(10, "ACCUSE", BDI, RWA, doc="a", date="2024-01-01", text="Burundi accused Rwanda of backing RED-Tabara."),
        ev(11, "SUPPORT", RWA, RED_TABARA, doc="a", status="alleged", date="2024-01-01",
           text="Burundi accused Rwanda of backing RED-Tabara."),
        ev(12, "DENY", KAGAME, None, doc="b", date="2024-01-20", text="Kagame dismissed the claims."),
        ev(13, "DENY", RWA, COD, doc="c", date="2024-01-21", text="Kigali rejected Kinshasa's claims."),
        ev(14, "DENY", RWA, BDI, doc="d", date="2025-06-01", text="Rwanda again rejected Burundi's claims."),
    ]
    threads = claims(events, actor="Burundi")
    (t,) = [x for x in threads if x.allegation is not None]
    assert [e.id for e in t.denials] == [12]  # 13 answers DR Congo, 14 comes 17 months later
    assert t.first_date == "2024-01-01" and t.last_date == "2024-01-20"
    assert {e.id for x in claims(events) for e in x.denials} == {12, 13, 14}  # none is lost


def test_actor_filter_and_reports_of_one_fact_across_documents():
    events = seed_like(linked=True) + [
        ev(20, "SUPPORT", RWA, M23, doc="un-report", status="alleged", date="2022-06",
           text="Experts found evidence of Rwandan support to M23.")]
    t = _thread_about_m23(claims(events, actor="M23"))
    assert [f.id for f in t.facts] == [20, 2] and t.allegation.id == 20 and t.first_date == "2022-06"
    assert all(SA not in x.accusers for x in claims(events, actor="M23"))


def test_cli_claims_links_the_m23_accusation_to_kigalis_denial(store, db_url):
    from terrain.cli import main

    text = KINSHASA
    doc = Document(doc_id="allafrica", text=text, title="Kagame Defends Rwanda's Security Posture",
                   published="2026-02-06", source="AllAfrica")
    events = [
        ev(0, "ACCUSE", COD, RWA), ev(0, "SUPPORT", RWA, M23, status="alleged"), ev(0, "DENY", RWA, COD)]
    events[0].refers_to, events[2].refers_to = 1, 1
    store.save_document(doc, events)
    run = CliRunner().invoke(main, ["claims", "Rwanda", "--db", db_url])
    assert run.exit_code == 0, run.output
    assert "DENIED" in run.output and "DR Congo accuses" in run.output and "Rwanda denies" in run.output
    assert "SUPPORT Rwanda → M23 (alleged)" in run.output
    run = CliRunner().invoke(main, ["claims", "--json", "--db", db_url])
    (thread,) = json.loads(run.output)
    assert thread["status"] == "denied" and thread["allegation"]["actor2"]["name"] == "M23"
    assert thread["denials"][0]["evidence"]["text"] == KINSHASA


def test_a_link_that_contradicts_the_actors_is_not_trusted():
    # "Kigali accuses Kinshasa of arming the FDLR" read with the wrong actor1 on the fact
    events = [ev(30, "ACCUSE", RWA, COD, linked=[31], text="Kigali accuses Kinshasa of arming the FDLR."),
              ev(31, "SUPPORT", RWA, FDLR, status="alleged", linked=[30], text="Kigali accuses Kinshasa of arming the FDLR.")]
    (t,) = claims(events)
    assert t.accused.name == "DR Congo" and t.accusers == [RWA] and t.allegation is None
