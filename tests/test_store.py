"""The store: idempotent, transactional saves; filters; reviews that survive re-extraction; links; tokens.

Runs on SQLite and, where TERRAIN_TEST_PG_URL is set (scripts/pg-start), on PostgreSQL.
"""
from __future__ import annotations

import sqlalchemy as sa
import pytest

from terrain.errors import NotFound, StoreError
from terrain.records import Actor, Document, Event, Evidence, Location
from terrain.store import EventFilter, FilterError, ReviewError, Store, TokenError

M23 = Actor("M23", "armed_group", "COD")
FARDC = Actor("FARDC", "state_forces", "COD")
RWANDA = Actor("Rwanda", "state", "RWA")
GOMA = Location("Goma", "COD", "place", "North Kivu", -1.68, 29.22)
PEMBA = Location("Pemba", "MOZ", "place", "Cabo Delgado", -12.97, 40.52)


def doc(doc_id: str = "d1", text: str = "", published: str | None = "2024-03-02") -> Document:
    text = text or ("M23 fighters attacked Goma, killing 3. The army clashed with M23 near Sake. "
                    "Kinshasa accused Rwanda of backing M23. Rwanda denied it. 50% of Pemba fled.")
    return Document(doc_id, text, title=f"Title {doc_id}", published=published, source="Test Wire")


def ev(d: Document, sentence: str, type_: str, a1: Actor | None, a2: Actor | None = None, **kw) -> Event:
    start = d.text.index(sentence)
    return Event(d.doc_id, type_, a1, a2, Evidence(sentence, start, start + len(sentence)), **kw)


def events_of(d: Document) -> list[Event]:
    return [
        ev(d, "M23 fighters attacked Goma, killing 3.", "ATTACK", M23, None, country="COD", location=GOMA,
           date="2024-02-10", date_precision="day", quantities={"fatalities": 3}),
        ev(d, "The army clashed with M23 near Sake.", "BATTLE", FARDC, M23, country="COD", date="2024-03",
           date_precision="month"),
        ev(d, "Kinshasa accused Rwanda of backing M23.", "ACCUSE", Actor("DR Congo", "state", "COD"), RWANDA),
        ev(d, "Rwanda denied it.", "DENY", RWANDA, None, refers_to=2, status="asserted"),
        ev(d, "50% of Pemba fled.", "ATTACK", None, None, location=PEMBA, status="alleged", date="2023"),
    ]


def texts(events) -> set[str]:
    return {e.evidence.text for e in events}


def test_save_is_idempotent(store):
    d = doc()
    assert store.document_status(d) == "new"
    assert store.save_document(d, events_of(d)) == "new"
    assert store.document_status(d) == "unchanged"
    assert store.save_document(d, events_of(d)) == "unchanged"
    assert store.count_documents() == 1
    assert store.count_events() == 5
    assert store.document("d1") == d


def test_update_replaces_events(store):
    d = doc()
    store.save_document(d, events_of(d))
    old_ids = {e.id for e in store.events()}
    d2 = doc(text="Rwanda sent 1,000 troops to Pemba.")
    assert store.document_status(d2) == "changed"
    new = [ev(d2, d2.text, "DEPLOY", RWANDA, None, country="MOZ", quantities={"troops": 1000})]
    assert store.save_document(d2, new) == "updated"
    stored = store.events()
    assert [(e.type, e.quantities) for e in stored] == [("DEPLOY", {"troops": 1000})]
    assert store.document("d1").text == d2.text
    # Ids of deleted events are never handed out again (a stale id must not name another event).
    assert not old_ids & {e.id for e in stored}
    assert store.save_document(d2, new, force=True) == "updated"
    assert store.count_events() == 1


@pytest.mark.parametrize("breakage", ["evidence", "refers_to"])
def test_failed_save_changes_nothing(store, breakage):
    d = doc()
    store.save_document(d, events_of(d))
    before = [(e.type, e.evidence) for e in store.events()]
    d2 = doc(text=d.text + " More text.")
    bad = events_of(d2)
    if breakage == "evidence":
        bad[2].evidence = None  # fails while building rows, after the document row was updated
    else:
        bad[3].refers_to = 99  # fails after the events were inserted
    with pytest.raises(StoreError, match="event [23] of document d1"):
        store.save_document(d2, bad)
    assert store.document("d1").text == d.text
    assert [(e.type, e.evidence) for e in store.events()] == before
    assert store.document_status(d2) == "changed"


def test_documents_listing_and_delete(store):
    for i in range(3):
        d = doc(f"d{i}")
        store.save_document(d, events_of(d))
    assert [x.doc_id for x in store.documents(limit=2, offset=1)] == ["d1", "d2"]
    event_id = store.events(EventFilter(doc_id="d1"))[0].id
    store.review(event_id, "reject", "ana")
    store.delete_document("d1")
    assert store.count_documents() == 2 and store.count_events() == 10
    with pytest.raises(NotFound):
        store.document("d1")
    with pytest.raises(NotFound):
        store.delete_document("d1")
    # Its reviews went with it: a new document of the same id starts unreviewed.
    d = doc("d1")
    store.save_document(d, events_of(d))
    assert store.count_events(EventFilter(doc_id="d1")) == 5


@pytest.fixture
def filled(store):
    d1, d2 = doc("d1"), doc("d2", text="Protesters marched in Kinshasa. M23 seized Bunagana.", published="2022-06-13")
    store.save_document(d1, events_of(d1))
    store.save_document(d2, [ev(d2, "Protesters marched in Kinshasa.", "PROTEST", Actor("Protesters", "civilians")),
                             ev(d2, "M23 seized Bunagana.", "SEIZE", M23, None, country="COD", status="claimed")])
    return store


FILTER_CASES = [
    (EventFilter(types=["ATTACK"]), {"M23 fighters attacked Goma, killing 3.", "50% of Pemba fled."}),
    (EventFilter(actor="m23"), {"M23 fighters attacked Goma, killing 3.", "The army clashed with M23 near Sake.",
                                "M23 seized Bunagana."}),
    (EventFilter(actor="rwanda"), {"Kinshasa accused Rwanda of backing M23.", "Rwanda denied it."}),
    (EventFilter(country="moz"), {"50% of Pemba fled."}),  # the location's country counts too
    (EventFilter(since="2024-03"), {"The army clashed with M23 near Sake.", "Kinshasa accused Rwanda of backing M23.",
                                    "Rwanda denied it."}),  # undated events take the published date
    (EventFilter(until="2023"), {"50% of Pemba fled.", "Protesters marched in Kinshasa.", "M23 seized Bunagana."}),
    (EventFilter(since="2024-02-10", until="2024-02"), {"M23 fighters attacked Goma, killing 3."}),
    (EventFilter(since="2023-06", until="2023-06"), {"50% of Pemba fled."}),  # a year-precision date overlaps
    (EventFilter(bbox=(28.0, -3.0, 30.0, 0.0)), {"M23 fighters attacked Goma, killing 3."}),
    (EventFilter(status=["alleged", "claimed"]), {"50% of Pemba fled.", "M23 seized Bunagana."}),
    (EventFilter(q="DENIED"), {"Rwanda denied it."}),
    (EventFilter(q="50%"), {"50% of Pemba fled."}),  # % is a character, not a wildcard
    (EventFilter(q="0%"), {"50% of Pemba fled."}),
    (EventFilter(q="M_3"), set()),
    (EventFilter(doc_id="d2"), {"Protesters marched in Kinshasa.", "M23 seized Bunagana."}),
    (EventFilter(types=["ATTACK", "SEIZE"], country="COD", actor="M23"),
     {"M23 fighters attacked Goma, killing 3.", "M23 seized Bunagana."}),
]


def test_filters(filled):
    # One store for all cases: a fresh PostgreSQL database per case would cost more than the cases.
    for flt, expected in FILTER_CASES:
        assert texts(filled.events(flt)) == expected, flt
        assert filled.count_events(flt) == len(expected), flt


def test_order_limit_offset(filled):
    got = [(e.date or e.document_published) for e in filled.events()]
    assert got == sorted(got)
    all_ids = [e.id for e in filled.events()]
    assert [e.id for e in filled.events(EventFilter(limit=3, offset=2))] == all_ids[2:5]
    assert filled.count_events(EventFilter(limit=1)) == 7  # counting ignores paging
    first = filled.events()[0]
    assert (first.document_title, first.document_published, first.document_source) == ("Title d2", "2022-06-13",
                                                                                         "Test Wire")


BAD_FILTERS = [
    (EventFilter(types=["KILL"]), "unknown event type"),
    (EventFilter(status=["true"]), "unknown status"),
    (EventFilter(country="Congo"), "ISO 3166"),
    (EventFilter(since="March 2024"), "not a date"),
    (EventFilter(since="2024-05", until="2024-04-30"), "after until"),
    (EventFilter(bbox=(30.0, -3.0, 28.0, 0.0)), "bbox"),
    (EventFilter(bbox=(1.0, 2.0, 3.0)), "four numbers"),
    (EventFilter(bbox=(0.0, -95.0, 1.0, 0.0)), "bbox"),
    (EventFilter(limit=-1), "limit"),
]


def test_bad_filters(filled):
    for flt, message in BAD_FILTERS:
        with pytest.raises(FilterError, match=message):
            filled.events(flt)
        with pytest.raises(ValueError):
            filled.count_events(flt)


def test_reviews_apply_and_filter(filled):
    attack = filled.events(EventFilter(types=["ATTACK"], country="COD"))[0]
    fixed = filled.review(attack.id, "correct", "ana", {"type": "BATTLE", "actor2": {"name": "FARDC",
                          "kind": "state_forces", "country": "cod"}, "date": "2024-02"})
    assert (fixed.type, fixed.actor2, fixed.date, fixed.date_precision) == ("BATTLE", FARDC, "2024-02", "month")
    assert (fixed.reviewed, fixed.reviewed_by) == ("corrected", "ana") and fixed.reviewed_at
    assert fixed.evidence == attack.evidence and fixed.quantities == {"fatalities": 3}
    # Filters see the corrected values.
    assert attack.id in {e.id for e in filled.events(EventFilter(types=["BATTLE"], actor="fardc"))}
    assert attack.id not in {e.id for e in filled.events(EventFilter(types=["ATTACK"]))}
    # Corrections accumulate; a later confirm keeps them.
    filled.review(attack.id, "correct", "bo", {"quantities": {"fatalities": 4}})
    again = filled.review(attack.id, "confirm", "bo")
    assert (again.type, again.quantities, again.reviewed, again.reviewed_by) == ("BATTLE", {"fatalities": 4},
                                                                                  "confirmed", "bo")
    deny = filled.events(EventFilter(types=["DENY"]))[0]
    assert filled.review(deny.id, "reject", "ana").reviewed == "rejected"
    assert deny.id not in {e.id for e in filled.events()}
    assert deny.id in {e.id for e in filled.events(EventFilter(include_rejected=True))}
    assert filled.event(deny.id).reviewed == "rejected"
    assert {e.id for e in filled.events(EventFilter(reviewed=True))} == {attack.id}
    assert len(filled.events(EventFilter(reviewed=False))) == 5


def test_reviews_survive_reextraction(store):
    d = doc()
    store.save_document(d, events_of(d))
    by_type = {e.type: e for e in store.events()}
    store.review(by_type["BATTLE"].id, "correct", "ana", {"country": "RWA", "status": "claimed"})
    store.review(by_type["DENY"].id, "reject", "ana")
    # Re-extraction: the same claims come back (with new ids) plus one more, and reviews re-attach.
    d2 = doc(text=d.text + " Rwanda sent troops.")
    assert store.save_document(d2, events_of(d2) + [ev(d2, "Rwanda sent troops.", "DEPLOY", RWANDA)]) == "updated"
    now = {e.type: e for e in store.events(EventFilter(include_rejected=True)) if e.type != "ATTACK"}
    assert now["BATTLE"].id != by_type["BATTLE"].id
    assert (now["BATTLE"].country, now["BATTLE"].status, now["BATTLE"].reviewed) == ("RWA", "claimed", "corrected")
    assert now["DENY"].reviewed == "rejected"
    assert "DENY" not in {e.type for e in store.events()}
    assert now["DEPLOY"].reviewed is None
    # A claim the extractor no longer finds leaves nothing behind, but its review returns with it.
    without_battle = events_of(d)
    del without_battle[1]
    without_battle[2].refers_to = 1  # the DENY still answers the ACCUSE, now one place up
    store.save_document(d, without_battle)
    assert store.count_events(EventFilter(reviewed=True, include_rejected=True)) == 1
    store.save_document(d2, events_of(d2))
    assert store.events(EventFilter(types=["BATTLE"]))[0].country == "RWA"


BAD_REVIEWS = [
    ("approve", None, "unknown review action"),
    ("correct", None, "needs the fields"),
    ("correct", {"evidence": "x"}, "cannot correct"),
    ("correct", {"type": "KILL"}, "type"),
    ("correct", {"country": "Congo"}, "country"),
    ("correct", {"actor1": {"name": "X", "kind": "gang"}}, "actor1"),
    ("correct", {"location": {"name": "Goma", "lat": 95, "lon": 29}}, "location.lat"),
    ("correct", {"quantities": {"deaths": 3}}, "quantities"),
    ("correct", {"date": "10 March"}, "date"),
    ("confirm", {"type": "BATTLE"}, "takes no changes"),
]


def test_bad_reviews_write_nothing(filled):
    target = filled.events()[0]
    for action, changes, message in BAD_REVIEWS:
        with pytest.raises(ReviewError, match=message):
            filled.review(target.id, action, "ana", changes)
        assert filled.event(target.id) == target, (action, changes)
    with filled.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM reviews")).scalar() == 0
    with pytest.raises(NotFound):
        filled.review(10_000, "confirm", "ana")
    with pytest.raises(NotFound):
        filled.event(10_000)


def test_links(store):
    d = doc()
    store.save_document(d, events_of(d))
    by_type = {e.type: e for e in store.events()}
    accuse, deny = by_type["ACCUSE"], by_type["DENY"]
    assert deny.linked_ids == [accuse.id] and accuse.linked_ids == [deny.id]
    assert deny.refers_to == 2 and accuse.refers_to is None
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT from_event_id, to_event_id, relation FROM event_links")).all()
    assert [tuple(r) for r in rows] == [(deny.id, accuse.id, "refers_to")]
    store.save_document(d, [e for e in events_of(d) if e.refers_to is None], force=True)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM event_links")).scalar() == 0


def test_tokens(store):
    token = store.create_token("dashboard", "analyst")
    admin = store.create_token("ops", "admin")
    assert store.check_token(token) == ("dashboard", "analyst")
    assert store.check_token(admin) == ("ops", "admin")
    assert store.check_token(token + "x") is None and store.check_token("") is None
    with store.engine.connect() as conn:
        stored = [r[0] for r in conn.execute(sa.text("SELECT token_hash FROM api_tokens"))]
    assert token not in stored and all(len(h) == 64 for h in stored)
    with pytest.raises(TokenError, match="exists"):
        store.create_token("dashboard", "admin")
    with pytest.raises(TokenError, match="role"):
        store.create_token("x", "root")
    store.revoke_token("dashboard")
    assert store.check_token(token) is None
    with pytest.raises(NotFound):
        store.revoke_token("dashboard")
    listed = {t.name: t for t in store.list_tokens()}
    assert listed["dashboard"].revoked and not listed["ops"].revoked and listed["ops"].last_used_at
    assert store.check_token(store.create_token("dashboard", "analyst")) == ("dashboard", "analyst")


def test_reopen_keeps_data_and_schema_matches_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from terrain.store.migrate import head
    from terrain.store.models import Base

    with Store(db_url) as s:
        d = doc()
        s.save_document(d, events_of(d))
    with Store(db_url) as s:
        assert s.count_events() == 5
        with s.engine.connect() as conn:
            # The migrations create exactly what models.py declares: a model change needs a migration.
            assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                    Base.metadata) == []
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == head()


def test_in_memory_sqlite():
    with Store("sqlite://") as s:
        d = doc()
        assert s.save_document(d, events_of(d)) == "new"
        assert s.count_events(EventFilter(actor="M23")) == 2


@pytest.mark.parametrize("url, message", [
    ("terrain.db", "not a database URL"),
    ("mysql://u@h/db", "unsupported database"),
    ("postgresql+psycopg://terrain@127.0.0.1:1/terrain", "start PostgreSQL"),
])
def test_bad_database_urls(url, message):
    with pytest.raises(StoreError, match=message):
        Store(url)


def test_newer_schema_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    Store(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'ffff'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer Terrain"):
        Store(url)
