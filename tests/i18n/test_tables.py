"""Terminal tables fit the window, never split a token, and hold what `--format json` holds."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseconf.cli.fit_table import Column, render_table
from caseconf.records.vocab_labels import vocab_label

from ..helpers import PROJECT, run_caseconf

AS_OF = "2026-05-01"  # the demo has overdue and planned actions and reviews on that day


def _words(values: list[str]) -> Counter[str]:
    return Counter(word for value in values for word in value.split())


def _assert_holds(out: str, values: list[str], width: int) -> None:
    too_long = [line for line in out.splitlines() if len(line) > width]
    assert not too_long, too_long[:3]
    missing = {word: times for word, times in _words(values).items() if out.count(word) < times}
    assert not missing, f"split or lost at {width} columns: {sorted(missing)[:10]}"


def _day(iso: str, lang: str) -> str:
    """A date as the team writes it: CLDR's medium pattern through Babel ("1. 5. 2026")."""
    import datetime as dt

    from babel.dates import format_date

    return format_date(dt.date.fromisoformat(iso), "medium", locale={"cs": "cs_CZ", "sr-Latn": "sr_Latn_ME"}[lang])


def _action_values(item: dict, lang: str) -> list[str]:  # type: ignore[type-arg]
    record_file = item["record"].rsplit("/", 1)[-1]
    assert record_file.startswith(item["created"]) and item["case"].startswith(item["office"] + "-")
    values = [item["case"], item["id"], vocab_label(item["owner"], lang) if item["owner"] else "?",
              _day(item["due"], lang) if item["due"] else "?", item["do"] or "", item["indicator"] or "", vocab_label(item["status"], lang),
              record_file]
    if item["overdue_days"]:
        values.append(str(item["overdue_days"]))
    return values


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["cs", "sr-Latn"])
def test_actions_table_fits_and_holds_the_json_data(width: int, lang: str) -> None:
    env = {"COLUMNS": str(width), "CASECONF_LANG": lang}
    data = run_caseconf("actions", "--as-of", AS_OF, "--format", "json", cwd=PROJECT).json()["actions"]
    assert data, "the demo should have open actions on that day"
    run = run_caseconf("actions", "--as-of", AS_OF, cwd=PROJECT, env=env)
    assert run.code == 0, run.err
    _assert_holds(run.out, [v for item in data for v in _action_values(item, lang)], width)
    # the JSON keys and English statuses stay out of what people read
    assert "overdue_days" not in run.out and " open " not in run.out


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["cs", "sr-Latn"])
def test_reviews_table_fits_and_holds_the_json_data(width: int, lang: str) -> None:
    data = run_caseconf("reviews", "--as-of", AS_OF, "--format", "json", cwd=PROJECT).json()["reviews"]
    assert data
    run = run_caseconf("reviews", "--as-of", AS_OF, cwd=PROJECT, env={"COLUMNS": str(width), "CASECONF_LANG": lang})
    assert run.code == 0, run.err
    values = [v for item in data for v in (item["case"], item["office"], _day(item["planned"], lang),
                                              item["record"].rsplit("/", 1)[-1], vocab_label(item["status"], lang),
                                              str(item["overdue_days"]) if item["overdue_days"] else "")]
    _assert_holds(run.out, values, width)


token = st.from_regex(r"[A-Z]{2}-20[0-9]{2}-[0-9]{3}", fullmatch=True)
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáčďéěíňóřšťúůýž", min_size=1, max_size=14)
sentence = st.lists(word, min_size=0, max_size=25).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(token, st.from_regex(r"A[0-9]{1,2}", fullmatch=True), st.dates().map(str), sentence,
                               sentence), min_size=1, max_size=6),
       width=st.integers(min_value=30, max_value=160))
def test_no_token_is_ever_split(rows: list[tuple[str, ...]], width: int) -> None:
    columns = [Column("case", "Případ"), Column("id", "Úkol", keep=9), Column("due", "Termín", keep=8),
               Column("do", "Co", text=True, keep=10), Column("indicator", "Jak poznáme splnění", text=True, keep=5)]
    out = render_table("Otevřené úkoly", columns, rows, width=width, color=False)
    longest = max(len(w) for row in rows for cell in row for w in cell.split() or [""])
    if width >= longest + 4:
        assert all(len(line) <= width for line in out.splitlines())
    missing = [w for w, n in _words([c for row in rows for c in row]).items() if out.count(w) < n]
    assert not missing


def test_a_file_value_cannot_style_or_move_the_terminal() -> None:
    out = render_table("T", [Column("a", "A"), Column("b", "B", text=True)],
                       [("[bold]x[/bold]", "jeden\x1b[2Jdva")], width=80, color=False)
    assert "[bold]x[/bold]" in out and "\x1b" not in out


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["cs", "sr-Latn"])
def test_stats_tables_fit_and_hold_the_csv_figures(width: int, lang: str) -> None:
    """`caseconf stats` fits the window like `actions` (its widest table, attendance by role,
    was 94 columns in Czech and 100 in Montenegrin): every label and every figure of the
    translated CSV appears whole, and no line is wider than the terminal."""
    import csv
    import io

    env = {"COLUMNS": str(width), "CASECONF_LANG": lang}
    period = ("--since", "2025-01-01", "--until", "2026-12-31")
    table = run_caseconf("stats", *period, cwd=PROJECT, env=env)
    figures = run_caseconf("stats", *period, "--format", "csv", cwd=PROJECT, env=env)
    assert table.code == 0 and figures.code == 0, table.err + figures.err
    rows = list(csv.reader(io.StringIO(figures.out)))[2:]  # the header and the title line
    assert rows
    too_long = [line for line in table.out.splitlines() if len(line) > width]
    assert not too_long, too_long[:3]
    import re

    # the CSV writes 1.75, the table the team's 1,75
    words = {word for row in rows for cell in row for word in re.sub(r"^(\d+)\.(\d+)$", r"\1,\2", cell).split()}
    missing = sorted(word for word in words if word not in table.out)
    assert not missing, f"split or lost at {width} columns: {missing[:10]}"


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["cs", "sr-Latn"])
def test_rules_table_fits_and_holds_the_json_data(width: int, lang: str) -> None:
    env = {"COLUMNS": str(width), "CASECONF_LANG": lang}
    data = run_caseconf("rules", "--format", "json", cwd=PROJECT, env=env).json()
    run = run_caseconf("rules", cwd=PROJECT, env=env)
    assert run.code == 0, run.err
    _assert_holds(run.out, [v for e in data for v in (e["code"], vocab_label(e["severity"], lang), e["summary"])], width)
