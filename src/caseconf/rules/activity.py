"""ACT: activity records (workshops, supervisions)."""

from __future__ import annotations

from typing import Iterator

from ._text import tr
from .base import ActivityContext, Hit, Rule


class ActivityOffice(Rule):
    """Activity names an unknown office."""

    code, name, family, scope = "ACT001", "act.unknown_office", "ACT", "activity"
    summary = tr("Aktivita uvádí neznámý úřad", "Aktivnost navodi nepoznatu kancelariju", "Activity names an unknown office")
    message = tr("úřad „{office}“ není v caseconf.yml pod offices; doplňte ho tam nebo opravte kód",
                 "kancelarija „{office}“ nije u caseconf.yml pod offices; dodajte je ili ispravite šifru",
                 "office '{office}' is not listed under offices in caseconf.yml; add it there or fix the code")
    rationale = tr("Zpráva donorovi: zapojená pracoviště se počítají i z aktivit (projekt Vysočina).",
                   "Izvještaj donatoru: uključeni centri broje se i iz aktivnosti.",
                   "Funder report (VY): offices involved are counted from activities too.")

    def check(self, ctx: ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.config is None:
            return
        for index, office in enumerate(ctx.record.offices):
            if office not in ctx.config.offices:
                yield Hit(("offices", index), {"office": office})


class ActivityCase(Rule):
    """Supervision names a case that does not exist."""

    code, name, family, scope = "ACT002", "act.unknown_case", "ACT", "activity"
    summary = tr("Supervize odkazuje na neexistující případ", "Supervizija upućuje na nepostojeći slučaj",
                 "Supervision names an unknown case")
    message = tr("případ {case} v records/ není; opravte kód případu",
                 "slučaj {case} ne postoji u records/; ispravite šifru slučaja",
                 "case {case} does not exist in records/; fix the case id")
    rationale = tr("Odkaz ze supervize na případ musí na webu vést někam.",
                   "Veza sa supervizije na slučaj mora na sajtu negdje voditi.",
                   "Links from supervisions to cases must resolve on the site.")

    def check(self, ctx: ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        case = ctx.record.case
        # a one-file commit loads only some cases, so ask the disk rather than the model
        if case and case not in ctx.repo.cases and not (ctx.repo.root / "records" / case).is_dir():
            yield Hit(("case",), {"case": case})


RULES = [ActivityOffice, ActivityCase]
