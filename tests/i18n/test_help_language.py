"""The language of --help and usage errors is the team's, found before click parses anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseconf.cli.help_i18n import team_language

from ..helpers import run_caseconf, write


@pytest.mark.parametrize("config,lang", [
    ("team: T\njurisdiction: cz\nlanguage: cs\n", "cs"),
    ("team: T\njurisdiction: me\nlanguage: sr-Latn  # Montenegrin\n", "sr-Latn"),
    ("team: T\njurisdiction: me\n", "sr-Latn"),
    ("team: T\njurisdiction: cz\nlanguage: \"en\"\n", "en"),
])
def test_team_language_from_the_config(tmp_path: Path, monkeypatch, config: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CASECONF_LANG", raising=False)
    write(tmp_path / "caseconf.yml", config)
    assert team_language(["actions", "--root", str(tmp_path)]) == lang
    assert team_language([f"--root={tmp_path}"]) == lang


def test_a_montenegrin_team_gets_montenegrin_help_and_errors(tmp_path: Path) -> None:
    write(tmp_path / "caseconf.yml", "team: T\njurisdiction: me\nlanguage: sr-Latn\n")
    help_run = run_caseconf("reviews", "--help", cwd=tmp_path)
    assert help_run.code == 0 and "Upotreba: caseconf reviews [OPCIJE]" in help_run.out and "Opcije:" in help_run.out
    error = run_caseconf("reviews", "--as-of", "sutra", cwd=tmp_path)
    assert error.code == 2 and "Greška:" in error.err and "nije datum" in error.err
    choice = run_caseconf("actions", "--format", "pdf", cwd=tmp_path)
    assert choice.code == 2 and "nije nijedna od vrijednosti" in choice.err


def test_an_english_reviewer_can_ask_for_english(tmp_path: Path) -> None:
    write(tmp_path / "caseconf.yml", "team: T\njurisdiction: cz\nlanguage: cs\n")
    run = run_caseconf("actions", "--help", cwd=tmp_path, env={"CASECONF_LANG": "en"})
    assert "Usage: caseconf actions [OPTIONS]" in run.out and "Show this message and exit." in run.out
