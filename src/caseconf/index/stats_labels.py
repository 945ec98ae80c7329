"""How the funder figures read in the team's language: row names, half-years, the period.

The keys of `compute_stats` stay English (JSON and `--keys` CSV are for machines); the
table, the translated CSV and the site show these words. Dates come from Babel in the
language's own format (`5. 1. 2025`, `5. 1. 2025.`, `Jan 5, 2025`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from ..records import locale_format
from ..records.i18n import Message, render
from ..records.vocab_labels import vocab_label

WORDS: dict[str, Message] = {
    # sections
    "conferences": {"cs": "Konference", "sr-Latn": "Konferencije", "en": "Conferences"},
    "activities": {"cs": "Další činnosti", "sr-Latn": "Druge aktivnosti", "en": "Other activities"},
    "hours": {"cs": "Hodiny", "sr-Latn": "Sati", "en": "Hours"},
    "attendance": {"cs": "Účast podle role", "sr-Latn": "Prisustvo po ulozi", "en": "Attendance by role"},
    "actions": {"cs": "Úkoly z plánů", "sr-Latn": "Mjere iz planova", "en": "Actions from the plans"},
    "reviews": {"cs": "Následné konference a vyhodnocení", "sr-Latn": "Revizije i evaluacije",
                "en": "Reviews and evaluations"},
    "plan_b": {"cs": "Plán B", "sr-Latn": "Rezervni plan", "en": "Plan B"},
    "triggered": {"cs": "nastal", "sr-Latn": "aktiviran", "en": "came into force"},
    "applied": {"cs": "z toho dohodnutý postup použit", "sr-Latn": "od toga dogovoreni postupak primijenjen",
                "en": "of which the agreed step was taken"},
    "days": {"cs": "Dny do konference (medián)", "sr-Latn": "Dani do konferencije (medijana)",
             "en": "Days to the conference (median)"},
    "office_basis": {"cs": "Pracoviště a důvod konference", "sr-Latn": "Kancelarija i osnov konferencije",
                     "en": "Office and reason for the conference"},
    "period_basis": {"cs": "Pololetí a důvod konference", "sr-Latn": "Polugodište i osnov konferencije",
                     "en": "Half-year and reason for the conference"},
    # groups
    "by_kind": {"cs": "podle druhu", "sr-Latn": "po vrsti", "en": "by kind"},
    "by_basis": {"cs": "podle důvodu", "sr-Latn": "po osnovu", "en": "by reason"},
    "by_office": {"cs": "podle pracoviště", "sr-Latn": "po kancelariji", "en": "by office"},
    "by_output": {"cs": "podle výstupu", "sr-Latn": "po ishodu", "en": "by output"},
    "workshop_audience": {"cs": "dílny podle posluchačů", "sr-Latn": "radionice po učesnicima",
                          "en": "workshops by audience"},
    "outcomes": {"cs": "stav na konci období", "sr-Latn": "stanje na kraju perioda", "en": "status at the end"},
    "request_to_conference": {"cs": "od žádosti", "sr-Latn": "od zahtjeva", "en": "from the request"},
    "invitation_to_conference": {"cs": "od pozvánek", "sr-Latn": "od poziva", "en": "from the invitations"},
    # keys
    "total": {"cs": "konferencí celkem", "sr-Latn": "konferencija ukupno", "en": "conferences in all"},
    "evaluations": {"cs": "vyhodnocení bez setkání", "sr-Latn": "evaluacije bez sastanka",
                    "en": "evaluations without a meeting"},
    "supervisions": {"cs": "supervize", "sr-Latn": "supervizije", "en": "supervisions"},
    "supervision_participants": {"cs": "účastníci supervizí", "sr-Latn": "učesnici supervizija",
                                 "en": "supervision participants"},
    "workshops": {"cs": "dílny", "sr-Latn": "radionice", "en": "workshops"},
    "workshop_participants": {"cs": "účastníci dílen", "sr-Latn": "učesnici radionica",
                              "en": "workshop participants"},
    "offices_involved": {"cs": "zapojená pracoviště", "sr-Latn": "uključene kancelarije",
                         "en": "offices involved"},
    "facilitation": {"cs": "hodiny facilitace (zapsané)", "sr-Latn": "sati vođenja (upisani)",
                     "en": "facilitation hours (recorded)"},
    "conferences_with_hours": {"cs": "konference se zapsanými hodinami", "sr-Latn": "konferencije sa upisanim satima",
                               "en": "conferences with recorded hours"},
    "meetings": {"cs": "délka setkání v hodinách", "sr-Latn": "trajanje sastanaka u satima",
                 "en": "length of the meetings in hours"},
    "workshops_hours": {"cs": "hodiny dílen", "sr-Latn": "sati radionica", "en": "workshop hours"},
    "supervisions_hours": {"cs": "hodiny supervizí", "sr-Latn": "sati supervizija", "en": "supervision hours"},
    "invited": {"cs": "pozváno", "sr-Latn": "pozvano", "en": "invited"},
    "attended": {"cs": "zúčastnilo se", "sr-Latn": "učestvovalo", "en": "took part"},
    "created": {"cs": "úkolů zadáno", "sr-Latn": "zadatih mjera", "en": "actions set"},
    "held": {"cs": "konáno", "sr-Latn": "održano", "en": "held"},
    "on_time": {"cs": "včas", "sr-Latn": "na vrijeme", "en": "on time"},
    "late": {"cs": "se zpožděním", "sr-Latn": "sa zakašnjenjem", "en": "late"},
    "unplanned": {"cs": "bez plánovaného termínu", "sr-Latn": "bez planiranog termina", "en": "not planned"},
    "median": {"cs": "medián dní", "sr-Latn": "medijana dana", "en": "median days"},
    "n": {"cs": "počet konferencí", "sr-Latn": "broj konferencija", "en": "number of conferences"},
    "unspecified": {"cs": "neuvedeno", "sr-Latn": "nije navedeno", "en": "not stated"},
    # the report around the figures
    "title": {"cs": "{team}: statistika {period}.", "sr-Latn": "{team}: statistika {period}.",
              "en": "{team}: figures {period}."},
    "whole_period": {"cs": "za celé období", "sr-Latn": "za cijeli period", "en": "for the whole period"},
    "between": {"cs": "za období {since} – {until}", "sr-Latn": "za period {since} – {until}",
                "en": "for {since} – {until}"},
    "from": {"cs": "od {since}", "sr-Latn": "od {since}", "en": "from {since}"},
    "to": {"cs": "do {until}", "sr-Latn": "do {until}", "en": "until {until}"},
    "item": {"cs": "Položka", "sr-Latn": "Stavka", "en": "Item"},
    "count": {"cs": "Počet", "sr-Latn": "Broj", "en": "Count"},
    "section": {"cs": "Oddíl", "sr-Latn": "Odjeljak", "en": "Section"},
    "group": {"cs": "Skupina", "sr-Latn": "Grupa", "en": "Group"},
    "all": {"cs": "celkem", "sr-Latn": "ukupno", "en": "all"},
    "hidden_note": {"cs": "Počty od 1 do {below} jsou skryty jako „<{n}“ (pro přesné počty: --min-cell 1).",
                    "sr-Latn": "Brojevi od 1 do {below} prikazani su kao „<{n}“ (za tačne brojeve: --min-cell 1).",
                    "en": "Counts from 1 to {below} are shown as '<{n}' (for exact counts: --min-cell 1)."},
    "exact_note": {"cs": "Přesné počty (--min-cell 1): jen pro vlastní potřebu týmu, nezveřejňujte.",
                   "sr-Latn": "Tačni brojevi (--min-cell 1): samo za potrebe tima, ne objavljujte.",
                   "en": "Exact counts (--min-cell 1): for the team's own use, do not publish."},
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
