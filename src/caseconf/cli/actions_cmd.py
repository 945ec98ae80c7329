"""`caseconf actions`: open actions (derived status) with owner, due date and indicator."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Iterable, Sequence

import click

from ..index.actions import OpenAction, open_actions
from ..index.export import actions_csv, calendar_ics, column_label, value_label
from ..index.reviews import planned_reviews
from ..records.catalogue import msg
from ..records.i18n import Message, render
from ..records.locale_format import format_day
from ..records.repository import Repository
from .broken import ALLOW_BROKEN, report_broken
from .common import DATE, emit_json, resolve_root, root_option
from .fit_table import Column, render_table
from .output import echo

TITLE = msg("Open actions as of {as_of}")
NONE = msg("No open actions as of {as_of}.")

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "ics"]), default="table",
                      show_default=True, help="table for people; json for scripts; csv for Excel; ics for calendars.")
AS_OF = click.option("--as-of", "as_of", type=DATE, default=None, metavar="DATE",
                     help="Show the state as the repository knew it on DATE (records dated later are ignored). "
                          "Default: today.")
BOM = click.option("--bom", is_flag=True,
                   help="CSV: start with a UTF-8 byte-order mark so Excel shows accented letters correctly.")
DELIMITER = click.option("--delimiter", type=click.Choice([",", ";"]), default=",", show_default=True,
                         help="CSV field separator (Excel with a Czech or Montenegrin locale expects ';').")
KEYS = click.option("--keys", is_flag=True,
                    help="CSV: machine-readable header (the JSON keys) and values as written in the records.")
OUTPUT = click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
                      help="Write to this file instead of standard output (replaces it).")


def lang_of(table: dict[str, dict[str, str]] | dict[str, str], lang: str):  # type: ignore[no-untyped-def]
    return table.get(lang) or table["en"]


def title_of(message: Message, lang: str, day: dt.date) -> str:
    return render(message, lang, {"as_of": format_day(day, lang)})


def write_output(data: str | bytes, output: Path | None) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is not None:
        output.write_bytes(raw)
        echo(str(output), err=True)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(raw)
    sys.stdout.buffer.flush()


def print_table(title: str, columns: Sequence[Column], rows: Iterable[Sequence[str]],
                highlight: Iterable[bool] = ()) -> None:
    """A table that fits the terminal (see fit_table.py); overdue rows in bold red. Written
    as it is, not through `echo`: render_table made every value visible already, and its
    own colour codes must reach the terminal."""
    sys.stdout.write(render_table(title, columns, list(rows), list(highlight)))
    sys.stdout.flush()


def owner_key(typed: str | None) -> str | None:
    """`--owner "pracovník SAS"` means the role family_worker; a person's ref (M, D1) stays."""
    if typed is None:
        return None
    from ..records.vocab import ALL_ROLES
    from ..records.vocab_labels import vocab_key

    return vocab_key(typed, ALL_ROLES) or typed


def record_name(path: str) -> str:
    """records/<case>/<file>: the case has its own column, so the file name is enough."""
    return path.rsplit("/", 1)[-1]


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
@KEYS
@OUTPUT
@ALLOW_BROKEN
@root_option
def actions(owner: str | None, office: str | None, overdue: bool, due_within: int | None, as_of: dt.date | None,
            fmt: str, bom: bool, delimiter: str, keys: bool, output: Path | None, allow_broken: bool,
            root: Path | None) -> int:
    """Open actions: every action whose derived status (its own status, overridden by later
    evaluations) is open or continued, sorted most overdue first.

    ICS gives one all-day event per due action and per planned review; event ids are stable,
    so importing a newer file updates the events instead of duplicating them.
    """
    repo = Repository.load(resolve_root(root))
    day = as_of or dt.date.today()
    items = open_actions(repo, as_of=day, owner=owner_key(owner), office=office, overdue=overdue,
                         due_within=due_within)
    if fmt == "json":
        emit_json({"as_of": day.isoformat(), "actions": [_json(a) for a in items]})
    elif fmt == "csv":
        write_output(actions_csv(items, bom=bom, delimiter=delimiter, lang=None if keys else repo.lang), output)
    elif fmt == "ics":
        reviews = planned_reviews(repo, as_of=day)
        if office:
            reviews = [r for r in reviews if r.office.casefold() == office.casefold()]
        write_output(calendar_ics(items, reviews, team=team_name(repo), lang=repo.lang), output)
    else:
        _table(items, repo.lang, day)
    return report_broken(repo, allow=allow_broken)


def _json(action: OpenAction) -> dict:  # type: ignore[type-arg]
    data = action.to_json()
    return {key: data[key] for key in ("case", "id", "record", "owner", "do", "due", "indicator", "status",
                                       "overdue_days", "office", "created")}


ACTION_TABLE = (  # (key, free text?, how long it stays when the terminal is narrow)
    ("case", False, 10), ("id", False, 9), ("owner", True, 7), ("due", False, 8), ("overdue_days", False, 3),
    ("do", True, 10), ("indicator", True, 5), ("status", False, 2), ("record", False, 1),
)


def _table(items: list[OpenAction], lang: str, day: dt.date) -> None:
    if not items:
        echo(title_of(NONE, lang, day))
        return
    columns = [Column(key, column_label(key, lang), text, keep) for key, text, keep in ACTION_TABLE]
    rows = [(a.case, a.id, value_label("owner", a.owner, lang) or "?", format_day(a.due, lang) if a.due else "?",
             str(a.overdue_days) if a.overdue_days else "", a.do or "", a.indicator or "",
             value_label("status", a.status, lang), record_name(a.record))
            for a in items]
    print_table(title_of(TITLE, lang, day), columns, rows, [a.overdue_days > 0 for a in items])
