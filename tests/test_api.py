"""The web API: every endpoint, each filter, pagination, clear 4xx errors (never a 500), tokens and roles,
reviews with who and when, ingest with size limits and the CLI's error messages, and the offline workspace.

Hand-built events (no spaCy) on SQLite and, where TERRAIN_TEST_PG_URL is set, PostgreSQL; the tests that
ingest real text run the whole pipeline and are marked slow.
"""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient

from terrain.export import COLUMNS
from terrain.records import Actor, Document, Event, Evidence, Location
from terrain.web.app import create_app
from terrain.web.uploads import MAX_DOCUMENT, MAX_REQUEST

M23 = Actor("M23", "armed_group", "COD")
RWANDA_F = Actor("Rwanda", "state_forces", "RWA")
RWANDA = Actor("Rwanda", "state", "RWA")
DRC = Actor("DR Congo", "state", "COD")
MOZ = Actor("Mozambique", "state", "MOZ")
GOMA = Location("Goma", "COD", "place", "North Kivu", -1.68, 29.22)
KIVU = Location("North Kivu", "COD", "admin1", "North Kivu", -0.8, 29.0)
CABO = Location("Cabo Delgado", "MOZ", "admin1", "Cabo Delgado", -12.3, 39.4)
MAPUTO = Location("Maputo", "MOZ", "place", "Maputo", -25.97, 32.57)


def ev(d: Document, sentence: str, type_: str, a1: Actor | None, a2: Actor | None = None, **kw) -> Event:
    start = d.text.index(sentence)
    return Event(d.doc_id, type_, a1, a2, Evidence(sentence, start, start + len(sentence)), **kw)


def fill(store) -> None:
    goma = Document("goma-1", "M23 rebels attacked Goma on 3 March 2024, killing 12 civilians. "
                    "Rwandan troops were reported in North Kivu in February. Kinshasa accused Kigali of backing M23. "
                    "Kigali denied backing the rebels.", title="Fighting near Goma", published="2024-03-04",
                    source="Test Wire")
    store.save_document(goma, [
        ev(goma, "M23 rebels attacked Goma on 3 March 2024, killing 12 civilians.", "ATTACK", M23,
           Actor("Civilians", "civilians", "COD"), country="COD", location=GOMA, date="2024-03-03",
           date_precision="day", quantities={"fatalities": 12}),
        ev(goma, "Rwandan troops were reported in North Kivu in February.", "DEPLOY", RWANDA_F, DRC, country="COD",
           location=KIVU, date="2024-02", date_precision="month", status="alleged"),
        ev(goma, "Kinshasa accused Kigali of backing M23.", "ACCUSE", DRC, RWANDA, country="COD",
           date="2024-03-04", date_precision="day", refers_to=3),
        ev(goma, "Kinshasa accused Kigali of backing M23.", "SUPPORT", RWANDA, M23, country="COD",
           date="2024-03-04", date_precision="day", status="alleged"),
        ev(goma, "Kigali denied backing the rebels.", "DENY", RWANDA, DRC, country="COD", date="2024-03-04",
           date_precision="day", refers_to=3),
    ])
    cabo = Document("cabo-1", "Rwanda deployed 1,000 troops to Cabo Delgado in Mozambique in July 2021. "
                    "Protesters marched in Maputo on 10 July 2021.", title="Rwanda in Cabo Delgado",
                    published="2021-07-12", source="Other Wire")
    store.save_document(cabo, [
        ev(cabo, "Rwanda deployed 1,000 troops to Cabo Delgado in Mozambique in July 2021.", "DEPLOY", RWANDA_F, MOZ,
           country="MOZ", location=CABO, date="2021-07", date_precision="month", quantities={"troops": 1000}),
        ev(cabo, "Protesters marched in Maputo on 10 July 2021.", "PROTEST", Actor("Protesters", "civilians", "MOZ"),
           None, country="MOZ", location=MAPUTO, date="2021-07-10", date_precision="day"),
    ])
    note = Document("note-1", "Officials said aid would be sent. 🚁 More later.", title="Undated note")
    store.save_document(note, [ev(note, "Officials said aid would be sent.", "AID", Actor("Officials", "other"), None)])


@pytest.fixture
def client(store, db_url):
    fill(store)
    with TestClient(create_app(db_url)) as c:
        yield c


@pytest.fixture
def tokens(store):
    return {"analyst": store.create_token("alice", "analyst"), "admin": store.create_token("root", "admin")}


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def items(client, path="/api/events", **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def ids_of(client, **params) -> dict[str, int]:
    return {f"{e['doc_id']}:{e['type']}": e["id"] for e in items(client, limit=1000, **params)}


# --- reading -----------------------------------------------------------------------------------

def test_health(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["documents"] == 3 and body["events"] == 8


def test_documents_are_paginated_and_carry_text_only_alone(client):
    first = client.get("/api/documents", params={"limit": 2}).json()
    rest = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == rest["total"] == 3
    assert [d["doc_id"] for d in first["items"] + rest["items"]] == ["cabo-1", "goma-1", "note-1"]
    assert "text" not in first["items"][0]
    doc = client.get("/api/documents/goma-1").json()
    assert doc["title"] == "Fighting near Goma" and len(doc["events"]) == 5
    for e in doc["events"]:  # the evidence view highlights text[start:end]: it must be the sentence
        assert doc["text"][e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and "nope" in r.json()["error"] and r.json()["fix"]


def test_events_and_one_event(client):
    body = client.get("/api/events").json()
    assert body["total"] == 8 and len(body["items"]) == 8
    dates = [e["date"] or e["document"]["published"] or "9999" for e in body["items"]]
    assert dates == sorted(dates)  # by date, undated last
    one = body["items"][0]
    got = client.get(f"/api/events/{one['id']}").json()
    assert got == one
    assert got["family"] in ("violence", "cooperation") and "reviewed_by" in got and "document" in got


@pytest.mark.parametrize("params, expected", [
    ({"type": "ATTACK"}, {"goma-1:ATTACK"}),
    ({"type": ["DEPLOY", "PROTEST"]}, {"goma-1:DEPLOY", "cabo-1:DEPLOY", "cabo-1:PROTEST"}),
    ({"type": "deploy,protest"}, {"goma-1:DEPLOY", "cabo-1:DEPLOY", "cabo-1:PROTEST"}),
    ({"actor": "m23"}, {"goma-1:ATTACK", "goma-1:SUPPORT"}),
    ({"country": "moz"}, {"cabo-1:DEPLOY", "cabo-1:PROTEST"}),
    ({"since": "2024-03"}, {"goma-1:ATTACK", "goma-1:ACCUSE", "goma-1:SUPPORT", "goma-1:DENY"}),
    ({"until": "2021"}, {"cabo-1:DEPLOY", "cabo-1:PROTEST"}),
    ({"since": "2021-07-10", "until": "2024-02"}, {"cabo-1:PROTEST", "goma-1:DEPLOY", "cabo-1:DEPLOY"}),
    ({"bbox": "29.1,-2,29.5,-1"}, {"goma-1:ATTACK"}),
    ({"bbox": "28,-30,41,0"}, {"goma-1:ATTACK", "goma-1:DEPLOY", "cabo-1:DEPLOY", "cabo-1:PROTEST"}),
    ({"status": "alleged"}, {"goma-1:DEPLOY", "goma-1:SUPPORT"}),
    ({"q": "TROOPS"}, {"goma-1:DEPLOY", "cabo-1:DEPLOY"}),
    ({"doc_id": "note-1"}, {"note-1:AID"}),
    ({"reviewed": "false", "country": "MOZ"}, {"cabo-1:DEPLOY", "cabo-1:PROTEST"}),
    ({"reviewed": "true"}, set()),
])
def test_each_filter(client, params, expected):
    assert set(ids_of(client, **params)) == expected
    assert client.get("/api/events", params=params).json()["total"] == len(expected)


def test_pagination(client):
    pages = [client.get("/api/events", params={"limit": 3, "offset": o}).json() for o in (0, 3, 6, 9)]
    assert [p["total"] for p in pages] == [8] * 4
    assert [len(p["items"]) for p in pages] == [3, 3, 2, 0]
    seen = [e["id"] for p in pages for e in p["items"]]
    assert seen == [e["id"] for e in items(client, limit=1000)] and len(set(seen)) == 8
    assert client.get("/api/events", params={"limit": 1000}).status_code == 200


BAD = [
    ("/api/events", {"bbox": "1,2,3"}, 400, "bbox"),
    ("/api/events", {"bbox": "a,b,c,d"}, 400, "bbox"),
    ("/api/events", {"bbox": "30,0,20,1"}, 400, "bbox"),
    ("/api/events", {"bbox": "0,-95,1,1"}, 400, "bbox"),
    ("/api/events", {"type": "EXPLOSION"}, 400, "EXPLOSION"),
    ("/api/events", {"status": "maybe"}, 400, "maybe"),
    ("/api/events", {"since": "2024", "until": "2023"}, 400, "after"),
    ("/api/events", {"since": "March 2024"}, 400, "since"),
    ("/api/events", {"country": "Congo"}, 400, "ISO"),
    ("/api/events", {"limit": "-1"}, 422, "limit"),
    ("/api/events", {"limit": "5000"}, 422, "limit"),
    ("/api/events", {"offset": "-3"}, 422, "offset"),
    ("/api/events", {"limit": "ten"}, 422, "limit"),
    ("/api/events", {"reviewed": "perhaps"}, 422, "reviewed"),
    ("/api/events/abc", {}, 422, "event_id"),
    ("/api/events/0", {}, 422, "event_id"),
    ("/api/events/99999", {}, 404, "99999"),
    ("/api/documents", {"limit": "-1"}, 422, "limit"),
    ("/api/actors", {"bbox": "x"}, 400, "bbox"),
    ("/api/countries", {"type": "NOPE"}, 400, "NOPE"),
    ("/api/timeline", {"since": "2024-99-99x"}, 400, "since"),
    ("/api/export.csv", {"bbox": "1,2,3"}, 400, "bbox"),
    ("/api/export.geojson", {"type": "NOPE"}, 400, "NOPE"),
    ("/api/export.jsonl", {"limit": "-5"}, 422, "limit"),
    ("/api/deployments", {"host": "Atlantis"}, 404, "Atlantis"),
    ("/api/deployments", {"country": "12"}, 400, "ISO"),
    ("/api/relations", {"actor": "Nobody At All"}, 400, "Nobody"),
    ("/api/claims", {"until": "yesterday"}, 400, "until"),
    ("/api/merged", {"status": "whatever"}, 400, "whatever"),
    ("/api/no-such-endpoint", {}, 404, "no-such-endpoint"),
]


@pytest.mark.parametrize("path, params, status, word", BAD, ids=[f"{p}?{q}" for p, q, _, _ in BAD])
def test_bad_parameters_are_clear_4xx(client, path, params, status, word):
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    body = r.json()
    assert word.lower() in body["error"].lower() and body["fix"] and body["status"] == status


def test_actors_countries_and_timeline(client):
    actors = {a["name"]: a for a in items(client, "/api/actors")}
    assert actors["Rwanda"]["events"] == 5 and actors["M23"]["events"] == 2 and actors["M23"]["kind"] == "armed_group"
    assert [a["name"] for a in items(client, "/api/actors", country="MOZ")] == ["Mozambique", "Protesters", "Rwanda"]
    countries = {c["iso3"]: c for c in items(client, "/api/countries")}
    assert countries["COD"]["events"] == 5 and countries["MOZ"]["events"] == 2 and countries["FRA"]["events"] == 0
    assert countries["COD"]["numeric"] == "180"  # the id of DR Congo's shape in the basemap
    tl = client.get("/api/timeline").json()
    months = [m["month"] for m in tl["months"]]
    assert months[0] == "2021-07" and months[-1] == "2024-03" and len(months) == 33  # gaps filled
    by = {m["month"]: m for m in tl["months"]}
    assert by["2021-07"] == {"month": "2021-07", "violence": 1, "cooperation": 1, "total": 2}
    assert by["2024-03"]["violence"] == 1 and by["2024-03"]["cooperation"] == 3 and by["2022-01"]["total"] == 0
    assert tl["undated"] == 1 and tl["year_only"] == 0
    assert client.get("/api/timeline", params={"country": "COD"}).json()["months"][0]["month"] == "2024-02"


def test_ontology(client):
    body = client.get("/api/ontology").json()
    assert "ATTACK" in body["event_types"] and body["families"]["DEPLOY"] == "cooperation"
    assert "alleged" in body["statuses"] and "fatalities" in body["quantity_keys"]


# --- analyses ------------------------------------------------------------------------------------

def test_deployments(client):
    ids = ids_of(client)
    deps = items(client, "/api/deployments")
    moz = [d for d in deps if d["host"] == "MOZ"]
    assert len(moz) == 1 and moz[0]["provider"]["country"] == "RWA"
    assert ids["cabo-1:DEPLOY"] in moz[0]["evidence"] and moz[0]["latest_troops"] == 1000
    assert [d["host"] for d in items(client, "/api/deployments", host="Mozambique")] == ["MOZ"]
    assert items(client, "/api/deployments", country="COD", since="2024") == [d for d in deps if d["host"] == "COD"]


def test_relations_are_cytoscape_json(client):
    graph = client.get("/api/relations").json()
    names = {n["data"]["id"] for n in graph["nodes"]}
    assert {"Rwanda", "M23"} <= names
    all_ids = set(ids_of(client).values())
    for edge in graph["edges"]:
        d = edge["data"]
        assert d["source"] in names and d["target"] in names and isinstance(d["current"], (int, float))
        assert {i for s in d["series"] for i in s["event_ids"]} <= all_ids
    focused = client.get("/api/relations", params={"actor": "M23"}).json()
    assert focused["actor"] == "M23" and focused["edges"]
    assert all("M23" in (e["data"]["source"], e["data"]["target"]) for e in focused["edges"])


def test_claims_thread_accusation_to_denial(client):
    ids = ids_of(client)
    threads = items(client, "/api/claims")
    rwanda = [t for t in threads if t["accused"]["name"] == "Rwanda"]
    assert len(rwanda) == 1 and rwanda[0]["status"] == "denied"
    assert {ids["goma-1:ACCUSE"], ids["goma-1:DENY"]} <= set(rwanda[0]["event_ids"])
    assert items(client, "/api/claims", country="MOZ") == []


def test_merged(client):
    merged = items(client, "/api/merged")
    assert sorted(i for m in merged for i in m["event_ids"]) == sorted(ids_of(client).values())


# --- downloads -----------------------------------------------------------------------------------

def test_exports_follow_the_filters(client):
    r = client.get("/api/export.csv", params={"country": "MOZ"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(csv.reader(io.StringIO(r.text)).__next__()) == COLUMNS
    assert sorted(row["type"] for row in rows) == ["DEPLOY", "PROTEST"]
    geo = client.get("/api/export.geojson", params={"type": ["PROTEST", "AID"]}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1  # AID has no coordinates
    assert geo["features"][0]["geometry"]["coordinates"] == [32.57, -25.97]
    lines = client.get("/api/export.jsonl", params={"since": "2024", "limit": 2}).text.strip().split("\n")
    assert len(lines) == 2 and all(json.loads(x)["doc_id"] == "goma-1" for x in lines)


# --- the workspace and the API description: everything served from here ---------------------

def test_openapi_and_docs_are_local(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
                 "/api/actors", "/api/deployments", "/api/relations", "/api/claims", "/api/export.csv",
                 "/api/export.geojson", "/api/health", "/api/ingest", "/api/events/{event_id}/review"):
        assert path in spec["paths"], path
    assert "delete" in spec["paths"]["/api/documents/{doc_id}"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text
    assert not re.search(r"(src|href)=[\"']?https?://", docs.text)  # no CDN
    for asset in re.findall(r"(?:src|href)=['\"](/static/[^'\"]+)", docs.text):
        assert client.get(asset).status_code == 200, asset


def test_workspace_assets_are_vendored(client):
    page = client.get("/")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    assets = re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", page.text)
    assert any("leaflet.js" in a for a in assets) and any("cytoscape" in a for a in assets)
    js = [a for a in assets if a.endswith(".js")]
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    main = client.get("/static/js/main.js").text
    modules = set(re.findall(r"from '\./([\w-]+\.js)'", main))
    assert {"map.js", "timeline.js", "network.js", "evidence.js", "review.js"} <= modules
    for name in modules:
        text = client.get(f"/static/js/{name}").text
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), name  # no remote fetches
    assert client.get("/static/vendor/world-atlas/countries-50m.json").json()["type"] == "Topology"
    assert js and not re.search(r"https?://", page.text)


# --- access ------------------------------------------------------------------------------------

WRITES = [("post", "/api/ingest", {"json": {"documents": []}}),
          ("post", "/api/events/1/review", {"json": {"action": "confirm"}}),
          ("delete", "/api/documents/goma-1", {})]


@pytest.mark.parametrize("method, path, kw", WRITES, ids=[p for _, p, _ in WRITES])
def test_writes_need_a_valid_token(client, tokens, store, method, path, kw):
    for headers in ({}, auth("trn_wrong"), {"Authorization": f"Token {tokens['admin']}"}, {"Authorization": "Bearer "}):
        r = getattr(client, method)(path, headers=headers, **kw)
        assert r.status_code == 401, (headers, r.text)
        assert "token" in r.json()["error"].lower() and "terrain token create" in r.json()["fix"]
        assert r.headers["www-authenticate"].startswith("Bearer")
    store.revoke_token("root")
    assert getattr(client, method)(path, headers=auth(tokens["admin"]), **kw).status_code == 401
    assert client.get("/api/health").status_code == 200  # reads stay open


def test_roles(client, tokens):
    r = client.delete("/api/documents/goma-1", headers=auth(tokens["analyst"]))
    assert r.status_code == 403 and "admin" in r.json()["error"] and "--role admin" in r.json()["fix"]
    assert client.get("/api/documents/goma-1").status_code == 200
    assert client.get("/api/whoami", headers=auth(tokens["analyst"])).json() == {"name": "alice", "role": "analyst"}
    r = client.delete("/api/documents/goma-1", headers=auth(tokens["admin"]))
    assert r.status_code == 200 and r.json() == {"deleted": "goma-1", "by": "root"}
    assert client.get("/api/documents/goma-1").status_code == 404
    assert client.get("/api/events").json()["total"] == 3
    assert client.delete("/api/documents/goma-1", headers=auth(tokens["admin"])).status_code == 404


# --- reviews -----------------------------------------------------------------------------------

def test_review_is_stored_with_who_and_when(client, tokens):
    ids = ids_of(client)
    attack, protest, aid = ids["goma-1:ATTACK"], ids["cabo-1:PROTEST"], ids["note-1:AID"]
    before = datetime.now(timezone.utc) - timedelta(seconds=5)
    r = client.post(f"/api/events/{attack}/review", headers=auth(tokens["analyst"]), json={"action": "confirm"})
    assert r.status_code == 200 and r.json()["reviewed"] == "confirmed" and r.json()["reviewed_by"] == "alice"
    got = client.get(f"/api/events/{attack}").json()
    assert got["reviewed"] == "confirmed" and got["reviewed_by"] == "alice"
    assert before <= datetime.fromisoformat(got["reviewed_at"]) <= datetime.now(timezone.utc) + timedelta(seconds=5)

    changes = {"type": "BATTLE", "quantities": {"fatalities": 14}, "date": "2021-07-09",
               "location": {"name": "Pemba", "country": "MOZ", "lat": -12.97, "lon": 40.52, "precision": "place"}}
    r = client.post(f"/api/events/{protest}/review", headers=auth(tokens["admin"]),
                    json={"action": "correct", "changes": changes})
    assert r.status_code == 200, r.text
    got = client.get(f"/api/events/{protest}").json()
    assert (got["type"], got["quantities"], got["date"], got["location"]["name"], got["reviewed"], got["reviewed_by"]) \
        == ("BATTLE", {"fatalities": 14}, "2021-07-09", "Pemba", "corrected", "root")
    assert set(ids_of(client, reviewed="true")) == {"goma-1:ATTACK", "cabo-1:BATTLE"}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv", params={"reviewed": "true"}).text)))
    assert sorted(r["reviewed"] for r in rows) == ["confirmed", "corrected"]  # exports mark reviewed records

    assert client.post(f"/api/events/{aid}/review", headers=auth(tokens["analyst"]),
                       json={"action": "reject"}).status_code == 200
    assert "note-1:AID" not in ids_of(client)  # rejected: hidden from reads...
    assert client.get(f"/api/events/{aid}").json()["reviewed"] == "rejected"  # ...but kept
    assert "note-1:AID" in ids_of(client, include_rejected="true")


@pytest.mark.parametrize("body, status, word", [
    ({"action": "approve"}, 422, "action"),
    ({}, 422, "action"),
    ({"action": "correct"}, 400, "correction"),
    ({"action": "correct", "changes": {"colour": "red"}}, 400, "colour"),
    ({"action": "correct", "changes": {"type": "PICNIC"}}, 400, "PICNIC"),
    ({"action": "correct", "changes": {"quantities": {"fatalities": -3}}}, 400, "fatalities"),
    ({"action": "confirm", "changes": {"type": "ATTACK"}}, 400, "confirm"),
])
def test_bad_reviews_are_4xx_and_write_nothing(client, tokens, body, status, word):
    attack = ids_of(client)["goma-1:ATTACK"]
    r = client.post(f"/api/events/{attack}/review", headers=auth(tokens["analyst"]), json=body)
    assert r.status_code == status, r.text
    assert word.lower() in r.json()["error"].lower() and r.json()["fix"]
    assert client.get(f"/api/events/{attack}").json()["reviewed"] is None
    r = client.post("/api/events/99999/review", headers=auth(tokens["analyst"]), json={"action": "confirm"})
    assert r.status_code == 404


# --- ingest ------------------------------------------------------------------------------------

def test_ingest_size_limits(client, tokens):
    h = auth(tokens["analyst"])
    big = "x" * (MAX_DOCUMENT + 10)
    r = client.post("/api/ingest", headers=h, json={"documents": [{"id": "big", "text": big}]})
    assert r.status_code == 413 and "documents[0]" in r.json()["error"] and "1.0 MB" in r.json()["error"]
    r = client.post("/api/ingest", headers=h, files=[("files", ("big.txt", big.encode(), "text/plain"))])
    assert r.status_code == 413 and "big.txt" in r.json()["error"]
    lines = b'{"id": "a", "text": "fine"}\n' + json.dumps({"id": "b", "text": big}).encode()
    r = client.post("/api/ingest", headers=h, files=[("files", ("many.jsonl", lines, "application/jsonl"))])
    assert r.status_code == 413 and "many.jsonl:2" in r.json()["error"]
    huge = [("files", (f"f{i}.txt", b"y" * (MAX_DOCUMENT - 100), "text/plain")) for i in range(MAX_REQUEST // MAX_DOCUMENT + 1)]
    r = client.post("/api/ingest", headers=h, files=huge)
    assert r.status_code == 413 and "per request" in r.json()["error"] and r.json()["fix"]
    assert client.get("/api/documents").json()["total"] == 3  # nothing stored


def test_ingest_bad_bodies_get_the_clis_messages(client, tokens):
    h = auth(tokens["analyst"])
    r = client.post("/api/ingest", headers=h, files=[("files", ("notes.jsonl", b'{"id": "a", "text": "x"\n', "text/plain"))])
    assert r.status_code == 400
    err = r.json()["errors"][0]
    assert err["message"].startswith("notes.jsonl:1: malformed JSON") and err["line"] == 1
    assert err["fix"] == 'make each line one JSON object with "id" and "text"'
    r = client.post("/api/ingest", headers=h, json={"documents": [{"id": "x"}, {"text": "no id"}]})
    assert r.status_code == 400 and r.json()["summary"]["failed"] == 2
    assert [e["file"] for e in r.json()["errors"]] == ["documents[0]", "documents[1]"]
    assert "no 'text'" in r.json()["errors"][0]["message"] and "no 'id'" in r.json()["errors"][1]["message"]
    r = client.post("/api/ingest", headers=h, files=[("files", ("scan.pdf", b"%PDF-1.4", "application/pdf"))])
    assert r.status_code == 400 and "unsupported file type .pdf" in r.json()["errors"][0]["message"]
    r = client.post("/api/ingest", headers={**h, "Content-Type": "application/json"}, content=b"{not json")
    assert r.status_code == 400 and "not valid JSON" in r.json()["error"]
    r = client.post("/api/ingest", headers=h, json={"docs": []})
    assert r.status_code == 400 and '"documents"' in r.json()["error"]
    r = client.post("/api/ingest", headers={**h, "Content-Type": "text/plain"}, content=b"hello")
    assert r.status_code == 415 and r.json()["fix"]
    r = client.post("/api/ingest", headers=h, json={"documents": []})
    assert r.status_code == 400 and "nothing to ingest" in r.json()["error"]
    assert client.get("/api/documents").json()["total"] == 3


@pytest.mark.slow
def test_ingest_json_runs_the_pipeline(client, tokens):
    doc = {"id": "api-1", "title": "Clashes in Sake", "published": "2024-02-07", "source": "Test Wire",
           "text": "M23 rebels attacked the town of Sake in North Kivu on 6 February 2024, killing five civilians."}
    r = client.post("/api/ingest", headers=auth(tokens["analyst"]), json={"documents": [doc]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["summary"]["new"] == 1 and body["summary"]["events"] >= 1 and body["errors"] == []
    assert body["documents"] == ["api-1"] and body["by"] == "alice"
    stored = client.get("/api/documents/api-1").json()
    assert stored["title"] == "Clashes in Sake" and stored["published"] == "2024-02-07"
    assert any(e["type"] == "ATTACK" for e in stored["events"])
    again = client.post("/api/ingest", headers=auth(tokens["analyst"]), json={"documents": [doc]}).json()
    assert again["summary"]["unchanged"] == 1 and again["summary"]["new"] == 0


@pytest.mark.slow
def test_ingest_multipart_files_with_one_bad_line(client, tokens):
    jsonl = (b'{"id": "up-2", "text": "Rwandan troops were deployed to Cabo Delgado in Mozambique on 9 July 2021."}\n'
             b'{"id": "up-3", "text": oops}\n')
    files = [("files", ("report.txt", "Protesters marched in Maputo on 3 May 2023.".encode(), "text/plain")),
             ("files", ("batch.jsonl", jsonl, "application/jsonl"))]
    r = client.post("/api/ingest", headers=auth(tokens["analyst"]), files=files)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["summary"]["new"] == 2 and body["summary"]["failed"] == 1
    assert sorted(body["documents"]) == ["report", "up-2"]
    assert body["errors"][0]["message"].startswith("batch.jsonl:2: malformed JSON")
    assert client.get("/api/documents/report").json()["text"].startswith("Protesters marched")
