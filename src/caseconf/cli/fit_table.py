"""Terminal tables that fit the window without splitting a token.

Text columns wrap between words; ids, dates and numbers never wrap. When the table is wider
than the terminal, the least important columns move, as `Header: value`, onto a last line of
the row's main text cell; when even that does not fit, every row becomes a short block of
`Header: value` lines. No value is ever cut, so at any width the table holds the same data
as `--format json`. Each layout is checked after rendering (every word of every cell must be
on one line); the next layout is tried when a word would be split.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import textwrap
from dataclasses import dataclass
from typing import Sequence

PIPE_WIDTH = 200  # output to a file or a pipe: wide, nothing to fit


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    text: bool = False  # free text that may wrap between words (else an id, a date, a number)
    keep: int = 0  # higher stays longer in the table when space is short; the first text column
    #              # with the highest `keep` receives the moved values
    right: bool = False  # a count: aligned on the right


def terminal_width() -> int:
    """COLUMNS wins (as for every Unix tool); else the terminal's width; else wide."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return PIPE_WIDTH


def render_table(title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                 highlight: Sequence[bool] = (), *, width: int | None = None, color: bool | None = None) -> str:
    from ..records.findings import visible

    width = width or terminal_width()
    color = sys.stdout.isatty() if color is None else color
    # a value from a file can neither move the cursor nor fake a line (control characters written out)
    title = visible(title)
    columns = [Column(c.key, visible(c.header), c.text, c.keep, c.right) for c in columns]
    rows = [[visible(cell) for cell in row] for row in rows]
    main = _main_text_column(columns)
    # columns that may move into the main text cell, least important first (never the main
    # cell itself, nor the first column, which names the row)
    movable = sorted((i for i in range(1, len(columns)) if i != main), key=lambda i: (columns[i].keep, -i))
    for count in range(len(movable) + 1 if main is not None else 1):
        text = _as_table(title, columns, rows, highlight, set(movable[:count]), main, width, color)
        if text is not None:
            return text
    return _as_blocks(title, columns, rows, highlight, width, color)


def _main_text_column(columns: Sequence[Column]) -> int | None:
    texts = [i for i, c in enumerate(columns) if c.text]
    return max(texts, key=lambda i: (columns[i].keep, -i)) if texts else None


def _as_table(title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]], highlight: Sequence[bool],
              moved: set[int], main: int | None, width: int, color: bool) -> str | None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    shown = [i for i in range(len(columns)) if i not in moved]
    texts: list[list[str]] = [[] for _ in columns]  # what each shown column must hold
    for row in rows:
        for i in shown:
            value = row[i]
            if i == main and moved:
                extra = " · ".join(f"{columns[j].header}: {row[j]}" for j in sorted(moved) if row[j])
                value = "\n".join(part for part in (value, extra) if part)
            texts[i].append(value)
    widths = _widths([columns[i] for i in shown], [texts[i] for i in shown], width)
    if widths is None:
        return None
    table = Table(title=Text(title), box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False,
                  collapse_padding=True, title_justify="left")
    for i, column_width in zip(shown, widths):
        table.add_column(Text(columns[i].header), overflow="fold", width=column_width,
                         justify="right" if columns[i].right else "left")
    cells_to_check: list[str] = [columns[i].header for i in shown]
    for index in range(len(rows)):
        cells: list[Text] = []
        for i in shown:
            value = texts[i][index]
            head, _, extra = value.partition("\n") if i == main and moved else (value, "", "")
            cell = Text(head)  # Text, not str: a value is never read as rich markup ([link=…])
            if extra:
                cell.append("\n" + extra, style="dim")
            cells.append(cell)
            cells_to_check.append(value)
        style = "bold red" if index < len(highlight) and highlight[index] else None
        table.add_row(*cells, style=style)
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, highlight=False, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, soft_wrap=False)
    console.print(table)
    text = buffer.getvalue()
    plain = _plain(text) if color else text
    if any(len(line) > width for line in plain.splitlines()) or not _words_intact(plain, cells_to_check):
        return None
    return text


GAP = 2  # characters between two columns in this table style


def _widths(columns: Sequence[Column], texts: Sequence[Sequence[str]], width: int) -> list[int] | None:
    """Column widths that fit `width` without splitting a word, or None. Ids, dates and
    numbers get their longest value; free text shares what is left, in proportion to how
    much it would need on one line, and never less than its longest word."""
    def words(column: Column, cells: Sequence[str]) -> list[str]:
        return column.header.split() + [w for cell in cells for w in cell.split()]

    least = [max((len(w) for w in words(c, t)), default=1) for c, t in zip(columns, texts)]
    most = [max([len(c.header)] + [len(line) for cell in t for line in cell.split("\n")]) for c, t in zip(columns, texts)]
    budget = width - GAP * (len(columns) - 1)
    if sum(most) <= budget:
        return most
    fixed = [not c.text for c in columns]
    widths = [max(lo, max((len(line) for cell in t for line in cell.split("\n")), default=lo)) if f else lo
              for lo, t, f in zip(least, texts, fixed)]
    if sum(widths) > budget:
        return None
    spare = budget - sum(widths)
    wants = [0 if f else hi - lo for lo, hi, f in zip(widths, most, fixed)]
    total_want = sum(wants)
    if total_want:
        for i, want in enumerate(wants):
            widths[i] += min(want, spare * want // total_want)
    return widths


def _as_blocks(title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]], highlight: Sequence[bool],
               width: int, color: bool) -> str:
    """One block per row: the first two columns as its heading, then `Header: value` lines
    wrapped between words (a word longer than the line stays whole)."""
    lines = [title, ""]
    for index, row in enumerate(rows):
        heading = " ".join(v for v in row[:2] if v)
        if color and index < len(highlight) and highlight[index]:
            heading = f"\x1b[1;31m{heading}\x1b[0m"
        lines.append(heading)
        for column, value in zip(columns[2:], row[2:]):
            if not value:
                continue
            lines.extend(textwrap.wrap(f"{column.header}: {value}", width=max(width, 20), initial_indent="  ",
                                       subsequent_indent="    ", break_long_words=False, break_on_hyphens=False))
        lines.append("")
    return "\n".join(lines)


def _plain(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _words_intact(rendered: str, cells: Sequence[str]) -> bool:
    """Every word of every cell appears whole on some line (a split word would not)."""
    from collections import Counter

    needed = Counter(word for cell in cells for word in cell.split())
    return all(rendered.count(word) >= times for word, times in needed.items())
