"""Personal-data guard: finds birth numbers, JMBG, phones, e-mails, bank
accounts, birth dates, addresses and personal names in caseconf records.

Cheap to import: python-stdnum, phonenumbers and simplemma are imported lazily
by the detectors that need them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from caseconf.records.findings import Finding

    from .allowlist import ALLOW_FILE, fingerprint
    from .messages import purge_instructions


def __getattr__(name: str) -> Any:
    # the package itself imports nothing heavy, so that `start_history` runs git at once
    if name in ("ALLOW_FILE", "fingerprint"):
        from . import allowlist

        return getattr(allowlist, name)
    if name == "KINDS":  # every kind of personal data, in priority order (the detector registry)
        from .detectors import kinds

        return kinds()
    if name == "purge_instructions":
        from .messages import purge_instructions

        return purge_instructions
    raise AttributeError(name)


__all__ = ["scan_text", "scan_files", "scan_history", "start_history", "fingerprint", "purge_instructions", "ALLOW_FILE", "KINDS"]


def scan_text(text: str, path: str, *, allow_words: Iterable[str] = (), lang: str = "cs") -> list[Finding]:
    """Scan one text (inline allow-pii markers apply; the allowlist file does not)."""
    from caseconf.records.findings import Finding

    from .core import _allow_set, scan_text_impl

    findings = scan_text_impl(text, path, allow=_allow_set(allow_words), lang=lang)
    findings.sort(key=Finding.sort_key)
    return findings


def scan_files(root: Path, rel_paths: Iterable[str], *, allow_words: Iterable[str] = (), lang: str = "cs",
               report_stale: bool = False, on_progress: Callable[[int, int], None] | None = None,
               texts: Mapping[str, str] | None = None) -> list[Finding]:
    """Scan these files (paths relative to root, POSIX) and their names.

    Applies ``.caseconf-pii-allow.yml`` and inline markers. A path that resolves
    outside root (also via a symlink) is refused with PII012 and not read.
    ``report_stale=True`` (a full-repository scan) reports unused allowlist
    entries as PII011 warnings. ``texts``: the decoded text of some of those files, as the
    loader already read it (path -> text); those are scanned without reading them again."""
    from .core import scan_files_impl

    return scan_files_impl(Path(root), rel_paths, allow_words=allow_words, lang=lang, report_stale=report_stale,
                           on_progress=on_progress, texts=texts)


def scan_history(root: Path, *, allow_words: Iterable[str] = (), lang: str = "cs",
                 on_progress: Callable[[int, int], None] | None = None, started: object = None) -> list[Finding]:
    """Scan every blob ever committed (each once); findings carry the first commit.
    `started`: what start_history returned, when the caller started the git pass early."""
    from .gitlog import HistoryStart
    from .history import scan_history_impl

    return scan_history_impl(Path(root), allow_words=allow_words, lang=lang, on_progress=on_progress,
                             started=started if isinstance(started, HistoryStart) else None)


def start_history(root: Path) -> object:
    """Start the history scan's git pass in the background and, on two cores, its worker
    processes (the caller then loads its configuration, and passes the result to
    scan_history as `started`)."""
    from .gitlog import HistoryStart

    return HistoryStart(Path(root))
