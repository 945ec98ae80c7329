"""What every CI format needs from a finding: its path from the git repository's root,
a fingerprint that survives moved lines, and text that cannot act on a terminal or a parser.

Fingerprints are `sha256(code, path, content, n)`: `content` is a hash of the line the
finding points at (whitespace collapsed), so a finding keeps its fingerprint when lines
above it are added or removed, or when a squash or rebase moves it; `n` tells identical
findings on identical lines of one file apart, so no two findings of a run share one. A
personal-data finding uses the hash of the detected value instead of its line (the one
the allowlist already uses), so a report never carries a hash of a whole line holding
personal data, and history findings, which have no work-tree line, are fingerprinted too.
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ...records.findings import Finding, visible

FINGERPRINT_VERSION = "caseconf/v1"
MAX_LINE_SOURCE_BYTES = 20 * 1024 * 1024  # a file bigger than this is not read for line hashes


@dataclass(frozen=True)
class Located:
    finding: Finding
    path: str  # POSIX, relative to the git repository's root (the CI's working directory)
    fingerprint: str

    @property
    def message(self) -> str:
        """The finding's message, with the commit of a history finding (its file may be gone)."""
        where = f" (commit {self.finding.commit[:12]})" if self.finding.commit else ""
        return visible(self.finding.message + where)


@dataclass(frozen=True)
class Report:
    tool: str  # "check" or "pii"
    items: list[Located]
    checked: int | None

    @classmethod
    def build(cls, findings: Sequence[Finding], *, root: Path, tool: str, checked: int | None) -> "Report":
        prefix = git_prefix(root)
        lines = _LineSource(root)
        seen: dict[tuple[str, str, str], int] = {}
        items = []
        for finding in findings:
            path = visible(prefix + finding.path)  # a file name is data too
            content = _content_key(finding, lines)
            key = (finding.code, path, content)
            seen[key] = seen.get(key, 0) + 1
            items.append(Located(finding, path, fingerprint(finding.code, path, content, seen[key])))
        return cls(tool, items, checked)


def fingerprint(code: str, path: str, content: str, occurrence: int = 1) -> str:
    raw = "\0".join((FINGERPRINT_VERSION, code, path, content, str(occurrence)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def git_prefix(root: Path) -> str:
    """The caseconf root's folder inside its git work tree ('' at the top, else 'team/'):
    CI annotations and reports name files from the repository's root."""
    try:
        proc = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""


def _content_key(finding: Finding, lines: "_LineSource") -> str:
    value_hash = finding.extra.get("fingerprint") if finding.kind else None
    if isinstance(value_hash, str) and value_hash:
        return "value:" + value_hash
    if finding.commit is not None:  # a blob of the history: no work-tree line to read
        return "message:" + _digest(finding.message)
    return "line:" + _digest(" ".join(lines.line(finding.path, finding.line).split()))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _LineSource:
    """Lines of the work-tree files that have findings, each file read once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, list[str]] = {}

    def line(self, rel: str, number: int) -> str:
        if rel not in self.files:
            self.files[rel] = self._read(rel)
        lines = self.files[rel]
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def _read(self, rel: str) -> list[str]:
        path = self.root / rel
        try:
            if not path.is_file() or path.stat().st_size > MAX_LINE_SOURCE_BYTES:
                return []
            return path.read_bytes().decode("utf-8", "replace").splitlines()
        except OSError:
            return []
