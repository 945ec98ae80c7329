"""What every command prints, without click: the commit hook's fast path (see `fast.py`)
must not pay click's import, and the click commands print through the same functions."""

from __future__ import annotations

import sys
from typing import Any, Iterable

from ..records.findings import Finding

FORMATS = ("text", "json")  # of `caseconf check` and `caseconf pii`


def echo(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def emit_json(data: Any) -> None:
    import json  # only when asked for: the commit hook prints text

    echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def print_findings(findings: Iterable[Finding]) -> None:
    lines = [finding.to_text() for finding in findings]
    if lines:
        echo("\n".join(lines))


SUMMARY = {
    "cs": "Zkontrolováno souborů: {checked}; chyb: {errors}, varování: {warnings}.",
    "sr-Latn": "Provjereno datoteka: {checked}; grešaka: {errors}, upozorenja: {warnings}.",
    "en": "Checked {checked} files: {errors} errors, {warnings} warnings.",
}


def summary_line(lang: str, checked: int, findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    return SUMMARY.get(lang, SUMMARY["en"]).format(checked=checked, errors=errors, warnings=warnings)

