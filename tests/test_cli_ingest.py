"""`terrain ingest` end to end: the summary, idempotence, bad inputs named with their fix, the exit code,
and evidence offsets that point at the sentence in the stored text. Needs the full spaCy model."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from terrain.cli import main
from terrain.store import EventFilter, Store

pytestmark = pytest.mark.slow

REPORT = ("Gunmen attack police post in northern Benin\n\n"
          "On 3 May 2024, unidentified gunmen attacked a police post at Karimama in Alibori department, "
          "killing two officers, the government said.\n")


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_ingest_is_idempotent_and_reports_a_summary(tmp_path, db_url):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    first = run("ingest", str(tmp_path / "report.txt"), "--db", db_url)
    assert first.exit_code == 0, first.output
    assert "1 new" in first.output
    again = run("ingest", str(tmp_path / "report.txt"), "--db", db_url)
    assert "0 new, 0 updated, 1 unchanged" in again.output
    with Store(db_url) as store:
        assert store.count_documents() == 1
        events = store.events(EventFilter(doc_id="report"))
    attack = next(e for e in events if e.type == "ATTACK")
    assert attack.quantities.get("fatalities") == 2
    assert attack.country == "BEN"


def test_bad_inputs_are_named_the_rest_goes_on_and_exit_code_is_1(tmp_path, db_url):
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text(
        json.dumps({"id": "n1", "text": REPORT}) + "\n{not json\n", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", db_url])
    assert result.exit_code == 1
    assert "notes.jsonl:2" in result.output and "fix:" in result.output
    assert "blob.txt" in result.output
    assert "2 new" in result.output and "2 failed" in result.output
    with Store(db_url) as store:
        assert {d.doc_id for d in store.documents()} == {"good", "n1"}


def test_standard_input(tmp_path):
    db = f"sqlite:///{tmp_path / 'stdin.db'}"
    result = run("ingest", "-", "--db", db, input=REPORT)
    assert result.exit_code == 0 and "1 new" in result.output


def test_every_exported_event_has_evidence_offsets_into_the_stored_text(tmp_path, shared_dir):
    db = f"sqlite:///{tmp_path / 'seeds.db'}"
    assert run("ingest", str(shared_dir / "corpus" / "seeds"), "--db", db).exit_code == 0
    out = tmp_path / "events.jsonl"
    assert run("export", "--format", "jsonl", "--out", str(out), "--db", db).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    with Store(db) as store:
        texts = {d.doc_id: d.text for d in store.documents()}
    for rec in records:
        ev = rec["evidence"]
        assert ev["text"].strip()
        assert texts[rec["doc_id"]][ev["start"]:ev["end"]] == ev["text"]


def test_seed_articles_meet_the_extraction_bar(tmp_path, shared_dir):
    """Issue 2 asks >= 0.60 recall and precision on the seeds; issue 3 asks >= 0.85 (and 0.85 accuracy of
    location, quantities and status). No rule is written for a seed sentence."""
    from terrain.evaluate.gold import evaluate

    db = f"sqlite:///{tmp_path / 'seeds.db'}"
    run("ingest", str(shared_dir / "corpus" / "seeds"), "--db", db)
    with Store(db) as store:
        report = evaluate(str(shared_dir / "gold" / "seeds.jsonl"), store)
    assert report.recall >= 0.85 and report.precision >= 0.85, report.to_dict()
    acc = report.to_dict()["accuracy"]
    for measure in ("location", "quantities", "status"):
        assert acc[measure]["accuracy"] >= 0.85, acc
