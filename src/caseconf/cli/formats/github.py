"""`--format github`: GitHub Actions workflow commands, which GitHub (and Forgejo Actions,
which reads the same commands) shows beside the lines of the pull request.

`::error file=records/JI-2025-014/2025-03-04-initial.md,line=31,title=PLAN001::message`
"""

from __future__ import annotations

from .located import Report

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    # the runner's own escapes (toolkit/core command.ts); `visible` already wrote out newlines
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for item in report.items:
        f = item.finding
        props = f"file={_property(item.path)},line={max(f.line, 1)},title={_property(f.code)}"
        lines.append(f"::{COMMAND[f.severity]} {props}::{_data(f'{f.code} {f.severity}: {item.message}')}")
    return "\n".join(lines)
