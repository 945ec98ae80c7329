"""`caseconf pii`: the personal-data scan of files or of the whole git history."""

from __future__ import annotations

from pathlib import Path

import click

from .common import resolve_root, root_option
from .formats import CI_FORMATS
from .output import FORMATS


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--history", is_flag=True, help="Scan every blob ever committed (each once), not the work tree.")
@click.option("--format", "fmt", type=click.Choice(FORMATS + CI_FORMATS), default="text", show_default=True,
              help="github: workflow annotations; gitlab: Code Quality JSON; sarif: SARIF 2.1.0; junit: JUnit XML.")
@click.option("--fingerprint", "value", default=None, metavar="VALUE",
              help="Print the allowlist entry for VALUE (a hash; the value itself is never stored).")
@root_option
def pii(paths: tuple[Path, ...], history: bool, fmt: str, value: str | None, root: Path | None) -> int:
    """Scan PATHS (default: the repository's tracked text files) for personal data: birth
    numbers, JMBG, phones, e-mails, bank accounts, birth dates, addresses and names.
    Findings show a masked excerpt only."""
    from .pii_run import run_pii

    return run_pii(paths, history, fmt, value, resolve_root(root))
