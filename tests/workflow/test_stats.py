"""`caseconf stats`: figures on a generated repository against counts computed independently;
`--min-cell`; `--merge` of three teams."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from caseconf.index.stats import merge_stats, publishable

from ..helpers import run_caseconf
from .builders import action, add_activity, add_case, add_record, evaluation, make_repo

KINDS = ("initial", "review", "crisis", "preparatory", "evaluation")


@dataclass
class Truth:
    """What the generator wrote, counted as it wrote it (not by reading the files back)."""

    conferences: list[tuple[str, str, str, str]] = field(default_factory=list)  # date, kind, office, basis
    activities: list[tuple[str, str, tuple[str, ...], int]] = field(default_factory=list)
    participants: list[tuple[str, str, str, str]] = field(default_factory=list)  # date, role, attendance, kind
    request_days: list[tuple[str, int]] = field(default_factory=list)


def generate(root: Path, seed: int, offices: tuple[str, ...], team: str) -> Truth:
    rng = random.Random(seed)
    make_repo(root, team=team, offices=offices)
    truth = Truth()
    for number in range(1, rng.randint(4, 7)):
        office = rng.choice(offices)
        case_id = f"{office}-2025-{number:03d}"
        add_case(root, case_id, opened="2025-01-02")
        day = dt.date(2025, 1, 5) + dt.timedelta(days=rng.randint(0, 60))
        kinds = ["initial"] + [rng.choice(["review", "crisis", "evaluation", "preparatory"])
                               for _ in range(rng.randint(0, 3))]
        next_id, open_ids = 1, []
        for kind in kinds:
            date = day.isoformat()
            basis = rng.choice(["court_petition", "other"])
            people = [(rng.choice(["mother", "father", "class_teacher", "ospod_worker"]),
                       rng.choice(["present", "partial", "excused", "absent"])) for _ in range(rng.randint(1, 4))]
            lead = rng.randint(5, 20)
            evaluations = []
            if kind in ("review", "crisis", "evaluation"):
                for action_id in list(open_ids):
                    result = rng.choice(["done", "not_done", "cancelled", "continued"])
                    evaluations.append(evaluation(action_id, result,
                                                  (day + dt.timedelta(days=30)).isoformat() if result == "continued" else None))
                    if result != "continued":
                        open_ids.remove(action_id)
            new_actions = []
            if kind != "preparatory":
                for _ in range(rng.randint(0, 2)):
                    action_id = f"A{next_id}"
                    next_id += 1
                    new_actions.append(action(action_id, (day + dt.timedelta(days=40)).isoformat()))
                    open_ids.append(action_id)
            add_record(root, case_id, date, kind, actions=new_actions, evaluations=evaluations,
                       next_review=(day + dt.timedelta(days=100)).isoformat(), basis=basis,
                       requested=(day - dt.timedelta(days=lead)).isoformat(), participants=people,
                       plan=kind != "preparatory")
            truth.conferences.append((date, kind, office, basis))
            truth.participants.extend((date, role, attendance, kind) for role, attendance in people)
            if kind in ("initial", "review", "crisis"):
                truth.request_days.append((date, lead))
            day += dt.timedelta(days=rng.randint(20, 120))
    for n in range(rng.randint(1, 6)):
        date = (dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 500))).isoformat()
        kind = rng.choice(["workshop", "supervision"])
        chosen = tuple(sorted(rng.sample(offices, rng.randint(1, len(offices)))))
        count = rng.randint(3, 20)
        add_activity(root, date, kind, chosen, count, suffix=f"-{n + 2}" if n else "")
        truth.activities.append((date, kind, chosen, count))
    return truth


def expected(truth: Truth, since: str | None, until: str | None) -> dict:
    def inside(date: str) -> bool:
        return (since is None or date >= since) and (until is None or date <= until)

    # One definition of a conference: a meeting, with the family or professionals only;
    # evaluations (no meeting) are counted apart.
    confs = [c for c in truth.conferences if inside(c[0]) and c[1] != "evaluation"]
    acts = [a for a in truth.activities if inside(a[0])]
    offices = {c[2] for c in confs} | {o for a in acts for o in a[2]}
    people = [(d, r, a, k) for d, r, a, k in truth.participants if inside(d)]
    invited = Counter(role for date, role, _, kind in people if kind != "evaluation")
    attended = Counter(role for date, role, att, kind in people
                       if kind != "evaluation" and att in ("present", "partial"))
    days = [d for date, d in truth.request_days if inside(date)]
    return {
        "total": len(confs),
        "by_kind": Counter(c[1] for c in confs),
        # the builder writes no basis for a preparatory meeting: it counts as unspecified
        "by_basis": Counter(c[3] if c[1] != "preparatory" else "unspecified" for c in confs),
        "evaluations": sum(1 for c in truth.conferences if inside(c[0]) and c[1] == "evaluation"),
        "by_office": Counter(c[2] for c in confs),
        "workshops": sum(1 for a in acts if a[1] == "workshop"),
        "supervisions": sum(1 for a in acts if a[1] == "supervision"),
        "workshop_participants": sum(a[3] for a in acts if a[1] == "workshop"),
        "offices_involved": len(offices),
        "invited": invited, "attended": attended,
        "median_request": statistics.median(days) if days else None,
    }


def nonzero(mapping: dict) -> Counter:
    return Counter({k: v for k, v in mapping.items() if v})


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("period", [(None, None), ("2025-03-01", None), (None, "2025-06-30"),
                                    ("2025-02-15", "2025-09-30")])
def test_stats_match_independent_counts(tmp_path: Path, seed: int, period: tuple[str | None, str | None]) -> None:
    root = tmp_path / "team"
    truth = generate(root, seed, ("JI", "TR", "PE"), "Tým A")
    since, until = period
    args = ["stats", "--root", str(root), "--format", "json"]
    args += ["--since", since] if since else []
    args += ["--until", until] if until else []
    run = run_caseconf(*args)
    assert run.code == 0, run.err
    data = run.json()
    want = expected(truth, since, until)
    assert data["period"] == {"since": since, "until": until}
    assert data["conferences"]["total"] == want["total"]
    assert nonzero(data["conferences"]["by_kind"]) == want["by_kind"]
    assert sum(data["conferences"]["by_kind"].values()) == data["conferences"]["total"]
    assert nonzero(data["conferences"]["by_basis"]) == want["by_basis"]
    assert nonzero(data["conferences"]["by_office"]) == want["by_office"]
    assert data["evaluations"] == want["evaluations"]
    # every breakdown adds up to the same total
    for group in ("by_basis", "by_office", "by_output"):
        assert sum(data["conferences"][group].values()) == data["conferences"]["total"], group
    for group in ("by_office_basis", "by_period_basis"):
        assert sum(sum(inner.values()) for inner in data["conferences"][group].values()) == want["total"], group
    for key in ("workshops", "supervisions", "workshop_participants", "offices_involved"):
        assert data[key] == want[key], key
    assert {r: c["invited"] for r, c in data["attendance"].items()} == dict(want["invited"])
    assert nonzero({r: c["attended"] for r, c in data["attendance"].items()}) == want["attended"]
    assert data["days"]["request_to_conference"]["median"] == want["median_request"]


def test_action_outcomes_and_reviews_on_time(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "team")
    add_case(root, "JI-2025-001")
    add_record(root, "JI-2025-001", "2025-02-01", "initial", next_review="2025-05-01",
               actions=[action("A1", "2025-03-01"), action("A2", "2025-03-01"), action("A3", "2025-04-01")])
    add_record(root, "JI-2025-001", "2025-05-01", "review", next_review="2025-08-01",
               evaluations=[evaluation("A1", "done"), evaluation("A2", "cancelled"),
                            evaluation("A3", "continued", "2025-07-01")], actions=[action("A4", "2025-07-01")])
    add_record(root, "JI-2025-001", "2025-08-20", "review", next_review="2025-11-20",
               evaluations=[evaluation("A3", "not_done"), evaluation("A4", "done")], actions=[])
    data = run_caseconf("stats", "--root", str(root), "--format", "json").json()
    assert data["actions"]["created"] == 4
    assert nonzero(data["actions"]["outcomes"]) == Counter({"done": 2, "cancelled": 1, "not_done": 1})
    assert data["reviews"] == {"held": 2, "on_time": 1, "late": 1, "unplanned": 0}
    # as the repository knew it at the end of May: A3 continued, A4 open
    may = run_caseconf("stats", "--root", str(root), "--until", "2025-05-31", "--format", "json").json()
    assert nonzero(may["actions"]["outcomes"]) == Counter({"done": 1, "cancelled": 1, "continued": 1, "open": 1})


def test_min_cell_in_outputs_for_others_never_in_json(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "team", min_cell=5)
    add_case(root, "JI-2025-001")
    for month in ("02", "05", "08"):
        add_record(root, "JI-2025-001", f"2025-{month}-03", "initial" if month == "02" else "review",
                   next_review="2025-12-01", actions=[])
    own = run_caseconf("stats", "--root", str(root), "--format", "json").json()
    assert own["conferences"]["total"] == 3 and "<" not in json.dumps(own)
    rows = {(r["section"], r["group"], r["key"]): r["value"] for r in
            csv.DictReader(io.StringIO(run_caseconf("stats", "--root", str(root), "--format", "csv", "--keys").out))}
    assert rows[("conferences", "", "total")] == "<5"
    assert rows[("conferences", "by_kind", "crisis")] == "0"
    lowered = run_caseconf("stats", "--root", str(root), "--format", "csv", "--keys", "--min-cell", "2").out
    assert "conferences,,total,3" in lowered
    exact = run_caseconf("stats", "--root", str(root), "--min-cell", "1")
    assert exact.code == 0 and "<" not in exact.out and "--min-cell 1" in exact.out
    table = run_caseconf("stats", "--root", str(root))
    assert table.code == 0 and "<5" in table.out
    shown = publishable(own, 5)
    assert shown["conferences"]["by_office"]["JI"] == "<5" and "values" not in shown["days"]["request_to_conference"]


def test_merge_three_teams(tmp_path: Path) -> None:
    truths, files = [], []
    for n, (team, offices) in enumerate([("Tým A", ("JI", "TR")), ("Tým B", ("JI", "PE")), ("Tým C", ("HB",))]):
        root = tmp_path / f"team{n}"
        truths.append((team, generate(root, 10 + n, offices, team)))
        run = run_caseconf("stats", "--root", str(root), "--format", "json")
        assert run.code == 0
        files.append(tmp_path / f"{n}.json")
        files[-1].write_text(run.out, encoding="utf-8")
    merged = run_caseconf("stats", "--merge", *map(str, files), "--format", "json")
    assert merged.code == 0, merged.err
    data = merged.json()
    wants = [(team, expected(truth, None, None)) for team, truth in truths]
    assert data["teams"] == ["Tým A", "Tým B", "Tým C"]
    assert data["conferences"]["total"] == sum(w["total"] for _, w in wants)
    assert nonzero(data["conferences"]["by_kind"]) == sum((w["by_kind"] for _, w in wants), Counter())
    by_office = Counter()
    for team, want in wants:
        by_office.update({f"{team}/{office}": n for office, n in want["by_office"].items()})
    assert nonzero(data["conferences"]["by_office"]) == by_office  # JI of team A and B kept apart
    for key in ("workshops", "supervisions", "workshop_participants", "offices_involved"):
        assert data[key] == sum(w[key] for _, w in wants), key
    all_days = sorted(d for _, truth in truths for _, d in truth.request_days)
    assert data["days"]["request_to_conference"]["median"] == statistics.median(all_days)
    # the merged CSV for publication hides small counts
    assert run_caseconf("stats", "--merge", *map(str, files), "--format", "csv").code == 0


def test_merge_refuses_published_reports(tmp_path: Path) -> None:
    published = tmp_path / "p.json"
    report = {"team": "X", "period": {"since": None, "until": None},
              "conferences": {"total": "<3", "by_kind": {}, "by_basis": {}, "by_office": {}}}
    published.write_text(json.dumps(report), encoding="utf-8")
    run = run_caseconf("stats", "--merge", str(published))
    assert run.code == 2 and "<3" in run.err
    with pytest.raises(ValueError):
        merge_stats([])
    broken = tmp_path / "b.json"
    broken.write_text("{not json", encoding="utf-8")
    assert run_caseconf("stats", "--merge", str(broken)).code == 2
