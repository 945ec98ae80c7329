"""Jurisdiction profiles and the one registry of codes, as a team meets them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from caseconf.cli.main import main
from caseconf.codes import all_codes
from caseconf.index.rules_ref import TABLE_END, TABLE_START, code_table
from caseconf.pii.codes import all_codes as pii_codes
from caseconf.records.models import Thresholds
from caseconf.records.profiles import JURISDICTIONS, load_profile

from ..helpers import PROJECT
from .apply import BASES, materialise

PACK_TABLES = {
    PROJECT / "methodology" / "en" / "index.md": "cz",
    PROJECT / "src" / "caseconf" / "templates" / "packs" / "cz" / "en" / "index.md": "cz",
    PROJECT / "src" / "caseconf" / "templates" / "packs" / "me" / "en" / "index.md": "me",
}


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def _findings(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[dict]]:
    code, out = _run(["check", "--root", str(root), "--format", "json", *extra], capsys)
    return code, json.loads(out)["findings"]


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_profile_names_known_thresholds_and_codes_with_sources(jurisdiction: str) -> None:
    profile = load_profile(jurisdiction)
    assert set(profile.thresholds) == set(Thresholds.model_fields), "every threshold has a default here"
    assert all(item.source.strip() for item in profile.thresholds.values())
    known = {entry.code for entry in all_codes()}
    assert set(profile.rules) <= known
    assert all(item.value in ("error", "warning", "info", "off") and item.source for item in profile.rules.values())


def test_init_me_writes_the_montenegrin_defaults_and_a_me_record_gets_no_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "tim"
    assert main(["init", str(repo), "--jurisdiction", "me", "--office", "PG=CSR PG"]) == 0
    capsys.readouterr()
    settings = yaml.safe_load((repo / "caseconf.yml").read_text(encoding="utf-8"))
    assert settings["rules"]["CONF003"] == "off" and settings["rules"]["CONF004"] == "off"
    assert settings["thresholds"]["followup_min_days"] == 0
    shutil.copytree(BASES["me"] / "records" / "PG-2025-001", repo / "records" / "PG-2025-001")
    code, findings = _findings(repo, capsys)  # the personal-data scan included
    assert code == 0 and findings == [], findings


def test_init_cz_writes_the_czech_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "tym"
    assert main(["init", str(repo), "--jurisdiction", "cz"]) == 0
    settings = yaml.safe_load((repo / "caseconf.yml").read_text(encoding="utf-8"))
    assert settings["thresholds"]["followup_min_days"] == 90 and settings["thresholds"]["booking_max_days"] == 14


def test_team_thresholds_override_the_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = materialise(tmp_path / "repo", [], {"thresholds": {"followup_min_days": 30}}, base="me")
    code, findings = _findings(root, capsys, "--no-pii")
    assert findings == []
    config = yaml.safe_load((root / "caseconf.yml").read_text(encoding="utf-8"))
    assert config["thresholds"] == {"followup_min_days": 30}


@pytest.mark.parametrize("level", ["off", "error", "info"])
def test_loader_codes_obey_rules(level: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edits = [{"file": "records/JI-2025-001/case.yml", "replace": ["status: open", "status: open\nstatuss: open"]}]
    root = materialise(tmp_path / "repo", edits, {"rules": {"SCHEMA004": level}})
    code, findings = _findings(root, capsys, "--no-pii")
    hits = [f for f in findings if f["code"] == "SCHEMA004"]
    if level == "off":
        assert hits == [] and code == 0
    else:
        assert hits and {f["severity"] for f in hits} == {level}
        assert code == (1 if level == "error" else 0)


def test_pii_codes_are_relevelled_but_never_switched_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    planted = [{"file": "records/JI-2025-001/2025-03-04-initial.md",
                "replace": ["The mother described", "Call the mother on +420 777 123 456. The mother described"]}]
    root = materialise(tmp_path / "warn", planted, {"rules": {"PII003": "warning"}})
    code, findings = _findings(root, capsys)
    assert {f["severity"] for f in findings if f["code"] == "PII003"} == {"warning"}
    root = materialise(tmp_path / "off", planted, {"rules": {"PII003": "off"}})
    code, findings = _findings(root, capsys)
    assert any(f["code"] == "PII003" and f["severity"] == "error" for f in findings) and code == 1
    assert any(f["code"] == "CFG003" and f["path"] == "caseconf.yml" for f in findings)


def test_rules_lists_every_code_pii_included(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(["rules", "--format", "json", "--jurisdiction", "me"], capsys)
    rows = {row["code"]: row for row in json.loads(out)}
    assert code == 0 and set(rows) == {entry.code for entry in all_codes()}
    assert {p.code for p in pii_codes()} <= set(rows)
    assert {"YAML001", "SCHEMA004", "FILE005", "CFG001", "SUPP001", "CONF021"} <= set(rows)
    assert rows["CONF003"]["severity"] == "off" and rows["CONF006"]["by_profile"] == {"cz": "warning", "me": "warning"}


def test_no_two_codes_share_a_summary() -> None:
    summaries = [entry.summary["en"] for entry in all_codes()]
    assert len(summaries) == len(set(summaries)), sorted(s for s in summaries if summaries.count(s) > 1)


@pytest.mark.parametrize("path", sorted(PACK_TABLES), ids=lambda p: str(p.relative_to(PROJECT)))
def test_pack_code_tables_are_generated_from_the_registry(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = text.index(TABLE_START) + len(TABLE_START), text.index(TABLE_END)
    assert text[start:end].strip() == code_table(PACK_TABLES[path]), \
        f"{path.name}: regenerate with `python -m caseconf.index.rules_ref`"


@pytest.mark.parametrize("path", sorted(PACK_TABLES), ids=lambda p: str(p.relative_to(PROJECT)))
def test_pack_profile_tables_are_generated_from_the_profiles(path: Path) -> None:
    from caseconf.index.rules_ref import PROFILE_END, PROFILE_START, profile_table

    text = path.read_text(encoding="utf-8")
    start, end = text.index(PROFILE_START) + len(PROFILE_START), text.index(PROFILE_END)
    assert text[start:end].strip() == profile_table(PACK_TABLES[path])
