"""`caseconf actions`: open actions (derived status) with owner, due date and indicator."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Iterable, Sequence

import click

from ..index.actions import OpenAction, open_actions
from ..index.export import actions_csv, calendar_ics
from ..index.reviews import planned_reviews
from ..records.repository import Repository
from .common import DATE, emit_json, resolve_root, root_option
from .output import echo

HEADERS = {
    "cs": {"case": "Případ", "id": "Úkol", "record": "Záznam", "owner": "Odpovídá", "do": "Co",
           "due": "Termín", "indicator": "Jak poznáme splnění", "status": "Stav", "overdue_days": "Dní po termínu"},
    "sr-Latn": {"case": "Slučaj", "id": "Mjera", "record": "Zapis", "owner": "Nosilac", "do": "Šta",
                "due": "Rok", "indicator": "Indikator", "status": "Status", "overdue_days": "Dana kašnjenja"},
    "en": {"case": "Case", "id": "Action", "record": "Record", "owner": "Owner", "do": "What",
           "due": "Due", "indicator": "Indicator", "status": "Status", "overdue_days": "Days overdue"},
}
TITLE = {"cs": "Otevřené úkoly k {as_of}", "sr-Latn": "Otvorene mjere na dan {as_of}",
         "en": "Open actions as of {as_of}"}
NONE = {"cs": "Žádné otevřené úkoly k {as_of}.", "sr-Latn": "Nema otvorenih mjera na dan {as_of}.",
        "en": "No open actions as of {as_of}."}

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "ics"]), default="table",
                      show_default=True, help="table for people; json for scripts; csv for Excel; ics for calendars.")
AS_OF = click.option("--as-of", "as_of", type=DATE, default=None, metavar="DATE",
                     help="Show the state as the repository knew it on DATE (records dated later are ignored). "
                          "Default: today.")
BOM = click.option("--bom", is_flag=True,
                   help="CSV: start with a UTF-8 byte-order mark so Excel shows accented letters correctly.")
DELIMITER = click.option("--delimiter", type=click.Choice([",", ";"]), default=",", show_default=True,
                         help="CSV field separator (Excel with a Czech or Montenegrin locale expects ';').")
OUTPUT = click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
                      help="Write to this file instead of standard output (replaces it).")


def lang_of(table: dict[str, dict[str, str]] | dict[str, str], lang: str):  # type: ignore[no-untyped-def]
    return table.get(lang) or table["en"]


def write_output(data: str | bytes, output: Path | None) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is not None:
        output.write_bytes(raw)
        echo(str(output), err=True)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(raw)
    sys.stdout.buffer.flush()


def print_table(title: str, columns: Sequence[str], headers: dict[str, str], rows: Iterable[Sequence[str]],
                highlight: Iterable[bool] = ()) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..records.findings import visible

    console = Console(width=None if sys.stdout.isatty() else 200, highlight=False)
    table = Table(title=Text(visible(title)), show_lines=False)
    for column in columns:
        table.add_column(headers.get(column, column), overflow="fold")
    marks = list(highlight)
    for index, row in enumerate(rows):
        style = "bold red" if index < len(marks) and marks[index] else None
        # Text, not str: a value is shown as written, never read as rich markup ([link=…])
        table.add_row(*(Text(visible(cell)) for cell in row), style=style)
    console.print(table)


def team_name(repo: Repository) -> str:
    return repo.config.team if repo.config is not None else repo.root.name


@click.command()
@click.option("--owner", default=None, help="Only actions of this owner (a ref such as M, or a role).")
@click.option("--office", default=None, help="Only cases of this office code (e.g. JI).")
@click.option("--overdue", is_flag=True, help="Only actions whose latest due date has passed (due today is not overdue).")
@click.option("--due-within", "due_within", type=click.IntRange(min=0), default=None, metavar="DAYS",
              help="Only actions due within DAYS days of the as-of date (overdue ones included).")
@AS_OF
@FORMAT
@BOM
@DELIMITER
@OUTPUT
@root_option
def actions(owner: str | None, office: str | None, overdue: bool, due_within: int | None, as_of: dt.date | None,
            fmt: str, bom: bool, delimiter: str, output: Path | None, root: Path | None) -> int:
    """Open actions: every action whose derived status (its own status, overridden by later
    evaluations) is open or continued, sorted most overdue first.

    ICS gives one all-day event per due action and per planned review; event ids are stable,
    so importing a newer file updates the events instead of duplicating them.
    """
    repo = Repository.load(resolve_root(root))
    day = as_of or dt.date.today()
    items = open_actions(repo, as_of=day, owner=owner, office=office, overdue=overdue, due_within=due_within)
    if fmt == "json":
        emit_json({"as_of": day.isoformat(), "actions": [_json(a) for a in items]})
    elif fmt == "csv":
        write_output(actions_csv(items, bom=bom, delimiter=delimiter), output)
    elif fmt == "ics":
        reviews = planned_reviews(repo, as_of=day)
        if office:
            reviews = [r for r in reviews if r.office.casefold() == office.casefold()]
        write_output(calendar_ics(items, reviews, team=team_name(repo)), output)
    else:
        _table(items, repo.lang, day)
    return 0


def _json(action: OpenAction) -> dict:  # type: ignore[type-arg]
    data = action.to_json()
    return {key: data[key] for key in ("case", "id", "record", "owner", "do", "due", "indicator", "status",
                                       "overdue_days", "office", "created")}


def _table(items: list[OpenAction], lang: str, day: dt.date) -> None:
    if not items:
        echo(lang_of(NONE, lang).format(as_of=day.isoformat()))
        return
    columns = ("case", "id", "owner", "due", "overdue_days", "do", "indicator", "status", "record")
    rows = [(a.case, a.id, a.owner or "?", a.due.isoformat() if a.due else "?",
             str(a.overdue_days) if a.overdue_days else "", a.do or "", a.indicator or "", a.status, a.record)
            for a in items]
    print_table(lang_of(TITLE, lang).format(as_of=day.isoformat()), columns, lang_of(HEADERS, lang), rows,
                [a.overdue_days > 0 for a in items])
