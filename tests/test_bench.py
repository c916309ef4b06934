"""bench/throughput.py runs end to end on a tiny input. No timing is asserted: speed is judged by the
benchmark's side-by-side ratios, never by a timed unit test (CONTRIBUTING.md)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "throughput.py"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.slow
def test_throughput_runs_and_reports_all_configs(tmp_path):
    out = tmp_path / "bench.json"
    proc = _run("--docs", "4", "--repeat", "1", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text())
    assert report["documents"] == 4 and report["words"] > 0
    assert report["events_stored"] > 0  # the terrain runs really extracted and stored
    configs = {(r["kind"], r["processes"]): r for r in report["results"]}
    assert set(configs) == {("spacy", 1), ("terrain", 1), ("spacy", 2), ("terrain", 2)}
    for (kind, p), r in configs.items():
        assert len(r["seconds"]) == 1
        assert r["docs_per_s"] > 0 and r["words_per_s"] > 0 and r["ratio_vs_bare_spacy"] > 0
        assert r["config"] in proc.stdout  # the table row is printed
    assert configs[("spacy", 1)]["ratio_vs_bare_spacy"] == 1.0
    assert len(report["loadavg_before"]) == 3
    assert "| config | docs/s | words/s |" in proc.stdout


@pytest.mark.slow
def test_throughput_repeats_documents_beyond_the_corpus(tmp_path):
    """Copies of a document get their own ids, so the idempotent store stores each (the script exits
    non-zero when fewer documents than asked are stored)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Rwandan troops deployed to Cabo Delgado in July 2021.\n")
    (corpus / "b.txt").write_text("Protesters marched in Goma on 25 July 2022 against the UN mission.\n")
    out = tmp_path / "bench.json"
    proc = _run("--corpus", str(corpus), "--docs", "5", "--repeat", "2", "--processes", "1", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text())
    assert report["documents"] == 5 and report["base_documents"] == 2
    assert [r["processes"] for r in report["results"]] == [1, 1]
    assert all(len(r["seconds"]) == 2 for r in report["results"])


def test_throughput_rejects_bad_arguments():
    proc = _run("--docs", "0")
    assert proc.returncode == 2 and "--docs" in proc.stderr


@pytest.mark.slow
def test_throughput_on_acled_notes(tmp_path):
    out = tmp_path / "bench.json"
    proc = _run("--acled", str(ROOT / "tests" / "fixtures" / "acled_tiny.csv"), "--limit", "3", "--docs", "3",
                "--repeat", "1", "--processes", "1", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text())
    assert report["documents"] == 3 and report["source"].endswith("acled_tiny.csv")
    assert all(r["docs_per_s"] > 0 for r in report["results"])
