"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterable

import click

from ..records.findings import Finding
from ..records.paths import find_root

F = Callable[..., Any]


def root_option(func: F) -> F:
    return click.option("--root", "root", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help="Team repository (default: the git work tree or the current directory).")(func)


def resolve_root(root: Path | None) -> Path:
    if root is not None:
        if not root.is_dir():
            raise click.BadParameter(f"{root} is not a directory", param_hint="--root")
        return root.resolve()
    return find_root()


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2025-03-04",
                                 param_hint=option) from None


class DateType(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2025-03-04", param, ctx)


DATE = DateType()


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def print_findings(findings: Iterable[Finding]) -> None:
    for finding in findings:
        click.echo(finding.to_text())


SUMMARY = {
    "cs": "Zkontrolováno souborů: {checked}; chyb: {errors}, varování: {warnings}.",
    "sr-Latn": "Provjereno datoteka: {checked}; grešaka: {errors}, upozorenja: {warnings}.",
    "en": "Checked {checked} files: {errors} errors, {warnings} warnings.",
}


def summary_line(lang: str, checked: int, findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    return SUMMARY.get(lang, SUMMARY["en"]).format(checked=checked, errors=errors, warnings=warnings)


def is_terminal() -> bool:
    return sys.stdout.isatty()
