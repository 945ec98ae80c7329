"""What `caseconf actions|reviews|stats` say about records they could not read.

A broken record would have changed the answer (a new action, an action it closed, a
meeting it counted), so the answer is incomplete: say so on stderr, name the file and the
finding, and exit 1 unless the person asked for the partial answer with `--allow-broken`.
"""

from __future__ import annotations

import click

from ..records.catalogue import msg
from ..records.repository import Repository
from .output import echo

ALLOW_BROKEN = click.option(
    "--allow-broken", "allow_broken", is_flag=True,
    help="Exit 0 even when some records cannot be read (they are still listed on stderr).")

HEAD = msg("Warning: {n} file(s) cannot be read, so this result is incomplete without them:")
HINT = msg("-> fix them (`caseconf check` shows the details); to accept the incomplete result: --allow-broken")


def report_broken(repo: Repository, *, allow: bool) -> int:
    """Print the broken records on stderr; the exit code they call for (0 or 1)."""
    entries = repo.broken()
    if not entries:
        return 0
    lang = repo.lang if repo.lang in HEAD else "en"
    lines = [HEAD[lang].format(n=len(entries))]
    # every entry is an error: the line names the place, the code and the finding, in the
    # team's language (the English severity word of Finding.to_text would be the only English)
    lines += [f"  {e.finding.path}:{e.finding.line}: {e.finding.code} {e.finding.message}" for e in entries]
    if not allow:
        lines.append(HINT[lang])
    echo("\n".join(lines), err=True)
    return 0 if allow else 1
