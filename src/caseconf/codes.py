"""One registry of every code caseconf reports: loader, rules, suppressions, config, PII.

`caseconf rules`, the site's checks page, the code tables of the methodology packs and the
severity overrides (`rules:` in caseconf.yml, over the jurisdiction profile) all read it, so
no list of codes is kept by hand anywhere. Each entry says its default severity per
profile, the message it shows (or the loader catalogue ids it renders) and why it exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Literal

from .records.findings import Finding
from .records.i18n import Message
from .records.profiles import JURISDICTIONS, load_profile

Origin = Literal["loader", "rule", "suppression", "config", "pii"]
Level = Literal["error", "warning", "info", "off"]


@dataclass(frozen=True, slots=True)
class CodeEntry:
    code: str
    name: str
    family: str
    origin: Origin
    severity: str  # the code's own default
    summary: Message
    rationale: Message
    message: Message | None = None  # rules: the finding's text with {placeholders}
    message_ids: tuple[str, ...] = ()  # loader: ids in the loader catalogue
    can_disable: bool = True
    scope: str = ""
    kinds: tuple[str, ...] = ()
    thresholds: tuple[str, ...] = ()
    by_profile: dict[str, str] = field(default_factory=dict)  # jurisdiction -> default level

    def level_for(self, jurisdiction: str) -> str:
        return self.by_profile.get(jurisdiction, self.severity)


def _pick(message: Message, lang: str) -> str:
    """A fixed text in `lang` (English when untranslated); no placeholders to fill."""
    return message.get(lang) or message.get("en") or next(iter(message.values()), "")


def _as_message(text: str | Message) -> Message:
    """A plain English text (the guard's rationales) is a catalogue message like the rest."""
    from .records.catalogue import msg

    return msg(text) if isinstance(text, str) else text


def _origin(rule: type) -> Origin:
    if rule.scope == "loader":
        return "suppression" if rule.family == "SUPP" else "loader"
    return "config" if rule.scope == "config" else "rule"


@lru_cache(maxsize=1)
def all_codes() -> tuple[CodeEntry, ...]:
    """Every code, sorted; refuses duplicates across the rules and the guard."""
    from .pii.codes import all_codes as pii_codes
    from .rules.registry import all_rules

    profiles = {j: load_profile(j).rule_levels() for j in JURISDICTIONS}
    entries: list[CodeEntry] = []
    for rule in all_rules():
        kinds = tuple(sorted(k.value for k in rule.kinds)) if rule.scope == "record" else ()
        entries.append(CodeEntry(
            rule.code, rule.name, rule.family, _origin(rule), rule.severity, rule.summary,
            _as_message(rule.rationale), None if rule.scope == "loader" else rule.message,
            tuple(rule.message_ids), rule.can_disable, rule.scope, kinds, tuple(rule.thresholds)))
    for pii in pii_codes():
        entries.append(CodeEntry(
            pii.code, f"pii.{pii.kind or 'guard'}", "PII", "pii", pii.severity, pii.summary,
            _as_message(pii.rationale), can_disable=pii.can_disable, scope="file"))
    seen: set[str] = set()
    for entry in entries:
        if entry.code in seen:
            raise ValueError(f"code {entry.code} is registered twice")
        seen.add(entry.code)
    with_profiles = [replace(e, by_profile={j: levels[e.code] for j, levels in profiles.items() if e.code in levels})
                     for e in entries]
    return tuple(sorted(with_profiles, key=lambda e: e.code))


def code_by_name() -> dict[str, CodeEntry]:
    return {entry.code: entry for entry in all_codes()}


def can_disable(code: str) -> bool:
    """Whether `rules: {CODE: off}` may switch the code off. Asks the rules registry first
    (already loaded by any check) and the guard's registry only for PII codes, so that a
    check without the personal-data scan never loads the detectors."""
    from .rules.registry import rule_by_code

    rule = rule_by_code().get(code)
    if rule is not None:
        return rule.can_disable
    if code.startswith("PII"):
        from .pii.codes import all_codes as pii_codes

        return next((p.can_disable for p in pii_codes() if p.code == code), True)
    return True


def is_known(code: str) -> bool:
    """Whether any registry knows the code (the guard's is asked only for PII codes)."""
    from .rules.registry import rule_by_code

    if code in rule_by_code():
        return True
    return code.startswith("PII") and code in code_by_name()


def apply_levels(findings: Iterable[Finding], levels: dict[str, str]) -> list[Finding]:
    """The team's levels over every finding: re-levelled, or dropped when `off`, except
    for codes that cannot be switched off (CFG003 says so where the setting is)."""
    if not levels:
        return list(findings)
    out = []
    for finding in findings:
        level = levels.get(finding.code)
        if level is None or level == finding.severity:
            out.append(finding)
        elif level == "off":
            if not can_disable(finding.code):
                out.append(finding)
        else:
            out.append(replace(finding, severity=level))  # type: ignore[arg-type]
    return out


def reference(lang: str, jurisdiction: str | None = None,
              levels: dict[str, str] | None = None) -> list[dict[str, object]]:
    """The registry as rows for people: summary and rationale in `lang`; `severity` is what
    this team gets (its profile, then its own `rules:`)."""
    rows = []
    for entry in all_codes():
        default = entry.level_for(jurisdiction) if jurisdiction else entry.severity
        rows.append({
            "code": entry.code,
            "name": entry.name,
            "family": entry.family,
            "origin": entry.origin,
            "severity": (levels or {}).get(entry.code, default),
            "default_severity": entry.severity,
            "by_profile": {j: entry.level_for(j) for j in JURISDICTIONS},
            "can_disable": entry.can_disable,
            "scope": entry.scope,
            "kinds": list(entry.kinds),
            "thresholds": list(entry.thresholds),
            "summary": _pick(entry.summary, lang),
            "rationale": _pick(entry.rationale, lang),
            "message_ids": list(entry.message_ids),
        })
    return rows
