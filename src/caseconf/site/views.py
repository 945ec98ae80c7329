"""What each generated page shows, computed from the repository model and the index layer.

Plain data only (dicts, lists, dataclasses from the index layer): the templates decide
how it looks, the plugin decides when it runs. Values from records stay raw text here;
the template environment escapes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from ..index.actions import OpenAction, case_office, open_actions
from ..index.reviews import ReviewItem, planned_reviews
from ..index.rules_ref import rules_reference
from ..index.stats import compute_stats, publishable
from ..records.repository import LoadedDoc
from ..records.models import CASE_ID_PATTERN
from ..records.paths import ACTIVITIES_DIR, RECORDS_DIR
from ..records.repository import RECORD_NAME, BrokenRecord, Case, Repository
from ..records.vocab import EVALUATING_KINDS, OPEN_STATES
from .labels import Labels

HOME, CASES, ACTIONS, REVIEWS, STATS, ACTIVITIES, RULES, TAGS = (
    "index.md", "cases/index.md", "actions.md", "reviews.md", "stats.md", "activities.md", "rules.md", "tags.md")
CSV_URI, ICS_URI = "downloads/open-actions.csv", "downloads/calendar.ics"
_CASE_ID = re.compile(CASE_ID_PATTERN)
_OFFICE = re.compile(r"^[A-Z]{2,6}$")
SOON_DAYS = 30
LAST_RECORDS = 10


def case_uri(case_id: str) -> str:
    return f"cases/{case_id}/index.md"


def record_uri(path: str) -> str | None:
    """records/<case>/<file>.md -> cases/<case>/<file>.md; activities keep their year folder.

    None for anything whose name is not a safe record name (it gets no page)."""
    parts = path.split("/")
    if len(parts) < 3 or parts[0] != RECORDS_DIR or not RECORD_NAME.match(parts[-1]):
        return None
    if parts[1] == ACTIVITIES_DIR:
        if len(parts) == 4 and parts[2].isdigit():
            return f"activities/{parts[2]}/{parts[3]}"
        return f"activities/{parts[-1]}" if len(parts) == 3 else None
    if len(parts) == 3 and _CASE_ID.match(parts[1]):
        return f"cases/{parts[1]}/{parts[2]}"
    return None


def _file_date(path: str) -> dt.date | None:
    """The date in a record's file name (an unreadable record has no other)."""
    match = RECORD_NAME.match(path.rsplit("/", 1)[-1])
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match["date"])
    except ValueError:
        return None


def document_uri(record_path: str, kind: str) -> str | None:
    """The print-ready page of one document of a record (`caseconf doc` as HTML)."""
    uri = record_uri(record_path)
    if uri is None or not uri.startswith("cases/"):
        return None
    _, case_id, name = uri.split("/")
    return f"documents/{case_id}/{name[:-3]}-{kind}.html"


def safe_case(case: Case) -> bool:
    return bool(_CASE_ID.match(case.id))


@dataclass(slots=True)
class PageSpec:
    """One generated page: where it lives, its safe title, and how to get its template context."""

    src_uri: str
    template: str
    title: str
    context: Callable[[], dict[str, Any]]
    in_nav: bool = True
    tags: list[str] = field(default_factory=list)
    record_path: str | None = None  # the record whose body this page shows
    # What the page is made from, for the rebuild cache: a case id, the activities folder,
    # or None for the whole repository (the indexes, statistics, home).
    depends: str | None = None


class SiteData:
    """Everything the pages need, computed once per build from one repository model."""

    def __init__(self, repo: Repository, *, as_of: dt.date, suppressed: dict[str, list[Any]],
                 body_html: Callable[[LoadedDoc], str]) -> None:
        self.repo = repo
        self.as_of = as_of
        self.labels = Labels(repo.lang)
        self.suppressed = suppressed
        self.body_html = body_html
        config = repo.config
        self.team = config.team if config else ""
        self.offices = dict(config.offices) if config else {}
        self.min_cell = config.min_cell if config else 3
        self.jurisdiction = config.jurisdiction.value if config else "cz"
        self.cases = [case for case in repo.cases.values() if safe_case(case)]
        self.actions = open_actions(repo, as_of=as_of)
        self.reviews = planned_reviews(repo, as_of=as_of)
        self.broken = repo.broken()  # files that would have counted: every page they affect says so
        self._case_ids: frozenset[str] | None = None
        self._actions_by_case: dict[str, list[OpenAction]] = defaultdict(list)
        for action in self.actions:
            self._actions_by_case[action.case].append(action)

    # ------------------------------------------------------------ helpers
    def owner_label(self, owner: str | None) -> str:
        if not owner:
            return "–"
        label = self.labels.v(owner)
        return owner if label == owner else label

    def office_label(self, code: str) -> str:
        name = self.offices.get(code)
        return f"{code} – {name}" if name else code

    def record_title(self, case_id: str, doc: LoadedDoc) -> str:
        record = doc.model
        return f"{case_id} · {record.date.isoformat()} · {self.labels.v(record.kind)}"

    def record_tags(self, case: Case, doc: LoadedDoc) -> list[str]:
        record = doc.model
        tags = [self.labels.v(record.kind)]
        office = case_office(case)
        if _OFFICE.match(office):
            tags.append(office)
        tags.extend(self.labels.v(indication) for indication in record.indications)
        return tags

    def broken_rows(self, entries: list[BrokenRecord] | None = None) -> list[dict[str, Any]]:
        """The banner lines of unreadable files (file, line, finding; the case page when it has one)."""
        rows = []
        for entry in self.broken if entries is None else entries:
            finding = entry.finding
            case_page = case_uri(entry.case) if entry.case and _CASE_ID.match(entry.case) else None
            rows.append({"path": entry.path, "line": finding.line, "code": finding.code,
                         "message": finding.message, "case": entry.case, "case_uri": case_page})
        return rows

    def _case_broken(self) -> list[BrokenRecord]:
        """Unreadable files that can change actions and reviews: case files, records, caseconf.yml."""
        return [entry for entry in self.broken if entry.case is not None or entry.path == "caseconf.yml"]

    def _soon(self) -> dt.date:
        return self.as_of + dt.timedelta(days=SOON_DAYS)

    # ------------------------------------------------------------ pages
    def pages(self) -> list[PageSpec]:
        t = self.labels.t
        specs = [
            PageSpec(HOME, "caseconf/dashboard.html", t("home"), self.dashboard),
            PageSpec(CASES, "caseconf/cases.html", t("cases"), self.cases_table),
            PageSpec(ACTIONS, "caseconf/actions.html", t("actions"), self.actions_page),
            PageSpec(REVIEWS, "caseconf/reviews.html", t("reviews"), self.reviews_page),
            PageSpec(STATS, "caseconf/stats.html", t("stats"), self.stats_page),
            PageSpec(ACTIVITIES, "caseconf/activities.html", t("activities"), self.activities_page),
            PageSpec(RULES, "caseconf/rules.html", t("rules"), self.rules_page),
            PageSpec(TAGS, "caseconf/tags.html", t("tags"), dict),
        ]
        for case in self.cases:
            specs.append(PageSpec(case_uri(case.id), "caseconf/case.html", case.id,
                                  lambda case=case: self.case_page(case), in_nav=False, depends=case.id))
            for doc in case.conferences:
                uri = record_uri(doc.path)
                if uri is None:
                    continue
                specs.append(PageSpec(uri, "caseconf/record.html", self.record_title(case.id, doc),
                                      lambda case=case, doc=doc: self.record_page(case, doc), in_nav=False,
                                      tags=self.record_tags(case, doc), record_path=doc.path, depends=case.id))
        for doc, activity in self.repo.activity_records():
            uri = record_uri(doc.path)
            if uri is None:
                continue
            specs.append(PageSpec(uri, "caseconf/activity.html",
                                  f"{activity.date.isoformat()} · {self.labels.v(activity.kind)}",
                                  lambda doc=doc: self.activity_page(doc), in_nav=False,
                                  tags=[self.labels.v(activity.kind)], record_path=doc.path,
                                  depends=ACTIVITIES_DIR))
        return specs

    def case_row(self, case: Case) -> dict[str, Any]:
        file = case.file
        last = case.last_conference()
        actions = self._actions_by_case.get(case.id, [])
        return {
            "id": case.id, "uri": case_uri(case.id), "office": case_office(case),
            "opened": file.opened if file else None,
            "status": file.status.value if file else "",
            "last": last.model.date if last else None,
            "last_kind": last.model.kind.value if last else None,
            "last_uri": record_uri(last.path) if last else None,
            "next_review": case.next_review() if file is None or file.status.value == "open" else None,
            "open_actions": len(actions),
            "overdue_actions": sum(1 for a in actions if a.overdue_days > 0),
        }

    def dashboard(self) -> dict[str, Any]:
        soon = self._soon()
        rows = [self.case_row(case) for case in self.cases]
        records = [(case, doc) for case in self.cases for doc in case.conferences if record_uri(doc.path)]
        records.sort(key=lambda pair: (pair[1].model.date, pair[1].path), reverse=True)
        year = self.as_of.year
        activities = [a for _, a in self.repo.activity_records() if a.date.year == year]
        overdue = [a for a in self.actions if a.overdue_days > 0]
        return {
            "counts": {
                "open_cases": sum(1 for r in rows if r["status"] == "open"),
                "all_cases": len(rows),
                "records": len(records),
                "open_actions": len(self.actions),
                "overdue_actions": len(overdue),
                "reviews_soon": sum(1 for r in self.reviews if r.planned <= soon),
                "workshops": sum(1 for a in activities if a.kind.value == "workshop"),
                "supervisions": sum(1 for a in activities if a.kind.value == "supervision"),
            },
            "year": year,
            "overdue": [self._action_row(a) for a in overdue],
            "reviews": [self._review_row(r) for r in self.reviews if r.planned <= soon],
            "last_records": [{"case": c.id, "date": d.model.date, "kind": d.model.kind.value,
                              "uri": record_uri(d.path), "case_uri": case_uri(c.id)}
                             for c, d in records[:LAST_RECORDS]],
            "broken": self.broken_rows(),
        }

    def cases_table(self) -> dict[str, Any]:
        return {"rows": [self.case_row(case) for case in self.cases]}

    def case_page(self, case: Case) -> dict[str, Any]:
        file = case.file
        states = case.actions()
        open_by_id = {a.id: a for a in self._actions_by_case.get(case.id, [])}
        plan = []
        for state in sorted(states.values(), key=lambda s: (int(s.id[1:]) if s.id[1:].isdigit() else 0, s.id)):
            current = open_by_id.get(state.id)
            plan.append({
                "id": state.id, "do": state.do, "owner": self.owner_label(state.owner), "due": state.due,
                "indicator": state.indicator, "status": state.status, "is_open": state.status in OPEN_STATES,
                "overdue_days": current.overdue_days if current else 0,
                "created": state.created, "created_uri": record_uri(state.record),
                "history": [{"date": e.date, "result": e.result, "note": e.note, "due": e.due,
                             "uri": record_uri(e.record)} for e in state.history],
            })
        timeline = []
        broken = {entry.path: entry for entry in case.broken}
        for doc in case.documents:
            record = doc.model
            if record is None:
                entry = broken.get(doc.path)
                if entry is not None:  # in date order by its file name; says what is wrong
                    timeline.append({"broken": True, "path": doc.path, "date": _file_date(doc.path),
                                     "finding": entry.finding})
                continue
            attended = sum(1 for p in record.participants if p.attendance.value in ("present", "partial"))
            timeline.append({
                "date": record.date, "kind": record.kind.value, "uri": record_uri(doc.path),
                "goal": record.goal, "is_evaluation": record.kind in EVALUATING_KINDS,
                "participants": len(record.participants), "attended": attended,
                "new_actions": [a.id for a in (record.plan.actions if record.plan else [])],
                "evaluated": [e.action for e in record.evaluation],
                "next_review": record.plan.next_review if record.plan else None,
            })
        return {
            "case": case, "file": file, "row": self.case_row(case), "timeline": timeline, "plan": plan,
            "attendance": self._attendance(case), "office_name": self.offices.get(case_office(case)),
            "broken": self.broken_rows(case.broken),
        }

    def _attendance(self, case: Case) -> dict[str, Any]:
        """Who was invited to which record and what happened, by role (and reference)."""
        columns = [(doc.model.date, doc.model.kind.value, record_uri(doc.path)) for doc in case.conferences]
        people: dict[tuple[str, str, str], dict[int, str]] = {}
        for index, doc in enumerate(case.conferences):
            for person in doc.model.participants:
                key = (person.role, person.ref or "", person.org or "")
                people.setdefault(key, {})[index] = person.attendance.value
        rows = []
        for (role, ref, org), cells in sorted(people.items()):
            counts = Counter(cells.values())
            rows.append({"role": role, "ref": ref, "org": org,
                         "cells": [cells.get(i) for i in range(len(columns))],
                         "invited": len(cells), "attended": counts["present"] + counts["partial"]})
        return {"columns": columns, "rows": rows}

    def record_page(self, case: Case, doc: LoadedDoc) -> dict[str, Any]:
        record = doc.model
        states_before = case.actions_before(doc)
        plan_states = case.actions()
        actions = []
        if record.plan is not None:
            for action in record.plan.actions:
                state = plan_states.get(action.id)
                actions.append({"action": action, "current": state.status if state else action.status.value,
                                "owner": self.owner_label(action.owner)})
        evaluation = []
        for entry in record.evaluation:
            before = states_before.get(entry.action)
            evaluation.append({"entry": entry, "do": before.do if before else None})
        return {
            "case_id": case.id, "case_uri": case_uri(case.id), "record": record, "path": doc.path,
            "actions": actions, "evaluation": evaluation,
            "suppressed": self.suppressed.get(doc.path, []),
            "body": self.body_html(doc), "office": case_office(case),
            **self._documents(doc),
        }

    def _documents(self, doc: LoadedDoc) -> dict[str, Any]:
        """Links to the record's print-ready documents (the plugin writes them)."""
        from ..docs import links
        from ..docs.model import Words

        words = Words(self.repo.lang)
        found = [{"kind": kind, "title": title, "uri": document_uri(doc.path, kind)}
                 for kind, title in links(doc.model, self.repo.lang)]
        return {"documents": [d for d in found if d["uri"]], "documents_heading": words.t("documents"),
                "documents_hint": words.t("documents_hint")}

    def activity_page(self, doc: LoadedDoc) -> dict[str, Any]:
        if self._case_ids is None:  # once per build, not once per activity page
            self._case_ids = frozenset(c.id for c in self.cases)
        return {"activity": doc.model, "path": doc.path, "suppressed": self.suppressed.get(doc.path, []),
                "body": self.body_html(doc),
                "cases": self._case_ids}

    def _action_row(self, action: OpenAction) -> dict[str, Any]:
        return {"a": action, "owner": self.owner_label(action.owner), "owner_key": action.owner or "",
                "soon": action.due is not None and action.due <= self._soon(),
                "uri": record_uri(action.record), "case_uri": case_uri(action.case)}

    def _review_row(self, item: ReviewItem) -> dict[str, Any]:
        return {"r": item, "uri": record_uri(item.record), "case_uri": case_uri(item.case)}

    def actions_page(self) -> dict[str, Any]:
        rows = [self._action_row(action) for action in self.actions]
        by_owner: dict[str, Counter[str]] = defaultdict(Counter)
        by_office: dict[str, Counter[str]] = defaultdict(Counter)
        for row in rows:
            for table, key in ((by_owner, row["owner_key"]), (by_office, row["a"].office)):
                table[key]["open"] += 1
                table[key]["overdue"] += row["a"].overdue_days > 0
                table[key]["soon"] += row["soon"]
        owners = [{"key": k, "label": self.owner_label(k), **c} for k, c in
                  sorted(by_owner.items(), key=lambda kv: (-kv[1]["overdue"], -kv[1]["open"], kv[0]))]
        offices = [{"key": k, "label": self.office_label(k), **c} for k, c in sorted(by_office.items())]
        return {"rows": rows, "owners": owners, "offices": offices, "soon_days": SOON_DAYS,
                "csv_uri": CSV_URI, "ics_uri": ICS_URI, "broken": self.broken_rows(self._case_broken())}

    def reviews_page(self) -> dict[str, Any]:
        return {"overdue": [self._review_row(r) for r in self.reviews if r.status == "overdue"],
                "planned": [self._review_row(r) for r in self.reviews if r.status != "overdue"], "ics_uri": ICS_URI,
                "broken": self.broken_rows(self._case_broken())}

    def _years(self) -> list[int]:
        years = {doc.model.date.year for case in self.cases for doc in case.conferences}
        years |= {a.date.year for _, a in self.repo.activity_records()}
        return sorted(years)

    def _repo_within(self, since: dt.date, until: dt.date) -> Repository:
        """The repository with only the cases that have a record in the period: a case without
        one adds nothing to `compute_stats` of that period, but would cost it a derivation
        of the case's actions (three periods a year over every case)."""
        cases = {case_id: case for case_id, case in self.repo.cases.items()
                 if any(since <= doc.model.date <= until for doc in case.conferences)}
        return replace(self.repo, cases=cases)

    def stats_page(self) -> dict[str, Any]:
        from ..index.stats_labels import format_number, half_year_label, word

        lang = self.repo.lang
        whole = publishable(compute_stats(self.repo), self.min_cell)
        periods = []
        for year in self._years():
            for key, since, until in ((str(year), dt.date(year, 1, 1), dt.date(year, 12, 31)),
                                      (f"{year}-H1", dt.date(year, 1, 1), dt.date(year, 6, 30)),
                                      (f"{year}-H2", dt.date(year, 7, 1), dt.date(year, 12, 31))):
                stats = compute_stats(self._repo_within(since, until), since=since, until=until)
                periods.append({"label": half_year_label(key, lang), "year": "-H" not in key,
                                "since": since, "until": until, "stats": publishable(stats, self.min_cell)})
        return {"whole": whole, "periods": periods, "min_cell": self.min_cell, "broken": self.broken_rows(),
                "w": lambda key, **params: word(key, lang, **params),
                "num": lambda value: format_number(value, lang),
                "half": lambda key: half_year_label(key, lang)}

    def activities_page(self) -> dict[str, Any]:
        rows = [{"doc": doc, "a": activity, "uri": record_uri(doc.path)}
                for doc, activity in self.repo.activity_records()]
        rows.reverse()
        return {"rows": rows}

    def rules_page(self) -> dict[str, Any]:
        families: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for rule in rules_reference(self.repo.lang, self.repo.config):  # the team's levels (profile, rules:)
            rule = dict(rule)
            rule["link"] = rule["methodology"].get(self.jurisdiction)
            families[rule["family"]].append(rule)
        from .labels import FAMILIES

        lang = self.repo.lang
        names = {family: (FAMILIES[family].get(lang) or FAMILIES[family]["en"]) if family in FAMILIES else family
                 for family in families}
        return {"families": dict(families), "family_names": names}
