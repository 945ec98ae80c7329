"""`--format gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:`),
shown in the merge request's widget and diff. The fields GitLab documents: description,
check_name, fingerprint, severity (info|minor|major|critical|blocker), location.path,
location.lines.begin (https://docs.gitlab.com/ci/testing/code_quality/).
"""

from __future__ import annotations

import json

from .located import Report


def _severity(code: str, severity: str) -> str:
    if severity == "error":
        return "critical" if code.startswith("PII") else "major"  # personal data first
    return "minor" if severity == "warning" else "info"


def render(report: Report) -> str:
    issues = []
    for item in report.items:
        f = item.finding
        issue = {
            "type": "issue",
            "description": f"{f.code}: {item.message}",
            "check_name": f.code,
            "fingerprint": item.fingerprint,
            "severity": _severity(f.code, f.severity),
            "categories": ["Security"] if f.code.startswith("PII") else ["Style"],
            "location": {"path": item.path, "lines": {"begin": max(f.line, 1)}},
        }
        if f.commit:
            issue["location"]["commit"] = f.commit  # type: ignore[index]
        issues.append(issue)
    return json.dumps(issues, ensure_ascii=False, indent=2)
