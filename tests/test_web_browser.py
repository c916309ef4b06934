"""The workspace in a real browser (Debian's Chromium driven by Playwright) over the demo corpus.

A uvicorn server runs in a thread on a free loopback port over a SQLite database filled by ingesting
the demo corpus. The tests filter to one country, click an event on the map and check its evidence
sentence is highlighted, open evidence from a timeline bar, a network edge and a deployments row,
reload a copied URL, and correct an event in the review panel (then check the API stored it). Every
request the page makes must stay on 127.0.0.1: all assets are vendored. Screenshots go to test-output/.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
# Functions, not expressions: the workspace's Content-Security-Policy forbids eval, which Playwright
# would use for a bare expression.
READY = "() => document.body.dataset.ready === 'true' && document.body.dataset.loading === 'false'"


@dataclass
class Site:
    base: str
    token: str
    token_name: str

    def api(self, path: str, **params):
        r = httpx.get(self.base + path, params=params, timeout=30)
        r.raise_for_status()
        return r.json()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import uvicorn

    from terrain.analysis.landscape import demo_corpus_path
    from terrain.pipeline import ingest_paths
    from terrain.store import Store
    from terrain.web.app import create_app

    corpus = demo_corpus_path()
    assert corpus.is_dir() and any(corpus.glob("*.txt")), f"the demo corpus is missing at {corpus}"
    db = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    with Store(db) as store:
        summary = ingest_paths([str(corpus)], store)
        assert summary.failed == 0 and summary.events > 50, summary.line()
        token = store.create_token("browser-analyst", "analyst")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield Site(f"http://127.0.0.1:{port}", token, "browser-analyst")
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: scripts/setup-system installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@dataclass
class Tab:
    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def shot(self, name: str) -> Path:
        OUT.mkdir(exist_ok=True)
        path = OUT / name
        self.page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000  # a rendered page, not a blank one
        return path

    def stayed_local(self) -> None:
        off = [u for u in self.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).hostname != "127.0.0.1"]
        assert self.requests and not off, off
        assert not self.errors, self.errors


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 900})
    page = context.new_page()
    t = Tab(page)
    page.on("request", lambda r: t.requests.append(r.url))
    page.on("pageerror", lambda e: t.errors.append(f"pageerror: {e}"))
    page.on("console", lambda m: t.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.set_default_timeout(20_000)
    yield t
    context.close()


def load(tab: Tab, url: str) -> None:
    tab.page.goto(url)
    tab.page.wait_for_function(READY)


def mark_id(page) -> int:
    page.wait_for_selector("#evidence-mark")
    return int(page.get_attribute("#evidence-mark", "data-id"))


def assert_highlighted(page, site: Site, allowed: set[int]) -> dict:
    """The open event is one of ``allowed``; its evidence sentence is the highlighted text, in view."""
    # Wait for the click's event to replace the one open before (opening is asynchronous).
    try:
        page.wait_for_function("ids => ids.includes(+document.querySelector('#evidence-mark')?.dataset.id)",
                               arg=sorted(allowed), timeout=10_000)
    except Exception:
        pass  # the assertion below says which event is open instead
    eid = mark_id(page)
    assert eid in allowed
    event = site.api(f"/api/events/{eid}")
    assert page.inner_text("#evidence-mark") == event["evidence"]["text"]
    mark, doc = page.locator("#evidence-mark").bounding_box(), page.locator("#document").bounding_box()
    assert doc["y"] <= mark["y"] + 2 and mark["y"] < doc["y"] + doc["height"]  # scrolled into view
    return event


def test_filter_to_a_country_and_click_an_event_on_the_map(tab, site):
    load(tab, site.base + "/")
    assert tab.page.locator("path.ev-marker").count() > 10
    tab.shot("workspace-start.png")
    first = tab.page.locator("path.ev-marker").last  # drawn last: on top of any other
    first.click()
    assert_highlighted(tab.page, site, {int(i) for i in first.get_attribute("data-ids").split(",")})
    # The README's picture (docs/screenshots/workspace.png is a copy): a deployment, opened from its URL.
    deploys = [e for e in site.api("/api/events", type="DEPLOY", limit=1000)["items"]
               if e["location"] and e["location"]["lat"] is not None and e["quantities"].get("troops")]
    tab.page.goto("about:blank")
    load(tab, f"{site.base}/#view=map&event={deploys[0]['id']}")
    assert_highlighted(tab.page, site, {deploys[0]["id"]})
    tab.shot("workspace.png")

    events = site.api("/api/events", limit=1000)["items"]
    placed = Counter(e["location"]["country"] for e in events if e["location"] and e["location"]["lat"] is not None)
    iso, _ = placed.most_common(1)[0]
    tab.page.select_option("#f-country", iso)
    tab.page.wait_for_function(READY)
    assert f"country={iso}" in tab.page.url
    expected = {e["id"] for e in site.api("/api/events", country=iso, limit=1000)["items"]}
    shown = set()
    for ids in tab.page.locator("path.ev-marker").evaluate_all("els => els.map(e => e.dataset.ids)"):
        shown |= {int(i) for i in ids.split(",")}
    assert shown == expected  # the map shows exactly the filtered events

    marker = tab.page.locator('path.ev-marker[data-exact="true"]').last  # drawn last: on top
    clicked = {int(i) for i in marker.get_attribute("data-ids").split(",")}
    marker.click()
    event = assert_highlighted(tab.page, site, clicked)
    assert iso in (event["country"], event["location"]["country"])
    tab.page.locator("#evidence-mark").hover()
    tab.shot("workspace-evidence.png")

    # The URL reproduces the view: the filter and the open event.
    url = tab.page.url
    assert f"event={event['id']}" in url
    load(tab, url)
    assert tab.page.input_value("#f-country") == iso and mark_id(tab.page) == event["id"]
    tab.stayed_local()


def test_a_bar_an_edge_and_a_row_open_their_evidence(tab, site):
    load(tab, site.base + "/#view=map&since=2021")
    bars = tab.page.locator("g.tl-bar[data-total]:not([data-total='0'])")
    totals = [int(t) for t in bars.evaluate_all("els => els.map(e => e.dataset.total)")]
    bar = bars.nth(totals.index(max(totals)))
    month = bar.get_attribute("data-month")
    bar.click()
    items = site.api("/api/events", since=month, until=month, limit=1000)["items"]
    month_ids = {e["id"] for e in items}
    # the bar counts the events dated within the month; the filter also keeps those dated only by the year
    dated = {e["id"] for e in items if (e["date"] or e["document"]["published"]).startswith(month)}
    assert len(dated) == max(totals)
    event = assert_highlighted(tab.page, site, month_ids)
    when = event["date"] or event["document"]["published"]
    assert when.startswith(month) or month.startswith(when)  # in the month, or dated only by its year

    tab.page.click(".tabs button[data-view=network]")
    tab.page.wait_for_selector("#network canvas")
    edges = sorted(site.api("/api/relations", since="2021")["edges"], key=lambda e: -e["data"]["n_events"])
    opened = False
    for edge in edges[:6]:  # an edge's midpoint can lie under a node: try the next one
        point = tab.page.evaluate("id => window.terrain.edgeMidpoint(id)", edge["data"]["id"])
        tab.page.mouse.click(point["x"], point["y"])
        label = tab.page.locator("#selection .sel-head b")
        try:
            label.filter(has_text=f"{edge['data']['source']} — {edge['data']['target']}").wait_for(timeout=3000)
        except Exception:
            continue  # the click landed on a node (which opens that node's evidence): try the next edge
        ids = {i for s in edge["data"]["series"] for i in s["event_ids"]}
        assert_highlighted(tab.page, site, ids)
        opened = True
        break
    assert opened, "no edge click opened its evidence"
    tab.shot("workspace-network.png")

    tab.page.click(".tabs button[data-view=deployments]")
    row = tab.page.locator("#view-deployments tr.clickable").first
    key = row.get_attribute("data-key")
    row.click()
    dep = next(d for d in site.api("/api/deployments", since="2021")["items"] if d["key"] == key)
    assert_highlighted(tab.page, site, set(dep["evidence"]))
    tab.shot("workspace-deployments.png")
    tab.stayed_local()


def test_correct_an_event_in_the_review_panel(tab, site):
    events = site.api("/api/events", type="ATTACK", reviewed="false", limit=1000)["items"]
    target = next(e for e in events if e["location"] and e["location"]["lat"] is not None)
    load(tab, f"{site.base}/#view=map&event={target['id']}")
    assert mark_id(tab.page) == target["id"]

    tab.page.click("#token-button")
    tab.page.fill("#token-input", site.token)
    tab.page.click("#token-save")
    tab.page.wait_for_function("() => document.querySelector('#token-button').textContent.includes('browser-analyst')")

    tab.page.click("#review-correct")
    tab.page.select_option("#review-form select[name=type]", "BATTLE")
    tab.page.fill("#review-form input[name=q_fatalities]", "7")
    tab.page.fill("#review-form input[name=date]", "2024-05-01")
    tab.page.click("#review-save")
    tab.page.locator("#review-status").filter(has_text="corrected by browser-analyst").wait_for()

    stored = site.api(f"/api/events/{target['id']}")
    assert (stored["reviewed"], stored["reviewed_by"], stored["type"], stored["date"]) == \
        ("corrected", site.token_name, "BATTLE", "2024-05-01")
    assert stored["quantities"]["fatalities"] == 7 and stored["reviewed_at"]
    tab.page.wait_for_function(READY)
    assert tab.page.inner_text("#event-card .badge") == "BATTLE"
    assert "corrected by browser-analyst" in tab.page.inner_text("#event-card")
    # the event reloaded with its review keeps the panel's status line (it was wiped by the reload once)
    tab.page.wait_for_function(
        "() => document.querySelector('#event-card .chip.reviewed') !== null")
    assert "corrected by browser-analyst" in tab.page.inner_text("#review-status")
    tab.shot("workspace-review.png")
    tab.stayed_local()


def test_api_docs_render_offline(tab, site):
    tab.page.goto(site.base + "/docs")
    tab.page.wait_for_selector(".swagger-ui .info .title")
    assert "Terrain" in tab.page.inner_text(".swagger-ui .info .title")
    for path in ("/api/events", "/api/ingest", "/api/events/{event_id}/review"):
        tab.page.wait_for_selector(f".opblock-summary-path[data-path='{path}']")
    tab.stayed_local()
