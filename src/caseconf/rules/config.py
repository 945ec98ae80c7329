"""CFG: the team's settings in caseconf.yml."""

from __future__ import annotations

import difflib
from typing import Iterator

from ._text import tr
from .base import Hit, RepoContext, Rule


class UnknownRuleCode(Rule):
    """caseconf.yml names a rule that does not exist."""

    code, name, family, scope, severity = "CFG001", "cfg.unknown_rule", "CFG", "config", "warning"
    summary = tr("Nastavení zmiňuje neexistující kontrolu", "Podešavanje navodi nepostojeću provjeru",
                 "Settings name a rule that does not exist")
    message = tr("v rules je kód {code}, žádná taková kontrola není{hint}; seznam: `caseconf rules`",
                 "u rules je šifra {code}, takva provjera ne postoji{hint}; spisak: `caseconf rules`",
                 "rules names {code}, which is no rule{hint}; list them with `caseconf rules`")
    rationale = "A misspelt code would silently leave the intended rule at its default."

    def check(self, ctx: RepoContext) -> Iterator[Hit]:  # type: ignore[override]
        from .registry import rule_by_code

        known = list(rule_by_code())
        for code in ctx.repo.config.rules:  # type: ignore[union-attr]
            if code not in known:
                best = difflib.get_close_matches(code, known, n=1, cutoff=0.6)
                yield Hit(("rules", code), {"code": code, "hint": f" ({best[0]}?)" if best else ""})


RULES = [UnknownRuleCode]
