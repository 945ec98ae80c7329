"""Entry point: a lazy click group and the one error handler that maps errors to exit codes."""

from __future__ import annotations

import gc
import importlib
import importlib.util
import os
import sys
from typing import Any, Sequence

import click

from ..errors import CaseconfError

# command name -> (module, attribute, one-line help shown by `caseconf --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("check_cmd", "check", "Check records: structure, plan completeness, methodology rules."),
    "pii": ("pii_cmd", "pii", "Scan files (or the whole git history) for personal data."),
    "rules": ("rules_cmd", "rules", "List every rule with code, severity and rationale."),
    "schema": ("schema_cmd", "schema", "Write JSON Schemas of caseconf.yml, case.yml and records."),
    "actions": ("actions_cmd", "actions", "Open actions: who owes what by when."),
    "reviews": ("reviews_cmd", "reviews", "Planned and overdue reviews and evaluations."),
    "stats": ("stats_cmd", "stats", "Figures for a funder report."),
    "new": ("new_cmd", "new", "Scaffold a new case, conference record or activity."),
    "init": ("init_cmd", "init", "Create a new team repository."),
    "site": ("site_cmd", "site", "Build or serve the internal site (wraps mkdocs)."),
}


class LazyGroup(click.Group):
    """Imports a subcommand's module only when it runs, so `caseconf --help` stays quick."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, spec in COMMANDS.items() if _available(spec[0]))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None or not _available(spec[0]):
            return None
        module = importlib.import_module(f"{__package__}.{spec[0]}")
        gc.enable()  # paused in caseconf.cli for a quick start-up; the work itself needs it
        return getattr(module, spec[1])  # type: ignore[no-any-return]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _available(module: str) -> bool:
    return importlib.util.find_spec(f"{__package__}.{module}") is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="caseconf")
def cli() -> None:
    """caseconf: anonymised case-conference records, their checks and the team's internal site.

    Exit codes: 0 fine, 1 errors found or an operation failed, 2 bad usage or unreadable input.
    """


def main(argv: Sequence[str] | None = None) -> int:
    try:
        result: Any = cli.main(args=list(argv) if argv is not None else None, prog_name="caseconf",
                               standalone_mode=False)
    except CaseconfError as exc:
        click.echo(f"caseconf: {exc.message}", err=True)
        if exc.hint:
            click.echo(f"  -> {exc.hint}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("caseconf: aborted", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return 2 if isinstance(exc, click.UsageError) else exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks for users
        if os.environ.get("CASECONF_DEBUG"):
            raise
        # The type only, never the text: an exception message could carry record content.
        click.echo(f"caseconf: internal error ({type(exc).__name__}). Please report it; "
                   "re-run with CASECONF_DEBUG=1 to see details.", err=True)
        return 1
    return int(result or 0)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
