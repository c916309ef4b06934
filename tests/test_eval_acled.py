"""ACLED scoring: the mapping table, what a note writes (deaths, day), the scorer on a tiny invented CSV,
and (slow) a seeded sample of the real Kenya file. The fixture's notes are our own invented text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from terrain.errors import InputError
from terrain.evaluate.acled import MEASURES, evaluate_acled, format_acled_report, read_rows, select_rows
from terrain.evaluate.acled_map import map_actor, mapping, scored_types
from terrain.evaluate.acled_notes import fatalities_written, stated_date
from terrain.records import EVENT_TYPES, Actor, Event, Evidence, Location

TINY = Path(__file__).parent / "fixtures" / "acled_tiny.csv"


# --- the mapping table -------------------------------------------------------------------------

@pytest.mark.parametrize("acled, expected", [
    ("Military Forces of Kenya (2013-)", ("Kenya", "state_forces", "KEN")),
    ("Police Forces of Kenya (2013-)", ("Kenya", "state_forces", "KEN")),
    ("Police Forces of Kenya (2013-) General Service Unit", ("Kenya", "state_forces", "KEN")),
    ("Military Forces of Uganda (1986-)", ("Uganda", "state_forces", "UGA")),
    ("Government of Kenya (2013-)", ("Kenya", "state", "KEN")),
    ("Civilians (Kenya)", ("Civilians", "civilians", "KEN")),
    ("Protesters (Kenya)", ("Protesters", "civilians", "KEN")),
    ("Rioters (Kenya)", ("Rioters", "civilians", "KEN")),
    ("Civilians (International)", ("Civilians", "civilians", None)),
    ("AMISOM: African Union Mission in Somalia (2007-2022)", ("AMISOM", "mission", None)),
    ("UN: United Nations", ("United Nations", "mission", None)),
    ("Al Shabaab", ("al-Shabaab", "armed_group", "SOM")),
    ("Unidentified Armed Group (Kenya)", ("Unidentified armed group", "armed_group", "KEN")),
    ("Pokot Ethnic Militia (Kenya)", ("Pokot Ethnic Militia", "armed_group", "KEN")),
    ("Military Forces of Democratic Republic of Congo (2019-)",
     ("Democratic Republic of Congo", "state_forces", "COD")),
    ("SLDF: Sabaot Land Defence Force", ("Sabaot Land Defence Force", "armed_group", None)),
    ("Mungiki Militia", ("Mungiki Militia", "armed_group", None)),
])
def test_acled_actor_names_map_to_ontology_actors(acled, expected):
    a = map_actor(acled)
    assert (a.actor.name, a.actor.kind, a.actor.country) == expected
    assert map_actor("") is None


def test_mapped_actors_match_extracted_ones():
    police = map_actor("Police Forces of Kenya (2013-)")
    assert police.matches(Actor("Kenya Police Service", "state_forces", "KEN"))
    assert not police.matches(Actor("Uganda Police", "state_forces", "UGA"))
    assert not police.matches(Actor("Mungiki", "armed_group", "KEN"))
    sldf = map_actor("SLDF: Sabaot Land Defence Force")
    assert sldf.matches(Actor("SLDF", "armed_group", None))  # its acronym
    unknown = map_actor("Unidentified Armed Group (Kenya)")
    assert unknown.matches(Actor("gunmen", "armed_group", None))
    assert unknown.matches(Actor("bandits", "armed_group", "KEN"))
    assert not unknown.matches(Actor("Somali militia", "armed_group", "SOM"))
    assert not unknown.matches(Actor("residents", "civilians", "KEN"))
    # the README's "same name": a named actor matches across a country ACLED dates differently ...
    toposa = map_actor("Toposa Ethnic Militia (Sudan)")
    assert toposa.matches(Actor("Toposa Ethnic Militia", "armed_group", "SSD"))
    # ... a category does not: "Civilians (Somalia)" are not Kenyan civilians
    assert not map_actor("Civilians (Somalia)").matches(Actor("Civilians", "civilians", "KEN"))


def test_type_mapping_uses_ontology_types_and_skips_unscored():
    assert all(t in EVENT_TYPES for ts in mapping()["types"].values() for t in ts)
    assert scored_types("Armed clash") == ("BATTLE",)
    assert set(scored_types("Mob violence")) == {"PROTEST", "ATTACK"}
    assert scored_types("Arrests") == () and scored_types("Looting/property destruction") == ()


# --- what a note writes --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, written", [
    ("Gunmen ambushed a patrol, killing two police officers.", 2),
    ("Twelve killed and others injured when raiders struck the camp.", 12),
    ("Clashes over grazing land left at least 4 dead after 2 days.", 4),
    ("Three herders were killed and 100 goats stolen.", 3),
    ("Bandits killed a trader near the market.", 1),
    ("A 12-year-old boy was shot dead by police during the protest.", 1),
    ("Police shot dead three suspects in a gun battle.", 3),
    ("Two officers were killed. Three attackers also died in the exchange.", 5),
    ("The attack left 21 dead; the toll could rise.", 21),
    ("In May two people were killed at the border.", 2),
    ("No one was killed in the blast.", 0),
    ("The procession ended without any casualties.", 0),
    ("Several people were killed in the raid.", None),
    ("Many residents died in the floods that followed.", None),
    ("Two people were shot and injured by police.", None),
    ("Two gunmen killed a man and his son at the well.", None),
    ("Raiders killed 15 cows and stole 40 goats.", None),
    ("Traders marched to demand lower fees.", None),
    ("Six people died (deaths coded across 6 events).", None),
    ("Hundreds of people were killed in the unrest.", None),
])
def test_fatalities_written_detector(sentence, written):
    assert fatalities_written(sentence) == written


@pytest.mark.parametrize("note, day", [
    ("On December 31 2019, raiders attacked a village.", "2019-12-31"),
    ("On 5 March, students marched in the town.", "2018-03-05"),
    ("On Sept 15th 2019 herders clashed near the river.", "2019-09-15"),
    ("Police dispersed a crowd on Friday.", None),
    ("Raiders attacked in December 2019.", None),
])
def test_stated_date(note, day):
    assert stated_date(note, 2018) == day


# --- the scorer on a tiny invented CSV -------------------------------------------------------------

def ev(doc, type_, a1, a2, country=None, place=None, date=None, fatalities=None):
    return Event(doc_id=doc, type=type_, actor1=Actor(*a1) if a1 else None, actor2=Actor(*a2) if a2 else None,
                 evidence=Evidence("an extracted sentence", 0, 10), country=country,
                 location=Location(place[0], "KEN", "place", lat=place[1], lon=place[2]) if place else None,
                 date=date, quantities={"fatalities": fatalities} if fatalities is not None else {})


KAPEDO = ("Kapedo", 1.17, 36.10)
CANNED = {
    "acled-KEN9001": [ev("acled-KEN9001", "ATTACK", ("gunmen", "armed_group", None), ("traders", "civilians", "KEN"),
                         "KEN", ("Garissa", -0.45, 39.64), "2019-02-03", 3)],
    "acled-KEN9002": [ev("acled-KEN9002", "PROTEST", ("Market traders", "civilians", "KEN"), None, "UGA",
                         ("Nairobi", -1.28, 36.82))],
    "acled-KEN9003": [ev("acled-KEN9003", "BATTLE", ("Pokot raiders", "armed_group", "KEN"),
                         ("Turkana herders", "armed_group", "KEN"), "KEN", KAPEDO),
                      # no country of its own: its location's (KEN) counts
                      ev("acled-KEN9003", "ATTACK", ("raiders", "armed_group", "KEN"), ("woman", "civilians", "KEN"),
                         None, KAPEDO, fatalities=1)],
    "acled-KEN9006": [],
}


def fake_extract(seen):
    def extract(documents):
        for doc in documents:
            seen.append(doc)
            yield doc, CANNED[doc.doc_id]
    return extract


def test_read_rows_gives_one_document_per_note():
    rows = read_rows(TINY)
    assert [r.event_id for r in rows] == ["KEN9001", "KEN9002", "KEN9003", "KEN9004", "KEN9005", "KEN9006"]
    assert rows[3].doc_id == rows[2].doc_id == "acled-KEN9003" and rows[3].date == "2019-02-05"
    assert rows[0].iso3 == "KEN" and rows[0].types == ("ATTACK",) and rows[4].types == ()
    assert [r.event_id for r in select_rows(rows)] == ["KEN9001", "KEN9002", "KEN9003", "KEN9004", "KEN9006"]
    assert len(select_rows(rows, sample=3, seed=1)) == 3 and select_rows(rows, sample=3, seed=1) == \
        select_rows(rows, sample=3, seed=1)
    assert [r.event_id for r in select_rows(rows, limit=2)] == ["KEN9001", "KEN9002"]


def test_scoring_on_the_tiny_csv():
    seen: list = []
    report = evaluate_acled(TINY, extract=fake_extract(seen))
    assert sorted(d.doc_id for d in seen) == sorted(CANNED)  # unscored rows are not extracted
    protest = next(d for d in seen if d.doc_id == "acled-KEN9002")
    assert "[size=" not in protest.text and protest.published == "2019-02-04"
    d = report.to_dict(worst=2)
    got = {m: (v["correct"], v["n"]) for m, v in d["overall"].items()}
    assert got == {"family": (4, 5), "type": (4, 5), "actors": (7, 9), "country": (3, 5), "location": (3, 5),
                   "fatalities": (2, 3), "date": (1, 1)}
    assert (d["rows"], d["documents"], d["events"]) == (5, 4, 4)
    assert d["by_sub_event_type"]["Attack"]["rows"] == 2
    assert d["by_sub_event_type"]["Attack"]["country"] == {"n": 2, "correct": 2, "rate": 1.0}
    assert d["by_sub_event_type"]["Peaceful protest"]["country"] == {"n": 1, "correct": 0, "rate": 0.0}
    worst = d["worst"]
    assert worst[0]["event_id_cnty"] == "KEN9006" and worst[0]["score"] == 0 and worst[0]["extracted"] == []
    assert worst[1]["event_id_cnty"] == "KEN9002" and {"location", "country"} <= set(worst[1]["failed"])
    text = format_acled_report(report, worst=2)
    assert "KEN9006" in text and "acleddata.com" in text and "Remote explosive" in text


def test_missing_column_and_bad_date_are_clear_errors(tmp_path):
    head, *lines = TINY.read_text(encoding="utf-8").splitlines()
    no_notes = tmp_path / "no_notes.csv"
    no_notes.write_text(head.replace(",notes,", ",summary,") + "\n" + lines[0] + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_rows(no_notes)
    assert "notes" in str(err.value) and f"{no_notes}:1" in str(err.value)
    bad_date = tmp_path / "bad_date.csv"
    bad_date.write_text(head + "\n" + lines[0] + "\n" + lines[1].replace("04-02-19", "2019-02-04") + "\n",
                        encoding="utf-8")
    with pytest.raises(InputError, match=r"bad_date.csv:3: event_date '2019-02-04'"):
        read_rows(bad_date)


def test_cli_eval_acled(monkeypatch, tmp_path):
    import terrain.pipeline
    from terrain.cli import main

    monkeypatch.setattr(terrain.pipeline, "extract_documents", lambda docs, processes=None: fake_extract([])(docs))
    runner = CliRunner()
    result = runner.invoke(main, ["eval-acled", str(TINY), "--json", "--worst", "1"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["overall"]["type"]["correct"] == 4 and len(out["worst"]) == 1
    text = runner.invoke(main, ["eval-acled", str(TINY), "--limit", "2"])
    assert text.exit_code == 0 and "2 rows scored" in text.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id_cnty,notes\nX1,something\n", encoding="utf-8")
    failed = runner.invoke(main, ["eval-acled", str(bad)])
    assert failed.exit_code == 2 and "required column(s) missing" in failed.stderr


# --- the real file (full pipeline) ---------------------------------------------------------------

@pytest.mark.slow
def test_sample_of_the_real_acled_file(shared_dir):
    path = shared_dir / "corpus" / "acled-kenya" / "acled_kenya_2004-2019.csv"
    report = evaluate_acled(path, sample=200, seed=7).to_dict(worst=5)
    assert report["rows"] == 200 and report["events"] > 0
    for m in MEASURES:
        assert report["overall"][m]["n"] > 0, m
        assert 0.0 <= report["overall"][m]["rate"] <= 1.0, m
    assert len(report["worst"]) == 5
