"""The click application: a lazy group whose subcommands are imported only when they run."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any, Sequence

import click

from . import resume_gc
from .help_i18n import help_text, install_click_translations, team_language, translate_command
from .main import COMMANDS

# The team's language of this run (set by run_click before click parses anything).
_lang = "en"


class LazyGroup(click.Group):
    """Imports a subcommand's module only when it runs, so `caseconf --help` stays quick."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, spec in COMMANDS.items() if _available(spec[0]))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None or not _available(spec[0]):
            return None
        module = importlib.import_module(f"{__package__}.{spec[0]}")
        resume_gc()
        return translate_command(getattr(module, spec[1]), _lang)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from click.core import _ as click_gettext  # our catalogue's once run_click installed it

        rows = [(name, help_text(COMMANDS[name][2], _lang) or "") for name in self.list_commands(ctx)]
        with formatter.section(click_gettext("Commands")):
            formatter.write_dl(rows)


def _available(module: str) -> bool:
    return importlib.util.find_spec(f"{__package__}.{module}") is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="caseconf")
def cli() -> None:
    """caseconf: anonymised case-conference records, their checks and the team's internal site.

    Exit codes: 0 fine, 1 errors found or an operation failed, 2 bad usage or unreadable input.
    """


def run_click(args: Sequence[str]) -> int:
    """Run the click application; click's own exceptions become exit codes here, the
    caller (`main.main`) handles caseconf's errors and the last-resort catch."""
    global _lang
    _lang = team_language(args)
    install_click_translations(_lang)
    translate_command(cli, _lang)
    try:
        result: Any = cli.main(args=list(args), prog_name="caseconf", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("caseconf: aborted", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return 2 if isinstance(exc, click.UsageError) else exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    return int(result or 0)
