"""CASE: case.yml and facts that span the whole case."""

from __future__ import annotations

import re
from typing import Iterator

from ..records.models import CASE_ID_PATTERN
from ._text import tr
from .base import CaseContext, Hit, Rule

_CASE_ID = re.compile(CASE_ID_PATTERN)


class CaseIdFormat(Rule):
    """Case id does not follow OFFICE-YEAR-SEQUENCE."""

    code, name, family, scope = "CASE001", "case.id_format", "CASE", "case"
    summary = tr("Kód případu neodpovídá vzoru ÚŘAD-ROK-POŘADÍ", "Šifra slučaja ne odgovara obrascu KANCELARIJA-GODINA-BROJ",
                 "Case id is not OFFICE-YEAR-SEQUENCE")
    message = tr("kód případu „{id}“ neodpovídá vzoru ÚŘAD-ROK-POŘADÍ, např. JI-2025-014",
                 "šifra slučaja „{id}“ ne odgovara obrascu KANCELARIJA-GODINA-BROJ, npr. PG-2025-014",
                 "case id '{id}' is not OFFICE-YEAR-SEQUENCE, e.g. JI-2025-014")
    rationale = "Spec: a pseudonymous code that says the office and year without identifying the family."

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        if not _CASE_ID.match(ctx.case.id):
            yield Hit(("id",), {"id": ctx.case.id})


class CaseOffice(Rule):
    """Case office is not one of the team's offices."""

    code, name, family, scope = "CASE002", "case.unknown_office", "CASE", "case"
    summary = tr("Neznámý kód úřadu", "Nepoznata šifra kancelarije", "Unknown office code")
    message = tr("úřad „{office}“ není v caseconf.yml pod offices (známé: {known}); doplňte ho tam nebo opravte kód",
                 "kancelarija „{office}“ nije u caseconf.yml pod offices (poznate: {known}); dodajte je ili ispravite šifru",
                 "office '{office}' is not listed under offices in caseconf.yml (known: {known}); add it there or fix the code")
    rationale = "Spec: the office code starts the case id and feeds the statistics by office."

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
    summary = tr("Uzavřený případ bez data nebo důvodu uzavření", "Zatvoren slučaj bez datuma ili razloga zatvaranja",
                 "Closed case without closing date or reason")
    message = tr("případ je uzavřený, ale chybí {missing}; doplňte closed: RRRR-MM-DD a closure_reason (goals_met, transferred, family_refused, moved_away, other)",
                 "slučaj je zatvoren, ali nedostaje {missing}; dopunite closed: GGGG-MM-DD i closure_reason",
                 "the case is closed but {missing} is missing; add closed: YYYY-MM-DD and closure_reason (goals_met, transferred, family_refused, moved_away, other)")
    rationale = "Methodology: closing a case is a decision with a date and a reason, reported to the funder."

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
    summary = tr("Složce případu chybí case.yml", "Folderu slučaja nedostaje case.yml", "Case folder without case.yml")
    message = tr("ve složce {folder} chybí case.yml; vytvořte ho příkazem `caseconf new case`",
                 "u folderu {folder} nedostaje case.yml; napravite ga komandom `caseconf new case`",
                 "{folder} has no case.yml; create it with `caseconf new case`")
    rationale = "Spec: case-level facts (office, household refs, consent) live in case.yml."

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.case.case_doc is None:
            yield Hit((), {"folder": ctx.case.folder})


class DuplicateActionId(Rule):
    """Action id used twice within one case."""

    code, name, family, scope = "CASE005", "case.duplicate_action_id", "CASE", "case"
    summary = tr("Stejné číslo úkolu je v případu dvakrát", "Isti broj mjere se u slučaju javlja dva puta",
                 "Action id used twice in one case")
    message = tr("úkol {id} už v tomto případu existuje ({first}); další úkoly číslujte dál (A{next})",
                 "mjera {id} već postoji u ovom slučaju ({first}); nastavite numeraciju (A{next})",
                 "action {id} already exists in this case ({first}); number new actions on (A{next})")
    rationale = "Spec: action ids are unique within a case so that evaluations point at one action."

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
    summary = tr("Kód v case.yml nesouhlasí se složkou", "Šifra u case.yml ne odgovara folderu", "case.yml id differs from its folder")
    message = tr("case.yml uvádí id {id}, ale leží ve složce {folder}; sjednoťte je",
                 "case.yml navodi id {id}, a nalazi se u folderu {folder}; uskladite ih",
                 "case.yml says id {id} but lives in folder {folder}; make them agree")
    rationale = "Spec: one folder per case, named by the case id."

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.file is not None and ctx.file.id != ctx.case.id:
            yield Hit(("id",), {"id": ctx.file.id, "folder": ctx.case.id})


class CaseDates(Rule):
    """A record or the closing date lies before the case was opened."""

    code, name, family, scope, severity = "CASE007", "case.dates_order", "CASE", "case", "warning"
    summary = tr("Datum před otevřením případu", "Datum prije otvaranja slučaja", "Date before the case was opened")
    message = tr("{what} ({date}) je před otevřením případu ({opened}); zkontrolujte data",
                 "{what} ({date}) je prije otvaranja slučaja ({opened}); provjerite datume",
                 "{what} ({date}) is before the case was opened ({opened}); check the dates")
    rationale = "Dates drive reviews and statistics; one that precedes the case is almost always a typo."

    def check(self, ctx: CaseContext) -> Iterator[Hit]:  # type: ignore[override]
        case_file = ctx.file
        if case_file is None:
            return
        if case_file.closed and case_file.closed < case_file.opened:
            yield Hit(("closed",), {"what": "closed", "date": case_file.closed, "opened": case_file.opened})
        for doc in ctx.case.conferences:
            if doc.model.date < case_file.opened:
                yield Hit(("date",), {"what": doc.model.kind.value, "date": doc.model.date,
                                      "opened": case_file.opened}, doc=doc)


RULES = [CaseIdFormat, CaseOffice, CaseClosed, CaseFileMissing, DuplicateActionId, CaseIdMismatch, CaseDates]
