"""The repository model, kept between rebuilds of `mkdocs serve`.

A rebuild after one record changed reloads that record's case only (cross-record rules
need the whole case), and re-scans only the files that changed. The cache lives at module
level because MkDocs creates new plugin instances for every rebuild.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..pii.allowlist import ALLOW_FILE
from ..records.findings import Finding
from ..records.repository import LoadedDoc
from ..records.paths import ACTIVITIES_DIR, CONFIG_NAME, RECORDS_DIR
from ..records.repository import Repository, case_id_of

Stamp = tuple[int, int]  # (mtime_ns, size)
PII_ALLOW_FILE = ALLOW_FILE  # the guard owns the name; a change there must reach the cache


def snapshot(root: Path) -> dict[str, Stamp]:
    """Stamp of caseconf.yml, the allowlist and every file under records/."""
    stamps: dict[str, Stamp] = {}
    for name in (CONFIG_NAME, PII_ALLOW_FILE):
        try:
            st = os.stat(root / name)
            stamps[name] = (st.st_mtime_ns, st.st_size)
        except OSError:
            pass
    base = root / RECORDS_DIR
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        stamps[rel_dir + "/"] = (0, len(filenames) + len(dirnames))
        for filename in filenames:
            try:
                st = os.stat(os.path.join(dirpath, filename))
            except OSError:
                continue
            stamps[f"{rel_dir}/{filename}"] = (st.st_mtime_ns, st.st_size)
    return stamps


@dataclass(slots=True)
class Changes:
    full: bool
    cases: set[str] = field(default_factory=set)
    activities: bool = False
    paths: set[str] = field(default_factory=set)

    @property
    def none(self) -> bool:
        return not (self.full or self.cases or self.activities or self.paths)


def diff(old: dict[str, Stamp], new: dict[str, Stamp]) -> Changes:
    changed = {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}
    changes = Changes(full=False, paths={p for p in changed if not p.endswith("/")})
    for path in changed:
        if path in (CONFIG_NAME, PII_ALLOW_FILE) or path.rstrip("/") == RECORDS_DIR:
            changes.full = True
            continue
        parts = path.rstrip("/").split("/")
        if len(parts) >= 2 and parts[1] == ACTIVITIES_DIR:
            changes.activities = True
        elif len(parts) >= 2:
            case_id = case_id_of(path) or parts[1]
            changes.cases.add(case_id)
    return changes


@dataclass(slots=True)
class Entry:
    stamps: dict[str, Stamp]
    repo: Repository
    pii: dict[str, list[Finding]] = field(default_factory=dict)  # rel path -> findings
    suppressed: dict[str, list[Any]] = field(default_factory=dict)  # rel path -> Suppressed
    bodies: dict[str, tuple[str, str]] = field(default_factory=dict)  # rel path -> (text, html)
    # Generated output kept between rebuilds, keyed by a digest of its inputs (see `digests`):
    pages: dict[str, tuple[str, str, list[Any]]] = field(default_factory=dict)  # uri -> (key, body, toc)
    outputs: dict[str, tuple[str, str]] = field(default_factory=dict)  # uri -> (key, themed page)
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)  # uri -> (key, print-ready html)
    search: dict[str, tuple[str, list[Any]]] = field(default_factory=dict)  # uri -> (key, search entries)
    previews: dict[str, tuple[str, str]] = field(default_factory=dict)  # case id -> (key, form's preview JSON)
    rules_done: bool = False  # suppressed reasons computed for the whole model
    loads: int = 0  # full loads (for tests and benchmarks)
    partial_loads: int = 0


_CACHE: dict[Path, Entry] = {}
# Generated output is kept only under `mkdocs serve` (set by the plugin's on_startup): a
# single build has no next build to reuse it for, and holding every page costs memory.
SERVING = False


def clear() -> None:
    _CACHE.clear()
    _COMPILED.clear()


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept between rebuilds of `mkdocs serve`: MkDocs makes a new
    Jinja environment for every build, and compiling the theme's templates again took about a
    second of each rebuild. Jinja checks each entry against its template's source, so an
    edited template is compiled again; one store per kind of environment, since the same
    file compiles differently under other settings (trim_blocks, autoescape, extensions)."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.codes.clear()


_COMPILED: dict[tuple[Any, ...], _CompiledTemplates] = {}


def _compiled_kind(env: jinja2.Environment) -> tuple[Any, ...]:
    """What, besides a template's source, decides the code Jinja compiles it to."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else \
        getattr(env.autoescape, "__qualname__", repr(env.autoescape))
    return (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
            env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
            env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
            env.keep_trailing_newline, env.optimized, env.is_async, autoescape, env.finalize is not None,
            tuple(sorted(env.extensions)))


def share_compiled_templates(env: jinja2.Environment) -> None:
    """Under serve, let `env` reuse (and add to) the templates the earlier builds compiled."""
    if SERVING and env.bytecode_cache is None:
        env.bytecode_cache = _COMPILED.setdefault(_compiled_kind(env), _CompiledTemplates())


def stats(root: Path) -> Entry | None:
    return _CACHE.get(root.resolve())


def _splice(entry: Entry, root: Path, changes: Changes) -> None:
    """Reload the changed cases (and activities) into the cached model."""
    repo = entry.repo
    fresh = Repository.load(root, case_ids=sorted(changes.cases), activities=changes.activities)
    for case_id in changes.cases:
        if case_id in fresh.cases:
            repo.cases[case_id] = fresh.cases[case_id]
        else:
            repo.cases.pop(case_id, None)
    if changes.cases:
        repo.cases = dict(sorted(repo.cases.items()))
    if changes.activities:
        repo.activities = fresh.activities
    repo.stray = fresh.stray if changes.cases or changes.activities else repo.stray
    entry.partial_loads += 1


def load(root: Path, config_doc: LoadedDoc | None = None) -> tuple[Entry, Changes]:
    """The cached model for `root`, brought up to date with the files on disk.

    `config_doc`: caseconf.yml as this build already read it (used by a full load)."""
    root = root.resolve()
    stamps = snapshot(root)
    entry = _CACHE.get(root)
    if entry is None:
        entry = Entry(stamps=stamps, repo=Repository.load(root, config_doc=config_doc), loads=1)
        _CACHE[root] = entry
        return entry, Changes(full=True)
    changes = diff(entry.stamps, stamps)
    if changes.full:
        fresh = Entry(stamps=stamps, repo=Repository.load(root, config_doc=config_doc), loads=entry.loads + 1,
                      partial_loads=entry.partial_loads)
        fresh.bodies = entry.bodies  # keyed by text: still valid
        # keyed by digests of their inputs: what changed misses by itself
        fresh.pages, fresh.outputs, fresh.documents, fresh.search = \
            entry.pages, entry.outputs, entry.documents, entry.search
        _CACHE[root] = fresh
        return fresh, changes
    if not changes.none:
        _splice(entry, root, changes)
        entry.stamps = stamps
    return entry, changes


def docs_of(repo: Repository, changes: Changes) -> list[LoadedDoc]:
    """The documents a change touches (all of them after a full load)."""
    if changes.full:
        return list(repo.documents())
    docs: list[LoadedDoc] = []
    for case_id in changes.cases:
        case = repo.cases.get(case_id)
        if case is not None:
            if case.case_doc is not None:
                docs.append(case.case_doc)
            docs.extend(case.documents)
    if changes.activities:
        docs.extend(repo.activities)
    return docs


# ---------------------------------------------------------------- what a generated page depends on
ALL = "*"  # a page that depends on the whole repository (the indexes, stats, home)


def _feed(digest: Any, doc: LoadedDoc | None) -> None:
    if doc is not None:
        digest.update(doc.path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(doc.text.encode("utf-8", "surrogateescape") + b"\0")
        for finding in doc.findings:  # an unreadable file has no text: its findings stand for it
            digest.update(finding.to_text().encode("utf-8", "surrogateescape") + b"\0")


def digests(repo: Repository, build: str) -> dict[str, str]:
    """Case id (and `ACTIVITIES_DIR`, and `ALL`) -> a digest of the texts a page of it is made
    from, together with `build` (the settings, templates and day every page depends on).

    A case's pages (case, records, print-ready documents) depend on that case's files
    only; activity pages on the activities; the indexes on everything."""
    import hashlib

    result: dict[str, str] = {}
    whole = hashlib.sha1(build.encode("utf-8", "surrogateescape"))
    for case_id, case in repo.cases.items():
        digest = hashlib.sha1(build.encode("utf-8", "surrogateescape"))
        _feed(digest, case.case_doc)
        for doc in case.documents:
            _feed(digest, doc)
        result[case_id] = digest.hexdigest()
        whole.update(case_id.encode("utf-8", "surrogateescape") + result[case_id].encode())
    digest = hashlib.sha1(build.encode("utf-8", "surrogateescape"))
    digest.update("\0".join(repo.cases).encode("utf-8", "surrogateescape"))  # activities link to cases
    for doc in repo.activities:
        _feed(digest, doc)
    result[ACTIVITIES_DIR] = digest.hexdigest()
    whole.update(result[ACTIVITIES_DIR].encode())
    for doc in repo.stray:
        _feed(whole, doc)
    _feed(whole, repo.config_doc)
    result[ALL] = whole.hexdigest()
    return result


def tree_stamp(folders: list[str | Path]) -> str:
    """Names, times and sizes of the files under these folders (templates, a team's overrides);
    the theme's icon set (thousands of files that never change under serve) is left out."""
    parts: list[str] = []
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != ".icons")
            for name in sorted(filenames):
                try:
                    st = os.stat(os.path.join(dirpath, name))
                except OSError:
                    continue
                parts.append(f"{dirpath}/{name}:{st.st_mtime_ns}:{st.st_size}")
    return "\n".join(parts)
