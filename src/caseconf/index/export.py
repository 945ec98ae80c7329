"""CSV and iCalendar exports of open actions and planned reviews.

CSV: RFC 4180, CRLF line ends, UTF-8; `bom=True` prepends a byte-order mark so Excel on
Windows opens the accented text correctly (Excel with a Czech or Montenegrin locale
expects `;` between fields: pass `delimiter=";"`). With `lang`, the header row and the
vocabulary values (status, role, kind) read in the team's language; without it (the
`--keys` option) the header names equal the JSON keys and values stay as in the files.

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
from typing import Any, Iterable, Mapping, Sequence

from ..records.catalogue import msg
from ..records.i18n import Message, render
from ..records.vocab_labels import vocab_label
from .actions import OpenAction
from .reviews import ReviewItem

ACTION_COLUMNS = ("case", "office", "id", "record", "created", "owner", "do", "due", "indicator", "status",
                  "overdue_days")
REVIEW_COLUMNS = ("case", "office", "kind", "planned", "record", "overdue_days", "status")
BOM = "\ufeff"
VOCAB_FIELDS = frozenset({"owner", "status", "kind"})  # values that are vocabulary keys (or a person ref)

# Column names people read: CSV header row, terminal tables, ICS descriptions.
COLUMN_LABELS: dict[str, Message] = {
    "case": msg("Case"),
    "office": msg("Office"),
    "id": msg("Action"),
    "record": msg("Record"),
    "created": msg("Set on"),
    "owner": msg("Owner"),
    "do": msg("What"),
    "due": msg("Due"),
    "indicator": msg("Indicator"),
    "status": msg("Status"),
    "overdue_days": msg("Days overdue"),
    "kind": msg("What"),
    "planned": msg("Planned for"),
    "planned_by": msg("Planned by"),
}
# What the reviews list plans (its statuses, planned and overdue, are record vocabulary words).
REVIEW_WORDS: dict[str, Message] = {
    "review": msg("review"),
    "evaluation": msg("evaluation"),
}


def column_label(key: str, lang: str) -> str:
    message = COLUMN_LABELS.get(key)
    return render(message, lang) if message is not None else key


def value_label(key: str, value: Any, lang: str) -> str:
    """A vocabulary value (status, role, kind) as the team reads it; anything else as it is."""
    if value is None:
        return ""
    if key in VOCAB_FIELDS:
        word = REVIEW_WORDS.get(str(value))
        return render(word, lang) if word is not None else vocab_label(value, lang)
    return str(value)


def _csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, bom: bool, delimiter: str,
         lang: str | None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([column_label(key, lang) if lang else key for key in columns])
    for row in rows:
        writer.writerow([(value_label(key, row.get(key), lang) if lang else _plain(row.get(key))) for key in columns])
    return (BOM if bom else "") + buffer.getvalue()


def _plain(value: Any) -> Any:
    return "" if value is None else value


def actions_csv(actions: list[OpenAction], *, bom: bool = False, delimiter: str = ",", lang: str | None = None) -> str:
    """`lang=None`: machine headers (the JSON keys) and values as in the files."""
    return _csv(ACTION_COLUMNS, (a.to_json() for a in actions), bom=bom, delimiter=delimiter, lang=lang)


def reviews_csv(items: list[ReviewItem], *, bom: bool = False, delimiter: str = ",", lang: str | None = None) -> str:
    return _csv(REVIEW_COLUMNS, (i.to_json() for i in items), bom=bom, delimiter=delimiter, lang=lang)


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


def _ics_date(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _ics_text(text: str) -> str:
    """RFC 5545 TEXT escaping, in icalendar's order (a literal backslash-N is a line break)."""
    return (text.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _ics_fold(line: str, limit: int = 75) -> str:
    """Fold a content line below `limit` octets as icalendar does: never inside a character,
    and never right after a backslash or caret (the escape moves to the next line)."""
    if len(line.encode("utf-8")) < limit:
        return line
    folded: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if current and size + width >= limit:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                folded.append("".join(current))
                current, size = [carried], len(carried.encode("utf-8"))
            else:
                folded.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    if current:
        folded.append("".join(current))
    return "\r\n ".join(folded)


def calendar_ics(actions: list[OpenAction], reviews: list[ReviewItem], *, team: str,
                 lang: str | None = None) -> bytes:
    """The calendar, written directly: the same bytes icalendar's `Calendar.to_ical()` gives for
    these all-day events (its property order, TEXT escaping and 75-octet folding), in a
    fraction of the time (icalendar builds and validates a component tree per event).
    tests/site/test_speed.py compares the two byte for byte."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//caseconf//case conferences//EN", "CALSCALE:GREGORIAN",
             # an X- property is not TEXT for icalendar: written as given (one line, see _one_line)
             f"X-WR-CALNAME:{_one_line(team) or 'caseconf'}"]

    def event(uid: str, start: dt.date, summary: str, description: str, category: str) -> None:
        lines.extend((
            "BEGIN:VEVENT",
            f"SUMMARY:{_ics_text(summary)}",
            f"DTSTART;VALUE=DATE:{_ics_date(start)}",
            f"DTEND;VALUE=DATE:{_ics_date(start + dt.timedelta(days=1))}",
            f"DTSTAMP:{stamp}",
            f"UID:{_ics_text(uid)}",
            f"CATEGORIES:{_ics_text(category)}",
            f"DESCRIPTION:{_ics_text(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT"))

    def label(key: str) -> str:  # English keys without a language: what calendars got before
        return column_label(key, lang) if lang else key.replace("_", " ")

    def value(key: str, raw: Any) -> str:
        return value_label(key, raw, lang) if lang else str(raw)

    def category(kind: str) -> str:  # calendars show it as a label: in words for a team
        if not lang:
            return f"caseconf-{kind}"
        return f"caseconf: {column_label('id', lang) if kind == 'action' else value('kind', kind)}"

    for action in actions:
        if action.due is None:
            continue
        details = [f"{label('owner')}: {value('owner', action.owner) if action.owner else '?'}",
                   f"{label('indicator')}: {_one_line(action.indicator) or '?'}",
                   f"{label('status')}: {value('status', action.status)}", f"{label('record')}: {action.record}"]
        event(action_uid(action, team), action.due, _one_line(f"{action.case} {action.id}: {action.do or '?'}"),
              "\n".join(details), category("action"))
    for item in reviews:
        event(review_uid(item, team), item.planned, f"{item.case}: {value('kind', item.kind)}",
              f"{label('planned_by')}: {item.record}\n{label('status')}: {value('status', item.status)}",
              category(item.kind))
    lines.append("END:VCALENDAR")
    return "".join(_ics_fold(line) + "\r\n" for line in lines).encode("utf-8")
