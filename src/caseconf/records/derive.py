"""Derived action state (spec: "An action's current status").

Never stored twice: an action starts with its own `status`; every later record's
`evaluation` entry for it overrides that, in date order; `continued` keeps it open with
the entry's new `due`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from .vocab import OPEN_STATES


@dataclass(frozen=True, slots=True)
class ActionEvent:
    date: dt.date
    record: str
    result: str
    note: str | None
    due: dt.date | None


@dataclass(slots=True)
class ActionState:
    case: str
    id: str
    record: str  # path of the record that created it
    created: dt.date
    do: str | None
    owner: str | None
    indicator: str | None
    own_status: str
    due: dt.date | None  # latest due date
    status: str  # derived
    history: list[ActionEvent] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    @property
    def closed_on(self) -> dt.date | None:
        return None if self.is_open else (self.history[-1].date if self.history else self.created)

    def overdue_days(self, today: dt.date) -> int:
        """Due today is not overdue; only open actions can be."""
        if not self.is_open or self.due is None or self.due >= today:
            return 0
        return (today - self.due).days


def derive_actions(case_id: str, records: Iterable[object], *, before: object | None = None,
                   as_of: dt.date | None = None) -> dict[str, ActionState]:
    """Walk the case's loaded conference records (date order) and derive every action.

    `before`: stop at this record (state as it stood when the record was written).
    `as_of`: ignore records dated after this day.
    """
    states: dict[str, ActionState] = {}
    for doc in records:
        if doc is before:
            break
        record = doc.model  # type: ignore[attr-defined]
        if record is None or (as_of is not None and record.date > as_of):
            continue
        for entry in record.evaluation:
            state = states.get(entry.action)
            if state is None or entry.result is None:
                continue
            state.status = entry.result.value
            if entry.due is not None:
                state.due = entry.due
            state.history.append(ActionEvent(record.date, doc.path, entry.result.value,  # type: ignore[attr-defined]
                                             entry.note, entry.due))
        if record.plan is None:
            continue
        for action in record.plan.actions:
            if action.id in states:
                continue  # a duplicate id is reported by CASE005; the first one stands
            states[action.id] = ActionState(
                case=case_id, id=action.id, record=doc.path, created=record.date,  # type: ignore[attr-defined]
                do=action.do, owner=action.owner, indicator=action.indicator,
                own_status=action.status.value, due=action.due, status=action.status.value)
    return states
