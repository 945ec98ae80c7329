"""`caseconf migrate`: upgrade a team's records to the record format this caseconf writes.

`caseconf.yml` names the format its files follow (`format_version`, absent = 1). When a
release changes the format, it adds a `Step` here: a text rewrite of the files it concerns
(comments and layout stay as the team wrote them), plus a line in CHANGELOG.md. `plan()`
works out every change in memory; `apply()` writes each changed file through a temporary
file in its folder and a rename, so no file is ever half written, and `caseconf.yml` (its
new `format_version`) goes last: an interrupted run leaves the old version in place and is
simply run again. Steps must therefore be idempotent (a second run changes nothing).
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import yaml

from ..errors import CaseconfError, OperationFailed
from ..records.catalogue import msg, per_language
from ..records.findings import visible
from ..records.models import RECORD_FORMAT

CURRENT_FORMAT = RECORD_FORMAT
CONFIG = "caseconf.yml"
RECORD_FILES = ("records/*/case.yml", "records/*/*.md", "records/activities/*/*.md")
_VERSION_LINE = re.compile(r"^(format_version:[ \t]*)([^\s#]*)", re.M)
_INSERT_AFTER = re.compile(r"^(language|jurisdiction|team):.*\n", re.M)

MESSAGES = per_language({
    'newer': msg("{path}: format_version {found} is newer than this caseconf knows (at most {current})"),
    'newer_hint': msg("install a newer caseconf (rev: in .pre-commit-config.yaml) instead of rewriting the records"),
    'bad_version': msg("{path}: format_version must be a whole number, e.g. 1 (found {found})"),
    'unreadable': msg("{path}: the file cannot be read as UTF-8 text"),
    'no_config': msg("{path} is missing: caseconf migrate runs in a team repository"),
    'nothing': msg("The records are in format {current} already; nothing to change."),
    'dry_run': msg("Dry run: format {found} → {current}, {count} files would change. Nothing was written."),
    'stamped': msg("The records are in format {current}; caseconf.yml now says so (format_version: {current})."),
    'done': msg("Done: format {found} → {current}, {count} files changed. Next: caseconf check, git diff, commit."),
})


def message(key: str, lang: str, **params: object) -> str:
    return MESSAGES.get(lang, MESSAGES["en"])[key].format(**params)


@dataclass(frozen=True)
class Step:
    """The rewrite that brings files to `to_version`: (repo-relative path, text) -> text."""

    to_version: int
    summary: str
    files: tuple[str, ...]
    rewrite: Callable[[str, str], str]


STEPS: list[Step] = []  # format 1 is the first versioned format: nothing to rewrite yet


@dataclass
class Plan:
    root: Path
    found: int
    current: int
    lang: str
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> (old text, new text)

    def diff(self) -> str:
        """A unified diff of every change, control characters written out."""
        chunks = []
        for rel, (old, new) in sorted(self.changes.items()):
            lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                         fromfile=f"a/{rel}", tofile=f"b/{rel}")
            chunks.extend(visible(line.rstrip("\r\n")) for line in lines)
        return "\n".join(chunks)


def plan(root: Path, *, steps: Sequence[Step] | None = None, current: int = CURRENT_FORMAT) -> Plan:
    steps = STEPS if steps is None else steps
    config_text = _read(root, CONFIG, "en")
    if config_text is None:
        raise CaseconfError(message("no_config", "en", path=root / CONFIG))
    try:
        config = yaml.safe_load(config_text) or {}
    except yaml.YAMLError:
        config = {}  # `caseconf check` explains a broken caseconf.yml; the version line is read below
    lang = os.environ.get("CASECONF_LANG") or (config.get("language") if isinstance(config, dict) else None) or "cs"
    lang = lang if lang in MESSAGES else "en"
    found = _version(config_text, lang)
    if found > current:
        raise CaseconfError(message("newer", lang, path=CONFIG, found=found, current=current),
                            message("newer_hint", lang))
    result = Plan(root, found, current, lang)
    texts: dict[str, str] = {}
    for step in sorted(steps, key=lambda s: s.to_version):
        if not found < step.to_version <= current:
            continue
        for rel in _files(root, step.files):
            before = texts.get(rel)
            if before is None:
                before = _read(root, rel, lang)
                if before is None:
                    continue
                texts.setdefault(rel, before)
            after = step.rewrite(rel, before)
            if after != before:
                result.changes[rel] = (result.changes.get(rel, (before, before))[0], after)
                texts[rel] = after
    old_config = result.changes.get(CONFIG, (config_text, config_text))
    stamped = stamp_version(old_config[1], current)
    if stamped != old_config[0]:
        result.changes[CONFIG] = (old_config[0], stamped)
    elif CONFIG in result.changes:
        del result.changes[CONFIG]
    return result


def apply(result: Plan) -> None:
    """Write every change atomically; caseconf.yml (the new version) last."""
    order = sorted((rel for rel in result.changes if rel != CONFIG)) + [CONFIG] * (CONFIG in result.changes)
    staged: list[tuple[str, Path]] = []
    try:
        for rel in order:  # every temporary file first: a full disk changes nothing
            target = result.root / rel
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".migrate", dir=target.parent)
            staged.append((tmp, target))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(result.changes[rel][1])
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, target.stat().st_mode & 0o7777)
    except OSError as exc:
        for tmp, _ in staged:
            _discard(tmp)
        raise OperationFailed(f"{result.root}: could not write ({exc.strerror}); nothing was changed",
                              "check free disk space and permissions") from None
    for index, (tmp, target) in enumerate(staged):
        try:
            os.replace(tmp, target)
        except OSError as exc:
            for rest, _ in staged[index:]:
                _discard(rest)
            raise OperationFailed(f"{target}: could not be replaced ({exc.strerror}); files before it are "
                                  "migrated, caseconf.yml still names the old format",
                                  "fix the cause and run caseconf migrate again") from None


def stamp_version(config_text: str, version: int) -> str:
    """caseconf.yml with `format_version: version`, the rest of the file as it was."""
    if _VERSION_LINE.search(config_text):
        return _VERSION_LINE.sub(lambda m: f"{m.group(1)}{version}", config_text, count=1)
    newline = "\r\n" if "\r\n" in config_text else "\n"
    line = f"format_version: {version}  # the record format of these files; `caseconf migrate` upgrades them"
    anchor = None
    for match in _INSERT_AFTER.finditer(config_text):
        anchor = match  # the last of team/jurisdiction/language, so the line sits beside them
        if match.group(1) == "language":
            break
    if anchor is None:
        if config_text and not config_text.endswith("\n"):
            config_text += newline
        return config_text + line + newline
    return config_text[:anchor.end()] + line + newline + config_text[anchor.end():]


def _version(config_text: str, lang: str) -> int:
    match = _VERSION_LINE.search(config_text)
    if match is None:
        return 1  # files from before the field existed follow format 1
    raw = match.group(2).strip("'\"")
    if not raw.isdigit() or int(raw) < 1:
        raise CaseconfError(message("bad_version", lang, path=CONFIG, found=visible(raw or "''")))
    return int(raw)


def _files(root: Path, patterns: tuple[str, ...]) -> list[str]:
    found = set()
    for pattern in patterns:
        if pattern == CONFIG:
            found.add(CONFIG)
            continue
        for path in root.glob(pattern):
            if path.is_file() and not path.is_symlink():
                rel = path.relative_to(root).as_posix()
                if fnmatch.fnmatch(rel, pattern):
                    found.add(rel)
    return sorted(found)


def _read(root: Path, rel: str, lang: str) -> str | None:
    path = root / rel
    if not path.is_file():
        return None
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError:
        raise CaseconfError(message("unreadable", lang, path=visible(rel))) from None


def _discard(name: str) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass
