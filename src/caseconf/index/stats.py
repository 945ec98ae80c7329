"""Figures for a funder report (domain: "Figures a funder report needs").

`compute_stats` gives the team's own, exact figures (JSON for the team and for national
roll-up by `merge_stats`); `publishable` hides small counts for anything published.
Used unchanged by `caseconf stats` and by the site plugin.

One definition of a conference for every figure: a meeting, with the family or with
professionals only (`vocab.COUNTED_AS_CONFERENCE`: initial, review, crisis, preparatory).
Evaluations (no meeting) and activities are counted apart, so `total`, `by_kind`,
`by_basis`, `by_office`, `by_office_basis` and `by_period_basis` all add up to one number.

Keys (JSON keys stay English):
- `team`, `period {since, until}` (dates filter inclusively; null = open-ended)
- `conferences {total, by_kind, by_basis, by_office, by_output, by_office_basis
  {office: {basis: n}}, by_period_basis {"2025-H1": {basis: n}}}`; a missing basis counts
  as `unspecified`, a conference without `outputs` under `by_output.unspecified`
- `evaluations`: evaluation records (no meeting) in the period
- `supervisions`, `workshops`, `workshop_participants`, `supervision_participants`,
  `workshop_audience {audience: workshops}`
- `hours {facilitation, conferences_with_hours, meetings, workshops, supervisions}`:
  recorded facilitation hours, how many conferences recorded them, the meetings' own length
  from start and end, and the activities' recorded hours
- `offices_involved` (case offices of the conferences plus offices of the activities) and
  `offices` (their codes)
- `attendance {role: {invited, attended, present, partial, excused, absent}}` at conferences
- `actions {created, outcomes {status: n}}`: actions set in the period, by derived status
  at the end of the period
- `reviews {held, on_time, late, unplanned}`: review and evaluation records in the period,
  compared with the `next_review` planned before them (on or before it = on time)
- `days {request_to_conference, invitation_to_conference}`: `{median, n, values}`
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from typing import Any

from ..records.repository import Repository
from ..records.vocab import (ALL_BASES, COUNTED_AS_CONFERENCE, MEETING_KINDS, ActionStatus, ActivityKind, ConferenceKind,
                             EvaluationResult)
from .actions import case_office

ATTENDANCE_KEYS = ("invited", "attended", "present", "partial", "excused", "absent")
OUTCOME_KEYS = tuple(s.value for s in ActionStatus) + (EvaluationResult.continued.value,)
COUNTED_KINDS = tuple(kind.value for kind in ConferenceKind if kind in COUNTED_AS_CONFERENCE)
UNSPECIFIED = "unspecified"
# Values that are not counts of people or events: never hidden by `publishable`.
NOT_COUNTS = frozenset({"period", "median", "values", "offices_involved", "offices", "min_cell", "team",
                        "teams", "hours"})


def _in(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


def half_year(day: dt.date) -> str:
    """The half-year key of a day, `2025-H1` / `2025-H2` (labels come from the catalogue)."""
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def _median(values: list[int]) -> dict[str, Any]:
    values = sorted(values)
    median = statistics.median(values) if values else None
    if isinstance(median, float) and median.is_integer():
        median = int(median)
    return {"median": median, "n": len(values), "values": values}


def _by_basis(counts: Counter[str]) -> dict[str, int]:
    """Bases in the vocabulary's order (court petition first), then the rest."""
    order = {basis: n for n, basis in enumerate(ALL_BASES)}
    return {key: counts[key] for key in sorted(counts, key=lambda key: (order.get(key, len(order)), key))}


def _meeting_hours(record: Any) -> float:
    if record.start is None or record.end is None:
        return 0.0
    def minutes(clock: str) -> int:
        hours, _, mins = str(clock).partition(":")
        return int(hours) * 60 + int(mins or 0)

    return max(minutes(record.end) - minutes(record.start), 0) / 60


def _tidy(number: float) -> float | int:
    number = round(float(number), 2)
    return int(number) if number.is_integer() else number


def compute_stats(repo: Repository, *, since: dt.date | None = None, until: dt.date | None = None) -> dict:
    config = repo.config
    by_kind: Counter[str] = Counter({kind: 0 for kind in COUNTED_KINDS})
    by_basis: Counter[str] = Counter()
    by_office: Counter[str] = Counter({code: 0 for code in (config.offices if config else {})})
    by_output: Counter[str] = Counter()
    by_office_basis: dict[str, Counter[str]] = {}
    by_period_basis: dict[str, Counter[str]] = {}
    offices: set[str] = set()
    attendance: dict[str, Counter[str]] = {}
    outcomes: Counter[str] = Counter({key: 0 for key in OUTCOME_KEYS})
    created = evaluations = 0
    reviews = Counter({"held": 0, "on_time": 0, "late": 0, "unplanned": 0})
    hours = {"facilitation": 0.0, "conferences_with_hours": 0, "meetings": 0.0, "workshops": 0.0,
             "supervisions": 0.0}
    request_days: list[int] = []
    invitation_days: list[int] = []
    total = 0
    plan_b = Counter({"triggered": 0, "applied": 0})  # plan B that came into force (issue 22)

    for case in repo.cases.values():
        office = case_office(case)
        planned_review: dt.date | None = None
        states = case.actions(as_of=until) if until is not None else case.actions()
        for doc in case.conferences:
            record = doc.model
            if _in(record.date, since, until):
                if record.kind in COUNTED_AS_CONFERENCE:
                    total += 1
                    basis = record.basis or UNSPECIFIED
                    by_kind[record.kind.value] += 1
                    by_basis[basis] += 1
                    by_office[office] += 1
                    by_office_basis.setdefault(office, Counter())[basis] += 1
                    by_period_basis.setdefault(half_year(record.date), Counter())[basis] += 1
                    for output in record.outputs or [UNSPECIFIED]:
                        by_output[str(output)] += 1
                    offices.add(office)
                    hours["meetings"] += _meeting_hours(record)
                    if record.facilitation_hours is not None:
                        hours["facilitation"] += record.facilitation_hours
                        hours["conferences_with_hours"] += 1
                    if record.kind in MEETING_KINDS:
                        if record.requested is not None:
                            request_days.append((record.date - record.requested).days)
                        if record.invited is not None:
                            invitation_days.append((record.date - record.invited).days)
                    for person in record.participants:
                        counts = attendance.setdefault(person.role, Counter({key: 0 for key in ATTENDANCE_KEYS}))
                        counts["invited"] += 1
                        counts[person.attendance.value] += 1
                        if person.attendance.value in ("present", "partial"):
                            counts["attended"] += 1
                elif record.kind is ConferenceKind.evaluation:
                    evaluations += 1
                for trigger in record.plan_b_triggered:
                    plan_b["triggered"] += 1
                    plan_b["applied"] += bool(trigger.applied)
                if record.kind in (ConferenceKind.review, ConferenceKind.evaluation):
                    reviews["held"] += 1
                    if planned_review is None:
                        reviews["unplanned"] += 1
                    elif record.date <= planned_review:
                        reviews["on_time"] += 1
                    else:
                        reviews["late"] += 1
                if record.plan is not None:
                    for action in record.plan.actions:
                        state = states.get(action.id)
                        if state is not None and state.record == doc.path:
                            created += 1
                            outcomes[state.status] += 1
            if record.plan is not None:
                planned_review = record.plan.next_review

    activities = Counter({kind.value: 0 for kind in ActivityKind})
    participants = Counter({kind.value: 0 for kind in ActivityKind})
    audience: Counter[str] = Counter()
    for _doc, activity in repo.activity_records():
        if not _in(activity.date, since, until):
            continue
        activities[activity.kind.value] += 1
        participants[activity.kind.value] += activity.participants_count or 0
        hours[activity.kind.value + "s"] += activity.hours or 0.0
        if activity.kind is ActivityKind.workshop:
            for group in activity.audience or [UNSPECIFIED]:
                audience[str(group)] += 1
        offices.update(activity.offices)

    return {
        "team": config.team if config else None,
        "period": {"since": since.isoformat() if since else None, "until": until.isoformat() if until else None},
        "conferences": {
            "total": total,
            "by_kind": dict(by_kind),
            "by_basis": _by_basis(by_basis),
            "by_office": dict(sorted(by_office.items())),
            "by_output": dict(sorted(by_output.items())),
            "by_office_basis": {key: _by_basis(c) for key, c in sorted(by_office_basis.items())},
            "by_period_basis": {key: _by_basis(c) for key, c in sorted(by_period_basis.items())},
        },
        "evaluations": evaluations,
        "supervisions": activities[ActivityKind.supervision.value],
        "workshops": activities[ActivityKind.workshop.value],
        "workshop_participants": participants[ActivityKind.workshop.value],
        "supervision_participants": participants[ActivityKind.supervision.value],
        "workshop_audience": dict(sorted(audience.items())),
        "hours": {key: _tidy(value) for key, value in hours.items()},
        "offices_involved": len(offices),
        "offices": sorted(offices),
        "attendance": {role: dict(counts) for role, counts in sorted(attendance.items())},
        "actions": {"created": created, "outcomes": dict(outcomes)},
        "reviews": dict(reviews),
        "plan_b": dict(plan_b),
        "days": {"request_to_conference": _median(request_days),
                 "invitation_to_conference": _median(invitation_days)},
    }


def publishable(stats: dict, min_cell: int) -> dict:
    """A copy for publication: counts from 1 to min_cell-1 become "<N"; raw day lists dropped."""

    def walk(value: Any, key: str | None) -> Any:
        if key in NOT_COUNTS:
            return value
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items() if k != "values"}
        if isinstance(value, bool) or not isinstance(value, int):
            return value
        return f"<{min_cell}" if 0 < value < min_cell else value

    out = walk(stats, None)
    out["min_cell"] = min_cell
    return out


class MergeError(ValueError):
    pass


def _prefixed(team: str, mapping: dict) -> dict:
    return {f"{team}/{key}": value for key, value in mapping.items()}


def _add(into: dict, other: dict, where: str) -> None:
    for key, value in other.items():
        if isinstance(value, dict):
            _add(into.setdefault(key, {}), value, f"{where}.{key}")
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, (int, float)):
            into[key] = into.get(key, 0) + value
        elif isinstance(value, str) and value.startswith("<"):
            raise MergeError(f"{where}.{key} is '{value}': a published report with hidden small counts "
                             "cannot be added up; merge the teams' own `--format json` outputs")


def merge_stats(reports: list[dict]) -> dict:
    """One report from several teams' `compute_stats` outputs (national roll-up).

    Counts are summed; offices are kept apart by team (`<team>/<office>`); medians are
    recomputed from the day values; the period spans all reports.
    """
    if not reports:
        raise MergeError("nothing to merge")
    teams: list[str] = []
    merged: dict[str, Any] = {}
    offices: list[str] = []
    days: dict[str, list[int]] = {"request_to_conference": [], "invitation_to_conference": []}
    sinces, untils = [], []
    for index, report in enumerate(reports, 1):
        if "conferences" not in report or "period" not in report:
            raise MergeError(f"report {index} is not a `caseconf stats --format json` output")
        team = str(report.get("team") or f"team{index}")
        teams.append(team)
        sinces.append(report["period"].get("since"))
        untils.append(report["period"].get("until"))
        conferences = dict(report["conferences"])
        conferences["by_office"] = _prefixed(team, conferences.get("by_office", {}))
        conferences["by_office_basis"] = _prefixed(team, conferences.get("by_office_basis", {}))
        counts = {key: value for key, value in report.items()
                  if key not in ("team", "teams", "period", "offices", "offices_involved", "days", "min_cell")}
        counts["conferences"] = conferences
        _add(merged, counts, team)
        team_offices = report.get("offices")
        if team_offices is None:  # an older report without the list: count only
            team_offices = [f"#{n}" for n in range(int(report.get("offices_involved") or 0))]
        offices.extend(f"{team}/{code}" for code in team_offices)
        for key in days:
            values = ((report.get("days") or {}).get(key) or {}).get("values")
            if values is None and ((report.get("days") or {}).get(key) or {}).get("n"):
                raise MergeError(f"report {index} ({team}) has no day values for {key}")
            days[key].extend(values or [])
    for key in ("by_office", "by_office_basis"):
        merged["conferences"][key] = dict(sorted(merged["conferences"].get(key, {}).items()))
    if "hours" in merged:
        merged["hours"] = {key: _tidy(value) for key, value in merged["hours"].items()}
    return {
        "team": None,
        "teams": teams,
        "period": {"since": None if None in sinces else min(sinces),
                   "until": None if None in untils else max(untils)},
        **merged,
        "offices_involved": len(set(offices)),
        "offices": sorted(set(offices)),
        "days": {key: _median(values) for key, values in days.items()},
    }
