"""`caseconf check`: schema, cross-record and completeness rules (and the personal-data scan)."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import CaseconfError
from ..records.paths import CONFIG_NAME, relative_inside
from ..records.repository import WHOLE, Repository, scope_for
from ..rules.engine import check_whole, run_rules
from .common import emit_json, print_findings, resolve_root, root_option, summary_line
from .progress import progress


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--no-pii", is_flag=True, help="Skip the personal-data scan (the caseconf-pii hook runs it).")
@root_option
def check(paths: tuple[Path, ...], fmt: str, no_pii: bool, root: Path | None) -> int:
    """Check the repository, or the cases of the given PATHS (a changed record is checked with
    the rest of its case). Text output is `path:line: CODE severity: message`."""
    root_dir = resolve_root(root)
    rel_paths = []
    for path in paths:
        rel = relative_inside(root_dir, path)
        if not (root_dir / rel).exists():
            raise CaseconfError(f"{path}: no such file", "check the path; give files inside the repository")
        rel_paths.append(rel)
    scope = scope_for(rel_paths) if rel_paths else WHOLE
    if scope.whole:
        # a chunked check (parallel on large repositories): the same findings, flat memory
        with progress(_LABEL, fmt=fmt) as on_progress:
            whole = check_whole(root_dir, on_progress=on_progress)
        repo, result = whole.repo, whole.result
        pii_paths = [CONFIG_NAME] * (repo.config_doc is not None) + whole.text_paths
    else:
        repo = Repository.load(root_dir, case_ids=scope.case_ids, activities=scope.activities)
        result = run_rules(repo, scope.case_ids, activities=scope.activities)
        pii_paths = [doc.path for doc in repo.documents() if doc.text or doc.kind == "config"]
    findings = result.findings
    if not no_pii:
        findings = sorted(findings + _pii_findings(repo, pii_paths, fmt), key=lambda f: f.sort_key())
    if fmt == "json":
        emit_json({"findings": [f.to_json() for f in findings], "checked": result.checked})
    else:
        print_findings(findings)
        click.echo(summary_line(repo.lang, result.checked, findings), err=True)
    return 1 if any(f.severity == "error" for f in findings) else 0


def _pii_findings(repo: Repository, rel_paths: list[str], fmt: str) -> list:  # type: ignore[type-arg]
    from ..pii import scan_files

    return scan_files(repo.root, rel_paths, allow_words=allow_words(repo), lang=repo.lang, report_stale=False)


_LABEL = "caseconf check"


def allow_words(repo: Repository) -> list[str]:
    config = repo.config
    if config is None:
        return []
    return [config.team, *config.offices.values(), *config.pii.allow_words]
