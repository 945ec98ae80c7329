"""`caseconf check`: schema, cross-record and completeness rules (and the personal-data scan)."""

from __future__ import annotations

from pathlib import Path

import click

from .check_run import run_check
from .common import resolve_root, root_option
from .formats import CI_FORMATS
from .output import FORMATS


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS + CI_FORMATS), default="text", show_default=True,
              help="github: workflow annotations; gitlab: Code Quality JSON; sarif: SARIF 2.1.0; junit: JUnit XML.")
@click.option("--no-pii", is_flag=True, help="Skip the personal-data scan (the caseconf-pii hook runs it).")
@root_option
def check(paths: tuple[Path, ...], fmt: str, no_pii: bool, root: Path | None) -> int:
    """Check the repository, or the cases of the given PATHS (a changed record is checked with
    the rest of its case). Text output is `path:line: CODE severity: message`."""
    return run_check(resolve_root(root), paths, fmt, no_pii)
