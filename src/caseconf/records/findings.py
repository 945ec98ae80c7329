"""The one shape every check, scan and loader problem takes on its way to a user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# Characters a terminal acts on instead of showing: C0 controls with newline and tab, DEL,
# C1 controls (8-bit CSI among them), the bidi embeddings, overrides and isolates that
# reorder what a reviewer reads, and the Unicode line and paragraph separators.
CONTROL_CODES = [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
                  *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029]
_NAMED = {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}
# C0 as `\x1b`; DEL and above as `\u009b`, `\u202e`: also valid escapes of the same character
# inside a JSON string, so the terminal's last line of defence never breaks JSON output.
_VISIBLE = {code: _NAMED.get(code) or (f"\\x{code:02x}" if code < 0x7F else f"\\u{code:04x}")
            for code in CONTROL_CODES}


def visible(text: object) -> str:
    """`text` with every control character written out (`\\x1b`, `\\n`, `\\u202e`), for the
    terminal: a value from a file can neither move the cursor, clear the screen, retitle the
    window, reorder a line nor start a line of its own (a fake `records/x.md:1: OK`)."""
    return str(text).translate(_VISIBLE)


def visible_lines(text: str) -> str:
    """Several lines of our own making: each line's control characters written out, the
    line breaks kept (values inside were made visible by their formatter already)."""
    return "\n".join(visible(line) for line in text.split("\n"))


Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


def severity_word(severity: str, lang: str) -> str:
    """`error`/`warning`/`info` as the team says it (chyba, upozorenje…), from the catalogue."""
    from .catalogue import lookup  # lazily: the catalogue is read only when a finding is printed

    return lookup(lang, severity)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place. `path` is POSIX and relative to the repository root."""

    path: str
    line: int
    code: str
    severity: Severity
    message: str
    kind: str | None = None  # personal-data kind (PII findings only)
    commit: str | None = None  # set by history scans
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }
        if self.kind is not None:
            data["kind"] = self.kind
        if self.commit is not None:
            data["commit"] = self.commit
        return data

    def to_text(self, lang: str | None = None) -> str:
        """One line for the terminal; with `lang`, the severity in the team's words (the
        message is in the team's language already; the code and path stay as the file has them)."""
        where = f"{visible(self.commit[:12])}:" if self.commit else ""
        severity = severity_word(self.severity, lang) if lang else self.severity
        return f"{where}{visible(self.path)}:{self.line}: {visible(self.code)} {severity}: {visible(self.message)}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, SEVERITY_ORDER[self.severity], self.code)
