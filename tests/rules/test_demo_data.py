"""The demo records say what the methodology asks of them (issue 22)."""

from __future__ import annotations

import json

import pytest

from caseconf.cli.main import main

from ..helpers import PROJECT


def test_demo_counts_one_statutory_conference_per_court_petition_and_its_triggered_plans_b() -> None:
    from caseconf.index.stats import compute_stats
    from caseconf.records.repository import Repository

    stats = compute_stats(Repository.load(PROJECT))  # unmasked: the figures themselves
    # TR-2026-009: one petition, filed after the initial conference; the crisis and the reviews are not statutory
    assert stats["conferences"]["by_basis"]["court_petition"] == 1
    assert stats["plan_b"] == {"triggered": 2, "applied": 1}


def test_demo_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(PROJECT), "--format", "json", "--no-pii"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
