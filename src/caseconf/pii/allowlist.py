"""Content-keyed allowlist (``.caseconf-pii-allow.yml``) and inline markers."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import normalize_value
from .lazy_re import lazy_compile

ALLOW_FILE = ".caseconf-pii-allow.yml"
MAX_ALLOW_BYTES = 1024 * 1024

_HEX64 = lazy_compile(r"^[0-9a-f]{64}$")
MARKER_RE = lazy_compile(r"caseconf:\s*allow-pii\b(?P<args>[^\n]*)", re.IGNORECASE)
_ARG_KIND = lazy_compile(r"\bkinds?\s*=\s*\"?(?P<v>[a-z_,]+)\"?")
_ARG_REASON = lazy_compile(r"\breason\s*=\s*(?:\"(?P<d>[^\"]*)\"|'(?P<s>[^']*)'|„(?P<c>[^“”]*)[“”]|(?P<w>[^\s\"'>-][^\s>]*))")


def fingerprint(value: str) -> str:
    """SHA-256 (hex) of the normalised value: NFKC, zero-width removed, spaces
    collapsed, case folded. Put it in .caseconf-pii-allow.yml instead of the value."""
    return hashlib.sha256(normalize_value(value).encode("utf-8")).hexdigest()


@dataclass
class AllowEntry:
    sha256: str
    kind: str | None
    reason: str
    line: int
    used: bool = False


@dataclass
class Allowlist:
    entries: list[AllowEntry] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, message key, where)
    by_hash: dict[str, list[AllowEntry]] = field(default_factory=dict)

    def match(self, kind: str, hashes: list[str]) -> bool:
        hit = False
        for h in hashes:
            for entry in self.by_hash.get(h, ()):
                if entry.kind is None or entry.kind == kind:
                    entry.used = True
                    hit = True
        return hit


def _entry_lines(raw: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for i, ln in enumerate(raw.splitlines(), 1):
        for m in re.finditer(r"[0-9a-fA-F]{64}", ln):
            lines.setdefault(m.group(0).lower(), i)
    return lines


def load_allowlist(root: Path) -> Allowlist:
    """The allow list at the repository's root, read with the project's strict YAML reader
    (no anchors, aliases, tags or merge keys). A file that resolves outside the repository
    (a symlink out) or is no regular file is refused: reported, and none of it applied."""
    path = root / ALLOW_FILE
    result = Allowlist()
    if not os.path.lexists(path):
        return result
    root_real = os.path.realpath(root)
    real = os.path.realpath(path)
    try:
        inside = os.path.commonpath([root_real, real]) == root_real
    except ValueError:
        inside = False
    if not inside:
        result.problems.append((1, "allow_outside", ""))
        return result
    try:
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            result.problems.append((1, "allow_not_regular", ""))
            return result
        if st.st_size > MAX_ALLOW_BYTES:
            result.problems.append((1, "allow_unreadable", ""))
            return result
        with open(real, "rb") as fh:
            raw = fh.read().decode("utf-8", errors="replace")
    except OSError:
        result.problems.append((1, "allow_unreadable", ""))
        return result
    from caseconf.records.yamlsafe import parse

    parsed = parse(raw)
    problem_line = next((p.line for p in parsed.problems), None) or _anchor_line(raw)
    if problem_line is not None:
        result.problems.append((problem_line, "allow_unreadable", ""))
        return result
    data = parsed.data
    if isinstance(data, dict):
        data = data.get("allow", data.get("entries", data.get("allowlist", [])))
    if data is None:
        return result
    if not isinstance(data, list):
        result.problems.append((1, "allow_bad", "#1"))
        return result
    from .detectors import kinds  # the registry: every kind a detector reports

    lines = _entry_lines(raw)
    for idx, item in enumerate(data, 1):
        where = f"#{idx}"
        if not isinstance(item, dict):
            result.problems.append((1, "allow_bad", where))
            continue
        sha = str(item.get("sha256") or "").strip().lower()
        line = lines.get(sha, 1)
        kind = item.get("kind")
        reason = item.get("reason")
        if not _HEX64.match(sha) or (kind is not None and kind not in kinds()):
            result.problems.append((line, "allow_bad", where))
            continue
        if not isinstance(reason, str) or not reason.strip():
            result.problems.append((line, "allow_no_reason", where))
            continue
        entry = AllowEntry(sha, kind, reason.strip(), line)
        result.entries.append(entry)
        result.by_hash.setdefault(sha, []).append(entry)
    return result


def _anchor_line(raw: str) -> int | None:
    """The line of the first anchor or alias (the strict reader lets a plain one through)."""
    if "&" not in raw and "*" not in raw:
        return None
    import yaml

    try:
        for token in yaml.scan(raw):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                return token.start_mark.line + 1
    except yaml.YAMLError:
        return 1
    return None


@dataclass(frozen=True)
class Marker:
    kinds: frozenset[str] | None  # None: every kind on the line
    reason: str | None
    start: int
    end: int
    alone: bool  # the marker is the only thing on its line: it covers the next line too


def parse_marker(line: str) -> Marker | None:
    m = MARKER_RE.search(line)
    if not m:
        return None
    args = m.group("args")
    # stop at the end of an HTML comment
    end_comment = args.find("-->")
    if end_comment >= 0:
        args = args[:end_comment]
    km = _ARG_KIND.search(args)
    kinds = frozenset(k for k in km.group("v").split(",") if k) if km else None
    rm = _ARG_REASON.search(args)
    reason = None
    if rm:
        reason = next((g for g in rm.groups() if g is not None), "").strip() or None
    start = m.start()
    # include the comment opener so the blanked text holds no marker debris
    prefix = line[:start].rstrip()
    if prefix.endswith("<!--"):
        start = prefix.rfind("<!--")
    elif prefix.endswith("#"):
        start = prefix.rfind("#")
    end = m.end()
    alone = not line[:start].strip() and not line[end:].strip()
    return Marker(kinds, reason, start, end, alone)
