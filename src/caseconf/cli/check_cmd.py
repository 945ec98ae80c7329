"""`caseconf check`: schema, cross-record and completeness rules (and the personal-data scan)."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import CaseconfError
from ..records.paths import relative_inside
from ..records.repository import WHOLE, Repository, scope_for
from ..rules.engine import run_rules
from .common import emit_json, print_findings, resolve_root, root_option, summary_line


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
    repo = Repository.load(root_dir, case_ids=scope.case_ids, activities=scope.activities)
    result = run_rules(repo, scope.case_ids, activities=scope.activities)
    findings = result.findings
    if not no_pii:
        findings = sorted(findings + _pii_findings(repo, scope.whole), key=lambda f: f.sort_key())
    if fmt == "json":
        emit_json({"findings": [f.to_json() for f in findings], "checked": result.checked})
    else:
        print_findings(findings)
        click.echo(summary_line(repo.lang, result.checked, findings), err=True)
    return 1 if any(f.severity == "error" for f in findings) else 0


def _pii_findings(repo: Repository, whole: bool) -> list:  # type: ignore[type-arg]
    from ..pii import scan_files

    rel_paths = [doc.path for doc in repo.documents() if doc.text or doc.kind == "config"]
    return scan_files(repo.root, rel_paths, allow_words=allow_words(repo), lang=repo.lang, report_stale=False)


def allow_words(repo: Repository) -> list[str]:
    config = repo.config
    if config is None:
        return []
    return [config.team, *config.offices.values(), *config.pii.allow_words]
