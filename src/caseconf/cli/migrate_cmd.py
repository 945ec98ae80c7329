"""`caseconf migrate`: upgrade the records to the record format of this caseconf."""

from __future__ import annotations

from pathlib import Path

import click

from .common import resolve_root, root_option
from .output import echo


@click.command()
@click.option("--dry-run", is_flag=True, help="Show the changes as a diff; write nothing.")
@root_option
def migrate(dry_run: bool, root: Path | None) -> int:
    """Rewrite the records in place for the record format this caseconf writes
    (`format_version` in caseconf.yml), each file atomically, comments kept. Run it when
    CHANGELOG.md of a new caseconf release asks for it; `--dry-run` first."""
    from ..scaffold.migrate import apply, message, plan

    result = plan(resolve_root(root))
    if not result.changes:
        echo(message("nothing", result.lang, current=result.current), err=True)
        return 0
    if dry_run:
        echo(result.diff())
        echo(message("dry_run", result.lang, found=result.found, current=result.current,
                     count=len(result.changes)), err=True)
        return 0
    apply(result)
    if result.found == result.current:  # only the version line was missing
        echo(message("stamped", result.lang, current=result.current), err=True)
        return 0
    echo(message("done", result.lang, found=result.found, current=result.current, count=len(result.changes)),
         err=True)
    return 0
