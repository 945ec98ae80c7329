"""Open actions across the repository: who owes what by when (spec: "An action's current status").

Used unchanged by `caseconf actions` and by the site plugin.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from ..records.repository import Case, Repository


@dataclass(frozen=True)
class OpenAction:
    case: str
    office: str
    id: str
    record: str  # path of the record that created the action
    created: dt.date
    owner: str | None
    do: str | None
    due: dt.date | None  # latest due date (a `continued` evaluation may move it)
    indicator: str | None
    status: str  # derived: "open" or "continued"
    overdue_days: int  # 0 unless the latest due date is before the as-of date

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("created", "due"):
            data[key] = data[key].isoformat() if data[key] is not None else None
        return data


def case_office(case: Case) -> str:
    """The case's office: case.yml `office`, else the office code of the case id."""
    file = case.file
    if file is not None and file.office:
        return file.office
    return case.id.split("-", 1)[0]


def _action_number(action_id: str) -> int:
    try:
        return int(action_id[1:])
    except ValueError:
        return 0


def sort_key(action: OpenAction) -> tuple[Any, ...]:
    """Most overdue first, then by due date (undated last), case, action number."""
    return (-action.overdue_days, action.due is None, action.due or dt.date.max, action.case,
            _action_number(action.id), action.id)


def open_actions(repo: Repository, *, as_of: dt.date, owner: str | None = None, office: str | None = None,
                 overdue: bool = False, due_within: int | None = None) -> list[OpenAction]:
    """Every action whose derived status is open on `as_of`, as the repository knew it then.

    Records dated after `as_of` are ignored. `owner` and `office` match case-insensitively;
    `overdue` keeps actions whose latest due date is before `as_of` (due today is not
    overdue); `due_within` keeps actions due on or before `as_of + due_within` days
    (already overdue ones included; undated ones excluded).
    """
    owner_key = owner.strip().casefold() if owner else None
    office_key = office.strip().casefold() if office else None
    horizon = as_of + dt.timedelta(days=due_within) if due_within is not None else None
    result: list[OpenAction] = []
    for case in repo.cases.values():
        case_office_code = case_office(case)
        if office_key is not None and case_office_code.casefold() != office_key:
            continue
        for state in case.actions(as_of=as_of).values():
            if not state.is_open:
                continue
            if owner_key is not None and (state.owner or "").strip().casefold() != owner_key:
                continue
            days = state.overdue_days(as_of)
            if overdue and days <= 0:
                continue
            if horizon is not None and (state.due is None or state.due > horizon):
                continue
            result.append(OpenAction(
                case=case.id, office=case_office_code, id=state.id, record=state.record, created=state.created,
                owner=state.owner, do=state.do, due=state.due, indicator=state.indicator, status=state.status,
                overdue_days=days))
    result.sort(key=sort_key)
    return result
