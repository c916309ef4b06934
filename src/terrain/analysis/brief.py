"""Briefs: one page on a country or an actor that an analyst can send, every figure cited.

``brief(store, subject, since, fmt, out)`` reads the store, assembles the content
(``brief_data.build``), draws the charts (``brief_charts``) and renders
``templates/brief.html.j2`` (self-contained: charts as base64 data URIs) or ``brief.md.j2``
(charts as PNG files beside the .md). PDF is the HTML printed by headless Chromium.
"""
from __future__ import annotations

import base64
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import jinja2
from markupsafe import Markup, escape

from terrain.analysis.brief_data import Subject, build, ranges
from terrain.analysis.nodes import Canon, unknown_actor
from terrain.errors import TerrainError
from terrain.records import StoredEvent

FORMATS = ("md", "html", "pdf")
CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PDF_TIMEOUT_S = 120


def resolve_subject(text: str, events: Iterable[StoredEvent], canon: Canon) -> Subject:
    """A country (ISO3 code, name, capital-as-government alias) or an actor known to the events or
    the registry. Unknown: TerrainError listing close matches."""
    from terrain.analysis.reference import country_iso3, personnel

    iso3 = country_iso3(text)
    if iso3:
        node = canon.state(iso3)
        return Subject(node.name, node, iso3)
    nodes = {n.name: n for e in events for n in (canon.node(e.actor1), canon.node(e.actor2)) if n}
    try:
        node = canon.resolve(text, nodes.values())
    except TerrainError:
        raise unknown_actor(text, list(nodes) + [p.country for p in personnel().values()]) from None
    return Subject(node.name, node, node.country if node.kind == "state" else None)


def brief(store: Any, subject: str, since: str | None = None, fmt: str = "html",
          out: str | Path | None = None) -> Path:
    """Write the brief on ``subject`` (events since ``since``) as md, html or pdf; returns its path."""
    from terrain.store.filters import EventFilter

    events = store.events(EventFilter(since=since).validate())
    return render_brief(events, subject, since=since, fmt=fmt, out=out)


def render_brief(events: list[StoredEvent], subject: str, since: str | None = None, fmt: str = "html",
                 out: str | Path | None = None, today: str | None = None) -> Path:
    """The brief from a list of events (``brief`` reads them from the store)."""
    if fmt not in FORMATS:
        raise TerrainError(f"unknown brief format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    canon = Canon(events)
    subj = resolve_subject(subject, events, canon)
    ctx = build(events, subj, canon, since)
    ctx["today"] = today or date.today().isoformat()
    slug = re.sub(r"[^a-z0-9]+", "-", subj.name.lower()).strip("-") or "subject"
    out = Path(out) if out else Path(f"brief-{slug}.{fmt}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "md":
        images = {}
        for name, png in _pngs(ctx).items():
            path = out.with_name(f"{out.stem}-{name}.png")
            path.write_bytes(png)
            images[name] = path.name
        _write(out, _render("brief.md.j2", ctx, images, html=False))
        return out
    images = {name: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
              for name, png in _pngs(ctx).items()}
    page = _render("brief.html.j2", ctx, images, html=True)
    if fmt == "html":
        _write(out, page)
        return out
    return html_to_pdf(page, out)


def _pngs(ctx: dict[str, Any]) -> dict[str, bytes]:
    charts = ctx["charts"]
    out = {name: c for name, c in (("relations", charts["relations"]),) if c}
    if charts["map"]:
        out["map"] = charts["map"]["png"]
    if charts["overstretch"] and charts["overstretch"]["png"]:
        out["overstretch"] = charts["overstretch"]["png"]
    return out


def _write(path: Path, text: str) -> None:
    # Write beside, then rename: a failed render never leaves half a brief where the last one was.
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _marks(nums: list[int], html: bool) -> str:
    if not nums:
        return ""
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in ranges(nums)]
    if not html:
        return "[" + ", ".join(parts) + "]"
    links = [Markup('<a href="#fn-{0}">{1}</a>').format(a, p) for (a, _), p in zip(ranges(nums), parts)]
    return Markup('<sup class="fn">[') + Markup(", ").join(links) + Markup("]</sup>")


def _md_cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _render(template: str, ctx: dict[str, Any], images: dict[str, str], html: bool) -> str:
    env = jinja2.Environment(loader=jinja2.PackageLoader("terrain.analysis", "templates"),
                             autoescape=html, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["marks"] = lambda nums: _marks(nums, html)
    env.filters["cell"] = (lambda t: escape(t)) if html else _md_cell
    return env.get_template(template).render(**ctx, images=images)


def chromium() -> str:
    """The headless browser that prints PDFs (Debian's chromium)."""
    for name in CHROMIUM:
        path = shutil.which(name)
        if path:
            return path
    raise TerrainError("no Chromium browser found to print the PDF",
                       "apt-get install chromium (or use --format html)")


def html_to_pdf(page: str, out: Path) -> Path:
    """Print ``page`` to ``out`` with headless Chromium (no network: the page is self-contained)."""
    exe = chromium()
    with tempfile.TemporaryDirectory(prefix="terrain-brief-") as tmp:
        src = Path(tmp) / "brief.html"
        src.write_text(page, encoding="utf-8")
        pdf = Path(tmp) / "brief.pdf"
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-pdf-header-footer", f"--user-data-dir={Path(tmp) / 'profile'}",
               f"--print-to-pdf={pdf}", src.as_uri()]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=PDF_TIMEOUT_S)
        except subprocess.TimeoutExpired as err:
            raise TerrainError(f"Chromium did not print the PDF within {PDF_TIMEOUT_S}s",
                               "use --format html, or check that chromium starts headless") from err
        if not pdf.exists() or not pdf.read_bytes().startswith(b"%PDF"):
            tail = (run.stderr or run.stdout or "").strip().splitlines()[-3:]
            raise TerrainError(f"Chromium ({exe}) did not write a PDF: {' / '.join(tail) or run.returncode}",
                               "apt-get install chromium, or use --format html")
        shutil.move(str(pdf), out)
    return out


__all__ = ["brief", "render_brief", "resolve_subject", "html_to_pdf", "chromium"]
