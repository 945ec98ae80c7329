"""Funder figures that add up: one definition of a conference, office x basis and
half-year x basis tables, outputs, hours and workshop audience, named half-years, and the
report read in the team's language (issue 19, deliverable 5).

The Vysočina Jan-Sep 2013 report (domain.md, "Figures a funder report needs") is rebuilt as
a repository of fictional cases and must give the published figures exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
from pathlib import Path

import pytest

from ..helpers import run_caseconf, write
from .builders import add_activity, add_case, add_record, make_repo

OFFICES = tuple(f"O{letter}" for letter in "ABCDEFGHIJKLM")  # 13 fictional offices


def vysocina_2013(root: Path) -> Path:
    """65 conferences (26 before a court petition, 39 for other reasons) in 13 offices,
    25 supervisions and 11 workshops between January and September 2013, plus records
    that must not count: evaluations (no meeting) and activities of October."""
    rng = random.Random(2013)
    make_repo(root, team="Fiktivní tým V", offices=OFFICES)
    bases = ["court_petition"] * 26 + ["other"] * 39
    rng.shuffle(bases)
    day = dt.date(2013, 1, 7)
    case_no = 0
    for n, basis in enumerate(bases):
        office = OFFICES[n % len(OFFICES)]
        case_no += 1
        case_id = f"{office}-2013-{case_no:03d}"
        add_case(root, case_id, opened="2013-01-02")
        date = (day + dt.timedelta(days=(n * 4) % 260)).isoformat()
        add_record(root, case_id, date, "initial", basis=basis, next_review="2013-12-01")
        if n % 9 == 0:  # an evaluation afterwards: no meeting, counted apart
            add_record(root, case_id, "2013-09-20", "evaluation", plan=False)
    for n in range(25):
        add_activity(root, (dt.date(2013, 1, 10) + dt.timedelta(days=n * 10)).isoformat(), "supervision",
                     (OFFICES[n % len(OFFICES)],), 4, suffix=f"-{n + 2}" if n else "")
    for n in range(11):
        add_activity(root, (dt.date(2013, 1, 15) + dt.timedelta(days=n * 23)).isoformat(), "workshop",
                     OFFICES[n:n + 3], 12, suffix=f"-{n + 2}" if n else "")
    add_activity(root, "2013-10-02", "workshop", OFFICES[:2], 9)
    add_activity(root, "2013-10-03", "supervision", OFFICES[:1], 3)
    return root


def test_vysocina_2013_figures_exactly(tmp_path: Path) -> None:
    root = vysocina_2013(tmp_path / "vy")
    run = run_caseconf("stats", "--root", str(root), "--since", "2013-01-01", "--until", "2013-09-30",
                       "--format", "json")
    assert run.code == 0, run.err
    data = run.json()
    conferences = data["conferences"]
    assert conferences["total"] == 65
    assert conferences["by_basis"] == {"court_petition": 26, "other": 39}
    assert data["supervisions"] == 25
    assert data["workshops"] == 11
    assert data["offices_involved"] == 13
    assert data["evaluations"] == 8  # counted apart, never in the 65
    assert sum(conferences["by_office"].values()) == 65
    assert sum(sum(inner.values()) for inner in conferences["by_office_basis"].values()) == 65
    assert sum(inner.get("court_petition", 0) for inner in conferences["by_office_basis"].values()) == 26
    assert set(conferences["by_period_basis"]) == {"2013-H1", "2013-H2"}
    assert sum(sum(inner.values()) for inner in conferences["by_period_basis"].values()) == 65


def test_half_years_named_and_cross_tables_in_the_team_language(tmp_path: Path) -> None:
    root = vysocina_2013(tmp_path / "vy")
    table = run_caseconf("stats", "--root", str(root), "--min-cell", "1")
    assert table.code == 0, table.err
    assert "1. pololetí 2013" in table.out and "2. pololetí 2013" in table.out
    assert "Pracoviště a důvod konference" in table.out
    assert "za celé období." in table.out.splitlines()[0]
    period = run_caseconf("stats", "--root", str(root), "--since", "2013-01-01", "--until", "2013-09-30")
    assert "za období 1. 1. 2013 – 30. 9. 2013." in period.out.splitlines()[0]
    montenegrin = run_caseconf("stats", "--root", str(root), "--format", "csv", env={"CASECONF_LANG": "sr-Latn"})
    rows = list(csv.reader(io.StringIO(montenegrin.out)))
    assert rows[0] == ["Odjeljak", "Grupa", "Stavka", "Broj"]
    assert any(row[1].startswith("1. polugodište 2013") for row in rows)


def _json_keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _json_keys(v)}
    return set()


@pytest.mark.parametrize("lang", ["cs", "sr-Latn"])
def test_no_english_key_in_the_report(tmp_path: Path, lang: str) -> None:
    """Every key of the JSON report is a word for machines; none may reach the table or the
    translated CSV (office codes are the team's own, team name and dates are data)."""
    root = vysocina_2013(tmp_path / "vy")
    add_record(root, f"{OFFICES[0]}-2013-001", "2013-05-02", "crisis", basis="court_petition")
    keys = _json_keys(run_caseconf("stats", "--root", str(root), "--format", "json").json())
    keys |= {"unspecified", "court_petition", "initial", "mother", "ospod_worker", "present", "absent"}
    keys -= set(OFFICES) | {"n"}
    # a key that is also an ordinary word of the language ("period" in Montenegrin) is no leak
    from caseconf.index.stats_labels import WORDS
    from caseconf.records.vocab_labels import VOCAB_LABELS

    native = {w for table in (WORDS, VOCAB_LABELS) for m in table.values()
              for w in re.findall(r"[A-Za-z_]+", m.get(lang, ""))}
    keys -= native
    env = {"CASECONF_LANG": lang}
    for args in (("stats",), ("stats", "--format", "csv"), ("stats", "--min-cell", "1")):
        out = run_caseconf(*args, "--root", str(root), env=env).out
        words = set(re.findall(r"[A-Za-z_]+", out))
        leaked = sorted(keys & words)
        assert not leaked, (args, leaked)


def test_outputs_hours_and_audience_recorded_and_reported(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "team")
    add_case(root, "JI-2025-001")
    record = add_record(root, "JI-2025-001", "2025-02-03", "initial", basis="court_petition")
    text = record.read_text(encoding="utf-8").replace(
        "basis: court_petition", "basis: court_petition\noutputs: [court_material, plan]\nfacilitation_hours: 3.5")
    record.write_text(text, encoding="utf-8")
    workshop = add_activity(root, "2025-03-04", "workshop", ("JI",), 12)
    workshop.write_text(workshop.read_text(encoding="utf-8").replace(
        "participants_count: 12", "participants_count: 12\naudience: [child_protection, school]\nhours: 4"),
        encoding="utf-8")
    check = run_caseconf("check", "--root", str(root), "--format", "json")
    assert not [f for f in check.json()["findings"] if f["code"].startswith(("SCHEMA", "YAML"))], check.out
    data = run_caseconf("stats", "--root", str(root), "--format", "json").json()
    assert data["conferences"]["by_output"] == {"court_material": 1, "plan": 1}
    assert data["hours"]["facilitation"] == 3.5 and data["hours"]["conferences_with_hours"] == 1
    assert data["hours"]["meetings"] == 1.75  # 13:00-14:45
    assert data["hours"]["workshops"] == 4
    assert data["workshop_audience"] == {"child_protection": 1, "school": 1}
    table = run_caseconf("stats", "--root", str(root), "--min-cell", "1").out
    assert "3,5" in table and "podklad pro soud" in table and "pracovníci OSPOD" in table
    # hours add up in a national roll-up; offices stay apart per team
    report = tmp_path / "a.json"
    report.write_text(json.dumps(data), encoding="utf-8")
    merged = run_caseconf("stats", "--merge", str(report), str(report), "--format", "json").json()
    assert merged["hours"]["facilitation"] == 7
    assert set(merged["conferences"]["by_office_basis"]) == {"Testovací tým/JI"}


def test_site_stats_page_shows_the_same_tables(tmp_path: Path) -> None:
    root = vysocina_2013(tmp_path / "vy")
    write(root / "mkdocs.yml", "site_name: Statistika týmu\ndocs_dir: methodology\ntheme:\n  name: material\n"
          "  language: cs\nplugins:\n  - caseconf\n")
    write(root / "methodology" / "index.md", "# Metodika\n")
    build = run_caseconf("site", "build", "--root", str(root))
    assert build.code == 0, build.err
    pages = list((root / "site").rglob("index.html"))
    stats_page = next(p for p in pages if "Pololetí a důvod konference" in p.read_text(encoding="utf-8"))
    html = stats_page.read_text(encoding="utf-8")
    assert "1. pololetí 2013" in html and "Pracoviště a důvod konference" in html
    assert "2013/1" not in html and "unspecified" not in html
