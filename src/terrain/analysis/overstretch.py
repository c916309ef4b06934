"""Overstretch: how much of a state's active force is deployed abroad, as reported, and how that moved.

For each providing state (ISO3): the sum of ``latest_troops`` over its ACTIVE deployments (``deployments()``),
how many active deployments carry no figure (so the sum is a floor, not an estimate), its active personnel from
``data/military_personnel.csv`` (with year and source), and the share deployed / active.

Only states count: a company (Wagner Group) or a mission is not part of a national force, so it has no
personnel figure to be stretched against.

``timeline``: one point per month in which something was reported about the provider's deployments, giving the
running state at the end of that month (deployments rebuilt from the evidence reported up to then). Between
points the figure is unchanged. Evidence with neither an event date nor a publication date cannot be placed in
time: it counts in the current figure but not in the timeline; a year-only date counts from January.

``what_if``: with ``add={"BEN": 700}`` the share if those troops were sent on top of what is deployed now.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Sequence

from terrain.analysis.deployments import Deployment, deployments
from terrain.analysis.merge import date_span, when
from terrain.analysis.reference import country_iso3, country_name, personnel
from terrain.errors import NotFound, TerrainError
from terrain.records import Event


@dataclass
class ProviderLoad:
    provider: str  # ISO3
    name: str
    active_personnel: int | None
    personnel_year: int | None
    personnel_source: str | None
    deployed: int  # troops in active deployments with a reported figure
    n_deployments: int  # active deployments
    n_without_figures: int  # active deployments with no reported figure (not in ``deployed``)
    share: float | None  # deployed / active_personnel
    timeline: list[tuple[str, int, float | None]] = field(default_factory=list)  # (YYYY-MM, deployed, share)
    deployments: list[Deployment] = field(default_factory=list, repr=False)  # the active ones
    added: dict[str, int] = field(default_factory=dict)
    what_if_deployed: int | None = None
    what_if: float | None = None  # share with ``added`` deployed as well

    def to_record(self) -> dict[str, Any]:
        rec = {k: v for k, v in self.__dict__.items() if k != "deployments"}
        rec["timeline"] = [list(t) for t in self.timeline]
        rec["deployments"] = [{"host": d.host, "area": d.area, "troops": d.latest_troops,
                               "troops_event_id": d.latest_troops_event_id, "framework": d.framework}
                              for d in self.deployments]
        return rec


def _share(n: int, active: int | None) -> float | None:
    return n / active if active else None


def _active(deps: list[Deployment], iso: str) -> list[Deployment]:
    return [d for d in deps if d.provider.kind == "state_forces" and d.provider.country == iso and d.status == "active"]


def _month(e: Event) -> str | None:
    d = when(e)[0]
    return None if d == date.min else f"{d.year:04d}-{d.month:02d}"


def _timeline(deps: list[Deployment], iso: str, active: int | None) -> list[tuple[str, int, float | None]]:
    """Running deployed figure at the end of each month something was reported (see module docstring)."""
    trail = {id(e): e for d in deps for e in d.evidence_events}.values()
    dated = sorted((e for e in trail if _month(e)), key=when)
    points: list[tuple[str, int, float | None]] = []
    for month in sorted({_month(e) for e in dated}):
        end = date_span(month)[1]
        upto = [e for e in dated if when(e)[0] <= end]
        n = sum(d.latest_troops or 0 for d in _active(deployments(upto), iso))
        points.append((month, n, _share(n, active)))
    return points


def _check_add(add: dict[str, int] | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for host, n in (add or {}).items():
        iso = country_iso3(str(host))
        if iso is None:
            raise TerrainError(f"unknown host {host!r} in the what-if", "write HOST=TROOPS with an ISO3 code, e.g. BEN=700")
        if isinstance(n, bool) or not isinstance(n, int) or n <= 0:
            raise TerrainError(f"troops for {host} must be a positive whole number, not {n!r}",
                               "write HOST=TROOPS, e.g. BEN=700")
        out[iso] = out.get(iso, 0) + n
    return out


def overstretch(events: Sequence[Event], add: dict[str, int] | None = None,
                provider: str | None = None) -> list[ProviderLoad]:
    """One ProviderLoad per state with active deployments (or the one asked for); most stretched first."""
    added = _check_add(add)
    if added and not provider:
        raise TerrainError("a what-if needs the providing state", "add --provider, e.g. --provider RWA --add BEN=700")
    deps = deployments(events)
    if provider:
        iso = country_iso3(provider)
        if iso is None:
            raise NotFound(f"unknown provider state {provider!r}",
                           "overstretch is per state: give an ISO3 code (RWA) or a country name (Rwanda)")
        isos = [iso]
    else:
        isos = sorted({d.provider.country for d in deps
                       if d.provider.kind == "state_forces" and d.status == "active" and d.provider.country})
    table = personnel()
    loads = []
    for iso in isos:
        ref = table.get(iso)
        active_n = ref.active_personnel if ref else None
        act = _active(deps, iso)
        n = sum(d.latest_troops or 0 for d in act)
        load = ProviderLoad(
            provider=iso, name=country_name(iso), active_personnel=active_n,
            personnel_year=ref.year if ref else None, personnel_source=ref.source if ref else None,
            deployed=n, n_deployments=len(act), n_without_figures=sum(d.latest_troops is None for d in act),
            share=_share(n, active_n), timeline=_timeline([d for d in deps if d.provider.country == iso
                                                           and d.provider.kind == "state_forces"], iso, active_n),
            deployments=act, added=added)
        if added:
            load.what_if_deployed = n + sum(added.values())
            load.what_if = _share(load.what_if_deployed, active_n)
        loads.append(load)
    return sorted(loads, key=lambda l: (l.share is None, -(l.share or 0), l.name))
