"""Scan every blob in a repository's history, each blob once.

Streams ``git rev-list --all --objects`` into ``git cat-file --batch-check`` /
``--batch``; a ``git log --raw`` pass attributes each blob to the first commit
that introduced it. Never rewrites anything.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from caseconf.records.findings import Finding

from .allowlist import load_allowlist
from .core import _STATE, MAX_BYTES, _allow_set, _info, decode_bytes, run_chunks, scan_text_impl, worker_count
from .messages import lang_of

_ZERO = "0" * 40


def _git(root: Path, *args: str, input_bytes: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    return subprocess.run(["git", "-C", str(root), *args], input=input_bytes, capture_output=True, env=env,
                          check=False)


def _first_commits(root: Path) -> dict[str, tuple[str, str]]:
    """blob sha -> (first commit, path) from the oldest commit forwards."""
    proc = _git(root, "-c", "log.showRoot=true", "-c", "core.quotePath=false", "log", "--all", "--reverse",
                "--topo-order", "-m", "--raw", "--no-abbrev", "--no-renames", "--format=C%H", "-z")
    first: dict[str, tuple[str, str]] = {}
    if proc.returncode != 0:
        return first
    commit = ""
    # with -z: records are NUL separated; the format line ends with "\n" before the raw block
    parts = proc.stdout.split(b"\x00")
    i = 0
    while i < len(parts):
        tok = parts[i].decode("utf-8", "replace").lstrip("\n")
        if tok.startswith("C") and len(tok) >= 41 and not tok.startswith(":"):
            # "C<sha>\n:100644 ..." may share a token with the first raw header
            head, _, rest = tok.partition("\n")
            commit = head[1:41]
            tok = rest.lstrip("\n")
            if not tok:
                i += 1
                continue
        if tok.startswith(":"):
            fields = tok[1:].split(" ")
            path = parts[i + 1].decode("utf-8", "replace") if i + 1 < len(parts) else ""
            i += 2
            if len(fields) >= 5:
                new_mode, new_sha = fields[1], fields[3]
                if new_sha != _ZERO and new_mode != "160000" and new_sha not in first:
                    first[new_sha] = (commit, path)
            continue
        i += 1
    return first


def _blob_list(root: Path) -> list[tuple[str, str, int]]:
    """(sha, path, size) of every blob reachable from any ref, each once."""
    proc = _git(root, "rev-list", "--all", "--objects")
    if proc.returncode != 0 or not proc.stdout.strip():
        return []
    objs: list[tuple[str, str]] = []
    for raw in proc.stdout.decode("utf-8", "replace").splitlines():
        sha, _, path = raw.partition(" ")
        if path:  # commits have no path; trees and blobs do (root tree has "")
            objs.append((sha, path))
    if not objs:
        return []
    check = _git(root, "cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)",
                 input_bytes="".join(f"{s}\n" for s, _ in objs).encode())
    types: dict[str, tuple[str, int]] = {}
    for ln in check.stdout.decode("utf-8", "replace").splitlines():
        f = ln.split(" ")
        if len(f) == 3 and f[2].isdigit():
            types[f[0]] = (f[1], int(f[2]))
    out = []
    seen: set[str] = set()
    for sha, path in objs:
        t = types.get(sha)
        if t and t[0] == "blob" and sha not in seen:
            seen.add(sha)
            out.append((sha, path, t[1]))
    return out


def _stream_blobs(root: Path, shas: list[str]) -> Iterable[tuple[str, bytes]]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    proc = subprocess.Popen(["git", "-C", str(root), "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdin is not None and proc.stdout is not None

    def feed() -> None:
        try:
            for s in shas:
                proc.stdin.write(f"{s}\n".encode())
            proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for _ in shas:
            header = proc.stdout.readline()
            if not header:
                break
            f = header.decode("utf-8", "replace").split()
            if len(f) < 3 or f[1] == "missing":
                continue
            size = int(f[2])
            data = proc.stdout.read(size)
            proc.stdout.read(1)  # trailing LF
            yield f[0], data
    finally:
        writer.join(timeout=5)
        proc.stdout.close()
        proc.wait()


def _history_chunk(items: list[tuple[str, str | None, str]]) -> list[Finding]:
    """Scan these blobs ((sha, first commit, path) in stream order) and, once per path, the path."""
    st = _STATE
    root, allow, lang, allowlist = st["root"], st["allow"], st["lang"], st["allowlist"]
    on_progress = st.get("progress")
    where = {sha: (commit, path) for sha, commit, path in items}
    findings: list[Finding] = []
    seen_paths: set[str] = set()
    for done, (sha, data) in enumerate(_stream_blobs(root, [sha for sha, _, _ in items])):
        if on_progress is not None and done % 64 == 0:
            on_progress(done, len(items))
        commit, path = where.get(sha, (None, "?"))
        batch: list[Finding] = []
        if path not in seen_paths:
            seen_paths.add(path)
            batch += scan_text_impl(path, path, allow=allow, lang=lang, allowlist=allowlist, filename_scan=True)
        text, infos = decode_bytes(data, path, lang)
        batch += infos
        if text is not None:
            batch += scan_text_impl(text, path, allow=allow, lang=lang, allowlist=allowlist)
        findings += [_with_commit(f, commit) for f in batch]
    return findings


def _chunks_by_path(items: list[tuple[str, str | None, str]], sizes: dict[str, int],
                    n: int) -> list[list[tuple[str, str | None, str]]]:
    """About n chunks of similar size; all blobs of a path in one chunk, in stream order."""
    groups: dict[str, list[tuple[str, str | None, str]]] = {}
    for item in items:
        groups.setdefault(item[2], []).append(item)
    total = sum(sizes.get(sha, 0) + 200 for sha, _, _ in items)
    target = total / n
    chunks: list[list[tuple[str, str | None, str]]] = [[]]
    filled = 0
    for group in groups.values():
        if filled >= target and len(chunks) < n:
            chunks.append([])
            filled = 0
        chunks[-1] += group
        filled += sum(sizes.get(sha, 0) + 200 for sha, _, _ in group)
    order = {sha: i for i, (sha, _, _) in enumerate(items)}
    for chunk in chunks:
        chunk.sort(key=lambda it: order[it[0]])
    return [c for c in chunks if c]


def scan_history_impl(root: Path, *, allow_words: Iterable[str], lang: str,
                      on_progress: Callable[[int, int], None] | None = None) -> list[Finding]:
    lang = lang_of(lang)
    root = Path(root)
    probe = _git(root, "rev-parse", "--git-dir")
    if probe.returncode != 0:
        return []
    # the first-commit pass (a git log) runs while the blobs are listed
    first: dict[str, tuple[str, str]] = {}
    log = threading.Thread(target=lambda: first.update(_first_commits(root)), daemon=True)
    log.start()
    blobs = _blob_list(root)
    log.join()
    if not blobs:
        return []
    allow = _allow_set(allow_words)
    allowlist = load_allowlist(root)
    findings: list[Finding] = []
    sizes = {sha: size for sha, _, size in blobs}
    small: list[tuple[str, str | None, str]] = []
    for sha, path, size in blobs:
        commit, fpath = first.get(sha, (None, path))
        if size > MAX_BYTES:
            findings.append(_with_commit(_info(fpath or path, "skipped_large", lang), commit))
        else:
            small.append((sha, commit or None, fpath or path))
    jobs = worker_count(len(small), idle_cores_only=True)
    chunks = [small] if jobs == 1 else _chunks_by_path(small, sizes, jobs * 4)
    _STATE.update(root=root, allow=allow, lang=lang, allowlist=allowlist,
                  progress=on_progress if jobs == 1 else None)
    try:
        done = 0
        for found, chunk in zip(run_chunks(_history_chunk, chunks, jobs), chunks):
            findings += found
            done += len(chunk)
            if on_progress is not None and jobs > 1:
                on_progress(done, len(small))
    finally:
        _STATE.clear()
    if on_progress is not None:
        on_progress(len(small), len(small))
    findings.sort(key=lambda f: (f.path, f.commit or "", f.line, f.code))
    return findings


def _with_commit(f: Finding, commit: str | None) -> Finding:
    return Finding(f.path, f.line, f.code, f.severity, f.message, kind=f.kind, commit=commit, extra=f.extra)
