"""Jurisdiction profiles: the defaults `jurisdiction: cz|me` selects.

A profile is data (`caseconf/profiles/<jurisdiction>.yml`), each value with the source it
comes from: thresholds, how reviews are timed, who may lead the meeting without being
marked independent, who evaluates a plan, rule severities that differ from a rule's own
default, and vocabulary choices. The team's own `thresholds:` and `rules:` in caseconf.yml
override it (see `TeamConfig`). Read once per process, only when a config is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

JURISDICTIONS = ("cz", "me")
ReviewTiming = Literal["min_days", "plan_deadline"]


class ProfileError(Exception):
    """A shipped profile is malformed: a packaging bug, never a user's mistake."""


@dataclass(frozen=True, slots=True)
class Sourced:
    value: Any
    source: str


@dataclass(frozen=True, slots=True)
class Profile:
    jurisdiction: str
    thresholds: dict[str, Sourced]
    review_timing: Sourced
    may_lead: frozenset[str]
    lead_source: str
    evaluators: tuple[str, ...]
    evaluators_source: str
    rules: dict[str, Sourced]  # code -> severity (error|warning|info|off)
    case_worker_role: str
    bases: tuple[str, ...]
    control_roles: frozenset[str]
    vocabulary_source: str
    extra: dict[str, Any] = field(default_factory=dict)

    def threshold_values(self) -> dict[str, Any]:
        return {name: item.value for name, item in self.thresholds.items()}

    def rule_levels(self) -> dict[str, str]:
        return {code: str(item.value) for code, item in self.rules.items()}


def _sourced(data: Any, where: str) -> Sourced:
    if not isinstance(data, dict) or "value" not in data and "severity" not in data:
        raise ProfileError(f"{where}: expected {{value|severity, source}}")
    value = data.get("value", data.get("severity"))
    if not data.get("source"):
        raise ProfileError(f"{where}: every default names its source")
    return Sourced(value, str(data["source"]))


def parse_profile(data: dict[str, Any]) -> Profile:
    name = str(data.get("jurisdiction"))
    lead = data.get("lead") or {}
    evaluators = data.get("evaluators") or {}
    vocabulary = data.get("vocabulary") or {}
    for part, block in (("lead", lead), ("evaluators", evaluators), ("vocabulary", vocabulary)):
        if not block.get("source"):
            raise ProfileError(f"{name}.{part}: every default names its source")
    return Profile(
        jurisdiction=name,
        thresholds={k: _sourced(v, f"{name}.thresholds.{k}") for k, v in (data.get("thresholds") or {}).items()},
        review_timing=_sourced(data.get("review_timing"), f"{name}.review_timing"),
        may_lead=frozenset(lead.get("may_lead_without_independence") or ()),
        lead_source=str(lead["source"]),
        evaluators=tuple(evaluators.get("roles") or ()),
        evaluators_source=str(evaluators["source"]),
        rules={k: _sourced(v, f"{name}.rules.{k}") for k, v in (data.get("rules") or {}).items()},
        case_worker_role=str(vocabulary.get("case_worker_role", "")),
        bases=tuple(vocabulary.get("bases") or ()),
        control_roles=frozenset(vocabulary.get("control_roles") or ()),
        vocabulary_source=str(vocabulary["source"]),
    )


@lru_cache(maxsize=None)
def load_profile(jurisdiction: str) -> Profile:
    """The shipped profile of a jurisdiction (cz when the name is unknown: the loader
    reports the bad value itself)."""
    import yaml  # lazy: the commit hook's fast path never needs it unless a config is read

    name = jurisdiction if jurisdiction in JURISDICTIONS else "cz"
    text = (resources.files("caseconf") / "profiles" / f"{name}.yml").read_text(encoding="utf-8")
    return parse_profile(yaml.safe_load(text) or {})
