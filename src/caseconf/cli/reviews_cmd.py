"""`caseconf reviews`: planned and overdue reviews, and evaluations that are due."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..index.export import calendar_ics, column_label, reviews_csv, value_label
from ..index.reviews import ReviewItem, planned_reviews
from ..records.catalogue import msg
from ..records.locale_format import format_day
from ..records.repository import Repository
from .actions_cmd import (AS_OF, BOM, DELIMITER, FORMAT, KEYS, OUTPUT, print_table, record_name, team_name, title_of,
                          write_output)
from .broken import ALLOW_BROKEN, report_broken
from .common import emit_json, resolve_root, root_option
from .fit_table import Column
from .output import echo

TITLE = msg("Reviews and evaluations as of {as_of}")
NONE = msg("No planned reviews as of {as_of}.")


@click.command()
@AS_OF
@click.option("--overdue", is_flag=True, help="Only reviews and evaluations whose date has passed.")
@FORMAT
@BOM
@DELIMITER
@KEYS
@OUTPUT
@ALLOW_BROKEN
@root_option
def reviews(as_of: dt.date | None, overdue: bool, fmt: str, bom: bool, delimiter: str, keys: bool,
            output: Path | None, allow_broken: bool, root: Path | None) -> int:
    """Planned reviews of open cases (next_review of the latest record with a plan), those
    overdue (date passed, no later record), and evaluations due because evaluation_grace_days
    have passed since the last due date of a plan that still has open actions."""
    repo = Repository.load(resolve_root(root))
    day = as_of or dt.date.today()
    items = planned_reviews(repo, as_of=day, overdue_only=overdue)
    if fmt == "json":
        emit_json({"as_of": day.isoformat(), "reviews": [item.to_json() for item in items]})
    elif fmt == "csv":
        write_output(reviews_csv(items, bom=bom, delimiter=delimiter, lang=None if keys else repo.lang), output)
    elif fmt == "ics":
        write_output(calendar_ics([], items, team=team_name(repo), lang=repo.lang), output)
    else:
        _table(items, repo.lang, day)
    return report_broken(repo, allow=allow_broken)


REVIEW_TABLE = (  # (key, free text?, how long it stays when the terminal is narrow)
    ("case", False, 10), ("office", False, 2), ("kind", True, 9), ("planned", False, 8),
    ("overdue_days", False, 5), ("status", True, 6), ("planned_by", False, 3),
)


def _table(items: list[ReviewItem], lang: str, day: dt.date) -> None:
    if not items:
        echo(title_of(NONE, lang, day))
        return
    columns = [Column(key, column_label(key, lang), text, keep) for key, text, keep in REVIEW_TABLE]
    # a date as the team writes it (CSV and JSON keep ISO for machines)
    rows = [(i.case, i.office, value_label("kind", i.kind, lang), format_day(i.planned, lang),
             str(i.overdue_days) if i.overdue_days else "", value_label("status", i.status, lang),
             record_name(i.record)) for i in items]
    print_table(title_of(TITLE, lang, day), columns, rows, [i.status == "overdue" for i in items])
