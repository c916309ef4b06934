"""The learned argument reranker (extract/rerank.py, classify/train_reranker.py)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from terrain.classify import train_reranker
from terrain.extract import rerank
from terrain.extract.build import Candidate
from terrain.extract.mentions import MentionIndex
from terrain.extract.trigger_words import Trigger
from terrain.records import Actor

pytestmark = pytest.mark.slow  # the spaCy model

FILLER = " Markets were calm and schools reopened in the capital, officials said." * 20  # an article, not a report


@pytest.fixture(scope="module")
def parsed():
    from terrain.nlp import load_model

    doc = load_model()("Rwanda said that the rebels attacked Uvira on Monday." + FILLER)
    sent = next(doc.sents)
    return doc, sent, MentionIndex(doc), next(t for t in sent if t.lemma_ == "attack")


def _model(intercept: float = 0.0, **weights: float) -> dict:
    """A model that scores an option by the named features only."""
    names = rerank.feature_names()
    role = {"weights": [weights.get(n, 0.0) for n in names], "intercept": intercept}
    return {"features": names, "margin": 0.5, "fill_logit": -1.0, "actor1": role, "actor2": role}


def _candidate(tok, a1, a2=None):
    return Candidate(trigger=Trigger(tok, "ATTACK"), actor1=a1, actor2=a2, country="COD", location=None, date=None,
                     type="ATTACK")


def test_feature_rows_follow_the_names(parsed):
    doc, sent, idx, tok = parsed
    rwanda = next(m for m in idx.mentions if m.actor.name == "Rwanda")
    row = dict(zip(rerank.feature_names(), rerank.features("ATTACK", tok, rwanda.actor, rwanda, None)))
    assert len(row) == len(rerank.feature_names())
    assert row["violence state"] == 1 and row["before the trigger"] == 1 and row["nsubj of the trigger"] == 0
    assert row["subject of a reporting verb"] == 1  # "Rwanda said": the reporter
    rule = dict(zip(rerank.feature_names(), rerank.features("ATTACK", tok, None, None, None)))
    assert rule["rules' choice"] == 1 and rule["rules chose none"] == 1


def test_a_better_scored_mention_replaces_the_rules_choice(parsed, monkeypatch):
    doc, sent, idx, tok = parsed
    militia = Actor("Militia", "armed_group", "COD")
    # a model that prefers the reporter ("subject of a reporting verb") over the rules' choice
    monkeypatch.setattr(rerank, "load_model", lambda: _model(**{"subject of a reporting verb": 3.0}))
    cand = _candidate(tok, militia)
    rerank.rerank([cand], idx, sent)
    assert cand.actor1 == Actor("Rwanda", "state_forces", "RWA")  # a state in violence is its forces
    # a weak preference changes nothing (margin), and two parties of one trigger are left as the rules made them
    monkeypatch.setattr(rerank, "load_model", lambda: _model(**{"subject of a reporting verb": 0.3}))
    cand = _candidate(tok, militia)
    rerank.rerank([cand], idx, sent)
    assert cand.actor1 == militia
    monkeypatch.setattr(rerank, "load_model", lambda: _model(**{"subject of a reporting verb": 3.0}))
    pair = [_candidate(tok, militia), _candidate(tok, Actor("M23", "armed_group", "COD"))]
    rerank.rerank(pair, idx, sent)
    assert [c.actor1.name for c in pair] == ["Militia", "M23"]


def test_an_empty_slot_is_filled_only_by_a_confident_choice(parsed, monkeypatch):
    doc, sent, idx, tok = parsed
    # every option starts at -3; the rules' "none" scores -2.5, Rwanda (the reporter) -1.5: better by the
    # margin, but not sure enough (below -1) ...
    unsure = _model(-3.0, **{"rules chose none": 0.5, "subject of a reporting verb": 1.5})
    monkeypatch.setattr(rerank, "load_model", lambda: unsure)
    cand = _candidate(tok, None)
    rerank.rerank([cand], idx, sent)
    assert cand.actor1 is None
    # ... and at 0.5 it is
    sure = _model(-3.0, **{"rules chose none": 0.5, "subject of a reporting verb": 3.5})
    monkeypatch.setattr(rerank, "load_model", lambda: sure)
    rerank.rerank([cand], idx, sent)
    assert cand.actor1 is not None and cand.actor1.country == "RWA"


def test_incident_reports_are_left_to_the_rules(monkeypatch):
    from terrain.nlp import load_model

    doc = load_model()("Police said gunmen attacked a bus near Mandera on Monday.")
    sent = next(doc.sents)
    tok = next(t for t in sent if t.lemma_ == "attack")
    monkeypatch.setattr(rerank, "load_model", lambda: _model(**{"rules chose none": -9.0, "before the trigger": 9.0}))
    cand = _candidate(tok, None)
    rerank.rerank([cand], MentionIndex(doc), sent)
    assert cand.actor1 is None


def test_shipped_model_is_what_the_build_makes(tmp_path):
    """Rebuilt after every rule change (scripts/train-verifier builds the reranker first)."""
    built = train_reranker.build(tmp_path / "r.json")
    shipped = json.loads(rerank.MODEL_FILE.read_text(encoding="utf-8"))
    assert built["trained_on"] == shipped["trained_on"], "run scripts/train-verifier and commit the models"
    for role in rerank.ROLES:
        assert np.allclose(built[role]["weights"], shipped[role]["weights"], atol=1e-4), role
    cv = built["cross_validation"]
    assert all(cv[r]["fixed"] > 3 * cv[r].get("broken", 0) for r in rerank.ROLES)  # it helps, held out
