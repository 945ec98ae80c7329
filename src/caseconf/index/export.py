"""CSV and iCalendar exports of open actions and planned reviews.

CSV: RFC 4180, CRLF line ends, UTF-8; `bom=True` prepends a byte-order mark so Excel on
Windows opens the accented text correctly (Excel with a Czech or Montenegrin locale
expects `;` between fields: pass `delimiter=";"`). Header names equal the JSON keys.

ICS: one all-day event per action with a due date and per planned review or due
evaluation. UIDs are derived from the team, case and action (or the record that planned
the review), so importing a newer export updates events instead of duplicating them.
Events carry only what the record itself says (case code, action text, owner ref or
role, indicator); never a name, address or attendee.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from typing import Iterable, Sequence

from .actions import OpenAction
from .reviews import ReviewItem

ACTION_COLUMNS = ("case", "office", "id", "record", "created", "owner", "do", "due", "indicator", "status",
                  "overdue_days")
REVIEW_COLUMNS = ("case", "office", "kind", "planned", "record", "overdue_days", "status")
BOM = "\ufeff"


def _csv(columns: Sequence[str], rows: Iterable[dict], *, bom: bool, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), delimiter=delimiter, lineterminator="\r\n",
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return (BOM if bom else "") + buffer.getvalue()


def actions_csv(actions: list[OpenAction], *, bom: bool = False, delimiter: str = ",") -> str:
    return _csv(ACTION_COLUMNS, (a.to_json() for a in actions), bom=bom, delimiter=delimiter)


def reviews_csv(items: list[ReviewItem], *, bom: bool = False, delimiter: str = ",") -> str:
    return _csv(REVIEW_COLUMNS, (i.to_json() for i in items), bom=bom, delimiter=delimiter)


def team_key(team: str) -> str:
    return hashlib.sha256(team.encode("utf-8")).hexdigest()[:10]


def action_uid(action: OpenAction, team: str) -> str:
    return f"action-{action.case}-{action.id}-{team_key(team)}@caseconf"


def review_uid(item: ReviewItem, team: str) -> str:
    planned_by = item.record.rsplit("/", 1)[-1].removesuffix(".md")
    return f"{item.kind}-{item.case}-{planned_by}-{team_key(team)}@caseconf"


def _one_line(text: str | None, limit: int = 200) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def calendar_ics(actions: list[OpenAction], reviews: list[ReviewItem], *, team: str) -> bytes:
    from icalendar import Calendar, Event

    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//caseconf//case conferences//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _one_line(team) or "caseconf")
    for action in actions:
        if action.due is None:
            continue
        event = Event()
        event.add("uid", action_uid(action, team))
        event.add("dtstamp", stamp)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + dt.timedelta(days=1))
        event.add("summary", _one_line(f"{action.case} {action.id}: {action.do or '?'}"))
        lines = [f"owner: {action.owner or '?'}", f"indicator: {_one_line(action.indicator) or '?'}",
                 f"status: {action.status}", f"record: {action.record}"]
        event.add("description", "\n".join(lines))
        event.add("categories", ["caseconf-action"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    for item in reviews:
        event = Event()
        event.add("uid", review_uid(item, team))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.planned)
        event.add("dtend", item.planned + dt.timedelta(days=1))
        event.add("summary", f"{item.case}: {item.kind}")
        event.add("description", f"planned by: {item.record}\nstatus: {item.status}")
        event.add("categories", [f"caseconf-{item.kind}"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
