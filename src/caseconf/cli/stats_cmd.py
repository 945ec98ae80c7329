"""`caseconf stats`: figures for a funder report, and `--merge` for a national roll-up."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any, Iterator

import click

from ..errors import CaseconfError
from ..index.stats import MergeError, compute_stats, merge_stats, publishable
from ..index.stats_labels import format_number, group_label, key_label, period_phrase, stats_rows, word
from ..records.catalogue import msg
from ..records.i18n import pick_language
from ..records.repository import Repository
from .actions_cmd import BOM, DELIMITER, OUTPUT, lang_of, write_output
from .broken import ALLOW_BROKEN, report_broken
from .common import DATE, emit_json, resolve_root, root_option

BAD_JSON = msg("{path}: not a `caseconf stats --format json` output ({detail})")


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
@click.option("--keys", is_flag=True, help="CSV with the English keys of the JSON output (for programs) instead of "
                                          "the team's language.")
@BOM
@DELIMITER
@OUTPUT
@ALLOW_BROKEN
@root_option
def stats(since: dt.date | None, until: dt.date | None, fmt: str, min_cell: int | None, merge: tuple[Path, ...],
          files: tuple[Path, ...], keys: bool, bom: bool, delimiter: str, output: Path | None,
          allow_broken: bool, root: Path | None) -> int:
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
        write_output(_csv(shown, lang, keys=keys, bom=bom, delimiter=delimiter), output)
    else:
        _table(shown, lang, cell)
    return broken_status


def rows(data: dict[str, Any]) -> Iterator[tuple[str, str, str, Any]]:
    """(section, group, key, value) rows of a (publishable) stats report (English keys)."""
    return stats_rows(data)


def _csv(data: dict[str, Any], lang: str, *, keys: bool, bom: bool, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    period = data.get("period", {})
    if keys:
        writer.writerow(["section", "group", "key", "value"])
        writer.writerow(["period", "", "since", period.get("since") or ""])
        writer.writerow(["period", "", "until", period.get("until") or ""])
        writer.writerow(["period", "", "min_cell", data.get("min_cell", "")])
        for section, group, key, value in rows(data):
            writer.writerow([section, group, key, "" if value is None else value])
    else:
        writer.writerow([word(k, lang) for k in ("section", "group", "item", "count")])
        writer.writerow([_title(data, lang), "", "", ""])
        for section, group, key, value in rows(data):
            writer.writerow([word(section, lang), group_label(section, group, lang),
                             key_label(section, group, key, lang), "" if value is None else value])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def _title(data: dict[str, Any], lang: str) -> str:
    period = data.get("period", {})
    team = data.get("team") or ", ".join(data.get("teams", []))
    text = word("title", lang, team=team, period=period_phrase(period.get("since"), period.get("until"), lang))
    return text.replace("..", ".")  # a Montenegrin date ends in a period already


CROSS_SECTIONS = ("office_basis", "period_basis", "attendance")
MEASURES = ("hours", "days")


def _table(data: dict[str, Any], lang: str, cell: int) -> None:
    """One table per section, fitted to the terminal like `actions` and `reviews` (labels
    wrap between words, counts never; nothing is cut at 80 columns)."""
    import sys

    from ..records.findings import visible
    from .fit_table import Column, render_table

    from .fit_table import terminal_width

    width = terminal_width()
    sys.stdout.write(_wrapped(visible(_title(data, lang)), width))
    sections: dict[str, list[tuple[str, str, Any]]] = {}
    for section, group, key, value in rows(data):
        sections.setdefault(section, []).append((group, key, value))
    for section, items in sections.items():
        if section in CROSS_SECTIONS:  # office x basis, half-year x basis: a real cross table
            keys = list(dict.fromkeys(key for _, key, _ in items))
            columns = [Column("", "", text=True)]
            columns += [Column(key, key_label(section, "", key, lang), right=True) for key in keys]
            if section != "attendance":
                columns.append(Column("all", word("all", lang), right=True))
            by_row: dict[str, dict[str, Any]] = {}
            for group, key, value in items:
                by_row.setdefault(group, {})[key] = value
            table_rows = []
            for group, values in by_row.items():
                numbers = [values.get(key, 0) for key in keys]
                cells = [format_number(n, lang) for n in numbers]
                if section != "attendance":  # a hidden cell hides the row's sum too
                    cells.append(str(sum(numbers)) if all(isinstance(n, int) for n in numbers) else "–")
                table_rows.append([group_label(section, group, lang), *cells])
        else:
            figure = word("value" if section in MEASURES else "count", lang)  # hours, median days: no counts
            columns = [Column("item", word("item", lang), text=True), Column("count", figure, right=True)]
            table_rows = []
            for group, key, value in items:
                label = key_label(section, group, key, lang)
                heading = group_label(section, group, lang)
                table_rows.append([f"{heading}: {label}" if heading else label, format_number(value, lang)])
        sys.stdout.write("\n" + render_table(word(section, lang), columns, table_rows))
    sys.stdout.write("\n")
    sys.stdout.write(_wrapped(word("exact_note", lang) if cell <= 1 else word("hidden_note", lang, n=cell, below=cell - 1),
                              width))


# a date as the team writes it ("1. 1. 2025", "31. 12. 2026.") is one token: never broken over lines
_LOCAL_DATE = re.compile(r"\d{1,2}\. \d{1,2}\. \d{4}\.?")


def _wrapped(text: str, width: int) -> str:
    import textwrap

    kept = _LOCAL_DATE.sub(lambda m: m.group(0).replace(" ", "\0"), text)
    lines = textwrap.wrap(kept, width=max(width, 20), break_long_words=False, break_on_hyphens=False)
    return "\n".join(line.replace("\0", " ") for line in lines) + "\n"
