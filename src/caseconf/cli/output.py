"""What every command prints, without click: the commit hook's fast path (see `fast.py`)
must not pay click's import, and the click commands print through the same functions."""

from __future__ import annotations

import sys
from typing import Any, Iterable

from ..records.catalogue import msg
from ..records.findings import CONTROL_CODES, Finding, visible_lines

FORMATS = ("text", "json")  # of `caseconf check` and `caseconf pii`
JSON_CONTROLS = {code: f"\\u{code:04x}" for code in CONTROL_CODES if code >= 0x7F}


def echo(text: str, *, err: bool = False) -> None:
    """Print lines of text; no control character from a file reaches the terminal (the
    last line of defence: formatters make each value visible so it cannot fake a line)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(visible_lines(text) + "\n")
    stream.flush()


def emit_json(data: Any) -> None:
    import json  # only when asked for: the commit hook prints text

    # json.dumps escapes C0 controls itself; DEL, C1, bidi controls and U+2028/9 it leaves
    # raw with ensure_ascii=False. As \\u escapes they are the same JSON, and inert.
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str).translate(JSON_CONTROLS)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def print_findings(findings: Iterable[Finding], lang: str | None = None) -> None:
    lines = [finding.to_text(lang) for finding in findings]
    if lines:
        echo("\n".join(lines))


SUMMARY = msg("Checked {checked} files: {errors} errors, {warnings} warnings.")


def summary_line(lang: str, checked: int, findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    return SUMMARY.get(lang, SUMMARY["en"]).format(checked=checked, errors=errors, warnings=warnings)

