"""The personal-data scan behind `caseconf pii`, without click: the click command and the
commit hook's fast path (fast.py) both call `run_pii`, so a plain `caseconf pii FILES` (what
pre-commit runs on every commit) does not pay for importing click."""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

from ..errors import CaseconfError
from ..records.catalogue import tx
from ..records.i18n import pick_language
from ..records.paths import is_special_file, relative_inside
from .output import emit_json, echo, print_findings, summary_line
from .progress import progress


def _write(text: str, *, err: bool = False) -> None:
    """A CI format's output as rendered (those renderers escape every value themselves)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def run_pii(paths: tuple[Path, ...], history: bool, fmt: str, value: str | None, root_dir: Path) -> int:
    from .. import pii as guard

    # the history's git pass runs while the settings load
    started = guard.start_history(root_dir) if history and value is None else None
    from ..pii.settings import read_settings  # not the full configuration model: a hook must start fast

    settings = read_settings(root_dir)
    lang = pick_language(settings.language if settings else None)
    if value is not None:
        echo(f"# {guard.ALLOW_FILE}\n- {{sha256: {guard.fingerprint(value)}, kind: name, reason: \"…\"}}")
        return 0
    allow = settings.allow_words if settings else []
    excluded = settings.exclude if settings else []
    if history:
        with progress("caseconf pii --history", fmt="text" if fmt == "text" else "json") as on_progress:
            scanned = guard.scan_history(root_dir, allow_words=allow, lang=lang, on_progress=on_progress,
                                           started=started)
        findings = [f for f in scanned if not _excluded(f.path, excluded)]
        checked = None
    else:
        if paths:
            rel_paths = [relative_inside(root_dir, p) for p in paths]
            missing = [p for p in rel_paths if not (root_dir / p).exists()]
            if missing:
                raise CaseconfError(tx(lang, "{path}: no such file", path=missing[0]),
                                    tx(lang, "give files inside the repository"))
            special = [p for p in rel_paths if is_special_file(root_dir / p)]
            if special:
                # a FIFO would block the scan for ever, a device never ends: never opened
                raise CaseconfError(f"{special[0]}: not a regular file", "give the record files themselves")
            folders = [p for p in rel_paths if (root_dir / p).is_dir()]
            if folders:  # a folder means the repository's files inside it, as the whole scan would take them
                prefixes = tuple(folder.rstrip("/") + "/" for folder in folders)
                inside = [p for p in _tracked_files(root_dir) if p.startswith(prefixes) and not _excluded(p, excluded)]
                rel_paths = [p for p in rel_paths if p not in folders] + inside
        else:
            rel_paths = [p for p in _tracked_files(root_dir) if not _excluded(p, excluded)]
        with progress("caseconf pii", fmt="text" if fmt == "text" else "json") as on_progress:
            findings = guard.scan_files(root_dir, rel_paths, allow_words=allow, lang=lang, report_stale=not paths,
                                        on_progress=on_progress)
        checked = len(rel_paths)
    if settings is not None and settings.levels:  # `rules:` re-level PII codes too (the detectors' never go off)
        from ..codes import apply_levels

        findings = apply_levels(findings, settings.levels)
    if fmt == "json":
        data = {"findings": [f.to_json() for f in findings]}
        if checked is not None:
            data["checked"] = checked
        emit_json(data)
    elif fmt != "text":  # a CI format (github, gitlab, sarif, junit)
        from .formats import render

        _write(render(fmt, findings, root=root_dir, tool="pii", checked=checked))
        if history and any(f.severity == "error" for f in findings):  # the job's log says what to do
            _write(guard.purge_instructions(lang), err=True)
        if checked is not None:
            _write(summary_line(lang, checked, findings), err=True)
    else:
        print_findings(findings, lang)
        if history and any(f.severity == "error" for f in findings):
            echo(guard.purge_instructions(lang), err=True)
        if checked is not None:
            echo(summary_line(lang, checked, findings), err=True)
    return 1 if any(f.severity == "error" for f in findings) else 0


def _excluded(path: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(path, pattern) for pattern in patterns)


def _tracked_files(root: Path) -> list[str]:
    """Tracked files (git ls-files), or every file under records/ and methodology/ without git."""
    import subprocess  # only here: the commit hook names its files and starts no git

    proc = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                          capture_output=True)
    if proc.returncode == 0:
        return sorted(p for p in proc.stdout.decode("utf-8", "replace").split("\0") if p and (root / p).is_file())
    found = ["caseconf.yml"] if (root / "caseconf.yml").is_file() else []
    for folder in ("records", "methodology"):
        found += sorted(p.relative_to(root).as_posix() for p in (root / folder).rglob("*") if p.is_file())
    return found
