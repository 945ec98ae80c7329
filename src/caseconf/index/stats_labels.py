"""How the funder figures read in the team's language: row names, half-years, the period.

The keys of `compute_stats` stay English (JSON and `--keys` CSV are for machines); the
table, the translated CSV and the site show these words. Dates come from Babel in the
language's own format (`5. 1. 2025`, `5. 1. 2025.`, `Jan 5, 2025`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from ..records import locale_format
from ..records.catalogue import msg
from ..records.i18n import Message, render
from ..records.vocab_labels import vocab_label

WORDS: dict[str, Message] = {
    # sections
    "conferences": msg("Conferences"),
    "activities": msg("Other activities"),
    "hours": msg("Hours", "caseconf.index.stats_labels:WORDS[hours]"),
    "attendance": msg("Attendance by role"),
    "actions": msg("Actions from the plans"),
    "reviews": msg("Reviews and evaluations"),
    "plan_b": msg("Plan B", "caseconf.index.stats_labels:WORDS[plan_b]"),
    "triggered": msg("came into force"),
    "applied": msg("of which the agreed step was taken"),
    "days": msg("Days to the conference (median)"),
    "office_basis": msg("Office and reason for the conference"),
    "period_basis": msg("Half-year and reason for the conference"),
    # groups
    "by_kind": msg("by kind"),
    "by_basis": msg("by reason"),
    "by_office": msg("by office"),
    "by_output": msg("by output"),
    "workshop_audience": msg("workshops by audience"),
    "outcomes": msg("status at the end"),
    "request_to_conference": msg("from the request"),
    "invitation_to_conference": msg("from the invitations"),
    # keys
    "total": msg("conferences in all"),
    "evaluations": msg("evaluations without a meeting"),
    "supervisions": msg("supervisions"),
    "supervision_participants": msg("supervision participants"),
    "workshops": msg("workshops"),
    "workshop_participants": msg("workshop participants"),
    "offices_involved": msg("offices involved"),
    "facilitation": msg("facilitation hours (recorded)"),
    "conferences_with_hours": msg("conferences with recorded hours"),
    "meetings": msg("length of the meetings in hours"),
    "workshops_hours": msg("workshop hours"),
    "supervisions_hours": msg("supervision hours"),
    "invited": msg("invited"),
    "attended": msg("took part"),
    "created": msg("actions set"),
    "held": msg("held"),
    "on_time": msg("on time"),
    "late": msg("late", "caseconf.index.stats_labels:WORDS[late]"),
    "unplanned": msg("not planned"),
    "median": msg("median days"),
    "n": msg("number of conferences"),
    "unspecified": msg("not stated"),
    # the report around the figures
    "title": msg("{team}: figures {period}."),
    "whole_period": msg("for the whole period"),
    "between": msg("for {since} – {until}"),
    "from": msg("from {since}"),
    "to": msg("until {until}"),
    "item": msg("Item"),
    "count": msg("Count"),
    "value": msg("Value", "stats: hours and median days are no counts"),
    "section": msg("Section"),
    "group": msg("Group"),
    "all": msg("all", "caseconf.index.stats_labels:WORDS[all]"),
    "hidden_note": msg("Counts from 1 to {below} are shown as '<{n}' (for exact counts: --min-cell 1)."),
    "exact_note": msg("Exact counts (--min-cell 1): for the team's own use, do not publish."),
}


def word(key: str, lang: str, **params: Any) -> str:
    message = WORDS.get(key)
    if message is None:
        return vocab_label(key, lang)
    return render(message, lang, params)


def format_day(day: dt.date | str, lang: str) -> str:
    return locale_format.format_day(dt.date.fromisoformat(day) if isinstance(day, str) else day, lang)


def format_number(value: Any, lang: str) -> str:
    """A count as it is, hours with the language's decimal comma; hidden counts ("<3") as given."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return locale_format.format_number(value, lang)
    return str(value)


def period_phrase(since: str | None, until: str | None, lang: str) -> str:
    if since and until:
        return word("between", lang, since=format_day(since, lang), until=format_day(until, lang))
    if since:
        return word("from", lang, since=format_day(since, lang))
    if until:
        return word("to", lang, until=format_day(until, lang))
    return word("whole_period", lang)


def half_year_label(key: str, lang: str) -> str:
    """`2025-H1` -> `1. pololetí 2025` / `1. polugodište 2025` (the catalogue's half-year)."""
    year, _, half = key.partition("-H")
    if not (year.isdigit() and half in ("1", "2")):
        return key
    return locale_format.half_year_name(int(year), int(half), lang)


def key_label(section: str, group: str, key: str, lang: str) -> str:
    """The words for one (section, group, key) row of `stats_rows`."""
    if section == "hours" and key in ("workshops", "supervisions"):
        return word(f"{key}_hours", lang)
    if group == "by_office":
        return key  # office codes are the team's own short names
    return word(key, lang)


def group_label(section: str, group: str, lang: str) -> str:
    if not group:
        return ""
    if section == "attendance":
        return vocab_label(group, lang)
    if section == "office_basis":
        return group  # an office code
    if section == "period_basis":
        return half_year_label(group, lang)
    return word(group, lang)


def stats_rows(data: dict[str, Any]) -> Iterator[tuple[str, str, str, Any]]:
    """(section, group, key, value) rows of a (publishable) stats report, keys in English."""
    conferences = data["conferences"]
    yield ("conferences", "", "total", conferences["total"])
    for group in ("by_kind", "by_basis", "by_office", "by_output"):
        for key, value in conferences.get(group, {}).items():
            yield ("conferences", group, key, value)
    if "evaluations" in data:
        yield ("conferences", "", "evaluations", data["evaluations"])
    for section, group in (("office_basis", "by_office_basis"), ("period_basis", "by_period_basis")):
        for outer, inner in conferences.get(group, {}).items():
            for key, value in inner.items():
                yield (section, outer, key, value)
    for key in ("supervisions", "supervision_participants", "workshops", "workshop_participants",
                "offices_involved"):
        if key in data:
            yield ("activities", "", key, data[key])
    for key, value in data.get("workshop_audience", {}).items():
        yield ("activities", "workshop_audience", key, value)
    for key, value in data.get("hours", {}).items():
        yield ("hours", "", key, value)
    for role, counts in data.get("attendance", {}).items():
        for key, value in counts.items():
            yield ("attendance", role, key, value)
    actions = data.get("actions", {})
    if "created" in actions:
        yield ("actions", "", "created", actions["created"])
    for key, value in actions.get("outcomes", {}).items():
        yield ("actions", "outcomes", key, value)
    for key, value in data.get("reviews", {}).items():
        yield ("reviews", "", key, value)
    for key, value in data.get("plan_b", {}).items():  # issue 22
        yield ("plan_b", "", key, value)
    for key, value in data.get("days", {}).items():
        yield ("days", key, "median", value.get("median"))
        yield ("days", key, "n", value.get("n"))
