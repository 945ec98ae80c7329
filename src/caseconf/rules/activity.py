"""ACT: activity records (workshops, supervisions)."""

from __future__ import annotations

from typing import Iterator

from ._text import tr
from .base import ActivityContext, Hit, Rule


class ActivityOffice(Rule):
    """Activity names an unknown office."""

    code, name, family, scope = "ACT001", "act.unknown_office", "ACT", "activity"
    summary = tr("Aktivita uvádí neznámý úřad", "Aktivnost navodi nepoznatu kancelariju", "Activity names an unknown office")
    message = tr("Pracoviště „{office}“ není v caseconf.yml mezi offices. Doplňte ho tam, nebo opravte zkratku (offices)",
                 "Centar „{office}“ nije u caseconf.yml pod offices. Dodajte ga ili ispravite šifru (offices)",
                 "Office '{office}' is not listed under offices in caseconf.yml. Add it there or fix the code (offices)")
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
    message = tr("Supervize odkazuje na případ {case}, který v records/ není. Opravte kód případu (case)",
                 "Supervizija upućuje na slučaj {case} koji ne postoji u records/. Ispravite oznaku slučaja (case)",
                 "The supervision names case {case}, which is not in records/. Fix the case id (case)")
    rationale = tr("Odkaz ze supervize na případ musí na webu vést někam.",
                   "Veza sa supervizije na slučaj mora na sajtu negdje voditi.",
                   "Links from supervisions to cases must resolve on the site.")

    def check(self, ctx: ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        case = ctx.record.case
        # a one-file commit loads only some cases, so ask the disk rather than the model
        if case and case not in ctx.repo.cases and not (ctx.repo.root / "records" / case).is_dir():
            yield Hit(("case",), {"case": case})


RULES = [ActivityOffice, ActivityCase]
