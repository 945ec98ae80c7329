"""Runs the registry over a repository model and applies team settings and suppressions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..records.findings import Finding
from ..records.i18n import render
from ..records.loader import LoadedDoc
from ..records.repository import Repository
from .base import ActivityContext, CaseContext, Hit, RecordContext, Rule
from .registry import all_rules


@dataclass(frozen=True, slots=True)
class Suppressed:
    finding: Finding
    reason: str


@dataclass(slots=True)
class CheckResult:
    findings: list[Finding]
    suppressed: list[Suppressed] = field(default_factory=list)
    checked: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")


def _severity(rule: type[Rule], overrides: dict[str, str]) -> str:
    return overrides.get(rule.code, rule.severity)


def run_rules(repo: Repository, case_ids: Iterable[str] | None = None, *, activities: bool = True) -> CheckResult:
    """All findings for the given cases (default: all), loader findings included."""
    overrides = dict(repo.config.rules) if repo.config else {}
    active = [rule for rule in all_rules() if overrides.get(rule.code) != "off" and rule.scope != "loader"]
    by_scope: dict[str, list[Rule]] = defaultdict(list)
    for rule in active:
        by_scope[rule.scope].append(rule())
    per_doc: dict[str, list[Finding]] = defaultdict(list)
    docs: dict[str, LoadedDoc] = {}

    def emit(rule: Rule, doc: LoadedDoc | None, hit: Hit, fallback_path: str) -> None:
        target = hit.doc or doc
        path = target.path if target is not None else fallback_path
        line = hit.line or (target.line_of(*hit.loc) if target is not None else 1)
        message = render(rule.message, repo.lang, hit.params)
        if target is not None:
            docs[path] = target
        per_doc[path].append(Finding(path, line, rule.code, _severity(type(rule), overrides), message))  # type: ignore[arg-type]

    wanted = list(case_ids) if case_ids is not None else list(repo.cases)
    for case_id in wanted:
        case = repo.cases.get(case_id)
        if case is None:
            continue
        case_ctx = CaseContext(repo, case)
        for rule in by_scope["case"]:
            for hit in rule.check(case_ctx):
                emit(rule, case.case_doc, hit, f"{case.folder}/case.yml")
        for doc in case.conferences:
            ctx = RecordContext(repo, case, doc)
            for rule in by_scope["record"]:
                if ctx.record.kind in rule.kinds:
                    for hit in rule.check(ctx):
                        emit(rule, doc, hit, doc.path)
    if activities:
        for doc in repo.activities:
            if doc.model is None:
                continue
            activity_ctx = ActivityContext(repo, doc)
            for rule in by_scope["activity"]:
                for hit in rule.check(activity_ctx):
                    emit(rule, doc, hit, doc.path)

    scope_docs = _docs_in_scope(repo, wanted, activities)
    for doc in scope_docs:
        docs[doc.path] = doc
        per_doc[doc.path] = list(doc.findings) + per_doc.get(doc.path, [])
    result = CheckResult(findings=[], checked=sum(1 for d in scope_docs if d.kind != "config"))
    for path, findings in per_doc.items():
        kept, suppressed = apply_suppressions(docs.get(path), findings, repo.lang, overrides)
        result.findings.extend(kept)
        result.suppressed.extend(suppressed)
    result.findings.sort(key=Finding.sort_key)
    return result


def _docs_in_scope(repo: Repository, case_ids: list[str], activities: bool) -> list[LoadedDoc]:
    docs: list[LoadedDoc] = [repo.config_doc] if repo.config_doc is not None else []
    for case_id in case_ids:
        case = repo.cases.get(case_id)
        if case is None:
            continue
        if case.case_doc is not None:
            docs.append(case.case_doc)
        docs.extend(case.documents)
    if activities:
        docs.extend(repo.activities)
    docs.extend(repo.stray)
    return docs


def apply_suppressions(doc: LoadedDoc | None, findings: list[Finding], lang: str,
                       overrides: dict[str, str]) -> tuple[list[Finding], list[Suppressed]]:
    from .suppression import SuppressionWithoutReason, UnusedSuppression

    meta = getattr(doc.model, "caseconf", None) if doc is not None and doc.model is not None else None
    if meta is None or not meta.ignore:
        return findings, []
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    used: set[int] = set()
    reasons = {index: (entry.reason or "").strip() for index, entry in enumerate(meta.ignore)}
    for finding in findings:
        match = next((i for i, e in enumerate(meta.ignore) if e.code == finding.code and reasons[i]), None)
        if match is None or finding.code.startswith("SUPP"):
            kept.append(finding)
            continue
        used.add(match)
        suppressed.append(Suppressed(finding, reasons[match]))
    for index, entry in enumerate(meta.ignore):
        line = doc.line_of("caseconf", "ignore", index)  # type: ignore[union-attr]
        rule: type[Rule] | None = None
        if not reasons[index]:
            rule = SuppressionWithoutReason
        elif index not in used:
            rule = UnusedSuppression
        if rule is not None and overrides.get(rule.code) != "off":
            kept.append(Finding(doc.path, line, rule.code, _severity(rule, overrides),  # type: ignore[union-attr, arg-type]
                                render(rule.message, lang, {"code": entry.code})))
    return kept, suppressed
