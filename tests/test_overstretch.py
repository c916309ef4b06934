"""Overstretch: terrain.analysis.overstretch and the personnel table it reads."""
from __future__ import annotations

import json

import pycountry
import pytest
from click.testing import CliRunner

from terrain.analysis.overstretch import overstretch
from terrain.analysis.reference import country_iso3, find_mission, missions, organisations, personnel
from terrain.errors import NotFound, TerrainError
from terrain.records import Actor, Document, Evidence, Location, StoredEvent

# The 54 sovereign states of Africa (UN members), by ISO 3166-1 alpha-3.
AFRICA = ("DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN GNB KEN "
          "LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TZA TGO TUN UGA "
          "ZMB ZWE").split()
EXTERNAL_POWERS = ("FRA", "RUS", "USA", "GBR", "CHN", "TUR", "ARE")

RWA = Actor("Rwanda", "state_forces", "RWA")
_ids = iter(range(1, 10_000))


def ev(type_: str, actor1: Actor, host: str, date: str | None, troops: int | None = None,
       status: str = "asserted", text: str = "sentence", location: Location | None = None) -> StoredEvent:
    return StoredEvent(doc_id="d", type=type_, actor1=actor1, actor2=Actor(host, "state", host),
                       evidence=Evidence(text, 0, len(text)), country=host, date=date, location=location,
                       quantities={"troops": troops} if troops else {}, status=status, id=next(_ids))


def rwanda_story() -> list[StoredEvent]:
    return [
        ev("DEPLOY", RWA, "MOZ", "2021-07-09", 1000),
        ev("DEPLOY", RWA, "CAF", "2021-12", 1000),
        ev("DEPLOY", RWA, "MOZ", "2022-09", 2500),
        ev("DEPLOY", RWA, "BEN", "2022-10", 350, status="planned"),
        ev("DEPLOY", RWA, "SSD", "2023-03", None),  # active, figure not reported
        ev("DEPLOY", RWA, "COG", "2023-05", 300),
        ev("WITHDRAW", RWA, "COG", "2024-01"),
        ev("DEPLOY", Actor("Wagner Group", "company", "RUS"), "CAF", "2021-01", 1500),
    ]


def test_every_african_state_and_the_external_powers_have_a_sourced_figure():
    table = personnel()
    assert len(AFRICA) == len(set(AFRICA)) == 54
    for iso in [*AFRICA, *EXTERNAL_POWERS]:
        assert pycountry.countries.get(alpha_3=iso) is not None, iso
        rec = table.get(iso)
        assert rec is not None, f"{iso} missing from military_personnel.csv"
        assert rec.active_personnel > 0 and 1990 <= rec.year <= 2030 and rec.source.strip(), rec
    assert all(pycountry.countries.get(alpha_3=iso) for iso in table)
    assert table["RWA"].active_personnel < table["COD"].active_personnel < table["EGY"].active_personnel


def test_every_country_name_and_mission_alias_resolves():
    for rec in personnel().values():
        assert country_iso3(rec.country) == rec.iso3 and country_iso3(rec.iso3.lower()) == rec.iso3
    for m in missions().values():
        assert m.organisation in organisations() and m.framework in ("UN", "AU", "regional", "EU")
        for alias in (m.name, *m.aliases):
            assert find_mission(f"troops of the {alias} were there").name == m.name
        assert all(pycountry.countries.get(alpha_3=h) for h in m.hosts)


def test_share_counts_active_deployments_with_figures_and_reports_those_without():
    (load,) = overstretch(rwanda_story())
    assert load.provider == "RWA" and load.active_personnel == personnel()["RWA"].active_personnel
    assert load.deployed == 2500 + 1000  # MOZ latest + CAF; BEN planned and COG ended do not count
    assert load.n_deployments == 3 and load.n_without_figures == 1
    assert load.share == pytest.approx(3500 / load.active_personnel)
    assert load.personnel_year and load.personnel_source
    assert {d.host for d in load.deployments} == {"MOZ", "CAF", "SSD"}


def test_timeline_follows_the_running_state_month_by_month():
    (load,) = overstretch(rwanda_story())
    points = {month: n for month, n, _ in load.timeline}
    assert points == {"2021-07": 1000, "2021-12": 2000, "2022-09": 3500, "2022-10": 3500, "2023-03": 3500,
                      "2023-05": 3800, "2024-01": 3500}
    assert [m for m, _, _ in load.timeline] == sorted(points)
    assert load.timeline[-1][2] == pytest.approx(load.share)


def test_what_if_adds_a_proposed_deployment():
    (load,) = overstretch(rwanda_story(), add={"BEN": 700}, provider="Rwanda")
    assert load.added == {"BEN": 700} and load.what_if_deployed == 3500 + 700
    assert load.what_if == pytest.approx(4200 / load.active_personnel) and load.what_if > load.share


def test_a_state_with_nothing_deployed_and_companies_are_not_states():
    assert [l.provider for l in overstretch(rwanda_story())] == ["RWA"]  # Wagner is not a national force
    (nga,) = overstretch(rwanda_story(), provider="NGA")
    assert nga.deployed == 0 and nga.share == 0 and nga.timeline == []


def test_bad_arguments_are_clear_errors():
    with pytest.raises(TerrainError, match="positive whole number"):
        overstretch([], add={"BEN": "abc"}, provider="RWA")
    with pytest.raises(TerrainError, match="unknown host"):
        overstretch([], add={"Atlantis": 5}, provider="RWA")
    with pytest.raises(TerrainError, match="needs the providing state"):
        overstretch([], add={"BEN": 700})
    with pytest.raises(NotFound, match="unknown provider"):
        overstretch([], provider="Wagner Group")


def test_overstretch_command(tmp_path):
    from terrain.cli import main
    from terrain.store import Store

    url = f"sqlite:///{tmp_path / 't.db'}"
    events = rwanda_story()
    with Store(url) as store:
        store.save_document(Document("d", "text", published="2024-02-01"), events)
    runner = CliRunner()
    out = runner.invoke(main, ["overstretch", "--db", url, "--provider", "RWA", "--add", "BEN=700"])
    assert out.exit_code == 0, out.output
    assert "Rwanda" in out.output and f"{100 * 4200 / personnel()['RWA'].active_personnel:.1f}%" in out.output
    js = json.loads(runner.invoke(main, ["overstretch", "--db", url, "--json"]).output)
    assert [r["provider"] for r in js] == ["RWA"] and js[0]["deployed"] == 3500
    bad = runner.invoke(main, ["overstretch", "--db", url, "--provider", "RWA", "--add", "BEN=abc"])
    assert bad.exit_code == 2 and "HOST=TROOPS" in bad.output and "fix:" in bad.output
    events_out = runner.invoke(main, ["events", "--db", url, "--type", "DEPLOY", "--country", "Mozambique"])
    assert events_out.exit_code == 0, events_out.output
    assert sum("Rwanda" in l and "MOZ" in l for l in events_out.output.splitlines()) == 2  # 2021 and 2022
