"""ACT: activity records (workshops, supervisions)."""

from __future__ import annotations

from typing import Iterator

from .base import ActivityContext, Hit, Rule

from ..records.catalogue import msg


class ActivityOffice(Rule):
    """Activity names an unknown office."""

    code, name, family, scope = "ACT001", "act.unknown_office", "ACT", "activity"
    summary = msg("Activity names an unknown office")
    message = msg("Office '{office}' is not listed under offices in caseconf.yml. Add it there or fix the code (offices)")
    rationale = msg("Funder report (VY): offices involved are counted from activities too.")

    def check(self, ctx: ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        if ctx.config is None:
            return
        for index, office in enumerate(ctx.record.offices):
            if office not in ctx.config.offices:
                yield Hit(("offices", index), {"office": office})


class ActivityCase(Rule):
    """Supervision names a case that does not exist."""

    code, name, family, scope = "ACT002", "act.unknown_case", "ACT", "activity"
    summary = msg("Supervision names an unknown case")
    message = msg("The supervision names case {case}, which is not in records/. Fix the case id (case)")
    rationale = msg("Links from supervisions to cases must resolve on the site.")

    def check(self, ctx: ActivityContext) -> Iterator[Hit]:  # type: ignore[override]
        case = ctx.record.case
        # a one-file commit loads only some cases, so ask the disk rather than the model
        if case and case not in ctx.repo.cases and not (ctx.repo.root / "records" / case).is_dir():
            yield Hit(("case",), {"case": case})


RULES = [ActivityOffice, ActivityCase]
