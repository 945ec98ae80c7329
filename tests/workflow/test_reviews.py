"""`caseconf reviews` and index.reviews: planned, overdue, evaluations due after the grace days."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from icalendar import Calendar

from caseconf.index.reviews import planned_reviews
from caseconf.records.repository import Repository

from ..helpers import run_caseconf
from .builders import action, add_case, add_record


def items(root: Path, day: str, overdue_only: bool = False) -> list[tuple[str, str, str, str, int]]:
    repo = Repository.load(root)
    return [(i.case, i.kind, i.planned.isoformat(), i.status, i.overdue_days)
            for i in planned_reviews(repo, as_of=dt.date.fromisoformat(day), overdue_only=overdue_only)]


def test_nothing_before_the_first_plan(history_repo: Path) -> None:
    assert items(history_repo, "2025-03-03") == []


def test_planned_review_and_evaluation_due_on_the_grace_day(history_repo: Path) -> None:
    got = items(history_repo, "2025-06-09")
    # JI: last due of the initial plan 2025-05-10 + 30 days = 2025-06-09: due today, not overdue
    assert ("JI-2025-001", "evaluation", "2025-06-09", "planned", 0) in got
    assert ("JI-2025-001", "review", "2025-06-10", "planned", 0) in got
    assert ("TR-2025-002", "review", "2025-08-01", "planned", 0) in got
    assert len(got) == 3
    assert items(history_repo, "2025-06-08") == [("JI-2025-001", "review", "2025-06-10", "planned", 0),
                                                 ("TR-2025-002", "review", "2025-08-01", "planned", 0)]


def test_held_review_replaces_the_plan(history_repo: Path) -> None:
    got = items(history_repo, "2025-06-10")
    assert ("JI-2025-001", "review", "2025-10-01", "planned", 0) in got
    # the new plan (A4 due 2025-09-15, A2 continued to 2025-09-30) is evaluated from 2025-10-30 only
    assert not any(kind == "evaluation" and case == "JI-2025-001" for case, kind, *_ in got)


def test_overdue_boundaries(history_repo: Path) -> None:
    assert ("TR-2025-002", "review", "2025-08-01", "planned", 0) in items(history_repo, "2025-08-01")
    later = items(history_repo, "2025-08-02", overdue_only=True)
    # TR plan: last due 2025-06-30 + 30 = 2025-07-30 -> 3 days overdue on 2025-08-02
    assert later == [("TR-2025-002", "evaluation", "2025-07-30", "overdue", 3),
                     ("TR-2025-002", "review", "2025-08-01", "overdue", 1)]


def test_preparatory_does_not_hold_the_review_and_closed_cases_drop_out(history_repo: Path) -> None:
    add_record(history_repo, "TR-2025-002", "2025-07-20", "preparatory", plan=False)
    assert ("TR-2025-002", "review", "2025-08-01", "overdue", 1) in items(history_repo, "2025-08-02")
    add_case(history_repo, "JI-2025-003", opened="2025-01-05", status="closed", closed="2025-05-01")
    add_record(history_repo, "JI-2025-003", "2025-02-01", "initial", next_review="2025-05-15",
               actions=[action("A1", "2025-03-01")])
    assert any(i[0] == "JI-2025-003" for i in items(history_repo, "2025-04-30"))
    assert not any(i[0] == "JI-2025-003" for i in items(history_repo, "2025-06-01"))


def test_cli_formats(history_repo: Path) -> None:
    base = ("reviews", "--root", str(history_repo), "--as-of", "2025-08-02")
    data = run_caseconf(*base, "--format", "json").json()
    assert data["as_of"] == "2025-08-02"
    assert {"case", "office", "kind", "planned", "record", "overdue_days", "status"} <= set(data["reviews"][0])
    only = run_caseconf(*base, "--overdue", "--format", "json").json()
    assert all(r["status"] == "overdue" for r in only["reviews"]) and len(only["reviews"]) == 2
    rows = list(csv.DictReader(io.StringIO(run_caseconf(*base, "--format", "csv", "--keys").out)))
    assert len(rows) == len(data["reviews"]) and rows[0]["case"] == data["reviews"][0]["case"]
    table = run_caseconf(*base)
    assert table.code == 0 and "TR-2025-002" in table.out
    ics = run_caseconf(*base, "--format", "ics")
    events = list(Calendar.from_ical(ics.out.encode("utf-8")).walk("VEVENT"))
    assert len(events) == len(data["reviews"])
    again = list(Calendar.from_ical(run_caseconf(*base, "--format", "ics").out.encode("utf-8")).walk("VEVENT"))
    assert sorted(str(e["UID"]) for e in events) == sorted(str(e["UID"]) for e in again)


def test_demo_reviews_run(demo_copy: Path) -> None:
    run = run_caseconf("reviews", "--root", str(demo_copy), "--as-of", "2026-11-23", "--format", "json")
    assert run.code == 0
    assert all(item["planned"] for item in run.json()["reviews"])
