"""The learned sentence classifier (terrain.classify): data, shipped model, scores, reproducibility.

The sentences below were written for these tests; a test checks that none is in the training data.
"""
from __future__ import annotations

import pytest

from terrain.classify import MODEL_DIR, NONE, STATUS_LABELS, TYPE_LABELS, load
from terrain.classify import data, generate, train
from terrain.errors import InputError, ModelError
from terrain.records import EVENT_TYPES, STATUSES

DEPLOY_SENTENCES = [
    "Zambia deployed 450 soldiers to the border district of Chienge on Monday to counter cross-border raids.",
    "A battalion of Tanzanian troops arrived in Nyiragongo territory last week to reinforce the regional force.",
]
BACKGROUND_SENTENCES = [
    "The politics of the lakes region have always rewarded patience more than boldness.",
    "Scholars still argue about whether the borders drawn in Berlin doomed the region to instability.",
    "It is a striking irony that the continent's smallest armies now enjoy the largest reputations.",
]
CHROME_SENTENCES = [
    "Sign up for The Lakes Letter to get our best security reporting every Friday.",
    "Photo: Marie Uwase/Courier",
    "More from The Lakes Courier",
]
PLANNED = "Officials said up to 600 Ghanaian police officers could be deployed to the mission by March."
ALLEGED = "Kampala is accused of backing the rebels who seized the border post, according to a UN report."

# measured on the committed model (docs/classifier.md); the floors sit a little under the scores
DEV_MACRO_F1_FLOOR = 0.75
DEV_EVENT_F1_FLOOR = 0.84
DEV_STATUS_ACC_FLOOR = 0.85


@pytest.fixture(scope="module")
def clf():
    return load()


def test_model_ships_inside_the_package(clf):
    import terrain

    assert MODEL_DIR.is_relative_to(MODEL_DIR.parents[1]) and MODEL_DIR.parent.name == "models"
    assert str(clf.path).startswith(str(terrain.__path__[0]))
    assert set(clf.nlp.pipe_names) == {"textcat_multilabel", "textcat"}
    assert set(clf.nlp.get_pipe("textcat_multilabel").labels) == set(TYPE_LABELS)
    assert set(clf.nlp.get_pipe("textcat").labels) == set(STATUS_LABELS)
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert size < 12_000_000, f"model is {size} bytes; keep it small"
    assert load() is clf  # cached


def test_missing_model_says_how_to_build_it(tmp_path):
    with pytest.raises(ModelError) as err:
        load(tmp_path / "no-model")
    assert "scripts/train-classifier" in str(err.value)


def test_test_sentences_are_not_training_data():
    texts = {ex.text for ex in data.load_training()} | {ex.text for ex in data.load_dev()}
    mine = DEPLOY_SENTENCES + BACKGROUND_SENTENCES + CHROME_SENTENCES + [PLANNED, ALLEGED]
    assert not texts & set(mine)


@pytest.mark.parametrize("text", DEPLOY_SENTENCES)
def test_deployment_sentence_scores_deploy_high(clf, text):
    [p] = clf.predict([text])
    assert p.types["DEPLOY"] >= 0.5, p.types
    assert p.types[NONE] < 0.5
    assert "DEPLOY" in clf.types(text)


@pytest.mark.parametrize("text", BACKGROUND_SENTENCES + CHROME_SENTENCES)
def test_background_and_chrome_are_none(clf, text):
    [p] = clf.predict([text])
    assert p.event_score < 0.5, {k: round(v, 2) for k, v in p.types.items() if v > 0.2}
    assert clf.types(text) == {NONE}


def test_status_cues(clf):
    planned, alleged = clf.predict([PLANNED, ALLEGED])
    assert planned.top_status == "planned", planned.status
    assert alleged.top_status == "alleged", alleged.status
    assert {"ACCUSE", "SUPPORT"} <= alleged.labels(0.3)


def test_predict_is_batched_in_order(clf):
    texts = DEPLOY_SENTENCES + CHROME_SENTENCES
    batch = clf.predict(texts)
    one_by_one = [clf.predict([t])[0] for t in texts]
    assert [round(p.event_score, 5) for p in batch] == [round(p.event_score, 5) for p in one_by_one]
    assert clf.predict([]) == []
    for p in batch:
        assert set(p.types) == set(TYPE_LABELS) and set(p.status) == set(STATUS_LABELS)
        assert abs(sum(p.status.values()) - 1.0) < 1e-4


def test_curly_quotes_read_as_straight(clf):
    straight, curly = clf.predict(["Rwanda's troops arrived in Pemba.", "Rwanda\u2019s troops arrived in Pemba."])
    assert straight.types == curly.types


def test_dev_scores_above_measured_floor(clf):
    from terrain.classify.evaluate import dev_scores

    scores = dev_scores(clf)
    assert scores["sentences"] >= 300
    assert scores["macro_f1"] >= DEV_MACRO_F1_FLOOR, scores["per_label"]
    assert scores["event_detection"]["f"] >= DEV_EVENT_F1_FLOOR, scores["event_detection"]
    assert scores["status_accuracy"] >= DEV_STATUS_ACC_FLOOR


def test_training_data_parses_with_ontology_labels():
    train_ex, dev_ex = data.load_training(), data.load_dev()
    assert len(train_ex) + len(dev_ex) >= 2000
    assert len(dev_ex) >= 0.12 * (len(train_ex) + len(dev_ex))
    assert set(data.TYPE_LABELS) == set(EVENT_TYPES) | {NONE} and data.STATUS_LABELS == STATUSES
    for ex in train_ex + dev_ex:
        assert set(ex.types) <= set(TYPE_LABELS), ex.source
        assert (ex.status is None) == (not ex.is_event), ex.source
    counts = data.label_counts(train_ex)
    assert min(counts.values()) >= 40, counts
    hand = [ex for ex in train_ex if not ex.source.startswith(data.TEMPLATED_FILE)]
    assert len(hand) >= 800
    assert not {ex.text for ex in dev_ex} & {ex.text for ex in train_ex}


def test_bad_training_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "types": ["NONE"], "status": null}\n'
                   '{"text": "x", "types": ["INVADE"], "status": "asserted"}\n')
    with pytest.raises(InputError) as err:
        data.read_file(bad)
    assert "bad.jsonl:2" in str(err.value) and "INVADE" in str(err.value)


def test_generated_data_is_deterministic_and_committed():
    first = generate.generate(exclude=generate.hand_written())
    assert first == generate.generate(exclude=generate.hand_written())
    committed = data.read_file(data.training_dir() / data.TEMPLATED_FILE)
    assert [r["text"] for r in first] == [ex.text for ex in committed]


def test_committed_config_and_model_match_the_data():
    assert train.CONFIG.read_text(encoding="utf-8") == train.build_config(), "run scripts/train-classifier"
    meta = load().meta["terrain"]
    assert meta["data_sha256"] == train.data_fingerprint(), "training data changed: run scripts/train-classifier"
    assert meta["seed"] == train.SEED and meta["arch"] == train.ARCH


@pytest.mark.slow
def test_training_is_reproducible(tmp_path):
    """Two trainings on the same small subset with the same seed give identical predictions."""
    subset = data.load_training()[::8]
    probe = DEPLOY_SENTENCES + BACKGROUND_SENTENCES + [PLANNED, ALLEGED]
    runs = []
    for name in ("a", "b"):
        out = train.train(tmp_path / name, epochs=2, examples=subset, quiet=True)
        runs.append([(p.types, p.status) for p in load(out).predict(probe)])
    assert runs[0] == runs[1]
