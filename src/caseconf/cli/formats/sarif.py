"""`--format sarif`: SARIF 2.1.0, for code-scanning views (GitHub, GitLab, Forgejo plugins,
editors). Paths are relative to `%SRCROOT%`, the repository's root; each result carries a
`partialFingerprints` entry that does not depend on the line number.
"""

from __future__ import annotations

import json
from typing import Any

from ...records.findings import visible
from ...version import __version__
from .located import FINGERPRINT_VERSION, Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule_texts() -> dict[str, dict[str, str]]:
    """code -> summary and rationale from the rules reference, in the team's language."""
    try:
        from ...index.rules_ref import rules_reference
        from ...records.i18n import pick_language

        return {str(entry["code"]): {"summary": str(entry.get("summary") or ""),
                                     "rationale": str(entry.get("rationale") or "")}
                for entry in rules_reference(pick_language(None))}
    except Exception:  # noqa: BLE001 - descriptions are a courtesy; the results stand without them
        return {}


def _rule(code: str, texts: dict[str, dict[str, str]]) -> dict[str, Any]:
    entry = texts.get(code, {})
    rule: dict[str, Any] = {"id": code, "shortDescription": {"text": visible(entry.get("summary") or code)}}
    if entry.get("rationale"):
        rule["fullDescription"] = {"text": visible(entry["rationale"])}
    return rule


def render(report: Report) -> str:
    texts = _rule_texts()
    codes = sorted({item.finding.code for item in report.items})
    index = {code: i for i, code in enumerate(codes)}
    rules = [_rule(code, texts) for code in codes]
    results: list[dict[str, Any]] = []
    for item in report.items:
        f = item.finding
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVEL[f.severity],
            "message": {"text": item.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": item.path, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": max(f.line, 1)},
            }}],
            "partialFingerprints": {FINGERPRINT_VERSION: item.fingerprint},
        }
        properties = {k: v for k, v in (("kind", f.kind), ("commit", f.commit)) if v}
        if properties:
            result["properties"] = properties
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "caseconf", "semanticVersion": __version__, "rules": rules}},
            "automationDetails": {"id": f"caseconf/{report.tool}/"},
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the repository's root"}}},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
