"""The rules reference as data (CLI `caseconf rules` and the site's Checks page)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..records.i18n import render
from ..rules.registry import all_rules


@lru_cache(maxsize=1)
def methodology_links() -> dict[str, dict[str, str]]:
    """code -> {jurisdiction: 'page.md#anchor'} from the methodology packs."""
    path = resources.files("caseconf") / "templates" / "packs" / "rule_links.yml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(code): dict(links or {}) for code, links in data.items()}


def rules_reference(lang: str) -> list[dict[str, Any]]:
    links = methodology_links()
    out = []
    for rule in all_rules():
        out.append({
            "code": rule.code,
            "name": rule.name,
            "family": rule.family,
            "severity": rule.severity,
            "scope": rule.scope,
            "kinds": sorted(k.value for k in rule.kinds) if rule.scope == "record" else [],
            "thresholds": list(rule.thresholds),
            "summary": render(rule.summary, lang),
            "rationale": rule.rationale,
            "methodology": links.get(rule.code, {}),
        })
    return out
