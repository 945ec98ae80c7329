from __future__ import annotations

from pathlib import Path

import pytest

from .builders import action, add_case, add_record, evaluation, make_repo


@pytest.fixture
def history_repo(tmp_path: Path) -> Path:
    """One case followed over three meetings (done, continued with a new due date, cancelled),
    plus a second case in another office."""
    root = make_repo(tmp_path / "team")
    add_case(root, "JI-2025-001", opened="2025-02-20")
    add_record(root, "JI-2025-001", "2025-03-04", "initial", next_review="2025-06-10", actions=[
        action("A1", "2025-04-15"), action("A2", "2025-05-01", owner="ospod_worker"),
        action("A3", "2025-05-10")])
    add_record(root, "JI-2025-001", "2025-06-10", "review", next_review="2025-10-01",
               evaluations=[evaluation("A1", "done"), evaluation("A2", "continued", "2025-09-30"),
                            evaluation("A3", "cancelled")],
               actions=[action("A4", "2025-09-15", owner="family_worker")])
    add_record(root, "JI-2025-001", "2025-10-01", "review", next_review="2026-01-15",
               evaluations=[evaluation("A2", "done"), evaluation("A4", "continued", "2025-12-01")], actions=[])
    add_case(root, "TR-2025-002", opened="2025-04-01")
    add_record(root, "TR-2025-002", "2025-04-20", "initial", next_review="2025-08-01", actions=[
        action("A1", "2025-06-30", owner="F"), action("A2", None, owner="M")])
    return root
