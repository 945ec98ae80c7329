"""CASE: case.yml and facts that span the whole case."""

from __future__ import annotations

import re
from typing import Iterator

from ..records.catalogue import msg
from ..records.models import CASE_ID_PATTERN
from .base import CaseContext, Hit, Rule, Words

_CASE_ID = re.compile(CASE_ID_PATTERN)


class CaseIdFormat(Rule):
    """Case id does not follow OFFICE-YEAR-SEQUENCE."""

    code, name, family, scope = "CASE001", "case.id_format", "CASE", "case"
    summary = msg("Case id is not OFFICE-YEAR-SEQUENCE")
    message = msg("Case id '{id}' is not OFFICE-YEAR-SEQUENCE, e.g. JI-2025-014. Rename the folder; `caseconf new case` makes new ones (id)")
    rationale = msg("Record format: a pseudonymous code that says the office and year without identifying the family.")

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        if not _CASE_ID.match(ctx.case.id):
            yield Hit(("id",), {"id": ctx.case.id})


class CaseOffice(Rule):
    """Case office is not one of the team's offices."""

    code, name, family, scope = "CASE002", "case.unknown_office", "CASE", "case"
    summary = msg("Unknown office code")
    message = msg("Office '{office}' is not listed under offices in caseconf.yml (known: {known}). Add it there or fix the code (office)")
    rationale = msg("Record format: the office code starts the case id and feeds the statistics by office.")

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.file is None or ctx.config is None:
            return
        known = ctx.config.offices
        if ctx.file.office not in known:
            yield Hit(("office",), {"office": ctx.file.office, "known": ", ".join(known) or "-"})
        elif _CASE_ID.match(ctx.case.id) and not ctx.case.id.startswith(ctx.file.office + "-"):
            yield Hit(("office",), {"office": ctx.case.id.split("-")[0], "known": ", ".join(known)})


class CaseClosed(Rule):
    """Closed case without closing date or reason."""

    code, name, family, scope = "CASE003", "case.closed_incomplete", "CASE", "case"
    summary = msg("Closed case without closing date or reason")
    message = msg("The case is closed but {missing} is missing. Add the closing date and the reason: goals_met, transferred, family_refused, moved_away, other (closed, closure_reason)")
    rationale = msg("Closing a case is a decision with a date and a reason, reported to the funder.")

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        case_file = ctx.file
        if case_file is None or case_file.status.value != "closed":
            return
        for key in ("closed", "closure_reason"):
            if getattr(case_file, key) is None:
                yield Hit(("status",), {"missing": key})


class CaseFileMissing(Rule):
    """Case folder without case.yml."""

    code, name, family, scope = "CASE004", "case.file_missing", "CASE", "case"
    summary = msg("Case folder without case.yml")
    message = msg("{folder} has no case facts. Create them with `caseconf new case` (case.yml)")
    rationale = msg("Record format: case-level facts (office, household refs, consent) live in case.yml.")

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.case.case_doc is None:
            yield Hit((), {"folder": ctx.case.folder})


class DuplicateActionId(Rule):
    """Action id used twice within one case."""

    code, name, family, scope = "CASE005", "case.duplicate_action_id", "CASE", "case"
    summary = msg("Action id used twice in one case")
    message = msg("Action {id} already exists in this case ({first}). Number new actions on; the next free one is A{next} (plan.actions.id)")
    rationale = msg("Record format: action ids are unique within a case so that evaluations point at one action.")

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        seen: dict[str, str] = {}
        highest = max((int(a.id[1:]) for d in ctx.case.conferences if d.model.plan
                       for a in d.model.plan.actions), default=0)
        for doc in ctx.case.conferences:
            plan = doc.model.plan
            for index, action in enumerate(plan.actions if plan else []):
                if action.id in seen:
                    yield Hit(("plan", "actions", index, "id"),
                              {"id": action.id, "first": seen[action.id], "next": highest + 1}, doc=doc)
                else:
                    seen[action.id] = doc.path.rsplit("/", 1)[-1]


class CaseIdMismatch(Rule):
    """case.yml id differs from its folder."""

    code, name, family, scope = "CASE006", "case.id_folder", "CASE", "case"
    summary = msg("case.yml id differs from its folder")
    message = msg("The case facts say {id} but live in folder {folder}. Make them agree (case.yml, id)")
    rationale = msg("Record format: one folder per case, named by the case id.")

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.file is not None and ctx.file.id != ctx.case.id:
            yield Hit(("id",), {"id": ctx.file.id, "folder": ctx.case.id})


class CaseDates(Rule):
    """A record or the closing date lies before the case was opened."""

    code, name, family, scope, severity = "CASE007", "case.dates_order", "CASE", "case", "warning"
    summary = msg("Date before the case was opened")
    message = msg("{what} ({date}) is before the case was opened ({opened}). Probably a typo: check the date (date, opened)")
    rationale = msg("Dates drive reviews and statistics; one that precedes the case is almost always a typo.")
    _CLOSING_DATE = msg("The closing date")

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        case_file = ctx.file
        if case_file is None:
            return
        if case_file.closed and case_file.closed < case_file.opened:
            yield Hit(("closed",), {"what": self._CLOSING_DATE, "date": case_file.closed, "opened": case_file.opened})
        for doc in ctx.case.conferences:
            if doc.model.date < case_file.opened:
                yield Hit(("date",), {"what": Words((doc.model.kind.value,)), "date": doc.model.date,
                                      "opened": case_file.opened}, doc=doc)


RULES = [CaseIdFormat, CaseOffice, CaseClosed, CaseFileMissing, DuplicateActionId, CaseIdMismatch, CaseDates]
