"""Scan every blob in a repository's history, each blob once.

One ``git log --all --raw`` pass lists every blob with the first commit and path that
introduced it (oldest first); ``git cat-file --batch`` streams their contents. Never
rewrites anything.

On two cores a large history is scanned by two worker processes, in three steps, so
that no line is detected twice:
1. each worker streams and normalises its share of the blobs (all versions of a path in
   one worker) and reports the distinct lines it holds;
2. each distinct line gets one owner, which computes its cache entry and its hits;
3. each worker receives the entries it lacks and scans its blobs from the full cache.
Any failure on that path (a worker dies, a pipe breaks) falls back to the serial scan.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from caseconf.records.findings import Finding

from . import core
from .allowlist import load_allowlist
from .messages import lang_of
from .normalize import normalize_lines

_ZERO = "0" * 40
Item = tuple[str, "str | None", str]  # (blob sha, first commit, path)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, env=env, check=False)


class HistoryLog:
    """The `git log --all --raw` pass, started in the background so that it runs while the
    caller loads its configuration and the detectors warm up."""

    ARGS = ("-c", "log.showRoot=true", "-c", "core.quotePath=false", "log", "--all", "--reverse",
            "--topo-order", "-m", "--raw", "--no-abbrev", "--no-renames", "--format=C%H", "-z")

    def __init__(self, root: Path) -> None:
        env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
        self._out: list[bytes] = []
        try:
            self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                ["git", "-C", str(root), *self.ARGS], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL, env=env)
        except OSError:
            self._proc = None
            return
        # a thread drains the pipe (git would stop at a full pipe buffer); reading releases the GIL
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        self._out.append(self._proc.stdout.read())
        self._proc.stdout.close()
        self._proc.wait()

    def items(self) -> list[Item]:
        """(blob sha, first commit, path) of every blob any commit reachable from a ref added,
        each once, oldest first. Submodule links are not blobs and are left out."""
        if self._proc is None:
            return []
        self._reader.join()
        if self._proc.returncode != 0 or not self._out:
            return []
        return _parse_raw_log(self._out[0])


def introduced_blobs(root: Path) -> list[Item]:
    return HistoryLog(root).items()


def _parse_raw_log(raw: bytes) -> list[Item]:
    first: dict[str, Item] = {}
    commit = ""
    # with -z: records are NUL separated; the format line ends with "\n" before the raw block
    parts = raw.split(b"\x00")
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
                    first[new_sha] = (new_sha, commit or None, path)
            continue
        i += 1
    return list(first.values())


def _stream_blobs(root: Path, shas: list[str]) -> Iterator[tuple[str, bytes | None]]:
    """(sha, content) in the order given; content None for a blob over core.MAX_BYTES (read
    past, never held)."""
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    proc = subprocess.Popen(["git", "-C", str(root), "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdin is not None and proc.stdout is not None
    stdin, stdout = proc.stdin, proc.stdout

    def feed() -> None:
        try:
            stdin.write("".join(f"{s}\n" for s in shas).encode())
            stdin.close()
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for _ in shas:
            header = stdout.readline()
            if not header:
                break
            f = header.decode("utf-8", "replace").split()
            if len(f) < 3 or f[1] == "missing":
                continue
            size = int(f[2])
            if size > core.MAX_BYTES:
                left = size
                while left > 0:
                    piece = stdout.read(min(left, 1 << 20))
                    if not piece:
                        break
                    left -= len(piece)
                data = None
            else:
                data = stdout.read(size)
            stdout.read(1)  # trailing LF
            yield f[0], data
    finally:
        writer.join(timeout=5)
        stdout.close()
        proc.wait()


class _Blob:
    """One blob, normalised, waiting for its scan (or a file name, scanned once per path)."""

    __slots__ = ("path", "commit", "norm", "infos", "filename")

    def __init__(self, path: str, commit: str | None, norm: list[str] | None, infos: list[Finding],
                 filename: bool) -> None:
        self.path, self.commit, self.norm, self.infos, self.filename = path, commit, norm, infos, filename


def _read_blobs(items: list[Item], root: Path, lang: str) -> Iterator[_Blob]:
    """Each path once as a file name (the first time it turns up), then each blob's text."""
    where = {sha: (commit, path) for sha, commit, path in items}
    seen_paths: set[str] = set()
    for sha, data in _stream_blobs(root, [sha for sha, _, _ in items]):
        commit, path = where.get(sha, (None, "?"))
        if path not in seen_paths:
            seen_paths.add(path)
            yield _Blob(path, commit, normalize_lines(path), [], True)
        if data is None:
            yield _Blob(path, commit, None, [core._info(path, "skipped_large", lang)], False)
            continue
        text, infos = core.decode_bytes(data, path, lang)
        yield _Blob(path, commit, normalize_lines(text) if text is not None else None, infos, False)


def _scan_blob(blob: _Blob, allow: frozenset[str], lang: str, allowlist: Any) -> list[Finding]:
    found = list(blob.infos)
    if blob.norm is not None:
        found += core.scan_norm_impl(blob.norm, blob.path, allow=allow, lang=lang, allowlist=allowlist,
                                     filename_scan=blob.filename)
    return [_with_commit(f, blob.commit) for f in found]


def _scan_serial(items: list[Item], root: Path, allow: frozenset[str], lang: str, allowlist: Any,
                 on_progress: Callable[[int, int], None] | None) -> list[Finding]:
    findings: list[Finding] = []
    done = 0
    for blob in _read_blobs(items, root, lang):
        findings += _scan_blob(blob, allow, lang, allowlist)
        if not blob.filename:
            done += 1
            if on_progress is not None and done % 64 == 0:
                on_progress(done, len(items))
    return findings


# --------------------------------------------------------------------------- two workers


def _worker(conn: Any, items: list[Item]) -> None:
    """Runs in a forked process: the three steps of the module docstring, over `conn`."""
    try:
        core._quiet_worker()
        st = core._STATE
        root, allow, lang, allowlist = st["root"], st["allow"], st["lang"], st["allowlist"]
        blobs = list(_read_blobs(items, root, lang))
        distinct: set[str] = set()
        for blob in blobs:
            if blob.norm is not None:
                distinct.update(blob.norm)
        distinct.discard("")
        conn.send(distinct)
        todo, wanted = conn.recv()
        computed = core.line_entries(todo, allow, lang)
        conn.send({line: computed[line] for line in wanted})  # what the other workers lack
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
        os._exit(0)


def _owners(line_sets: list[set[str]]) -> list[list[str]]:
    """Each distinct line to one worker that holds it, the loads kept even (the only
    cross-process traffic is then the lines two workers share)."""
    todo: list[list[str]] = [[] for _ in line_sets]
    if len(line_sets) == 2:
        a, b = line_sets
        both = list(a & b)
        todo[0] += a - b
        todo[1] += b - a
        # shared lines fill the lighter side first, then alternate
        gap = max(0, min(len(both), len(todo[1]) - len(todo[0])))
        share = gap + (len(both) - gap) // 2
        todo[0] += both[:share]
        todo[1] += both[share:]
        return todo
    taken: set[str] = set()
    for i, lines in sorted(enumerate(line_sets), key=lambda p: len(p[1])):
        for line in lines:
            if line not in taken:
                taken.add(line)
                todo[i].append(line)
    return todo


def _scan_parallel(chunks: list[list[Item]]) -> list[Finding] | None:
    """The findings of all chunks, scanned by one worker each; None when that failed."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    pipes, procs = [], []
    try:
        for chunk in chunks:
            parent_end, child_end = ctx.Pipe()
            proc = ctx.Process(target=_worker, args=(child_end, chunk), daemon=True)
            proc.start()
            child_end.close()
            pipes.append(parent_end)
            procs.append(proc)
        line_sets = [conn.recv() for conn in pipes]
        owners = _owners(line_sets)
        for i, (conn, todo) in enumerate(zip(pipes, owners)):
            others = [lines for j, lines in enumerate(line_sets) if j != i]
            conn.send((todo, [line for line in todo if any(line in lines for lines in others)]))
        computed: dict[str, list] = {}
        for conn in pipes:
            computed.update(conn.recv())
        for i, (conn, lines) in enumerate(zip(pipes, line_sets)):
            mine = set(owners[i])
            conn.send({line: entry for line, entry in computed.items() if line in lines and line not in mine})
        findings: list[Finding] = []
        for conn in pipes:
            status, payload = conn.recv()
            if status != "ok":
                return None
            findings += payload
        return findings
    except (EOFError, OSError, TypeError, ValueError):
        return None
    finally:
        for conn in pipes:
            conn.close()
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()


def _warm_detectors(lang: str) -> None:
    """Import and load what the detectors load lazily (phone metadata, the lemmatiser's
    dictionaries, the name lexicon), so that forked workers inherit it."""
    from . import names

    core.detect_whole("Volat 603 123 456, účet 19-2000145399/0800, Jan Novák.", frozenset(), lang)
    names.warm_lemmatizer(lang)


def _chunks_by_path(items: list[Item], n: int) -> list[list[Item]]:
    """n chunks of about as many blobs; all blobs of a path in one chunk, in stream order."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item[2], []).append(item)
    chunks: list[list[Item]] = [[] for _ in range(n)]
    for group in sorted(groups.values(), key=len, reverse=True):
        min(chunks, key=len).extend(group)
    order = {sha: i for i, (sha, _, _) in enumerate(items)}
    for chunk in chunks:
        chunk.sort(key=lambda it: order[it[0]])
    return [c for c in chunks if c]


def scan_history_impl(root: Path, *, allow_words: Iterable[str], lang: str,
                      on_progress: Callable[[int, int], None] | None = None,
                      log: HistoryLog | None = None) -> list[Finding]:
    lang = lang_of(lang)
    root = Path(root)
    if log is None:
        if _git(root, "rev-parse", "--git-dir").returncode != 0:
            return []
        log = HistoryLog(root)
    allow = core._allow_set(allow_words)
    allowlist = load_allowlist(root)
    _warm_detectors(lang)  # while git log runs; forked workers inherit it
    items = log.items()
    if not items:
        return []
    jobs = core.worker_count(len(items))
    core._STATE.update(root=root, allow=allow, lang=lang, allowlist=allowlist)
    try:
        findings = None
        if jobs > 1:
            if on_progress is not None:
                on_progress(0, len(items))
            chunks = _chunks_by_path(items, jobs)
            findings = _scan_parallel(chunks) if len(chunks) > 1 else None
        if findings is None:
            findings = _scan_serial(items, root, allow, lang, allowlist, on_progress)
    finally:
        core._STATE.clear()
    if on_progress is not None:
        on_progress(len(items), len(items))
    findings.sort(key=lambda f: (f.path, f.commit or "", f.line, f.code))
    return findings


def _with_commit(f: Finding, commit: str | None) -> Finding:
    return Finding(f.path, f.line, f.code, f.severity, f.message, kind=f.kind, commit=commit, extra=f.extra)
