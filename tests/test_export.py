"""Exports: JSON Lines is the ontology's record, CSV is flat with a fixed header, GeoJSON is valid."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from terrain.cli import main
from terrain.export import COLUMNS, ExportError, export, write
from terrain.records import QUANTITY_KEYS, Actor, Document, Event, Evidence, Location, StoredEvent
from terrain.store import EventFilter

TEXT = "Rwanda could deploy 350 troops to Dassari. Gunmen killed two policemen. Kigali denied it."
DOC = Document("fp-1", TEXT, title="Rwanda", published="2022-09-05", source="Test Wire")
ONTOLOGY_KEYS = {"doc_id", "type", "actor1", "actor2", "country", "location", "date", "date_precision",
                 "quantities", "status", "attributed_to", "evidence"}


def _ev(sentence: str, type_: str, a1: Actor | None, a2: Actor | None = None, **kw) -> Event:
    start = TEXT.index(sentence)
    return Event(DOC.doc_id, type_, a1, a2, Evidence(sentence, start, start + len(sentence)), **kw)


def events() -> list[Event]:
    return [
        _ev("Rwanda could deploy 350 troops to Dassari.", "DEPLOY", Actor("Rwanda", "state_forces", "RWA"),
            Actor("Benin", "state", "BEN"), country="BEN", date="2022-09", date_precision="month",
            location=Location("Dassari", "BEN", "place", "Atakora", 10.8, 1.2), quantities={"troops": 350.0},
            status="planned", attributed_to="Bloomberg"),
        _ev("Gunmen killed two policemen.", "ATTACK", Actor("Unidentified gunmen", "armed_group"), None,
            country="BEN", quantities={"fatalities": 2}),
        _ev("Kigali denied it.", "DENY", Actor("Rwanda", "state", "RWA"), None, refers_to=0),
    ]


def render(evs, fmt: str) -> str:
    buf = io.StringIO()
    write(evs, fmt, buf)
    return buf.getvalue()


def test_jsonl_is_the_ontology_record(shared_dir):
    # The keys of the example record in ONTOLOGY.md, read from the spec itself.
    spec = (shared_dir / "spec" / "ONTOLOGY.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", spec, re.S).group(1))
    lines = render(events(), "jsonl").splitlines()
    assert len(lines) == 3
    for line, original in zip(lines, events()):
        rec = json.loads(line)
        assert set(rec) == set(example) == ONTOLOGY_KEYS
        assert set(rec["actor1"]) == set(example["actor1"]) and set(rec["evidence"]) == set(example["evidence"])
        assert rec == original.to_record()
        assert Event.from_record(rec).to_record() == rec


def test_jsonl_adds_reviewed_only_when_reviewed():
    plain, reviewed = (StoredEvent(**vars(e), id=7) for e in events()[:2])
    reviewed.reviewed = "corrected"
    first, second = (json.loads(x) for x in render([plain, reviewed], "jsonl").splitlines())
    assert set(first) == ONTOLOGY_KEYS  # no database id: the record is the contract
    assert set(second) == ONTOLOGY_KEYS | {"reviewed"} and second["reviewed"] == "corrected"


def test_csv_is_flat():
    text = render(events(), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0].split(",") == list(COLUMNS)
    assert COLUMNS[:5] == ("doc_id", "type", "actor1_name", "actor1_kind", "actor1_country")
    assert set(QUANTITY_KEYS) <= set(COLUMNS) and COLUMNS[-1] == "reviewed"
    deploy, attack, deny = rows
    assert (deploy["troops"], deploy["location_lat"], deploy["location_lon"]) == ("350", "10.8", "1.2")
    assert (deploy["actor2_name"], deploy["status"], deploy["attributed_to"]) == ("Benin", "planned", "Bloomberg")
    assert (attack["fatalities"], attack["actor2_name"], attack["actor1_country"]) == ("2", "", "")
    start = int(deny["evidence_start"])
    assert TEXT[start:int(deny["evidence_end"])] == deny["evidence_text"] == "Kigali denied it."


def test_geojson_locates_what_has_coordinates():
    collection = json.loads(render(events(), "geojson"))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]  # only the DEPLOY has a point
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [1.2, 10.8]}  # lon, lat
    assert set(feature["properties"]) == set(COLUMNS)
    assert feature["properties"]["type"] == "DEPLOY" and feature["properties"]["troops"] == 350
    assert json.loads(render([], "geojson")) == {"type": "FeatureCollection", "features": []}


def test_unknown_format():
    with pytest.raises(ExportError, match="jsonl, csv, geojson"):
        write(events(), "xlsx", io.StringIO())


def test_export_from_store_with_reviews(store, tmp_path):
    store.save_document(DOC, events())
    by_type = {e.type: e for e in store.events()}
    store.review(by_type["ATTACK"].id, "reject", "ana")
    store.review(by_type["DEPLOY"].id, "correct", "ana", {"quantities": {"troops": 700}})
    out = tmp_path / "out" / "events.jsonl"
    assert export(store.url, "jsonl", str(out), EventFilter(country="BEN")) == 1
    [rec] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert (rec["type"], rec["quantities"], rec["reviewed"]) == ("DEPLOY", {"troops": 700}, "corrected")
    assert export(store.url, "csv", str(out), EventFilter(include_rejected=True)) == 3


def test_cli_export(store, tmp_path):
    store.save_document(DOC, events())
    out = tmp_path / "map.geojson"
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--db", store.url, "--format", "geojson", "--out", str(out),
                               "--type", "deploy", "--country", "BEN", "--since", "2022"])
    assert res.exit_code == 0, res.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 1
    res = runner.invoke(main, ["export", "--db", store.url, "--actor", "rwanda", "--until", "2022-09"])
    assert res.exit_code == 0 and [json.loads(x)["type"] for x in res.output.splitlines()] == ["DEPLOY", "DENY"]
    # A bad filter is a message and exit code 2, and leaves an earlier export as it was.
    res = runner.invoke(main, ["export", "--db", store.url, "--out", str(out), "--since", "2023", "--until", "2022"])
    assert res.exit_code == 2 and "after until" in res.output
    assert json.loads(out.read_text(encoding="utf-8"))["features"]
    assert "Example:" in runner.invoke(main, ["export", "--help"]).output


def test_failed_export_keeps_the_previous_file(store, tmp_path, monkeypatch):
    store.save_document(DOC, events())
    out = tmp_path / "events.csv"
    export(store.url, "csv", str(out))
    before = out.read_text(encoding="utf-8")

    def broken(evs, fmt, fh):
        fh.write("doc_id,type\npartial")
        raise OSError("disk full")

    monkeypatch.setattr("terrain.export.write", broken)
    with pytest.raises(OSError):
        export(store.url, "csv", str(out))
    assert out.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".events")] == []
