"""The landscape at a glance: events by type, deployments, top actors (the demo's printout)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from terrain.records import EVENT_TYPES


def demo_corpus_path() -> Path:
    return Path(str(resources.files("terrain").joinpath("demo/corpus")))


@dataclass
class Landscape:
    documents: int
    events: int
    by_type: dict[str, int]
    deployments: list = field(default_factory=list)
    top_actors: list[tuple[str, int]] = field(default_factory=list)


def landscape(store, top: int = 10) -> Landscape:
    from terrain.analysis.deployments import deployments

    events = store.events()
    by_type = Counter(e.type for e in events)
    actors = Counter(a.name for e in events for a in (e.actor1, e.actor2) if a is not None)
    return Landscape(
        documents=store.count_documents(), events=len(events),
        by_type={t: by_type[t] for t in EVENT_TYPES if by_type[t]},
        deployments=deployments(events), top_actors=actors.most_common(top),
    )


def format_landscape(ls: Landscape) -> str:
    lines = [f"{ls.documents} documents, {ls.events} events", "", "Events by type:"]
    lines += [f"  {t:<16} {n:>5}" for t, n in ls.by_type.items()]
    lines += ["", "Deployments (provider -> host: status, latest troops):"]
    for d in ls.deployments:
        troops = f"{d.latest_troops:,}" if d.latest_troops else "n/a"
        area = f" ({d.area})" if d.area else ""
        lines.append(f"  {d.provider.name} -> {d.host}{area}: {d.status}, troops {troops}, {d.framework}")
    lines += ["", "Top actors:"]
    lines += [f"  {name:<32} {n:>5}" for name, n in ls.top_actors]
    return "\n".join(lines)
