"""Smoke tests of the benchmark tools: the generator makes a valid, clean repository and
`benchmarks/run.py --quick` runs end to end. The benchmark itself never runs in the suite."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from caseconf.cli.main import main

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

from generate import build, generate  # noqa: E402


def test_generated_repository_is_valid_and_clean(tmp_path, capsys):
    repo = generate(tmp_path / "repo", 30, seed=4)
    assert main(["check", "--root", str(repo), "--format", "json", "--no-pii"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["findings"] == [] and report["checked"] > 60
    assert main(["pii", "--root", str(repo), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_generator_is_seeded():
    assert build(5, seed=3) == build(5, seed=3)
    assert build(5, seed=3) != build(5, seed=4)


def test_history_has_the_requested_commits(tmp_path, capsys):
    repo = generate(tmp_path / "hist", 5, seed=2, commits=25)
    count = subprocess.run(["git", "-C", str(repo), "rev-list", "--count", "HEAD"], capture_output=True, text=True)
    assert count.stdout.strip() == "25"
    status = subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], capture_output=True, text=True)
    assert status.stdout == ""  # the work tree is the last commit
    assert main(["pii", "--history", "--root", str(repo), "--format", "json"]) == 0


def test_run_quick(tmp_path):
    proc = subprocess.run([sys.executable, str(BENCH / "run.py"), "--quick", "--results", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (result,) = tmp_path.glob("*.json")
    report = json.loads(result.read_text())
    names = [row["name"] for row in report["rows"]]
    assert any(name.startswith("check --no-pii vs.") for name in names)
    assert any(name.startswith("pre-commit") for name in names)
    assert any(name.startswith("pii --history") for name in names)
    for row in report["rows"]:
        assert "exit codes" not in (row.get("note") or ""), row
