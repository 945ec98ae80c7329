"""The one shape every check, scan and loader problem takes on its way to a user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


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

    def to_text(self) -> str:
        where = f"{self.commit[:12]}:" if self.commit else ""
        return f"{where}{self.path}:{self.line}: {self.code} {self.severity}: {self.message}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, SEVERITY_ORDER[self.severity], self.code)
