"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

import click

from ..records.catalogue import msg
from ..records.i18n import render
from ..records.paths import find_root
from .output import emit_json, print_findings, summary_line  # noqa: F401 - re-exported

F = Callable[..., Any]

NOT_A_DIRECTORY = msg("{path} is not a directory")
NOT_A_DATE = msg("'{value}' is not a date; write YYYY-MM-DD, e.g. 2025-03-04")


def _lang() -> str:
    from .help_i18n import current_language

    return current_language()


def root_option(func: F) -> F:
    return click.option("--root", "root", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help="Team repository (default: the git work tree or the current directory).")(func)


def resolve_root(root: Path | None) -> Path:
    if root is not None:
        if not root.is_dir():
            raise click.BadParameter(render(NOT_A_DIRECTORY, _lang(), {"path": root}), param_hint="--root")
        return root.resolve()
    return find_root()


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(render(NOT_A_DATE, _lang(), {"value": value}), param_hint=option) from None


class DateType(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(render(NOT_A_DATE, _lang(), {"value": value}), param, ctx)


DATE = DateType()
