"""The learned event verifier (classify/verifier.py, classify/train_verifier.py, extract/verify.py)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from terrain.classify import train_verifier
from terrain.classify.verifier import MODEL_FILE, feature_names, features, load_model, probabilities
from terrain.errors import ModelError
from terrain.extract.verify import verify
from terrain.records import Actor, Event, Evidence

RWANDA = Actor("Rwanda", "state", "RWA")
M23 = Actor("M23", "armed_group", "COD")


def _event(type_: str, a1: Actor | None, a2: Actor | None, start: int = 100, **kw) -> Event:
    return Event(doc_id="d", type=type_, actor1=a1, actor2=a2, evidence=Evidence("text", start, start + 4), **kw)


def test_features_follow_the_names_and_describe_the_event():
    events = [_event("SUPPORT", RWANDA, M23, status="alleged"), _event("BATTLE", M23, Actor("Militia", "armed_group", None))]
    rows = features(events, 2000)
    names = feature_names()
    assert all(len(r) == len(names) for r in rows)
    first = dict(zip(names, rows[0]))
    assert first["type=SUPPORT"] == 1 and first["actor1=state"] == 1 and first["actor2=armed_group"] == 1
    assert first["status=alleged"] == 1 and first["events in sentence"] == 2
    assert dict(zip(names, rows[1]))["actor2 generic"] == 1


def test_features_tell_a_party_named_in_the_sentence_from_one_reached_by_reference():
    named = Event(doc_id="d", type="SUPPORT", actor1=RWANDA, actor2=M23, trigger="backing",
                  evidence=Evidence("Kinshasa accuses Kigali of backing the M23 rebels.", 0, 50))
    referred = Event(doc_id="d", type="SUPPORT", actor1=RWANDA, actor2=M23, trigger="deployment",
                     evidence=Evidence('"It has not stopped the deployment," the group said.', 0, 50))
    rows = [dict(zip(feature_names(), r)) for r in features([named, referred], 2000)]
    assert rows[0]["actor1 named in sentence"] == 1 and rows[0]["actor2 named in sentence"] == 1  # Kigali: Rwanda
    assert rows[1]["actor1 named in sentence"] == 0 and rows[1]["actor2 named in sentence"] == 0
    assert rows[1]["negation"] == 1 and rows[1]["quotation"] == 1 and rows[1]["nominal trigger"] == 1
    assert rows[0]["negation"] == 0 and rows[0]["nominal trigger"] == 0


def test_fit_learns_the_direction_and_is_deterministic():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = X[:, 0] > 0
    w1, b1 = train_verifier.fit(X, y)
    w2, b2 = train_verifier.fit(X, y)
    assert w1[0] > 1 and abs(w1[1]) < 0.5 and np.array_equal(w1, w2) and b1 == b2


def test_verify_drops_low_scores_in_articles_only(monkeypatch):
    events = [_event("SUPPORT", RWANDA, M23), _event("DENY", RWANDA, None, start=300)]
    names = feature_names()
    # a model that believes DENY events only
    model = {"features": names, "weights": [5.0 if n == "type=DENY" else 0.0 for n in names], "intercept": -2.5,
             "threshold": 0.5}
    monkeypatch.setattr("terrain.extract.verify.load_model", lambda: model)
    kept = verify(list(events), 5000)
    assert [e.type for e in kept] == ["DENY"]
    assert verify(list(events), 800) == events  # an incident report is not touched
    monkeypatch.setenv("TERRAIN_ABLATE", "verifier")
    assert verify(list(events), 5000) == events


def test_verify_repoints_links_to_kept_events(monkeypatch):
    fact = _event("SUPPORT", RWANDA, M23)
    noise = _event("BATTLE", M23, None)
    deny = _event("DENY", RWANDA, None, refers_to=0)
    names = feature_names()
    model = {"features": names, "weights": [-9.0 if n == "type=BATTLE" else 0.0 for n in names], "intercept": 2.0,
             "threshold": 0.5}
    monkeypatch.setattr("terrain.extract.verify.load_model", lambda: model)
    kept = verify([noise, fact, deny], 5000)
    assert [e.type for e in kept] == ["SUPPORT", "DENY"]


def test_a_missing_or_stale_model_names_the_fix(tmp_path):
    with pytest.raises(ModelError, match="scripts/train-verifier"):
        load_model.__wrapped__(str(tmp_path / "none.json"))
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps({"features": ["old"], "weights": [1.0], "intercept": 0.0, "threshold": 0.2}))
    with pytest.raises(ModelError, match="scripts/train-verifier"):
        load_model.__wrapped__(str(stale))


def test_shipped_model_scores_in_range():
    model = load_model()
    assert model["features"] == feature_names() and 0 < model["threshold"] < 1
    p = probabilities([_event("DENY", RWANDA, M23)], 3000, model)
    assert 0 < p[0] < 1


@pytest.mark.slow
def test_shipped_model_is_what_the_build_makes(tmp_path):
    """Rebuilt after every rule change: the shipped weights are what scripts/train-verifier makes now."""
    built = train_verifier.build(tmp_path / "v.json")
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert built["trained_on"] == shipped["trained_on"], "run scripts/train-verifier and commit the model"
    assert built["threshold"] == shipped["threshold"]
    assert np.allclose(built["weights"], shipped["weights"], atol=1e-4)
