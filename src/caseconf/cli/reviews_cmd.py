"""`caseconf reviews`: planned and overdue reviews, and evaluations that are due."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..index.export import calendar_ics, reviews_csv
from ..index.reviews import ReviewItem, planned_reviews
from ..records.repository import Repository
from .actions_cmd import AS_OF, BOM, DELIMITER, FORMAT, OUTPUT, lang_of, print_table, team_name, write_output
from .common import emit_json, resolve_root, root_option
from .output import echo

HEADERS = {
    "cs": {"case": "Případ", "office": "Pracoviště", "kind": "Co", "planned": "Plánováno", "record": "Naplánoval záznam",
           "overdue_days": "Dní po termínu", "status": "Stav"},
    "sr-Latn": {"case": "Slučaj", "office": "Centar", "kind": "Šta", "planned": "Planirano", "record": "Planirao zapis",
                "overdue_days": "Dana kašnjenja", "status": "Status"},
    "en": {"case": "Case", "office": "Office", "kind": "What", "planned": "Planned", "record": "Planned by",
           "overdue_days": "Days overdue", "status": "Status"},
}
KINDS = {"cs": {"review": "revize", "evaluation": "vyhodnocení"},
         "sr-Latn": {"review": "revizija", "evaluation": "evaluacija"},
         "en": {"review": "review", "evaluation": "evaluation"}}
STATUS = {"cs": {"planned": "plánováno", "overdue": "po termínu"},
          "sr-Latn": {"planned": "planirano", "overdue": "kasni"},
          "en": {"planned": "planned", "overdue": "overdue"}}
TITLE = {"cs": "Revize a vyhodnocení k {as_of}", "sr-Latn": "Revizije i evaluacije na dan {as_of}",
         "en": "Reviews and evaluations as of {as_of}"}
NONE = {"cs": "Žádné plánované revize k {as_of}.", "sr-Latn": "Nema planiranih revizija na dan {as_of}.",
        "en": "No planned reviews as of {as_of}."}


@click.command()
@AS_OF
@click.option("--overdue", is_flag=True, help="Only reviews and evaluations whose date has passed.")
@FORMAT
@BOM
@DELIMITER
@OUTPUT
@root_option
def reviews(as_of: dt.date | None, overdue: bool, fmt: str, bom: bool, delimiter: str, output: Path | None,
            root: Path | None) -> int:
    """Planned reviews of open cases (next_review of the latest record with a plan), those
    overdue (date passed, no later record), and evaluations due because evaluation_grace_days
    have passed since the last due date of a plan that still has open actions."""
    repo = Repository.load(resolve_root(root))
    day = as_of or dt.date.today()
    items = planned_reviews(repo, as_of=day, overdue_only=overdue)
    if fmt == "json":
        emit_json({"as_of": day.isoformat(), "reviews": [item.to_json() for item in items]})
    elif fmt == "csv":
        write_output(reviews_csv(items, bom=bom, delimiter=delimiter), output)
    elif fmt == "ics":
        write_output(calendar_ics([], items, team=team_name(repo)), output)
    else:
        _table(items, repo.lang, day)
    return 0


def _table(items: list[ReviewItem], lang: str, day: dt.date) -> None:
    if not items:
        echo(lang_of(NONE, lang).format(as_of=day.isoformat()))
        return
    kinds, states = lang_of(KINDS, lang), lang_of(STATUS, lang)
    columns = ("case", "office", "kind", "planned", "overdue_days", "status", "record")
    rows = [(i.case, i.office, kinds.get(i.kind, i.kind), i.planned.isoformat(),
             str(i.overdue_days) if i.overdue_days else "", states.get(i.status, i.status), i.record) for i in items]
    print_table(lang_of(TITLE, lang).format(as_of=day.isoformat()), columns, lang_of(HEADERS, lang), rows,
                [i.status == "overdue" for i in items])
