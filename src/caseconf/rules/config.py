"""CFG: the team's settings in caseconf.yml."""

from __future__ import annotations

import difflib
from typing import Iterator

from .base import Hit, RepoContext, Rule, Words

from ..records.catalogue import msg


class UnknownRuleCode(Rule):
    """caseconf.yml names a rule that does not exist."""

    code, name, family, scope, severity = "CFG001", "cfg.unknown_rule", "CFG", "config", "warning"
    summary = msg("Settings name a rule that does not exist")
    message = msg("There is no check {code}{hint}, so the setting changes nothing. `caseconf rules` lists them (rules)")
    rationale = msg("A misspelt code would silently leave the intended rule at its default.")

    def check(self, ctx: RepoContext) -> Iterator[Hit]:  # type: ignore[override]
        from ..codes import code_by_name, is_known

        for code in ctx.repo.config.rules:  # type: ignore[union-attr]
            if not is_known(code):
                known = list(code_by_name())  # the whole registry only to suggest a spelling
                best = difflib.get_close_matches(code, known, n=1, cutoff=0.6)
                yield Hit(("rules", code), {"code": code, "hint": f" ({best[0]}?)" if best else ""})


class ThresholdRange(Rule):
    """A threshold range whose low end is above its high end."""

    code, name, family, scope, severity = "CFG002", "cfg.threshold_range", "CFG", "config", "warning"
    summary = msg("A threshold range is reversed")
    message = msg("the range {name} starts higher ({low}) than it ends ({high}); write the smaller number first, e.g. [90, 120]")
    rationale = msg("A reversed range would flag every meeting, and the check would mean nothing.")

    def check(self, ctx: RepoContext) -> Iterator[Hit]:  # type: ignore[override]
        low, high = ctx.repo.config.thresholds.duration_minutes  # type: ignore[union-attr]
        if low > high:
            yield Hit(("thresholds", "duration_minutes"), {"name": "duration_minutes", "low": low, "high": high})


class CannotSwitchOff(Rule):
    """caseconf.yml switches off a code that cannot be switched off."""

    code, name, family, scope, severity = "CFG003", "cfg.cannot_switch_off", "CFG", "config", "warning"
    can_disable = False
    summary = msg("This check cannot be switched off")
    message = msg("{code} cannot be switched off ({why}); it stays at {severity}. You may only change its level (error, warning, info)")
    rationale = msg("Personal data and unreadable records must never silently drop out of the check.")

    _WHY = {
        "pii": msg("it guards personal data"),
        "loader": msg("without it an unreadable record would drop out of every check"),
        "config": msg("it reports settings that cannot take effect"),
    }

    def check(self, ctx: RepoContext) -> Iterator[Hit]:  # type: ignore[override]
        from ..codes import can_disable, code_by_name, is_known
        from ..records.i18n import render

        for code, level in ctx.repo.config.rules.items():  # type: ignore[union-attr]
            if level != "off" or not is_known(code) or can_disable(code):
                continue
            entry = code_by_name()[code]
            why = self._WHY.get(entry.origin, self._WHY["loader"])
            yield Hit(("rules", code), {"code": code, "severity": Words((entry.severity,)),
                                        "why": render(why, ctx.repo.lang)})


class UnknownThreshold(Rule):
    """caseconf.yml sets a threshold no rule reads."""

    code, name, family, scope, severity = "CFG004", "cfg.unknown_threshold", "CFG", "config", "warning"
    summary = msg("Settings name a threshold that does not exist")
    message = msg("No check reads the threshold {name}, so nothing changes.{hint} Known thresholds: {known} (thresholds)")
    rationale = msg("A misspelt threshold would silently leave the check at the profile's default.")

    def check(self, ctx: RepoContext) -> Iterator[Hit]:  # type: ignore[override]
        from ..records.i18n import render
        from ..records.models import Thresholds

        known = list(Thresholds.model_fields)
        for name in ctx.repo.config.thresholds.model_extra or {}:  # type: ignore[union-attr]
            best = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = render(self._HINT, ctx.repo.lang, {"best": f"`{best[0]}`"}) if best else ""
            # names one writes in caseconf.yml: as code, not as words
            yield Hit(("thresholds", name), {"name": name, "hint": hint, "known": ", ".join(f"`{k}`" for k in known)})

    _HINT = msg(" Did you mean {best}?")


class FormatTooNew(Rule):
    """caseconf.yml names a record format newer than this caseconf reads."""

    code, name, family, scope, severity = "CFG005", "cfg.format_too_new", "CFG", "config", "error"
    can_disable = False
    summary = msg("The records are in a newer format than this caseconf knows")
    message = msg("format_version is {found}, this caseconf knows formats up to {current}; install a newer "
                 "caseconf (rev: in .pre-commit-config.yaml) rather than rewriting the records")
    rationale = msg("An older caseconf would read a newer format its own way: checks would stay silent or misfire.")

    def check(self, ctx: RepoContext) -> Iterator[Hit]:  # type: ignore[override]
        from ..records.models import RECORD_FORMAT

        found = ctx.repo.config.format_version  # type: ignore[union-attr]
        if found > RECORD_FORMAT:
            yield Hit(("format_version",), {"found": found, "current": RECORD_FORMAT})


RULES = [UnknownRuleCode, ThresholdRange, CannotSwitchOff, UnknownThreshold, FormatTooNew]
