"""Briefs: terrain.analysis.brief and `terrain brief`.

Events are built by hand, modelled on documented 2020-2025 events: Rwanda's deployments to the Central
African Republic (December 2020) and Cabo Delgado (July 2021, 1,000 troops, later about 2,500), the
planned deployment to Benin (about 350), the M23 accusations and Kigali's denials, and the fall of Goma.
"""
from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from markupsafe import escape

from terrain.analysis.brief import render_brief
from terrain.errors import TerrainError
from terrain.records import Actor, Document, Evidence, Location, StoredEvent

ROOT = Path(__file__).resolve().parents[1]
RWA, RDF = Actor("Rwanda", "state", "RWA"), Actor("Rwanda", "state_forces", "RWA")
MOZ, CAF, BEN = Actor("Mozambique", "state", "MOZ"), Actor("Central African Republic", "state", "CAF"), \
    Actor("Benin", "state", "BEN")
COD, FARDC = Actor("DR Congo", "state", "COD"), Actor("DR Congo", "state_forces", "COD")
M23, ISM = Actor("M23", "armed_group", "COD"), Actor("Islamic State Mozambique", "armed_group", "MOZ")
CABO = Location("Cabo Delgado", "MOZ", "admin1", lat=-12.3, lon=39.5)
MOCIMBOA = Location("Mocímboa da Praia", "MOZ", "place", admin1="Cabo Delgado", lat=-11.35, lon=40.35)
BANGUI = Location("Bangui", "CAF", "place", lat=4.36, lon=18.56)
GOMA = Location("Goma", "COD", "place", admin1="North Kivu", lat=-1.68, lon=29.22)

DEPLOY_2021 = "Rwanda deployed 1,000 soldiers and police to Cabo Delgado on Friday at Maputo's request."
DEPLOY_2022 = "Some 2,500 Rwandan troops now secure Mocímboa da Praia, the army said."
KINSHASA = "Kinshasa accused Rwanda of backing the M23 rebels, an allegation Kigali denies."

# (doc_id, title, source, published, events: (type, a1, a2, country, location, date, quantities, status, text))
REPORTS = [
    ("outlet-car-2020", "Rwanda sends troops to Central African Republic", "The Courier", "2020-12-21", [
        ("DEPLOY", RDF, CAF, "CAF", BANGUI, "2020-12-20", {"troops": 300}, "asserted",
         "Rwanda sent 300 troops to Bangui under a bilateral defence agreement.")]),
    ("outlet-moz-2021", "Rwandan troops arrive in Cabo Delgado", "The Courier", "2021-07-10", [
        ("REQUEST", MOZ, RWA, None, None, "2021-07", {}, "asserted", "Maputo had asked Kigali for help."),
        ("DEPLOY", RDF, MOZ, "MOZ", CABO, "2021-07-09", {"troops": 1000}, "asserted", DEPLOY_2021)]),
    ("outlet-moz-2021b", "Rwandan-led forces retake Mocímboa da Praia", "Lake Post", "2021-08-09", [
        ("SEIZE", RDF, ISM, "MOZ", MOCIMBOA, "2021-08-08", {}, "asserted",
         "Rwandan and Mozambican forces retook the port town of Mocímboa da Praia."),
        ("BATTLE", RDF, ISM, "MOZ", MOCIMBOA, "2021-08-07", {"fatalities": 14}, "claimed",
         "The army said 14 insurgents were killed in clashes near the town.")]),
    ("outlet-moz-2022", "A year on, Rwanda holds Cabo Delgado", "Lake Post", "2022-09-28", [
        ("DEPLOY", RDF, MOZ, "MOZ", MOCIMBOA, "2022-09-27", {"troops": 2500}, "asserted", DEPLOY_2022),
        ("AGREE", RWA, MOZ, None, None, "2022-06", {}, "asserted",
         "Rwanda and Mozambique signed a memorandum of understanding in June.")]),
    ("outlet-ben-2022", "Rwanda could send troops to Benin", "The Courier", "2022-09-30", [
        ("DEPLOY", RDF, BEN, "BEN", None, None, {"troops": 350}, "planned",
         "Around 350 Rwandans could be deployed initially, a figure that could then double.")]),
    ("outlet-drc-2022", "Kinshasa and Kigali trade accusations", "Great Lakes Wire", "2022-06-16", [
        ("ACCUSE", COD, RWA, None, None, "2022-06-15", {}, "asserted", KINSHASA),
        ("SUPPORT", RWA, M23, "COD", None, "2022-06-15", {}, "alleged", KINSHASA),
        ("DENY", RWA, COD, None, None, "2022-06-15", {}, "asserted", KINSHASA)]),
    ("outlet-goma-2025", "M23 takes Goma", "Great Lakes Wire", "2025-01-28", [
        ("SEIZE", M23, FARDC, "COD", GOMA, "2025-01-27", {}, "asserted", "M23 rebels took control of Goma."),
        ("BATTLE", RDF, FARDC, "COD", GOMA, "2025-01-26", {"fatalities": 700}, "alleged",
         "Congolese officials said Rwandan soldiers fought alongside M23 in Goma, where 700 died.")]),
]

_ids = iter(range(1, 100_000))


def stored_events() -> list[StoredEvent]:
    out = []
    for doc_id, title, source, published, rows in REPORTS:
        for type_, a1, a2, country, loc, date, q, status, text in rows:
            out.append(StoredEvent(
                doc_id=doc_id, type=type_, actor1=a1, actor2=a2, evidence=Evidence(text, 0, len(text)),
                country=country, location=loc, date=date, quantities=dict(q), status=status, id=next(_ids),
                document_title=title, document_source=source, document_published=published))
    by_text = {(e.doc_id, e.type): e for e in out}
    accuse, support, deny = (by_text[("outlet-drc-2022", t)] for t in ("ACCUSE", "SUPPORT", "DENY"))
    accuse.linked_ids, deny.linked_ids, support.linked_ids = [support.id], [support.id], [accuse.id, deny.id]
    return out


def footnotes(md: str) -> dict[int, str]:
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\[(\d+)\] (.+)$", md, re.M)}


def cited(text: str) -> set[int]:
    out = set()
    for group in re.findall(r"\[(\d+(?:[–,\s]+\d+)*)\]", text):
        for part in group.split(","):
            a, _, b = part.strip().partition("–")
            out |= set(range(int(a), int(b or a) + 1))
    return out


def test_markdown_brief_has_deployments_footnotes_and_charts(tmp_path: Path):
    out = render_brief(stored_events(), "Rwanda", fmt="md", out=tmp_path / "rwanda.md", today="2025-02-01")
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Rwanda — security brief")
    notes = footnotes(md)
    body = md.split("## Sources")[0]
    assert cited(body) == set(notes), "every mark has a footnote and every footnote is cited"
    # the deployments table: Mozambique active, latest troops 2,500 cited to the sentence that says so
    row = next(line for line in md.splitlines() if line.startswith("| Rwanda | Mozambique"))
    assert "| active |" in row and "| 2,500 [" in row
    latest = int(re.search(r"\| 2,500 \[(\d+)\]", row).group(1))
    assert DEPLOY_2022 in notes[latest] and "Lake Post" in notes[latest] and "2022-09-28" in notes[latest]
    benin = next(line for line in md.splitlines() if line.startswith("| Rwanda | Benin"))
    assert "| planned |" in benin and "350" in benin
    congo = next(line for line in md.splitlines() if line.startswith("| Rwanda | DR Congo"))
    assert "| alleged |" in congo
    assert any(DEPLOY_2021 in n for n in notes.values())
    assert any("33,000" in n or "Military Balance" in n for n in notes.values())  # force size, cited
    # charts: real PNG files beside the .md, linked from it
    for name in ("overstretch", "relations", "map"):
        png = tmp_path / f"rwanda-{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and f"]({png.name})" in md
    assert "## Claims and denials" in md and "| denied |" in md
    assert "M23" in md and "Goma" in md


def test_html_brief_is_self_contained_with_cited_figures(tmp_path: Path):
    out = render_brief(stored_events(), "RWA", fmt="html", out=tmp_path / "b.html")
    page = out.read_text(encoding="utf-8")
    assert "<title>Rwanda — security brief</title>" in page
    images = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(images) == 3 and all(base64.b64decode(i)[:4] == b"\x89PNG" for i in images)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page), "no external assets"
    assert re.search(r'<table>\s*<thead><tr><th>Provider</th>', page)
    for sentence in (DEPLOY_2021, DEPLOY_2022, KINSHASA):
        assert f"<q>{escape(sentence)}</q>" in page
    marks = {int(n) for n in re.findall(r'<a href="#fn-(\d+)">', page)}
    notes = {int(n) for n in re.findall(r'<li id="fn-(\d+)">', page)}
    assert marks and marks <= notes


def test_brief_on_an_actor_and_an_unknown_subject(tmp_path: Path):
    out = render_brief(stored_events(), "M23", fmt="md", out=tmp_path / "m23.md")
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# M23 — security brief") and "Goma" in md and "| denied |" in md
    with pytest.raises(TerrainError) as err:
        render_brief(stored_events(), "Rwandaa", fmt="md", out=tmp_path / "x.md")
    assert "Rwanda" in err.value.fix
    with pytest.raises(TerrainError):
        render_brief(stored_events(), "Rwanda", fmt="docx", out=tmp_path / "x.docx")


@pytest.mark.slow
@pytest.mark.browser
def test_pdf_brief_renders(tmp_path: Path):
    out = render_brief(stored_events(), "Rwanda", fmt="pdf", out=tmp_path / "rwanda.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000


def _save(store) -> None:
    events = stored_events()
    for doc_id, title, source, published, _ in REPORTS:
        mine = [e for e in events if e.doc_id == doc_id]
        index = {e.id: i for i, e in enumerate(mine)}
        for e in mine:
            e.refers_to = next((index[i] for i in e.linked_ids if i in index and e.type in ("ACCUSE", "DENY")), None)
        text = " ".join(dict.fromkeys(e.evidence.text for e in mine))
        store.save_document(Document(doc_id=doc_id, text=text, title=title, published=published, source=source),
                            mine)


@pytest.mark.slow
@pytest.mark.browser
def test_cli_brief_rwanda_html_opens_in_chromium(store, db_url, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    from terrain.cli import main

    _save(store)
    out = tmp_path / "brief-rwanda.html"
    run = CliRunner().invoke(main, ["brief", "Rwanda", "--format", "html", "--out", str(out), "--db", db_url])
    assert run.exit_code == 0, run.output
    shot = ROOT / "test-output" / "brief-rwanda.png"
    shot.parent.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            page.goto(out.as_uri())
            assert page.title() == "Rwanda — security brief"
            widths = page.evaluate("Array.from(document.images).map(i => i.complete ? i.naturalWidth : 0)")
            assert len(widths) == 3 and all(w > 0 for w in widths)
            # CAR, Mozambique, Benin (planned) and DR Congo (alleged: "Rwandan soldiers fought alongside M23")
            assert page.locator("#deployments table tbody tr").count() == 4
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.read_bytes()[:4] == b"\x89PNG"
    print(f"screenshot: {shot}")
