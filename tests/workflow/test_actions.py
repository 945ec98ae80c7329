"""`caseconf actions` and index.actions: derived status over several reviews, as-of dates, overdue."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from icalendar import Calendar

from caseconf.index.actions import open_actions
from caseconf.index.export import actions_csv
from caseconf.records.repository import Repository

from ..helpers import run_caseconf


def ids(root: Path, day: str, **filters) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    repo = Repository.load(root)
    return [(a.case, a.id, a.overdue_days) for a in open_actions(repo, as_of=dt.date.fromisoformat(day), **filters)]


def test_before_any_record_nothing_is_open(history_repo: Path) -> None:
    assert ids(history_repo, "2025-03-03") == []


def test_as_of_the_initial_day(history_repo: Path) -> None:
    assert ids(history_repo, "2025-03-04") == [("JI-2025-001", "A1", 0), ("JI-2025-001", "A2", 0),
                                               ("JI-2025-001", "A3", 0)]


def test_due_today_is_not_overdue_tomorrow_is(history_repo: Path) -> None:
    assert ("JI-2025-001", "A1", 0) in ids(history_repo, "2025-04-15")
    assert ("JI-2025-001", "A1", 1) in ids(history_repo, "2025-04-16")
    assert ids(history_repo, "2025-04-15", overdue=True) == []
    assert ids(history_repo, "2025-04-16", overdue=True) == [("JI-2025-001", "A1", 1)]


def test_the_day_before_the_review_sorted_most_overdue_first(history_repo: Path) -> None:
    # 2025-06-09: records dated later are ignored; A1 55 days, A2 39, A3 30 overdue.
    got = ids(history_repo, "2025-06-09")
    assert got[:3] == [("JI-2025-001", "A1", 55), ("JI-2025-001", "A2", 39), ("JI-2025-001", "A3", 30)]
    assert got[3:] == [("TR-2025-002", "A1", 0), ("TR-2025-002", "A2", 0)]  # dated before undated


def test_review_closes_done_and_cancelled_and_continues_with_new_due(history_repo: Path) -> None:
    repo = Repository.load(history_repo)
    got = {a.id: a for a in open_actions(repo, as_of=dt.date(2025, 6, 10)) if a.case == "JI-2025-001"}
    assert sorted(got) == ["A2", "A4"]
    assert got["A2"].status == "continued" and got["A2"].due == dt.date(2025, 9, 30)
    assert got["A2"].record.endswith("2025-03-04-initial.md")  # the record that created it
    assert got["A4"].status == "open" and got["A4"].created == dt.date(2025, 6, 10)


def test_second_review(history_repo: Path) -> None:
    assert [x for x in ids(history_repo, "2025-10-01") if x[0] == "JI-2025-001"] == [("JI-2025-001", "A4", 0)]
    assert ("JI-2025-001", "A4", 0) in ids(history_repo, "2025-12-01")
    assert ("JI-2025-001", "A4", 1) in ids(history_repo, "2025-12-02")


def test_filters(history_repo: Path) -> None:
    assert ids(history_repo, "2025-06-09", owner="ospod_worker") == [("JI-2025-001", "A2", 39)]
    assert ids(history_repo, "2025-06-09", owner="f") == [("TR-2025-002", "A1", 0)]
    assert [x[0] for x in ids(history_repo, "2025-06-09", office="tr")] == ["TR-2025-002"] * 2
    # due within 21 days of 2025-06-09 = by 2025-06-30: the overdue ones and TR A1, not the undated one
    assert ids(history_repo, "2025-06-09", due_within=21)[-1] == ("TR-2025-002", "A1", 0)
    assert len(ids(history_repo, "2025-06-09", due_within=20)) == 3


def test_cli_json(history_repo: Path) -> None:
    run = run_caseconf("actions", "--root", str(history_repo), "--as-of", "2025-06-09", "--format", "json")
    assert run.code == 0, run.err
    data = run.json()
    assert data["as_of"] == "2025-06-09"
    first = data["actions"][0]
    assert {"case", "id", "record", "owner", "do", "due", "indicator", "status", "overdue_days"} <= set(first)
    assert (first["case"], first["id"], first["due"], first["overdue_days"]) == ("JI-2025-001", "A1", "2025-04-15", 55)
    overdue = run_caseconf("actions", "--root", str(history_repo), "--as-of", "2025-06-09", "--overdue",
                           "--format", "json").json()
    assert [a["id"] for a in overdue["actions"]] == ["A1", "A2", "A3"]


def test_cli_table(history_repo: Path) -> None:
    run = run_caseconf("actions", "--root", str(history_repo), "--as-of", "2025-06-09")
    assert run.code == 0
    assert "JI-2025-001" in run.out and "Termín" in run.out
    assert run.out.index("A1") < run.out.index("TR-2025-002")


def test_cli_csv_reads_back(history_repo: Path) -> None:
    run = run_caseconf("actions", "--root", str(history_repo), "--as-of", "2025-06-09", "--format", "csv", "--bom",
                       "--keys")
    assert run.code == 0
    assert run.out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(run.out.lstrip("\ufeff"))))
    assert [(r["case"], r["id"], r["overdue_days"]) for r in rows][:3] == [
        ("JI-2025-001", "A1", "55"), ("JI-2025-001", "A2", "39"), ("JI-2025-001", "A3", "30")]
    assert rows[0]["do"] == "úkol A1" and rows[-1]["due"] == ""


def test_csv_semicolon_and_quoting() -> None:
    from caseconf.index.actions import OpenAction

    tricky = OpenAction(case="JI-2025-001", office="JI", id="A1", record="r.md", created=dt.date(2025, 1, 1),
                        owner="M", do='M řekne: "ano; ne", a pak\nnový řádek', due=None, indicator=None,
                        status="open", overdue_days=0)
    text = actions_csv([tricky], delimiter=";")
    row = next(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert row["do"] == tricky.do and row["due"] == ""


def ics_events(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(event["UID"]): event for event in cal.walk("VEVENT")}


def test_ics_stable_uids_and_all_day_events(history_repo: Path, tmp_path: Path) -> None:
    args = ["actions", "--root", str(history_repo), "--as-of", "2025-06-09", "--format", "ics"]
    first = run_caseconf(*args, "-o", str(tmp_path / "a.ics"))
    second = run_caseconf(*args, "-o", str(tmp_path / "b.ics"))
    assert first.code == second.code == 0
    one, two = ics_events((tmp_path / "a.ics").read_bytes()), ics_events((tmp_path / "b.ics").read_bytes())
    assert set(one) == set(two)
    # 4 actions with a due date (TR A2 has none) + 2 planned reviews + 1 evaluation due
    # (JI plan's last due 2025-05-10 + 30 grace days = 2025-06-09)
    assert len(one) == 7
    assert sum(1 for uid in one if uid.startswith("evaluation-JI-2025-001")) == 1
    a1 = next(e for uid, e in one.items() if "JI-2025-001-A1" in uid)
    assert a1.decoded("DTSTART") == dt.date(2025, 4, 15)
    assert a1.decoded("DTEND") == dt.date(2025, 4, 16)
    assert "úkol A1" in str(a1["SUMMARY"])
    assert not any("ATTENDEE" in e or "ORGANIZER" in e for e in one.values())
    # A later export (A2 continued with a new due date) keeps the same UID for A2.
    later = run_caseconf("actions", "--root", str(history_repo), "--as-of", "2025-06-10", "--format", "ics")
    assert later.code == 0
    later_events = ics_events(later.out.encode("utf-8"))
    a2_uid = next(uid for uid in one if "JI-2025-001-A2" in uid)
    assert later_events[a2_uid].decoded("DTSTART") == dt.date(2025, 9, 30)


def test_bad_date_and_not_a_repository(history_repo: Path, tmp_path: Path) -> None:
    run = run_caseconf("actions", "--root", str(history_repo), "--as-of", "2025-02-30")
    assert run.code == 2 and "--as-of" in run.err
    empty = tmp_path / "nothing"
    empty.mkdir()
    run = run_caseconf("actions", "--root", str(empty))
    assert run.code == 2 and "caseconf init" in run.err


@pytest.mark.parametrize("command", ["actions", "reviews", "stats", "new", "new case", "new conference",
                                     "new activity", "init"])
def test_help(command: str) -> None:
    run = run_caseconf(*command.split(), "--help")
    assert run.code == 0 and "Použití:" in run.out and len(run.out) > 200  # the demo team is Czech
