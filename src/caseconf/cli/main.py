"""Entry point of the `caseconf` command, and the one error handler that maps errors to exit codes.

A plain `caseconf check ...` (the commit hook) runs without importing click (`fast.py`);
everything else goes to the click application in `app.py`.
"""

from __future__ import annotations

import os
import sys
from typing import Sequence

from ..errors import CaseconfError
from . import resume_gc
from .output import echo

# command name -> (module, attribute, one-line help shown by `caseconf --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("check_cmd", "check", "Check records: structure, plan completeness, methodology rules."),
    "pii": ("pii_cmd", "pii", "Scan files (or the whole git history) for personal data."),
    "rules": ("rules_cmd", "rules", "List every rule with code, severity and rationale."),
    "schema": ("schema_cmd", "schema", "Write JSON Schemas of caseconf.yml, case.yml and records."),
    "actions": ("actions_cmd", "actions", "Open actions: who owes what by when."),
    "reviews": ("reviews_cmd", "reviews", "Planned and overdue reviews and evaluations."),
    "stats": ("stats_cmd", "stats", "Figures for a funder report."),
    "doc": ("doc_cmd", "doc", "Paperwork from a record: invitations, attendance sheet, minutes, family plan, evaluation."),
    "new": ("new_cmd", "new", "Scaffold a new case, conference record or activity."),
    "init": ("init_cmd", "init", "Create a new team repository."),
    "site": ("site_cmd", "site", "Build or serve the internal site (wraps mkdocs)."),
    "migrate": ("migrate_cmd", "migrate", "Upgrade records to the current record format (--dry-run: diff)."),
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        from .fast import fast_check, fast_pii

        code = fast_check(args, resume_gc)
        if code is None:
            code = fast_pii(args, resume_gc)  # the pii hook: `caseconf pii FILES` without click too
        if code is not None:
            return code
        from .app import run_click

        return run_click(args)
    except CaseconfError as exc:
        echo(f"caseconf: {exc.message}", err=True)
        if exc.hint:
            echo(f"  -> {exc.hint}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks for users
        if os.environ.get("CASECONF_DEBUG"):
            raise
        # The type only, never the text: an exception message could carry record content.
        echo(f"caseconf: internal error ({type(exc).__name__}). Please report it; "
             "re-run with CASECONF_DEBUG=1 to see details.", err=True)
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
