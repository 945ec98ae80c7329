"""Scan every blob in a repository's history, each blob once, and every path name ever used.

`gitlog.HistoryStart` reads one ``git log --all --raw`` as it streams; ``git cat-file
--batch`` streams the blobs' contents. Findings carry the commit that first added the
blob (or the path). Never rewrites anything.

On two cores the scan runs in two worker processes, forked before git starts:
1. each worker streams and normalises the blobs it is handed while git is still listing
   them (all blobs of a path go to one worker), and reports the distinct lines it holds;
2. each distinct line gets one owner, which computes its cache entry and its hits;
3. each worker receives the entries it lacks and scans its blobs from the full cache.
Any failure on that path (a worker dies, a pipe breaks) falls back to the serial scan.
"""

from __future__ import annotations

import os
import queue
import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from caseconf.errors import CaseconfError, NotARepository, OperationFailed
from caseconf.records.findings import Finding

from . import core
from .allowlist import load_allowlist
from .gitlog import HistoryStart
from .messages import lang_of

_BLOB_MARK = "blob:"  # a worker's finding names the blob; the parent puts in its first commit and path


def _stream_blobs(root: Path, shas: Iterable[str]) -> Iterator[tuple[str, bytes | None]]:
    """(sha, content) in the order given; content None for a blob over core.MAX_BYTES (read
    past, never held)."""
    shas = list(shas)
    with _CatFile(root) as cat:
        writer = threading.Thread(target=cat.write_all, args=(shas,), daemon=True)
        writer.start()
        for _ in shas:
            got = cat.read_one()
            if got is None:
                raise _stopped()
            yield got
        writer.join(timeout=5)


class _CatFile:
    """One `git cat-file --batch` process: shas in, (sha, content) out, in the same order."""

    def __init__(self, root: Path) -> None:
        env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
        self.proc = subprocess.Popen(["git", "-C", str(root), "cat-file", "--batch"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin, self.stdout = self.proc.stdin, self.proc.stdout

    def __enter__(self) -> _CatFile:
        return self

    def __exit__(self, *exc: object) -> None:
        for stream in (self.stdin, self.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self.proc.wait()

    def write(self, shas: list[str]) -> None:
        self.stdin.write("".join(f"{s}\n" for s in shas).encode())
        self.stdin.flush()

    def write_all(self, shas: list[str]) -> None:
        try:
            self.write(shas)
            self.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass

    def read_one(self) -> tuple[str, bytes | None] | None:
        """The next object, or None when git has stopped; a missing object is (sha, None)."""
        header = self.stdout.readline()
        if not header:
            return None
        f = header.decode("utf-8", "replace").split()
        if len(f) < 3 or f[1] == "missing":
            return (f[0] if f else "", None)
        size = int(f[2])
        if size > core.MAX_BYTES:
            left = size
            while left > 0:
                piece = self.stdout.read(min(left, 1 << 20))
                if not piece:
                    break
                left -= len(piece)
            data = None
        else:
            data = self.stdout.read(size)
        self.stdout.read(1)  # trailing LF
        return f[0], data


def _no_history(root: Path) -> CaseconfError:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    probe = subprocess.run(["git", "-C", str(root), "rev-parse", "--git-dir"], capture_output=True, env=env)
    if probe.returncode != 0:
        return NotARepository(f"{root}: not a git repository, so there is no history to scan",
                              "run `caseconf pii --history` in a clone of the team repository")
    return OperationFailed("git could not list the history", "run `git log --all` to see what git says")


def _stopped() -> OperationFailed:
    # never a silently shorter scan: a history scan that misses blobs would pass leaked data
    return OperationFailed("git cat-file stopped before it had returned every blob of the history",
                           "run the scan again; if it keeps failing, run `git fsck` on the repository")


class _Blob:
    """One blob, normalised, waiting for its scan (or a file name, scanned once per path)."""

    __slots__ = ("path", "commit", "norm", "note", "filename")

    def __init__(self, path: str, commit: str | None, norm: list[str] | None, note: str | None,
                 filename: bool) -> None:
        self.path, self.commit, self.norm, self.note, self.filename = path, commit, norm, note, filename


def _blob(path: str, commit: str | None, data: bytes | None) -> _Blob:
    text, note = core.decode_text(data)
    return _Blob(path, commit, core.prepare_lines(text) if text is not None else None, note, False)


def _read_blobs(items: list[tuple[str | None, str | None, str]], root: Path) -> Iterator[_Blob]:
    """Each path as a file name (items without a sha), then each blob's text."""
    where = {}
    for sha, commit, path in items:
        if sha is None:
            yield _Blob(path, commit, core.prepare_lines(path), None, True)
        else:
            where[sha] = (commit, path)
    for sha, data in _stream_blobs(root, where):
        commit, path = where.get(sha, (None, "?"))
        yield _blob(path, commit, data)


def _scan_blob(blob: _Blob, allow: frozenset[str], lang: str, allowlist: Any) -> list[Finding]:
    found = [core._info(blob.path, blob.note, lang)] if blob.note else []
    if blob.norm is not None:
        found += core.scan_norm_impl(blob.norm, blob.path, allow=allow, lang=lang, allowlist=allowlist,
                                     filename_scan=blob.filename)
    return [_with_commit(f, blob.commit) for f in found]


def _scan_serial(items: list[tuple[str | None, str | None, str]], root: Path, allow: frozenset[str], lang: str,
                 allowlist: Any, on_progress: Callable[[int, int], None] | None) -> list[Finding]:
    findings: list[Finding] = []
    done, total = 0, sum(1 for sha, _, _ in items if sha is not None)  # blobs (the rest are paths)
    for blob in _read_blobs(items, root):
        findings += _scan_blob(blob, allow, lang, allowlist)
        if not blob.filename:
            done += 1
            if on_progress is not None and done % 64 == 0:
                on_progress(done, total)
    return findings


# --------------------------------------------------------------------------- two workers


def serve(conn: Any) -> None:
    """A forked worker (see workers.Workers): reads the blobs it is handed while git lists
    them, then runs steps 1-3 of the module docstring. Lines whose hash falls to this worker
    are detected as soon as they turn up (in the read phase it often waits for git)."""
    try:
        root, index, count = conn.recv()
        received = _Received(index, count)
        blobs = _receive_blobs(conn, Path(root), received)
        if received.settings is None:
            return
        allow, lang, allowlist = received.settings
        # The parent shares out the lines not detected yet by the lines' hashes (forked
        # processes hash alike), which cross the pipe much faster than the lines. Entries
        # travel keyed by the line itself, so a hash collision could only leave a line to be
        # detected where it is used.
        by_hash = {hash(line): line for line in received.distinct if len(line) <= core.LineCache.MAX_KEY}
        conn.send(set(by_hash))
        todo, wanted = conn.recv()
        computed = received.computed
        computed.update(core.line_entries([by_hash[h] for h in todo], allow, lang))
        conn.send({by_hash[h]: computed[by_hash[h]] for h in wanted})  # what the other workers lack
        core.install_line_entries(conn.recv(), allow, lang)
        findings: list[Finding] = []
        for blob in blobs:
            findings += _scan_blob(blob, allow, lang, allowlist)
        conn.send(("ok", findings))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which falls back to serial
        try:
            conn.send(("failed", type(exc).__name__))
        except Exception:  # noqa: BLE001
            pass
    finally:
        conn.close()


class _Received:
    """A worker's lines: all it holds, and the entries of those it owns by hash, detected
    in batches as they come."""

    BATCH = 512

    def __init__(self, index: int, count: int) -> None:
        self.index, self.count = index, count
        self.settings: tuple[frozenset[str], str, Any] | None = None  # (allow words, language, allowlist)
        self.distinct: set[str] = set()
        self.pending: list[str] = []
        self.computed: dict[str, list] = {}

    def add(self, norm: list[str]) -> None:
        new = set(norm)
        new -= self.distinct
        if new:
            self.distinct |= new
            count, index = self.count, self.index
            self.pending += [line for line in new if hash(line) % count == index]
            if len(self.pending) >= self.BATCH:
                self.flush()

    def flush(self) -> None:
        if self.pending and self.settings is not None:
            allow, lang, _ = self.settings
            # a line too long for the cache is detected where it is met (as in a serial scan)
            lines = [line for line in self.pending if len(line) <= core.LineCache.MAX_KEY]
            self.computed.update(core.line_entries(lines, allow, lang))
            self.pending = []


def _receive_blobs(conn: Any, root: Path, received: _Received) -> list[_Blob]:
    """The blobs (and new paths) the parent hands over until "end", read through one
    cat-file process as they come: a thread passes them to git, this one reads git's answers."""
    blobs: list[_Blob] = []
    handed: queue.SimpleQueue[tuple[Any, Any] | None] = queue.SimpleQueue()
    with _CatFile(root) as cat:

        def feed() -> None:
            ended = settled = False
            try:
                while not (ended and settled):
                    message = conn.recv()
                    if message == "end":
                        ended = True
                        cat.stdin.close()
                    elif isinstance(message, tuple):  # ("settings", (allow words, language, allowlist))
                        settled = True
                        handed.put(message)
                    else:
                        for item in message:
                            handed.put(item)
                        cat.write([sha for sha, _ in message if sha is not None])
            except (EOFError, OSError, ValueError):
                pass
            finally:
                handed.put(None)
                try:
                    cat.stdin.close()
                except OSError:
                    pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        while (item := handed.get()) is not None:
            if item[0] == "settings":
                received.settings = item[1]
                received.flush()
                continue
            sha, path = item
            if sha is None:  # a file name
                blobs.append(_Blob(path, None, core.prepare_lines(path), None, True))
                received.add(blobs[-1].norm)  # type: ignore[arg-type]
            else:
                got = cat.read_one()
                if got is None:
                    raise _stopped()
                blob = _blob(path, _BLOB_MARK + sha, got[1])
                blobs.append(blob)
                if blob.norm is not None:
                    received.add(blob.norm)
        feeder.join()
    received.distinct.discard("")
    received.flush()
    return blobs


def _owners(line_sets: list[set[int]]) -> tuple[list[list[int]], list[list[int]]]:
    """The lines (hashes) each worker has still to detect, and the lines each worker detected
    that another worker holds too. A worker has detected the lines it holds whose hash falls
    to it; a line whose hash falls to a worker that does not hold it goes to one that does."""
    n = len(line_sets)
    if n == 2:  # set operations only: the parent is on the critical path here
        a, b = line_sets
        both = a & b
        return ([h for h in a - b if h % 2 == 1], [h for h in b - a if h % 2 == 0]), \
            ([h for h in both if h % 2 == 0], [h for h in both if h % 2 == 1])
    todo: list[list[int]] = [[] for _ in range(n)]
    detected_by: dict[int, int] = {}
    for i, lines in enumerate(line_sets):
        for h in lines:
            if h not in detected_by:
                owner = h % n
                if owner != i and h not in line_sets[owner]:
                    owner = min((j for j in range(n) if h in line_sets[j]), key=lambda j: len(todo[j]))
                    todo[owner].append(h)
                detected_by[h] = owner
    wanted: list[list[int]] = [[] for _ in range(n)]
    for h, i in detected_by.items():
        if any(h in line_sets[j] for j in range(n) if j != i):
            wanted[i].append(h)
    return todo, wanted


def _scan_parallel(started: HistoryStart, on_progress: Callable[[int, int], None] | None) -> list[Finding] | None:
    """The findings of the workers' blobs, with first commits and paths; None when that
    failed. Progress is told in steps: listed, read, shared, scanned."""
    assert started.workers is not None
    pipes = started.workers.pipes
    step = on_progress or (lambda done, total: None)
    try:
        if not started.wait():  # the reader thread has sent "end" to every worker
            return None
        step(1, 4)
        line_sets = [conn.recv() for conn in pipes]
        step(2, 4)
        owners, wanted = _owners(line_sets)
        for conn, todo, want in zip(pipes, owners, wanted):
            conn.send((todo, want))
        computed = [conn.recv() for conn in pipes]
        for i, conn in enumerate(pipes):
            conn.send({line: entry for j, part in enumerate(computed) if j != i for line, entry in part.items()})
        step(3, 4)
        findings: list[Finding] = []
        for conn in pipes:
            status, payload = conn.recv()
            if status != "ok":
                return None
            findings += payload
    except (EOFError, OSError, TypeError, ValueError):
        return None
    out = []
    for f in findings:
        if f.commit is not None and f.commit.startswith(_BLOB_MARK):
            sha = f.commit[len(_BLOB_MARK):]
            path = started.first_path.get(sha, f.path)
            out.append(Finding(path, f.line, f.code, f.severity, f.message, kind=f.kind,
                               commit=started.first_commit.get(sha), extra=f.extra))
        else:  # a file name
            out.append(_with_commit(f, started.path_commit.get(f.path)))
    return out


def warm_detectors() -> None:
    """Load what every scan needs (the name lexicon and patterns) before the workers fork.
    Phone metadata, bank registries and the lemmatiser's dictionaries load where a
    candidate first needs them: a clean history never does."""
    core.detect_whole("Jan Novák.", frozenset(), "cs")


def scan_history_impl(root: Path, *, allow_words: Iterable[str], lang: str,
                      on_progress: Callable[[int, int], None] | None = None,
                      started: HistoryStart | None = None) -> list[Finding]:
    lang = lang_of(lang)
    root = Path(root)
    if started is None:
        started = HistoryStart(root)
    try:
        allow = core._allow_set(allow_words)
        allowlist = load_allowlist(root)
        started.begin((allow, lang, allowlist))
        findings = None
        if started.workers is not None:
            if on_progress is not None:
                on_progress(0, 4)
            findings = _scan_parallel(started, on_progress)
            started.close(kill=findings is None)
            if findings is None and not started.wait():
                started = HistoryStart(root, jobs=1)  # the listing stopped with a worker: list again
        if findings is None:
            if not started.wait():
                raise _no_history(root)
            findings = _scan_serial(started.oldest_first(), root, allow, lang, allowlist, on_progress)
    finally:
        started.close(kill=True)
    if on_progress is not None:
        on_progress(1, 1)  # done (whichever way it ran)
    findings.sort(key=lambda f: (f.path, f.commit or "", f.line, f.code))
    return findings


def _with_commit(f: Finding, commit: str | None) -> Finding:
    return Finding(f.path, f.line, f.code, f.severity, f.message, kind=f.kind, commit=commit, extra=f.extra)
