"""What `caseconf check` does once its arguments are parsed, without click.

Both the click command (`check_cmd`) and the commit hook's fast path (`fast`) call
`run_check`, so the two entries cannot drift apart."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..errors import CaseconfError
from ..records.catalogue import tx
from ..records.findings import Finding
from ..records.paths import CONFIG_NAME, relative_inside
from ..records.repository import WHOLE, Repository, scope_for
from ..rules.engine import check_whole, run_rules
from .output import echo, emit_json, print_findings, summary_line
from .progress import progress


def _team_language(root_dir: Path) -> str:
    """The team's language before the repository is read (a wrong path is reported first)."""
    from ..pii.settings import read_settings
    from ..records.i18n import pick_language

    settings = read_settings(root_dir)
    return pick_language(settings.language if settings else None)

PROGRESS_LABEL = "caseconf check"


def run_check(root_dir: Path, paths: Sequence[Path], fmt: str, no_pii: bool) -> int:
    """Check the whole repository, or the cases of `paths`; print; return the exit code."""
    rel_paths = []
    for path in paths:
        rel = relative_inside(root_dir, path)
        if not (root_dir / rel).exists():
            lang = _team_language(root_dir)
            raise CaseconfError(tx(lang, "{path}: no such file", path=path),
                                tx(lang, "check the path; give files inside the repository"))
        rel_paths.append(rel)
    scope = scope_for(rel_paths) if rel_paths else WHOLE
    if scope.whole:
        # a chunked check (parallel on large repositories): the same findings, flat memory
        with progress(PROGRESS_LABEL, fmt="text" if fmt == "text" else "json") as on_progress:
            whole = check_whole(root_dir, on_progress=on_progress)
        repo, result = whole.repo, whole.result
        pii_paths = [CONFIG_NAME] * (repo.config_doc is not None) + whole.text_paths
        pii_texts: dict[str, str] = {}  # the chunked check keeps no texts (flat memory): the scan reads them
    else:
        repo = Repository.load(root_dir, case_ids=scope.case_ids, activities=scope.activities)
        result = run_rules(repo, scope.case_ids, activities=scope.activities)
        pii_paths = [doc.path for doc in repo.documents() if doc.text or doc.kind == "config"]
        pii_texts = {doc.path: doc.text for doc in repo.documents() if doc.text}  # read once, by the loader
    findings = result.findings
    if not no_pii:
        findings = sorted(findings + _pii_findings(repo, pii_paths, pii_texts), key=lambda f: f.sort_key())
    if fmt == "json":
        emit_json({"findings": [f.to_json() for f in findings], "checked": result.checked})
    elif fmt != "text":  # a CI format (github, gitlab, sarif, junit)
        from .formats import render

        echo(render(fmt, findings, root=repo.root, tool="check", checked=result.checked))
        echo(summary_line(repo.lang, result.checked, findings), err=True)
    else:
        print_findings(findings, repo.lang)
        echo(summary_line(repo.lang, result.checked, findings), err=True)
    return 1 if any(f.severity == "error" for f in findings) else 0


def _pii_findings(repo: Repository, rel_paths: list[str], texts: dict[str, str] | None = None) -> list[Finding]:
    from ..pii import scan_files

    from ..codes import apply_levels

    found = scan_files(repo.root, rel_paths, allow_words=repo.config.pii_allow_words() if repo.config else [],
                       lang=repo.lang, report_stale=False, texts=texts)
    # the team's `rules:` re-level PII codes as every other code (the detectors' never go off)
    return apply_levels(found, repo.config.rule_levels()) if repo.config else found

