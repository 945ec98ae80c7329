"""Planned and overdue reviews, and evaluations that are due (spec: thresholds
`evaluation_grace_days`). Used unchanged by `caseconf reviews` and by the site plugin.

For every case that is open on the as-of date (records dated after it are ignored):
- a **review** item: `plan.next_review` of the latest record with a plan. It is listed
  until a later review, crisis or evaluation record exists; it is `overdue` when its
  date has passed (a review planned for today is not overdue).
- an **evaluation** item: when actions of the current plan are still open and
  `evaluation_grace_days` have passed since the plan's last due date, an evaluation (or
  a review) is due. Planned date = last due date + grace days; it is listed once that
  date is reached and stays until a later record exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from ..records.repository import Case, Repository
from ..records.vocab import ConferenceKind
from .actions import case_office

# Records that count as "the review happened" (a preparatory meeting only prepares it).
HOLDING_KINDS = frozenset({ConferenceKind.initial, ConferenceKind.review, ConferenceKind.crisis,
                           ConferenceKind.evaluation})


@dataclass(frozen=True)
class ReviewItem:
    case: str
    office: str
    kind: str  # "review" | "evaluation"
    planned: dt.date
    record: str  # the record that planned it
    overdue_days: int
    status: str  # "planned" | "overdue"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["planned"] = self.planned.isoformat()
        return data


def case_open_on(case: Case, day: dt.date) -> bool:
    file = case.file
    if file is None:
        return True
    if file.opened is not None and file.opened > day:
        return False
    if file.status.value == "closed":
        return file.closed is None or file.closed > day
    return True


def _item(case: Case, kind: str, planned: dt.date, record: str, as_of: dt.date) -> ReviewItem:
    days = max(0, (as_of - planned).days)
    return ReviewItem(case=case.id, office=case_office(case), kind=kind, planned=planned, record=record,
                      overdue_days=days, status="overdue" if days > 0 else "planned")


def case_reviews(case: Case, *, as_of: dt.date, grace_days: int) -> list[ReviewItem]:
    docs = [doc for doc in case.conferences if doc.model.date <= as_of]
    plan_index = next((i for i in range(len(docs) - 1, -1, -1) if docs[i].model.plan is not None), None)
    if plan_index is None:
        return []
    plan_doc = docs[plan_index]
    record = plan_doc.model
    later = [doc for doc in docs[plan_index + 1:] if doc.model.kind in HOLDING_KINDS]
    if later:
        return []  # the planned review (or an evaluation) has been held since
    items: list[ReviewItem] = []
    if record.plan.next_review is not None:
        items.append(_item(case, "review", record.plan.next_review, plan_doc.path, as_of))
    # The current plan: actions it set plus those it continued.
    states = case.actions(as_of=as_of)
    current = {action.id for action in record.plan.actions}
    current |= {entry.action for entry in record.evaluation
                if entry.result is not None and entry.result.value == "continued"}
    plan_states = [states[action_id] for action_id in current if action_id in states]
    if any(state.is_open for state in plan_states):
        dues = [state.due for state in plan_states if state.due is not None]
        if dues:
            planned = max(dues) + dt.timedelta(days=grace_days)
            if planned <= as_of:
                items.append(_item(case, "evaluation", planned, plan_doc.path, as_of))
    return items


def planned_reviews(repo: Repository, *, as_of: dt.date, overdue_only: bool = False) -> list[ReviewItem]:
    """Reviews and due evaluations of open cases, sorted most overdue first, then by date and case."""
    config = repo.config
    grace = config.thresholds.evaluation_grace_days if config is not None else 30
    items: list[ReviewItem] = []
    for case in repo.cases.values():
        if not case_open_on(case, as_of):
            continue
        items.extend(case_reviews(case, as_of=as_of, grace_days=grace))
    if overdue_only:
        items = [item for item in items if item.status == "overdue"]
    items.sort(key=lambda item: (-item.overdue_days, item.planned, item.case, item.kind))
    return items
