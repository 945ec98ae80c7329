"""Before anything is published: the personal-data guard, and the reasons of suppressed checks.

Both are kept per file in the model cache, so `mkdocs serve` re-scans only what changed.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..pii import scan_files
from ..records.findings import Finding
from ..records.repository import Repository
from ..rules.engine import run_rules
from .cache import Changes, Entry, docs_of


def _scannable(repo: Repository, changes: Changes) -> dict[str, str]:
    """Path -> the text the loader read (each file is read and decoded once per build);
    an empty text (caseconf.yml the loader could not decode) is read by the scanner itself."""
    texts = {doc.path: doc.text for doc in docs_of(repo, changes) if doc.text or doc.kind == "config"}
    if changes.full and repo.config_doc is not None and repo.config_doc.path not in texts:
        texts[repo.config_doc.path] = repo.config_doc.text
    return texts


# Above this many files the scan runs in a second process while MkDocs renders the pages;
# its result is awaited before any page is written (see the plugin's on_env).
BACKGROUND_FROM = 300
# The background scan is submitted in chunks of this many files. Whatever the second
# process has not started by the time the pages are rendered is scanned by the build
# process itself (it has nothing else to do until the scan is done), from the far end, so
# the two meet in the middle instead of the build waiting for the whole remainder.
CHUNK = 64
WARMUP_TEXT = "Jan Novák, tel. 777 123 456, nar. 1. 2. 1990, jan.novak@example.cz"


@dataclass(slots=True)
class PendingScan:
    entry: Entry
    wanted: list[str]
    future: Future | None = None  # type: ignore[type-arg]  # the last chunk (None: nothing in the background)
    pool: ProcessPoolExecutor | None = None
    found: list[Finding] | None = None
    chunks: list[tuple[list[str], Future]] = field(default_factory=list)  # type: ignore[type-arg]
    args: tuple = ()  # type: ignore[type-arg]  # (root, words, lang) for chunks scanned here
    texts: dict[str, str] = field(default_factory=dict)  # the loader's text of the wanted files

    def cancel(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


def _scan(root: Path, paths: list[str], words: list[str], lang: str,
          texts: dict[str, str] | None = None) -> list[Finding]:
    """`texts`: the loader's text of those files (not read again); the rest are read here."""
    return scan_files(root, paths, allow_words=words, lang=lang, texts=texts)


def _warm(lang: str) -> None:
    """Import the scanner and its lazily loaded detectors in the second process."""
    from ..pii import scan_text

    scan_text(WARMUP_TEXT, "warmup.md", lang=lang)


class Prewarmed:
    """A second process started (and its scanner imported) before the repository loads."""

    def __init__(self, lang: str) -> None:
        self.pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self.pool.submit(_warm, lang)

    def take(self) -> ProcessPoolExecutor | None:
        pool, self.pool = self.pool, None
        return pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


def start_pii(entry: Entry, changes: Changes, prewarmed: Prewarmed | None = None) -> PendingScan:
    """Start the personal-data scan of what changed (everything after a full load)."""
    repo = entry.repo
    if changes.full:
        entry.pii.clear()
    else:
        for path in changes.paths:
            entry.pii.pop(path, None)
    scannable = _scannable(repo, changes)
    wanted = [path for path in scannable if path not in entry.pii]
    texts = {path: scannable[path] for path in wanted if scannable[path]}
    pending = PendingScan(entry, wanted, texts=texts)
    args = (repo.root, wanted, repo.config.pii_allow_words() if repo.config else [], repo.lang, texts)
    if len(wanted) >= BACKGROUND_FROM:
        pool = prewarmed.take() if prewarmed is not None else None
        pending.pool = pool or ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        pending.args = (repo.root, args[2], repo.lang)
        for index in range(0, len(wanted), CHUNK):
            chunk = wanted[index:index + CHUNK]
            pending.chunks.append((chunk, pending.pool.submit(_scan, repo.root, chunk, args[2], repo.lang,
                                                              _texts_of(texts, chunk))))
        pending.future = pending.chunks[-1][1]
    elif wanted:
        pending.found = _scan(*args)
    if prewarmed is not None:
        prewarmed.close()
    return pending


def _texts_of(texts: dict[str, str], paths: list[str]) -> dict[str, str]:
    return {path: texts[path] for path in paths if path in texts}


def _collect(pending: PendingScan) -> list[Finding]:
    """The findings of all chunks: the second process's, and the ones it had not started,
    scanned here (last chunk first, while the second process works from the front)."""
    results: dict[int, list[Finding]] = {}
    for index in range(len(pending.chunks) - 1, -1, -1):
        chunk, future = pending.chunks[index]
        if not future.cancel():
            break  # running or done in the second process: so is every chunk before it
        root, words, lang = pending.args
        results[index] = _scan(root, chunk, words, lang, _texts_of(pending.texts, chunk))
    for index, (_chunk, future) in enumerate(pending.chunks):
        if index not in results:
            results[index] = future.result()
    found: list[Finding] = []
    for index, (chunk, _future) in enumerate(pending.chunks):
        paths = set(chunk)
        # Findings about other files (the allowlist's own problems) come with every chunk: once.
        found.extend(f for f in results[index] if index == 0 or f.path in paths)
    return found


def finish_pii(pending: PendingScan) -> list[Finding]:
    """Unsuppressed personal-data errors anywhere in the repository."""
    entry = pending.entry
    if pending.chunks:
        try:
            pending.found = _collect(pending)
        finally:
            pending.cancel()
    for path in pending.wanted:
        entry.pii[path] = []
    for finding in pending.found or []:
        entry.pii.setdefault(finding.path, []).append(finding)
    return sorted((f for findings in entry.pii.values() for f in findings if f.severity == "error"),
                  key=Finding.sort_key)


def update_pii(entry: Entry, changes: Changes) -> list[Finding]:
    """Scan and wait (for callers that need the answer at once)."""
    return finish_pii(start_pii(entry, changes))


def update_suppressed(entry: Entry, changes: Changes) -> dict[str, list]:  # type: ignore[type-arg]
    """Record path -> suppressed findings with their stated reasons (shown on the record page)."""
    repo = entry.repo
    if changes.full or not entry.rules_done:
        result = run_rules(repo)
        entry.suppressed = {}
        entry.rules_done = True
    else:
        for doc in docs_of(repo, changes):
            entry.suppressed.pop(doc.path, None)
        for path in changes.paths:
            entry.suppressed.pop(path, None)
        if not (changes.cases or changes.activities):
            return entry.suppressed
        result = run_rules(repo, sorted(c for c in changes.cases if c in repo.cases), activities=changes.activities)
    for item in result.suppressed:
        entry.suppressed.setdefault(item.finding.path, []).append(item)
    return entry.suppressed


# ---------------------------------------------------------------- what the site publishes
# Files of docs_dir the guard reads as text: pages and whatever else a browser shows as text.
TEXT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt", ".csv", ".json", ".yml", ".yaml", ".svg", ".xml",
                 ".js", ".css", ".ics")
_INHERIT = re.compile(r"^INHERIT\s*:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def _from_docs_dir(files: Iterable[Any], docs_dir: str) -> Iterator[Any]:
    """The files MkDocs found in docs_dir (not the theme's, not generated ones)."""
    docs = os.path.abspath(docs_dir)
    for file in files:
        if file.generated_by is None and file.abs_src_path and file.src_dir \
                and os.path.abspath(file.src_dir) == docs:
            yield file


def published_sources(root: Path, files: Iterable[Any], docs_dir: str) -> list[str]:
    """Repository paths of the files of docs_dir that the site publishes."""
    paths = []
    for file in _from_docs_dir(files, docs_dir):
        source = file.abs_src_path
        if str(source).lower().endswith(TEXT_SUFFIXES):
            try:
                paths.append(Path(source).absolute().relative_to(root).as_posix())
            except ValueError:
                continue  # outside the root: refused by refused_sources, never scanned
    return sorted(set(paths))


def scan_published(root: Path, paths: list[str], words: list[str], lang: str) -> list[Finding]:
    """The personal-data scan of the written pages (methodology/ and the like), which are
    published as they are: the same scanner and allowlist as `caseconf pii`."""
    return _scan(root, paths, words, lang) if paths else []


def _outside(root: Path, path: Path) -> bool:
    try:
        return not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
    except (OSError, ValueError):
        return True


def refused_sources(root: Path, files: Iterable[Any], docs_dir: str, lang: str) -> list[tuple[Any, Finding]]:
    """Files MkDocs found in docs_dir that a symbolic link leads out of the repository, and
    FIFOs, devices and sockets (reading one would block the build or never end)."""
    from ..records.paths import is_regular_file

    refused = []
    for file in _from_docs_dir(files, docs_dir):
        source = file.abs_src_path
        if _outside(root, Path(source)):
            refused.append((file, _outside_finding(root, Path(source), lang)))
        elif not is_regular_file(Path(source)):
            refused.append((file, _outside_finding(root, Path(source), lang, "not_a_file")))
    return refused


def outside_config(root: Path, config: Any, lang: str) -> list[Finding]:
    """Folders and includes of mkdocs.yml that lead out of the repository: docs_dir, the
    theme's custom_dir (site_templates/) with every link inside it, and INHERIT."""
    found: list[Finding] = []
    folders = [Path(config.docs_dir)]
    custom_dir = config.theme.custom_dir if config.theme is not None else None
    if custom_dir:
        folders.append(Path(custom_dir))
    for folder in folders:
        if _outside(root, folder):
            found.append(_outside_finding(root, folder, lang))
        elif folder.is_dir() and folder != folders[0]:  # docs_dir files are checked one by one
            for dirpath, dirnames, filenames in os.walk(folder):
                for name in dirnames + filenames:
                    if _outside(root, Path(dirpath) / name):
                        found.append(_outside_finding(root, Path(dirpath) / name, lang))
    config_file = Path(config.config_file_path or "")
    try:
        text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    except (OSError, UnicodeDecodeError):
        text = ""
    for match in _INHERIT.finditer(text):
        included = config_file.parent / match.group(1).strip()
        if _outside(root, included):
            found.append(_outside_finding(root, included, lang))
    return found


def _outside_finding(root: Path, path: Path, lang: str, message_id: str = "outside_root") -> Finding:
    from ..records.i18n import loader_message

    try:
        rel = path.absolute().relative_to(root).as_posix()
    except ValueError:
        rel = str(path)
    return Finding(rel, 1, "FILE010", "error", loader_message(message_id, lang))
