"""Small inline SVG bar charts: no script, no external library, prints well.

Labels are escaped here; values may be publishable strings such as "<3" (shown as text,
drawn as an empty bar) because small counts are never drawn to scale.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 190
BAR_WIDTH = 320
VALUE_WIDTH = 50


def bar_chart(rows: Iterable[tuple[str, int | str]], *, title: str) -> str:
    """Horizontal bars, one per (label, value)."""
    items = list(rows)
    numbers = [value for _, value in items if isinstance(value, int)]
    top = max(numbers, default=0) or 1
    height = len(items) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    parts = [f'<svg class="caseconf-chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for index, (label, value) in enumerate(items):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = round(BAR_WIDTH * value / top) if isinstance(value, int) else 0
        text_y = y + BAR_HEIGHT * 0.7
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{text_y:.1f}" text-anchor="end" class="caseconf-chart-label">'
            f'{escape(str(label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" rx="3" class="caseconf-chart-bar"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{text_y:.1f}" class="caseconf-chart-value">'
            f'{escape(str(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)
