"""The settings table drives the README and the CLI defaults; `terrain doctor` checks the install."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from terrain import settings
from terrain.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_readme_settings_table_is_generated_from_the_settings(tmp_path):
    assert settings.markdown_table() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_environment_overrides_the_default(monkeypatch):
    monkeypatch.setenv("TERRAIN_DB", "sqlite:///elsewhere.db")
    assert settings.get("db") == "sqlite:///elsewhere.db"
    monkeypatch.delenv("TERRAIN_DB")
    assert settings.get("db") == "sqlite:///terrain.db"


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    commands = dict(main.commands)
    for name, cmd in commands.items():
        subs = getattr(cmd, "commands", None)
        for sub_name in (subs or {None: None}):
            args = [name] + ([sub_name] if sub_name else []) + ["--help"]
            result = runner.invoke(main, args)
            assert result.exit_code == 0, args
            assert "Example" in result.output, f"{' '.join(args)} has no example"


def test_doctor_reports_a_bad_database_with_its_fix(tmp_path):
    result = CliRunner().invoke(main, ["doctor", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 1
    assert "FAIL] database" in result.output and "fix:" in result.output


@pytest.mark.parametrize("module, check", [("terrain.classify.verifier", "event verifier"),
                                           ("terrain.extract.rerank", "argument reranker")])
def test_doctor_checks_the_learned_components(monkeypatch, tmp_path, module, check):
    component = importlib.import_module(module)
    result = CliRunner().invoke(main, ["doctor", "--db", f"sqlite:///{tmp_path}/t.db"])
    assert f"[ok  ] {check}" in result.output
    component.load_model.cache_clear()
    monkeypatch.setattr(component, "MODEL_FILE", tmp_path / "missing.json")
    try:
        result = CliRunner().invoke(main, ["doctor", "--db", f"sqlite:///{tmp_path}/t.db"])
        assert f"FAIL] {check}" in result.output and "scripts/train-verifier" in result.output
    finally:
        component.load_model.cache_clear()
