"""`caseconf stats`: figures for a funder report, and `--merge` for a national roll-up."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any, Iterator

import click

from ..errors import CaseconfError
from ..index.stats import MergeError, compute_stats, merge_stats, publishable
from ..records.i18n import pick_language
from ..records.repository import Repository
from .actions_cmd import BOM, DELIMITER, OUTPUT, lang_of, write_output
from .broken import ALLOW_BROKEN, report_broken
from .common import DATE, emit_json, resolve_root, root_option

TITLE = {"cs": "Statistika {team} ({since} – {until})", "sr-Latn": "Statistika {team} ({since} – {until})",
         "en": "Figures for {team} ({since} – {until})"}
SECTION = {
    "cs": {"conferences": "Konference", "activities": "Další činnosti", "attendance": "Účast podle role",
           "actions": "Výsledky úkolů", "reviews": "Revize", "days": "Dny (medián)", "key": "Položka",
           "value": "Počet", "note": "Počty pod {n} jsou skryty jako „<{n}“.", "all": "vše"},
    "sr-Latn": {"conferences": "Konferencije", "activities": "Druge aktivnosti", "attendance": "Prisustvo po ulozi",
                "actions": "Ishodi mjera", "reviews": "Revizije", "days": "Dani (medijana)", "key": "Stavka",
                "value": "Broj", "note": "Brojevi manji od {n} prikazani su kao „<{n}“.", "all": "sve"},
    "en": {"conferences": "Conferences", "activities": "Other activities", "attendance": "Attendance by role",
           "actions": "Action outcomes", "reviews": "Reviews", "days": "Days (median)", "key": "Item",
           "value": "Count", "note": "Counts below {n} are shown as '<{n}'.", "all": "all"},
}
BAD_JSON = {"cs": "{path}: není to JSON výstup `caseconf stats --format json` ({detail})",
            "sr-Latn": "{path}: to nije JSON izlaz `caseconf stats --format json` ({detail})",
            "en": "{path}: not a `caseconf stats --format json` output ({detail})"}


@click.command()
@click.option("--since", type=DATE, default=None, metavar="DATE", help="First day of the period (inclusive).")
@click.option("--until", type=DATE, default=None, metavar="DATE", help="Last day of the period (inclusive).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="json: the team's own exact figures (for --merge); table and csv are meant for others and "
                   "hide small counts.")
@click.option("--min-cell", "min_cell", type=click.IntRange(min=1), default=None, metavar="N",
              help="In table and csv, show counts from 1 to N-1 as '<N' (default: min_cell of caseconf.yml). "
                   "JSON is never suppressed.")
@click.option("--merge", "merge", type=click.Path(exists=True, dir_okay=False, path_type=Path), multiple=True,
              metavar="FILE", help="Merge several teams' JSON outputs into one report (repeat, or list files "
                                   "as arguments); offices are prefixed with the team name.")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@BOM
@DELIMITER
@OUTPUT
@ALLOW_BROKEN
@root_option
def stats(since: dt.date | None, until: dt.date | None, fmt: str, min_cell: int | None, merge: tuple[Path, ...],
          files: tuple[Path, ...], bom: bool, delimiter: str, output: Path | None, allow_broken: bool, root: Path | None) -> int:
    """Figures for a funder report: conferences by kind, basis and office, supervisions,
    workshops, offices involved, attendance by role, action outcomes, reviews held on time,
    median days from request and from invitation to the conference.

    `caseconf stats --merge A.json B.json ...` adds up several teams' JSON outputs for a
    national roll-up.
    """
    sources = list(merge) + list(files)
    broken_status = 0  # 1 when a record of the repository could not be read (see cli/broken.py)
    if files and not merge:
        raise click.UsageError("FILE arguments are only used with --merge")
    if sources:
        lang = pick_language(None)
        reports = []
        for path in sources:
            try:
                reports.append(json.loads(path.read_text(encoding="utf-8-sig")))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise CaseconfError(lang_of(BAD_JSON, lang).format(path=path, detail=type(exc).__name__)) from None
        try:
            data = merge_stats(reports)
        except MergeError as exc:
            raise CaseconfError(str(exc), "run `caseconf stats --format json` in each team repository") from None
        cell = min_cell or 3
    else:
        if since and until and since > until:
            raise click.BadParameter("--since is after --until", param_hint="--since")
        repo = Repository.load(resolve_root(root))
        lang = repo.lang
        data = compute_stats(repo, since=since, until=until)
        broken_status = report_broken(repo, allow=allow_broken)
        cell = min_cell or (repo.config.min_cell if repo.config else 3)
    if fmt == "json":
        emit_json(data)
        return broken_status
    shown = publishable(data, cell)
    if fmt == "csv":
        write_output(_csv(shown, bom=bom, delimiter=delimiter), output)
    else:
        _table(shown, lang, cell)
    return broken_status


def rows(data: dict[str, Any]) -> Iterator[tuple[str, str, str, Any]]:
    """(section, group, key, value) rows of a (publishable) stats report."""
    conferences = data["conferences"]
    yield ("conferences", "", "total", conferences["total"])
    if "meetings" in conferences:
        yield ("conferences", "", "meetings", conferences["meetings"])
    for group in ("by_kind", "by_basis", "by_office"):
        for key, value in conferences.get(group, {}).items():
            yield ("conferences", group, key, value)
    for key in ("supervisions", "supervision_participants", "workshops", "workshop_participants",
                "offices_involved"):
        if key in data:
            yield ("activities", "", key, data[key])
    for role, counts in data.get("attendance", {}).items():
        for key, value in counts.items():
            yield ("attendance", role, key, value)
    actions = data.get("actions", {})
    if "created" in actions:
        yield ("actions", "", "created", actions["created"])
    for key, value in actions.get("outcomes", {}).items():
        yield ("actions", "outcomes", key, value)
    for key, value in data.get("reviews", {}).items():
        yield ("reviews", "", key, value)
    for key, value in data.get("days", {}).items():
        yield ("days", key, "median", value.get("median"))
        yield ("days", key, "n", value.get("n"))


def _csv(data: dict[str, Any], *, bom: bool, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    period = data.get("period", {})
    writer.writerow(["section", "group", "key", "value"])
    writer.writerow(["period", "", "since", period.get("since") or ""])
    writer.writerow(["period", "", "until", period.get("until") or ""])
    writer.writerow(["period", "", "min_cell", data.get("min_cell", "")])
    for section, group, key, value in rows(data):
        writer.writerow([section, group, key, "" if value is None else value])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def _table(data: dict[str, Any], lang: str, cell: int) -> None:
    import sys

    from rich.console import Console
    from rich.table import Table

    words = lang_of(SECTION, lang)
    period = data.get("period", {})
    team = data.get("team") or ", ".join(data.get("teams", []))
    console = Console(width=None if sys.stdout.isatty() else 120, highlight=False)
    console.print(lang_of(TITLE, lang).format(team=team, since=period.get("since") or "…",
                                              until=period.get("until") or "…"))
    current = None
    table = None
    for section, group, key, value in rows(data):
        if section != current:
            if table is not None:
                console.print(table)
            table = Table(title=words.get(section, section), title_justify="left")
            table.add_column(words["key"])
            table.add_column(words["value"], justify="right")
            current = section
        label = f"{group}: {key}" if group else key
        table.add_row(label, "–" if value is None else str(value))
    if table is not None:
        console.print(table)
    console.print(words["note"].format(n=cell))
