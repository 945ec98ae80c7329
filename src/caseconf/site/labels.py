"""Words the site shows: page names, column heads and vocabulary labels in the team's language.

Keys stay English in files (spec: "Vocabularies"); the site translates them here. An
unknown key falls back to English, then to the key itself, so a team's own vocabulary
extension still shows (escaped) rather than disappearing.
"""

from __future__ import annotations

from typing import Mapping

from ..records.catalogue import msg
from ..records.vocab_labels import VOCAB_LABELS

# The checks page groups codes by family; a reader sees what the family is about, the code second.
FAMILIES: dict[str, dict[str, str]] = {
    "YAML": msg("Reading the file"),
    "SCHEMA": msg("Fields and values"),
    "FILE": msg("Files and folders"),
    "CASE": msg("The case file"),
    "CONF": msg("The conference"),
    "PLAN": msg("The plan"),
    "REV": msg("Reviews and evaluations"),
    "ACT": msg("Activities"),
    "SUPP": msg("Silenced findings"),
    "CFG": msg("Team settings"),
    "PII": msg("Personal data"),
}

UI: dict[str, dict[str, str]] = {
    "home": msg("Overview"),
    "cases": msg("Cases"),
    "case": msg("Case"),
    "actions": msg("Open actions"),
    "reviews": msg("Reviews"),
    "stats": msg("Statistics"),
    "activities": msg("Activities"),
    "rules": msg("Rules reference"),
    "tags": msg("Tags"),
    "records": msg("Records"),
    "work": msg("Casework"),
    "reports": msg("Reports"),
    "team": msg("Team", "caseconf.site.labels:UI[team]"),
    "as_of": msg("As of"),
    "office": msg("Office"),
    "offices": msg("Offices"),
    "opened": msg("Opened"),
    "closed": msg("Closed"),
    "status": msg("Status"),
    "last_conference": msg("Last record"),
    "next_review": msg("Next review", "caseconf.site.labels:UI[next_review]"),
    "open_actions": msg("Open actions"),
    "overdue_actions": msg("Overdue actions"),
    "overdue": msg("Overdue", "caseconf.site.labels:UI[overdue]"),
    "due_soon": msg("Due within {days} days"),
    "reviews_soon": msg("Reviews in the next {days} days"),
    "last_records": msg("Latest records"),
    "counts": msg("In numbers"),
    "open_cases": msg("Open cases"),
    "all_cases": msg("All cases"),
    "conferences": msg("Conferences and evaluations"),
    "timeline": msg("Timeline"),
    "plan": msg("Plan and action status"),
    "participants": msg("Participants and attendance by role"),
    "household": msg("Household"),
    "date": msg("Date"),
    "kind": msg("Kind"),
    "goal": msg("Goal", "caseconf.site.labels:UI[goal]"),
    "id": msg("Action"),
    "do": msg("What"),
    "owner": msg("Owner", "caseconf.site.labels:UI[owner]"),
    "due": msg("Due"),
    "indicator": msg("Indicator"),
    "history": msg("History"),
    "created_in": msg("Set"),
    "days_overdue": msg("days overdue"),
    "role": msg("Role"),
    "attendance": msg("Attendance"),
    "invited": msg("Invited"),
    "attended": msg("Attended"),
    "metadata": msg("Record details"),
    "minutes_body": msg("Minutes"),
    "time": msg("Time"),
    "place": msg("Place"),
    "requested": msg("Requested"),
    "invited_on": msg("Invitations"),
    "basis": msg("Basis", "caseconf.site.labels:UI[basis]"),
    "indications": msg("Indications"),
    "roles": msg("Conference roles"),
    "child": msg("Child participation", "caseconf.site.labels:UI[child]"),
    "child_views": msg("Child's views", "caseconf.site.labels:UI[child_views]"),
    "needs": msg("Needs"),
    "conclusions": msg("Conclusions"),
    "evaluation": msg("Evaluation of actions"),
    "result": msg("Result"),
    "note": msg("Note"),
    "plan_b": msg("Plan B", "caseconf.site.labels:UI[plan_b]"),
    "if": msg("If"),
    "then": msg("Then"),
    "information_sharing": msg("Information sharing"),
    "core_group": msg("Core group", "caseconf.site.labels:UI[core_group]"),
    "case_manager": msg("Case manager", "caseconf.site.labels:UI[case_manager]"),
    "key_worker": msg("Key worker"),
    "feedback": msg("Feedback", "caseconf.site.labels:UI[feedback]"),
    "minutes_info": msg("Minutes circulated / approved by"),
    "case_summary": msg("Case summary circulated"),
    "client_agreed": msg("client agreed"),
    "yes": msg("yes"),
    "no": msg("no"),
    "none": msg("none", "caseconf.site.labels:UI[none]"),
    "suppressed": msg("Deliberate exceptions to checks"),
    "reason": msg("Reason"),
    "code": msg("Code"),
    "filter": msg("Filter"),
    "filter_all": msg("all", "caseconf.site.labels:UI[filter_all]"),
    "only_overdue": msg("overdue only"),
    "search_text": msg("Search text"),
    "shown": msg("shown"),
    "downloads": msg("Downloads"),
    "csv": msg("CSV table (Excel)"),
    "ics": msg("ICS calendar (deadlines and reviews)"),
    "by_owner": msg("By owner"),
    "by_office": msg("By office"),
    "planned": msg("Planned", "caseconf.site.labels:UI[planned]"),
    "planned_reviews": msg("Planned", "caseconf.site.labels:UI[planned_reviews]"),
    "overdue_reviews": msg("Overdue", "caseconf.site.labels:UI[overdue_reviews]"),
    "record": msg("Record"),
    "nothing": msg("Nothing to show."),
    "period_all": msg("Whole period"),
    "per_year": msg("Per year"),
    "per_half": msg("Per half-year"),
    "total": msg("Total"),
    "by_kind": msg("By kind"),
    "by_basis": msg("By basis"),
    "supervisions": msg("Supervisions"),
    "workshops": msg("Workshops"),
    "offices_involved": msg("Offices involved"),
    "action_outcomes": msg("Action outcomes"),
    "reviews_held": msg("Reviews on time"),
    "held": msg("held"),
    "on_time": msg("on time"),
    "late": msg("late", "caseconf.site.labels:UI[late]"),
    "unplanned": msg("unplanned"),
    "median_days": msg("Median days"),
    "request_to_conference": msg("request to conference"),
    "invitation_to_conference": msg("invitations to conference"),
    "min_cell_note": msg("Counts below {n} are shown as '<{n}'."),
    "topic": msg("Topic"),
    "participants_count": msg("Participants", "caseconf.site.labels:UI[participants_count]"),
    "severity": msg("Severity"),
    "scope": msg("Scope"),
    "summary": msg("What it checks"),
    "rationale": msg("Why"),
    "methodology": msg("Methodology"),
    "thresholds": msg("Thresholds"),
    "load_problems": msg("Files that do not load (run caseconf check)"),
    "broken_title": msg("Some records cannot be read – the figures below are incomplete without them"),
    "broken_intro": msg("Actions, reviews and counts from these files are missing here until you fix them "
                           "(caseconf check shows the details):"),
    "broken_record": msg("Record cannot be read"),
    "back_to_case": msg("Back to the case"),
    "closure_reason": msg("Closure reason"),
    "consent": msg("Consent to share"),
    "internal": msg("Internal – anonymised records"),
    "no_body": msg("The record has no minutes text."),
    "tags_intro": msg("Records by kind, office and indication."),
}

# Vocabulary values read the same on the site, in the editor form and in tables.
VOCAB = VOCAB_LABELS

# Order of the methodology packs' folders in the navigation (others follow as found).
FOLDER_ORDER: tuple[str, ...] = ("metodika", "metodologija", "sablony", "obrasci", "sabloni", "dilny", "radionice", "en")

# Section names of the methodology packs' folders (the folder's index.md title is often long).
FOLDER_TITLES: dict[str, str] = {
    "metodika": "Metodika", "sablony": "Šablony", "dilny": "Dílny", "en": "English",
    "metodologija": "Metodologija", "obrasci": "Obrasci", "sabloni": "Šabloni", "radionice": "Radionice",
}


def _pick(table: Mapping[str, Mapping[str, str]], key: str, lang: str) -> str | None:
    entry = table.get(key)
    if entry is None:
        return None
    return entry.get(lang) or entry.get("en")


class Labels:
    """`t(key, **params)` for interface words; `v(value)` for vocabulary values."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        # Every page asks for the same few dozen words: look each up once per build.
        self._t: dict[str, str] = {}
        self._v: dict[str, str] = {}

    def t(self, key: str, **params: object) -> str:
        text = self._t.get(key)
        if text is None:
            text = self._t[key] = _pick(UI, key, self.lang) or key
        return text.format(**params) if params else text

    def v(self, value: object) -> str:
        if value is None:
            return ""
        key = str(getattr(value, "value", value))
        label = self._v.get(key)
        if label is None:
            label = self._v[key] = _pick(VOCAB, key, self.lang) or key
        return label
