"""Run the form's browser checks (static/checks.js under node) and the Python checker on
the same repository, file by file, and line up their findings (used by test_parity.py)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
from pathlib import Path
from typing import Any

from caseconf.cli.main import main
from caseconf.editor.checks import browser_checks
from caseconf.records.loader import load_document
from caseconf.records.repository import Repository

RUNNER = Path(__file__).resolve().parent / "js_runner.mjs"

Key = tuple[str, int, str]  # path, line, code


def run_js(payload: dict[str, Any]) -> Any:
    proc = subprocess.run(["node", str(RUNNER)], input=json.dumps(payload, default=str), capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def python_findings(root: Path) -> list[dict[str, Any]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["check", "--root", str(root), "--format", "json", "--no-pii"])
    return json.loads(out.getvalue())["findings"]


def schema_of(rel: str) -> str | None:
    parts = rel.split("/")
    if len(parts) < 3 or parts[0] != "records":
        return None
    if parts[1] == "activities":
        return "activity" if rel.endswith(".md") else None
    if parts[-1] == "case.yml" and len(parts) == 3:
        return "case"
    return "conference" if rel.endswith(".md") and len(parts) == 3 else None


def record_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "records").rglob("*")
                  if p.is_file() and schema_of(p.relative_to(root).as_posix()))


def contexts(root: Path, data: dict[str, Any], files: list[str]) -> dict[str, dict[str, Any]]:
    """What the form knows about a record's case: household refs, and whether the case is
    closed and this is its last conference (then no plan is owed)."""
    out: dict[str, dict[str, Any]] = {}
    by_case: dict[str, list[str]] = {}
    for rel in files:
        if schema_of(rel) == "conference":
            by_case.setdefault(rel.split("/")[1], []).append(rel)
    for case_id, rels in by_case.items():
        case = data["cases"].get(case_id, {"household": [], "closed": False})
        last = sorted(rels)[-1]
        for rel in rels:
            out[rel] = {"household": case["household"], "closes_case": case["closed"] and rel == last,
                        "records": case.get("records", []), "after_all": case.get("after_all"),
                        "household_roles": case.get("household_roles", []),
                        "file": rel.rsplit("/", 1)[-1]}
    return out


def browser_findings(root: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    return browser_findings_many([root])[0]


def browser_findings_many(roots: list[Path]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The browser's findings for several repositories, in one run of node."""
    jobs = []
    for root in roots:
        repo = Repository.load(root)
        data = browser_checks(repo)
        files = record_files(root)
        ctx = contexts(root, data, files)
        items = []
        for rel in files:
            text = (root / rel).read_text(encoding="utf-8", errors="replace")
            # what the form knows of any file it saves: its name, its case's folder, its text
            context = {**ctx.get(rel, {}), "file": rel.rsplit("/", 1)[-1], "text": text}
            if rel.split("/")[1] != "activities":
                context["case_id"] = rel.split("/")[1]
            items.append({"schema": schema_of(rel), "text": text, "format": "yml" if rel.endswith(".yml") else "fm",
                          "context": context})
        jobs.append((root, repo.lang, data, files, items))
    # a few repositories per run of node: each carries the whole generated data (~1.7 MB)
    results: list[Any] = []
    for at in range(0, len(jobs), 20):
        results += run_js({"op": "checks", "jobs": [{"data": d, "items": i} for _, _, d, _, i in jobs[at:at + 20]]})
    return [(data, _located(root, lang, files, result)) for (root, lang, data, files, _), result in zip(jobs, results)]


def _located(root: Path, lang: str, files: list[str], results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    findings = []
    for rel, result in zip(files, results):
        doc = load_document(root, rel, schema_of(rel), lang, None)  # type: ignore[arg-type]
        for f in result["findings"]:
            line = f.get("line") or (doc.line_of(*f["loc"]) if f["loc"] else min(doc.lines.values(), default=1))
            findings.append({"path": rel, "line": line, "code": f["code"], "severity": f["severity"],
                             "message": f["message"]})
    return findings


def keys(findings: list[dict[str, Any]], codes: set[str]) -> set[Key]:
    return {(f["path"], f["line"], f["code"]) for f in findings if f["code"] in codes}
