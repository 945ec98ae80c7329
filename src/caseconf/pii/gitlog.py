"""The history scan's git pass: one `git log --all --raw`, read as it streams.

It lists every blob any commit added, with its path, and every path ever used. Each blob
is handed on (to a worker process, or to a list for the serial scan) the first time it
turns up, so that its contents are streamed and scanned while git is still walking the
history; the commit that introduced it is known once the log ends (git lists newest
first, so the last commit seen is the earliest). git starts before anything heavy is
imported; the detectors load while it runs.
"""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path
from typing import Any

_ZERO = "0" * 40
SEND_BATCH = 256  # items per message to a worker
Item = tuple["str | None", str]  # (blob sha, or None for a file name only; path)


class RawLogParser:
    """Incremental parser of `git log --raw -z --format=C%H` output."""

    def __init__(self) -> None:
        self._rest = b""
        self._commit = ""
        self._pending_header: str | None = None  # a raw header whose path is in the next token

    def feed(self, data: bytes, final: bool = False) -> list[tuple[str, str, str]]:
        """(commit, new blob sha, path) of every complete raw line in data."""
        parts = (self._rest + data).split(b"\x00")
        self._rest = b"" if final else parts.pop()
        out: list[tuple[str, str, str]] = []
        for raw in parts:
            tok = raw.decode("utf-8", "replace")
            if self._pending_header is not None:
                fields = self._pending_header[1:].split(" ")
                self._pending_header = None
                if len(fields) >= 5:
                    new_mode, new_sha = fields[1], fields[3]
                    if new_sha != _ZERO and new_mode != "160000":  # not a deletion, not a submodule
                        out.append((self._commit, new_sha, tok))
                continue
            tok = tok.lstrip("\n")
            if tok.startswith("C") and len(tok) >= 41:
                # "C<sha>\n:100644 ..." - the format line may share a token with the first raw header
                head, _, rest = tok.partition("\n")
                self._commit = head[1:41]
                tok = rest.lstrip("\n")
            if tok.startswith(":"):
                self._pending_header = tok
        return out


class HistoryStart:
    """A history scan begun: git log started at once, worker processes forked, and a thread
    reading the log and handing each new blob to a worker as soon as it is listed - all
    while the caller loads its configuration; then (`begin`) the workers get the settings
    and detect lines from then on."""

    ARGS = ("-c", "log.showRoot=true", "-c", "core.quotePath=false", "log", "--all", "-m", "--raw",
            "--no-abbrev", "--no-renames", "--format=C%H", "-z")

    def __init__(self, root: Path, jobs: int | None = None) -> None:
        from .workers import Workers, worker_count

        env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
        self.root = root
        self.first_commit: dict[str, str] = {}   # blob sha -> earliest commit that added it
        self.first_path: dict[str, str] = {}     # blob sha -> its path in that commit
        self.path_commit: dict[str, str] = {}    # path -> earliest commit that added a blob there
        self.items: list[Item] = []              # in the order first seen (newest first)
        self.ok = False
        self.workers: Any = None
        self._locks: list[threading.Lock] = []
        self._reader: threading.Thread | None = None
        try:
            self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                ["git", "-C", str(root), *self.ARGS], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL, env=env)
        except OSError:
            self._proc = None
        _grow_pipe(self._proc)
        jobs = (worker_count(None) if jobs is None else jobs) if self._proc is not None else 1
        if jobs > 1:
            # The detectors (their modules, patterns and data) are loaded once, while git
            # runs, and the workers inherit them; no thread is running when they fork.
            from .history import warm_detectors

            warm_detectors()
            self.workers = Workers(jobs)
            for k, conn in enumerate(self.workers.pipes):
                conn.send((str(root), k, jobs))
        # the reader thread and the caller both write to the workers: a lock per pipe
        self._locks = [threading.Lock() for _ in (self.workers.pipes if self.workers is not None else ())]
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def begin(self, settings: Any) -> None:
        """Hand the workers what they scan with: they stream blobs from the start, and
        detect lines once they have the settings."""
        for k in range(len(self._locks)):
            try:
                self._send(k, ("settings", settings))
            except (OSError, ValueError):
                pass

    def _send(self, k: int, message: Any) -> None:
        assert self.workers is not None
        with self._locks[k]:
            self.workers.pipes[k].send(message)

    def _read(self) -> None:
        if self._proc is None or self._proc.stdout is None:
            self._end_workers()
            return
        parser = RawLogParser()
        pipes = self.workers.pipes if self.workers is not None else []
        outbox: list[list[Item]] = [[] for _ in pipes]
        seen_paths: set[str] = set()
        stdout = self._proc.stdout
        try:
            while True:
                data = stdout.read1(1 << 16)
                for commit, sha, path in parser.feed(data, final=not data):
                    new_sha = sha not in self.first_commit
                    self.first_commit[sha] = commit  # newest first: the last one seen is the earliest
                    self.first_path[sha] = path
                    self.path_commit[path] = commit
                    new_path = path not in seen_paths
                    if not (new_sha or new_path):
                        continue
                    seen_paths.add(path)
                    item = (sha if new_sha else None, path)
                    self.items.append(item)
                    if pipes:
                        # a file name to one worker, the blob (by its sha) to one: even when a
                        # single file makes most of the history, both workers share it
                        sent = [(None, path)] * new_path + [(sha, path)] * new_sha
                        for message in sent:
                            k = hash(message[0] or message[1]) % len(pipes)
                            outbox[k].append(message)
                            if len(outbox[k]) >= SEND_BATCH:
                                self._send(k, outbox[k])
                                outbox[k] = []
                if not data:
                    break
            for k, box in enumerate(outbox):
                if box:
                    self._send(k, box)
            self.ok = self._proc.wait() == 0
        except (OSError, ValueError):
            self.ok = False
        finally:
            stdout.close()
            self._end_workers()

    def _end_workers(self) -> None:
        for k in range(len(self._locks)):
            try:
                self._send(k, "end")
            except (OSError, ValueError):
                pass

    def wait(self) -> bool:
        """Whether git listed the history (False outside a repository, or on a git error)."""
        assert self._reader is not None
        self._reader.join()
        return self.ok

    def oldest_first(self) -> list[tuple["str | None", "str | None", str]]:
        """(None, earliest commit, path) for every path ever used, then (blob sha, earliest
        commit, its path then) for every blob; oldest first."""
        self.wait()
        paths = [(None, commit, path) for path, commit in reversed(self.path_commit.items())]
        blobs = [(sha, self.first_commit.get(sha), self.first_path.get(sha, path))
                 for sha, path in reversed(self.items) if sha is not None]
        return paths + blobs

    def close(self, *, kill: bool = False) -> None:
        if self.workers is not None:
            self.workers.close()
            self.workers = None
        if kill and self._proc is not None and self._proc.poll() is None:
            self._proc.kill()


def _grow_pipe(proc: subprocess.Popen[bytes] | None) -> None:
    try:
        import fcntl

        if proc is not None and proc.stdout is not None:
            fcntl.fcntl(proc.stdout.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):  # not Linux, or a lower limit: git then waits for the reader
        pass
