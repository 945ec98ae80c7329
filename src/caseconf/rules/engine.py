"""Runs the registry over a repository model and applies team settings and suppressions."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..records.findings import Finding
from ..records.i18n import render
from ..records.loader import LoadedDoc
from ..records.paths import CONFIG_NAME, RECORDS_DIR, is_inside
from ..records.repository import Case, Repository, case_folder_names
from .base import ActivityContext, CaseContext, Hit, RecordContext, RepoContext, Rule, localized
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
    level = overrides.get(rule.code, rule.severity)
    return rule.severity if level == "off" else level


def team_levels(repo: Repository) -> dict[str, str]:
    """Severity or `off` per code: the jurisdiction profile's, then the team's `rules:`."""
    if repo.config is not None:
        return repo.config.rule_levels()
    from ..records.profiles import load_profile

    return load_profile("cz").rule_levels()


def _switched_off(rule: type[Rule], overrides: dict[str, str]) -> bool:
    return overrides.get(rule.code) == "off" and rule.can_disable


def run_rules(repo: Repository, case_ids: Iterable[str] | None = None, *, activities: bool = True) -> CheckResult:
    """All findings for the given cases (default: all), loader findings included; every
    finding, the loader's too, at the level the profile and the team's `rules:` give it."""
    from ..codes import apply_levels

    overrides = team_levels(repo)
    active = [rule for rule in all_rules() if not _switched_off(rule, overrides) and rule.scope != "loader"]
    by_scope: dict[str, list[Rule]] = defaultdict(list)
    for rule in active:
        by_scope[rule.scope].append(rule())
    per_doc: dict[str, list[Finding]] = defaultdict(list)
    docs: dict[str, LoadedDoc] = {}

    def emit(rule: Rule, doc: LoadedDoc | None, hit: Hit, fallback_path: str) -> None:
        target = hit.doc or doc
        path = target.path if target is not None else fallback_path
        line = hit.line or (target.line_of(*hit.loc) if target is not None else 1)
        message = render(rule.message, repo.lang, localized(hit.params, repo.lang))
        if target is not None:
            docs[path] = target
        per_doc[path].append(Finding(path, line, rule.code, rule.severity, message))  # type: ignore[arg-type]

    if repo.config_doc is not None and repo.config is not None:
        for rule in by_scope["config"]:
            for hit in rule.check(RepoContext(repo)):
                emit(rule, repo.config_doc, hit, repo.config_doc.path)
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
        own = per_doc.get(doc.path, [])
        per_doc[doc.path] = _without_duplicates(list(doc.findings), own) + own
    result = CheckResult(findings=[], checked=sum(1 for d in scope_docs if d.kind != "config"))
    for path, findings in per_doc.items():
        findings = apply_levels(findings, overrides)
        kept, suppressed = apply_suppressions(docs.get(path), findings, repo.lang, overrides)
        result.findings.extend(kept)
        result.suppressed.extend(suppressed)
    result.findings.sort(key=Finding.sort_key)
    return result


# a config finding that says more about a line than the loader's generic one replaces it
_REPLACES = {"CFG004": "SCHEMA004"}


def _without_duplicates(loader: list[Finding], own: list[Finding]) -> list[Finding]:
    said = {(_REPLACES[f.code], f.line) for f in own if f.code in _REPLACES}
    return [f for f in loader if (f.code, f.line) not in said]


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
        if rule is not None and not _switched_off(rule, overrides):
            kept.append(Finding(doc.path, line, rule.code, _severity(rule, overrides),  # type: ignore[union-attr, arg-type]
                                render(rule.message, lang, {"code": entry.code})))
    return kept, suppressed


# ---------------------------------------------------------------- whole-repository check at scale
# cases loaded, checked and let go at a time: memory stays flat at any size
CHUNK_CASES = int(os.environ.get("CASECONF_CHUNK_CASES", "200"))
PARALLEL_MIN_CASES = 400  # below this, starting worker processes costs more than it saves


@dataclass(slots=True)
class WholeCheck:
    """A whole-repository check done in chunks of cases; `repo` holds config and activities only."""

    repo: Repository
    result: CheckResult
    text_paths: list[str]  # documents that were read as text (the personal-data scan reads them again)


def _check_chunk(root: Path, names: list[str]) -> tuple[list[Finding], list[Suppressed], int, list[str]]:
    repo = Repository.load(root, case_ids=names, activities=False)
    result = run_rules(repo, names, activities=False)
    # caseconf.yml is in every chunk's scope; its findings are reported once, by the main part
    findings = [f for f in result.findings if f.path != CONFIG_NAME]
    suppressed = [s for s in result.suppressed if s.finding.path != CONFIG_NAME]
    paths = [doc.path for doc in repo.documents() if doc.text and doc.kind != "config"]
    return findings, suppressed, result.checked, paths


def _chunk_worker(args: tuple[str, list[str]]) -> tuple[list[Finding], list[Suppressed], int, list[str]]:
    return _check_chunk(Path(args[0]), args[1])


def _workers(cases: int) -> int:
    wanted = os.environ.get("CASECONF_WORKERS")
    if wanted and wanted.isdigit():
        return max(1, int(wanted))
    if cases < PARALLEL_MIN_CASES:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


def check_whole(root: Path, *, on_progress: Callable[[int, int], None] | None = None) -> WholeCheck:
    """`run_rules(Repository.load(root))` with the same findings, for repositories of any size:
    cases are loaded and checked a chunk at a time (in worker processes where that pays), so
    only findings are kept. Activity rules see every case id, as in a full load."""
    base = Repository.load(root, case_ids=(), activities=True)
    names = case_folder_names(base.root)
    # the case ids a full load would know (ACT002 asks whether a supervision's case exists)
    for name in names:
        folder = base.root / RECORDS_DIR / name
        if folder.is_dir() and is_inside(base.root, folder):
            base.cases[name] = Case(id=name, folder=f"{RECORDS_DIR}/{name}")
    main = run_rules(base, [], activities=True)
    findings, suppressed, checked = list(main.findings), list(main.suppressed), main.checked
    text_paths = [doc.path for doc in base.documents() if doc.text and doc.kind != "config"]
    chunks = [names[i:i + CHUNK_CASES] for i in range(0, len(names), CHUNK_CASES)]
    done = 0
    if on_progress is not None:
        on_progress(0, len(names))
    workers = min(_workers(len(names)), len(chunks))

    def absorb(chunk: list[str], part: tuple) -> None:  # type: ignore[type-arg]
        nonlocal checked, done
        findings.extend(part[0])
        suppressed.extend(part[1])
        checked += part[2]
        text_paths.extend(part[3])
        done += len(chunk)
        if on_progress is not None:
            on_progress(done, len(names))

    if workers > 1:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            parts = pool.imap(_chunk_worker, [(str(base.root), chunk) for chunk in chunks])
            for chunk, part in zip(chunks, parts):
                absorb(chunk, part)
    else:
        for chunk in chunks:
            absorb(chunk, _check_chunk(base.root, chunk))
    findings.sort(key=Finding.sort_key)
    return WholeCheck(base, CheckResult(findings=findings, suppressed=suppressed, checked=checked), text_paths)
